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

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import CollaborationPublic, CommentPublic
from publisher.client import ClientError
from studio.collab.labels import badge, check_row, clear, restyle, scrolled, show_state
from studio.collab.region_canvas import RegionCanvas
from studio.collab.regions import Region
from studio.collab.review_comments import CommentList
from studio.collab.review_diff import RoundDiffPanel, segments
from studio.collab.review_state import ReviewState, Target, load_review, round_media
from studio.collab.wording import (
    FIELDS,
    action_name,
    field_name,
    photo_name,
    round_name,
    shown_day_time,
    time_left,
    whole_note,
)
from studio.composer.product_picker import price_text
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.preview.compose import body_runs, ratio_bounds
from studio.preview.phone_page import PhoneFrame, ProductView
from studio.quiet_read import quiet_read
from studio.thumbnails import decode_thumbnail
from studio.widgets.banner import Banner
from studio.widgets.confirm import ask_to_confirm

if TYPE_CHECKING:
    from studio.context import AppContext

PHOTO_SIZE = 1200
"""Long side asked of the backend: sharp on the phone (375 px) and on the drawing canvas."""
TICK_MS = 60_000


def _pane(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("ReviewPane")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 14, 16, 16)
    layout.setSpacing(10)
    return frame, layout


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
        self.round_chip = badge("", "", self)
        self.state_chip = badge("", "", self)
        self.due_label = QLabel(self)
        self.due_label.setObjectName("Due")
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
        phone_scroll = scrolled(phone_host, self)
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
        self.segment_group = QButtonGroup(self)
        self.photos_tab_button, self.checks_tab_button, self.diff_tab_button = segments(
            (self.tr("Photos"), self.tr("Brief checklist"), self.tr("Changes")),
            pane,
            self.segment_group,
        )
        segments_row = QHBoxLayout()
        segments_row.setSpacing(4)
        for button in self.segment_group.buttons():
            segments_row.addWidget(button)
        segments_row.addStretch(1)
        self.pages = QStackedWidget(pane)
        self.segment_group.idClicked.connect(self.pages.setCurrentIndex)

        self.pages.addWidget(self._build_photos_page())
        self.checks_host = QWidget()
        self.checks_layout = QVBoxLayout(self.checks_host)
        self.checks_layout.setContentsMargins(0, 4, 4, 4)
        self.checks_layout.setSpacing(10)
        self.pages.addWidget(scrolled(self.checks_host, pane))
        self.diff_panel = RoundDiffPanel(self.picture, pane)
        self.diff_text_host = self.diff_panel.diff_text_host
        self.pages.addWidget(self.diff_panel)

        layout.addLayout(segments_row)
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

    def _build_comments(self) -> QWidget:
        pane, layout = _pane(self)
        pane.setFixedWidth(380)
        title = QLabel(self.tr("Comments"), pane)
        title.setObjectName("CardTitle")
        self.comments_list = CommentList()

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
        divider.setObjectName("Divider")
        self.reject_button = QPushButton(action_name("reject"), pane)
        self.reject_button.setProperty("danger", True)
        self.changes_button = QPushButton(action_name("request_changes"), pane)
        self.approve_button = QPushButton(action_name("approve"), pane)
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
        layout.addWidget(scrolled(self.comments_list, pane), 1)
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
        self.round_chip.setText(round_name(collab.round))
        show_state(self.state_chip, collab.state, "brand")
        self._show_due()
        self._show_note()
        self._show_photo_buttons()
        self.show_photo(self.position)
        self._show_checks()
        self._show_diff()
        self.comments_list.show_state(state)
        self._refresh_buttons()

    def _show_due(self) -> None:
        collab = self.state.collaboration if self.state else None
        text, overdue = time_left(collab.review_due_at if collab else None, datetime.now(UTC))
        self.due_label.setText(self.tr("Review due: {left}").format(left=text) if text else "")
        self.due_label.setProperty("tone", "accent" if overdue else "")
        restyle(self.due_label)

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
        self.diff_panel.show_compare()

    def _media(self) -> list[dict[str, Any]]:
        return round_media(self.state.current if self.state else None)

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
        submitted = shown_day_time(current.submitted_at) if current else ""
        self.phone.show_note(
            nickname=self.state.collaboration.account.nickname,
            pictures=[self.picture(m["sha256"]) for m in self._media()],
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
        media = self._media()
        buttons = self.photo_group.buttons()
        if len(buttons) != len(media):
            for button in buttons:
                self.photo_group.removeButton(button)
                button.deleteLater()
            clear(self.photo_buttons_row)
            for index, _medium in enumerate(media):
                button = QToolButton(self)
                button.setObjectName("PhotoButton")
                button.setCheckable(True)
                button.setIconSize(QSize(48, 64))
                button.setToolTip(photo_name(index))
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
        media = self._media()
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
        media = self._media()
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
        clear(self.checks_layout)
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
        products = self.state.product_names()
        for check in checks:
            self.checks_layout.addWidget(check_row(check, products, self.checks_host))
        self.checks_layout.addStretch(1)

    # -- changes since the previous round --------------------------------------------------

    def _show_diff(self) -> None:
        state = self.state
        diff = state.diff if state else None
        self.diff_tab_button.setText(
            self.tr("Changes since round {round}").format(round=state.collaboration.round - 1)
            if diff is not None and state is not None
            else self.tr("Changes")
        )
        self.diff_tab_button.setEnabled(diff is not None)
        self.diff_panel.show_state(state)

    # -- comments --------------------------------------------------------------------------

    def _fill_targets(self, select: str | None = None) -> None:
        """The comment's possible subjects: the note, the shown photo, the drawn area (when
        there is one), each field; keeps the choice unless `select` names a new one."""
        previous = self.targets[self.target_combo.currentIndex()] if self.targets else None
        position = self.current_position()
        number = self.position + 1
        items: list[tuple[str, Target]] = [(whole_note(), Target("note"))]
        if position is not None:
            if self.pending_region is not None:
                items.append(
                    (
                        self.tr("Marked area on photo {number}").format(number=number),
                        Target("region", position=position),
                    )
                )
            items.append((photo_name(self.position), Target("image", position=position)))
            items += [(field_name(f), Target("field", field=f)) for f in FIELDS]
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
        return ask_to_confirm(
            self,
            self.tr("Reject this note"),
            self.tr(
                "Reject the note for good? The collaboration ends and the creator cannot "
                "submit it again."
            ),
            self.tr("Reject"),
        )

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
