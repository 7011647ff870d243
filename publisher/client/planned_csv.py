"""Planned notes from a CSV: MCN staff write a week of posts in a spreadsheet — account, time,
title, body, topics, photos — and import it at once.

The sheet is read like any other (`csv_sheet`: encodings, English or Chinese headers). Each
row is checked before anything is created — the account exists (by nickname), the time parses
and may still be scheduled, every photo file is there and is a photo, the title and body fit
the platform — and carries its own problems (codes and params, translated by the app). Only
clean rows are imported: photos uploaded (and exported at the platform's size through the
caller's `export`, as the composer does), the note created, then scheduled if it has a time.

Importing the same file again makes nothing twice: each row's calls carry idempotency keys
derived from the row itself (its account, time, text, topics and photo names — not its
position, so rows added above it change nothing), and the backend answers a repeated key with
what it answered the first time. The backend keeps those answers for a week
(`services.idempotency.RETENTION`); after that a re-import creates the notes again.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from publisher.client.csv_sheet import CsvError as CsvError  # what parsing raises
from publisher.client.csv_sheet import RowError, normal, read_sheet
from publisher.client.errors import AuthError, ClientError, OfflineError, ValidationError
from publisher.domain.checks import schedule_window, title_width
from publisher.domain.rules import RulesPack
from publisher.domain.text import char_count
from publisher.domain.timezones import zone
from publisher.schemas import AccountPublic, NoteCreate, NoteMediaIn

if TYPE_CHECKING:
    from publisher.client.api import StudioClient

FIELDS = ("account", "time", "title", "body", "topics", "images")
REQUIRED = ("account",)
PREFIX = "planned_csv"

_HEADERS = {
    "account": "account",
    "nickname": "account",
    "账号": "account",
    "账户": "account",
    "账号昵称": "account",
    "昵称": "account",
    "time": "time",
    "publishtime": "time",
    "publishat": "time",
    "scheduledat": "time",
    "发布时间": "time",
    "定时发布": "time",
    "时间": "time",
    "title": "title",
    "标题": "title",
    "body": "body",
    "text": "body",
    "正文": "body",
    "内容": "body",
    "topics": "topics",
    "hashtags": "topics",
    "话题": "topics",
    "imagepaths": "images",
    "images": "images",
    "photos": "images",
    "图片": "images",
    "图片路径": "images",
}
_IMAGE_SEPARATORS = re.compile(r"[;|]")
_TOPIC_SEPARATORS = re.compile(r"[#,;|、\s]+")
_CHINESE_TIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*T?\s*"
    r"(\d{1,2})\s*[:点时]\s*(\d{1,2})?\s*分?(?:\s*:\s*(\d{1,2})\s*秒?)?$"
)

ImageCheck = Callable[[Path], str | None]
"""The code saying why a file is not a photo the studio takes, or None when it is one."""
Export = Callable[["StudioClient", str], str]
"""Renders an uploaded photo (by sha256) at the platform's size, uploads it and answers the
export's sha256."""


@dataclass(frozen=True)
class PlannedRow:
    row: int
    cells: dict[str, str]
    """The text of each known column, as typed (what a preview shows)."""
    account: AccountPublic | None = None
    at: datetime | None = None
    """Aware; None: the note is created as a draft, not scheduled."""
    title: str = ""
    body: str = ""
    topics: tuple[str, ...] = ()
    images: tuple[Path, ...] = ()
    key: str = ""
    """The idempotency key of this row's calls, derived from its content."""
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ParsedPlan:
    columns: tuple[str, ...]
    rows: tuple[PlannedRow, ...]

    @property
    def valid(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.ok]

    @property
    def invalid(self) -> list[PlannedRow]:
        return [row for row in self.rows if not row.ok]


@dataclass
class PlanReport:
    created: list[int] = field(default_factory=list)
    """Rows (as the sheet numbers them) whose note was made now."""
    existing: list[int] = field(default_factory=list)
    """Rows imported before: their note was made then, nothing new now."""
    scheduled: list[int] = field(default_factory=list)
    rejected: list[RowError] = field(default_factory=list)
    """Why rows were not imported at all: the file's own problems and the backend's refusals."""
    unscheduled: list[RowError] = field(default_factory=list)
    """Why rows whose note was made (as a draft) were not scheduled."""

    @property
    def rejected_rows(self) -> int:
        return len({error.row for error in self.rejected})


# -- reading ---------------------------------------------------------------------------------


def parse_planned_csv(
    data: bytes,
    *,
    folder: Path,
    accounts: Sequence[AccountPublic],
    rules: RulesPack,
    now: datetime,
    check_image: ImageCheck,
) -> ParsedPlan:
    """Every row with what it will create and its problems; a blank row between rows is one
    (a row lost in the sheet), blank rows at the end are not.

    Args:
        folder: Where relative photo paths start (the CSV file's folder).
        accounts: The accounts the user may plan for; rows name them by nickname.
        rules: The rules pack (title width, body length, topics, photos, schedule window).
        now: Times before the schedule window seen from here are refused.
        check_image: Says whether a photo file is one the studio takes.

    Raises:
        CsvError: `planned_csv.too_large` ({max} MB), `planned_csv.encoding`,
            `planned_csv.empty` (no header), `planned_csv.missing_column` ({column}).
    """
    sheet = read_sheet(
        data, headers=_HEADERS, columns=FIELDS, required=REQUIRED, prefix=PREFIX, keep_blank=True
    )
    checker = _RowChecker(folder, _by_nickname(accounts), rules, now, check_image)
    return ParsedPlan(sheet.columns, tuple(checker.row(n, cells) for n, cells in sheet.rows))


def _nickname_key(name: str) -> str:
    return normal(name).lstrip("@").casefold()


def _by_nickname(accounts: Sequence[AccountPublic]) -> dict[str, list[AccountPublic]]:
    found: dict[str, list[AccountPublic]] = {}
    for account in accounts:
        found.setdefault(_nickname_key(account.nickname), []).append(account)
    return found


def parse_time(text: str, timezone: str) -> datetime | None:
    """A date and time as sheets write them — `2026-11-03 20:00`, `2026/11/3 8:05`,
    `2026年11月3日 20点30分`, ISO with an offset — on the account's wall clock unless it
    carries its own offset; None when it is not one."""
    value = normal(text)
    if len(value) <= len("2026-11-03"):
        return None  # a date alone says no time to post at
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        match = _CHINESE_TIME.match(value)
        if match is None:
            return None
        year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
        try:
            moment = datetime(year, month, day, hour, minute, second)
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone(timezone))


def split_topics(text: str) -> tuple[str, ...]:
    """`#护肤 #好物分享`, `护肤,好物分享`, `护肤、好物` … each name once, in order."""
    names = [name for name in _TOPIC_SEPARATORS.split(normal(text)) if name]
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(name.casefold(), name)
    return tuple(unique.values())


@dataclass
class _RowChecker:
    folder: Path
    accounts: dict[str, list[AccountPublic]]
    rules: RulesPack
    now: datetime
    check_image: ImageCheck
    seen: dict[str, int] = field(default_factory=dict)
    """Row keys met so far, to name a row repeated in the file."""

    def row(self, number: int, cells: dict[str, str]) -> PlannedRow:
        errors: list[RowError] = []

        def refuse(code: str, **params: object) -> None:
            errors.append(RowError(number, f"{PREFIX}.{code}", dict(params)))

        if not any(cells.values()):
            refuse("row_empty")
            return PlannedRow(number, cells, errors=tuple(errors))

        account = self._account(cells.get("account", ""), refuse)
        timezone = account.timezone if account else None
        at = self._time(cells.get("time", ""), timezone, refuse)
        title, body = cells.get("title", ""), cells.get("body", "")
        self._text(title, body, refuse)
        topics = self._topics(cells.get("topics", ""), refuse)
        images = self._images(cells.get("images", ""), refuse)
        if not (title or body or images):
            refuse("nothing_to_create")
        elif at is not None and not title:
            refuse("title_missing")
        elif at is not None and not images:
            refuse("no_images")
        key = _row_key(account, at, title, body, topics, cells.get("images", ""))
        if key in self.seen:
            refuse("duplicate_row", first_row=self.seen[key])
        else:
            self.seen[key] = number
        return PlannedRow(
            number, cells, account, at, title, body, topics, images, key, tuple(errors)
        )

    def _account(self, name: str, refuse: Callable[..., None]) -> AccountPublic | None:
        if not name:
            refuse("account_missing")
            return None
        matches = self.accounts.get(_nickname_key(name), [])
        if len(matches) > 1:
            refuse("account_ambiguous", account=name)
        elif not matches:
            refuse("account_unknown", account=name)
        return matches[0] if len(matches) == 1 else None

    def _time(
        self, text: str, timezone: str | None, refuse: Callable[..., None]
    ) -> datetime | None:
        if not text:
            return None
        at = parse_time(text, timezone or "")
        if at is None:
            refuse("time_invalid", value=text)
            return None
        earliest, latest = schedule_window(self.rules, self.now)
        if at <= self.now:
            refuse("time_past", value=text)
        elif at < earliest:
            refuse("time_too_soon", value=text, earliest=earliest.isoformat())
        elif at > latest:
            refuse("time_too_late", value=text, latest=latest.isoformat())
        return at

    def _text(self, title: str, body: str, refuse: Callable[..., None]) -> None:
        if "\x00" in title + body:
            refuse("text_invalid")
            return
        width = title_width(title, self.rules)
        limit = self.rules.limit("title", "block_max_width_units")
        if width > limit:
            refuse("title_too_long", units=width, max=limit)
        length, most = char_count(body), self.rules.limit("body", "block_max_chars")
        if length > most:
            refuse("body_too_long", count=length, max=most)

    def _topics(self, text: str, refuse: Callable[..., None]) -> tuple[str, ...]:
        topics = split_topics(text)
        most = self.rules.limit("topics", "block_max")
        longest = self.rules.limit("topics", "max_name_chars")
        if len(topics) > most:
            refuse("too_many_topics", count=len(topics), max=most)
        for name in topics:
            if char_count(name) > longest:
                refuse("topic_too_long", topic=name, max=longest)
        return topics

    def _images(self, text: str, refuse: Callable[..., None]) -> tuple[Path, ...]:
        written = [part.strip().strip("\"'") for part in _IMAGE_SEPARATORS.split(normal(text))]
        paths: dict[Path, str] = {}
        for name in filter(None, written):
            path = Path(name).expanduser()
            paths.setdefault(path if path.is_absolute() else self.folder / path, name)
        most = self.rules.limit("images", "block_max")
        if len(paths) > most:
            refuse("too_many_images", count=len(paths), max=most)
        for path, name in paths.items():
            if not path.is_file():
                refuse("image_missing", file=name)
            elif (reason := self.check_image(path)) is not None:
                refuse("image_unreadable", file=name, cause=reason)
        return tuple(paths)


def _row_key(
    account: AccountPublic | None,
    at: datetime | None,
    title: str,
    body: str,
    topics: tuple[str, ...],
    images: str,
) -> str:
    """The same row (wherever it stands in whichever file) gives the same key."""
    content = [
        str(account.id) if account else "",
        at.isoformat() if at else "",
        title,
        body,
        list(topics),
        unicodedata.normalize("NFKC", images).strip(),
    ]
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()
    return f"planned-{digest[:40]}"


# -- through the client ----------------------------------------------------------------------


def import_planned(
    client: StudioClient,
    parsed: ParsedPlan,
    *,
    export: Export | None = None,
    progress: Callable[[float], None] | None = None,
) -> PlanReport:
    """Import the clean rows: photos, note, schedule. A row the backend refuses is reported
    with the backend's code and the others carry on; losing the backend stops the import."""
    report = PlanReport()
    for done, row in enumerate(parsed.rows, start=1):
        if not row.ok:
            report.rejected.extend(row.errors)
        else:
            _import_row(client, row, export, report)
        if progress is not None:
            progress(done / len(parsed.rows))
    return report


def _import_row(
    client: StudioClient, row: PlannedRow, export: Export | None, report: PlanReport
) -> None:
    assert row.account is not None  # a clean row names an account
    try:
        shas = list(dict.fromkeys(client.upload_media(path).sha256 for path in row.images))
        media = [
            NoteMediaIn(sha256=sha, rendered_sha256=export(client, sha) if export else None)
            for sha in shas
        ]
        topics = [client.create_topic(name).id for name in row.topics]
        data = NoteCreate(
            account_id=row.account.id, title=row.title, body=row.body, media=media, topics=topics
        )
        note, replayed = client.create_note_once(data, key=f"{row.key}-create")
    except (OfflineError, AuthError):
        raise  # the whole import stops: the next rows would fail the same way
    except ClientError as error:
        report.rejected.extend(_reasons(row.row, error))
        return
    (report.existing if replayed else report.created).append(row.row)
    if row.at is None:
        return
    try:
        client.schedule_note_once(
            note.id, at=row.at, version=note.version, key=f"{row.key}-schedule"
        )
    except (OfflineError, AuthError):
        raise
    except ClientError as error:
        report.unscheduled.extend(_reasons(row.row, error))
    else:
        report.scheduled.append(row.row)


def _reasons(row: int, error: ClientError) -> list[RowError]:
    """A refusal as row errors: each blocking rule of a `note.rules_violated` on its own."""
    if isinstance(error, ValidationError) and error.violations:
        return [
            RowError(row, str(v.get("code")), v.get("params") or {})
            for v in error.violations
            if v.get("level", "block") == "block"
        ]
    return [RowError(row, error.code, error.params)]
