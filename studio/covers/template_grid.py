"""The gallery's grid: a card per template with its picture, its name and a badge counting its
photo slots; the model shows the templates of one group matching the search."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.covers.catalog import ALL, TemplateEntry
from studio.covers.previews import TemplatePreviews
from studio.style import ACCENT, BORDER, TEXT, TEXT_MUTED

Index = QModelIndex | QPersistentModelIndex

PICTURE = QSize(150, 200)
"""The box a card's picture fits in (a 3:4 template fills it)."""
GRID_WIDTH = 300
"""Pictures are rendered this wide: sharp at twice the card's size on a high-DPI screen."""
_PAD = 8
_NAME_HEIGHT = 30
CELL = QSize(PICTURE.width() + 2 * _PAD, PICTURE.height() + _NAME_HEIGHT + 2 * _PAD)
_RADIUS = 10.0


class TemplateGridModel(QAbstractListModel):
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, previews: TemplatePreviews, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previews = previews
        self._all: list[TemplateEntry] = []
        self._shown: list[TemplateEntry] = []
        self._group = ALL
        self._query = ""
        self.live = False
        """Pictures are asked for only once the note's photos are there to fill them."""
        previews.ready.connect(self._on_ready)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return entry.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._previews.get(entry, GRID_WIDTH) if self.live else None
        if role == self.EntryRole:
            return entry
        return None

    # -- what is shown -----------------------------------------------------------------------

    def set_entries(self, entries: list[TemplateEntry]) -> None:
        self._all = list(entries)
        self._refilter()

    def set_filter(self, group: str, query: str) -> None:
        if (group, query) != (self._group, self._query):
            self._group, self._query = group, query
            self._refilter()

    def entries(self) -> list[TemplateEntry]:
        """Every template known, whatever the filter."""
        return list(self._all)

    def entry_at(self, row: int) -> TemplateEntry | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, key: str) -> int:
        return next((row for row, e in enumerate(self._shown) if e.key == key), -1)

    def count_in(self, group: str) -> int:
        return sum(entry.in_group(group) for entry in self._all)

    def repaint_all(self) -> None:
        """The pictures' inputs changed (or they may now be asked for): draw every card anew."""
        if self._shown:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._shown) - 1), [Qt.ItemDataRole.DecorationRole]
            )

    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = [
            entry
            for entry in self._all
            if entry.in_group(self._group) and entry.matches(self._query)
        ]
        self.endResetModel()

    def _on_ready(self, key: str) -> None:
        row = self.row_of(key)
        if row >= 0:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def picture_rect(box: QRect, picture: QSize) -> QRect:
    """Where a picture of `picture`'s shape sits in `box`: as large as fits, centred."""
    scaled = picture.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(
        box.left() + (box.width() - scaled.width()) // 2,
        box.top() + (box.height() - scaled.height()) // 2,
        scaled.width(),
        scaled.height(),
    )


def paint_photo_count(painter: QPainter, right: float, middle: float, count: int) -> float:
    """A small picture glyph and the number of photo slots, ending at `right`, centred on
    `middle`; returns the width used (nothing is drawn for a template without photos)."""
    if count == 0:
        return 0.0
    font = QFont(painter.font())
    font.setPixelSize(12)
    font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(font)
    text = str(count)
    text_width = painter.fontMetrics().horizontalAdvance(text)
    glyph = QRectF(right - text_width - 18, middle - 5.5, 13, 11)
    painter.setPen(QPen(QColor(TEXT_MUTED), 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(glyph, 2.5, 2.5)
    mountain = QPainterPath()
    mountain.moveTo(glyph.left() + 2, glyph.bottom() - 2)
    mountain.lineTo(glyph.left() + 5.5, glyph.top() + 5)
    mountain.lineTo(glyph.left() + 8, glyph.bottom() - 4)
    mountain.lineTo(glyph.left() + 9.5, glyph.top() + 6.5)
    mountain.lineTo(glyph.right() - 1.5, glyph.bottom() - 2)
    painter.drawPath(mountain)
    painter.setPen(QColor(TEXT_MUTED))
    painter.drawText(
        QRectF(right - text_width, middle - 9, text_width + 1, 18),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        text,
    )
    return text_width + 18


class TemplateCardDelegate(QStyledItemDelegate):
    """A template card: the picture (or a soft placeholder while it renders), the badge, the
    name; the selected card has an accent ring."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return CELL

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entry = index.data(TemplateGridModel.EntryRole)
        if not isinstance(entry, TemplateEntry):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        cell = option.rect
        box = QRect(cell.left() + _PAD, cell.top() + _PAD, PICTURE.width(), PICTURE.height())
        shape = QSize(entry.template.width, entry.template.height)
        target = picture_rect(box, shape)
        path = QPainterPath()
        path.addRoundedRect(QRectF(target), _RADIUS, _RADIUS)
        picture = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(picture, QImage) and not picture.isNull():
            painter.setClipPath(path)
            painter.drawImage(target, picture)
            painter.setClipping(False)
        else:
            painter.fillPath(path, QColor("#F1F2F5"))
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor(ACCENT), 3))
        else:
            painter.setPen(QPen(QColor("#C9CBD1" if hovered else BORDER), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        name = QRectF(box.left() + 2, box.bottom() + 7, box.width() - 4, _NAME_HEIGHT - 10)
        used = paint_photo_count(painter, name.right(), name.center().y(), entry.photo_count)
        font = QFont(option.font)
        font.setPixelSize(13)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        font.setWeight(QFont.Weight.DemiBold if selected else QFont.Weight.Normal)
        painter.setFont(font)
        painter.setPen(QColor(ACCENT if selected else TEXT))
        room = name.adjusted(0, 0, -(used + 6), 0)
        elided = painter.fontMetrics().elidedText(
            entry.title, Qt.TextElideMode.ElideRight, int(room.width())
        )
        painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()


class TemplateGrid(QListView):
    """The grid of template cards (wraps to the width it is given)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TemplateGrid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setItemDelegate(TemplateCardDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
