"""Notes (笔记): the three notes most viewed in the period as cards, then every published note
with its figures — sorted by the server by any figure, loaded as the table scrolls, searched by
title, exported as CSV. A double-click asks for the note in the composer (`open_requested`);
a row's context menu also offers its public page (`public_page_requested`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from publisher.stats_schemas import NoteStatsRow
from studio.analytics.delegates import FigureHeader, SparkDelegate, TwoLineDelegate, paint_spark
from studio.analytics.metric_labels import label, value_text
from studio.analytics.note_stats import COMMERCE_COLUMNS, TOP_NOTES, NoteStatsModel
from studio.analytics.stats_table import fit_columns
from studio.collab.wording import shown_date
from studio.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from studio.context import AppContext

SEARCH_DEBOUNCE_MS = 300
IN_TITLE = ("account", "published")
"""Columns shown under the title (kept apart in the model for spreadsheets)."""
COVER = QSize(54, 72)


class Sparkline(QWidget):
    """A row's days as a small line, for a card."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[int] = []
        self.setMinimumSize(96, 30)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        paint_spark(painter, QRectF(self.rect()).adjusted(2, 4, -4, -4), self.values)


class TopNoteCard(QFrame):
    """One of the period's most viewed notes; a click opens it."""

    clicked = Signal(str)

    def __init__(self, rank: int, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopNote")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._ctx = ctx
        self.note: NoteStatsRow | None = None
        self.rank = QLabel(str(rank), self)
        self.rank.setObjectName("TopRank")
        self.rank.setProperty("rank", str(rank))
        self.rank.setFixedSize(22, 22)
        self.rank.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover = QLabel(self)
        self.cover.setObjectName("TopCover")
        self.cover.setFixedSize(COVER)
        self.title = QLabel(self)
        self.title.setObjectName("TopTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.meta = QLabel(self)
        self.meta.setObjectName("TopMeta")
        self.views = QLabel(self)
        self.views.setObjectName("TopValue")
        self.views_name = QLabel(label("views"), self)
        self.views_name.setObjectName("TopMeta")
        self.rates = QLabel(self)
        self.rates.setObjectName("TopMeta")
        self.spark = Sparkline(self)
        self.spark.setFixedSize(104, 36)
        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        title_row.addWidget(self.rank)
        title_row.addWidget(self.title, 1)
        views_row = QHBoxLayout()
        views_row.setSpacing(6)
        views_row.addWidget(self.views, 0, Qt.AlignmentFlag.AlignBaseline)
        views_row.addWidget(self.views_name, 0, Qt.AlignmentFlag.AlignBaseline)
        views_row.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 12, 14, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.cover, 0, 0, 4, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(title_row, 0, 1, 1, 2)
        grid.addWidget(self.meta, 1, 1, 1, 2)
        grid.addLayout(views_row, 2, 1)
        grid.addWidget(self.rates, 3, 1)
        grid.addWidget(self.spark, 2, 2, 2, 1, Qt.AlignmentFlag.AlignBottom)
        grid.setColumnStretch(1, 1)
        ctx.thumbnails.ready.connect(self._on_thumbnail)

    def show_note(self, note: NoteStatsRow | None) -> None:
        self.note = note
        self.setVisible(note is not None)
        if note is None:
            return
        self.title.setToolTip(note.title or self.tr("Untitled"))
        self._elide_title()
        self.meta.setText(f"{note.account_nickname} · {shown_date(note.published_at)}")
        self.views.setText(value_text("views", note.figures.get("views")))
        rate = value_text("engagement_rate", note.figures.get("engagement_rate"))
        self.rates.setText(f"{label('engagement_rate')} {rate}")
        self.spark.values = list(note.spark)
        self.spark.update()
        self._show_cover()

    def _elide_title(self) -> None:
        metrics = self.title.fontMetrics()
        whole = self.title.toolTip()
        self.title.setText(
            metrics.elidedText(whole, Qt.TextElideMode.ElideRight, self.title.width())
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide_title()

    def _show_cover(self) -> None:
        sha = self.note.cover_sha256 if self.note else None
        pixmap = self._ctx.thumbnails.get(sha) if sha else None
        if pixmap is None:
            self.cover.clear()
            return
        scaled = pixmap.scaled(
            COVER,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        x, y = (scaled.width() - COVER.width()) // 2, (scaled.height() - COVER.height()) // 2
        self.cover.setPixmap(rounded(scaled.copy(x, y, COVER.width(), COVER.height()), 8))

    def _on_thumbnail(self, sha: str) -> None:
        if self.note is not None and self.note.cover_sha256 == sha:
            self._show_cover()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self.note is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(str(self.note.note_id))


def rounded(pixmap: QPixmap, radius: float) -> QPixmap:
    result = QPixmap(pixmap.size())
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(pixmap.rect()), radius, radius)
    painter.setClipPath(path)
    painter.drawPixmap(0, 0, pixmap)
    painter.end()
    return result


class NotesTab(QWidget):
    open_requested = Signal(str)
    public_page_requested = Signal(str)
    export_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NoteStatsModel(ctx, self)
        self.top_title = QLabel(self.tr("Most viewed in this period"), self)
        self.top_title.setObjectName("ChartTitle")
        self.top_cards = [TopNoteCard(rank, ctx, self) for rank in range(1, TOP_NOTES + 1)]
        top_row = QHBoxLayout()
        top_row.setSpacing(12)
        for top_card in self.top_cards:
            top_card.hide()
            top_card.clicked.connect(self.open_requested)
            top_row.addWidget(top_card, 1)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search titles"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("Hint")
        self.export_button = QPushButton(self.tr("Export CSV"), self)
        tools = QHBoxLayout()
        tools.setSpacing(10)
        tools.addWidget(self.search)
        tools.addWidget(self.count_label, 1)
        tools.addWidget(self.export_button)

        self.table = RecordTable(self, row_height=52)
        self.table.setHorizontalHeader(FigureHeader(self.table))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            self.model.column_of("trend"), SparkDelegate(self.table)
        )
        self.table.setItemDelegateForColumn(
            self.model.column_of("title"), TwoLineDelegate(self.table)
        )
        for key in IN_TITLE:
            self.table.setColumnHidden(self.model.column_of(key), True)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(56)
        fit_columns(self.table, self.model)
        self.table.installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        header.setSortIndicator(self.model.column_of("views"), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("Hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.top_title)
        layout.addLayout(top_row)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.table.activated.connect(self._on_activated)
        self.table.doubleClicked.connect(self._on_activated)
        self.export_button.clicked.connect(self.export_requested)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._show_count)
        self.model.loaded.connect(self._show_count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return super().eventFilter(watched, event)

    def _fit_title(self) -> None:
        """The title takes what the figures leave, but never less than its own width (the
        table scrolls sideways in a narrow window instead)."""
        title = self.model.column_of("title")
        others = sum(
            self.table.columnWidth(column)
            for column in range(self.model.columnCount())
            if column != title and not self.table.isColumnHidden(column)
        )
        viewport = self.table.maximumViewportSize().width()
        room = viewport - self.table.verticalScrollBar().sizeHint().width() - others
        self.table.setColumnWidth(title, max(self.model.columns[title].width, room))

    def show_top(self, notes: list[NoteStatsRow]) -> None:
        for position, top_card in enumerate(self.top_cards):
            top_card.show_note(notes[position] if position < len(notes) else None)
        has_views = any(note.figures.get("views") for note in notes)
        self.top_title.setVisible(has_views)
        for top_card in self.top_cards:
            top_card.setVisible(has_views and top_card.note is not None)

    def show_commerce(self, shown: bool) -> None:
        for key in COMMERCE_COLUMNS:
            self.table.setColumnHidden(self.model.column_of(key), not shown)
        fit_columns(self.table, self.model)
        self._fit_title()

    def _on_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A column the server cannot sort by keeps the order there is."""
        if not self.model.columns[column].sort:
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.descending
                else Qt.SortOrder.AscendingOrder
            )
            sorted_column = next(
                index
                for index, kept in enumerate(self.model.columns)
                if kept.sort == self.model.sort_key
            )
            self.table.horizontalHeader().setSortIndicator(sorted_column, order)

    def _show_count(self) -> None:
        total, rows = self.model.total, self.model.rowCount()
        self.count_label.setText(self.tr("{count} published notes").format(count=total))
        searching = bool(self.model.search)
        self.table.setVisible(rows > 0)
        self.empty_label.setVisible(rows == 0)
        self.empty_label.setText(
            self.tr("No note title contains “{text}”.").format(text=self.model.search)
            if searching
            else self.tr("No published notes here yet.")
        )

    def _on_activated(self, index: QModelIndex) -> None:
        note = self.model.data(index, NoteStatsModel.RowRole)
        if isinstance(note, NoteStatsRow):
            self.open_requested.emit(str(note.note_id))

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """What a row offers: the note in Create, its public page."""
        note = self.model.data(index, NoteStatsModel.RowRole)
        if not isinstance(note, NoteStatsRow):
            return None
        note_id = str(note.note_id)
        menu = QMenu(self)
        menu.addAction(self.tr("Open note"), lambda: self.open_requested.emit(note_id))
        menu.addAction(self.tr("Public page…"), lambda: self.public_page_requested.emit(note_id))
        return menu

    def _on_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu(self.table.indexAt(position))
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(position))
            menu.deleteLater()
