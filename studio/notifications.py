"""Backend notifications (a scheduled note was published or held, news of a brand
collaboration), polled while connected.

The scheduler runs inside the backend, so the app learns of its work by asking: every ~15 s,
off the UI thread, for notifications newer than the last cursor. New unread ones are announced
once (`arrived`); the newest `HISTORY` are kept (`items`, newest first) for the notification
list; `unread` is the server's count of everything unread, the bell's badge.

The server reads only forward from a cursor, so the first poll reads every page up to the
newest and keeps the last `HISTORY` of them: the list starts with the latest, not the oldest.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from publisher.domain.changes import ChangeSet
from publisher.schemas import NotificationPage, NotificationPublic
from studio.collab.money import fen_text
from studio.collab.wording import shown_time
from studio.connection import BackendState
from studio.ops import Mutation
from studio.quiet_read import quiet_read

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

POLL_MS = 15_000
FIRST_POLL_MS = 3_000
PAGE = 500
"""Notifications per request (the server's largest page)."""
HISTORY = 300
"""Notifications kept in memory for the list, newest first."""
_CHECK_REASONS = {"rules_violated", "check_failed"}


_COLLABORATION_NEWS = {
    "collaboration.invited": QT_TRANSLATE_NOOP(
        "Notifications", "{brand} invites {account} to “{brief}”."
    ),
    "collaboration.applied": QT_TRANSLATE_NOOP(
        "Notifications", "{account} applied to “{brief}” (quote {quote})."
    ),
    "collaboration.accepted": QT_TRANSLATE_NOOP(
        "Notifications", "“{brief}” with {account} is accepted: the note can be written."
    ),
    "collaboration.declined": QT_TRANSLATE_NOOP(
        "Notifications", "“{brief}” with {account} was declined."
    ),
    "collaboration.withdrawn": QT_TRANSLATE_NOOP(
        "Notifications", "{account} withdrew from “{brief}”."
    ),
    "collaboration.submitted": QT_TRANSLATE_NOOP(
        "Notifications", "{account} submitted round {round} of “{brief}” for review."
    ),
    "collaboration.approved": QT_TRANSLATE_NOOP(
        "Notifications", "The brand approved {account}'s note for “{brief}”: it can be scheduled."
    ),
    "collaboration.changes_requested": QT_TRANSLATE_NOOP(
        "Notifications", "The brand asks for changes to {account}'s note for “{brief}”."
    ),
    "collaboration.rejected": QT_TRANSLATE_NOOP(
        "Notifications", "The brand rejected {account}'s note for “{brief}”."
    ),
    "collaboration.comment": QT_TRANSLATE_NOOP(
        "Notifications", "New comment on “{brief}” ({account}): {text}"
    ),
    "collaboration.reopened": QT_TRANSLATE_NOOP(
        "Notifications",
        "{account} changed the approved note for “{brief}”: a new round will follow.",
    ),
    "collaboration.published": QT_TRANSLATE_NOOP(
        "Notifications", "{account}'s note for “{brief}” is published."
    ),
    "collaboration.completed": QT_TRANSLATE_NOOP(
        "Notifications", "The brand marked “{brief}” with {account} completed."
    ),
    "collaboration.cancelled": QT_TRANSLATE_NOOP(
        "Notifications", "The brand cancelled “{brief}” with {account}."
    ),
    "collaboration.review_due": QT_TRANSLATE_NOOP(
        "Notifications", "Review {account}'s round {round} of “{brief}” by {due}."
    ),
    "collaboration.answer_due": QT_TRANSLATE_NOOP(
        "Notifications", "Answer the invitation to “{brief}” for {account} by {due}."
    ),
    "collaboration.publish_due": QT_TRANSLATE_NOOP(
        "Notifications", "“{brief}” must be published by {due} ({account})."
    ),
}


def _collaboration_text(item: NotificationPublic) -> str:
    params = item.params
    due = params.get("due_at")
    values = {
        "brief": params.get("brief_title", ""),
        "account": params.get("account", ""),
        "brand": params.get("brand", ""),
        "round": params.get("round", ""),
        "text": params.get("text", ""),
        "quote": fen_text(params["quote_fen"]) if params.get("quote_fen") is not None else "",
        "due": shown_time(datetime.fromisoformat(due)) if due else "",
    }
    return QCoreApplication.translate("Notifications", _COLLABORATION_NEWS[item.kind]).format(
        **values
    )


_TEAM_NEWS = {
    "grant.created": QT_TRANSLATE_NOOP(
        "Notifications", "{by} put {account} under {organization}'s management."
    ),
    "grant.revoked": QT_TRANSLATE_NOOP(
        "Notifications", "{by} ended {organization}'s management of {account}."
    ),
}


def _team_text(item: NotificationPublic) -> str:
    values = {key: item.params.get(key, "") for key in ("by", "account", "organization")}
    return QCoreApplication.translate("Notifications", _TEAM_NEWS[item.kind]).format(**values)


def notification_text(item: NotificationPublic) -> str:
    """What a toast or the notification list says about a notification, translated."""
    if item.kind in _COLLABORATION_NEWS:
        return _collaboration_text(item)
    if item.kind in _TEAM_NEWS:
        return _team_text(item)
    title = item.params.get("title") or QCoreApplication.translate("Notifications", "(untitled)")
    if item.kind == "note.published":
        if item.params.get("late"):
            template = QCoreApplication.translate(
                "Notifications",
                "“{title}” was due while the studio was closed and is published late. "
                "Its publish package is ready.",
            )
        else:
            template = QCoreApplication.translate(
                "Notifications", "“{title}” is due now. Its publish package is ready."
            )
        return template.format(title=title)
    if item.kind == "note.held":
        reason = item.params.get("reason")
        if reason == "misfire":
            template = QCoreApplication.translate(
                "Notifications",
                "“{title}” was due while the studio was closed and is held for you to decide.",
            )
        elif reason in _CHECK_REASONS:
            template = QCoreApplication.translate(
                "Notifications", "“{title}” is held: it no longer passes the checklist."
            )
        else:
            template = QCoreApplication.translate("Notifications", "“{title}” is held.")
        return template.format(title=title)
    return QCoreApplication.translate("Notifications", "Something happened to “{title}”.").format(
        title=title
    )


_CATEGORIES = {
    "collaboration.invited": "invitation",
    "collaboration.applied": "invitation",
    "collaboration.submitted": "submission",
    "collaboration.reopened": "submission",
    "collaboration.comment": "comment",
    "collaboration.review_due": "deadline",
    "collaboration.answer_due": "deadline",
    "collaboration.publish_due": "deadline",
    "collaboration.published": "published",
    "note.published": "published",
    "note.held": "held",
    "grant.created": "invitation",
    "grant.revoked": "decision",
}


def notification_category(item: NotificationPublic) -> str:
    """What the list's icon shows: invitation, submission, decision (a collaboration changed
    state), comment, deadline, published or held."""
    return _CATEGORIES.get(item.kind, "decision")


@dataclass(frozen=True)
class NotificationTarget:
    """What opening a notification shows: a note's publish `package`, the `note`, or the
    `collaboration` on the `side` the news was sent to (`kind` picks the brand's screen)."""

    what: str
    id: uuid.UUID
    side: str = ""
    kind: str = ""


def notification_target(item: NotificationPublic) -> NotificationTarget | None:
    """None for a notification about nothing the app can open."""
    collaboration = item.params.get("collaboration_id")
    if collaboration:
        return NotificationTarget(
            "collaboration", uuid.UUID(str(collaboration)), item.params.get("side", ""), item.kind
        )
    if item.note_id is None:
        return None
    return NotificationTarget("package" if item.kind == "note.published" else "note", item.note_id)


class NotificationPoller(QObject):
    """`arrived(list[NotificationPublic])` for new unread notifications; `unread_changed(n)`;
    `changed()` when `items` (newest first) gained notifications or some were read."""

    arrived = Signal(list)
    unread_changed = Signal(int)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self._ctx = ctx
        self.cursor = 0
        self.unread = 0
        self.items: list[NotificationPublic] = []
        self._busy = False
        self._again = False
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll_now)
        ctx.connection.state_changed.connect(self._on_state)
        self._on_state(ctx.connection.state)

    def poll_now(self) -> None:
        """Ask for newer notifications; during a poll, ask again once it answers (its
        unread count may predate a change)."""
        if self._ctx.connection.state is not BackendState.CONNECTED:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        cursor = self.cursor
        quiet_read(
            self._ctx,
            self,
            lambda client: _read_since(client, cursor),
            self._on_page,
            self._on_failed,
        )

    def stop(self) -> None:
        """No more polls (the window is closing)."""
        self._timer.stop()
        if not self._stopped:
            self._stopped = True
            self._ctx.connection.state_changed.disconnect(self._on_state)

    def find(self, notification_id: int) -> NotificationPublic | None:
        return next((item for item in self.items if item.id == notification_id), None)

    def mark_read(self, up_to: int | None = None) -> None:
        """Notifications up to id `up_to` (default: everything seen so far) are read, here at
        once and on the server; the server only marks read up to an id, never one alone."""
        up_to = self.cursor if up_to is None else up_to
        now = datetime.now(UTC)
        newly = 0
        for index, item in enumerate(self.items):
            if item.id <= up_to and item.read_at is None:
                self.items[index] = item.model_copy(update={"read_at": now})
                newly += 1
        self._set_unread(0 if up_to >= self.cursor else max(0, self.unread - newly))
        if newly:
            self.changed.emit()
        if up_to:
            Mutation(self._ctx, parent=self, op=lambda client: _mark(client, up_to)).success(
                lambda _none: self.poll_now()
            ).run()

    def _on_state(self, state: BackendState) -> None:
        if state is BackendState.CONNECTED:
            self._timer.start()
            # Not at once: the pages' own first reads go first, and the app may just be closing.
            QTimer.singleShot(FIRST_POLL_MS, self._timer, self.poll_now)
        else:
            self._timer.stop()

    def _on_page(self, page: NotificationPage) -> None:
        self._finish()
        news = [item for item in page.items if item.id > self.cursor]
        self.cursor = max(self.cursor, page.cursor)
        self.items = (news[::-1] + self.items)[:HISTORY]
        fresh = [item for item in news if item.read_at is None]
        self._set_unread(page.unread)
        if news:
            self.changed.emit()
        if fresh:
            self.arrived.emit(fresh)
            self._ctx.events.changed.emit(ChangeSet(notes=True, schedule=True), self)

    def _on_failed(self, _error: BaseException) -> None:
        self._finish()

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            QTimer.singleShot(0, self, self.poll_now)

    def _set_unread(self, count: int) -> None:
        if count != self.unread:
            self.unread = count
            self.unread_changed.emit(count)


def _read_since(client: StudioClient, cursor: int) -> NotificationPage:
    """Every notification after `cursor`, page by page, keeping only the newest `HISTORY`."""
    items: list[NotificationPublic] = []
    while True:
        page = client.notifications(after=cursor, limit=PAGE)
        items = (items + page.items)[-HISTORY:]
        cursor = page.cursor
        if len(page.items) < PAGE:
            return NotificationPage(items=items, cursor=cursor, unread=page.unread)


def _mark(client: StudioClient, up_to: int) -> ChangeSet:
    client.mark_notifications_read(up_to=up_to)
    return ChangeSet()
