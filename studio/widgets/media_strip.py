"""The draft's images as a row of 3:4 cards: drag to reorder, Delete to remove, drop files in.

The first card is the cover (封面), so it carries a badge. The view starts drags itself so a
completed move is never followed by Qt removing the "moved-out" source rows: the model already
moved them.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QKeyEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.models.media import MediaListModel, MediaState

CARD = QSize(120, 160)
_MARGIN = 6
_RADIUS = 10.0
_ACCENT = QColor("#FF2442")


def _state_text(state: MediaState) -> str:
    if state is MediaState.CHECKING:
        return QCoreApplication.translate("MediaStrip", "Checking…")
    if state is MediaState.UPLOADING:
        return QCoreApplication.translate("MediaStrip", "Uploading…")
    return ""


class MediaCardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        return QSize(CARD.width() + 2 * _MARGIN, CARD.height() + 2 * _MARGIN)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRect(option.rect.topLeft(), CARD).translated(_MARGIN, _MARGIN)
        path = QPainterPath()
        path.addRoundedRect(card, _RADIUS, _RADIUS)
        painter.fillPath(path, QColor("#F2F2F4"))
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            scaled = pixmap.scaled(
                CARD,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            source = QRect(
                (scaled.width() - CARD.width()) // 2,
                (scaled.height() - CARD.height()) // 2,
                CARD.width(),
                CARD.height(),
            )
            painter.setClipPath(path)
            painter.drawPixmap(card, scaled, source)
            painter.setClipping(False)
        state = index.data(MediaListModel.StateRole)
        if state is not MediaState.READY:
            painter.fillPath(path, QColor(255, 255, 255, 170))
            painter.setPen(QColor("#555555"))
            painter.drawText(card, Qt.AlignmentFlag.AlignCenter, _state_text(state))
        self._paint_badge(painter, card, index.row())
        if index.data(MediaListModel.EditedRole):
            self._paint_edited(painter, card)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(_ACCENT, 3))
            painter.drawPath(path)
        painter.restore()

    def _paint_badge(self, painter: QPainter, card: QRect, row: int) -> None:
        text = QCoreApplication.translate("MediaStrip", "Cover") if row == 0 else str(row + 1)
        _paint_pill(painter, card.left() + 8, card.top() + 8, text, _ACCENT if row == 0 else None)

    def _paint_edited(self, painter: QPainter, card: QRect) -> None:
        """Marks a photo carrying an edit (the card already shows the edited look)."""
        text = QCoreApplication.translate("MediaStrip", "Edited")
        _paint_pill(painter, card.left() + 8, card.bottom() - 29, text, None)


def _paint_pill(painter: QPainter, left: int, top: int, text: str, fill: QColor | None) -> None:
    """White text on a rounded pill, in `fill` or a translucent black."""
    badge = QRect(left, top, painter.fontMetrics().horizontalAdvance(text) + 14, 22)
    path = QPainterPath()
    path.addRoundedRect(badge, 11, 11)
    painter.fillPath(path, fill or QColor(0, 0, 0, 140))
    painter.setPen(QColor("white"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)


class MediaStrip(QListView):
    """Emits `remove_requested(row)`; reordering goes straight to the model."""

    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MediaStrip")
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setAcceptDrops(True)
        self.setItemDelegate(MediaCardDelegate(self))
        self.setFixedHeight(CARD.height() + 2 * _MARGIN + 22)
        self.setUniformItemSizes(True)

    def startDrag(self, supported_actions: Qt.DropAction) -> None:  # noqa: N802
        indexes = self.selectedIndexes()
        model = self.model()
        if not indexes or model is None:
            return
        drag = QDrag(self)
        drag.setMimeData(model.mimeData(indexes))
        pixmap = indexes[0].data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            drag.setPixmap(pixmap.scaled(60, 80, Qt.AspectRatioMode.KeepAspectRatio))
        drag.exec(Qt.DropAction.MoveAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index.isValid():
            self.remove_requested.emit(index.row())
            return
        super().keyPressEvent(event)
