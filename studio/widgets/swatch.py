"""A round colour chip, the one button behind the editor's colour rows and the brand kit's
colours, on light pages and in the dark editor.

The accent ring marks the chip a click acts on: the chosen one among checkable chips (where
the pointer makes the colour a little larger instead), the one under the pointer on chips that
open a picker, and the focused one. A thin rim keeps white or near-background colours visible.
Without a colour the chip is the "any colour" picker, drawn as a colour wheel with a plus.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QConicalGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QWidget

from studio.style import ACCENT

RING_WIDTH = 2
RING_GAP = 3
"""From the ring's middle to a ringed colour's edge at the most."""


def recipe_qcolor(value: str) -> QColor:
    """``#RRGGBB[AA]`` (the recipe's order) as a QColor (which reads ``#AARRGGBB``)."""
    color = QColor(value[:7])
    if len(value) == 9:
        color.setAlpha(int(value[7:9], 16))
    return color


class Swatch(QAbstractButton):
    """`color` is a ``#RRGGBB[AA]`` colour or None for the colour wheel."""

    def __init__(
        self,
        color: str | None,
        *,
        side: int,
        ring: float | None = None,
        dot: float | None = None,
        rim: str = "#46FFFFFF",
        clickable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """`side` is the widget's; `ring` the accent ring's diameter (default: along the
        widget's edge); `dot` the colour's (default: filling the ring); `rim` a QColor name
        (``#AARRGGBB`` with alpha; the default, a faint white, lets black read on the dark
        editor). A chip that is not `clickable` only shows a colour."""
        super().__init__(parent)
        self._color = color
        self._ring = side - 1.5 * RING_WIDTH if ring is None else ring
        self._dot = self._ring - RING_WIDTH if dot is None else dot
        self._rim = QColor(rim)
        self.setFixedSize(side, side)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # repaint for the pointer
        else:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    @property
    def color(self) -> str | None:
        return self._color

    def set_color(self, color: str) -> None:
        self._color = color
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.size()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QRectF(self.rect()).center()
        radius = self._dot / 2
        pointed = self.isEnabled() and self.underMouse()
        focused = self.isEnabled() and self.hasFocus()
        if self.isChecked() or focused or (pointed and not self.isCheckable()):
            painter.setPen(QPen(QColor(ACCENT), RING_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, self._ring / 2, self._ring / 2)
            radius = min(radius, self._ring / 2 - RING_GAP)
        elif pointed:
            radius += 1
        if self._color is None:
            wheel = QConicalGradient(centre, 90)
            for stop, hue in enumerate((0, 60, 120, 180, 240, 300, 0)):
                wheel.setColorAt(stop / 6, QColor.fromHsv(hue, 200, 255))
            painter.setBrush(wheel)
        else:
            painter.setBrush(recipe_qcolor(self._color))
        painter.setPen(QPen(self._rim, 1))
        painter.drawEllipse(centre, radius, radius)
        if self._color is None:
            painter.setPen(QPen(QColor("white"), 2))
            arm = radius / 2
            painter.drawLine(
                QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y())
            )
            painter.drawLine(
                QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm)
            )
        painter.end()
