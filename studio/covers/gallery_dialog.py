"""The template gallery: every template drawn with the note's own photos and title.

A grid of cards (group tabs and a search above it), and beside it the chosen template large,
with the note's photos in the order they fill its slots (drag to change which photo goes
where). "Use template" (or a double-click) asks the Create page to apply it; the creator's own
templates can be renamed and deleted from their card's menu, and a cover made from a template
can be saved as one of them.

The dialog only shows and asks; applying and saving are `studio.covers.apply`'s, reading and
drawing run in workers (`studio.covers.catalog`, `studio.covers.previews`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import EditorError
from editor.recipe import Recipe
from studio.covers.apply import template_of_cover, template_photos
from studio.covers.catalog import (
    ALL,
    GROUPS,
    MINE,
    TemplateEntry,
    builtin_entries,
    builtin_title,
    fetch_user_entries,
    group_label,
)
from studio.covers.name_dialog import TemplateNameDialog
from studio.covers.photo_order import PhotoOrder
from studio.covers.previews import Inputs, TemplatePreviews, fetch_photo_pairs
from studio.covers.template_grid import (
    CELL,
    TemplateGrid,
    TemplateGridModel,
    picture_rect,
)
from studio.editor.render_worker import to_qimage
from studio.looks_cache import LooksCache
from studio.messages import reason_of
from studio.ops import Mutation, run_in_background
from studio.quiet_read import quiet_read
from studio.style import ACCENT, ACCENT_SOFT, BORDER, TEXT_MUTED
from studio.tasks import Lane

if TYPE_CHECKING:
    from publisher.domain.changes import ChangeSet
    from studio.context import AppContext
    from studio.drafts.session import DraftSession

LARGE = QSize(340, 453)
"""The box of the chosen template's large picture (a 3:4 template fills it)."""
LARGE_WIDTH = 680
COLUMNS = 4
SEARCH_MS = 150

DIALOG_STYLE = f"""
#GalleryTitle {{ font-size: 20px; font-weight: 700; }}
#GroupTab {{
    border: none; border-radius: 15px; padding: 6px 14px; background: transparent;
    color: #4A4D55; font-weight: 500;
}}
#GroupTab:hover {{ background: #F1F2F5; }}
#GroupTab:checked {{ background: {ACCENT_SOFT}; color: {ACCENT}; font-weight: 600; }}
#TemplateGrid {{ background: transparent; border: none; outline: none; }}
#GallerySide {{ background: #FFFFFF; border: 1px solid {BORDER}; border-radius: 16px; }}
#ChosenName {{ font-size: 17px; font-weight: 700; }}
#ChosenMeta, #SideHint {{ color: {TEXT_MUTED}; font-size: 12px; }}
#SideCaption {{ font-size: 13px; font-weight: 600; }}
#PhotoOrder {{ background: transparent; outline: none; }}
#PhotoOrder::item {{ border-radius: 8px; padding: 1px; }}
#PhotoOrder::item:selected {{ background: {ACCENT_SOFT}; }}
#GalleryEmpty {{ color: {TEXT_MUTED}; font-size: 13px; }}
"""


def _photos_key(shas: tuple[str, ...], recipes: tuple[Recipe, ...]) -> tuple[object, ...]:
    return tuple(zip(shas, recipes, strict=True))


class LargePicture(QWidget):
    """The chosen template, large: its picture rounded, or its shape while it renders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(LARGE)
        self._picture: QImage | None = None
        self._shape = QSize(3, 4)
        self.waiting_text = ""

    def show_picture(self, picture: QImage | None, shape: QSize) -> None:
        self._picture, self._shape = picture, shape
        self.update()

    @property
    def picture(self) -> QImage | None:
        return self._picture

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = picture_rect(QRect(0, 0, LARGE.width(), LARGE.height()), self._shape)
        path = QPainterPath()
        path.addRoundedRect(QRectF(target), 14, 14)
        if self._picture is not None and not self._picture.isNull():
            painter.setClipPath(path)
            painter.drawImage(target, self._picture)
            painter.setClipping(False)
        else:
            painter.fillPath(path, QColor("#F1F2F5"))
            painter.setPen(QColor(TEXT_MUTED))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, self.waiting_text)
        painter.setPen(QColor(BORDER))
        painter.drawPath(path)


class TemplateGalleryDialog(QDialog):
    """`apply_requested(template, photos)`: use `template` with the photos `photos` (shas, in
    slot order). The dialog closes itself when it asks."""

    apply_requested = Signal(object, tuple)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._session: DraftSession | None = None
        self._builtins: list[TemplateEntry] = []
        self._mine: list[TemplateEntry] = []
        self._mine_error = ""
        self._photo_shas: tuple[str, ...] = ()
        self._photo_recipes: tuple[Recipe, ...] = ()
        self._photos: dict[str, np.ndarray] = {}
        """The note's photos as drawn into the pictures (RGB arrays by sha)."""
        self._loading_photos: tuple[object, ...] | None = None
        self._select_after_load: str | None = None
        self._looks = LooksCache.for_context(ctx)
        self.previews = TemplatePreviews(ctx.runner, ctx.stickers, self)
        self.model = TemplateGridModel(self.previews, self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_MS)
        self.setWindowTitle(self.tr("Templates"))
        self.setStyleSheet(DIALOG_STYLE)
        self._build()
        self._connect()
        self._load_builtins()

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Templates"), self)
        title.setObjectName("GalleryTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("PageSubtitle")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search templates"))
        self.search.setClearButtonEnabled(True)
        self.search.setFixedWidth(240)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(title)
        titles.addWidget(self.subtitle)
        head = QHBoxLayout()
        head.addLayout(titles, 1)
        head.addWidget(self.search, 0, Qt.AlignmentFlag.AlignBottom)

        self.group_buttons = QButtonGroup(self)
        self.group_buttons.setExclusive(True)
        self.group_tabs: dict[str, QPushButton] = {}
        tabs = QHBoxLayout()
        tabs.setSpacing(4)
        for key, _label in GROUPS:
            button = QPushButton(group_label(key), self)
            button.setObjectName("GroupTab")
            button.setCheckable(True)
            button.setProperty("group", key)
            self.group_buttons.addButton(button)
            self.group_tabs[key] = button
            tabs.addWidget(button)
        tabs.addStretch(1)
        self.group_tabs[ALL].setChecked(True)

        self.grid = TemplateGrid(self)
        self.grid.setModel(self.model)
        self.grid.setMinimumWidth(COLUMNS * (CELL.width() + 12) + 18)
        self.empty = QLabel(self)
        self.empty.setObjectName("GalleryEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addLayout(tabs)
        left.addWidget(self.grid, 1)
        left.addWidget(self.empty, 1)

        side = QFrame(self)
        side.setObjectName("GallerySide")
        side.setFixedWidth(LARGE.width() + 40)
        column = QVBoxLayout(side)
        column.setContentsMargins(20, 20, 20, 20)
        column.setSpacing(8)
        self.large = LargePicture(side)
        self.chosen_name = QLabel(side)
        self.chosen_name.setObjectName("ChosenName")
        self.chosen_meta = QLabel(side)
        self.chosen_meta.setObjectName("ChosenMeta")
        self.chosen_meta.setWordWrap(True)
        order_caption = QLabel(self.tr("Photos, in slot order"), side)
        order_caption.setObjectName("SideCaption")
        self.photo_order = PhotoOrder(side)
        self.photo_order.setFixedHeight(72)
        self.order_hint = QLabel(side)
        self.order_hint.setObjectName("SideHint")
        self.order_hint.setWordWrap(True)
        self.use_button = QPushButton(self.tr("Use template"), side)
        self.use_button.setProperty("accent", True)
        self.use_button.setMinimumHeight(40)
        column.addWidget(self.large, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(6)
        column.addWidget(self.chosen_name)
        column.addWidget(self.chosen_meta)
        column.addSpacing(6)
        column.addWidget(order_caption)
        column.addWidget(self.photo_order)
        column.addWidget(self.order_hint)
        column.addStretch(1)
        column.addWidget(self.use_button)
        self._order_caption = order_caption

        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(left, 1)
        body.addWidget(side)

        self.save_cover_button = QPushButton(self.tr("Save my cover as a template…"), self)
        self.save_cover_button.setToolTip(
            self.tr("Keep the cover's layout, texts and stickers as one of your templates")
        )
        self.close_button = QPushButton(self.tr("Close"), self)
        foot = QHBoxLayout()
        foot.addWidget(self.save_cover_button)
        foot.addStretch(1)
        foot.addWidget(self.close_button)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 18)
        outer.setSpacing(14)
        outer.addLayout(head)
        outer.addLayout(body, 1)
        outer.addLayout(foot)
        self.resize(self.grid.minimumWidth() + side.width() + 18 + 48 + 8, 760)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._refilter)
        self.group_buttons.buttonClicked.connect(lambda _button: self._refilter())
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_chosen())
        self.grid.doubleClicked.connect(self._on_double_clicked)
        self.grid.customContextMenuRequested.connect(self._on_context_menu)
        self.model.modelReset.connect(self._after_reset)
        self.previews.ready.connect(self._on_picture_ready)
        # Closed, the gallery wants no more pictures: a cover applied from it is made next.
        self.finished.connect(lambda _result: self.previews.drop_queued())
        self.photo_order.order_changed.connect(self._on_order_changed)
        self.use_button.clicked.connect(self.use_chosen)
        self.save_cover_button.clicked.connect(self.save_cover_as_template)
        self.close_button.clicked.connect(self.reject)
        self._ctx.events.changed.connect(self._on_data_changed)
        self._ctx.brand.changed.connect(self._refresh_inputs)

    # -- the note it shows ------------------------------------------------------------------

    def show_note(self, session: DraftSession) -> None:
        """Fill the templates with `session`'s photos and title, and open (window-modal)."""
        self._session = session
        fields = session.fields
        shas = template_photos(fields)
        recipes = [fields.recipe_or_plain(sha) for sha in shas]
        if (shas, tuple(recipes)) != (self._photo_shas, self._photo_recipes):
            self._photo_shas, self._photo_recipes = shas, tuple(recipes)
            self._photos = {}
            self._load_photos()
        self.save_cover_button.setEnabled(bool(fields.composed()))
        self._refresh_inputs()
        self._load_mine()
        self.open()
        self.search.setFocus()

    def _load_photos(self) -> None:
        shas, recipes = self._photo_shas, self._photo_recipes
        key = _photos_key(shas, recipes)
        self._loading_photos = key
        self.model.live = not shas
        self.photo_order.show_photos(shas, {})
        self._show_subtitle()
        if not shas:
            return
        looks, client_of = self._looks, self._ctx.connection.client

        def job(_progress: object) -> tuple[dict[str, np.ndarray], dict[str, QImage]]:
            arrays = dict(fetch_photo_pairs(client_of(), shas, recipes, looks))
            return arrays, {sha: to_qimage(array) for sha, array in arrays.items()}

        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,  # renders every photo through its edit: CPU work, like the preview's
            owner=self,
            job=job,
            on_success=lambda loaded: self._on_photos_loaded(key, *loaded),
            on_failure=lambda error: self._on_photos_failed(key, error),
        )

    def _on_photos_loaded(
        self, key: tuple[object, ...], arrays: dict[str, np.ndarray], pictures: dict[str, QImage]
    ) -> None:
        if key != self._loading_photos:
            return
        self._loading_photos = None
        self._photos = arrays
        self.photo_order.show_photos(self.photo_order.order(), pictures)
        self.model.live = True
        self._show_subtitle()
        self._refresh_inputs()

    def _on_photos_failed(self, key: tuple[object, ...], error: BaseException) -> None:
        if key != self._loading_photos:
            return
        # The templates still show, with their empty slots; applying reports the photo again.
        self._loading_photos = None
        self.model.live = True
        self.subtitle.setText(
            self.tr("The note's photos could not be loaded: {reason}").format(
                reason=reason_of(error)
            )
        )
        self.model.repaint_all()
        self._show_chosen()

    def _show_subtitle(self) -> None:
        if not self._photo_shas:
            text = self.tr("Add photos to the note to see them in the templates.")
        elif self._loading_photos is not None:
            text = self.tr("Loading the note's photos…")
        else:
            text = self.tr("Shown with this note's photos and title.")
        self.subtitle.setText(text)

    def _refresh_inputs(self) -> None:
        """Draw the pictures with the note's photos (in the chosen order), title and brand."""
        order = self.photo_order.order() or self._photo_shas
        recipes = dict(zip(self._photo_shas, self._photo_recipes, strict=True))
        shown = tuple(sha for sha in order if sha in self._photos)
        inputs = Inputs(
            title=self._session.fields.title if self._session is not None else "",
            style=self._ctx.brand.style,
            photos_key=tuple((sha, recipes[sha]) for sha in shown),
            photos=tuple(self._photos[sha] for sha in shown),
        )
        self.previews.set_inputs(inputs)
        self.model.repaint_all()
        self._show_chosen()

    def _on_order_changed(self, _order: tuple[str, ...]) -> None:
        self._refresh_inputs()

    # -- the catalog -----------------------------------------------------------------------

    def _load_builtins(self) -> None:
        run_in_background(
            self._ctx.runner,
            Lane.DISK,
            owner=self,
            job=lambda _progress: builtin_entries(),
            on_success=self._on_builtins,
            on_failure=lambda error: self._ctx.notifier.error(reason_of(error)),
        )

    def _on_builtins(self, entries: list[TemplateEntry]) -> None:
        self._builtins = entries
        self._show_entries()

    def _load_mine(self) -> None:
        quiet_read(self._ctx, self, fetch_user_entries, self._on_mine, self._on_mine_failed)

    def _on_mine(self, entries: list[TemplateEntry]) -> None:
        self._mine, self._mine_error = entries, ""
        self._show_entries()

    def _on_mine_failed(self, error: BaseException) -> None:
        self._mine_error = self.tr("Your templates could not be loaded: {reason}").format(
            reason=reason_of(error)
        )
        self._show_entries()

    def _on_data_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.templates:
            self._load_mine()

    def _show_entries(self) -> None:
        chosen = self.chosen()
        self.model.set_entries([*self._mine, *self._builtins])
        wanted = self._select_after_load or (chosen.key if chosen else None)
        if wanted is not None and self.select(wanted):
            self._select_after_load = None

    def _refilter(self) -> None:
        chosen = self.chosen()
        button = self.group_buttons.checkedButton()
        group = str(button.property("group")) if button else ALL
        self.model.set_filter(group, self.search.text().strip())
        if chosen is not None:
            self.select(chosen.key)

    def _after_reset(self) -> None:
        if not self.grid.currentIndex().isValid() and self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(0))
        self._show_empty()
        self._show_chosen()

    def _show_empty(self) -> None:
        button = self.group_buttons.checkedButton()
        group = str(button.property("group")) if button else ALL
        empty = self.model.rowCount() == 0
        if group == MINE and self._mine_error:
            text = self._mine_error
        elif group == MINE and not self.search.text().strip():
            text = self.tr(
                "Your own templates appear here. Apply a template, make the cover yours, "
                "then choose “Save my cover as a template…”."
            )
        else:
            text = self.tr("No template matches “{query}”.").format(query=self.search.text())
        self.empty.setText(text)
        self.empty.setVisible(empty)
        self.grid.setVisible(not empty)

    # -- the chosen template ---------------------------------------------------------------

    def chosen(self) -> TemplateEntry | None:
        return self.model.entry_at(self.grid.currentIndex().row())

    def select(self, key: str) -> bool:
        """Choose the template `key` (shown in the current group and search); True if shown."""
        row = self.model.row_of(key)
        if row >= 0:
            self.grid.setCurrentIndex(self.model.index(row))
            self.grid.scrollTo(self.model.index(row))
        return row >= 0

    def show_group(self, group: str) -> None:
        self.group_tabs[group].setChecked(True)
        self._refilter()

    def _show_chosen(self) -> None:
        entry = self.chosen()
        self.use_button.setEnabled(entry is not None)
        for widget in (self._order_caption, self.photo_order, self.order_hint):
            widget.setVisible(entry is not None and bool(self._photo_shas))
        if entry is None:
            self.large.waiting_text = self.tr("Choose a template")
            self.large.show_picture(None, QSize(3, 4))
            self.chosen_name.setText("")
            self.chosen_meta.setText("")
            return
        self.large.waiting_text = self.tr("Drawing…")
        template = entry.template
        picture = self.previews.get(entry, LARGE_WIDTH) if self.model.live else None
        shape = QSize(template.width, template.height)
        self.large.show_picture(picture, shape)
        self.chosen_name.setText(entry.title)
        self.chosen_meta.setText(
            self.tr("{group} · photos: {photos} · {width}×{height}").format(
                group=group_label(entry.group),
                photos=entry.photo_count,
                width=template.width,
                height=template.height,
            )
        )
        self.photo_order.set_slots(entry.photo_count)
        self._show_order_hint(entry)

    def _show_order_hint(self, entry: TemplateEntry) -> None:
        count, slots = len(self._photo_shas), entry.photo_count
        self.order_hint.show()
        if count == 0:
            text = self.tr("The note has no photos yet: the slots stay empty until you add some.")
        elif count < slots:
            text = self.tr(
                "{missing} slot(s) stay empty: the note has {count} photo(s). "
                "Drag to change which photo goes where."
            ).format(missing=slots - count, count=count)
        elif count > slots:
            text = self.tr(
                "The first {slots} photo(s) are used. Drag to change which photos go in."
            ).format(slots=slots)
        else:
            text = self.tr("Drag to change which photo goes where.")
        self.order_hint.setText(text)

    def _on_picture_ready(self, key: str) -> None:
        entry = self.chosen()
        if entry is not None and entry.key == key:
            self._show_chosen()

    # -- commands ---------------------------------------------------------------------------

    def use_chosen(self) -> None:
        entry = self.chosen()
        if entry is not None:
            self.accept()
            self.apply_requested.emit(entry.template, self.photo_order.order())

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.grid.setCurrentIndex(index)
            self.use_chosen()

    def _on_context_menu(self, point: QPoint) -> None:
        index = self.grid.indexAt(point)
        entry = self.model.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return
        self.grid.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Use template"), self.use_chosen)
        if entry.user is not None:
            menu.addSeparator()
            menu.addAction(self.tr("Rename…"), lambda: self.rename(entry))
            menu.addAction(self.tr("Delete"), lambda: self.delete(entry))
        menu.popup(self.grid.viewport().mapToGlobal(point))

    def save_cover_as_template(self) -> TemplateNameDialog | None:
        """Ask a name for the note's cover made from a template, and save it as the creator's
        own template (shown under Mine once saved)."""
        session = self._session
        covers = session.fields.composed() if session is not None else ()
        if session is None or not covers:
            return None
        sha = covers[0]
        composition = session.fields.composition_of(sha) or {}
        try:
            template = template_of_cover(composition, session.fields.recipe_of(sha))
        except EditorError as error:
            self._ctx.notifier.error(reason_of(error))
            return None
        document = template.to_dict()
        dialog = TemplateNameDialog(
            self._ctx,
            title=self.tr("Save as my template"),
            prompt=self.tr("Name your template:"),
            name=self.tr("My {name}").format(name=builtin_title(template.name)),
            save=lambda client, name: client.create_template(name=name, document=document),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._on_template_saved(dialog))
        dialog.open()
        return dialog

    def _on_template_saved(self, dialog: TemplateNameDialog) -> None:
        saved = dialog.saved
        self._select_after_load = f"user:{saved.id}"
        self.search.clear()
        self.show_group(MINE)
        self._ctx.notifier.success(self.tr("Saved “{name}” under Mine.").format(name=saved.name))

    def rename(self, entry: TemplateEntry) -> TemplateNameDialog | None:
        saved = entry.user
        if saved is None:
            return None
        dialog = TemplateNameDialog(
            self._ctx,
            title=self.tr("Rename template"),
            prompt=self.tr("New name:"),
            name=saved.name,
            save=lambda client, name: client.update_template(
                saved.id, version=saved.version, name=name
            ),
            parent=self,
        )
        dialog.open()
        return dialog

    def delete(self, entry: TemplateEntry) -> QMessageBox | None:
        saved = entry.user
        if saved is None:
            return None
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete template"),
            self.tr("Delete “{name}”? Covers made from it stay as they are.").format(
                name=saved.name
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = question.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)

        def answered() -> None:
            if question.clickedButton() is delete:
                Mutation(
                    self._ctx,
                    parent=self,
                    op=lambda client: client.delete_template(saved.id, version=saved.version),
                ).failure(self._on_delete_failed).run()

        question.finished.connect(answered)
        question.open()
        return question

    def _on_delete_failed(self, error: BaseException) -> None:
        self._ctx.notifier.error(reason_of(error))
        self._load_mine()
