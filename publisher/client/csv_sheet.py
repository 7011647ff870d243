"""Reading a spreadsheet someone saved as CSV: the part every import shares.

People's sheets are messy: exported by Excel with or without a BOM, or in GB18030 by an older
Chinese Excel, split by commas, tabs or semicolons, with headers in English or Chinese, with
notes in brackets (`价格(元)`) or two names in one (`SKU/商品编码`). This module turns such a
file into rows of cells under known column names; each import (products, planned notes)
says which headers name which of its columns and checks the cells itself. Errors are codes
with params under the import's own prefix, translated by the app.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_BYTES = 10 * 1024 * 1024


class CsvError(Exception):
    """The file as a whole cannot be read; `code` and `params` say why."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.params = params or {}


@dataclass(frozen=True)
class RowError:
    row: int
    """The row as a spreadsheet numbers it: the header is row 1."""
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sheet:
    columns: tuple[str, ...]
    """The known columns the file has, in the order the import lists them."""
    rows: tuple[tuple[int, dict[str, str]], ...]
    """Each row read: its number and the trimmed text of each known column."""


def decode(data: bytes, *, prefix: str) -> str:
    """UTF-8 with or without a BOM, UTF-16 with one (Excel's "Unicode text"), else GB18030.

    Raises:
        CsvError: `{prefix}.encoding`.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvError(f"{prefix}.encoding")


def normal(text: str) -> str:
    """Full-width forms folded (NFKC: `￥` → `¥`, `（` → `(`), outer spaces dropped."""
    return unicodedata.normalize("NFKC", text).strip()


def column_of(header: str, headers: Mapping[str, str]) -> str | None:
    """The column a header names, looked up in `headers` (keys lower-case, without spaces,
    `_` or `-`): `价格(元)`, `SKU/商品编码`, ` Price ` … or None if unknown."""
    text = re.sub(r"\(.*?\)", "", normal(header).lower())
    for part in (text, *text.split("/")):
        key = re.sub(r"[\s_-]+", "", part)
        if key in headers:
            return headers[key]
    return None


def _delimiter(first_line: str) -> str:
    """Comma, unless the header row is clearly split by tabs or semicolons instead."""
    counts = {sep: first_line.count(sep) for sep in (",", "\t", ";")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def read_sheet(
    data: bytes,
    *,
    headers: Mapping[str, str],
    columns: Sequence[str],
    required: Sequence[str],
    prefix: str,
    keep_blank: bool = False,
) -> Sheet:
    """The file's known columns and non-blank rows (with `keep_blank`, blank rows between
    them too, to be reported; blank rows at the end are never kept).

    Args:
        headers: Header spellings (see `column_of`) to column names.
        columns: Every column name, in the order the sheet reports them.
        required: Columns the file must have.
        prefix: Of the error codes (`product_csv`, `planned_csv` …).

    Raises:
        CsvError: `{prefix}.too_large` ({max} MB), `{prefix}.encoding`, `{prefix}.empty`
            (no header), `{prefix}.missing_column` ({column}).
    """
    if len(data) > MAX_BYTES:
        raise CsvError(f"{prefix}.too_large", {"max": MAX_BYTES // (1024 * 1024)})
    text = decode(data, prefix=prefix)
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0]))
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise CsvError(f"{prefix}.empty")
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        column = column_of(name, headers)
        if column is not None:
            positions.setdefault(column, index)
    for column in required:
        if column not in positions:
            raise CsvError(f"{prefix}.missing_column", {"column": column})
    rows: list[tuple[int, dict[str, str]]] = []
    blank: list[tuple[int, dict[str, str]]] = []
    for number, record in enumerate(reader, start=2):
        cells = {
            column: record[index].strip() if index < len(record) else ""
            for column, index in positions.items()
        }
        if any(cell.strip() for cell in record):
            rows.extend(blank)
            blank.clear()
            rows.append((number, cells))
        elif keep_blank:
            blank.append((number, cells))
    return Sheet(tuple(column for column in columns if column in positions), tuple(rows))
