"""What the video panels share: times written as a creator reads them, the panels' headings
and hints, big choice tiles with a drawn icon, and the dark style's few additions.

The tiles are for choices that change what the video looks like (its shape, how the picture
fills it, whether a clip keeps its sound): a picture of each option reads faster than a word.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from editor.video.edit import OUTPUT_FPS, VideoEdit
from studio.editor.panels.glyphs import letter_badge
from studio.editor.panels.panel_style import PANEL_LINE, PANEL_MUTED, PANEL_RAISED, PANEL_TEXT
from studio.style import ACCENT, ACCENT_HOVER

VIDEO_PANEL_STYLESHEET = f"""
#EditorPanel #PrimaryButton {{
    background: {ACCENT}; border: none; color: white; border-radius: 18px;
    padding: 8px 14px; font-size: 14px; font-weight: 600;
}}
#EditorPanel #PrimaryButton:hover {{ background: {ACCENT_HOVER}; }}
#EditorPanel #PrimaryButton:disabled {{ background: #5D2A33; color: #B8BAC2; }}
#EditorPanel #BigButton {{
    border-radius: 18px; padding: 8px 14px; font-size: 14px; font-weight: 600;
}}
#EditorPanel #DangerButton:hover {{ color: #FF6B7F; border-color: #FF6B7F; }}
#EditorPanel #PanelCard {{
    background: {PANEL_RAISED}; border: 1px solid {PANEL_LINE}; border-radius: 12px;
}}
#EditorPanel #PanelCard QLabel {{ background: transparent; }}
#EditorPanel #Subtle {{ color: {PANEL_MUTED}; }}
#EditorPanel #Strong {{ font-size: 14px; font-weight: 600; }}
#EditorPanel QProgressBar {{
    background: {PANEL_RAISED}; border: none; border-radius: 2px; max-height: 4px;
}}
#EditorPanel QProgressBar::chunk {{ background: {ACCENT}; border-radius: 2px; }}
"""

Draw = Callable[[QPainter, QRectF], None]
"""Draws a tile's icon into a box with the painter's pen already set."""


def clock(seconds: float, *, tenths: bool = True) -> str:
    """A time as editors write it, to the tenth (``0:04.2``, ``1:02:03.0``) or, for a length,
    to the second (``2:31``)."""
    count = max(0, round(seconds * 10)) if tenths else max(0, round(seconds)) * 10
    minutes, tenth_seconds = divmod(count, 600)
    hours, minutes = divmod(minutes, 60)
    second = f"{tenth_seconds // 10:02d}" + (f".{tenth_seconds % 10}" if tenths else "")
    return f"{hours}:{minutes:02d}:{second}" if hours else f"{minutes}:{second}"


def output_length(edit: VideoEdit, durations: Mapping[str, float]) -> float | None:
    """The edit's length on the output timeline, or None while a source's length is unknown."""
    if any(clip.source not in durations for clip in edit.clips):
        return None
    return edit.duration(durations)


def heading(text: str, parent: QWidget) -> QLabel:
    """A group's small muted title."""
    label = QLabel(text, parent)
    label.setObjectName("GroupTitle")
    return label


def hint(text: str, parent: QWidget) -> QLabel:
    """A wrapped muted sentence saying what a control does."""
    label = QLabel(text, parent)
    label.setObjectName("PanelHint")
    label.setWordWrap(True)
    return label


def title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("PanelTitle")
    return label


class ChoiceTile(QAbstractButton):
    """A checkable tile: an icon drawn in code, a name and a short line under it. The checked
    one wears the accent ring; keyboard focus shows as a faint halo."""

    def __init__(
        self,
        name: str,
        note: str,
        draw: Draw,
        *,
        icon_height: int = 34,
        note_lines: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setText(name)
        self._note = note
        self._draw = draw
        self._icon_height = icon_height
        self._note_lines = note_lines
        self._keyboard_focus = False
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name)
        self.setAccessibleDescription(note)

    def sizeHint(self) -> QSize:  # noqa: N802
        lines = self._note_lines if self._note else 0
        return QSize(76, 12 + self._icon_height + 8 + 18 + lines * 14 + 10)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        # Only a keyboard arrival shows the halo: after a click the accent ring says enough.
        self._keyboard_focus = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        )
        super().focusInEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(60, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        on, enabled = self.isChecked(), self.isEnabled()
        if not enabled:
            painter.setOpacity(0.4)
        tile = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        if on:
            edge, width = QColor(ACCENT), 2.0
        elif self.underMouse() and enabled:
            edge, width = QColor("#5A5D65"), 1.0
        else:
            edge, width = QColor(PANEL_LINE), 1.0
        painter.setPen(QPen(edge, width))
        painter.setBrush(QColor("#2C2326" if on else PANEL_RAISED))
        painter.drawRoundedRect(tile, 10, 10)
        if self.hasFocus() and self._keyboard_focus:
            painter.setPen(QPen(QColor(255, 255, 255, 90), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tile.adjusted(3, 3, -3, -3), 8, 8)

        icon = QRectF(tile.left() + 6, tile.top() + 12, tile.width() - 12, self._icon_height)
        pen = QPen(QColor(ACCENT if on else PANEL_TEXT), 1.6)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self._draw(painter, icon)

        font = QFont(self.font())
        font.setPixelSize(13)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white" if on else PANEL_TEXT))
        name_box = QRectF(tile.left() + 4, icon.bottom() + 8, tile.width() - 8, 18)
        painter.drawText(name_box, Qt.AlignmentFlag.AlignCenter, self.text())
        if self._note:
            font.setPixelSize(11)
            font.setBold(False)
            painter.setFont(font)
            painter.setPen(QColor(PANEL_MUTED))
            note_box = QRectF(
                tile.left() + 4, name_box.bottom() + 1, tile.width() - 8, self._note_lines * 14 + 2
            )
            painter.drawText(
                note_box,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self._note,
            )
        painter.end()


def fitted(box: QRectF, width: float, height: float) -> QRectF:
    """The largest `width`:`height` rectangle centred in `box`."""
    scale = min(box.width() / width, box.height() / height)
    w, h = width * scale, height * scale
    return QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)


def draw_aspect(width: int, height: int) -> Draw:
    """A frame of the shape, lightly filled so it reads as a screen."""

    def draw(painter: QPainter, box: QRectF) -> None:
        frame = fitted(box, width, height)
        fill = QColor(painter.pen().color())
        fill.setAlphaF(0.18)
        painter.setBrush(fill)
        painter.drawRoundedRect(frame, 3, 3)

    return draw


def draw_as_shot(painter: QPainter, box: QRectF) -> None:
    """A strip of film: the picture as the camera made it."""
    frame = fitted(box, 16, 12)
    painter.drawRoundedRect(frame, 3, 3)
    color = painter.pen().color()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    step = frame.width() / 5
    for column in range(5):
        x = frame.left() + step * (column + 0.5) - 1.5
        for y in (frame.top() + 2.5, frame.bottom() - 5.5):
            painter.drawRoundedRect(QRectF(x, y, 3, 3), 0.8, 0.8)


def draw_crop(painter: QPainter, box: QRectF) -> None:
    """A wide picture with a tall window cut out of it: what is kept is what the window shows."""
    pen = painter.pen()
    picture = fitted(box, 16, 10)
    dim = QColor(pen.color())
    dim.setAlphaF(0.35)
    painter.setPen(QPen(dim, 1.2, Qt.PenStyle.DashLine))
    painter.drawRoundedRect(picture, 2, 2)
    window = fitted(picture, 9, 16)
    fill = QColor(pen.color())
    fill.setAlphaF(0.22)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawRoundedRect(window, 2, 2)


def draw_fit(painter: QPainter, box: QRectF) -> None:
    """A tall frame holding the whole wide picture, a blurred copy filling above and below."""
    pen = painter.pen()
    frame = fitted(box, 9, 16)
    haze = QColor(pen.color())
    haze.setAlphaF(0.12)
    painter.setBrush(haze)
    painter.drawRoundedRect(frame, 2, 2)
    picture = fitted(frame.adjusted(1.5, 0, -1.5, 0), 16, 10)
    fill = QColor(pen.color())
    fill.setAlphaF(0.45)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRect(picture)


def _speaker(painter: QPainter, box: QRectF) -> QRectF:
    """A speaker on the left of a square in `box`; returns the square."""
    side = min(box.width(), box.height())
    square = QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
    unit = side / 18
    left, middle = square.left(), square.center().y()
    body = QPolygonF(
        [
            QPointF(left + 2 * unit, middle - 3 * unit),
            QPointF(left + 5 * unit, middle - 3 * unit),
            QPointF(left + 9 * unit, middle - 7 * unit),
            QPointF(left + 9 * unit, middle + 7 * unit),
            QPointF(left + 5 * unit, middle + 3 * unit),
            QPointF(left + 2 * unit, middle + 3 * unit),
        ]
    )
    painter.drawPolygon(body)
    return square


def draw_sound(painter: QPainter, box: QRectF) -> None:
    """A speaker with two sound waves."""
    square = _speaker(painter, box)
    unit = square.width() / 18
    for radius in (4.0, 7.0):
        arc = QRectF(
            square.left() + 9 * unit - radius * unit,
            square.center().y() - radius * unit,
            2 * radius * unit,
            2 * radius * unit,
        )
        painter.drawArc(arc, -50 * 16, 100 * 16)


def draw_mute(painter: QPainter, box: QRectF) -> None:
    """A speaker crossed out."""
    square = _speaker(painter, box)
    unit = square.width() / 18
    centre = QPointF(square.left() + 14 * unit, square.center().y())
    reach = 3 * unit
    painter.drawLine(centre + QPointF(-reach, -reach), centre + QPointF(reach, reach))
    painter.drawLine(centre + QPointF(-reach, reach), centre + QPointF(reach, -reach))


def restyle(widget: QWidget, name: str, value: str) -> None:
    """Set a style property and re-polish, so a selector on it applies at once."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def same_frame(a: float, b: float) -> bool:
    """Two times on the output timeline within half a frame of each other."""
    return math.isclose(a, b, abs_tol=0.5 / OUTPUT_FPS)


def caption_badge(size: int = 36) -> QPixmap:
    """A subtitle's mark in an overlay list: "CC" on a rounded tile, as players show it."""
    return letter_badge("CC", size, PANEL_LINE, 0.36)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when its text is wider than the room it has, such as
    a file's name; the full text is its tooltip."""

    def setText(self, text: str) -> None:  # noqa: N802
        self.setToolTip(text)
        super().setText(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )
        painter.drawText(self.contentsRect(), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
