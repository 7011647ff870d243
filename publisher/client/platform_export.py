"""The platform's note data exports (数据中心 → 笔记数据 → 导出), read for the studio to import.

Creators download their notes' numbers as an XLSX, or a CSV saved from it. The workbook is
made for people, not programs: a title and a `统计时间：2026-08-01 至 2026-08-31` line above
the table, sometimes a two-row header with `互动数据` merged over 点赞/收藏/评论/分享, counts
written `1.2万` or `12,345`, `--` for no data, a 合计 row at the end, and dates in whatever
form the sheet was last saved in. This module finds the table by its known column names, reads
each row's note (title, time, link → the platform's note id) and metrics, and says which rows
it skipped and which it could not read (codes with params, translated by the app). Matching
rows to notes and storing the numbers is the backend's business.

A workbook is an untrusted zip of XML. The file is size-capped; the zip's unpacked size is
summed before openpyxl sees it (zipfile never inflates a member past its declared size, so
the sum is a real bound); formulas are read as the values Excel cached, never evaluated;
rows and columns are capped; XML entity expansion is left to expat's own amplification limits
(openpyxl parses with the standard library unless lxml is installed).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import stat
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal
from functools import partial
from itertools import islice, zip_longest
from pathlib import Path
from typing import Any

from publisher.client.csv_sheet import CsvError, RowError, column_of, decode, normal
from publisher.client.planned_csv import parse_time
from publisher.domain.cn_numbers import parse_count, parse_ratio, parse_seconds
from publisher.domain.platform_links import is_note_id, note_id_from_link
from publisher.domain.timezones import DEFAULT_TIMEZONE, zone
from publisher.schemas import NoteType

PREFIX = "platform_export"
MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""What the zip's members may add up to unpacked: far more than 50,000 rows of note data."""
MAX_ROWS = 50_000
MAX_COLUMNS = 100
HEADER_SCAN = 20
"""The header must be among the first rows: title and period lines come before it, not pages."""

COUNTS = (
    "impressions",
    "views",
    "likes",
    "collects",
    "comments",
    "shares",
    "follows",
    "interactions",
)
"""`interactions` is the platform's own sum of likes, collects, comments and shares: kept to
check the parts against, not as a number of its own."""
RATIOS = ("cover_ctr", "completion_rate")
SECONDS = ("avg_watch_seconds",)
METRICS = COUNTS + RATIOS + SECONDS
IDENTITY = ("title", "link", "note_id")
FIELDS = ("title", "published_at", "link", "note_id", "type", *METRICS)

_SYNONYMS = {
    "title": ("笔记标题", "标题", "笔记名称", "title", "notetitle"),
    "published_at": (
        "发布时间",
        "首次发布时间",
        "发布日期",
        "发文时间",
        "publishtime",
        "publishedat",
        "publishdate",
        "posttime",
    ),
    "link": ("笔记链接", "链接", "笔记url", "笔记地址", "link", "url", "notelink", "noteurl"),
    "note_id": ("笔记id", "noteid"),
    "type": ("体裁", "笔记类型", "类型", "type", "notetype", "format"),
    "impressions": ("曝光", "曝光量", "曝光数", "曝光次数", "impressions", "exposures"),
    "views": (
        "观看",
        "观看量",
        "观看数",
        "观看次数",
        "阅读",
        "阅读量",
        "阅读数",
        "浏览量",
        "views",
        "reads",
    ),
    "cover_ctr": ("封面点击率", "点击率", "coverctr", "ctr", "coverclickrate", "clickthroughrate"),
    "likes": ("点赞", "点赞数", "点赞量", "likes"),
    "collects": ("收藏", "收藏数", "收藏量", "collects", "saves", "favorites"),
    "comments": ("评论", "评论数", "评论量", "comments"),
    "shares": ("分享", "分享数", "分享量", "shares"),
    "follows": (
        "涨粉",
        "涨粉数",
        "新增关注",
        "新增粉丝",
        "follows",
        "newfollowers",
        "followersgained",
    ),
    "avg_watch_seconds": (
        "人均观看时长",
        "平均观看时长",
        "平均播放时长",
        "avgwatchtime",
        "averagewatchtime",
        "avgwatchseconds",
        "averageviewduration",
    ),
    "completion_rate": ("完播率", "completionrate", "finishrate"),
    "interactions": ("互动", "互动量", "互动数", "interactions", "engagements"),
}
_HEADERS = {spelling: name for name, spellings in _SYNONYMS.items() for spelling in spellings}
_MINUTES = re.compile(r"\((?:分钟|分|min|mins|minutes)\)", re.IGNORECASE)
_TOTAL = re.compile(r"(?:合计|总计|汇总|小计|总和|total|totals|grand total|sum)\s*:?", re.I)
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_WEB_LINK = re.compile(r"https?://\S+", re.I)
_TYPES: dict[str, NoteType] = {
    "图文": "image",
    "图文笔记": "image",
    "image": "image",
    "normal": "image",
    "视频": "video",
    "视频笔记": "video",
    "video": "video",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An Excel 97–2003 .xls, whatever its name says."""
_ZIP = b"PK\x03\x04"

Rows = Callable[[int, int], Iterator[tuple[Any, ...]]]
"""A table's rows from a row number on (1-based), each at most so many cells wide."""


class PlatformExportError(Exception):
    """The file as a whole cannot be read; `code` and `params` say why."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.params = params or {}


@dataclass(frozen=True)
class ExportRow:
    row: int
    """The row as the spreadsheet numbers it."""
    title: str
    published_at: datetime | None
    """Aware; a time the sheet gives without a zone is platform time (Asia/Shanghai)."""
    link: str | None
    """The note's web link as the sheet gives it, when it is one (http or https)."""
    platform_note_id: str | None
    """The platform's note id (24 hex digits, lower case), from the link or a 笔记id column."""
    metrics: dict[str, int | float]
    """Only the metrics the sheet has a number for: counts as int (`COUNTS`), ratios as a
    fraction (`RATIOS`), watch time in seconds (`SECONDS`)."""
    type: NoteType | None = None
    """From a 体裁 column: 图文 → image, 视频 → video."""


@dataclass(frozen=True)
class PlatformExport:
    rows: list[ExportRow]
    problems: list[RowError]
    """Rows left out because a cell could not be read, one entry per cell."""
    skipped: list[RowError]
    """Rows that are not notes: blank rows between rows, totals, lines without data."""
    columns: dict[str, str]
    """Each known field the sheet has → its header as the sheet writes it."""
    period: tuple[date, date] | None = None
    """The first and last day the numbers cover, from a `统计时间` line above the table."""
    digest: str = ""
    """SHA-256 of the bytes read: the same file, whatever its name (an import's identity)."""


def read_platform_export(path: Path, *, max_rows: int = MAX_ROWS) -> PlatformExport:
    """The notes and metrics of a data-center export (.xlsx or .csv).

    Args:
        path: The file the user picked. Its content decides how it is read (a CSV that is
            really a workbook reads as one); its name must say .xlsx or .csv.
        max_rows: At most this many rows after the header (totals and other text included).

    Raises:
        PlatformExportError: `platform_export.unsupported_format` ({extension}: .xls and
            anything but .xlsx and .csv), `.unreadable`, `.empty`, `.too_large` ({max} MB),
            `.not_xlsx` (not a workbook, or a broken one), `.unpacked_too_large` ({max} MB),
            `.encoding`, `.no_header` (no row with known column names near the top),
            `.missing_column` ({column}: "title" — neither title, link nor note id),
            `.no_metrics`, `.too_many_columns` ({max}), `.too_many_rows` ({max}).
    """
    data = _read(path)
    return replace(_parse(data, path, max_rows), digest=hashlib.sha256(data).hexdigest())


def _parse(data: bytes, path: Path, max_rows: int) -> PlatformExport:
    if data.startswith(_OLE2):
        raise PlatformExportError(f"{PREFIX}.unsupported_format", {"extension": ".xls"})
    if data.startswith(_ZIP):
        return _read_workbook(data, max_rows)
    if path.suffix.lower() == ".xlsx":
        raise PlatformExportError(f"{PREFIX}.not_xlsx")
    try:
        text = decode(data, prefix=PREFIX)
    except CsvError as error:
        raise PlatformExportError(error.code, error.params) from error
    if not text.strip():
        raise PlatformExportError(f"{PREFIX}.empty")
    return _read_table([_csv_rows(text, sep) for sep in (",", "\t", ";")], max_rows)


# -- the file --------------------------------------------------------------------------------


def _read(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise PlatformExportError(f"{PREFIX}.unsupported_format", {"extension": suffix})
    too_large = PlatformExportError(f"{PREFIX}.too_large", {"max": MAX_BYTES // (1024 * 1024)})
    try:
        # Checked before opening: opening a FIFO would wait for a writer forever.
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise PlatformExportError(f"{PREFIX}.unreadable")
        if info.st_size > MAX_BYTES:
            raise too_large
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise PlatformExportError(f"{PREFIX}.unreadable") from error
    if len(data) > MAX_BYTES:
        raise too_large  # it grew after the check
    if not data.strip():
        raise PlatformExportError(f"{PREFIX}.empty")
    return data


def _read_workbook(data: bytes, max_rows: int) -> PlatformExport:
    from openpyxl import load_workbook  # ≈ 100 ms to import: only when a workbook comes

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise PlatformExportError(f"{PREFIX}.not_xlsx") from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise PlatformExportError(
            f"{PREFIX}.unpacked_too_large", {"max": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )
    with warnings.catch_warnings():
        # Unsupported extensions, drawings, missing styles: nothing the numbers depend on.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        try:
            workbook = load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
        except Exception as error:  # a broken part raises whatever its parser raises
            raise PlatformExportError(f"{PREFIX}.not_xlsx") from error
        try:
            return _read_table([_sheet_rows(sheet) for sheet in workbook.worksheets], max_rows)
        finally:
            workbook.close()


def _sheet_rows(sheet: Any) -> Rows:
    # The dimension a writer records can be wrong (some write A1 for any sheet), and a
    # read-only sheet stops where it says: read to the real end instead.
    sheet.reset_dimensions()

    def rows(first: int, width: int) -> Iterator[tuple[Any, ...]]:
        cells = sheet.iter_rows(min_row=first, max_col=width)
        while True:
            try:
                row = next(cells)
            except StopIteration:
                return
            except Exception as error:  # malformed sheet XML, as above
                raise PlatformExportError(f"{PREFIX}.not_xlsx") from error
            yield tuple(_cell_value(cell) for cell in row)

    return rows


def _cell_value(cell: Any) -> Any:
    """The cell's value; a number shown as a percentage (a fraction underneath) as the text
    the sheet shows, so that a `(%)` column's bare numbers are not read as fractions too."""
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "%" in str(cell.number_format):
            return f"{Decimal(repr(value)) * 100:f}%"
    return value


def _csv_rows(text: str, delimiter: str) -> Rows:
    # Title lines come before the header, so the delimiter cannot be told from the first line
    # (csv_sheet's way): each is tried, and the one that finds the best header wins.
    def rows(first: int, width: int) -> Iterator[tuple[Any, ...]]:
        records = csv.reader(io.StringIO(text), delimiter=delimiter)
        try:
            for number, record in enumerate(records, start=1):
                if number >= first:
                    yield tuple(record[:width])
        except csv.Error as error:  # a field past the csv module's size limit
            raise PlatformExportError(f"{PREFIX}.unreadable") from error

    return rows


# -- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    top: int
    """The header's first row (1-based)."""
    height: int
    texts: tuple[str, ...]
    """Each column's header text; a two-row header's lower cell, or its upper one where the
    lower is empty (merged down from above)."""
    positions: dict[str, int]

    @property
    def first_data_row(self) -> int:
        return self.top + self.height


def _read_table(tables: list[Rows], max_rows: int) -> PlatformExport:
    """The table whose header names the most known columns (the first of equals): a sheet of
    a workbook, or a CSV split by one of the delimiters."""
    found: tuple[Rows, _Header, list[tuple[Any, ...]]] | None = None
    for rows in tables:
        head = list(islice(rows(1, MAX_COLUMNS + 1), HEADER_SCAN))
        header = _find_header(head)
        if header and (found is None or len(header.positions) > len(found[1].positions)):
            found = rows, header, head
    if found is None:
        raise PlatformExportError(f"{PREFIX}.no_header")
    rows, header, head = found
    if len(header.texts) > MAX_COLUMNS and any(header.texts[MAX_COLUMNS:]):
        raise PlatformExportError(f"{PREFIX}.too_many_columns", {"max": MAX_COLUMNS})
    if not any(name in header.positions for name in IDENTITY):
        raise PlatformExportError(f"{PREFIX}.missing_column", {"column": "title"})
    if not any(name in header.positions for name in METRICS):
        raise PlatformExportError(f"{PREFIX}.no_metrics")
    width = max(index for index, text in enumerate(header.texts) if text) + 1
    reader = _RowReader(header, max_rows)
    last_row = header.first_data_row + 2 * max_rows  # room for blank rows, not a million
    for number, cells in enumerate(rows(header.first_data_row, width), header.first_data_row):
        if number > last_row:
            raise PlatformExportError(f"{PREFIX}.too_many_rows", {"max": max_rows})
        reader.read(number, cells)
    return PlatformExport(
        rows=reader.rows,
        problems=reader.problems,
        skipped=reader.skipped,
        columns={
            name: header.texts[header.positions[name]]
            for name in FIELDS
            if name in header.positions
        },
        period=_period(head[: header.top - 1]),
    )


def _find_header(head: list[tuple[Any, ...]]) -> _Header | None:
    """The row, or pair of rows, among the first that names the most known columns (at least
    two); a single row wins over a pair naming as many."""
    best: _Header | None = None
    for index, row in enumerate(head):
        lower = _texts(row)
        candidates = [_header(index + 1, 1, lower)]
        if index:
            upper = _texts(head[index - 1])
            merged = tuple(
                below or above for below, above in zip_longest(lower, upper, fillvalue="")
            )
            candidates.append(_header(index, 2, merged))
        for header in candidates:
            if len(header.positions) >= 2 and (
                best is None or len(header.positions) > len(best.positions)
            ):
                best = header
    return best


def _texts(row: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(cell.strip() if isinstance(cell, str) else "" for cell in row)


def _header(top: int, height: int, texts: tuple[str, ...]) -> _Header:
    positions: dict[str, int] = {}
    for index, text in enumerate(texts):
        name = column_of(text, _HEADERS) if text else None
        if name is not None:
            positions.setdefault(name, index)
    return _Header(top, height, texts, positions)


def _period(above: list[tuple[Any, ...]]) -> tuple[date, date] | None:
    """The first line above the header with two dates: `统计时间：2026-08-01 至 2026-08-31`,
    or the label and the dates in cells of their own."""
    for row in above:
        days: list[date] = []
        for cell in row:
            if isinstance(cell, datetime):
                days.append(cell.date())
            elif isinstance(cell, date):
                days.append(cell)
            elif isinstance(cell, str):
                days.extend(day for match in _DATE.finditer(normal(cell)) if (day := _day(match)))
        if len(days) >= 2:
            return min(days[:2]), max(days[:2])
    return None


def _day(match: re.Match[str]) -> date | None:
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


# -- the rows --------------------------------------------------------------------------------

Parser = Callable[[Any], int | float | None]


@dataclass
class _RowReader:
    header: _Header
    max_rows: int
    rows: list[ExportRow] = field(default_factory=list)
    problems: list[RowError] = field(default_factory=list)
    skipped: list[RowError] = field(default_factory=list)
    blank: list[int] = field(default_factory=list)
    """Blank rows since the last row with something in it: reported once another follows."""
    filled: int = 0
    seen: dict[str, int] = field(default_factory=dict)
    """Note ids met so far → their row."""
    parsers: dict[str, Parser] = field(init=False)

    def __post_init__(self) -> None:
        self.parsers = {
            name: _parser(name, self.header.texts[index])
            for name, index in self.header.positions.items()
            if name in METRICS
        }

    def read(self, number: int, cells: tuple[Any, ...]) -> None:
        if all(_blank(cell) for cell in cells):
            self.blank.append(number)
            return
        self.filled += 1
        if self.filled > self.max_rows:
            raise PlatformExportError(f"{PREFIX}.too_many_rows", {"max": self.max_rows})
        self.skipped.extend(RowError(row, f"{PREFIX}.row_blank") for row in self.blank)
        self.blank.clear()
        label = next((text for text in map(_text, cells) if _TOTAL.fullmatch(normal(text))), None)
        if label is not None:
            self.skipped.append(RowError(number, f"{PREFIX}.row_total", {"label": label}))
            return
        self._note(number, cells)

    def _note(self, number: int, cells: tuple[Any, ...]) -> None:
        problems: list[RowError] = []

        def cell(name: str) -> Any:
            index = self.header.positions.get(name)
            return cells[index] if index is not None and index < len(cells) else None

        def refuse(code: str, name: str, **params: Any) -> None:
            column = self.header.texts[self.header.positions[name]]
            text = _text(cell(name))[:50]
            problems.append(
                RowError(number, f"{PREFIX}.{code}", {"column": column, "value": text, **params})
            )

        metrics: dict[str, int | float] = {}
        numbers = False  # any metric cell with more than "no data" in it, readable or not
        for name, parse in self.parsers.items():
            try:
                value = parse(cell(name))
            except ValueError as error:
                numbers = True
                refuse(str(error).replace(".", "_"), name)
                continue
            if value is not None:
                numbers = True
                metrics[name] = value
        try:
            published_at = _published_at(cell("published_at"))
        except ValueError:
            published_at = None
            refuse("date_invalid", "published_at")
        title = _text(cell("title"))
        link_text = _text(cell("link"))
        link = link_text if _WEB_LINK.fullmatch(link_text) else None
        linked = note_id_from_link(link_text)
        note_id = _text(cell("note_id")).lower() or None
        if note_id is not None and not is_note_id(note_id):
            refuse("note_id_invalid", "note_id")
        elif linked and note_id and linked != note_id:
            refuse("note_id_mismatch", "note_id", link=linked)
        platform_note_id = note_id or linked

        if not (title or link_text or note_id or published_at):
            # Numbers that belong to no note: a totals line without its label.
            code = "row_total" if numbers else "row_no_data"
            self.skipped.append(RowError(number, f"{PREFIX}.{code}"))
            return
        if problems:
            self.problems.extend(problems)
            return
        if not (metrics or published_at or link or platform_note_id):
            self.skipped.append(RowError(number, f"{PREFIX}.row_no_data"))
            return
        if platform_note_id is not None:
            if platform_note_id in self.seen:
                first = self.seen[platform_note_id]
                self.problems.append(
                    RowError(number, f"{PREFIX}.note_duplicate", {"first_row": first})
                )
                return
            self.seen[platform_note_id] = number
        kind = _TYPES.get(normal(_text(cell("type"))).lower())
        self.rows.append(
            ExportRow(number, title, published_at, link, platform_note_id, metrics, kind)
        )


def _parser(name: str, header: str) -> Parser:
    """How a metric column's cells read; `(%)` or `(分钟)` in its header says what a bare
    number means."""
    if name in RATIOS:
        return partial(parse_ratio, percent="%" in normal(header))
    if name in SECONDS:
        return partial(parse_seconds, unit=60 if _MINUTES.search(normal(header)) else 1)
    return parse_count


def _published_at(value: Any) -> datetime | None:
    """A publish time as sheets write it, on platform time unless it says its own zone; a
    date alone is that day's start.

    Raises:
        ValueError: Not a date.
    """
    platform = zone(DEFAULT_TIMEZONE)
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=platform)
    if isinstance(value, date):
        return datetime.combine(value, time(), platform)
    if isinstance(value, str):
        text = normal(value)
        if (day := _DATE.fullmatch(text)) and (start := _day(day)):
            return datetime.combine(start, time(), platform)
        if (moment := parse_time(text, DEFAULT_TIMEZONE)) is not None:
            return moment
    raise ValueError("date.invalid")


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _text(cell: Any) -> str:
    """A cell as text: a whole number without `.0` (a title `2026` Excel stored as a number)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()
