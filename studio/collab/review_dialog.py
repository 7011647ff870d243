"""The review screen: one submitted round of a collaboration note, as the brand decides on it.

The note as readers will meet it (the phone page, with the round's own photos and text), the
brief's checklist as the server checked it on this round, what changed since the previous
round (text marked up, photos side by side or as an onion skin), the conversation (comments on
the whole note, a field, a photo, or a rectangle drawn on a photo), and the decision: approve,
request changes (only once something was said on this round), or reject. The buttons are the
actions the server says the caller may take now; a collaboration changed meanwhile (409) is
reloaded and the reviewer told.
"""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import (
    BriefCheckPublic,
    CollaborationPublic,
    CommentPublic,
    SubmissionPublic,
)
from publisher.client import ClientError
from studio.collab.region_canvas import ImageView, Mark, OnionSkin, Region, RegionCanvas
from studio.collab.round_diff import ListChange, RoundDiff, diff_rounds, shorten, spans_html
from studio.composer.product_picker import price_text
from studio.messages import SHOWN_TIMEZONE, reason_of
from studio.ops import Mutation, Query
from studio.preview.compose import body_runs, ratio_bounds
from studio.preview.phone_page import PhoneFrame, ProductView
from studio.quiet_read import quiet_read
from studio.style import ACCENT, TEXT_MUTED
from studio.thumbnails import decode_thumbnail
from studio.widgets.banner import Banner

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

PHOTO_SIZE = 1200
"""Long side asked of the backend: sharp on the phone (375 px) and on the drawing canvas."""
TICK_MS = 60_000
FIELDS = ("title", "body", "topics", "mentions", "products", "place", "flags")
OK_COLOUR, MISSING_COLOUR = "#1E9E5A", ACCENT

_CONTEXT = "ReviewDialog"
STATE_NAMES = {
    "invited": QT_TRANSLATE_NOOP("ReviewDialog", "Invited"),
    "applied": QT_TRANSLATE_NOOP("ReviewDialog", "Applied"),
    "accepted": QT_TRANSLATE_NOOP("ReviewDialog", "In progress"),
    "submitted": QT_TRANSLATE_NOOP("ReviewDialog", "Waiting for review"),
    "changes_requested": QT_TRANSLATE_NOOP("ReviewDialog", "Changes requested"),
    "approved": QT_TRANSLATE_NOOP("ReviewDialog", "Approved"),
    "scheduled": QT_TRANSLATE_NOOP("ReviewDialog", "Scheduled"),
    "published": QT_TRANSLATE_NOOP("ReviewDialog", "Published"),
    "completed": QT_TRANSLATE_NOOP("ReviewDialog", "Completed"),
    "declined": QT_TRANSLATE_NOOP("ReviewDialog", "Declined"),
    "rejected": QT_TRANSLATE_NOOP("ReviewDialog", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("ReviewDialog", "Cancelled"),
}

DIALOG_STYLE = f"""
#ReviewHeading {{ font-size: 19px; font-weight: 700; }}
#ReviewChip {{
    background: #F1F2F4; color: #4A4D55; border-radius: 11px; padding: 3px 10px;
    font-size: 12px; font-weight: 600;
}}
#ReviewChip[tone="accent"] {{ background: #FFF0F2; color: {ACCENT}; }}
#ReviewChip[tone="good"] {{ background: #E9F8EF; color: #1E7F4C; }}
#ReviewChip[tone="warn"] {{ background: #FFF6E5; color: #A35F00; }}
#ReviewDue {{ color: {TEXT_MUTED}; font-size: 13px; }}
#ReviewDue[overdue="true"] {{ color: {ACCENT}; font-weight: 600; }}
#Segment {{
    border: none; border-radius: 15px; padding: 6px 14px; color: #4A4D55;
    background: transparent; font-weight: 600;
}}
#Segment:hover {{ background: #F1F2F4; }}
#Segment:checked {{ background: #FFF0F2; color: {ACCENT}; }}
#ReviewPane {{ background: #FFFFFF; border: 1px solid #E9EAEE; border-radius: 14px; }}
#ReviewSection {{ font-size: 13px; font-weight: 600; color: #4A4D55; }}
#DiffBox {{
    background: #FAFAFB; border: 1px solid #F0F0F2; border-radius: 10px; padding: 10px 12px;
    font-size: 14px;
}}
#CheckRow {{ font-size: 13px; }}
#Comment {{ background: #FAFAFB; border: 1px solid #F0F0F2; border-radius: 10px; }}
#Comment[current="true"] {{ background: #FFFFFF; border: 1px solid #E3E4E8; }}
#CommentWhere {{ font-size: 12px; font-weight: 600; color: {ACCENT}; }}
#CommentWhere[resolved="true"] {{ color: {TEXT_MUTED}; }}
#CommentMeta {{ font-size: 12px; color: {TEXT_MUTED}; }}
#CommentText {{ font-size: 13px; }}
#RoundHeading {{ font-size: 12px; color: {TEXT_MUTED}; font-weight: 600; padding-top: 4px; }}
#PhotoButton {{ border: 2px solid transparent; border-radius: 8px; padding: 0; }}
#PhotoButton:checked {{ border-color: {ACCENT}; }}
QPushButton[danger="true"] {{ color: {ACCENT}; }}
"""


# -- what the screen shows, without widgets ---------------------------------------------------


def state_name(state: str) -> str:
    return QCoreApplication.translate(_CONTEXT, STATE_NAMES.get(state, state))


def aware(when: datetime) -> datetime:
    """The backend's times are UTC; SQLite hands some back without their zone."""
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def due_text(due: datetime | None, now: datetime) -> tuple[str, bool]:
    """The time left before the review is due in words, and whether it is overdue; "" for a
    collaboration nobody has to review."""
    if due is None:
        return "", False
    seconds = (aware(due) - now).total_seconds()
    minutes = int(abs(seconds) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        span = QCoreApplication.translate(_CONTEXT, "{days} d {hours} h").format(
            days=days, hours=hours
        )
    elif hours:
        span = QCoreApplication.translate(_CONTEXT, "{hours} h {minutes} min").format(
            hours=hours, minutes=minutes
        )
    else:
        span = QCoreApplication.translate(_CONTEXT, "{minutes} min").format(minutes=minutes)
    if seconds < 0:
        return QCoreApplication.translate(_CONTEXT, "Overdue by {span}").format(span=span), True
    return QCoreApplication.translate(_CONTEXT, "{span} left").format(span=span), False


@dataclass(frozen=True)
class ReviewState:
    """Everything one review screen shows, loaded in one go."""

    collaboration: CollaborationPublic
    submissions: list[SubmissionPublic]
    checks: list[BriefCheckPublic]
    comments: list[CommentPublic]

    def submission(self, round_: int) -> SubmissionPublic | None:
        return next((s for s in self.submissions if s.round == round_), None)

    @property
    def current(self) -> SubmissionPublic | None:
        return self.submission(self.collaboration.round)

    @property
    def previous(self) -> SubmissionPublic | None:
        return self.submission(self.collaboration.round - 1)

    @property
    def diff(self) -> RoundDiff | None:
        """What changed since the previous round; None for the first."""
        current, previous = self.current, self.previous
        if current is None or previous is None:
            return None
        return diff_rounds(previous.snapshot, current.snapshot)

    @property
    def commented(self) -> bool:
        """The brand said something on this round that is still open: what the server asks
        of a request for changes."""
        return any(
            c.side == "brand" and c.round == self.collaboration.round and c.resolved_at is None
            for c in self.comments
        )

    def region_numbers(self) -> dict[uuid.UUID, int]:
        """Each region comment's number, counted per round in the order written."""
        numbers: dict[uuid.UUID, int] = {}
        counts: dict[int, int] = {}
        for comment in self.comments:
            if comment.target == "region":
                counts[comment.round] = counts.get(comment.round, 0) + 1
                numbers[comment.id] = counts[comment.round]
        return numbers

    def marks(self, position: int) -> list[Mark]:
        """The current round's region comments on the photo at `position`."""
        numbers = self.region_numbers()
        return [
            Mark(numbers[c.id], Region(**c.region.model_dump()), c.resolved_at is not None)
            for c in self.comments
            if c.target == "region"
            and c.region is not None
            and c.round == self.collaboration.round
            and c.position == position
        ]


def load_review(client: StudioClient, collaboration_id: uuid.UUID) -> ReviewState:
    collaboration = client.get_collaboration(collaboration_id)
    checks = (
        client.brief_checks(collaboration_id, round_=collaboration.round)
        if collaboration.round
        else []
    )
    return ReviewState(
        collaboration,
        client.submissions(collaboration_id),
        checks,
        client.comments(collaboration_id),
    )


@dataclass(frozen=True)
class Target:
    """What a new comment is about, as `add_comment` takes it."""

    target: str
    field: str | None = None
    position: int | None = None


def _local(when: datetime) -> str:
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return when.astimezone(SHOWN_TIMEZONE).strftime("%m-%d %H:%M")


def _chip(text: str, tone: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("ReviewChip")
    label.setProperty("tone", tone)
    return label


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def _pane(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("ReviewPane")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 14, 16, 16)
    layout.setSpacing(10)
    return frame, layout


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    # The pane's white shows through: neither the viewport nor the column paints the canvas.
    scroll.viewport().setAutoFillBackground(False)
    widget.setAutoFillBackground(False)
    scroll.setStyleSheet("QScrollArea { background: transparent; }")
    return scroll


class ReviewDialog(QDialog):
    """The review screen of one collaboration's current round."""

    def __init__(
        self, ctx: AppContext, collaboration_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.collaboration_id = collaboration_id
        self.state: ReviewState | None = None
        self.position = 0
        self._pictures: dict[str, QPixmap] = {}
        self._asked: set[str] = set()
        self._busy = False
        self._bounds = ratio_bounds(ctx.rules.limit("images", "allowed_ratios"))
        self.setWindowTitle(self.tr("Review"))
        self.setStyleSheet(DIALOG_STYLE)
        self._build()
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._show_due)
        self._timer.start()
        ctx.events.changed.connect(self._on_changed)
        room = self.screen().availableGeometry() if self.screen() else None
        width, height = 1460, 940
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 40)
        self.resize(width, height)
        self.reload()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Loading…"), self)
        self.heading.setObjectName("ReviewHeading")
        self.round_chip = _chip("", "", self)
        self.state_chip = _chip("", "", self)
        self.due_label = QLabel(self)
        self.due_label.setObjectName("ReviewDue")
        self.reload_button = QPushButton(self.tr("Reload"), self)
        header = QHBoxLayout()
        header.setSpacing(10)
        header.addWidget(self.heading)
        header.addWidget(self.round_chip)
        header.addWidget(self.state_chip)
        header.addSpacing(6)
        header.addWidget(self.due_label)
        header.addStretch(1)
        header.addWidget(self.reload_button)
        self.banner = Banner(self)

        self.phone = PhoneFrame(self)
        self.phone.set_words(
            follow=self.tr("Follow"),
            comment=self.tr("Say something…"),
            actions=(self.tr("Like"), self.tr("Collect"), self.tr("Comment")),
            products=self.tr("Products in this note"),
            comments=self.tr("No comments yet"),
            buy=self.tr("Buy"),
        )
        phone_host = QWidget(self)
        phone_column = QVBoxLayout(phone_host)
        phone_column.setContentsMargins(0, 0, 8, 0)
        phone_column.addWidget(self.phone, 0, Qt.AlignmentFlag.AlignTop)
        phone_column.addStretch(1)
        phone_scroll = _scrolled(phone_host, self)
        phone_scroll.setFixedWidth(self.phone.width() + 20)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(phone_scroll)
        body.addWidget(self._build_work_area(), 1)
        body.addWidget(self._build_comments(), 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

        self.reload_button.clicked.connect(self.reload)
        self.phone.carousel.current_changed.connect(self.show_photo)

    def _build_work_area(self) -> QWidget:
        pane, layout = _pane(self)
        segments = QHBoxLayout()
        segments.setSpacing(4)
        self.segment_group = QButtonGroup(self)
        self.photos_tab_button = QPushButton(self.tr("Photos"), pane)
        self.checks_tab_button = QPushButton(self.tr("Brief checklist"), pane)
        self.diff_tab_button = QPushButton(self.tr("Changes"), pane)
        self.pages = QStackedWidget(pane)
        for index, button in enumerate(
            (self.photos_tab_button, self.checks_tab_button, self.diff_tab_button)
        ):
            button.setObjectName("Segment")
            button.setCheckable(True)
            self.segment_group.addButton(button, index)
            segments.addWidget(button)
        segments.addStretch(1)
        self.photos_tab_button.setChecked(True)
        self.segment_group.idClicked.connect(self.pages.setCurrentIndex)

        self.pages.addWidget(self._build_photos_page())
        self.checks_host = QWidget()
        self.checks_layout = QVBoxLayout(self.checks_host)
        self.checks_layout.setContentsMargins(0, 4, 4, 4)
        self.checks_layout.setSpacing(10)
        self.pages.addWidget(_scrolled(self.checks_host, pane))
        self.pages.addWidget(self._build_diff_page())

        layout.addLayout(segments)
        layout.addWidget(self.pages, 1)
        return pane

    def _build_photos_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(10)
        self.canvas = RegionCanvas(page)
        self.canvas.region_drawn.connect(self._on_region_drawn)
        self.photo_buttons_row = QHBoxLayout()
        self.photo_buttons_row.setSpacing(6)
        self.photo_group = QButtonGroup(self)
        self.photo_group.idClicked.connect(self.show_photo)
        self.canvas_hint = QLabel(
            self.tr(
                "Drag on the photo to mark the part you mean, then write your comment. "
                "Numbered boxes are this round's comments on an area."
            ),
            page,
        )
        self.canvas_hint.setObjectName("Hint")
        self.canvas_hint.setWordWrap(True)
        column.addWidget(self.canvas, 1)
        column.addLayout(self.photo_buttons_row)
        column.addWidget(self.canvas_hint)
        return page

    def _build_diff_page(self) -> QWidget:
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 4, 4, 4)
        column.setSpacing(10)
        self.diff_text_host = QWidget(host)
        self.diff_text_layout = QVBoxLayout(self.diff_text_host)
        self.diff_text_layout.setContentsMargins(0, 0, 0, 0)
        self.diff_text_layout.setSpacing(8)
        column.addWidget(self.diff_text_host)

        self.compare_box = QWidget(host)
        compare = QVBoxLayout(self.compare_box)
        compare.setContentsMargins(0, 6, 0, 0)
        compare.setSpacing(8)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        title = QLabel(self.tr("Photos"), self.compare_box)
        title.setObjectName("ReviewSection")
        self.compare_position = QComboBox(self.compare_box)
        self.side_button = QPushButton(self.tr("Side by side"), self.compare_box)
        self.onion_button = QPushButton(self.tr("Onion skin"), self.compare_box)
        self.compare_group = QButtonGroup(self)
        for index, button in enumerate((self.side_button, self.onion_button)):
            button.setObjectName("Segment")
            button.setCheckable(True)
            self.compare_group.addButton(button, index)
        self.side_button.setChecked(True)
        controls.addWidget(title)
        controls.addWidget(self.compare_position)
        controls.addStretch(1)
        controls.addWidget(self.side_button)
        controls.addWidget(self.onion_button)
        self.compare_pages = QStackedWidget(self.compare_box)
        side = QWidget()
        side_row = QHBoxLayout(side)
        side_row.setContentsMargins(0, 0, 0, 0)
        side_row.setSpacing(10)
        self.older_view, self.older_caption = self._captioned_view(side, side_row)
        self.newer_view, self.newer_caption = self._captioned_view(side, side_row)
        onion = QWidget()
        onion_column = QVBoxLayout(onion)
        onion_column.setContentsMargins(0, 0, 0, 0)
        self.onion = OnionSkin(onion)
        self.onion.setMinimumHeight(360)
        self.onion_slider = QSlider(Qt.Orientation.Horizontal, onion)
        self.onion_slider.setRange(0, 100)
        self.onion_slider.setValue(50)
        self.onion_older = QLabel(onion)
        self.onion_newer = QLabel(onion)
        for label in (self.onion_older, self.onion_newer):
            label.setObjectName("Hint")
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.onion_older)
        slider_row.addWidget(self.onion_slider, 1)
        slider_row.addWidget(self.onion_newer)
        onion_column.addWidget(self.onion, 1)
        onion_column.addLayout(slider_row)
        self.compare_pages.addWidget(side)
        self.compare_pages.addWidget(onion)
        compare.addLayout(controls)
        compare.addWidget(self.compare_pages, 1)
        column.addWidget(self.compare_box, 1)
        column.addStretch(0)

        self.compare_group.idClicked.connect(self.compare_pages.setCurrentIndex)
        self.onion_slider.valueChanged.connect(lambda value: self.onion.set_mix(value / 100))
        self.compare_position.currentIndexChanged.connect(lambda _i: self._show_compare())
        return _scrolled(host, self)

    def _captioned_view(self, parent: QWidget, row: QHBoxLayout) -> tuple[ImageView, QLabel]:
        column = QVBoxLayout()
        column.setSpacing(6)
        caption = QLabel(parent)
        caption.setObjectName("Hint")
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        view = ImageView(parent)
        view.setMinimumHeight(360)
        column.addWidget(view, 1)
        column.addWidget(caption)
        row.addLayout(column, 1)
        return view, caption

    def _build_comments(self) -> QWidget:
        pane, layout = _pane(self)
        pane.setFixedWidth(380)
        title = QLabel(self.tr("Comments"), pane)
        title.setObjectName("CardTitle")
        self.comments_host = QWidget()
        self.comments_layout = QVBoxLayout(self.comments_host)
        self.comments_layout.setContentsMargins(0, 0, 4, 0)
        self.comments_layout.setSpacing(8)
        self.comments_layout.addStretch(1)

        self.target_combo = QComboBox(pane)
        self.targets: list[Target] = []
        self.pending_region: Region | None = None
        self.comment_edit = QPlainTextEdit(pane)
        self.comment_edit.setPlaceholderText(self.tr("What should change? (Ctrl+Enter adds it)"))
        self.comment_edit.setFixedHeight(84)
        self.add_button = QPushButton(self.tr("Add comment"), pane)
        about = QHBoxLayout()
        about.setSpacing(8)
        about_label = QLabel(self.tr("About"), pane)
        about_label.setObjectName("FormLabel")
        about.addWidget(about_label)
        about.addWidget(self.target_combo, 1)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)

        divider = QFrame(pane)
        divider.setFixedHeight(1)
        divider.setStyleSheet("background: #F0F0F2;")
        self.reject_button = QPushButton(self.tr("Reject"), pane)
        self.reject_button.setProperty("danger", True)
        self.changes_button = QPushButton(self.tr("Request changes"), pane)
        self.approve_button = QPushButton(self.tr("Approve"), pane)
        self.approve_button.setProperty("accent", True)
        decisions = QHBoxLayout()
        decisions.setSpacing(8)
        decisions.addWidget(self.reject_button)
        decisions.addStretch(1)
        decisions.addWidget(self.changes_button)
        decisions.addWidget(self.approve_button)
        self.decision_hint = QLabel(pane)
        self.decision_hint.setObjectName("Hint")
        self.decision_hint.setWordWrap(True)

        layout.addWidget(title)
        layout.addWidget(_scrolled(self.comments_host, pane), 1)
        layout.addLayout(about)
        layout.addWidget(self.comment_edit)
        layout.addLayout(add_row)
        layout.addWidget(divider)
        layout.addLayout(decisions)
        layout.addWidget(self.decision_hint)

        self.comment_edit.textChanged.connect(self._refresh_buttons)
        self.add_button.clicked.connect(self.add_comment)
        QShortcut(QKeySequence("Ctrl+Return"), self.comment_edit, activated=self.add_comment)
        self.approve_button.clicked.connect(lambda: self.decide("approve"))
        self.changes_button.clicked.connect(lambda: self.decide("request_changes"))
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self._fill_targets()
        self._refresh_buttons()
        return pane

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        collaboration_id = self.collaboration_id
        Query(self._ctx, parent=self, op=lambda c: load_review(c, collaboration_id)).success(
            self._on_loaded
        ).failure(self._on_load_failed).run()

    def _on_changed(self, changes: Any, initiator: object) -> None:
        # Another window's change to the collaborations (this one reloads on its own).
        if changes.collaborations and initiator is not self:
            self.reload()

    def _on_load_failed(self, error: BaseException) -> None:
        self.banner.show_message(reason_of(error), level="error")

    def _on_loaded(self, state: ReviewState) -> None:
        previous = self.state
        self.state = state
        collab = state.collaboration
        if previous is None or previous.collaboration.round != collab.round:
            self.position = 0
            self.clear_region()
        self.heading.setText(f"{collab.account.nickname} · {collab.brief.title}")
        self.round_chip.setText(self.tr("Round {round}").format(round=collab.round))
        self.state_chip.setText(state_name(collab.state))
        tone = {"submitted": "accent", "approved": "good", "changes_requested": "warn"}
        self.state_chip.setProperty("tone", tone.get(collab.state, ""))
        _restyle(self.state_chip)
        self._show_due()
        self._show_note()
        self._show_photo_buttons()
        self.show_photo(self.position)
        self._show_checks()
        self._show_diff()
        self._show_comments()
        self._refresh_buttons()

    def _show_due(self) -> None:
        collab = self.state.collaboration if self.state else None
        text, overdue = due_text(collab.review_due_at if collab else None, datetime.now(UTC))
        self.due_label.setText(self.tr("Review due: {left}").format(left=text) if text else "")
        self.due_label.setProperty("overdue", overdue)
        _restyle(self.due_label)

    # -- pictures --------------------------------------------------------------------------

    def picture(self, sha256: str | None) -> QPixmap | None:
        """The photo when it arrived; asks the backend for it once otherwise."""
        if not sha256:
            return None
        pixmap = self._pictures.get(sha256)
        if pixmap is None and sha256 not in self._asked:
            self._asked.add(sha256)
            quiet_read(
                self._ctx,
                self,
                lambda client: decode_thumbnail(client.thumbnail(sha256, PHOTO_SIZE)),
                lambda image: self._on_picture(sha256, image),
                lambda _error: self._asked.discard(sha256),
            )
        return pixmap

    def _on_picture(self, sha256: str, image: QImage) -> None:
        if image.isNull():
            return
        self._pictures[sha256] = QPixmap.fromImage(image)
        self._show_note()
        self._show_photo_buttons()
        self.show_photo(self.position)
        self._show_compare()

    def _media(self, submission: SubmissionPublic | None) -> list[dict[str, Any]]:
        media = (submission.snapshot.get("media") or []) if submission else []
        return sorted(media, key=lambda medium: medium["position"])

    # -- the note as readers see it --------------------------------------------------------

    def _show_note(self) -> None:
        if self.state is None:
            return
        current = self.state.current
        snapshot = current.snapshot if current else {}
        brief_products = {str(p.id): p for p in self.state.collaboration.brief.products}
        products = []
        for item in snapshot.get("products") or []:
            product = brief_products.get(str(item.get("id")))
            price = price_text(product.price_fen, product.currency) if product else ""
            picture = self.picture(product.image_sha256) if product else None
            products.append(ProductView(str(item.get("name", "")), price, "", picture))
        submitted = _local(current.submitted_at) if current else ""
        self.phone.show_note(
            nickname=self.state.collaboration.account.nickname,
            pictures=[self.picture(m["sha256"]) for m in self._media(current)],
            bounds=self._bounds,
            no_photos=self.tr("No photos in this round"),
            title=str(snapshot.get("title") or ""),
            runs=body_runs(
                str(snapshot.get("body") or ""),
                snapshot.get("topics") or [],
                snapshot.get("mentions") or [],
            ),
            place=str(snapshot.get("place") or ""),
            meta=self.tr("Submitted {when}").format(when=submitted) if submitted else "",
            products=products,
        )

    # -- photos and regions ----------------------------------------------------------------

    def _show_photo_buttons(self) -> None:
        media = self._media(self.state.current if self.state else None)
        buttons = self.photo_group.buttons()
        if len(buttons) != len(media):
            for button in buttons:
                self.photo_group.removeButton(button)
                button.deleteLater()
            _clear(self.photo_buttons_row)
            for index, _medium in enumerate(media):
                button = QToolButton(self)
                button.setObjectName("PhotoButton")
                button.setCheckable(True)
                button.setIconSize(QSize(48, 64))
                button.setToolTip(self.tr("Photo {number}").format(number=index + 1))
                self.photo_group.addButton(button, index)
                self.photo_buttons_row.addWidget(button)
            self.photo_buttons_row.addStretch(1)
        for index, medium in enumerate(media):
            pixmap = self._pictures.get(medium["sha256"])
            button = self.photo_group.button(index)
            if pixmap is not None:
                button.setIcon(QIcon(pixmap))
            else:
                button.setText(str(index + 1))

    def show_photo(self, index: int) -> None:
        """Show photo `index` (in order) on the canvas, the carousel and the strip."""
        media = self._media(self.state.current if self.state else None)
        if not media:
            self.canvas.set_pixmap(None, self.tr("No photos in this round"))
            self.canvas.set_marks([])
            return
        index = min(max(index, 0), len(media) - 1)
        if index != self.position:
            self.clear_region()
        self.position = index
        medium = media[index]
        self.canvas.set_pixmap(self.picture(medium["sha256"]), self.tr("Loading the photo…"))
        self.canvas.set_marks(self.state.marks(medium["position"]) if self.state else [])
        button = self.photo_group.button(index)
        if button is not None:
            button.setChecked(True)
        if self.phone.carousel.current != index:
            self.phone.carousel.set_current(index)
        self._fill_targets()

    def current_position(self) -> int | None:
        """The shown photo's position in the submitted note (what comments name)."""
        media = self._media(self.state.current if self.state else None)
        return int(media[self.position]["position"]) if media else None

    def _on_region_drawn(self, region: Region | None) -> None:
        self.pending_region = region
        self._fill_targets(select="region" if region else None)
        if region is not None:
            self.comment_edit.setFocus()

    def clear_region(self) -> None:
        self.pending_region = None
        self.canvas.clear_pending()

    # -- the checklist ---------------------------------------------------------------------

    def _show_checks(self) -> None:
        _clear(self.checks_layout)
        if self.state is None:
            return
        checks = self.state.checks
        met = sum(check.ok for check in checks)
        summary = QLabel(
            self.tr("{met} of {count} demands of the brief are met").format(
                met=met, count=len(checks)
            )
            if checks
            else self.tr("Nothing submitted yet, so there is nothing to check."),
            self.checks_host,
        )
        summary.setObjectName("ReviewSection")
        self.checks_layout.addWidget(summary)
        for check in checks:
            label = QLabel(self._check_html(check), self.checks_host)
            label.setObjectName("CheckRow")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.checks_layout.addWidget(label)
        self.checks_layout.addStretch(1)

    def _check_html(self, check: BriefCheckPublic) -> str:
        mark, colour = ("✓", OK_COLOUR) if check.ok else ("✕", MISSING_COLOUR)
        title, detail = self._check_words(check)
        return (
            f'<table cellspacing="0" cellpadding="0"><tr>'
            f'<td width="26" valign="top">'
            f'<b style="color:{colour}; font-size:15px;">{mark}</b></td>'
            f"<td><b>{html.escape(title)}</b>"
            + (f'<br><span style="color:{TEXT_MUTED};">{detail}</span>' if detail else "")
            + "</td></tr></table>"
        )

    def _check_words(self, check: BriefCheckPublic) -> tuple[str, str]:
        """The item's name and what was found or is missing (rich text, escaped)."""
        params = check.params
        missing = [str(item) for item in params.get("missing") or []]

        def names(items: list[str], prefix: str = "") -> str:
            return html.escape("、".join(prefix + item for item in items))

        if check.key == "type":
            kinds = {"image": self.tr("Photo note"), "video": self.tr("Video note")}
            expected = kinds.get(str(params.get("expected")), str(params.get("expected")))
            actual = kinds.get(str(params.get("actual")), str(params.get("actual")))
            detail = "" if check.ok else self.tr("The brief asks for: {expected}")
            return self.tr("Note type: {actual}").format(actual=actual), html.escape(
                detail.format(expected=expected)
            )
        if check.key == "topics":
            detail = (
                self.tr("Missing: {names}").format(names=names(missing, "#")) if missing else ""
            )
            return self.tr("Required topics"), detail
        if check.key == "mentions":
            detail = (
                self.tr("Missing: {names}").format(names=names(missing, "@")) if missing else ""
            )
            return self.tr("Required mentions"), detail
        if check.key == "key_message":
            title = self.tr("Key message “{message}”").format(message=params.get("message", ""))
            if check.ok:
                return title, html.escape(self.tr("Said in the note"))
            return title, self.tr("Words not found: {names}").format(names=names(missing))
        if check.key == "forbidden_words":
            found = params.get("found") or []
            if not found:
                return self.tr("No forbidden words"), ""
            lines = [self._forbidden_line(item) for item in found]
            return self.tr("Forbidden words found"), "<br>".join(lines)
        if check.key == "disclosure":
            if check.ok:
                return self.tr("Marked as a brand collaboration"), ""
            return self.tr("Not marked as a brand collaboration"), html.escape(
                self.tr("The collaboration label (合作) must be switched on.")
            )
        if check.key == "products":
            products = {str(p.id): p.name for p in self.state.collaboration.brief.products}
            lacking = [products.get(item, item) for item in missing]
            detail = self.tr("Not linked: {names}").format(names=names(lacking)) if lacking else ""
            return self.tr("The brief's products"), detail
        return check.key, ""

    def _forbidden_line(self, item: dict[str, Any]) -> str:
        word, context = str(item.get("word", "")), str(item.get("context", ""))
        marked = html.escape(context).replace(
            html.escape(word), f'<b style="color:{ACCENT};">{html.escape(word)}</b>'
        )
        return self.tr("“{word}” ×{count} in “…{context}…”").format(
            word=html.escape(word), count=item.get("count", 1), context=marked
        )

    # -- changes since the previous round --------------------------------------------------

    def _field_name(self, field: str) -> str:
        return {
            "title": self.tr("Title"),
            "body": self.tr("Text"),
            "topics": self.tr("Topics"),
            "mentions": self.tr("Mentions"),
            "products": self.tr("Products"),
            "place": self.tr("Place"),
            "flags": self.tr("Flags"),
        }.get(field, field)

    def _show_diff(self) -> None:
        _clear(self.diff_text_layout)
        state = self.state
        collab = state.collaboration if state else None
        diff = state.diff if state else None
        self.diff_tab_button.setText(
            self.tr("Changes since round {round}").format(round=collab.round - 1)
            if diff is not None and collab is not None
            else self.tr("Changes")
        )
        self.diff_tab_button.setEnabled(diff is not None)
        self.compare_box.setVisible(bool(diff and diff.photos))
        if diff is None:
            return
        if diff.empty:
            self._diff_note(self.tr("Nothing changed since the previous round."))
        for field, spans in diff.texts.items():
            self._diff_section(self._field_name(field), spans_html(shorten(spans)))
        for field, change in diff.lists.items():
            self._diff_section(self._field_name(field), self._list_html(field, change))
        if diff.flags:
            names = "、".join(diff.flags)
            self._diff_section(self._field_name("flags"), html.escape(names))
        self.compare_position.blockSignals(True)
        self.compare_position.clear()
        for change in diff.photos:
            self.compare_position.addItem(
                self.tr("Photo {number}").format(number=change.position + 1), change.position
            )
        self.compare_position.blockSignals(False)
        self._show_compare()

    def _diff_note(self, text: str) -> None:
        label = QLabel(text, self.diff_text_host)
        label.setObjectName("Hint")
        self.diff_text_layout.addWidget(label)

    def _diff_section(self, title: str, rich: str) -> None:
        heading = QLabel(title, self.diff_text_host)
        heading.setObjectName("ReviewSection")
        box = QLabel(rich, self.diff_text_host)
        box.setObjectName("DiffBox")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setWordWrap(True)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diff_text_layout.addWidget(heading)
        self.diff_text_layout.addWidget(box)

    def _list_html(self, field: str, change: ListChange) -> str:
        prefix = {"topics": "#", "mentions": "@"}.get(field, "")
        parts = [
            f'<span style="color:#136C3A;">+ {html.escape(prefix + name)}</span>'
            for name in change.added
        ]
        parts += [
            f'<span style="color:#B3122E; text-decoration:line-through;">'
            f"− {html.escape(prefix + name)}</span>"
            for name in change.removed
        ]
        return "&nbsp;&nbsp; ".join(parts)

    def _show_compare(self) -> None:
        state = self.state
        diff = state.diff if state else None
        if state is None or diff is None or not diff.photos or state.previous is None:
            return
        position = self.compare_position.currentData()
        change = next((c for c in diff.photos if c.position == position), diff.photos[0])
        older, newer = self.picture(change.old), self.picture(change.new)
        before = self.tr("Round {round}").format(round=state.previous.round)
        after = self.tr("Round {round}").format(round=state.collaboration.round)
        self.older_view.set_pixmap(older, self.tr("No photo here") if not change.old else "")
        self.newer_view.set_pixmap(newer, self.tr("No photo here") if not change.new else "")
        self.older_caption.setText(before)
        self.newer_caption.setText(after)
        self.onion.set_pictures(older, newer, "")
        self.onion_older.setText(before)
        self.onion_newer.setText(after)

    # -- comments --------------------------------------------------------------------------

    def _target_label(self, comment: CommentPublic, numbers: dict[uuid.UUID, int]) -> str:
        photo = (
            self.tr("Photo {number}").format(number=comment.position + 1)
            if comment.position is not None
            else ""
        )
        if comment.target == "region":
            return self.tr("Area {number} on {photo}").format(
                number=numbers.get(comment.id, "?"), photo=photo
            )
        if comment.target == "image":
            return photo
        if comment.target == "field":
            return self._field_name(comment.field or "")
        return self.tr("Whole note")

    def _show_comments(self) -> None:
        _clear(self.comments_layout)
        state = self.state
        if state is None:
            return
        numbers = state.region_numbers()
        rounds = sorted({c.round for c in state.comments}, reverse=True)
        if not rounds:
            empty = QLabel(
                self.tr("No comments yet. Say what should change, or approve the note."),
                self.comments_host,
            )
            empty.setObjectName("Hint")
            empty.setWordWrap(True)
            self.comments_layout.addWidget(empty)
        for round_ in rounds:
            heading = QLabel(
                self.tr("Round {round}").format(round=round_)
                if round_
                else self.tr("Before the first round"),
                self.comments_host,
            )
            heading.setObjectName("RoundHeading")
            self.comments_layout.addWidget(heading)
            for comment in (c for c in state.comments if c.round == round_):
                current = round_ == state.collaboration.round
                self.comments_layout.addWidget(self._comment_card(comment, numbers, current))
        self.comments_layout.addStretch(1)

    def _comment_card(
        self, comment: CommentPublic, numbers: dict[uuid.UUID, int], current: bool
    ) -> QFrame:
        card = QFrame(self.comments_host)
        card.setObjectName("Comment")
        card.setProperty("current", current)
        column = QVBoxLayout(card)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(4)
        top = QHBoxLayout()
        where = QLabel(self._target_label(comment, numbers), card)
        where.setObjectName("CommentWhere")
        resolved = comment.resolved_at is not None
        where.setProperty("resolved", resolved and comment.side == "brand")
        author = comment.author_name or (
            self.tr("Brand") if comment.side == "brand" else self.tr("Creator")
        )
        meta = f"{author} · {_local(comment.created_at)}"
        if comment.side == "brand":
            meta += " · " + (self.tr("Resolved") if resolved else self.tr("Open"))
        meta_label = QLabel(meta, card)
        meta_label.setObjectName("CommentMeta")
        top.addWidget(where)
        top.addStretch(1)
        top.addWidget(meta_label)
        text = QLabel(comment.text, card)
        text.setObjectName("CommentText")
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addLayout(top)
        column.addWidget(text)
        return card

    def _fill_targets(self, select: str | None = None) -> None:
        """The comment's possible subjects: the note, the shown photo, the drawn area (when
        there is one), each field; keeps the choice unless `select` names a new one."""
        previous = self.targets[self.target_combo.currentIndex()] if self.targets else None
        position = self.current_position()
        number = self.position + 1
        items: list[tuple[str, Target]] = [(self.tr("Whole note"), Target("note"))]
        if position is not None:
            if self.pending_region is not None:
                items.append(
                    (
                        self.tr("Marked area on photo {number}").format(number=number),
                        Target("region", position=position),
                    )
                )
            items.append(
                (
                    self.tr("Photo {number}").format(number=number),
                    Target("image", position=position),
                )
            )
            items += [(self._field_name(f), Target("field", field=f)) for f in FIELDS]
        self.targets = [target for _label, target in items]
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for label, _target in items:
            self.target_combo.addItem(label)
        wanted = select or (previous.target if previous else "note")
        index = next(
            (
                i
                for i, t in enumerate(self.targets)
                if t.target == wanted
                and (wanted != "field" or previous is None or t.field == previous.field)
            ),
            0,
        )
        self.target_combo.setCurrentIndex(index)
        self.target_combo.blockSignals(False)

    def selected_target(self) -> Target:
        return self.targets[self.target_combo.currentIndex()]

    def add_comment(self) -> None:
        text = self.comment_edit.toPlainText().strip()
        if not text or self.state is None or self._busy:
            return
        target = self.selected_target()
        region = (
            self.pending_region.as_dict()
            if target.target == "region" and self.pending_region
            else None
        )
        collaboration_id = self.collaboration_id
        self._set_busy(True)
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.add_comment(
                collaboration_id,
                text,
                target=target.target,
                field=target.field,
                position=target.position,
                region=region,
            ),
        ).success(self._on_commented).failure(self._on_failed).run()

    def _on_commented(self, _comment: CommentPublic) -> None:
        self._set_busy(False)
        self.comment_edit.clear()
        self.clear_region()
        self._fill_targets(select="note")
        self.banner.hide()
        self.reload()

    # -- decisions -------------------------------------------------------------------------

    def _refresh_buttons(self) -> None:
        state = self.state
        actions = set(state.collaboration.actions) if state else set()
        idle = not self._busy
        self.approve_button.setEnabled(idle and "approve" in actions)
        self.reject_button.setEnabled(idle and "reject" in actions)
        commented = state is not None and state.commented
        self.changes_button.setEnabled(idle and "request_changes" in actions and commented)
        self.add_button.setEnabled(
            idle and state is not None and bool(self.comment_edit.toPlainText().strip())
        )
        self.canvas.set_drawing_enabled(state is not None and "approve" in actions)
        if state is None:
            hint = ""
        elif not actions & {"approve", "request_changes", "reject"}:
            hint = self.tr("This round is not waiting for your decision.")
        elif not commented:
            hint = self.tr(
                "To request changes, first add a comment on this round saying what should change."
            )
        else:
            hint = self.tr("The creator sees your comments when you request changes.")
        self.decision_hint.setText(hint)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh_buttons()

    def _on_reject_clicked(self) -> None:
        if self.confirm_reject():
            self.decide("reject")

    def confirm_reject(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Reject this note"),
            self.tr(
                "Reject the note for good? The collaboration ends and the creator cannot "
                "submit it again."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        reject = box.addButton(self.tr("Reject"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is reject

    def decide(self, action: str) -> None:
        """Approve, request changes or reject, based on the version shown."""
        if self.state is None or self._busy:
            return
        collaboration_id, version = self.collaboration_id, self.state.collaboration.version
        self._set_busy(True)
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.act(collaboration_id, action, version=version),
        ).success(lambda collab: self._on_decided(action, collab)).failure(self._on_failed).run()

    def _on_decided(self, action: str, _collab: CollaborationPublic) -> None:
        self._set_busy(False)
        words = {
            "approve": self.tr("Approved. The creator may schedule the note now."),
            "request_changes": self.tr("Changes requested. The creator has your comments."),
            "reject": self.tr("The note was rejected."),
        }
        self.banner.show_message(words[action], level="success")
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, ClientError):
            raise error
        # A stale version or a collaboration that moved on: show what it is now.
        self.banner.show_message(reason_of(error), level="error")
        if error.status == 409 or error.code in {
            "collaboration.wrong_state",
            "collaboration.version_conflict",
        }:
            self.reload()
