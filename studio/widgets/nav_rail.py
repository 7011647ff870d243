"""The left navigation rail: the brand, one checkable button per page, at the foot any
extra controls (the notification bell) and the backend state."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.widgets.backend_status import BackendStatusLabel

RAIL_WIDTH = 200


class NavRail(QFrame):
    """Emits `page_chosen(key)`; `select(key)` checks a button without emitting."""

    page_chosen = Signal(str)

    def __init__(self, brand: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavRail")
        self.setFixedWidth(RAIL_WIDTH)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(14, 22, 14, 14)
        self._layout.setSpacing(4)
        brand_label = QLabel(brand, self)
        brand_label.setObjectName("Brand")
        self._layout.addWidget(brand_label)
        self._header_end = self._layout.count()
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._items_end = self._layout.count()
        self._layout.addStretch(1)
        self.status = BackendStatusLabel(self)
        self._layout.addWidget(self.status)

    def add_item(self, key: str, glyph: str, label: str) -> QPushButton:
        button = QPushButton(f"{glyph}   {label}", self)
        button.setObjectName("NavButton")
        button.setCheckable(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _checked=False, k=key: self.page_chosen.emit(k))
        self._group.addButton(button)
        self._layout.insertWidget(self._items_end, button)
        self._items_end += 1
        self._buttons[key] = button
        return button

    def add_header(self, widget: QWidget) -> None:
        """Put `widget` under the brand, above the page buttons (the account switcher)."""
        widget.setParent(self)
        self._layout.insertWidget(self._header_end, widget)
        self._layout.insertSpacing(self._header_end + 1, 12)
        self._header_end += 2
        self._items_end += 2

    def add_footer(self, widget: QWidget) -> None:
        """Put `widget` at the foot of the rail, above the backend state."""
        widget.setParent(self)
        self._layout.insertWidget(self._layout.indexOf(self.status), widget)

    def select(self, key: str) -> None:
        self._buttons[key].setChecked(True)

    def labels(self) -> dict[str, str]:
        return {key: button.text() for key, button in self._buttons.items()}

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]
