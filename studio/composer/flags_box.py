"""Flags: who sees the note, the original-content declaration, the AI-generated label, and
the brand-collaboration disclosure (on and locked for a brand collaboration's note, which must
carry it; off and locked for any other)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

VISIBILITIES = (
    ("public", QT_TRANSLATE_NOOP("FlagsBox", "Public")),
    ("private", QT_TRANSLATE_NOOP("FlagsBox", "Only me")),
    ("mutual", QT_TRANSLATE_NOOP("FlagsBox", "Mutual followers")),
)


class FlagsBox(QWidget):
    flags_changed = Signal(dict)
    """{"visibility", "original", "ai_generated"} as the draft keeps them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visibility = QComboBox(self)
        for value, text in VISIBILITIES:
            self.visibility.addItem(QCoreApplication.translate("FlagsBox", text), value)
        self.original = QCheckBox(self.tr("Declare as original content"), self)
        self.ai_generated = QCheckBox(self.tr("Label as AI-generated"), self)
        self.ai_generated.setToolTip(
            self.tr("Shown on the note, and written into the exported photos' metadata")
        )
        self.collaboration = QCheckBox(self.tr("Brand collaboration disclosure"), self)
        self.collaboration.setEnabled(False)
        self.collaboration_hint = QLabel(self)
        self.collaboration_hint.setObjectName("Hint")
        self.collaboration_hint.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Who can see it"), self.visibility)
        form.addRow(self.original)
        form.addRow(self.ai_generated)
        form.addRow(self.collaboration)
        form.addRow(self.collaboration_hint)
        self.visibility.currentIndexChanged.connect(self._emit)
        self.original.toggled.connect(self._emit)
        self.ai_generated.toggled.connect(self._emit)
        self.show_flags("public", False, False, collaboration=False)

    def show_flags(
        self, visibility: str, original: bool, ai_generated: bool, *, collaboration: bool
    ) -> None:
        for widget in (self.visibility, self.original, self.ai_generated):
            widget.blockSignals(True)
        self.visibility.setCurrentIndex(max(0, self.visibility.findData(visibility)))
        self.original.setChecked(original)
        self.ai_generated.setChecked(ai_generated)
        for widget in (self.visibility, self.original, self.ai_generated):
            widget.blockSignals(False)
        self.collaboration.setChecked(collaboration)
        self.collaboration.setToolTip(
            self.tr("Set by the brand collaboration this note is for; it cannot be turned off")
            if collaboration
            else self.tr("Only a brand collaboration's note carries it")
        )
        self.collaboration_hint.setText(
            self.tr(
                "Labelled on the note as a brand collaboration (合作), as the platform requires."
            )
            if collaboration
            else ""
        )
        self.collaboration_hint.setVisible(collaboration)

    def _emit(self) -> None:
        self.flags_changed.emit(
            {
                "visibility": self.visibility.currentData(),
                "original": self.original.isChecked(),
                "ai_generated": self.ai_generated.isChecked(),
            }
        )
