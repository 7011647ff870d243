"""Which photo goes into which slot: the note's photos in a row, dragged into another order.

The first photos fill the template's slots in order, so each of them carries its slot's number;
the photos the template has no slot for are faded. `order_changed` gives the new order.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDropEvent, QFont, QIcon, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from studio.style import ACCENT

CHIP = QSize(60, 60)
_SHA_ROLE = Qt.ItemDataRole.UserRole + 1


def chip_picture(picture: QImage | None, number: int | None, ratio: float) -> QPixmap:
    """A rounded square of the photo with its slot number, or faded without one."""
    size = QSize(round(CHIP.width() * ratio), round(CHIP.height() * ratio))
    pixmap = QPixmap(size)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    box = QRectF(0, 0, CHIP.width(), CHIP.height())
    path = QPainterPath()
    path.addRoundedRect(box, 8, 8)
    painter.setClipPath(path)
    painter.fillRect(box, QColor("#ECEDF0"))
    if picture is not None and not picture.isNull():
        scaled = picture.scaled(
            size,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        left = (scaled.width() - size.width()) / 2 / ratio
        top = (scaled.height() - size.height()) / 2 / ratio
        painter.drawImage(
            QRectF(-left, -top, scaled.width() / ratio, scaled.height() / ratio), scaled
        )
    if number is None:
        painter.fillRect(box, QColor(255, 255, 255, 165))
    else:
        badge = QRectF(4, 4, 20, 20)
        painter.setBrush(QColor(ACCENT))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(badge)
        font = QFont(painter.font())
        font.setPixelSize(11)
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(number))
    painter.end()
    return pixmap


class PhotoOrder(QListWidget):
    """The note's photos, in the order they fill a template's slots."""

    order_changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhotoOrder")
        # List mode laid out in a row: a drop reorders the photos (icon mode would let a
        # drag park a photo anywhere on the grid instead).
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(CHIP)
        self.setSpacing(3)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self._pictures: dict[str, QImage] = {}
        self._slots = 0

    def show_photos(self, shas: tuple[str, ...], pictures: dict[str, QImage]) -> None:
        side = 2 * CHIP.width()  # sharp on a high-DPI screen, and scaled once
        self._pictures = {
            sha: picture.scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            for sha, picture in pictures.items()
        }
        self.clear()
        for sha in shas:
            item = QListWidgetItem()
            item.setData(_SHA_ROLE, sha)
            self.addItem(item)
        self._paint()

    def set_slots(self, slots: int) -> None:
        """How many photos the chosen template takes: those are numbered."""
        if slots != self._slots:
            self._slots = slots
            self._paint()

    def order(self) -> tuple[str, ...]:
        return tuple(str(self.item(row).data(_SHA_ROLE)) for row in range(self.count()))

    def move(self, row: int, destination: int) -> None:
        """Move a photo to another place (what a drag does; tests and keys use it too)."""
        item = self.takeItem(row)
        self.insertItem(destination, item)
        self._paint()
        self.order_changed.emit(self.order())

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        before = self.order()
        super().dropEvent(event)
        self._paint()
        if self.order() != before:
            self.order_changed.emit(self.order())

    def _paint(self) -> None:
        ratio = self.devicePixelRatioF()
        for row in range(self.count()):
            item = self.item(row)
            number = row + 1 if row < self._slots else None
            picture = self._pictures.get(str(item.data(_SHA_ROLE)))
            item.setIcon(QIcon(chip_picture(picture, number, ratio)))
            item.setToolTip(
                self.tr("Fills slot {number}").format(number=number)
                if number
                else self.tr("Not used by this template")
            )
