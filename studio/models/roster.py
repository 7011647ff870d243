"""The roster as a table: one row per account the user sees, with the figures an MCN plans a
week by, loaded in one call (`GET /roster`) off the UI thread.

Columns are declared as data (`COLUMNS`): each says its header, how a row reads and how it
sorts, so the data center's figures (views, likes … over the last 7 days) join as more
entries without touching the model. The rows also tell the account switcher which
organization each account comes through (`loaded`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from publisher.roster_schemas import RosterRow
from studio.collab.invite_dialog import followers_text
from studio.quiet_read import quiet_read
from studio.timezones import zone

if TYPE_CHECKING:
    from studio.context import AppContext

Index = QModelIndex | QPersistentModelIndex
MUTED = "#B8BAC0"
BRAND_WAITING = "#2F6BDE"
ATTENTION = "#FF2442"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterTableModel", text)


def next_note_text(row: RosterRow) -> str:
    """`03-12 09:00 · title` in the account's time zone; "" when nothing is scheduled."""
    note = row.next_scheduled
    if note is None:
        return ""
    at = note.at.astimezone(zone(row.timezone)).strftime("%m-%d %H:%M")
    title = note.title or QCoreApplication.translate("RosterTableModel", "(untitled)")
    return f"{at} · {title}"


def _next_note_time(row: RosterRow) -> float:
    return row.next_scheduled.at.timestamp() if row.next_scheduled else math.inf


@dataclass(frozen=True)
class RosterColumn:
    """One column: `header` and `tip` are translated in the model's context; `value` is the
    row's figure (what sorts), `text` how it reads (default: the figure as is)."""

    key: str
    header: str
    tip: str
    value: Callable[[RosterRow], object]
    text: Callable[[RosterRow], str] | None = None
    count: bool = False
    """A count: right-aligned, and a zero is greyed."""
    attention: str = ""
    """The colour of a non-zero count that someone has to act on."""
    width: int = 84
    """Pixels in the table: room for the header in English and Chinese."""

    def shown(self, row: RosterRow) -> str:
        return self.text(row) if self.text else str(self.value(row))


COLUMNS = (
    RosterColumn(
        "account",
        QT_TRANSLATE_NOOP("RosterTableModel", "Account"),
        QT_TRANSLATE_NOOP("RosterTableModel", "Double-click to see its notes"),
        lambda row: row.nickname,
        width=150,
    ),
    RosterColumn(
        "organization",
        QT_TRANSLATE_NOOP("RosterTableModel", "Through"),
        QT_TRANSLATE_NOOP("RosterTableModel", "The organization you see the account through"),
        lambda row: row.organization_name,
        width=104,
    ),
    RosterColumn(
        "field",
        QT_TRANSLATE_NOOP("RosterTableModel", "Field"),
        "",
        lambda row: row.category,
        width=60,
    ),
    RosterColumn(
        "region",
        QT_TRANSLATE_NOOP("RosterTableModel", "Region"),
        "",
        lambda row: row.region,
        width=60,
    ),
    RosterColumn(
        "followers",
        QT_TRANSLATE_NOOP("RosterTableModel", "Followers"),
        "",
        lambda row: row.followers,
        lambda row: followers_text(row.followers),
        count=True,
        width=84,
    ),
    RosterColumn(
        "week",
        QT_TRANSLATE_NOOP("RosterTableModel", "This week"),
        QT_TRANSLATE_NOOP(
            "RosterTableModel", "Notes published since Monday, in the account's time zone"
        ),
        lambda row: row.posts_this_week,
        count=True,
        width=84,
    ),
    RosterColumn(
        "next",
        QT_TRANSLATE_NOOP("RosterTableModel", "Next scheduled"),
        QT_TRANSLATE_NOOP(
            "RosterTableModel", "The next note due to go out, in the account's time zone"
        ),
        _next_note_time,
        next_note_text,
        width=190,
    ),
    RosterColumn(
        "drafts",
        QT_TRANSLATE_NOOP("RosterTableModel", "Drafts"),
        "",
        lambda row: row.drafts,
        count=True,
        width=66,
    ),
    RosterColumn(
        "brand_review",
        QT_TRANSLATE_NOOP("RosterTableModel", "With brand"),
        QT_TRANSLATE_NOOP(
            "RosterTableModel", "Drafts submitted to a brand, waiting for its review"
        ),
        lambda row: row.awaiting_brand,
        count=True,
        attention=BRAND_WAITING,
        width=94,
    ),
    RosterColumn(
        "your_move",
        QT_TRANSLATE_NOOP("RosterTableModel", "To answer"),
        QT_TRANSLATE_NOOP(
            "RosterTableModel",
            "Changes a brand asked for, and brand invitations waiting for an answer",
        ),
        lambda row: row.awaiting_creator,
        count=True,
        attention=ATTENTION,
        width=88,
    ),
    RosterColumn(
        "published_7d",
        QT_TRANSLATE_NOOP("RosterTableModel", "7-day posts"),
        QT_TRANSLATE_NOOP("RosterTableModel", "Notes published in the last 7 days"),
        lambda row: row.last_7_days.published,
        count=True,
        width=80,
    ),
    RosterColumn(
        "views_7d",
        QT_TRANSLATE_NOOP("RosterTableModel", "7-day views"),
        QT_TRANSLATE_NOOP(
            "RosterTableModel", "Views of the account's notes over its last 7 days, today included"
        ),
        lambda row: row.last_7_days.views,
        count=True,
        width=80,
    ),
)
COLUMN = {column.key: index for index, column in enumerate(COLUMNS)}


def totals(rows: list[RosterRow]) -> dict[str, int]:
    """The roster's sums, for its summary line."""
    return {
        "accounts": len(rows),
        "posts": sum(row.posts_this_week for row in rows),
        "drafts": sum(row.drafts for row in rows),
        "brand": sum(row.awaiting_brand for row in rows),
        "answer": sum(row.awaiting_creator for row in rows),
    }


class RosterTableModel(QAbstractTableModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    SearchRole = Qt.ItemDataRole.UserRole + 3

    loaded = Signal(list)
    """The rows (`RosterRow`), after each load."""
    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[RosterRow] = []
        self._generation = 0
        self.is_loaded = False

    def reload(self) -> None:
        """Fetch the roster again; an answer overtaken by a newer reload is dropped."""
        self._generation += 1
        generation = self._generation
        quiet_read(
            self._ctx,
            self,
            lambda client: client.roster(),
            lambda rows: self._on_loaded(generation, rows),
            lambda error: self._on_failed(generation, error),
        )

    def rows(self) -> list[RosterRow]:
        return list(self._rows)

    def _on_loaded(self, generation: int, rows: list[RosterRow]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.is_loaded = True
        self.loaded.emit(self.rows())

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.load_failed.emit(error)

    # -- table -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(column.header)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip:
            return _tr(column.tip)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.shown(row)
        if role == self.IdRole:
            return str(row.account_id)
        if role == self.SortRole:
            return column.value(row)
        if role == self.SearchRole:
            return " ".join((row.nickname, row.organization_name, row.category, row.region))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole and column.count:
            return _count_colour(column, column.value(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _tooltip(self, row: RosterRow, column: RosterColumn) -> str | None:
        if column.key == "organization" and row.managed:
            text = QCoreApplication.translate(
                "RosterTableModel", "Managed for its creator by {organization}"
            )
            return text.format(organization=row.organization_name)
        if column.key == "next" and row.next_scheduled is not None:
            return next_note_text(row)
        if column.key == "account":
            return _tr(column.tip)
        return None


def _alignment(column: RosterColumn) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column.count else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def _count_colour(column: RosterColumn, value: object) -> QColor | None:
    if value == 0:
        return QColor(MUTED)
    if column.attention:
        return QColor(column.attention)
    return None
