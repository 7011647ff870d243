"""Figures from the platform's own data center: an export's rows matched to notes and added
to the rollups.

The client reads the file (`publisher.client.platform_export`) and sends its rows; the server
matches each to a published note of the account — by the note's platform link when the row has
one, else by title and publish date, else by a title only one note has — and shows the mapping
before anything is stored (`preview`). The user may correct any row. On `commit` each matched
row's figures, which the platform reports as totals since publishing, are turned into
counters, and only what grew since the last import of that note is added — so importing the
same file twice, or a later export of the same notes, never counts anything twice. The first
import of a note lands on its publish day (where the platform attributes a note's data), later
ones on the day the export is of.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from publisher.db.models import Account, Note, NotePlatformTotals, StatImport, User
from publisher.db.models.stats import SOURCE_IMPORT
from publisher.domain.metrics import COUNTERS, COUNTING_VERSION, MAX_WATCH_SECONDS
from publisher.domain.platform_links import normal_note_id, note_id_from_link
from publisher.domain.timezones import zone
from publisher.services import rollups
from publisher.services.access import get_account
from publisher.services.errors import Invalid
from publisher.stats_schemas import (
    IMPORTED_COUNTERS,
    ImportMatch,
    ImportNoteChoice,
    ImportPreview,
    ImportRequest,
    ImportRowIn,
)

_SPACE_OR_MARK = re.compile(r"[\s\W_]+", re.UNICODE)


def _title_key(title: str) -> str:
    """Titles as compared: width, case, spaces, punctuation and emoji do not matter (the
    platform's export and our note may differ in any of them)."""
    return _SPACE_OR_MARK.sub("", unicodedata.normalize("NFKC", title)).casefold()


def _published_notes(session: Session, account: Account) -> list[Note]:
    return list(
        session.scalars(
            select(Note)
            .where(Note.account_id == account.id, Note.status == "published")
            .order_by(Note.published_at.desc())
        )
    )


class _Matcher:
    def __init__(self, notes: list[Note], tz_name: str) -> None:
        self.tz = zone(tz_name)
        self.by_platform_id = {
            platform_id: note
            for note in notes
            if (platform_id := note_id_from_link(note.posted_link)) is not None
        }
        self.by_title: dict[str, list[Note]] = defaultdict(list)
        for note in notes:
            self.by_title[_title_key(note.title)].append(note)

    def match(self, row: ImportRowIn) -> tuple[Note | None, str | None]:
        platform_id = normal_note_id(row.platform_note_id) or note_id_from_link(row.link)
        if platform_id and platform_id in self.by_platform_id:
            return self.by_platform_id[platform_id], "link"
        same_title = self.by_title.get(_title_key(row.title), []) if row.title.strip() else []
        if row.published_at is not None:
            day = row.published_at.astimezone(self.tz).date()
            near = [
                note
                for note in same_title
                if note.published_at is not None
                and abs((note.published_at.astimezone(self.tz).date() - day).days) <= 1
            ]
            if len(near) == 1:
                return near[0], "title_date"
        if len(same_title) == 1:
            return same_title[0], "title"
        return None, None


def _matches(session: Session, account: Account, data: ImportRequest) -> list[ImportMatch]:
    notes = _published_notes(session, account)
    by_id = {note.id: note for note in notes}
    matcher = _Matcher(notes, account.timezone)
    result = []
    for row in data.rows:
        note, how = matcher.match(row)
        if row.row in data.assignments:
            chosen = data.assignments[row.row]
            if chosen is not None and chosen not in by_id:
                raise Invalid("stat_import.unknown_note", {"row": row.row})
            note, how = (by_id[chosen], "user") if chosen is not None else (None, None)
        result.append(
            ImportMatch(
                row=row.row,
                title=row.title,
                note_id=note.id if note else None,
                note_title=note.title if note else None,
                matched_by=how,  # type: ignore[arg-type]
                metrics=row.metrics,
            )
        )
    return result


def preview(session: Session, user: User, data: ImportRequest) -> ImportPreview:
    """How each row would be matched; nothing is stored. The account's published notes come
    along, so a row can be matched by hand."""
    account = get_account(session, user, data.account_id, write=True)
    rows = _matches(session, account, data)
    matched = sum(1 for row in rows if row.note_id is not None)
    return ImportPreview(
        rows=rows,
        matched=matched,
        unmatched=len(rows) - matched,
        notes=[
            ImportNoteChoice.model_validate(note) for note in _published_notes(session, account)
        ],
    )


def counters_of(metrics: dict[str, float]) -> dict[str, int]:
    """An export row's figures as counters. Average watch time and completion rate come as
    ratios of views, so they are turned back into sums over the views they describe."""
    counters = {name: int(round(metrics.get(name, 0))) for name in IMPORTED_COUNTERS}
    views = counters["views"]
    if "avg_watch_seconds" in metrics or "completion_rate" in metrics:
        watched = min(metrics.get("avg_watch_seconds", 0), MAX_WATCH_SECONDS)
        completed = min(metrics.get("completion_rate", 0), 1.0)
        counters["video_views"] = views
        counters["watch_seconds"] = int(round(watched * views))
        counters["completions"] = int(round(completed * views))
    return counters


def commit(session: Session, user: User, data: ImportRequest, *, now: datetime) -> StatImport:
    """Store the matched rows' growth since the last import and a report of the rest."""
    account = get_account(session, user, data.account_id, write=True)
    rows = _matches(session, account, data)
    tz = zone(account.timezone)
    as_of = data.as_of or now.astimezone(tz).date()
    if as_of > now.astimezone(tz).date() + timedelta(days=1):
        raise Invalid("stat_import.as_of_future")
    chosen: dict[uuid.UUID, ImportMatch] = {}
    duplicates: list[int] = []
    for row in rows:
        if row.note_id is None:
            continue
        if row.note_id in chosen:
            duplicates.append(row.row)
        else:
            chosen[row.note_id] = row
    record = StatImport(
        account_id=account.id,
        filename=data.filename,
        as_of=as_of,
        matched=len(chosen),
        unmatched=len(rows) - len(chosen),
        report={
            "unmatched": [{"row": row.row, "title": row.title} for row in rows if not row.note_id],
            "duplicates": duplicates,
        },
        created_by=user.id,
    )
    session.add(record)
    session.flush()
    added, lowered = _add_growth(session, record, chosen)
    record.report = {**record.report, "added": added, "lowered": lowered}
    session.commit()
    return record


def _add_growth(
    session: Session, record: StatImport, chosen: dict[uuid.UUID, ImportMatch]
) -> tuple[dict[str, int], list[int]]:
    """Add what each note grew since its last import. Returns the growth summed over the notes,
    counter by counter (what the report says was added), and the rows whose figures were
    lower than the last import's (an older export imported after a newer one: the newest
    import stands, so those notes go back to what this file says)."""
    added = dict.fromkeys(COUNTERS, 0)
    lowered: list[int] = []
    if not chosen:
        return added, lowered
    contexts = rollups.note_contexts(session, chosen)
    previous = _locked_totals(session, record, sorted(chosen, key=str))
    published = dict(
        session.execute(select(Note.id, Note.published_at).where(Note.id.in_(list(chosen)))).all()
    )
    counted = rollups.Tally()
    for note_id, row in chosen.items():
        context = contexts[note_id]
        totals = previous[note_id]
        first = totals.import_id == record.id
        now_totals = counters_of(row.metrics)
        growth = {name: now_totals.get(name, 0) - getattr(totals, name) for name in COUNTERS}
        at = published.get(note_id)
        day = at.astimezone(context.tz).date() if first and at else record.as_of
        deltas = [(name, amount) for name, amount in growth.items() if amount]
        if deltas:
            rollups.add(counted, context, day, deltas)
        if any(amount < 0 for _, amount in deltas):
            lowered.append(row.row)
        for name, amount in deltas:
            added[name] += amount
        for name in COUNTERS:
            setattr(totals, name, now_totals.get(name, 0))
        totals.import_id, totals.as_of = record.id, record.as_of
    rollups.apply(session, counted, source=SOURCE_IMPORT)
    return added, lowered


def _locked_totals(
    session: Session, record: StatImport, note_ids: list[uuid.UUID]
) -> dict[uuid.UUID, NotePlatformTotals]:
    """Each note's last imported totals, locked until this import commits, so two imports of
    the same notes at once take turns instead of both adding the same growth. A note never
    imported gets a row of zeros first (made by this import: `import_id` is its id), so there
    is always a row to lock — and on SQLite that first write takes the database's lock."""
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    zeros = dict.fromkeys(COUNTERS, 0)
    session.execute(
        dialect.insert(NotePlatformTotals).on_conflict_do_nothing(index_elements=["note_id"]),
        [
            {
                "note_id": note_id,
                "import_id": record.id,
                "as_of": record.as_of,
                "counting_version": COUNTING_VERSION,
                **zeros,
            }
            for note_id in note_ids
        ],
    )
    rows = session.scalars(
        select(NotePlatformTotals)
        .where(NotePlatformTotals.note_id.in_(note_ids))
        .order_by(NotePlatformTotals.note_id)
        .with_for_update()
    )
    return {row.note_id: row for row in rows}


def list_imports(session: Session, user: User, account_id: uuid.UUID) -> list[StatImport]:
    account = get_account(session, user, account_id)
    return list(
        session.scalars(
            select(StatImport)
            .where(StatImport.account_id == account.id)
            .order_by(StatImport.created_at.desc())
        )
    )
