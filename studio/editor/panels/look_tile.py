"""How one look is drawn in the Filters grid: its thumbnail with rounded corners, its name
below, and an accent ring when it is the look in use."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from studio.editor.panels.panel_style import PANEL_LINE, PANEL_MUTED, PANEL_RAISED, PANEL_TEXT
from studio.style import ACCENT

_RADIUS = 8
_NAME_HEIGHT = 22


class LookTileDelegate(QStyledItemDelegate):
    def __init__(self, side: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._side = side

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(self._side + 8, self._side + _NAME_HEIGHT + 8)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = option.rect
        tile = QRectF(
            cell.left() + (cell.width() - self._side) / 2, cell.top() + 4, self._side, self._side
        )
        shape = QPainterPath()
        shape.addRoundedRect(tile, _RADIUS, _RADIUS)
        thumbnail = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(thumbnail, QPixmap) and not thumbnail.isNull():
            painter.setClipPath(shape)
            painter.drawPixmap(tile.toRect(), thumbnail)
            painter.setClipping(False)
        else:
            painter.fillPath(shape, QColor(PANEL_RAISED))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            ring = QColor(ACCENT) if selected else QColor(PANEL_LINE)
            painter.setPen(QPen(ring, 2.5 if selected else 1.5))
            painter.drawRoundedRect(tile.adjusted(-1, -1, 1, 1), _RADIUS + 1, _RADIUS + 1)
        name_box = QRectF(cell.left(), tile.bottom() + 4, cell.width(), _NAME_HEIGHT - 4)
        painter.setPen(QColor(ACCENT if selected else (PANEL_TEXT if hovered else PANEL_MUTED)))
        font = option.font
        font.setPixelSize(12)
        font.setBold(selected)
        painter.setFont(font)
        name = option.fontMetrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            int(name_box.width()) - 4,
        )
        painter.drawText(name_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)
        painter.restore()
