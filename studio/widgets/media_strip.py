"""The draft's images as a row of 3:4 cards: drag to reorder, Delete to remove, drop files in.

The first card is the cover (封面), so it carries a badge; on a brand collaboration's note a
photo the brand commented on shows the comments' boxes and how many are still open. The view
starts drags itself so a completed move is never followed by Qt removing the "moved-out" source
rows: the model already moved them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.collab.comment_marks import DONE, Mark
from studio.models.media import MediaListModel, MediaState
from studio.widgets.comment_pins import paint_marks

CARD = QSize(120, 160)
_MARGIN = 6
_RADIUS = 10.0
_ACCENT = QColor("#FF2442")


@dataclass(frozen=True)
class PhotoPins:
    """The brand's comments on one photo: the boxes of its region comments, and how many of
    all its comments are still open."""

    marks: tuple[Mark, ...]
    open: int


def _state_text(state: MediaState) -> str:
    if state is MediaState.CHECKING:
        return QCoreApplication.translate("MediaStrip", "Checking…")
    if state is MediaState.UPLOADING:
        return QCoreApplication.translate("MediaStrip", "Uploading…")
    return ""


class MediaCardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pins: dict[str, PhotoPins] = {}
        """By the photo's sha256."""

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
        pins = self.pins.get(index.data(MediaListModel.ShaRole) or "")
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
            if pins is not None:
                # The whole picture's place, of which the card shows the middle.
                picture = QRectF(
                    card.left() - source.left(),
                    card.top() - source.top(),
                    scaled.width(),
                    scaled.height(),
                )
                paint_marks(painter, pins.marks, picture)
            painter.setClipping(False)
        state = index.data(MediaListModel.StateRole)
        if state is not MediaState.READY:
            painter.fillPath(path, QColor(255, 255, 255, 170))
            painter.setPen(QColor("#555555"))
            painter.drawText(card, Qt.AlignmentFlag.AlignCenter, _state_text(state))
        self._paint_badge(painter, card, index.row())
        if index.data(MediaListModel.EditedRole):
            self._paint_edited(painter, card)
        if pins is not None:
            self._paint_open(painter, card, pins.open)
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

    def _paint_open(self, painter: QPainter, card: QRect, count: int) -> None:
        """How many of the brand's comments on the photo are still open (or that none is)."""
        text = (
            QCoreApplication.translate("MediaStrip", "{count} open").format(count=count)
            if count
            else QCoreApplication.translate("MediaStrip", "Resolved")
        )
        width = painter.fontMetrics().horizontalAdvance(text) + 14
        _paint_pill(
            painter,
            card.right() - 7 - width,
            card.bottom() - 29,
            text,
            _ACCENT if count else QColor(DONE),
        )


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
        self.card_delegate = MediaCardDelegate(self)
        self.setItemDelegate(self.card_delegate)
        self.setFixedHeight(CARD.height() + 2 * _MARGIN + 22)
        self.setUniformItemSizes(True)

    def set_pins(self, pins: dict[str, PhotoPins]) -> None:
        """The brand's comments to show on the photos, by sha256 (empty: none)."""
        if pins != self.card_delegate.pins:
            self.card_delegate.pins = pins
            self.viewport().update()

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
