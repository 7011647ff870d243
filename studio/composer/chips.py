"""Picked items as removable chips ("#咖啡 ×") that wrap onto as many lines as they need.

The topic, @mention and product pickers show their picks in a `ChipRow`, and so does the topic
groups dialog; `FlowLayout` is what makes the row wrap.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QPushButton, QWidget, QWidgetItem

from studio.drafts.journal import Tag


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto as many lines as they need.

    A hidden widget takes no room. The widest widget sets the minimum width; given less,
    a widget is narrowed to the line rather than drawn past it.
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def insert_widget(self, index: int, widget: QWidget) -> None:
        """Put `widget` at `index` in the flow (QLayout itself only appends)."""
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        margins = self.contentsMargins()
        inner = QRect(0, 0, width - margins.left() - margins.right(), 0)
        return self._arrange(inner, move=False) + margins.top() + margins.bottom()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(self.contentsRect(), move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest item (a line narrower would have to cut it), one line high."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size.grownBy(margins)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in `rect` (when `move`); the height of the lines they take."""
        x, y, line_height, gap = rect.x(), rect.y(), 0, self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = max(min(hint.width(), rect.width()), 0)
            if x + width > rect.right() + 1 and line_height > 0:
                x, y, line_height = rect.x(), y + line_height + gap, 0
            if move:
                item.setGeometry(QRect(x, y, width, hint.height()))
            x += width + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ChipRow(QWidget):
    """The picked tags as chips, each removed by its ×, wrapping onto more lines as needed;
    a hint while there is none. Widgets added with `add_trailing` close the flow."""

    removed = Signal(str)
    """The id of the chip whose × was clicked."""

    def __init__(
        self,
        prefix: str,
        empty_text: str,
        parent: QWidget | None = None,
        *,
        chip_tooltip: str = "",
    ) -> None:
        super().__init__(parent)
        self._prefix = prefix
        self._chip_tooltip = chip_tooltip
        self._layout = FlowLayout(self)
        self._empty = QLabel(empty_text, self)
        self._empty.setObjectName("Hint")
        self._layout.addWidget(self._empty)
        self._chips: list[QPushButton] = []

    def add_trailing(self, widget: QWidget) -> None:
        """Show `widget` after the chips (and after the hint while there are none)."""
        self._layout.addWidget(widget)
        self._layout.invalidate()
        self.fit()

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
            if self._chip_tooltip:
                chip.setToolTip(self._chip_tooltip)
            chip.clicked.connect(lambda _checked=False, tag_id=tag.id: self.removed.emit(tag_id))
            # After the hint (first) and the chips so far, before any trailing widget.
            self._layout.insert_widget(1 + len(self._chips), chip)
            chip.show()  # now, not when the event loop gets to it: `fit` counts shown ones
            self._chips.append(chip)
        self._empty.setVisible(not tags)
        self.fit()

    def texts(self) -> list[str]:
        return [chip.text() for chip in self._chips]

    def buttons(self) -> list[QPushButton]:
        """The chips, in order."""
        return list(self._chips)

    def fit(self) -> None:
        """Ask for the height the wrapped lines need at the row's width: a box layout gives a
        child only its minimum height, and a scroll area its size hint, neither of which
        knows about wrapping."""
        self.setMinimumHeight(self._layout.heightForWidth(max(self.width(), 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # A chip or trailing widget shown, hidden or resized (a new font, a new text).
        if event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return handled
