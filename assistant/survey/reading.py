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
        """The records after the header, straight from the csv module (a frame of ours per row would cost as much
        as reading it); read them inside `problems()`, which turns a decoding problem into a sentence."""
        return self._reader

    @contextmanager
    def problems(self) -> Iterator[None]:
        """A decoding or quoting problem met while reading, as a sentence naming the line it was found on."""
        try:
            yield
        except UnicodeDecodeError:
            raise JourneyError("survey.read.not_utf8", path=str(self.path), line=self._reader.line_num + 1) from None
        except csv.Error as error:
            raise JourneyError(
                "survey.read.malformed", path=str(self.path), line=self._reader.line_num, reason=str(error)
            ) from None

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
        sample = codecs.getincrementaldecoder(encoding)(errors="strict").decode(raw, final=False)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise JourneyError("survey.read.not_utf8", path=where, line=line) from None
    if "\x00" in sample:
        raise JourneyError("survey.read.binary", path=where)
    delimiter = _delimiter(sample)
    csv.field_size_limit(MAX_CELL_CHARS)
    binary.seek(0)
    text = io.TextIOWrapper(binary, encoding=encoding, errors="strict", newline="")
    reader = csv.reader(text, delimiter=delimiter, strict=False)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise JourneyError("survey.read.malformed", path=where, line=1, reason=str(error)) from None
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
