"""Writing user files safely: never a half-written file, never an existing file replaced unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

from assistant.errors import JourneyError

Format = TypeVar("Format", bound=str)


def output_format(path: Path | None, requested: str | None, suffixes: Mapping[str, Format]) -> Format:
    """The format to write: the one asked for, else the one the output file's suffix names, else (on the screen)
    Markdown. A file whose name says another format than --format, or no format at all, is refused: Markdown
    written into bike.pdf is a file nothing opens."""
    formats = list(dict.fromkeys(suffixes.values()))
    named = suffixes.get(path.suffix.lower()) if path is not None else None
    if requested is not None:
        chosen = next((known for known in formats if known == requested), None)
        if chosen is None:
            raise JourneyError("cli.unknown_format", format=requested, known=", ".join(formats))
        if path is not None and named is not None and named != chosen:
            raise JourneyError(
                "cli.format_contradicts_suffix",
                path=str(path),
                suffix=path.suffix,
                named=named,
                requested=chosen,
                expected=" / ".join(suffix for suffix, known in suffixes.items() if known == chosen),
            )
        return chosen
    if path is None:
        return next(known for known in formats if known == "md")
    if named is None:
        listed = ", ".join(
            f"{known} ({', '.join(suffix for suffix, of in suffixes.items() if of == known)})" for known in formats
        )
        raise JourneyError("cli.format_unknown_suffix", path=str(path), formats=listed)
    return named


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
