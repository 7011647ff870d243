"""The notes table's cells for brand collaborations: a "Collab" pill before the title of a
collaboration's note, and under the status of a published one in its protection period the
date that period ends.

What a cell says comes from the note the model holds (`NoteRole`); everything else is drawn
as the table draws any cell.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from publisher.schemas import NotePublic
from studio.collab.wording import shown_date
from studio.style import ACCENT, ACCENT_SOFT, TEXT_MUTED

_PILL_HEIGHT = 20


def protected(note: NotePublic, now: datetime | None = None) -> bool:
    """Inside its protection period: it may not be deleted or archived."""
    until = note.protected_until
    if until is None:
        return False
    until = until if until.tzinfo else until.replace(tzinfo=UTC)
    return (now or datetime.now(UTC)) < until


def protected_text(note: NotePublic) -> str:
    return QCoreApplication.translate("CollabNoteDelegate", "Protected until {date}").format(
        date=shown_date(note.protected_until)
    )


class CollabNoteDelegate(QStyledItemDelegate):
    """For the title column (`kind="title"`) or the status column (`kind="status"`)."""

    def __init__(self, role: int, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = role
        self._kind = kind

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        note = index.data(self._role)
        if not isinstance(note, NotePublic) or not self._decorated(note):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if isinstance(foreground, QColor) and not selected:
            ink = foreground
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = opt.rect.adjusted(6, 0, -6, 0)
        if self._kind == "title":
            self._paint_title(painter, area, text, ink)
        else:
            self._paint_status(painter, area, text, ink, note, selected)
        painter.restore()

    def _decorated(self, note: NotePublic) -> bool:
        if self._kind == "title":
            return note.collaboration_id is not None or note.collaboration
        return protected(note)

    def _paint_title(self, painter: QPainter, area: QRect, text: str, ink: QColor) -> None:
        label = QCoreApplication.translate("CollabNoteDelegate", "Collab")
        font = painter.font()
        small = QFont(font)
        small.setPixelSize(11)
        small.setBold(True)
        painter.setFont(small)
        metrics = painter.fontMetrics()
        pill = QRect(
            area.left(),
            area.center().y() - _PILL_HEIGHT // 2,
            metrics.horizontalAdvance(label) + 14,
            _PILL_HEIGHT,
        )
        path = QPainterPath()
        path.addRoundedRect(pill, _PILL_HEIGHT / 2, _PILL_HEIGHT / 2)
        painter.fillPath(path, QColor(ACCENT_SOFT))
        painter.setPen(QColor(ACCENT))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        rest = area.adjusted(pill.width() + 8, 0, 0, 0)
        painter.setPen(ink)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rest.width())
        painter.drawText(rest, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)

    def _paint_status(
        self,
        painter: QPainter,
        area: QRect,
        text: str,
        ink: QColor,
        note: NotePublic,
        selected: bool,
    ) -> None:
        half = area.height() // 2
        painter.setPen(ink)
        painter.drawText(
            area.adjusted(0, 0, 0, -half),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            text,
        )
        font = painter.font()
        font.setPixelSize(11)
        painter.setFont(font)
        painter.setPen(ink if selected else QColor(TEXT_MUTED))
        until = painter.fontMetrics().elidedText(
            protected_text(note), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(
            area.adjusted(0, half + 2, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            until,
        )
