"""Writing user files safely: never a half-written file, never an existing file replaced unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from assistant.errors import JourneyError


def write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    if path.is_dir():
        raise JourneyError("file.is_directory", path=str(path))
    if path.exists() and not force:
        raise JourneyError("file.exists", path=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise JourneyError("file.unwritable", path=str(path), reason=error.strerror or str(error)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
