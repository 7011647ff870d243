"""The Brand kit card of Settings: an organization's colours, title font and logo, edited.

The card edits a copy of the kit it was loaded from (`BrandKitEdit` over a base
`BrandKitPublic`) and shows it live on a built-in cover that names brand roles, rendered in a
worker. Saving sends the edit with the base's version; if someone saved in between, the card
shows their kit and offers to put the user's changes back, so nothing is overwritten silently
and nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import EditorError
from publisher.client import ClientError, ConflictError, OfflineError
from publisher.schemas import BrandKitPublic
from studio.brand_kit_state import BrandKitEdit, render_sample, sample_template, upload_logo
from studio.editor.render_worker import to_qimage
from studio.messages import message
from studio.ops import run_in_background
from studio.tasks import Lane
from studio.widgets.banner import Banner
from studio.widgets.brand_swatches import BrandSwatches, role_label

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

KIT_EDITORS = frozenset({"owner", "admin", "editor"})
"""The roles the backend lets change a kit; others see it read-only."""
NAME_MAX = 80
SAMPLE_WIDTH = 216
SAMPLE_RADIUS = 12
LOGO_SIDE = 88
_CHECK = 8


def on_checkerboard(image: QImage | None, side: int, ratio: float) -> QPixmap:
    """`image` fitted into a rounded square over grey checks, where transparency shows."""
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    frame = QRectF(0.5, 0.5, side - 1, side - 1)
    painter.setPen(QColor("#E2E3E8"))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(frame, 10, 10)
    painter.setClipRect(frame.adjusted(1, 1, -1, -1))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ECEDF0"))
    for row in range(side // _CHECK + 1):
        for column in range(side // _CHECK + 1):
            if (row + column) % 2:
                painter.drawRect(column * _CHECK, row * _CHECK, _CHECK, _CHECK)
    painter.setClipping(False)
    if image is not None and not image.isNull():
        box = frame.adjusted(10, 10, -10, -10)
        scale = min(box.width() / image.width(), box.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        target = QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)
        painter.drawImage(target, image)
    painter.end()
    return pixmap


def _upload(client: StudioClient, path: Path) -> tuple[str, QImage]:
    sha256, pixels = upload_logo(client, path)
    return sha256, to_qimage(pixels)


def rounded(image: QImage, radius: float, ratio: float) -> QPixmap:
    """`image` (device pixels) with rounded corners, like the cards around it."""
    pixmap = QPixmap(image.size())
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(pixmap.rect()), radius * ratio, radius * ratio)
    painter.setClipPath(path)
    painter.drawImage(0, 0, image)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class BrandKitCard(QFrame):
    """Edits the brand kit `ctx.brand` shows; see the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._ctx = ctx
        self._brand = ctx.brand
        self._base: BrandKitPublic | None = None
        self._edit: BrandKitEdit | None = None
        self._mine: BrandKitEdit | None = None
        """The user's edit a conflict refused, until they put it back or move on."""
        self._sent: BrandKitEdit | None = None
        """The edit being saved: the kit that answers with it is the user's own."""
        self._sample_busy = False
        self._sample_again = False
        self._logo_shown: str | None = None
        self._uploading = False
        self._saving = False

        title = QLabel(self.tr("Brand kit"), self)
        title.setObjectName("CardTitle")
        intro = QLabel(
            self.tr(
                "The colours, title font and logo of an organization. Templates that name brand "
                "colours take them, so changing the kit restyles every cover made with it."
            ),
            self,
        )
        intro.setObjectName("Hint")
        intro.setWordWrap(True)

        self.organization = QComboBox(self)
        self.organization.setMinimumWidth(240)
        self.organization.setMaximumWidth(320)
        self.organization.currentIndexChanged.connect(self._on_organization_chosen)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setMaximumWidth(320)
        self.name_edit.textEdited.connect(self._on_name_edited)
        self.swatches = BrandSwatches(side=38, captions=True, parent=self)
        self.swatches.picked.connect(self._on_swatch_picked)
        self.font_choice = QComboBox(self)
        self.font_choice.addItem(self.tr("Sans-serif (黑体)"), "sans")
        self.font_choice.addItem(self.tr("Serif (宋体)"), "serif")
        self.font_choice.setMaximumWidth(200)
        self.font_choice.currentIndexChanged.connect(self._on_font_chosen)

        self.logo_preview = QLabel(self)
        self.logo_preview.setFixedSize(LOGO_SIDE, LOGO_SIDE)
        self.logo_preview.setAccessibleName(self.tr("Logo"))
        self.upload_button = QPushButton(self.tr("Upload PNG…"), self)
        self.upload_button.clicked.connect(self._on_upload_clicked)
        self.remove_logo_button = QPushButton(self.tr("Remove"), self)
        self.remove_logo_button.clicked.connect(self._on_remove_logo_clicked)
        logo_hint = QLabel(
            self.tr("A PNG with a transparent background; it is placed as a watermark."), self
        )
        logo_hint.setObjectName("Hint")
        logo_hint.setWordWrap(True)
        logo_buttons = QHBoxLayout()
        logo_buttons.setSpacing(8)
        logo_buttons.addWidget(self.upload_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_side = QVBoxLayout()
        logo_side.setSpacing(6)
        logo_side.addStretch(1)
        logo_side.addLayout(logo_buttons)
        logo_side.addWidget(logo_hint)
        logo_side.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.setSpacing(14)
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_side, 1)

        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(14)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for label, field in (
            (self.tr("Organization"), self.organization),
            (self.tr("Kit name"), self.name_edit),
            (self.tr("Colours"), self.swatches),
            (self.tr("Title font"), self.font_choice),
            (self.tr("Logo"), logo_row),
        ):
            caption = QLabel(label, self)
            caption.setObjectName("FormLabel")
            form.addRow(caption, field)
        self.read_only_note = QLabel(self)
        self.read_only_note.setObjectName("Hint")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.hide()

        self.sample = QLabel(self)
        self.sample.setFixedWidth(SAMPLE_WIDTH)
        self.sample.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sample.setAccessibleName(self.tr("Live sample"))
        sample_caption = QLabel(self.tr("Live sample"), self)
        sample_caption.setObjectName("Hint")
        sample_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sample_column = QVBoxLayout()
        sample_column.setSpacing(6)
        sample_column.addWidget(self.sample)
        sample_column.addWidget(sample_caption)
        sample_column.addStretch(1)

        body = QHBoxLayout()
        body.setSpacing(28)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addLayout(form)
        left.addWidget(self.read_only_note)
        left.addStretch(1)
        body.addLayout(left, 1)
        body.addLayout(sample_column)

        self.banner = Banner(self)
        self.banner.action_clicked.connect(self._on_banner_action)
        self.status = QLabel(self)
        self.status.setObjectName("SaveState")
        self.status.setWordWrap(True)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Save kit"), self)
        self.save_button.setProperty("accent", "true")
        self.save_button.clicked.connect(self.save)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(body)
        layout.addWidget(self.banner)
        layout.addLayout(actions)

        self._show_logo(None)
        self._brand.loaded.connect(self._on_kit_loaded)
        self._brand.saved.connect(self._on_saved)
        self._brand.save_failed.connect(self._on_save_failed)
        self._on_kit_loaded()

    # -- what tests and the dialogs drive --------------------------------------------------

    @property
    def edit(self) -> BrandKitEdit | None:
        return self._edit

    @property
    def is_dirty(self) -> bool:
        return (
            self._base is not None
            and self._edit is not None
            and self._edit != BrandKitEdit.of(self._base)
        )

    def set_color(self, role: str, color: str) -> None:
        """Give colour `role` the value `color` (``#RRGGBB``) in the edit."""
        if self._edit is not None:
            style = replace(self._edit.style, **{role: QColor(color).name().upper()})
            self._change(replace(self._edit, style=style))

    def upload_logo(self, path: Path) -> None:
        """Check `path` is a usable PNG, store it on the backend and use it as the logo."""
        if self._edit is None or self._uploading:
            return
        client_of = self._ctx.connection.client
        self._uploading = True
        self._show_status(self.tr("Uploading the logo…"))
        self._refresh_actions()
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=lambda _progress: _upload(client_of(), path),
            on_success=self._on_logo_uploaded,
            on_failure=self._on_logo_failed,
        )

    def save(self) -> None:
        if self._base is None or self._edit is None or not self.is_dirty or self._saving:
            return
        self._saving = True
        self._sent = self._edit
        self.banner.hide()
        self._show_status(self.tr("Saving…"))
        self._refresh_actions()
        self._brand.save(self._base, self._edit)

    def revert(self) -> None:
        if self._base is not None:
            self._mine = None
            self.banner.hide()
            self._change(BrandKitEdit.of(self._base))
            self._show_status("")

    # -- the state's answers ---------------------------------------------------------------

    def _on_kit_loaded(self) -> None:
        self._show_organizations()
        kit = self._brand.kit
        if kit is None:
            self._base = self._edit = None
            self._show_form()
            return
        fresh = BrandKitEdit.of(kit)
        moved = self._base is None or kit.organization_id != self._base.organization_id
        if not moved and self._saving and fresh == self._sent:
            # The answer to our own save: edits made while it was in flight build on it now,
            # so saving them is not refused as a conflict with ourselves.
            self._base = kit
        elif moved or not self.is_dirty or self._edit == fresh:
            # Unsaved changes to the same kit stay: saving them then meets the newer version
            # and shows both, instead of this reload dropping them without a word.
            self._base, self._edit = kit, fresh
            if moved:
                self._mine = None
                self.banner.hide()
                self._show_status("")
        self._show_form()

    def _on_saved(self) -> None:
        self._saving, self._sent = False, None
        self._mine = None
        self._refresh_actions()
        self._show_status(self.tr("Saved. Covers drawn with brand colours use it now."))

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving, self._sent = False, None
        if isinstance(error, ConflictError) and self._brand.kit is not None:
            self._mine = self._edit
            self._base = self._brand.kit
            self._edit = BrandKitEdit.of(self._base)
            self._show_form()
            self._show_status("")
            self.banner.show_message(
                " ".join(
                    (
                        message(error.code, error.params),
                        self.tr("Your changes were not saved: put them back to save them over it."),
                    )
                ),
                level="warning",
                actions=(("mine", self.tr("Put my changes back")),),
            )
            return
        self._show_error(error)
        self._refresh_actions()

    def _on_banner_action(self, action: str) -> None:
        if action == "mine" and self._mine is not None:
            mine, self._mine = self._mine, None
            self.banner.hide()
            self._change(mine)

    # -- the user's edits ------------------------------------------------------------------

    def _on_organization_chosen(self, row: int) -> None:
        organization_id = self.organization.itemData(row)
        kit = self._brand.kit
        if organization_id and (kit is None or organization_id != str(kit.organization_id)):
            self._brand.select(organization_id)

    def _on_name_edited(self, text: str) -> None:
        if self._edit is not None:
            self._change(replace(self._edit, name=text.strip()), render=False)

    def _on_font_chosen(self, row: int) -> None:
        if self._edit is not None:
            style = replace(self._edit.style, font=self.font_choice.itemData(row))
            self._change(replace(self._edit, style=style))

    def _on_swatch_picked(self, role: str) -> None:
        if self._edit is None:
            return
        chosen = QColorDialog.getColor(
            QColor(getattr(self._edit.style, role)),
            self,
            self.tr("Brand colour: {role}").format(role=role_label(role)),
        )
        if chosen.isValid():
            self.set_color(role, chosen.name())

    def _on_upload_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the logo"),
            str(Path.home()),
            self.tr("PNG pictures (*.png);;All files (*)"),
        )
        if path:
            self.upload_logo(Path(path))

    def _on_remove_logo_clicked(self) -> None:
        if self._edit is not None:
            self._change(replace(self._edit, logo_sha256=None))

    def _on_logo_uploaded(self, result: tuple[str, QImage]) -> None:
        self._uploading = False
        sha256, image = result
        self._show_status("")
        if self._edit is not None:
            self._logo_shown = sha256
            self._show_logo(image)
            self._change(replace(self._edit, logo_sha256=sha256))

    def _on_logo_failed(self, error: BaseException) -> None:
        self._uploading = False
        if isinstance(error, OfflineError):
            self._ctx.connection.report_offline()
        self._show_error(error)
        self._refresh_actions()

    def _change(self, edit: BrandKitEdit, *, render: bool = True) -> None:
        self._edit = edit
        if self.status.property("state") == "failed":
            self._show_status("")
        if render:
            self._show_form()
        else:
            self._refresh_actions()

    # -- display ---------------------------------------------------------------------------

    def _show_organizations(self) -> None:
        combo = self.organization
        combo.blockSignals(True)
        combo.clear()
        kinds = {
            "personal": self.tr("personal"),
            "mcn": self.tr("MCN"),
            "brand": self.tr("brand"),
        }
        for organization in self._brand.organizations:
            kind = kinds.get(organization.kind, organization.kind)
            combo.addItem(f"{organization.name} · {kind}", str(organization.id))
        kit = self._brand.kit
        if kit is not None:
            combo.setCurrentIndex(combo.findData(str(kit.organization_id)))
        combo.blockSignals(False)

    def _show_form(self) -> None:
        edit = self._edit
        for widget in (self.name_edit, self.font_choice):
            widget.blockSignals(True)
        if edit is None:
            self.name_edit.clear()
        else:
            if self.name_edit.text().strip() != edit.name:
                self.name_edit.setText(edit.name)
            self.swatches.set_style(edit.style)
            self.font_choice.setCurrentIndex(max(0, self.font_choice.findData(edit.style.font)))
        for widget in (self.name_edit, self.font_choice):
            widget.blockSignals(False)
        self._show_logo_of(edit)
        self._refresh_actions()
        self._render_sample()

    def _refresh_actions(self) -> None:
        organization = self._brand.organization
        editable = organization is not None and organization.role in KIT_EDITORS
        loaded = self._edit is not None
        for widget in (self.name_edit, self.swatches, self.font_choice):
            widget.setEnabled(loaded and editable)
        self.upload_button.setEnabled(loaded and editable and not self._uploading)
        has_logo = self._edit is not None and self._edit.logo_sha256 is not None
        self.remove_logo_button.setEnabled(editable and has_logo)
        dirty, busy = self.is_dirty, self._saving or self._uploading
        named = self._edit is not None and bool(self._edit.name)
        self.save_button.setEnabled(editable and dirty and named and not self._saving)
        self.revert_button.setEnabled(dirty)
        # Switching organization would drop the unsaved changes: save or revert them first.
        self.organization.setEnabled(not dirty and self.organization.count() > 1)
        self.organization.setToolTip(self.tr("Save or revert the changes first.") if dirty else "")
        if dirty and not busy and self.status.property("state") != "failed":
            self._show_status(self.tr("Unsaved changes"))
        elif not dirty and self.status.text() == self.tr("Unsaved changes"):
            self._show_status("")
        self.read_only_note.setVisible(organization is not None and not editable)
        if organization is not None and not editable:
            self.read_only_note.setText(
                self.tr("Only the owners, admins and editors of {name} can change its kit.").format(
                    name=organization.name
                )
            )

    def _show_status(self, text: str, *, failed: bool = False) -> None:
        self.status.setText(text)
        state = "failed" if failed else ""
        if self.status.property("state") != state:
            self.status.setProperty("state", state)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)

    def _show_error(self, error: BaseException) -> None:
        if not isinstance(error, ClientError | EditorError):
            raise error
        self._show_status(message(error.code, error.params), failed=True)

    def _show_logo(self, image: QImage | None) -> None:
        ratio = self.devicePixelRatioF()
        self.logo_preview.setPixmap(on_checkerboard(image, LOGO_SIDE, ratio))

    def _show_logo_of(self, edit: BrandKitEdit | None) -> None:
        """The edit's logo in the preview, fetched in a worker when it is not the one shown."""
        logo_id = None if edit is None else edit.logo_id
        sha = None if edit is None else edit.logo_sha256
        if sha == self._logo_shown:
            return
        self._logo_shown = sha
        self._show_logo(None)
        if logo_id is None:
            return
        stickers = self._ctx.stickers
        run_in_background(
            self._ctx.runner,
            Lane.READ,
            owner=self,
            job=lambda _progress: to_qimage(stickers(logo_id)),
            on_success=lambda image: self._on_logo_fetched(sha, image),
            on_failure=self._show_error,
        )

    def _on_logo_fetched(self, sha256: str | None, image: QImage) -> None:
        if sha256 == self._logo_shown:
            self._show_logo(image)

    def _render_sample(self) -> None:
        """Draw the edit on the sample cover; one render at a time, the latest edit wins."""
        edit = self._edit
        if edit is None:
            return
        if self._sample_busy:
            self._sample_again = True
            return
        self._sample_busy = True
        stickers = self._ctx.stickers
        width = round(SAMPLE_WIDTH * self.devicePixelRatioF())
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=lambda _progress: to_qimage(
                render_sample(sample_template(), edit, width=width, stickers=stickers)
            ),
            on_success=self._on_sample_rendered,
            on_failure=self._on_sample_failed,
        )

    def _on_sample_rendered(self, image: QImage) -> None:
        self.sample.setPixmap(rounded(image, SAMPLE_RADIUS, self.devicePixelRatioF()))
        self._sample_done()

    def _on_sample_failed(self, error: BaseException) -> None:
        self._sample_done()
        self._show_error(error)

    def _sample_done(self) -> None:
        self._sample_busy = False
        if self._sample_again:
            self._sample_again = False
            self._render_sample()
