"""The calendar's grid: day cells holding note chips; chips drag, cells take drops.

Widgets only show entries and emit intent (`note_clicked`, `note_dropped`); what a drop means
is decided by `studio.models.calendar.CalendarModel`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QMimeData, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDropEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.collab.wording import shown_date
from studio.models.calendar import CalendarEntry
from studio.style import ACCENT, ACCENT_SOFT, BORDER, SURFACE, TEXT, TEXT_MUTED

NOTE_MIME = "application/x-zhongcao-note"
_MAX_CHIPS = {"week": 12, "month": 3}
_STATUS_GLYPH = {"scheduled": "", "published": "✓ ", "held": "⏸ "}
AWAITING_POST_GLYPH = "📦 "

GRID_STYLE = f"""
#CalendarCell {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; }}
#CalendarCell[outside="true"] {{ background: #FAFAFB; }}
#CalendarCell[today="true"] {{ border: 2px solid {ACCENT}; }}
#CalendarCell[drop="true"] {{ background: #FFF0F2; border: 2px dashed {ACCENT}; }}
#CalendarDayNumber {{ font-size: 13px; font-weight: 600; color: {TEXT}; }}
#CalendarDayNumber[outside="true"] {{ color: #C0C2C8; }}
#CalendarDayNumber[today="true"] {{
    color: white; background: {ACCENT}; border-radius: 11px;
}}
#CalendarWeekday {{ color: {TEXT_MUTED}; font-size: 12px; font-weight: 600; padding: 2px 6px; }}
#CalendarMore {{ color: {TEXT_MUTED}; font-size: 11px; padding-left: 4px; }}
"""
CHIP_STYLE = f"""
#CalendarChip {{ border-radius: 6px; }}
#CalendarChipTime {{ font-size: 11px; font-weight: 600; }}
#CalendarChipTitle {{ font-size: 12px; color: {TEXT}; }}
#CalendarChipCollab {{
    font-size: 10px; font-weight: 700; color: {ACCENT}; background: {ACCENT_SOFT};
    border-radius: 6px; padding: 0 4px;
}}
"""


class InteractionGate(QObject):
    """Counts the modal loops a chip runs (its context menu, its drag). The calendar must not
    rebuild its chips while one runs: the chip whose handler is on the stack would be deleted
    under it. A refresh asked for meanwhile waits for `idle`."""

    idle = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0

    @property
    def busy(self) -> bool:
        return self.depth > 0

    @contextmanager
    def holding(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth:
                self.idle.emit()


GATE = InteractionGate()


def _tint(colour: str, status: str) -> str:
    """The chip's background: the account colour, faint; fainter once published."""
    rgb = QColor(colour)
    alpha = 0.10 if status == "published" else 0.18
    return f"rgba({rgb.red()}, {rgb.green()}, {rgb.blue()}, {alpha})"


class CalendarChip(QFrame):
    """One note: a coloured bar, its time and title. Click opens; drag (scheduled only) moves;
    the context menu also offers a published note's publish package and public page."""

    clicked = Signal(str)
    package_requested = Signal(str)
    public_page_requested = Signal(str)

    def __init__(self, entry: CalendarEntry, *, compact: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("CalendarChip")
        self.setProperty("status", entry.status)
        self._press: QPoint | None = None
        self.setStyleSheet(
            f"#CalendarChip {{ background: {_tint(entry.colour, entry.status)}; "
            f"border-left: 3px solid {entry.colour}; }}"
        )
        self.setCursor(
            Qt.CursorShape.OpenHandCursor if entry.movable else Qt.CursorShape.PointingHandCursor
        )
        glyph = AWAITING_POST_GLYPH if entry.awaiting_post else _STATUS_GLYPH.get(entry.status, "")
        clock = glyph + entry.at.strftime("%H:%M")
        if not compact and entry.account_name:
            clock += f" · {entry.account_name}"
        time_label = QLabel(clock, self)
        time_label.setMinimumWidth(10)
        time_label.setObjectName("CalendarChipTime")
        time_label.setStyleSheet(f"color: {entry.colour};")
        title = entry.title or self.tr("(untitled)")
        title_label = QLabel(title, self)
        title_label.setObjectName("CalendarChipTitle")
        title_label.setMinimumWidth(10)
        tip = f"{entry.account_name} · {entry.at:%Y-%m-%d %H:%M} · {title}"
        if entry.awaiting_post:
            tip += "\n" + self.tr("Published: post it by hand from its publish package.")
        if entry.collaboration:
            tip += "\n" + self.tr("Brand collaboration")
        if entry.protected_until is not None:
            tip += "\n" + self.tr("Protected until {date}").format(
                date=shown_date(entry.protected_until)
            )
        self.setToolTip(tip)
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if compact else QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(4 if compact else 0)
        if entry.collaboration:
            collab = QLabel(self.tr("Collab"), self)
            collab.setObjectName("CalendarChipCollab")
            clock_row = QHBoxLayout()
            clock_row.setSpacing(4)
            clock_row.addWidget(time_label, 1)
            clock_row.addWidget(collab)
            layout.addLayout(clock_row)
        else:
            layout.addWidget(time_label)
        layout.addWidget(title_label, 1)
        if entry.status == "published":
            title_label.setStyleSheet(f"color: {TEXT_MUTED};")

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.context_menu()
        with GATE.holding():
            menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        note_id = str(self.entry.note_id)
        menu = QMenu(self)
        menu.addAction(self.tr("Open note"), lambda: self.clicked.emit(note_id))
        if self.entry.status == "published":
            menu.addAction(
                self.tr("Publish package…"), lambda: self.package_requested.emit(note_id)
            )
            menu.addAction(
                self.tr("Public page…"), lambda: self.public_page_requested.emit(note_id)
            )
        return menu

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or not self.entry.movable:
            return
        moved = (event.position().toPoint() - self._press).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._press = None
        mime = QMimeData()
        mime.setData(NOTE_MIME, str(self.entry.note_id).encode("ascii"))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.grab())
        with GATE.holding():
            drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            self._press = None
            self.clicked.emit(str(self.entry.note_id))
        super().mouseReleaseEvent(event)


def dropped_note(mime: QMimeData) -> uuid.UUID | None:
    """The note a drag carries, or None for anything else dropped on the calendar."""
    if not mime.hasFormat(NOTE_MIME):
        return None
    try:
        return uuid.UUID(bytes(mime.data(NOTE_MIME).data()).decode("ascii"))
    except ValueError:
        return None


class CalendarDayCell(QFrame):
    """A day: its number, its chips (the first few, then "+N more"); accepts note drops."""

    note_dropped = Signal(str, object)
    note_clicked = Signal(str)
    package_requested = Signal(str)
    public_page_requested = Signal(str)

    def __init__(
        self,
        day: date,
        entries: Sequence[CalendarEntry],
        *,
        mode: str,
        outside: bool,
        today: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.day = day
        self.setObjectName("CalendarCell")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setProperty("outside", outside)
        self.setProperty("today", today)
        self.setAcceptDrops(True)
        self.chips: list[CalendarChip] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(3)
        number = QLabel(str(day.day), self)
        number.setObjectName("CalendarDayNumber")
        number.setProperty("outside", outside)
        number.setProperty("today", today)
        if today:
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setFixedSize(30, 22)
        header = QHBoxLayout()
        header.addWidget(number)
        header.addStretch(1)
        layout.addLayout(header)
        shown = _MAX_CHIPS[mode]
        for entry in entries[:shown]:
            chip = CalendarChip(entry, compact=mode == "month", parent=self)
            chip.clicked.connect(self.note_clicked)
            chip.package_requested.connect(self.package_requested)
            chip.public_page_requested.connect(self.public_page_requested)
            self.chips.append(chip)
            layout.addWidget(chip)
        if len(entries) > shown:
            hidden = len(entries) - shown
            more = QLabel(self.tr("+{count} more").format(count=hidden), self)
            more.setObjectName("CalendarMore")
            layout.addWidget(more)
        layout.addStretch(1)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_note(event.mimeData()) is not None:
            event.acceptProposedAction()
            self._mark_drop(True)

    def dragLeaveEvent(self, event: object) -> None:  # noqa: N802
        self._mark_drop(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._mark_drop(False)
        note_id = dropped_note(event.mimeData())
        if note_id is None:
            return
        event.acceptProposedAction()
        self.note_dropped.emit(str(note_id), self.day)

    def _mark_drop(self, on: bool) -> None:
        self.setProperty("drop", on)
        self.style().unpolish(self)
        self.style().polish(self)


class CalendarGrid(QWidget):
    """Weekday headings over a grid of day cells; rebuilt whenever the view changes."""

    note_clicked = Signal(str)
    note_dropped = Signal(str, object)
    package_requested = Signal(str)
    public_page_requested = Signal(str)

    def __init__(self, weekdays: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(GRID_STYLE + CHIP_STYLE)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        for column, name in enumerate(weekdays):
            heading = QLabel(name, self)
            heading.setObjectName("CalendarWeekday")
            self._layout.addWidget(heading, 0, column)
            self._layout.setColumnStretch(column, 1)
        self.cells: dict[date, CalendarDayCell] = {}

    def show_days(
        self,
        days: Sequence[date],
        entries: dict[date, list[CalendarEntry]],
        *,
        mode: str,
        month: int,
        today: date,
    ) -> None:
        for cell in self.cells.values():
            self._layout.removeWidget(cell)
            cell.hide()
            cell.deleteLater()
        self.cells = {}
        for row in range(1, self._layout.rowCount()):
            self._layout.setRowStretch(row, 0)
        for index, day in enumerate(days):
            cell = CalendarDayCell(
                day,
                entries.get(day, []),
                mode=mode,
                outside=mode == "month" and day.month != month,
                today=day == today,
                parent=self,
            )
            cell.note_clicked.connect(self.note_clicked)
            cell.note_dropped.connect(self.note_dropped)
            cell.package_requested.connect(self.package_requested)
            cell.public_page_requested.connect(self.public_page_requested)
            row, column = divmod(index, 7)
            self._layout.addWidget(cell, row + 1, column)
            self._layout.setRowStretch(row + 1, 1)
            self.cells[day] = cell
