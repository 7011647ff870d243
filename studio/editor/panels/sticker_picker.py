"""The sticker picker: the shipped stickers by category in a grid of tiles, opened over the
panel like a phone app's sticker sheet, so the selected layer's style keeps the panel's room.

A click picks a sticker (`picked(id)`) and closes the sheet. Thumbnails arrive later (decoded
off the UI thread by the panel); until then a tile shows the sticker's name.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studio.editor.panels.panel_style import PANEL_LINE, PANEL_MUTED, PANEL_RAISED, style_panel
from studio.editor.sticker_catalog import StickerEntry, categories

TILE = 58
COLUMNS = 6
_CONTEXT = "StickerPicker"
CATEGORY_NAMES = {
    "label": QT_TRANSLATE_NOOP("StickerPicker", "Labels"),
    "arrow": QT_TRANSLATE_NOOP("StickerPicker", "Arrows"),
    "circle": QT_TRANSLATE_NOOP("StickerPicker", "Circles"),
    "highlight": QT_TRANSLATE_NOOP("StickerPicker", "Highlights"),
    "mark": QT_TRANSLATE_NOOP("StickerPicker", "Marks"),
    "deco": QT_TRANSLATE_NOOP("StickerPicker", "Decor"),
    "badge": QT_TRANSLATE_NOOP("StickerPicker", "Badges"),
    "other": QT_TRANSLATE_NOOP("StickerPicker", "More"),
}
_SHEET_STYLESHEET = f"""
#EditorPanel {{ border: 1px solid {PANEL_LINE}; border-radius: 14px; }}
#EditorPanel #CategoryChip {{
    padding: 4px 0; border-radius: 13px; font-size: 12px; background: transparent;
    border: 1px solid {PANEL_LINE}; color: {PANEL_MUTED};
}}
#EditorPanel #CategoryChip:hover {{ color: white; }}
#EditorPanel #CategoryChip:checked {{
    background: {PANEL_RAISED}; color: white; border-color: #55575E;
}}
#EditorPanel #StickerGrid {{ background: transparent; }}
"""


class StickerTileDelegate(QStyledItemDelegate):
    """A sticker fitted into a rounded tile that lights up under the pointer."""

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(TILE, TILE)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        tile = QRectF(option.rect).adjusted(2, 2, -2, -2)
        shape = QPainterPath()
        shape.addRoundedRect(tile, 10, 10)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.fillPath(shape, QColor("#34363D" if hovered else PANEL_RAISED))
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        room = tile.adjusted(6, 6, -6, -6)
        if isinstance(icon, QIcon) and not icon.isNull():
            icon.paint(painter, room.toRect(), Qt.AlignmentFlag.AlignCenter)
        else:
            painter.setPen(QColor(PANEL_MUTED))
            font = option.font
            font.setPixelSize(11)
            painter.setFont(font)
            painter.drawText(
                room, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, index.data()
            )
        painter.restore()


class StickerPicker(QFrame):
    """`picked(sticker_id)` when a tile is clicked; `open_below(widget)` shows it as a sheet."""

    picked = Signal(str)

    def __init__(
        self, catalog: list[StickerEntry], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self._catalog = catalog
        self._categories = categories(catalog)
        sheet = QWidget(self)
        style_panel(sheet)
        sheet.setStyleSheet(sheet.styleSheet() + _SHEET_STYLESHEET)
        title = QLabel(self.tr("Stickers"), sheet)
        title.setObjectName("PanelTitle")
        hint = QLabel(self.tr("Click one to put it in the middle of the photo."), sheet)
        hint.setObjectName("PanelHint")

        chips = QGridLayout()
        chips.setSpacing(6)
        self.chips: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for number, category in enumerate(self._categories):
            name = CATEGORY_NAMES.get(category)
            chip = QPushButton(
                QCoreApplication.translate(_CONTEXT, name) if name else category, sheet
            )
            chip.setObjectName("CategoryChip")
            chip.setCheckable(True)
            chip.clicked.connect(
                lambda _checked=False, category=category: self.show_category(category)
            )
            group.addButton(chip)
            self.chips[category] = chip
            chips.addWidget(chip, number // 4, number % 4)

        self.grid = QListWidget(sheet)
        self.grid.setObjectName("StickerGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setGridSize(QSize(TILE, TILE))
        self.grid.setItemDelegate(StickerTileDelegate(self.grid))
        self.grid.setMouseTracking(True)
        self.grid.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.grid.setFixedSize(COLUMNS * TILE + 14, 4 * TILE + 4)
        for entry in catalog:
            item = QListWidgetItem(entry.name(language), self.grid)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(entry.name(language))
        self.grid.itemClicked.connect(self._on_item_clicked)

        layout = QVBoxLayout(sheet)
        layout.setContentsMargins(14, 12, 10, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(chips)
        layout.addWidget(self.grid)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(sheet)
        if self._categories:
            self.show_category(self._categories[0])

    def set_icons(self, icons: dict[str, QIcon]) -> None:
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            icon = icons.get(item.data(Qt.ItemDataRole.UserRole))
            if icon is not None:
                item.setIcon(icon)

    def show_category(self, category: str) -> None:
        self.chips[category].setChecked(True)
        for row, entry in enumerate(self._catalog):
            self.grid.item(row).setHidden(entry.category != category)
        self.grid.scrollToTop()

    def item_of(self, sticker_id: str) -> QListWidgetItem | None:
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == sticker_id:
                return item
        return None

    def open_below(self, anchor: QWidget) -> None:
        """Show the sheet under `anchor`, right-aligned with it, kept on its screen."""
        self.adjustSize()
        corner = anchor.mapToGlobal(QPoint(anchor.width() - self.width(), anchor.height() + 6))
        screen = anchor.screen().availableGeometry()
        x = min(max(corner.x(), screen.left()), screen.right() - self.width())
        y = min(corner.y(), screen.bottom() - self.height())
        self.move(x, y)
        self.show()

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self.hide()
        self.picked.emit(item.data(Qt.ItemDataRole.UserRole))
