"""Where journey's own warnings go: a log file in the user's log directory, opened only when there is something
to write, so that a command which logs nothing never touches the disk or imports platformdirs."""

from __future__ import annotations

import logging
from pathlib import Path

LOGGER_NAME = "journey"


def log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("journey", appauthor=False) / "journey.log"


class _LazyFileHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._file: logging.FileHandler | None = None
        self.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._file is None:
                path = log_path()
                path.parent.mkdir(parents=True, exist_ok=True)
                self._file = logging.FileHandler(path, encoding="utf-8")
                self._file.setFormatter(self.formatter)
            self._file.emit(record)
        except OSError:
            pass  # a log that cannot be written must not become an error of its own


def log_to_file() -> None:
    """Send journey's warnings and errors to the log file (once per process)."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(handler, _LazyFileHandler) for handler in logger.handlers):
        logger.addHandler(_LazyFileHandler())
        logger.setLevel(logging.WARNING)
