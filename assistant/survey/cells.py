"""Cells as a spreadsheet reads them: a cell that starts with `=`, `+`, `-` or `@` is a formula to Excel, Google
Sheets and LibreOffice, so text written for a spreadsheet starts such a cell with an apostrophe (the mark those
programs read as "this is text" and do not show), and text read back loses that apostrophe again."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def as_spreadsheet_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def from_spreadsheet_text(value: str) -> str:
    """The text a cell holds: the apostrophe a spreadsheet hides in front of a would-be formula is not part of it."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    """A CSV document as Excel opens it without asking: UTF-8 with a byte-order mark, commas, CRLF line ends, and
    every cell safe from being read as a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([as_spreadsheet_text(cell) for cell in row])
    return BOM + buffer.getvalue()
