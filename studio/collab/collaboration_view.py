"""One collaboration seen from the creator's side: the brief, what is due, the brand's review
comments (regions drawn on the photos), the brief's checklist on the note, the conversation,
and the moves the creator may make now.

Which buttons show is what the backend answers in `CollaborationPublic.actions`, never a
rule of our own; every call runs in a worker and the panel reloads from the backend after it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import (
    BriefCheckPublic,
    BriefPublic,
    CollaborationPublic,
    CommentPublic,
    SubmissionPublic,
)
from publisher.domain.changes import ChangeSet
from studio.collab.comment_marks import CommentMarks, Mark, NumberBadge
from studio.collab.money import fen_text
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.style import ACCENT, ACCENT_SOFT, BORDER, TEXT_MUTED
from studio.thumbnails import decode_thumbnail
from studio.timezones import zone
from studio.widgets.banner import Banner
from studio.widgets.card import card
from studio.widgets.scroll_page import scrolling_page

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

PHOTO_SIZE = 512
"""The thumbnail size a commented photo is fetched at: sharp in its 240×320 frame on HiDPI."""

TONES = {
    "invited": "accent",
    "applied": "waiting",
    "accepted": "work",
    "submitted": "waiting",
    "changes_requested": "accent",
    "approved": "good",
    "scheduled": "good",
    "published": "good",
    "completed": "good",
    "declined": "ended",
    "rejected": "ended",
    "cancelled": "ended",
}
"""The badge colour of each state, for the creator: red where they must act."""

COLLAB_STYLE = f"""
#StateBadge {{
    border-radius: 11px; padding: 3px 10px; font-size: 12px; font-weight: 600;
    background: #F0F1F4; color: #5A5D66;
}}
#StateBadge[tone="accent"] {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
#StateBadge[tone="waiting"] {{ background: #EEF4FF; color: #2F6BDE; }}
#StateBadge[tone="work"] {{ background: #FFF6E5; color: #B7700B; }}
#StateBadge[tone="good"] {{ background: #E9F8EF; color: #1E7F4C; }}
#Tag {{
    background: #F4F5F7; color: #4A4D55; border-radius: 10px; padding: 3px 9px;
    font-size: 12px;
}}
#Tag[tone="bad"] {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
#SectionLabel {{ color: {TEXT_MUTED}; font-size: 12px; font-weight: 600; }}
#Fee {{ font-size: 20px; font-weight: 700; color: {ACCENT}; }}
#Due {{ font-size: 13px; color: #4A4D55; }}
#Due[tone="accent"] {{ color: {ACCENT}; font-weight: 600; }}
#Protected {{
    background: #E9F8EF; color: #1E7F4C; border-radius: 10px; padding: 8px 12px;
    font-size: 13px; font-weight: 600;
}}
#CommentRow {{ border-top: 1px solid #F1F2F4; }}
#CommentText {{ font-size: 13px; }}
#CommentText[done="true"] {{ color: {TEXT_MUTED}; text-decoration: line-through; }}
#Bubble {{ background: #F6F7F9; border-radius: 12px; }}
#Bubble[mine="true"] {{ background: {ACCENT_SOFT}; }}
#BubbleMeta {{ color: {TEXT_MUTED}; font-size: 11px; }}
#CheckMark {{ font-size: 14px; font-weight: 700; color: #1E9E5A; }}
#CheckMark[ok="false"] {{ color: {ACCENT}; }}
#BriefCard {{ background: white; border: 1px solid {BORDER}; border-radius: 14px; }}
#BriefCard:hover {{ border-color: #D5D6DB; }}
"""
"""Styles only the collaboration screens use, over the app's stylesheet."""


def shown_time(moment: datetime | None) -> str:
    """A backend time as the creator reads it: platform time (Asia/Shanghai)."""
    return moment.astimezone(zone(None)).strftime("%Y-%m-%d %H:%M") if moment else ""


def shown_date(moment: datetime | None) -> str:
    return moment.astimezone(zone(None)).strftime("%Y-%m-%d") if moment else ""


def publish_window(brief: BriefPublic) -> str:
    """The brief's publish window, open ends shown as …."""
    return f"{shown_time(brief.publish_from) or '…'} – {shown_time(brief.publish_until) or '…'}"


def review_comments(collab: CollaborationPublic, comments: Sequence[CommentPublic]) -> list:
    """The brand's comments on the round under review: what the creator works through."""
    return [c for c in comments if c.side == "brand" and collab.round and c.round == collab.round]


def group_key(comment: CommentPublic) -> tuple[str, Any]:
    """Where a comment points, as the panel groups them: the whole note, a field, a photo."""
    if comment.target in ("image", "region"):
        return ("photo", comment.position)
    if comment.target == "field":
        return ("field", comment.field)
    return ("note", None)


def grouped(comments: Sequence[CommentPublic]) -> list[tuple[tuple[str, Any], list]]:
    """Comments by `group_key`: the whole note first, then fields, then photos in order."""
    groups: dict[tuple[str, Any], list[CommentPublic]] = {}
    for comment in comments:
        groups.setdefault(group_key(comment), []).append(comment)
    order = {"note": 0, "field": 1, "photo": 2}
    return sorted(groups.items(), key=lambda item: (order[item[0][0]], str(item[0][1])))


def round_media(submissions: Sequence[SubmissionPublic], round_: int) -> dict[int, str]:
    """Position → sha256 of the photos the brand saw in `round_`."""
    for submission in submissions:
        if submission.round == round_:
            media = submission.snapshot.get("media", [])
            return {int(item["position"]): str(item["sha256"]) for item in media}
    return {}


@dataclass
class Loaded:
    """Everything the panel shows, fetched together in one worker."""

    collab: CollaborationPublic
    comments: list[CommentPublic]
    checks: list[BriefCheckPublic]
    photos: dict[int, QImage] = field(default_factory=dict)


def load(client: StudioClient, collaboration_id: uuid.UUID) -> Loaded:
    collab = client.get_collaboration(collaboration_id)
    comments = client.comments(collaboration_id)
    checks = client.brief_checks(collaboration_id) if collab.note_id else []
    media = round_media(client.submissions(collaboration_id), collab.round) if collab.round else {}
    positions = {c.position for c in review_comments(collab, comments) if c.position is not None}
    photos = {
        position: decode_thumbnail(client.thumbnail(media[position], PHOTO_SIZE))
        for position in sorted(positions)
        if position in media
    }
    return Loaded(collab, comments, checks, photos)


class CollabTexts(QObject):
    """The words both creator screens use for states, deadlines, fields and checks."""

    def state(self, state: str) -> str:
        return {
            "invited": self.tr("Invited"),
            "applied": self.tr("Applied"),
            "accepted": self.tr("In progress"),
            "submitted": self.tr("In review"),
            "changes_requested": self.tr("Changes requested"),
            "approved": self.tr("Approved"),
            "scheduled": self.tr("Scheduled"),
            "published": self.tr("Published"),
            "completed": self.tr("Completed"),
            "declined": self.tr("Declined"),
            "rejected": self.tr("Rejected"),
            "cancelled": self.tr("Cancelled"),
        }.get(state, state)

    def due(self, collab: CollaborationPublic) -> tuple[str, bool]:
        """What is due next and whether it is the creator's turn."""
        brief = collab.brief
        state = collab.state
        if state == "invited":
            return self.tr("Answer the invitation"), True
        if state == "applied":
            return self.tr("Waiting for the brand to answer your application"), False
        if state == "accepted":
            if collab.note_id is None:
                return self.tr("Start the note and submit it for review"), True
            return self.tr("Finish the note and submit it for review"), True
        if state == "submitted":
            return self.tr("Brand review due {time}").format(
                time=shown_time(collab.review_due_at)
            ), False
        if state == "changes_requested":
            return self.tr("{count} comment(s) to resolve, then resubmit").format(
                count=collab.open_comments
            ), True
        if state in ("approved", "scheduled"):
            if brief.publish_from or brief.publish_until:
                window = publish_window(brief)
                return self.tr("Publish within {window}").format(window=window), state == "approved"
            return self.tr("Approved: schedule or publish the note"), state == "approved"
        if state == "published" and collab.protected_until:
            return self.tr("Protected until {date}").format(
                date=shown_date(collab.protected_until)
            ), False
        return "", False

    def field(self, name: str | None) -> str:
        return {
            "title": self.tr("Title"),
            "body": self.tr("Body"),
            "topics": self.tr("Topics"),
            "mentions": self.tr("Mentions"),
            "products": self.tr("Products"),
            "place": self.tr("Location"),
            "flags": self.tr("Declarations"),
        }.get(name or "", name or "")

    def group(self, key: tuple[str, Any]) -> str:
        kind, value = key
        if kind == "photo":
            return self.tr("Photo {number}").format(number=int(value) + 1)
        if kind == "field":
            return self.field(value)
        return self.tr("Whole note")

    def check(self, check: BriefCheckPublic) -> str:
        params = check.params
        missing = "、".join(str(item) for item in params.get("missing", []))
        if check.key == "type":
            kind = (
                self.tr("video note")
                if params.get("expected") == "video"
                else self.tr("photo note")
            )
            return self.tr("The brief asks for a {kind}").format(kind=kind)
        if check.key == "topics":
            return (
                self.tr("Every required topic is on the note")
                if check.ok
                else self.tr("Topics missing: {names}").format(names=missing)
            )
        if check.key == "mentions":
            return (
                self.tr("Every required mention is on the note")
                if check.ok
                else self.tr("Mentions missing: {names}").format(names=missing)
            )
        if check.key == "key_message":
            message = str(params.get("message", ""))
            return (
                self.tr("Says “{message}”").format(message=message)
                if check.ok
                else self.tr("Does not say “{message}” yet").format(message=message)
            )
        if check.key == "forbidden_words":
            found = "、".join(str(item.get("word", "")) for item in params.get("found", []))
            return (
                self.tr("No forbidden words")
                if check.ok
                else self.tr("Forbidden words: {words}").format(words=found)
            )
        if check.key == "disclosure":
            return (
                self.tr("Brand collaboration disclosed")
                if check.ok
                else self.tr("Brand collaboration not disclosed")
            )
        if check.key == "products":
            return (
                self.tr("The brief's products are linked")
                if check.ok
                else self.tr("{count} of the brief's product(s) not linked").format(
                    count=len(params["missing"])
                )
            )
        return check.key

    def facts(self, brief: BriefPublic) -> list[tuple[str, str]]:
        """The brief's terms as label/value rows, without the empty ones."""
        rows = [
            (self.tr("Brand"), brief.organization_name),
            (self.tr("Campaign"), brief.campaign),
            (self.tr("Deliverable"), self.tr("{count} note(s)").format(count=brief.note_count)),
            (self.tr("Apply by"), shown_time(brief.apply_by)),
            (self.tr("Publish from"), shown_time(brief.publish_from)),
            (self.tr("Publish until"), shown_time(brief.publish_until)),
            (
                self.tr("Protection"),
                self.tr("{days} day(s) after publishing").format(days=brief.protection_days),
            ),
            (self.tr("Review time"), self.tr("{hours} hour(s)").format(hours=brief.review_hours)),
        ]
        return [(label, value) for label, value in rows if value]

    def terms(self, brief: BriefPublic) -> list[str]:
        """The brief's terms a creator decides on, as short tags."""
        kind = self.tr("video") if brief.note_type == "video" else self.tr("photo")
        terms = [self.tr("{count} × {kind} note").format(count=brief.note_count, kind=kind)]
        if brief.products:
            terms.append(self.tr("{count} product(s)").format(count=len(brief.products)))
        terms += [label for label in (brief.category, brief.region) if label]
        if brief.followers_min:
            terms.append(self.tr("≥ {count} followers").format(count=f"{brief.followers_min:,}"))
        if brief.apply_by:
            terms.append(self.tr("Apply by {time}").format(time=shown_time(brief.apply_by)))
        if brief.publish_from or brief.publish_until:
            terms.append(self.tr("Publish {window}").format(window=publish_window(brief)))
        return terms


def state_badge(texts: CollabTexts, state: str, parent: QWidget | None = None) -> QLabel:
    badge = QLabel(parent)
    badge.setObjectName("StateBadge")
    show_state(badge, texts, state)
    return badge


def show_state(badge: QLabel, texts: CollabTexts, state: str) -> None:
    badge.setText(texts.state(state))
    badge.setProperty("tone", TONES.get(state, "ended"))
    badge.setProperty("state", state)
    badge.setVisible(bool(state))
    badge.style().unpolish(badge)
    badge.style().polish(badge)


def tag(text: str, parent: QWidget | None = None, *, bad: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("Tag")
    if bad:
        label.setProperty("tone", "bad")
    return label


def flow_of_tags(items: Sequence[str], parent: QWidget, *, bad: bool = False) -> QWidget:
    """Short tags wrapped over lines, for topics, mentions and forbidden words."""
    holder = QWidget(parent)
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(6)
    per_row = 4
    for index, item in enumerate(items):
        grid.addWidget(tag(item, holder, bad=bad), index // per_row, index % per_row)
    grid.setColumnStretch(per_row, 1)
    return holder


def section_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("SectionLabel")
    return label


def clear(layout: QLayout) -> None:
    """Delete every widget and sub-layout of `layout`."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear(item.layout())


class CollaborationView(QWidget):
    """The detail panel; `back_requested` returns to the list, `open_note_requested(note_id)`
    asks the lead's window to open the note in the composer."""

    back_requested = Signal()
    open_note_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self.setStyleSheet(COLLAB_STYLE)
        self._ctx = ctx
        self._texts = CollabTexts(self)
        self.loaded: Loaded | None = None
        self.photos: dict[int, CommentMarks] = {}
        """The commented photos on screen by position, for tests and the composer's jump."""
        self.resolve_boxes: dict[uuid.UUID, QCheckBox] = {}
        self._collaboration_id: uuid.UUID | None = None
        self._build()
        ctx.events.changed.connect(self._on_changed)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        _content, column = scrolling_page(self, margins=(4, 6, 4, 18))
        header = QHBoxLayout()
        header.setSpacing(12)
        self.back = QPushButton(self.tr("← Collaborations"), self)
        self.back.clicked.connect(self.back_requested)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self)
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("PageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        self.state_label = state_badge(self._texts, "", self)
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(titles, 1)
        header.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)

        self.banner = Banner(self)
        column.addWidget(self.banner)

        self.status_card, status = card(self)
        self._build_status(status)
        column.addWidget(self.status_card)

        columns = QHBoxLayout()
        columns.setSpacing(14)
        left = QVBoxLayout()
        left.setSpacing(14)
        right = QVBoxLayout()
        right.setSpacing(14)
        self.review_card, self.review_layout = card(self)
        self.checks_card, self.checks_layout = card(self, spacing=8)
        self.talk_card, self.talk_layout = card(self, spacing=10)
        self.brief_card, self.brief_layout = card(self, spacing=10)
        left.addWidget(self.review_card)
        left.addWidget(self.checks_card)
        left.addWidget(self.talk_card)
        left.addStretch(1)
        right.addWidget(self.brief_card)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        column.addLayout(columns)
        column.addStretch(1)

        self._build_talk()

    def _build_status(self, layout: QVBoxLayout) -> None:
        parent = self.status_card
        top = QHBoxLayout()
        top.setSpacing(28)
        money = QVBoxLayout()
        money.setSpacing(2)
        money.addWidget(section_label(self.tr("Fee"), parent))
        self.fee_label = QLabel(parent)
        self.fee_label.setObjectName("Fee")
        money.addWidget(self.fee_label)
        money.addStretch(1)
        top.addLayout(money)
        info = QVBoxLayout()
        info.setSpacing(4)
        info.addWidget(section_label(self.tr("Next"), parent))
        self.due_label = QLabel(parent)
        self.due_label.setObjectName("Due")
        self.due_label.setWordWrap(True)
        self.round_label = QLabel(parent)
        self.round_label.setObjectName("Hint")
        info.addWidget(self.due_label)
        info.addWidget(self.round_label)
        info.addStretch(1)
        top.addLayout(info, 1)
        self.withdraw_button = self._action_button(self.tr("Withdraw"), self._withdraw)
        self.open_button = self._action_button(self.tr("Open note"), self._open_note)
        self.start_button = self._action_button(self.tr("Start the note"), self._start_note, True)
        self.submit_button = self._action_button(self.tr("Submit for review"), self._submit, True)
        for button in (self.withdraw_button, self.open_button, self.start_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        self.protected_label = QLabel(parent)
        self.protected_label.setObjectName("Protected")
        self.protected_label.hide()
        layout.addWidget(self.protected_label)

    def _build_talk(self) -> None:
        parent = self.talk_card
        title = QLabel(self.tr("Conversation"), parent)
        title.setObjectName("CardTitle")
        self.talk_layout.addWidget(title)
        self.messages = QVBoxLayout()
        self.messages.setSpacing(8)
        self.talk_layout.addLayout(self.messages)
        self.reply = QPlainTextEdit(parent)
        self.reply.setPlaceholderText(self.tr("Write to the brand…"))
        self.reply.setFixedHeight(72)
        self.send = QPushButton(self.tr("Send"), parent)
        self.send.setCursor(Qt.CursorShape.PointingHandCursor)
        self.send.clicked.connect(self._send_comment)
        self.talk_layout.addWidget(self.reply)
        send_row = QHBoxLayout()
        send_row.addStretch(1)
        send_row.addWidget(self.send)
        self.talk_layout.addLayout(send_row)

    def _action_button(
        self, text: str, slot: Callable[[], None], accent: bool = False
    ) -> QPushButton:
        button = QPushButton(text, self.status_card)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if accent:
            button.setProperty("accent", True)
        button.clicked.connect(slot)
        button.hide()
        return button

    # -- loading ---------------------------------------------------------------------------

    @property
    def collaboration_id(self) -> uuid.UUID | None:
        return self._collaboration_id

    def show_collaboration(self, collaboration_id: uuid.UUID) -> None:
        if collaboration_id != self._collaboration_id:
            self.loaded = None
            self.banner.hide()
        self._collaboration_id = collaboration_id
        self.reload()

    def reload(self) -> None:
        collaboration_id = self._collaboration_id
        if collaboration_id is None:
            return
        Query(self._ctx, parent=self, op=lambda client: load(client, collaboration_id)).success(
            self._show
        ).failure(self._failed).run()

    def _on_changed(self, changes: ChangeSet, initiator: object) -> None:
        # Our own mutations reload in their success callback.
        if initiator is not self and (changes.collaborations or changes.notes):
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(reason_of(error), level="error")

    def _show(self, loaded: Loaded) -> None:
        if loaded.collab.id != self._collaboration_id:
            return
        self.loaded = loaded
        collab = loaded.collab
        self.title.setText(collab.brief.title)
        self.subtitle.setText(f"{collab.brief.organization_name} · {collab.account.nickname}")
        show_state(self.state_label, self._texts, collab.state)
        self._fill_status(collab)
        self._fill_review(loaded)
        self._fill_checks(loaded)
        self._fill_talk(loaded)
        self._fill_brief(collab.brief)

    # -- status and actions ----------------------------------------------------------------

    def _fill_status(self, collab: CollaborationPublic) -> None:
        fee = collab.quote_fen if collab.quote_fen is not None else collab.brief.fee_fen
        self.fee_label.setText(fen_text(fee, collab.brief.currency))
        due_text, my_turn = self._texts.due(collab)
        self.due_label.setText(due_text or self._texts.state(collab.state))
        self.due_label.setProperty("tone", "accent" if my_turn else "")
        self.due_label.style().unpolish(self.due_label)
        self.due_label.style().polish(self.due_label)
        self.round_label.setText(self.tr("Round {round}").format(round=collab.round))
        self.round_label.setVisible(collab.round > 0)
        actions = set(collab.actions)
        may_submit = "submit" in actions
        self.withdraw_button.setVisible("withdraw" in actions)
        self.open_button.setVisible(collab.note_id is not None)
        self.start_button.setVisible(collab.note_id is None and may_submit and not collab.round)
        self.submit_button.setVisible(may_submit and collab.note_id is not None)
        self.submit_button.setText(
            self.tr("Resubmit") if collab.round else self.tr("Submit for review")
        )
        self.protected_label.setVisible(collab.protected_until is not None)
        self.protected_label.setText(
            self.tr("Protected until {date}: the note may not be deleted or hidden before").format(
                date=shown_date(collab.protected_until)
            )
        )

    def _mutate(self, op: Callable[[StudioClient], Any], then: Callable[[Any], None]) -> None:
        for button in (self.start_button, self.submit_button, self.withdraw_button, self.send):
            button.setEnabled(False)

        def done(result: Any) -> None:
            self._enable()
            then(result)
            self.reload()

        def failed(error: BaseException) -> None:
            self._enable()
            self._failed(error)
            self.reload()

        Mutation(self._ctx, parent=self, op=op).success(done).failure(failed).run()

    def _enable(self) -> None:
        for button in (self.start_button, self.submit_button, self.withdraw_button, self.send):
            button.setEnabled(True)

    def _start_note(self) -> None:
        collab = self.loaded.collab if self.loaded else None
        if collab is None:
            return

        def started(updated: CollaborationPublic) -> None:
            if updated.note_id is not None:
                self.open_note_requested.emit(str(updated.note_id))

        self._mutate(lambda client: client.attach_note(collab.id, version=collab.version), started)

    def _open_note(self) -> None:
        if self.loaded and self.loaded.collab.note_id is not None:
            self.open_note_requested.emit(str(self.loaded.collab.note_id))

    def _submit(self) -> None:
        collab = self.loaded.collab if self.loaded else None
        if collab is None:
            return
        self._mutate(
            lambda client: client.submit(collab.id, version=collab.version),
            lambda _c: self.banner.show_message(
                self.tr("Submitted: the brand reviews it within {hours} hour(s).").format(
                    hours=collab.brief.review_hours
                ),
                level="success",
            ),
        )

    def _withdraw(self) -> None:
        collab = self.loaded.collab if self.loaded else None
        if collab is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw from this collaboration?"),
            self.tr("The brand is told you withdrew; this cannot be undone."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._mutate(
            lambda client: client.act(collab.id, "withdraw", version=collab.version),
            lambda _c: None,
        )

    # -- the brand's review comments -------------------------------------------------------

    def _fill_review(self, loaded: Loaded) -> None:
        clear(self.review_layout)
        self.photos = {}
        self.resolve_boxes = {}
        comments = review_comments(loaded.collab, loaded.comments)
        self.review_card.setVisible(bool(comments))
        if not comments:
            return
        title = QLabel(
            self.tr("The brand's comments on round {round}").format(round=loaded.collab.round),
            self.review_card,
        )
        title.setObjectName("CardTitle")
        open_count = sum(1 for c in comments if c.resolved_at is None)
        hint = QLabel(
            self.tr("{count} still open").format(count=open_count)
            if open_count
            else self.tr("All resolved"),
            self.review_card,
        )
        hint.setObjectName("Hint")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(hint)
        self.review_layout.addLayout(head)
        for key, group in grouped(comments):
            self.review_layout.addWidget(section_label(self._texts.group(key), self.review_card))
            if key[0] == "photo":
                self.review_layout.addLayout(self._photo_group(key[1], group, loaded))
            else:
                for comment in group:
                    self.review_layout.addWidget(self._comment_row(comment, None))

    def _photo_group(self, position: int, group: list, loaded: Loaded) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        regions = [c for c in group if c.region is not None]
        numbers = {c.id: index + 1 for index, c in enumerate(regions)}
        photo = CommentMarks(self.review_card)
        photo.set_image(loaded.photos.get(position))
        photo.set_marks(
            [
                Mark(
                    numbers[c.id],
                    c.region.x,
                    c.region.y,
                    c.region.width,
                    c.region.height,
                    done=c.resolved_at is not None,
                )
                for c in regions
            ]
        )
        self.photos[position] = photo
        row.addWidget(photo, 0, Qt.AlignmentFlag.AlignTop)
        rows = QVBoxLayout()
        rows.setSpacing(0)
        for comment in group:
            rows.addWidget(self._comment_row(comment, numbers.get(comment.id)))
        rows.addStretch(1)
        row.addLayout(rows, 1)
        return row

    def _comment_row(self, comment: CommentPublic, number: int | None) -> QWidget:
        done = comment.resolved_at is not None
        row = QFrame(self.review_card)
        row.setObjectName("CommentRow")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 10, 0, 10)
        layout.setSpacing(10)
        if number is not None:
            layout.addWidget(NumberBadge(number, done, row), 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        text = QLabel(comment.text, row)
        text.setObjectName("CommentText")
        text.setProperty("done", done)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        meta = QLabel(f"{comment.author_name} · {shown_time(comment.created_at)}", row)
        meta.setObjectName("BubbleMeta")
        texts.addWidget(text)
        texts.addWidget(meta)
        layout.addLayout(texts, 1)
        resolved = QCheckBox(self.tr("Resolved"), row)
        resolved.setChecked(done)
        resolved.setCursor(Qt.CursorShape.PointingHandCursor)
        resolved.setEnabled("submit" in self.loaded.collab.actions if self.loaded else False)
        resolved.toggled.connect(lambda on, c=comment: self._resolve(c, on))
        self.resolve_boxes[comment.id] = resolved
        layout.addWidget(resolved, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _resolve(self, comment: CommentPublic, resolved: bool) -> None:
        collaboration_id = self._collaboration_id
        assert collaboration_id is not None
        self._mutate(
            lambda client: client.resolve_comment(
                collaboration_id, comment.id, version=comment.version, resolved=resolved
            ),
            lambda _c: None,
        )

    # -- the brief's checklist on the note -------------------------------------------------

    def _fill_checks(self, loaded: Loaded) -> None:
        clear(self.checks_layout)
        self.checks_card.setVisible(bool(loaded.checks))
        if not loaded.checks:
            return
        title = QLabel(self.tr("Brief checklist on the note"), self.checks_card)
        title.setObjectName("CardTitle")
        passed = sum(1 for c in loaded.checks if c.ok)
        score = QLabel(f"{passed}/{len(loaded.checks)}", self.checks_card)
        score.setObjectName("Hint")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(score)
        self.checks_layout.addLayout(head)
        for check in loaded.checks:
            line = QHBoxLayout()
            line.setSpacing(8)
            mark = QLabel("✓" if check.ok else "✕", self.checks_card)
            mark.setObjectName("CheckMark")
            mark.setProperty("ok", check.ok)
            mark.setFixedWidth(16)
            text = QLabel(self._texts.check(check), self.checks_card)
            text.setObjectName("CheckRow")
            text.setWordWrap(True)
            line.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(text, 1)
            self.checks_layout.addLayout(line)

    # -- the conversation ------------------------------------------------------------------

    def _fill_talk(self, loaded: Loaded) -> None:
        clear(self.messages)
        review = {c.id for c in review_comments(loaded.collab, loaded.comments)}
        talk = [c for c in loaded.comments if c.id not in review]
        collab = loaded.collab
        if collab.message:
            side = "brand" if collab.origin == "invited" else "creator"
            self.messages.addWidget(
                self._bubble(
                    collab.message,
                    side,
                    collab.brief.organization_name if side == "brand" else collab.account.nickname,
                    collab.created_at,
                )
            )
        for comment in talk:
            where = (
                "" if comment.target == "note" else f" · {self._texts.group(group_key(comment))}"
            )
            self.messages.addWidget(
                self._bubble(
                    comment.text,
                    comment.side,
                    comment.author_name + where,
                    comment.created_at,
                )
            )
        if not talk and not collab.message:
            empty = QLabel(self.tr("No messages yet."), self.talk_card)
            empty.setObjectName("Hint")
            self.messages.addWidget(empty)
        ended = collab.state in ("declined", "rejected", "cancelled", "completed")
        self.reply.setVisible(not ended)
        self.send.setVisible(not ended)

    def _bubble(self, text: str, side: str, who: str, when: datetime) -> QWidget:
        bubble = QFrame(self.talk_card)
        bubble.setObjectName("Bubble")
        bubble.setProperty("mine", side == "creator")
        layout = QVBoxLayout(bubble)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        meta = QLabel(f"{who} · {shown_time(when)}", bubble)
        meta.setObjectName("BubbleMeta")
        body = QLabel(text, bubble)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(meta)
        layout.addWidget(body)
        holder = QWidget(self.talk_card)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        if side == "creator":
            row.addStretch(1)
        row.addWidget(bubble, 4)
        if side != "creator":
            row.addStretch(1)
        return holder

    def _send_comment(self) -> None:
        text = self.reply.toPlainText().strip()
        collaboration_id = self._collaboration_id
        if not text or collaboration_id is None:
            return
        self._mutate(
            lambda client: client.add_comment(collaboration_id, text),
            lambda _c: self.reply.clear(),
        )

    # -- the brief -------------------------------------------------------------------------

    def _fill_brief(self, brief: BriefPublic) -> None:
        clear(self.brief_layout)
        parent = self.brief_card
        title = QLabel(self.tr("The brief"), parent)
        title.setObjectName("CardTitle")
        self.brief_layout.addWidget(title)
        if brief.description:
            description = QLabel(brief.description, parent)
            description.setWordWrap(True)
            self.brief_layout.addWidget(description)
        facts = QGridLayout()
        facts.setHorizontalSpacing(14)
        facts.setVerticalSpacing(6)
        for row, (label, value) in enumerate(self._texts.facts(brief)):
            name = QLabel(label, parent)
            name.setObjectName("FormLabel")
            shown = QLabel(value, parent)
            shown.setObjectName("FormValue")
            shown.setWordWrap(True)
            facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(shown, row, 1)
        facts.setColumnStretch(1, 1)
        self.brief_layout.addLayout(facts)
        lists = (
            (self.tr("Key messages"), brief.key_messages, False, True),
            (self.tr("Required topics"), [f"#{t}" for t in brief.topics], False, False),
            (self.tr("Required mentions"), [f"@{m}" for m in brief.mentions], False, False),
            (self.tr("Products"), [p.name for p in brief.products], False, True),
            (self.tr("Do"), brief.dos, False, True),
            (self.tr("Don't"), brief.donts, False, True),
            (self.tr("Forbidden words"), brief.forbidden_words, True, False),
        )
        for label, items, bad, as_lines in lists:
            if not items:
                continue
            self.brief_layout.addSpacing(4)
            self.brief_layout.addWidget(section_label(label, parent))
            if as_lines:
                for item in items:
                    line = QLabel(f"•  {item}", parent)
                    line.setWordWrap(True)
                    self.brief_layout.addWidget(line)
            else:
                self.brief_layout.addWidget(flow_of_tags(items, parent, bad=bad))
