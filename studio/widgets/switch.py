"""An on/off switch for a setting that takes effect at once, drawn for the dark photo editor.

With a text the label is part of the switch (it toggles too); without one the switch stands
beside a heading and its accessible name says what it switches.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QWidget

from studio.editor.panels.panel_style import PANEL_MUTED
from studio.style import ACCENT

OFF = "#4A4C53"
"""The track when off: light enough to read on the editor's dark panels."""


class Switch(QAbstractButton):
    """Checkable; `toggled`/`clicked` say the new state."""

    TRACK = QSize(34, 18)
    TEXT_GAP = 10

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        track = self.TRACK + QSize(2, 2)  # room for the focus halo
        if not self.text():
            return track
        text = self.fontMetrics().horizontalAdvance(self.text())
        return QSize(track.width() + self.TEXT_GAP + text, max(self.TRACK.height(), 20) + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(
            1, (self.height() - self.TRACK.height()) / 2, self.TRACK.width(), self.TRACK.height()
        )
        on, enabled = self.isChecked(), self.isEnabled()
        colour = QColor(ACCENT if on else OFF)
        if not enabled:
            colour.setAlphaF(0.4)
        # Focus as a faint halo: an accent ring would read as "on".
        focus = QPen(QColor(255, 255, 255, 90), 1.5)
        painter.setPen(focus if self.hasFocus() else Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(track, track.height() / 2, track.height() / 2)
        knob = track.height() - 4
        x = track.right() - knob - 2 if on else track.left() + 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white" if enabled else PANEL_MUTED))
        painter.drawEllipse(QRectF(x, track.top() + 2, knob, knob))
        if self.text():
            painter.setPen(self.palette().windowText().color() if enabled else QColor(PANEL_MUTED))
            text_rect = self.rect().adjusted(self.TRACK.width() + self.TEXT_GAP, 0, 0, 0)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, self.text())
        painter.end()
