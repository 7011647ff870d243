"""A week of hours as a heatmap: seven rows (Monday first), 24 columns (the accounts' own
clocks), each cell as deep in the accent as the activity it had; the best slots ringed. The
pointer names a cell's slot and figure."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from studio.analytics.figures import hour_range
from studio.analytics.metric_labels import count_text
from studio.style import ACCENT, TEXT, TEXT_MUTED

WEEKDAYS = (
    QT_TRANSLATE_NOOP("AnalyticsWeekdays", "Mon"),
    QT_TRANSLATE_NOOP("AnalyticsWeekdays", "Tue"),
    QT_TRANSLATE_NOOP("AnalyticsWeekdays", "Wed"),
    QT_TRANSLATE_NOOP("AnalyticsWeekdays", "Thu"),
    QT_TRANSLATE_NOOP("AnalyticsWeekdays", "Fri"),
    QT_TRANSLATE_NOOP("AnalyticsWeekdays", "Sat"),
    QT_TRANSLATE_NOOP("AnalyticsWeekdays", "Sun"),
)
EMPTY = QColor("#F4F5F7")
LEFT = 44
"""Room for the weekday names."""
TOP = 22
"""Room for the hours."""
GAP = 3
MAX_CELL_HEIGHT = 40


def weekday_name(weekday: int) -> str:
    return QCoreApplication.translate("AnalyticsWeekdays", WEEKDAYS[weekday])


def slot_text(weekday: int, hour: int) -> str:
    """周三 21:00–22:00 / Wed 21:00–22:00."""
    return f"{weekday_name(weekday)} {hour_range(hour)}"


def shade(share: float) -> QColor:
    """The accent at a strength for `share` (0–1) of the busiest cell; a square root keeps the
    quieter hours visible beside one busy evening."""
    if share <= 0:
        return EMPTY
    strength = 0.12 + 0.88 * math.sqrt(min(share, 1.0))
    accent = QColor(ACCENT)
    return QColor(
        *(
            round(255 + (part - 255) * strength)
            for part in (accent.red(), accent.green(), accent.blue())
        )
    )


class Heatmap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[list[int]] = [[0] * 24 for _ in range(7)]
        self.best: list[tuple[int, int]] = []
        self.figure = ""
        """What the cells count, named in a cell's tooltip."""
        self.setMouseTracking(True)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(LEFT + 24 * 32, self.heightForWidth(LEFT + 24 * 32))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """Square cells, as tall as they are wide (up to a limit)."""
        return math.ceil(TOP + 7 * self._cell_height(width) + 6 * GAP + 2)

    @staticmethod
    def _cell_width(width: float) -> float:
        return (width - LEFT - 23 * GAP) / 24

    def _cell_height(self, width: float) -> float:
        return min(MAX_CELL_HEIGHT, self._cell_width(width))

    def show_values(
        self, values: Sequence[Sequence[int]], best: Sequence[tuple[int, int]], figure: str
    ) -> None:
        self.values = [list(row) for row in values]
        self.best = list(best)
        self.figure = figure
        self.update()

    def _cell(self, weekday: int, hour: int) -> QRectF:
        width, height = self._cell_width(self.width()), self._cell_height(self.width())
        return QRectF(LEFT + hour * (width + GAP), TOP + weekday * (height + GAP), width, height)

    def cell_at(self, point: QPoint) -> tuple[int, int] | None:
        for weekday in range(7):
            for hour in range(24):
                if self._cell(weekday, hour).contains(point.toPointF()):
                    return weekday, hour
        return None

    def cell_text(self, weekday: int, hour: int) -> str:
        """周三 21:00–22:00 · 互动 123: what the pointer on a cell says."""
        return (
            f"{slot_text(weekday, hour)} · {self.figure} {count_text(self.values[weekday][hour])}"
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPixelSize(11)
        painter.setFont(font)
        highest = max((max(row) for row in self.values), default=0)
        painter.setPen(QColor(TEXT_MUTED))
        for hour in range(0, 24, 3):
            cell = self._cell(0, hour)
            painter.drawText(
                QRectF(cell.left(), 0, cell.width() * 3, TOP - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                f"{hour}:00",
            )
        for weekday in range(7):
            cell = self._cell(weekday, 0)
            painter.setPen(QColor(TEXT_MUTED))
            painter.drawText(
                QRectF(0, cell.top(), LEFT - 8, cell.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                weekday_name(weekday),
            )
            for hour in range(24):
                rect = self._cell(weekday, hour)
                share = self.values[weekday][hour] / highest if highest else 0.0
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(shade(share))
                painter.drawRoundedRect(rect, 4, 4)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(TEXT), 2))
        for weekday, hour in self.best:
            painter.drawRoundedRect(self._cell(weekday, hour).adjusted(1, 1, -1, -1), 4, 4)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            slot = self.cell_at(event.pos())
            if slot is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.cell_text(*slot), self)
            return True
        return super().event(event)
