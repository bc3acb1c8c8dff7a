"""The progress of a long import on a terminal: rows read and a bar, drawn on standard error once the import has
taken a second, and never in a pipe."""

from __future__ import annotations

import time
from typing import TextIO

from assistant.i18n import t

DELAY_SECONDS = 1.0
REDRAW_SECONDS = 0.1
BAR_WIDTH = 30


class TerminalProgress:
    def __init__(self, stream: TextIO, locale: str) -> None:
        self.stream = stream
        self.locale = locale
        self.clock = time.monotonic
        self.started = self.clock()
        self.drawn_at: float | None = None
        self.live = _is_terminal(stream)

    def __call__(self, rows: int, done: int, size: int) -> None:
        if not self.live:
            return
        now = self.clock()
        if now - self.started < DELAY_SECONDS or (self.drawn_at is not None and now - self.drawn_at < REDRAW_SECONDS):
            return
        self.drawn_at = now
        ratio = min(1.0, done / size) if size else 1.0
        filled = round(BAR_WIDTH * ratio)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        line = t("survey.progress", self.locale, bar=bar, percent=round(100 * ratio), rows=f"{rows:,}")
        self.stream.write("\r" + line)
        self.stream.flush()

    def finish(self) -> None:
        """Clear the progress line, so the summary starts on a clean line."""
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
