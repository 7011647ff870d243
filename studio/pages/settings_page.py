"""Settings (设置): the interface language, the backend (this computer or a team server), the
team (organizations, members, invitations, sign-in security), and the brand kit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio import __version__
from studio.pages.backend_card import BackendCard
from studio.pages.brand_kit_card import BrandKitCard
from studio.settings import EXPORT_QUALITY, LANGUAGE
from studio.teams.team_section import TeamSection
from studio.widgets.card import card, page_header

if TYPE_CHECKING:
    from studio.context import AppContext


# Below this JPEG blocks show on skin and skies; the platform recompresses again on upload.
EXPORT_QUALITY_MIN = 60
CONTENT_WIDTH = 760


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self._ctx = ctx
        header, _row, _title, _subtitle = page_header(
            self.tr("Settings"), self.tr("This studio and how it looks"), self
        )
        frame, box = card(self)
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(14)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.language = QComboBox(frame)
        self.language.setMaximumWidth(280)
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        saved = ctx.settings.get(LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        self.language.currentIndexChanged.connect(self._on_language_chosen)
        self.language_note = QLabel(self.tr("Applies the next time the studio starts."), frame)
        self.language_note.setObjectName("Hint")
        self.export_quality = QSpinBox(frame)
        self.export_quality.setRange(EXPORT_QUALITY_MIN, 100)
        self.export_quality.setMaximumWidth(120)
        self.export_quality.setValue(ctx.settings.get(EXPORT_QUALITY))
        self.export_quality.valueChanged.connect(self._on_export_quality_chosen)
        self.export_quality_note = QLabel(
            self.tr(
                "Photos are exported as sRGB JPEG at the platform's size when a note is published "
                "or a photo is exported. Higher keeps more detail and makes larger files."
            ),
            frame,
        )
        self.export_quality_note.setObjectName("Hint")
        self.export_quality_note.setWordWrap(True)
        self.data_dir = self._value(str(ctx.data_dir), frame)
        self.version = self._value(__version__, frame)
        rows = (
            (self.tr("Interface language"), self.language),
            ("", self.language_note),
            (self.tr("JPEG quality of exported photos"), self.export_quality),
            ("", self.export_quality_note),
            (self.tr("Data folder"), self.data_dir),
            (self.tr("Version"), self.version),
        )
        for label, widget in rows:
            caption = QLabel(label, frame)
            caption.setObjectName("FormLabel")
            form.addRow(caption, widget)
        box.addLayout(form)
        self.backend_card = BackendCard(ctx, self)
        self.backend = self.backend_card.status
        self.team = TeamSection(ctx, self)
        self.brand_kit = BrandKitCard(ctx, self)
        content = QWidget(self)
        content.setObjectName("PageHost")
        # The column, not each card, is capped: cards with wrapped text must be measured at
        # the width they get, or the scroll area squeezes them below their real height.
        content.setMaximumWidth(CONTENT_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(frame)
        column.addWidget(self.backend_card)
        column.addWidget(self.team)
        column.addWidget(self.brand_kit)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.viewport().setObjectName("PageHost")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        layout.addWidget(header)
        layout.addWidget(scroll, 1)

    @staticmethod
    def _value(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName("FormValue")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _on_export_quality_chosen(self, quality: int) -> None:
        self._ctx.settings.set(EXPORT_QUALITY, quality)

    def _on_language_chosen(self, row: int) -> None:
        self._ctx.settings.set(LANGUAGE, self.language.itemData(row) or "")
