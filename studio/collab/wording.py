"""How the collaboration screens and notifications word things: collaboration states and
moves, brief statuses and modes, note fields, times and what is due.

One place, so the brand's queue, review screen and briefs tab and the creator's tab all call a
state by the same name. Times are platform time (Asia/Shanghai), whatever the machine's zone,
since briefs' deadlines are the platform's. Words are translated under the `CollabWording`
context; no widgets here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.timezones import zone

if TYPE_CHECKING:
    from publisher.brief_schemas import BriefPublic, CollaborationPublic

_CONTEXT = "CollabWording"

STATES = {
    "invited": QT_TRANSLATE_NOOP("CollabWording", "Invited"),
    "applied": QT_TRANSLATE_NOOP("CollabWording", "Applied"),
    "accepted": QT_TRANSLATE_NOOP("CollabWording", "In progress"),
    "submitted": QT_TRANSLATE_NOOP("CollabWording", "In review"),
    "changes_requested": QT_TRANSLATE_NOOP("CollabWording", "Changes requested"),
    "approved": QT_TRANSLATE_NOOP("CollabWording", "Approved"),
    "scheduled": QT_TRANSLATE_NOOP("CollabWording", "Scheduled"),
    "published": QT_TRANSLATE_NOOP("CollabWording", "Published"),
    "completed": QT_TRANSLATE_NOOP("CollabWording", "Completed"),
    "declined": QT_TRANSLATE_NOOP("CollabWording", "Declined"),
    "rejected": QT_TRANSLATE_NOOP("CollabWording", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("CollabWording", "Cancelled"),
}
"""As the creator reads them, in the order a collaboration moves through them."""
BRAND_STATES = {
    "accepted": QT_TRANSLATE_NOOP("CollabWording", "Accepted"),
    "submitted": QT_TRANSLATE_NOOP("CollabWording", "Waiting for review"),
}
"""Where the brand's side says it otherwise: a submitted round waits for the brand."""

TONES = {
    "creator": {
        "invited": "accent",
        "applied": "waiting",
        "accepted": "work",
        "submitted": "waiting",
        "changes_requested": "accent",
    },
    "brand": {
        "invited": "waiting",
        "applied": "accent",
        "accepted": "work",
        "submitted": "accent",
        "changes_requested": "work",
    },
}
"""A state's badge tone for each side: `accent` where that side must act now."""
_SETTLED_TONES = {
    "approved": "good",
    "scheduled": "good",
    "published": "good",
    "completed": "good",
}

ACTIONS = {
    "accept": QT_TRANSLATE_NOOP("CollabWording", "Accept"),
    "decline": QT_TRANSLATE_NOOP("CollabWording", "Decline"),
    "cancel": QT_TRANSLATE_NOOP("CollabWording", "Cancel collaboration"),
    "approve": QT_TRANSLATE_NOOP("CollabWording", "Approve"),
    "request_changes": QT_TRANSLATE_NOOP("CollabWording", "Request changes"),
    "reject": QT_TRANSLATE_NOOP("CollabWording", "Reject"),
}
BRIEF_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("CollabWording", "Draft"),
    "open": QT_TRANSLATE_NOOP("CollabWording", "Open"),
    "closed": QT_TRANSLATE_NOOP("CollabWording", "Closed"),
}
BRIEF_MODES = {
    "custom": QT_TRANSLATE_NOOP("CollabWording", "By invitation"),
    "recruitment": QT_TRANSLATE_NOOP("CollabWording", "Recruitment"),
}
FIELDS = {
    "title": QT_TRANSLATE_NOOP("CollabWording", "Title"),
    "body": QT_TRANSLATE_NOOP("CollabWording", "Body"),
    "topics": QT_TRANSLATE_NOOP("CollabWording", "Topics"),
    "mentions": QT_TRANSLATE_NOOP("CollabWording", "Mentions"),
    "products": QT_TRANSLATE_NOOP("CollabWording", "Products"),
    "place": QT_TRANSLATE_NOOP("CollabWording", "Location"),
    "flags": QT_TRANSLATE_NOOP("CollabWording", "Declarations"),
}
"""The note's fields a comment can be about, in the order the composer shows them."""


def _named(table: dict[str, str], key: str | None) -> str:
    key = key or ""
    return QCoreApplication.translate(_CONTEXT, table[key]) if key in table else key


def state_name(state: str, side: str = "creator") -> str:
    """A collaboration state as `side` ("creator" or "brand") reads it."""
    return _named(BRAND_STATES if side == "brand" and state in BRAND_STATES else STATES, state)


def state_tone(state: str, side: str = "creator") -> str:
    """The badge tone of `state` for `side`: accent, waiting, work, good, or ended."""
    return TONES.get(side, {}).get(state) or _SETTLED_TONES.get(state, "ended")


def action_name(action: str) -> str:
    return _named(ACTIONS, action)


def brief_status_name(status: str) -> str:
    return _named(BRIEF_STATUSES, status)


def brief_mode_name(mode: str) -> str:
    return _named(BRIEF_MODES, mode)


def field_name(field: str | None) -> str:
    return _named(FIELDS, field)


def photo_name(position: int) -> str:
    """A photo of the note by its 0-based position: "Photo 1" for the first."""
    return QCoreApplication.translate("CollabWording", "Photo {number}").format(number=position + 1)


def whole_note() -> str:
    """What a comment on no field or photo is about."""
    return QCoreApplication.translate("CollabWording", "Whole note")


def round_name(round_: int) -> str:
    return QCoreApplication.translate("CollabWording", "Round {round}").format(round=round_)


# -- times ---------------------------------------------------------------------------------------


def aware(moment: datetime) -> datetime:
    """The backend's times are UTC; a time parsed without a zone is read as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def shown_time(moment: datetime | None) -> str:
    """2026-11-27 18:30 in platform time; "" for no time."""
    return aware(moment).astimezone(zone(None)).strftime("%Y-%m-%d %H:%M") if moment else ""


def shown_date(moment: datetime | None) -> str:
    return aware(moment).astimezone(zone(None)).strftime("%Y-%m-%d") if moment else ""


def shown_day_time(moment: datetime) -> str:
    """11-27 18:30 in platform time: a comment's time, short beside its author."""
    return aware(moment).astimezone(zone(None)).strftime("%m-%d %H:%M")


def publish_window(brief: BriefPublic) -> str:
    """The brief's publish window, open ends shown as …."""
    return f"{shown_time(brief.publish_from) or '…'} – {shown_time(brief.publish_until) or '…'}"


def time_left(due: datetime | None, now: datetime) -> tuple[str, bool]:
    """The time left before `due` in words, and whether it is overdue; "" for no due time."""
    if due is None:
        return "", False
    seconds = (aware(due) - now).total_seconds()
    minutes = int(abs(seconds) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        span = QCoreApplication.translate("CollabWording", "{days} d {hours} h").format(
            days=days, hours=hours
        )
    elif hours:
        span = QCoreApplication.translate("CollabWording", "{hours} h {minutes} min").format(
            hours=hours, minutes=minutes
        )
    else:
        span = QCoreApplication.translate("CollabWording", "{minutes} min").format(minutes=minutes)
    if seconds < 0:
        return QCoreApplication.translate("CollabWording", "Overdue by {span}").format(
            span=span
        ), True
    return QCoreApplication.translate("CollabWording", "{span} left").format(span=span), False


def next_step(collab: CollaborationPublic) -> tuple[str, bool]:
    """What the creator is to do next (or waits for), and whether it is their turn."""
    brief = collab.brief
    state = collab.state
    if state == "invited":
        return QCoreApplication.translate("CollabWording", "Answer the invitation"), True
    if state == "applied":
        return QCoreApplication.translate(
            _CONTEXT, "Waiting for the brand to answer your application"
        ), False
    if state == "accepted":
        if collab.note_id is None:
            return QCoreApplication.translate(
                _CONTEXT, "Start the note and submit it for review"
            ), True
        return QCoreApplication.translate(
            _CONTEXT, "Finish the note and submit it for review"
        ), True
    if state == "submitted":
        return QCoreApplication.translate("CollabWording", "Brand review due {time}").format(
            time=shown_time(collab.review_due_at)
        ), False
    if state == "changes_requested":
        return QCoreApplication.translate(
            _CONTEXT, "{count} comment(s) to resolve, then resubmit"
        ).format(count=collab.open_comments), True
    if state in ("approved", "scheduled"):
        my_turn = state == "approved"
        if brief.publish_from or brief.publish_until:
            return QCoreApplication.translate("CollabWording", "Publish within {window}").format(
                window=publish_window(brief)
            ), my_turn
        return QCoreApplication.translate(
            _CONTEXT, "Approved: schedule or publish the note"
        ), my_turn
    if state == "published" and collab.protected_until:
        return QCoreApplication.translate("CollabWording", "Protected until {date}").format(
            date=shown_date(collab.protected_until)
        ), False
    return "", False
