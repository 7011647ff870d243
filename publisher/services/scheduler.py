"""Publishing due notes exactly once, from any number of server processes on one database.

Every `serve` process runs a `Scheduler` thread that, every few seconds, claims the notes
whose time has come. Claiming goes through the database, never process memory:

- PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` — a replica skips the rows another one is
  working on, and the row lock holds until the note is published and its notification written.
- SQLite (which has no row locks): a compare-and-set `UPDATE notes … WHERE id = :id AND
  status = 'scheduled' AND version = :v`; of several processes only one changes the row, the
  others see 0 rows updated and move on. The notification is written in the same transaction.

A note found due more than the misfire grace late (the backend was down at its time) is
published late and marked `published_late`, or — under the `hold` policy — set `held` for a
human to publish now or reschedule. A note whose content breaks a block rule by then is held
too. Either way the user who scheduled it gets a notification.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from publisher.db.models import Note
from publisher.domain.checks import blocking
from publisher.domain.rules import RulesPack
from publisher.services import collaboration_notes
from publisher.services.checklist import note_violations
from publisher.services.collaboration_deadlines import send_reminders
from publisher.services.errors import Invalid
from publisher.services.notifications import notify

log = logging.getLogger(__name__)

BATCH = 50
"""Notes one claim takes; the rest wait for the next tick (or another process)."""

MisfireMode = Literal["publish", "hold"]


@dataclass(frozen=True)
class MisfirePolicy:
    mode: MisfireMode = "publish"
    grace: timedelta = timedelta(minutes=5)


def _due(now: datetime):
    return select(Note).where(Note.status == "scheduled", Note.scheduled_at <= now)


def _outcome(
    session: Session, note: Note, rules: RulesPack, policy: MisfirePolicy, now: datetime
) -> dict[str, Any]:
    """The columns a due note gets: published (maybe late) or held, and why."""
    assert note.scheduled_at is not None
    late = now - note.scheduled_at > policy.grace
    broken = blocking(note_violations(session, note, rules=rules, now=now))
    if broken:
        return {
            "status": "held",
            "held_reason": "rules_violated",
            "codes": [v.code for v in broken],
        }
    if late and policy.mode == "hold":
        return {"status": "held", "held_reason": "misfire"}
    try:
        collaboration_notes.require_publishable(session, note, now)
    except Invalid as refusal:
        return {"status": "held", "held_reason": "collaboration", "codes": [refusal.code]}
    return {
        "status": "published",
        "published_at": now,
        "published_by": note.scheduled_by or note.created_by,
        "published_by_scheduler": True,
        "published_late": late,
    }


def _decide(
    session: Session, note: Note, rules: RulesPack, policy: MisfirePolicy, now: datetime
) -> dict[str, Any]:
    """`_outcome`, but a note whose check fails unexpectedly is held for a human rather than
    stopping every note due after it."""
    try:
        return _outcome(session, note, rules, policy, now)
    except SQLAlchemyError:
        # The database, not this note, failed: the whole tick fails and is retried.
        raise
    except Exception:
        # Anything else comes from running the rules pack's checks over this one note's stored
        # content (a pack without a limit a check reads, a stored recipe or place snapshot the
        # checks cannot read …), i.e. a bug or bad data in one note. No narrower class covers
        # it honestly; it is logged with its traceback and the note is held for a human.
        log.exception("checking due note %s failed; holding it", note.id)
        return {"status": "held", "held_reason": "check_failed"}


def _note_values(outcome: dict[str, Any], now: datetime) -> dict[str, Any]:
    values = {k: v for k, v in outcome.items() if k not in ("held_reason", "codes")}
    values["updated_at"] = now
    return values


def _notify(session: Session, note: Note, outcome: dict[str, Any]) -> None:
    """Tell the scheduler's human, and the note's collaboration, how a due note settled."""
    if outcome["status"] == "published":
        collaboration_notes.note_published(session, note.id, None, outcome["published_at"])
    recipient = note.scheduled_by or note.created_by
    if recipient is None:
        return
    params: dict[str, Any] = {"title": note.title}
    if outcome["status"] == "published":
        params["late"] = outcome["published_late"]
        notify(session, recipient, "note.published", note.id, params)
    else:
        params["reason"] = outcome["held_reason"]
        if "codes" in outcome:
            params["codes"] = outcome["codes"]
        notify(session, recipient, "note.held", note.id, params)


def _claim_locked(
    sessions: sessionmaker[Session], rules: RulesPack, policy: MisfirePolicy, now: datetime
) -> int:
    """PostgreSQL: lock due rows other replicas are not holding, settle them, commit."""
    with sessions() as session:
        due = session.scalars(
            _due(now)
            .order_by(Note.scheduled_at)
            .limit(BATCH)
            .with_for_update(skip_locked=True, of=Note)
        ).all()
        for note in due:
            outcome = _decide(session, note, rules, policy, now)
            for column, value in _note_values(outcome, now).items():
                setattr(note, column, value)
            _notify(session, note, outcome)
        session.commit()
        return len(due)


def _claim_compare_and_set(
    sessions: sessionmaker[Session], rules: RulesPack, policy: MisfirePolicy, now: datetime
) -> int:
    """SQLite: settle each due note with a conditional UPDATE; a lost race changes nothing."""
    with sessions() as session:
        due = session.scalars(_due(now).order_by(Note.scheduled_at).limit(BATCH)).all()
        decided = [(note, _decide(session, note, rules, policy, now)) for note in due]
    settled = 0
    for note, outcome in decided:
        # Decided on the version read above: the UPDATE applies only if nothing changed since.
        with sessions() as session:
            result = cast(
                "CursorResult[Any]",
                session.execute(
                    update(Note)
                    .where(
                        Note.id == note.id,
                        Note.status == "scheduled",
                        Note.version == note.version,
                    )
                    .values(**_note_values(outcome, now), version=note.version + 1)
                    .execution_options(synchronize_session=False)
                ),
            )
            if result.rowcount != 1:
                session.rollback()
                continue
            _notify(session, note, outcome)
            session.commit()
            settled += 1
    return settled


def publish_due(
    sessions: sessionmaker[Session],
    rules: RulesPack,
    policy: MisfirePolicy,
    *,
    now: datetime | None = None,
) -> int:
    """Publish (or hold) every note due at `now` that this process wins; how many it did."""
    moment = now or datetime.now(UTC)
    bind = sessions.kw["bind"]
    claim = _claim_locked if bind.dialect.name == "postgresql" else _claim_compare_and_set
    return claim(sessions, rules, policy, moment)


class Scheduler:
    """The background thread of one server process: a tick at start, then every `interval`."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        rules: RulesPack,
        policy: MisfirePolicy,
        *,
        interval: float,
    ) -> None:
        self._sessions = sessions
        self._rules = rules
        self._policy = policy
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="scheduler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the thread to finish its tick and wait for it."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                # Several due batches are drained at once; a tick that settled nothing waits.
                while publish_due(self._sessions, self._rules, self._policy) == BATCH:
                    if self._stop.is_set():
                        return
                send_reminders(self._sessions, datetime.now(UTC))
            except Exception:
                # Mostly SQLAlchemyError (a busy, locked or unreachable database), but any
                # failure of a tick is caught: this daemon thread must outlive it, or nothing is
                # published again until the process restarts. It is logged with its traceback
                # and retried at the next tick; BaseException (interpreter exit) is not caught.
                log.exception("scheduler tick failed")
            self._stop.wait(self._interval)
