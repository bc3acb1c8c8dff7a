"""Reading a spreadsheet of responses as Google Forms, Microsoft Forms (through Excel), Typeform and Excel write
CSV: UTF-8 with or without a byte-order mark (or UTF-16 with one, Excel's “Unicode Text”), commas, semicolons (Excel
where the decimal mark is a comma) or tabs, quoted cells spanning several lines, CRLF or LF line ends.

Rows stream from the file, so a 50 MB export never sits in memory twice; a file in another encoding, a workbook
saved as .xlsx, or a binary file is refused with a sentence saying how to save it instead.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from assistant.documents import DocumentError
from assistant.errors import JourneyError

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_CELL_CHARS = 1_000_000
SAMPLE_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


@dataclass
class CsvFile:
    """An open spreadsheet of responses: its header, then its records one by one."""

    path: Path
    size: int
    encoding: str
    delimiter: str
    header: list[str]
    _text: io.TextIOWrapper
    _reader: _Reader
    _binary: BinaryIO

    def records(self) -> Iterator[list[str]]:
        """The records after the header, straight from the csv module (delegated with `yield from`: a loop of ours
        per row would cost as much as reading it). A record the csv module cannot read (its quotes do not match)
        comes as a `BrokenRecord`, and reading goes on with the next line. Read them inside `problems()`, which
        turns a decoding problem, or a cell too long to be an answer, into a sentence about the whole file."""
        reader = self._reader
        while True:
            try:
                yield from reader
                return
            except csv.Error as error:
                kind = _kind_of(error)
                if kind == "too_long":
                    raise
                yield BrokenRecord(kind, reader.line_num)

    @contextmanager
    def problems(self) -> Iterator[None]:
        """A decoding or reading problem met while reading, as a sentence naming the line it was found on."""
        try:
            yield
        except UnicodeDecodeError:
            raise _decoding_error(self.path, self.encoding, self._reader.line_num + 1) from None
        except csv.Error as error:
            raise _reading_error(self.path, error, self._reader.line_num) from None

    def bytes_read(self) -> int:
        try:
            return self._binary.tell()
        except (OSError, ValueError):
            return self.size

    def close(self) -> None:
        self._text.close()

    def __enter__(self) -> CsvFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class BrokenRecord(list[str]):
    """A record the csv module could not read, in the place of its cells: empty, so it never has a header's width,
    and a reader checking the width (as every reader must: rows may be short) meets it at no cost to the others."""

    def __init__(self, kind: str, line: int) -> None:
        super().__init__()
        self.kind = kind
        self.line = line
        """The line of the file where reading it stopped."""


def _kind_of(error: csv.Error) -> str:
    """What went wrong, from the csv module's message, the only account it gives: a cell over the size limit, a
    quote never closed before the end of the file, or quotes that do not match (in strict mode a closing quote
    must end its cell, so a quote left open shows where the next quote comes)."""
    reason = str(error)
    if "field larger than field limit" in reason:
        return "too_long"
    if "unexpected end of data" in reason:
        return "unclosed"
    if "expected after" in reason:
        return "quote"
    return "malformed"


def _reading_error(path: Path, error: csv.Error, line: int) -> JourneyError:
    kind = _kind_of(error)
    if kind == "too_long":
        return JourneyError("survey.read.cell_too_long", path=str(path), line=line, limit=f"{MAX_CELL_CHARS:,}")
    return JourneyError("survey.read.malformed", path=str(path), line=line)


def _decoding_error(path: Path, encoding: str, line: int) -> JourneyError:
    """A file that is not the text it says it is: UTF-8, or UTF-16 when it starts with that byte-order mark."""
    key = "survey.read.not_utf16" if encoding == "utf-16" else "survey.read.not_utf8"
    return JourneyError(key, path=str(path), line=line)


class _Reader(Protocol):
    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...
    def __next__(self) -> list[str]: ...


def open_responses(path: Path) -> CsvFile:
    """Open `path` as a CSV of responses and read its header, or refuse it with a sentence."""
    where = str(path)
    try:
        size = path.stat().st_size
        binary = path.open("rb")
    except FileNotFoundError:
        raise DocumentError("document.not_found", path=where) from None
    except IsADirectoryError:
        raise DocumentError("document.is_directory", path=where) from None
    except OSError as error:
        raise DocumentError("document.unreadable", path=where, reason=error.strerror or str(error)) from None
    try:
        return _open(path, size, binary)
    except BaseException:
        binary.close()
        raise


def _open(path: Path, size: int, binary: BinaryIO) -> CsvFile:
    where = str(path)
    if size > MAX_FILE_BYTES:
        raise JourneyError("survey.read.too_big", path=where, size=f"{size / 1024 / 1024:,.0f}")
    raw = binary.read(SAMPLE_BYTES)
    if not raw.strip(b" \t\r\n\xef\xbb\xbf"):
        raise JourneyError("survey.read.empty", path=where)
    if raw.startswith(_WORKBOOKS):
        raise JourneyError("survey.read.workbook", path=where)
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), "utf-8")
    try:
        sample = codecs.getincrementaldecoder(encoding)(errors="strict").decode(raw, final=len(raw) == size)
    except UnicodeDecodeError as error:
        line = raw[: error.start].decode(encoding, errors="replace").count("\n") + 1
        raise _decoding_error(path, encoding, line) from None
    if "\x00" in sample:
        raise JourneyError("survey.read.binary", path=where)
    delimiter = _delimiter(sample)
    csv.field_size_limit(MAX_CELL_CHARS)
    binary.seek(0)
    text = io.TextIOWrapper(binary, encoding=encoding, errors="strict", newline="")
    # Strict: a closing quote must end its cell, so a quote left open is found where the next quote comes, not
    # swallowed with the rows after it into one cell.
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except UnicodeDecodeError:
        raise _decoding_error(path, encoding, reader.line_num + 1) from None
    except csv.Error as error:
        kind = _kind_of(error)
        if kind in ("quote", "unclosed"):
            raise JourneyError("survey.read.header_quote", path=where, line=reader.line_num) from None
        raise _reading_error(path, error, reader.line_num) from None
    if header is None or not any(cell.strip() for cell in header):
        raise JourneyError("survey.read.empty", path=where)
    return CsvFile(path, size, encoding, delimiter, header, text, reader, binary)


def _delimiter(sample: str) -> str:
    """The separator that splits the header into the most cells (a comma when they tie): Excel writes semicolons
    where the decimal mark is a comma, and its “Unicode Text” uses tabs."""
    try:
        counts = {
            delimiter: len(next(csv.reader(io.StringIO(sample), delimiter=delimiter), [])) for delimiter in DELIMITERS
        }
    except csv.Error:
        return ","
    return max(DELIMITERS, key=lambda delimiter: (counts[delimiter], -DELIMITERS.index(delimiter)))
