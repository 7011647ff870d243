"""Picked items as removable chips ("#咖啡 ×") in a wrapping row."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from studio.drafts.journal import Tag


class ChipRow(QWidget):
    removed = Signal(str)
    """The id of the chip whose × was clicked."""

    def __init__(self, prefix: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefix = prefix
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._empty = QLabel(empty_text, self)
        self._empty.setObjectName("Hint")
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self._chips: list[QPushButton] = []

    def show_tags(self, tags: tuple[Tag, ...]) -> None:
        for chip in self._chips:
            chip.hide()
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for tag in tags:
            chip = QPushButton(f"{self._prefix}{tag.name or tag.id[:8]}  ×", self)
            chip.setObjectName("Chip")
            chip.setProperty("tag_id", tag.id)
            chip.clicked.connect(lambda _checked=False, tag_id=tag.id: self.removed.emit(tag_id))
            self._layout.insertWidget(self._layout.count() - 1, chip)
            self._chips.append(chip)
        self._empty.setVisible(not tags)

    def texts(self) -> list[str]:
        return [chip.text() for chip in self._chips]
