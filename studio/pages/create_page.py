"""Create (创作): write one note — images, title, body, topics, @mentions, place, products,
flags — autosaved; check it against the server's full checklist; publish or schedule it.

The page shows the current `DraftSession` and forwards every edit to it; the session decides
when and what to save. Images go through `MediaIntake` (check, thumbnail, upload) and their
order lives in the `MediaListModel`, which the session follows. The composer's pickers
(`studio.composer`) search off the UI thread and emit what the creator picked. A brand
collaboration's note shows the collaboration above it and the brand's comments beside what they
are about (`NoteReviewSource` fetches them and carries out resolving and submitting).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from editor.errors import EditorError
from editor.recipe import Recipe
from editor.video.edit import VideoEdit
from publisher.client import ClientError
from publisher.domain.changes import ChangeSet
from publisher.domain.checks import title_limits, title_width
from publisher.domain.text import char_count
from publisher.schemas import AccountPublic, ChecklistPublic, NotePublic
from studio.collab.wording import state_name
from studio.composer.checklist_panel import ChecklistPanel, blocked_reason
from studio.composer.conflict_dialog import ConflictDialog
from studio.composer.duplicate_gate import DuplicateGate
from studio.composer.flags_box import FlagsBox
from studio.composer.mention_picker import MentionPicker
from studio.composer.note_review import NoteReview, NoteReviewSource
from studio.composer.place_picker import PlacePicker
from studio.composer.product_picker import ProductPicker
from studio.composer.review_widgets import CollaborationStrip, FieldNotes, PhotoNotes
from studio.composer.schedule_box import ScheduleBox
from studio.composer.topic_picker import TopicPicker
from studio.connection import BackendState
from studio.cover_lab.dialog import CoverLabDialog
from studio.covers.apply import AppliedCover, TemplateSource, title_layer
from studio.covers.gallery_dialog import TemplateGalleryDialog
from studio.covers.maker import CoverMaker
from studio.drafts.journal import recipe_key, video_edit_key
from studio.drafts.session import DraftSession, SaveState
from studio.drafts.store import DraftStore
from studio.editor.edited_thumbnails import EditedThumbnails
from studio.editor.photo_editor import PhotoEditor
from studio.media_intake import IMAGE_PATTERNS, MediaIntake, Refusal, admit, refusal_text
from studio.messages import message, reason_of
from studio.models.accounts import AccountsListModel
from studio.models.media import MediaItem, MediaListModel, MediaState
from studio.models.notes import local_time, status_label
from studio.preview.preview_dialog import PreviewDialog
from studio.quiet_read import ignore_failure, quiet_read
from studio.settings import LAST_ACCOUNT
from studio.video.sources import VIDEO_PATTERNS
from studio.video.video_editor import VideoEditor
from studio.widgets.banner import Banner
from studio.widgets.card import card, page_header
from studio.widgets.counter import CounterLabel
from studio.widgets.media_strip import MediaStrip, PhotoPins

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from studio.context import AppContext


class CreatePage(QWidget):
    collaboration_requested = Signal(str)
    """The id of the collaboration the open note is for, to show on the Collaborations page."""

    def __init__(
        self,
        ctx: AppContext,
        drafts: DraftStore,
        accounts: AccountsListModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._drafts = drafts
        self._accounts = accounts
        self._session: DraftSession = drafts.current
        self._permission_account: str | None = None
        """The account whose right to link products the product picker shows."""
        self._scoped_account: str | None = None
        """The account the app shows (the account switcher's): new drafts are for it."""
        self._bindings: list[QMetaObject.Connection] = []
        self._max_units = title_limits(ctx.rules)[0]
        self._max_chars = ctx.rules.limit("body", "block_max_chars")
        self._max_images = ctx.rules.limit("images", "block_max")
        self._min_images = ctx.rules.limit("images", "block_min")
        self.edited_thumbnails = EditedThumbnails(ctx, self)
        self.media = MediaListModel(
            self._thumbnail_for,
            self,
            is_edited=lambda sha: self._session.fields.is_edited(sha),
        )
        self.intake = MediaIntake(ctx, self.media, self)
        self.covers = CoverMaker(ctx, self)
        self.review = NoteReviewSource(ctx, self)
        self.duplicate_gate = DuplicateGate(ctx, self)
        """Checks a note against the user's other notes before it is scheduled or published."""
        self._submit_pending: str | None = None
        self._submitting = False
        """A Submit for review waits for the note to be saved and exported."""
        self.field_notes: dict[str, FieldNotes] = {}
        """The brand's comments under each field, by the backend's field name."""
        self.setAcceptDrops(True)
        self._build()
        self._connect()
        self._bind(self._session)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        header, row, _title, self.subtitle = page_header(
            self.tr("Create"), self.tr("Write a note; every change is saved as you go."), self
        )
        self.account_combo = QComboBox(self)
        self.account_combo.setModel(self._accounts)
        self.account_combo.setMinimumWidth(160)
        self.account_combo.setToolTip(self.tr("The account this note is for"))
        self.save_state = QLabel(self)
        self.save_state.setObjectName("SaveState")
        account_label = QLabel(self.tr("Post as"), self)
        account_label.setObjectName("Hint")
        account_label.setBuddy(self.account_combo)
        self.new_button = QPushButton(self.tr("New note"), self)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setToolTip(self.tr("See the note in the feed and on a phone"))
        self.preview: PreviewDialog | None = None
        self.cover_lab_button = QPushButton(self.tr("Cover lab"), self)
        self.cover_lab_button.setToolTip(
            self.tr("Compare cover variants at their real size in the feed")
        )
        self.cover_lab_button.setEnabled(False)
        self.publish_button = QPushButton(self.tr("Publish now"), self)
        self.publish_button.setProperty("accent", True)
        row.addWidget(self.save_state)
        row.addSpacing(12)
        for widget in (
            account_label,
            self.account_combo,
            self.new_button,
            self.preview_button,
            self.cover_lab_button,
            self.publish_button,
        ):
            row.addWidget(widget)

        self.save_banner = Banner(self)
        self.notice_banner = Banner(self)

        images_card, images = card(self)
        images_head = QHBoxLayout()
        images_title = QLabel(self.tr("Images"), images_card)
        images_title.setObjectName("CardTitle")
        self.images_title = images_title
        self.image_counter = CounterLabel(images_card)
        self.add_button = QPushButton(self.tr("Add images…"), images_card)
        self.remove_button = QPushButton(self.tr("Remove"), images_card)
        self.edit_button = QPushButton(self.tr("Edit photo"), images_card)
        self.edit_button.setToolTip(self.tr("Crop, adjust and add filters (or double-click)"))
        self.templates_button = QPushButton(self.tr("Templates…"), images_card)
        self.templates_button.setToolTip(
            self.tr("Make a cover or collage from a template filled with the note's photos")
        )
        self.templates: TemplateGalleryDialog | None = None
        images_head.addWidget(images_title)
        images_head.addWidget(self.image_counter)
        images_head.addStretch(1)
        images_head.addWidget(self.templates_button)
        images_head.addWidget(self.edit_button)
        images_head.addWidget(self.remove_button)
        images_head.addWidget(self.add_button)
        images.addLayout(images_head)
        self.drop_hint = QLabel(
            self.tr(
                "Drop photos or one video here, or click “Add images…”.\n"
                "JPEG, PNG, WebP and iPhone HEIC (the first image is the cover), "
                "or MP4, MOV, MKV and WebM video."
            ),
            images_card,
        )
        self.drop_hint.setObjectName("DropHint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.strip = MediaStrip(images_card)
        self.strip.setModel(self.media)
        self.upload_progress = QProgressBar(images_card)
        self.upload_progress.setTextVisible(False)
        self.upload_label = QLabel(images_card)
        self.upload_label.setObjectName("Hint")
        self.export_label = QLabel(images_card)
        self.export_label.setObjectName("Hint")
        self.export_label.hide()
        self.cancel_export_button = QPushButton(self.tr("Cancel"), images_card)
        self.cancel_export_button.setToolTip(
            self.tr("Stop preparing the video; it is prepared again when you publish")
        )
        self.cancel_export_button.hide()
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_label, 1)
        export_row.addWidget(self.cancel_export_button)
        self.cover_label = QLabel(self.tr("Making the cover from the template…"), images_card)
        self.cover_label.setObjectName("Hint")
        self.cover_label.hide()
        reorder_hint = QLabel(images_card)
        reorder_hint.setObjectName("Hint")
        self._reorder_hint = reorder_hint
        images.addWidget(self.drop_hint)
        images.addWidget(self.strip)
        images.addWidget(self.upload_progress)
        images.addWidget(self.upload_label)
        images.addLayout(export_row)
        images.addWidget(self.cover_label)
        images.addWidget(reorder_hint)
        self.photo_notes = PhotoNotes(images_card)
        images.addWidget(self.photo_notes)

        text_card, text = card(self, spacing=8)
        title_row = QHBoxLayout()
        self.title_edit = QLineEdit(text_card)
        self.title_edit.setObjectName("TitleEdit")
        self.title_edit.setPlaceholderText(self.tr("Add a title — a good title gets more reads"))
        self.title_counter = CounterLabel(text_card)
        title_row.addWidget(self.title_edit, 1)
        title_row.addWidget(self.title_counter)
        divider = QWidget(text_card)
        divider.setFixedHeight(1)
        divider.setStyleSheet("background: #EFEFF2;")
        self.body_edit = QPlainTextEdit(text_card)
        self.body_edit.setObjectName("BodyEdit")
        self.body_edit.setPlaceholderText(
            self.tr("Share your experience: what is it, why you love it, who it suits…")
        )
        self.body_edit.setMinimumHeight(220)
        self.body_counter = CounterLabel(text_card)
        text.addLayout(title_row)
        text.addWidget(self._field_notes("title", text_card))
        text.addWidget(divider)
        text.addWidget(self.body_edit, 1)
        text.addWidget(self.body_counter, 0, Qt.AlignmentFlag.AlignRight)
        text.addWidget(self._field_notes("body", text_card))

        composer_card = self._build_composer()
        side_column = self._build_side_column()

        editor_column = QVBoxLayout()
        editor_column.setSpacing(16)
        editor_column.addWidget(images_card)
        editor_column.addWidget(text_card, 1)
        editor_column.addWidget(composer_card)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(editor_column, 1)
        columns.addWidget(side_column, 0, Qt.AlignmentFlag.AlignTop)

        content = QWidget(self)
        content.setObjectName("PageHost")
        body = QVBoxLayout(content)
        body.setContentsMargins(32, 28, 32, 28)
        body.setSpacing(16)
        body.addWidget(header)
        body.addWidget(self.save_banner)
        body.addWidget(self.notice_banner)
        self.collab_strip = CollaborationStrip(content)
        body.addWidget(self.collab_strip)
        body.addLayout(columns, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.note_view = scroll
        self.editor = PhotoEditor(self._ctx, self)
        self.video_editor = VideoEditor(self._ctx, self)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.note_view)
        self.views.addWidget(self.editor)
        self.views.addWidget(self.video_editor)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.views)

    def _build_composer(self) -> QWidget:
        """Topics, @mentions, place and products: what makes the note findable and sell."""
        composer_card, composer = card(self, spacing=10)
        self.topic_picker = TopicPicker(self._ctx, composer_card)
        self.mention_picker = MentionPicker(self._ctx, composer_card)
        self.place_picker = PlacePicker(self._ctx, composer_card)
        self.product_picker = ProductPicker(self._ctx, composer_card)
        sections = (
            (self.tr("Topics"), self.topic_picker, "topics"),
            (self.tr("@Mentions"), self.mention_picker, "mentions"),
            (self.tr("Place"), self.place_picker, "place"),
            (self.tr("Products"), self.product_picker, "products"),
        )
        for index, (title, widget, field) in enumerate(sections):
            if index:
                composer.addSpacing(4)
            heading = QLabel(title, composer_card)
            heading.setObjectName("CardTitle")
            composer.addWidget(heading)
            composer.addWidget(widget)
            composer.addWidget(self._field_notes(field, composer_card))
        return composer_card

    def _field_notes(self, field: str, parent: QWidget) -> FieldNotes:
        """The brand's comments on `field`, placed under it by the caller."""
        notes = FieldNotes(field, parent)
        self.field_notes[field] = notes
        return notes

    def _build_side_column(self) -> QWidget:
        """Flags, schedule and the checklist: what is decided last, at a glance."""
        column = QWidget(self)
        column.setFixedWidth(330)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.flags_box = FlagsBox(column)
        self.schedule_box = ScheduleBox(self._ctx.rules, column)
        self.checklist = ChecklistPanel(self._ctx, column)
        self.status_label = QLabel(column)
        self.status_label.setObjectName("Hint")
        self.status_label.setWordWrap(True)
        for title, widget in (
            (self.tr("Visibility and labels"), self.flags_box),
            (self.tr("Schedule"), self.schedule_box),
            (self.tr("Ready to publish?"), self.checklist),
        ):
            box, box_layout = card(column, spacing=10)
            heading = QLabel(title, box)
            heading.setObjectName("CardTitle")
            box_layout.addWidget(heading)
            box_layout.addWidget(widget)
            if widget is self.flags_box:
                box_layout.addWidget(self._field_notes("flags", box))
            if widget is self.checklist:
                box_layout.addWidget(self.status_label)
            layout.addWidget(box)
        return column

    def _connect(self) -> None:
        self.title_edit.textEdited.connect(self._on_title_edited)
        self.body_edit.textChanged.connect(self._on_body_changed)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.publish_button.clicked.connect(self._on_publish_clicked)
        self.preview_button.clicked.connect(self.open_preview)
        self.cover_lab_button.clicked.connect(self.open_cover_lab)
        # `activated`: the user's pick only. A reload of the account list moves the combo's
        # index too, and must not move a draft written for another account (after a restart,
        # say, or offline) to the list's first one.
        self.account_combo.activated.connect(self._on_account_chosen)
        self.strip.remove_requested.connect(self._remove_row)
        self.strip.activated.connect(lambda index: self.edit_photo(index.row()))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.templates_button.clicked.connect(self.open_templates)
        self.covers.made.connect(self._on_cover_made)
        self.covers.failed.connect(self._on_cover_failed)
        self.editor.recipe_committed.connect(self._on_recipe_committed)
        self.editor.back_requested.connect(self.close_editor)
        self.video_editor.edit_committed.connect(self._on_video_edit_committed)
        self.video_editor.back_requested.connect(self.close_editor)
        self.cancel_export_button.clicked.connect(lambda: self._session.cancel_export())
        self.editor.photo_opened.connect(self._on_editor_moved)
        self.edited_thumbnails.ready.connect(self.media.refresh_sha)
        self.media.order_changed.connect(self._on_media_order_changed)
        self.media.rowsInserted.connect(self._refresh_images)
        self.media.rowsRemoved.connect(self._refresh_images)
        self.media.modelReset.connect(self._refresh_images)
        self.media.files_dropped.connect(self.add_files)
        self.intake.progress_changed.connect(self._on_upload_progress)
        self.intake.refused.connect(self._on_refused)
        self.save_banner.action_clicked.connect(self._on_save_banner_action)
        self.notice_banner.action_clicked.connect(lambda _action: self.notice_banner.hide())
        self._accounts.loaded.connect(self._select_account)
        self._ctx.thumbnails.ready.connect(self.media.refresh_sha)
        self.topic_picker.topics_changed.connect(lambda tags: self._compose(topics=tags))
        self.mention_picker.mentions_changed.connect(lambda tags: self._compose(mentions=tags))
        self.product_picker.products_changed.connect(lambda tags: self._compose(products=tags))
        self.place_picker.place_changed.connect(lambda place: self._compose(place=place))
        self.flags_box.flags_changed.connect(lambda flags: self._compose(**flags))
        self.schedule_box.planned_changed.connect(lambda at: self._compose(planned_at=at))
        self.schedule_box.schedule_requested.connect(self._on_schedule_clicked)
        self.schedule_box.unschedule_requested.connect(self._on_unschedule_clicked)
        self.duplicate_gate.busy_changed.connect(lambda _busy: self._refresh_commands())
        self.duplicate_gate.note_open_requested.connect(self.open_note)
        self.checklist.checked.connect(self._on_checked)
        self.review.changed.connect(self._show_review)
        self.review.failed.connect(self._on_review_failed)
        self.review.submitted.connect(self._on_submitted)
        for source in (
            self.collab_strip,
            self.photo_notes,
            self.editor,
            *self.field_notes.values(),
        ):
            source.resolve_toggled.connect(self.review.resolve)
        self.photo_notes.edit_requested.connect(self.edit_photo)
        self.collab_strip.submit_requested.connect(self.submit_for_review)
        self.collab_strip.open_requested.connect(self._open_collaboration)
        self._ctx.events.changed.connect(self._on_data_changed)
        self._drafts.current_changed.connect(self._bind)
        self._drafts.open_failed.connect(self._on_open_failed)
        self._uploads_resumed = False
        self._ctx.connection.state_changed.connect(self._resume_uploads)
        self._on_upload_progress(0, 0)

    # -- the session in the editor ---------------------------------------------------------

    def _bind(self, session: DraftSession) -> None:
        for connection in self._bindings:
            QObject.disconnect(connection)
        self._session = session
        if self.preview is not None:
            self.preview.follow(session)
        self._bindings = [
            session.fields_replaced.connect(self._show_fields),
            session.save_state_changed.connect(self._show_save_state),
            session.note_changed.connect(self._show_note_meta),
            session.conflict.connect(self._show_conflict),
            session.published.connect(self._on_published),
            session.publish_refused.connect(self._on_publish_refused),
            session.publish_failed.connect(self._on_publish_failed),
            session.save_failed.connect(self._on_save_failed),
            session.export_progress.connect(self._on_export_progress),
            session.export_failed.connect(self._on_export_failed),
            session.scheduled.connect(self._on_scheduled),
            session.schedule_refused.connect(self._on_schedule_refused),
            session.schedule_failed.connect(self._on_schedule_failed),
            session.prepared.connect(self._on_prepared),
            session.prepare_failed.connect(self._on_review_failed),
        ]
        self._submitting = False
        self.checklist.result = None
        self.notice_banner.hide()
        self.editor.forget_note()
        self.video_editor.forget_note()
        self.views.setCurrentWidget(self.note_view)
        self.media.reset(session.fields.media)
        self._show_fields()
        self._show_save_state(session.state)
        self._show_note_meta()
        self._select_account()

    def _show_fields(self) -> None:
        fields = self._session.fields
        if self.title_edit.text() != fields.title:
            self.title_edit.setText(fields.title)
        if self.body_edit.toPlainText() != fields.body:
            self.body_edit.blockSignals(True)
            self.body_edit.setPlainText(fields.body)
            self.body_edit.blockSignals(False)
        if self.media.ready_shas() != fields.media:
            self.media.reset(fields.media)
        self.topic_picker.show_topics(fields.topics)
        self.mention_picker.show_tags(fields.mentions)
        self.product_picker.show_tags(fields.products)
        self.place_picker.show_place(fields.place)
        self._show_flags()
        self.schedule_box.show_plan(fields.planned_at, self._timezone())
        self._follow_photos_in_editor()
        self._show_photo_review()
        self._show_note_type()
        self._refresh_counters()

    def _show_note_type(self) -> None:
        video = self._session.fields.type == "video"
        self.images_title.setText(self.tr("Video") if video else self.tr("Images"))
        self.image_counter.setVisible(not video)
        self.edit_button.setText(self.tr("Edit video") if video else self.tr("Edit photo"))
        self.edit_button.setToolTip(
            self.tr("Trim, reframe, add text, music and a cover (or double-click)")
            if video
            else self.tr("Crop, adjust and add filters (or double-click)")
        )
        self.templates_button.setVisible(not video)
        self.cover_lab_button.setVisible(not video)
        self.add_button.setText(self.tr("Add a video…") if video else self.tr("Add images…"))
        self.add_button.setEnabled(not (video and self.media.rowCount()))
        self._reorder_hint.setText(
            self.tr("Double-click the video to trim it, reframe it, add text, music and a cover.")
            if video
            else self.tr(
                "Double-click a photo to edit it. Drag to reorder; select one and press "
                "Delete to remove it."
            )
        )

    def _show_save_state(self, state: SaveState) -> None:
        texts = {
            SaveState.SAVED: self.tr("All changes saved"),
            SaveState.PENDING: self.tr("Editing…"),
            SaveState.SAVING: self.tr("Saving…"),
            SaveState.OFFLINE: self.tr("Offline — not saved yet"),
            SaveState.CONFLICT: self.tr("Changed elsewhere"),
            SaveState.FAILED: self.tr("Not saved"),
        }
        if self._session.note_id is None and state is SaveState.SAVED:
            # A blank draft: nothing is on the server yet, and nothing needs to be.
            self.save_state.setText(self.tr("Saved as you type"))
        else:
            self.save_state.setText(texts[state])
        self._refresh_account_combo()
        self.save_state.setProperty("state", state.value)
        self.save_state.style().unpolish(self.save_state)
        self.save_state.style().polish(self.save_state)
        if state is SaveState.SAVED:
            self._refresh_checklist()
        if state is SaveState.OFFLINE:
            self.save_banner.show_message(
                self.tr(
                    "Offline — your changes are kept on this computer and will be saved "
                    "when the backend is back."
                ),
                level="warning",
            )
        elif state is not SaveState.CONFLICT:
            self.save_banner.hide()

    def _show_note_meta(self) -> None:
        session = self._session
        self.review.follow(session.collaboration_id)
        self._refresh_account_combo()
        self._refresh_commands()
        self._show_flags()
        self._load_account_context()
        timezone = self._timezone()
        if session.status == "published" and session.published_at is not None:
            self.status_label.setText(
                self.tr("Published {time}").format(time=local_time(session.published_at, timezone))
            )
        elif session.note_id is None:
            self.status_label.setText(self.tr("Not on the backend yet: start typing."))
        else:
            self.status_label.setText(status_label(session.status))

    def _refresh_account_combo(self) -> None:
        """Changeable only before the first save is sent; then it shows the account used."""
        session = self._session
        self.account_combo.setEnabled(session.note_id is None and not session.creating)
        row = self._accounts.row_of(session.account_id) if session.account_id else -1
        if row >= 0 and row != self.account_combo.currentIndex():
            self.account_combo.blockSignals(True)
            self.account_combo.setCurrentIndex(row)
            self.account_combo.blockSignals(False)

    def _show_conflict(self) -> None:
        self.save_banner.show_message(
            self.tr(
                "This note was changed somewhere else while you were editing. Your text "
                "is kept here and has not been saved over the other change."
            ),
            level="error",
            actions=(
                ("compare", self.tr("Compare and merge…")),
                ("mine", self.tr("Keep my version")),
                ("theirs", self.tr("Use theirs")),
            ),
        )

    def _on_save_banner_action(self, action: str) -> None:
        if action == "compare":
            self.compare_conflict()
        elif action == "mine":
            self._session.keep_mine()
        elif action == "theirs":
            self._session.take_theirs()

    def compare_conflict(self) -> ConflictDialog | None:
        """Both versions side by side; the draft merges what the creator chose. Returned (and
        kept open, not blocking) so a test can drive it."""
        session = self._session
        server = session.server_fields
        if server is None:
            return None
        dialog = ConflictDialog(
            session.conflict_differences(),
            session.fields,
            server,
            theirs_at=session.conflict_at,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: session.resolve(dialog.choices()))
        dialog.open()
        return dialog

    # -- edits -----------------------------------------------------------------------------

    def _on_title_edited(self, text: str) -> None:
        self._session.set_title(text)
        self._refresh_counters()

    def _on_body_changed(self) -> None:
        self._session.set_body(self.body_edit.toPlainText())
        self._refresh_counters()

    def _on_media_order_changed(self) -> None:
        self._session.set_media(self.media.ready_shas())
        if self.media.rowCount() == 0 and self._session.fields.type == "video":
            self._session.set_type("image")  # the video went: the draft takes either again
            self._show_note_type()
        self._follow_photos_in_editor()
        self._show_photo_review()
        self._refresh_counters()

    # -- the photo editor ------------------------------------------------------------------

    def edit_photo(self, row: int) -> None:
        """Open the photo at `row` in the editor (ready photos only), or the video editor on
        a video note's video."""
        if not 0 <= row < self.media.rowCount():
            return
        item = self.media.item(row)
        if item.state is not MediaState.READY or item.sha256 is None:
            return
        self.strip.setCurrentIndex(self.media.index(row))
        if self._session.fields.type == "video":
            self._edit_video(item.sha256)
            return
        try:
            recipe = self._session.fields.recipe_of(item.sha256)
        except EditorError as error:
            self._ctx.notifier.error(reason_of(error))
            return
        self.editor.set_note_photos(self._session.fields.media, self._session.fields.recipe_of)
        self.editor.open_photo(item.sha256, recipe)
        self.views.setCurrentWidget(self.editor)
        self.editor.setFocus()

    def _edit_video(self, sha256: str) -> None:
        try:
            edit = self._session.fields.video_edit_of(sha256)
        except EditorError as error:
            self._ctx.notifier.error(reason_of(error))
            return
        self._session.cancel_export()  # an export of the edit about to change is wasted
        self.video_editor.open_video(sha256, edit, title=self._session.fields.title)
        self.views.setCurrentWidget(self.video_editor)
        self.video_editor.setFocus()

    def _on_video_edit_committed(self, sha256: str, edit: VideoEdit) -> None:
        self._session.set_video_edit(sha256, edit)

    def close_editor(self) -> None:
        """Back to the note; the edits have settled, so their exports are made now."""
        self.video_editor.close_video()
        self.views.setCurrentWidget(self.note_view)
        self._session.export_edits()

    @property
    def editing(self) -> bool:
        return self.views.currentWidget() in (self.editor, self.video_editor)

    def _on_edit_clicked(self) -> None:
        index = self.strip.currentIndex()
        self.edit_photo(index.row() if index.isValid() else 0)

    def _on_editor_moved(self, sha256: str) -> None:
        """Keep the strip's selection on the photo the editor shows."""
        for row in range(self.media.rowCount()):
            if self.media.item(row).sha256 == sha256:
                self.strip.setCurrentIndex(self.media.index(row))

    def _on_recipe_committed(self, sha256: str, recipe: Recipe) -> None:
        self._session.set_recipe(sha256, recipe)
        self.media.refresh_sha(sha256)

    def _follow_photos_in_editor(self) -> None:
        """The note's photos changed (reorder, removal, another device's copy): the editor
        follows, and leaves a photo that is no longer in the note."""
        fields = self._session.fields
        self.editor.set_note_photos(fields.media, fields.recipe_of)
        if not self.editing:
            return
        if self.views.currentWidget() is self.video_editor:
            sha, key = self.video_editor.sha256, video_edit_key(self.video_editor.edit)
        else:
            sha, key = self.editor.sha256, recipe_key(self.editor.recipe.to_dict())
        if sha is None:
            return
        if sha not in fields.media or fields.recipe_key_of(sha) != key:
            # Gone, or changed elsewhere ("use theirs"): back to the note, which shows it.
            self.close_editor()

    def _on_export_progress(self, done: int, total: int) -> None:
        self.export_label.setVisible(total > 0)
        video = self._session.fields.type == "video"
        self.cancel_export_button.setVisible(video and total > 0)
        if video:
            text = self.tr("Preparing the video for publishing: {percent}%…").format(
                percent=done * 100 // max(1, total)
            )
        else:
            text = self.tr("Preparing the photos for publishing: {done} of {total}…").format(
                done=done, total=total
            )
        self.export_label.setText(text)

    def _on_export_failed(self, error: BaseException) -> None:
        self.notice_banner.show_message(
            self.tr(
                "The photos could not be prepared for publishing: {reason} Your edits are kept."
            ).format(reason=reason_of(error)),
            level="error",
            actions=(("close", self.tr("Dismiss")),),
        )

    def _refresh_images(self) -> None:
        self._show_note_type()
        has_images = self.media.rowCount() > 0
        self.drop_hint.setVisible(not has_images)
        self.strip.setVisible(has_images)
        self._reorder_hint.setVisible(has_images)
        self.remove_button.setEnabled(has_images)
        self.edit_button.setEnabled(has_images)
        self.cover_lab_button.setEnabled(has_images)
        self._refresh_counters()

    def _refresh_counters(self) -> None:
        fields = self._session.fields
        units = title_width(fields.title, self._ctx.rules)
        self.title_counter.set_count(units, self._max_units)
        self.body_counter.set_count(char_count(fields.body), self._max_chars)
        self.image_counter.set_count(self.media.rowCount(), self._max_images)
        self._refresh_checklist()
        if self._ctx.connection.state is BackendState.CONNECTED:
            self.topic_picker.suggest_for(fields.title, fields.body, self._session.account_id)

    # -- covers from templates ---------------------------------------------------------------

    def open_templates(self) -> None:
        """The template gallery, drawn with this note's photos and title."""
        if self.templates is None:
            self.templates = TemplateGalleryDialog(self._ctx, self)
            self.templates.apply_requested.connect(self.apply_template)
        self.templates.show_note(self._session)

    def apply_template(
        self, template: TemplateSource, photos: tuple[str, ...] | None = None
    ) -> QMessageBox | None:
        """Make a cover from `template` (a built-in's name, a document or a template) filled
        with `photos` (shas in slot order; default the note's photos) and the note's title,
        add it as the first image and open it in the editor to retype, move and add stickers.
        A note that has a cover made from a template already is asked whether this one
        replaces it (the question is returned, open)."""
        if self.covers.busy:
            return None  # one cover at a time: the button waits for it too
        session = self._session
        composed = session.fields.composed()
        if not composed:
            self._make_cover(session, template, photos, replacing=None)
            return None
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Templates"),
            self.tr("This note already has a cover made from a template."),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        replace = question.addButton(self.tr("Replace it"), QMessageBox.ButtonRole.AcceptRole)
        add = question.addButton(self.tr("Add another"), QMessageBox.ButtonRole.ActionRole)
        question.setDefaultButton(replace)

        def answered() -> None:
            clicked = question.clickedButton()
            if clicked in (replace, add):
                replacing = composed[0] if clicked is replace else None
                self._make_cover(session, template, photos, replacing=replacing)

        question.finished.connect(answered)
        question.open()
        return question

    def _make_cover(
        self,
        session: DraftSession,
        source: TemplateSource,
        photos: tuple[str, ...] | None,
        *,
        replacing: str | None,
    ) -> None:
        self.notice_banner.hide()
        self.templates_button.setEnabled(False)
        self.cover_label.show()
        self.covers.make(session, source, photos, replacing=replacing)

    def _on_cover_made(
        self, session: DraftSession, cover: AppliedCover, replacing: str | None, added: bool
    ) -> None:
        self._cover_done()
        if session is not self._session:
            return  # the creator moved to another note meanwhile: the cover went to its own
        if not added:
            self._ctx.notifier.info(
                self.tr(
                    "This note has this cover already: the same template with the same photos "
                    "and title makes the same picture. Yours is kept as you edited it."
                )
            )
            self.edit_photo(self.media.row_of_sha(cover.sha256))
            return
        self.media.follow(session.fields.media)
        if replacing is None:
            text = self.tr(
                "Cover added as the first image. Retype the title or add stickers; to undo, "
                "remove it like any photo."
            )
        else:
            text = self.tr("Cover replaced. Retype the title or add stickers.")
        self._ctx.notifier.success(text)
        self.edit_photo(self.media.row_of_sha(cover.sha256))
        self.editor.tabs.setCurrentWidget(self.editor.layers_panel)
        title = title_layer(cover)
        if title is not None:  # selected, its text ready to retype
            self.editor.layer_tool.select(title)
            self.editor.layers_panel.edit_text(title)

    def _on_cover_failed(self, error: BaseException) -> None:
        self._cover_done()
        self.notice_banner.show_message(
            self.tr("The template could not be applied: {reason} Your note is unchanged.").format(
                reason=reason_of(error)
            ),
            level="error",
            actions=(("close", self.tr("Dismiss")),),
        )

    def _cover_done(self) -> None:
        self.templates_button.setEnabled(True)
        self.cover_label.hide()

    # -- the composer: topics, @mentions, place, products, flags, schedule -----------------

    def _compose(self, **values: object) -> None:
        self._session.set_composer(**values)
        self._refresh_checklist()

    def open_preview(self) -> None:
        """The note as readers will see it, in a window that follows the edits."""
        if self.preview is None:
            self.preview = PreviewDialog(
                self._ctx, edited=self.edited_thumbnails, accounts=self._accounts, parent=self
            )
            self.preview.follow(self._session)
        self.preview.show()
        self.preview.raise_()
        self.preview.activateWindow()

    def open_cover_lab(self) -> CoverLabDialog:
        """The cover lab for the current note (window-modal: the note stays as the lab saw it);
        a variant picked there is applied like a template from the gallery."""
        nickname = self._accounts.nickname(self._session.account_id or "")
        lab = CoverLabDialog(self._ctx, self._session, nickname=nickname, parent=self)
        lab.template_chosen.connect(self.apply_template)
        lab.open()
        return lab

    def _timezone(self) -> str:
        return self._accounts.timezone(self._session.account_id or "")

    def _show_flags(self) -> None:
        fields, session = self._session.fields, self._session
        self.flags_box.show_flags(
            fields.visibility,
            fields.original,
            fields.ai_generated,
            collaboration=session.collaboration or session.collaboration_id is not None,
        )

    def _refresh_checklist(self) -> None:
        """The server's full checklist of what is on screen. A note on the backend is checked
        as saved (with its images' real sizes) once its save lands; a note not saved yet is
        checked from its fields."""
        if self._ctx.connection.state is not BackendState.CONNECTED:
            return
        session, fields = self._session, self._session.fields
        planned = datetime.fromisoformat(fields.planned_at) if fields.planned_at else None
        if session.note_id is not None:
            if session.state is not SaveState.SAVED:
                return
            note_id = uuid.UUID(session.note_id)
            self.checklist.refresh(
                lambda client: client.note_checklist(note_id, scheduled_at=planned)
            )
            return
        draft = {
            "title": fields.title,
            "body": fields.body,
            "topics": [tag.id for tag in fields.topics],
            "mentions": [tag.id for tag in fields.mentions],
            "product_ids": [tag.id for tag in fields.products],
            "scheduled_at": planned.isoformat() if planned else None,
        }
        self.checklist.refresh(lambda client: client.draft_checklist(draft))

    def _on_checked(self, _checklist: ChecklistPublic) -> None:
        self._refresh_commands()

    def _refresh_commands(self) -> None:
        """Publish and Schedule are possible only while nothing blocks; the reason shows."""
        session, result = self._session, self.checklist.result
        publish_items = None
        if result is not None:
            items = [item for item in result.items if item.rule != "schedule"]
            publish_items = result.model_copy(update={"items": items})
        unapproved = self._unapproved_reason()
        checking = (
            self.tr("Checking for similar notes on your accounts…")
            if self.duplicate_gate.busy
            else ""
        )
        publish_block = checking or unapproved or blocked_reason(publish_items)
        self.publish_button.setEnabled(
            session.status in ("draft", "scheduled")
            and not session.publish_pending
            and not publish_block
        )
        self.publish_button.setToolTip(publish_block)
        self.schedule_box.show_status(
            session.status, session.scheduled_at, checking or unapproved or blocked_reason(result)
        )

    def _unapproved_reason(self) -> str:
        """Why a collaboration's note may not be scheduled or published yet ("" when it may,
        or while its collaboration is still loading: the server checks again anyway)."""
        review = self.review.review
        if self._session.collaboration_id is None or review is None or review.schedulable:
            return ""
        if self._session.status != "draft":
            return ""
        state = state_name(review.collab.state)
        return message("collaboration.not_approved", {"state": state})

    def _on_schedule_clicked(self) -> None:
        self.notice_banner.hide()
        self._session.set_composer(planned_at=self.schedule_box.planned())
        self.duplicate_gate.run(self._session, "schedule")

    def _on_unschedule_clicked(self) -> None:
        self._session.unschedule()

    def _on_scheduled(self, note: NotePublic) -> None:
        if note.status == "scheduled" and note.scheduled_at is not None:
            when = local_time(note.scheduled_at, self._timezone())
            self.notice_banner.show_message(
                self.tr("Scheduled: it will be published {time}.").format(time=when),
                level="success",
                actions=(("close", self.tr("Dismiss")),),
            )
        else:
            self.notice_banner.show_message(
                self.tr("Unscheduled: the note is a draft again."),
                level="info",
                actions=(("close", self.tr("Dismiss")),),
            )
        self._show_note_meta()

    def _on_schedule_refused(self, violations: list[dict]) -> None:
        lines = [
            "• " + message(str(v.get("code")), v.get("params") or {})
            for v in violations
            if v.get("level", "block") == "block"
        ]
        self.notice_banner.show_message(
            "\n".join([self.tr("Not scheduled — please fix:"), *lines]),
            level="error",
            actions=(("close", self.tr("Dismiss")),),
        )

    def _on_schedule_failed(self, error: BaseException) -> None:
        self.notice_banner.show_message(
            self.tr("Not scheduled: {reason}").format(reason=reason_of(error)),
            level="error",
            actions=(("close", self.tr("Dismiss")),),
        )

    # -- the brand's review of a collaboration's note ---------------------------------------

    def submit_when_ready(self, note_id: str) -> None:
        """Submit the note as soon as it is open here with its collaboration loaded (the
        Collaborations page's Submit comes through here)."""
        self._submit_pending = note_id
        self._submit_if_pending()

    def _submit_if_pending(self) -> None:
        review = self.review.review
        if (
            self._submit_pending is not None
            and review is not None
            and str(review.collab.note_id) == self._submit_pending == self._session.note_id
        ):
            self._submit_pending = None
            self.submit_for_review()

    def _show_review(self, review: NoteReview | None) -> None:
        self._submit_if_pending()
        self.collab_strip.show_review(review, submitting=self._submitting)
        for notes in self.field_notes.values():
            notes.show_review(review)
        self._show_photo_review()
        self._show_flags()
        self._refresh_commands()

    def _show_photo_review(self) -> None:
        """The brand's photo comments on the photos they are about, wherever those are now in
        the note: boxes on the strip's cards, the list under it, and in the photo editor."""
        review, fields = self.review.review, self._session.fields
        pins: dict[str, PhotoPins] = {}
        rows: dict[int, int | None] = {}
        if review is not None:
            commented = review.photo_positions()
            rows = dict.fromkeys(commented)
            for row, sha in enumerate(fields.media):
                position = review.position_of(fields, sha)
                if position in commented:
                    rows[position] = row
                    still_open = sum(c.resolved_at is None for c in review.on_photo(position))
                    pins[sha] = PhotoPins(tuple(review.marks(position)), still_open)
        self.strip.set_pins(pins)
        self.photo_notes.show_review(review, rows)
        self.editor.show_review(review, self._reviewed_position)

    def _reviewed_position(self, sha256: str) -> int | None:
        review = self.review.review
        return None if review is None else review.position_of(self._session.fields, sha256)

    def submit_for_review(self) -> None:
        """Save the note and export its edited photos, then submit it as the next round."""
        if self._submitting or self.review.review is None:
            return
        self._submitting = True
        self.notice_banner.hide()
        self.collab_strip.show_review(self.review.review, submitting=True)
        self._session.prepare()

    def _on_prepared(self) -> None:
        if self._submitting:
            self.review.submit()

    def _on_submitted(self, collab: object) -> None:
        self._submitting = False
        review = self.review.review
        hours = review.collab.brief.review_hours if review is not None else 0
        self.notice_banner.show_message(
            self.tr("Submitted: the brand reviews it within {hours} hour(s).").format(hours=hours),
            level="success",
            actions=(("close", self.tr("Dismiss")),),
        )

    def _on_review_failed(self, error: BaseException) -> None:
        was_submitting, self._submitting = self._submitting, False
        reason = reason_of(error)
        self.notice_banner.show_message(
            self.tr("Not submitted: {reason}").format(reason=reason) if was_submitting else reason,
            level="error",
            actions=(("close", self.tr("Dismiss")),),
        )
        self.collab_strip.show_review(self.review.review)

    def _open_collaboration(self) -> None:
        review = self.review.review
        if review is not None:
            self.collaboration_requested.emit(str(review.collab.id))

    def _load_account_context(self, *, force: bool = False) -> None:
        """What the composer shows per account, asked off the UI thread once per account
        (again when accounts change): may it link products, its recent places, topic groups."""
        account_id = self._session.account_id
        if not account_id or self._ctx.connection.state is not BackendState.CONNECTED:
            self.product_picker.set_allowed(False)
            self._permission_account = None
            return
        if account_id == self._permission_account and not force:
            return
        self._permission_account = account_id
        quiet_read(
            self._ctx,
            self,
            lambda client: client.list_accounts(),
            lambda accounts: self._on_accounts_for_products(account_id, accounts),
            ignore_failure,
        )
        self.place_picker.load_recent(account_id)
        self.topic_picker.load_groups()

    def _on_accounts_for_products(self, account_id: str, accounts: list[AccountPublic]) -> None:
        if account_id == self._session.account_id:
            account = next((a for a in accounts if str(a.id) == account_id), None)
            self.product_picker.set_allowed(bool(account and account.can_link_products))

    def _on_data_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.accounts:
            self._load_account_context(force=True)

    def _select_account(self) -> None:
        wanted = (
            self._session.account_id or self._scoped_account or self._ctx.settings.get(LAST_ACCOUNT)
        )
        row = self._accounts.row_of(wanted)
        if row < 0 and self._accounts.rowCount() > 0:
            row = 0
        if row >= 0:
            self.account_combo.setCurrentIndex(row)
            self._on_account_chosen(row)

    def _on_account_chosen(self, row: int) -> None:
        account_id = self.account_combo.itemData(row, AccountsListModel.IdRole)
        if account_id and self._session.note_id is None and not self._session.creating:
            self._session.set_account(account_id)
            self._ctx.settings.set(LAST_ACCOUNT, account_id)

    # -- images ----------------------------------------------------------------------------

    def add_files(self, paths: list[Path], row: int = -1) -> None:
        """Check and upload `paths` into the draft (file dialog, drop, or tests): photos, or
        one video, which makes the note a video note."""
        self.notice_banner.hide()
        fields = self._session.fields
        admission = admit(fields.type, self.media.rowCount(), [Path(path) for path in paths])
        if admission.note_type != fields.type:
            self._session.set_type(admission.note_type)
            self._show_note_type()
        if admission.refused:
            self._on_refused(
                [Refusal(path.name, message(code, {})) for path, code in admission.refused]
            )
        if admission.accepted:
            self.intake.add_files(list(admission.accepted), row, session=self._session)

    def _resume_uploads(self, state: BackendState) -> None:
        """Once connected after a start: upload again what was uploading when the app closed."""
        if state is not BackendState.CONNECTED or self._uploads_resumed:
            return
        self._uploads_resumed = True
        for session in self._drafts.sessions():
            if session.pending_uploads:
                self.intake.resume([Path(path) for path in session.pending_uploads], session)

    def _on_add_clicked(self) -> None:
        photos = self.tr("Images ({patterns})").format(patterns=IMAGE_PATTERNS)
        video = self.tr("A video ({patterns})").format(patterns=VIDEO_PATTERNS)
        filters = [photos] if self.media.rowCount() else [photos, video]
        if self._session.fields.type == "video" and self.media.rowCount():
            filters = [video]
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add images or a video"), str(Path.home()), ";;".join(filters)
        )
        if paths:
            self.add_files([Path(path) for path in paths])

    def _on_remove_clicked(self) -> None:
        index = self.strip.currentIndex()
        self._remove_row(index.row() if index.isValid() else self.media.rowCount() - 1)

    def _remove_row(self, row: int) -> None:
        if 0 <= row < self.media.rowCount():
            self.media.removeRows(row, 1)

    def _thumbnail_for(self, item: MediaItem) -> QPixmap | None:
        """The card's picture, with the photo's edit applied once that render is ready."""
        plain = item.thumbnail
        if plain is None and item.sha256:
            plain = self._ctx.thumbnails.get(item.sha256)
        if item.sha256 is None:
            return plain
        try:
            recipe = self._session.fields.recipe_of(item.sha256)
        except EditorError:
            return plain
        return self.edited_thumbnails.get(item.sha256, recipe, plain)

    def _on_upload_progress(self, done: int, total: int) -> None:
        busy = total > 0
        self.upload_progress.setVisible(busy)
        self.upload_label.setVisible(busy)
        if busy:
            self.upload_progress.setRange(0, total)
            self.upload_progress.setValue(done)
            self.upload_label.setText(
                self.tr("Checking and uploading {done} of {total}…").format(
                    done=min(done + 1, total), total=total
                )
            )

    def _on_refused(self, refusals: list[Refusal]) -> None:
        self.notice_banner.show_message(
            refusal_text(refusals), level="warning", actions=(("close", self.tr("Dismiss")),)
        )

    # -- commands --------------------------------------------------------------------------

    def _on_new_clicked(self) -> None:
        self._drafts.new_draft(self.new_note_account())

    def set_scoped_account(self, account_id: str | None) -> None:
        self._scoped_account = account_id

    def new_note_account(self) -> str | None:
        """The account a new draft is for: the one the app shows, else the one chosen here."""
        return self._scoped_account or self.account_combo.currentData(AccountsListModel.IdRole)

    def open_note(self, note_id: str) -> None:
        self._drafts.open_note(uuid.UUID(note_id))

    def _on_publish_clicked(self) -> None:
        self.notice_banner.hide()
        self.publish_button.setEnabled(False)
        self.duplicate_gate.run(self._session, "publish")

    def _on_published(self, note: NotePublic) -> None:
        when = local_time(note.published_at, self._accounts.timezone(str(note.account_id)))
        self.notice_banner.show_message(
            self.tr("Published {time}. It is now on your account's page.").format(time=when),
            level="success",
            actions=(("close", self.tr("Dismiss")),),
        )
        self._show_note_meta()

    def _on_publish_refused(self, violations: list[dict]) -> None:
        self.publish_button.setEnabled(True)
        lines = [
            "• " + message(str(v.get("code")), v.get("params") or {})
            for v in violations
            if v.get("level", "block") == "block"
        ]
        self.notice_banner.show_message(
            "\n".join([self.tr("Not published yet — please fix:"), *lines]),
            level="error",
            actions=(("close", self.tr("Dismiss")),),
        )

    def _on_publish_failed(self, error: BaseException) -> None:
        self.publish_button.setEnabled(True)
        reason = reason_of(error)
        self.notice_banner.show_message(
            self.tr("Not published: {reason}").format(reason=reason),
            level="error",
            actions=(("close", self.tr("Dismiss")),),
        )

    def _on_save_failed(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self.save_banner.show_message(
                self.tr("Not saved: {reason} Your text is kept on this computer.").format(
                    reason=message(error.code, error.params)
                ),
                level="error",
            )

    def _on_open_failed(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self._ctx.notifier.show_error(error)

    # -- drag and drop of files onto the page ----------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()
