"""How the data center's tables draw what text cannot say: a sparkline of a row's days, a
figure with its change beside it (green up, red down), red badges for what slipped.

Each reads its own role from the model (`SPARK_ROLE`, `CHANGE_ROLE`, `BADGES_ROLE`), so a
model offers the data and any table may draw it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QWidget,
)

from studio.analytics.figures import change_tone
from studio.analytics.metric_labels import change_text
from studio.style import ACCENT, ACCENT_SOFT, TEXT_MUTED

SPARK_ROLE = Qt.ItemDataRole.UserRole + 80
"""A list of numbers, one a day."""
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 81
"""The cell's change against the previous period (a fraction), or None."""
BADGES_ROLE = Qt.ItemDataRole.UserRole + 82
"""A list of short texts shown as red badges."""
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 83
"""A second, quieter line under the cell's text."""
GOOD = "#1E9E5A"
BAD = ACCENT
SPARK_FILL = QColor(255, 36, 66, 30)
Index = QModelIndex | QPersistentModelIndex


def change_colour(change: float) -> QColor:
    return QColor({"up": GOOD, "down": BAD, "flat": TEXT_MUTED}[change_tone(change)])


def spark_path(values: Sequence[float], rect: QRectF) -> QPainterPath:
    """The line through `values`, scaled into `rect` (a flat line for no movement)."""
    path = QPainterPath()
    if not values:
        return path
    highest = max(values) or 1
    step = rect.width() / max(1, len(values) - 1)
    for index, value in enumerate(values):
        point = QPointF(rect.left() + index * step, rect.bottom() - rect.height() * value / highest)
        if index == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    return path


def paint_spark(painter: QPainter, rect: QRectF, values: Sequence[float]) -> None:
    """A sparkline: the line in the accent over a faint fill, a dot on the last day."""
    if not values:
        return
    line = spark_path(values, rect)
    area = QPainterPath(line)
    area.lineTo(rect.right(), rect.bottom())
    area.lineTo(rect.left(), rect.bottom())
    area.closeSubpath()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(area, SPARK_FILL)
    painter.setPen(QPen(QColor(ACCENT), 1.6))
    painter.drawPath(line)
    painter.setBrush(QColor(ACCENT))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(line.currentPosition(), 2.4, 2.4)
    painter.restore()


def _background(painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
    """What the style draws under a cell (selection, alternate rows), without its text."""
    plain = QStyleOptionViewItem(option)
    QStyledItemDelegate().initStyleOption(plain, index)
    plain.text = ""
    widget = option.widget
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)


class SparkDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        values = index.data(SPARK_ROLE) or []
        rect = QRectF(option.rect).adjusted(10, 12, -10, -12)
        paint_spark(painter, rect, values)


class ChangeDelegate(QStyledItemDelegate):
    """The figure right-aligned, its change in a smaller coloured type after it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        change = index.data(CHANGE_ROLE)
        rect = option.rect.adjusted(10, 0, -10, 0)
        painter.save()
        small = QFont(option.font)
        small.setPixelSize(11)
        if change is not None:
            painter.setFont(small)
            painter.setPen(change_colour(change))
            shown = change_text(change)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
            )
            rect = rect.adjusted(0, 0, -painter.fontMetrics().horizontalAdvance(shown) - 6, 0)
        painter.setFont(option.font)
        painter.setPen(option.palette.text().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()


class TwoLineDelegate(QStyledItemDelegate):
    """The text on one line and `SUBTITLE_ROLE` in small grey type beneath, both elided."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        rect = option.rect.adjusted(10, 5, -10, -5)
        half = rect.height() // 2
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.text().color())
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        _line(painter, rect.adjusted(0, 0, 0, -half), text, Qt.AlignmentFlag.AlignBottom)
        small = QFont(option.font)
        small.setPixelSize(12)
        painter.setFont(small)
        painter.setPen(QColor(TEXT_MUTED))
        subtitle = str(index.data(SUBTITLE_ROLE) or "")
        _line(painter, rect.adjusted(0, half + 2, 0, 0), subtitle, Qt.AlignmentFlag.AlignTop)
        painter.restore()


def _line(painter: QPainter, rect: QRect, text: str, vertical: Qt.AlignmentFlag) -> None:
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | vertical, elided)


class BadgeDelegate(QStyledItemDelegate):
    """Each text of `BADGES_ROLE` in a small red pill; nothing at all when there is none."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        badges = index.data(BADGES_ROLE) or []
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setPixelSize(12)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        left = option.rect.left() + 8
        height = metrics.height() + 6
        top = option.rect.center().y() - height // 2
        for text in badges:
            width = metrics.horizontalAdvance(text) + 16
            if left + width > option.rect.right():
                break
            pill = QRect(left, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(ACCENT_SOFT)))
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.setPen(QColor(ACCENT))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            left += width + 6
        painter.restore()


HEADER_MARGIN = 10
"""The header's own padding (the studio's stylesheet) beside its text."""


def header_font(font: QFont | None = None) -> QFont:
    """The font the studio's stylesheet gives a table header: 12 px, semi-bold."""
    header = QFont(font) if font is not None else QFont()
    header.setPixelSize(12)
    header.setWeight(QFont.Weight.DemiBold)
    return header


def header_metrics() -> QFontMetrics:
    return QFontMetrics(header_font())


class FigureHeader(QHeaderView):
    """A table's header that draws its sort arrow on the side of a section away from its text
    — left of a right-aligned figure's name — so the arrow never covers the name and the
    columns need no room for it beside their numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def paintSection(self, painter: QPainter, rect: QRect, index: int) -> None:  # noqa: N802
        option = QStyleOptionHeader()
        self.initStyleOptionForIndex(option, index)
        option.rect = rect
        sorted_here = option.sortIndicator != QStyleOptionHeader.SortIndicator.None_
        option.sortIndicator = QStyleOptionHeader.SortIndicator.None_
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()
        if sorted_here:
            text = min(header_metrics().horizontalAdvance(option.text), rect.width() - 36)
            if option.textAlignment & Qt.AlignmentFlag.AlignRight:
                x = rect.right() - HEADER_MARGIN - text - 12
            else:
                x = rect.left() + HEADER_MARGIN + text + 5
            self._arrow(painter, QPointF(x, rect.center().y()))

    def _arrow(self, painter: QPainter, at: QPointF) -> None:
        down = self.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        tip = 3.0 if down else -3.0
        triangle = QPolygonF(
            [
                QPointF(at.x(), at.y() - tip),
                QPointF(at.x() + 7, at.y() - tip),
                QPointF(at.x() + 3.5, at.y() + tip),
            ]
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ACCENT))
        painter.drawPolygon(triangle)
        painter.restore()
