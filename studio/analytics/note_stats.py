"""Published notes with the period's figures, sorted by the server by any figure, a page at a
time as the table scrolls (`fetchMore`), searched by title.

The server sorts the whole scope — a ratio such as the engagement rate cannot be sorted from a
page — so a click on a header asks it again from the first page. Every load carries a
generation: a page that arrives after the question, the sort or the search changed is dropped.
`refresh` asks again for the rows shown, quietly, and updates them in place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt, Signal

from publisher.domain.periods import platform_today
from publisher.schemas import Page
from publisher.stats_schemas import NoteStatsRow
from studio.analytics.loads import Question
from studio.analytics.metric_labels import kind
from studio.analytics.periods import short_date
from studio.analytics.stats_table import Column, FigureTableModel, Index
from studio.collab.wording import shown_date
from studio.ops import Query
from studio.timezones import zone

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

PAGE_SIZE = 50
TOP_NOTES = 3
"""The most viewed notes shown as cards above the table."""
EXPORT_PAGE = 500
"""The server's largest page, for fetching every note before an export."""
COMMERCE_COLUMNS = ("product_clicks", "orders", "gmv")
MONEY_WIDTH = 100
"""Room for ¥12,345.00."""


def _figure(key: str) -> Column:
    width = MONEY_WIDTH if kind(key) == "money" else 72
    return Column(key, lambda row: row.figures.get(key), metric=key, sort=key, width=width)


def published_text(moment: datetime | None) -> str:
    """11/28 on the platform's calendar, with the year when it is not this year's."""
    if moment is None:
        return ""
    day = moment.astimezone(zone(None)).date()
    return short_date(day) if day.year == platform_today().year else f"{day.year}/{short_date(day)}"


def _topics(row: NoteStatsRow) -> str:
    return " ".join(f"#{topic}" for topic in row.topics) or row.title


NOTE_COLUMNS = (
    Column(
        "title",
        lambda row: row.title,
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Note"),
        sort="title",
        width=176,
        tip=_topics,
        subtitle=lambda row: f"{row.account_nickname} · {published_text(row.published_at)}",
    ),
    Column(
        "account",
        lambda row: row.account_nickname,
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Account"),
        width=110,
    ),
    Column(
        "published",
        lambda row: row.published_at,
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Published"),
        text=lambda row: published_text(row.published_at),
        sort="published_at",
        width=84,
        tip=lambda row: shown_date(row.published_at),
        export=lambda row: shown_date(row.published_at),
    ),
    *(
        _figure(key)
        for key in (
            "impressions",
            "views",
            "cover_ctr",
            "interactions",
            "engagement_rate",
            "follows",
            *COMMERCE_COLUMNS,
        )
    ),
    Column(
        "trend",
        lambda row: sum(row.spark),
        header=QT_TRANSLATE_NOOP("AnalyticsTables", "Views by day"),
        width=100,
        spark=lambda row: row.spark,
    ),
)


class NoteStatsModel(FigureTableModel):
    busy_changed = Signal(bool)
    failed = Signal(object)
    loaded = Signal()
    """The first page of a new question, sort or search arrived, or the rows shown anew."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(NOTE_COLUMNS, parent)
        self._ctx = ctx
        self.question: Question | None = None
        self.sort_key = "views"
        self.descending = True
        self.search = ""
        self.total = 0
        self._generation = 0
        self._fetching = False
        self._quiet = False
        self.loaded_on: datetime | None = None
        """The local time the rows shown were loaded."""

    @property
    def busy(self) -> bool:
        """Rows the user waits for are on their way (a quiet refresh is not waited for)."""
        return self._fetching and not self._quiet

    @property
    def loading(self) -> bool:
        return self._fetching

    def set_question(self, question: Question) -> None:
        if question != self.question:
            self.question = question
            self.reload()

    def set_search(self, text: str) -> None:
        if text.strip() != self.search:
            self.search = text.strip()
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: ask the server for the notes in that order (columns it cannot sort
        by are ignored)."""
        key = self.columns[column].sort
        descending = order == Qt.SortOrder.DescendingOrder
        if key and (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def reload(self) -> None:
        """The first page again, for the current question, sort and search."""
        if self.question is not None:
            self._fetch(0, PAGE_SIZE, self._replace)

    def refresh(self) -> None:
        """The rows shown (at least a page) loaded again for the same question, sort and
        search, and updated in place: the selection and scroll position stay."""
        if self.question is not None and not self._fetching:
            rows = max(self.rowCount(), PAGE_SIZE)
            self._fetch(0, rows, self._update, everything=True, quiet=True)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._fetching and self.rowCount() < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._fetch(self.rowCount(), PAGE_SIZE, self._append)

    def load_all(self, then: Callable[[], object]) -> None:
        """Every note of the question (for an export), then `then()`. While another question
        is still loading, the rows shown are the old question's: then every row is fetched
        again for the new one, rather than the new question's rows appended to the old."""
        if not self._fetching and self.rowCount() >= self.total:
            then()
            return
        start = 0 if self._fetching else self.rowCount()
        keep = self._replace if start == 0 else self._append

        def delivered(page: Page[NoteStatsRow]) -> None:
            keep(page)
            then()

        self._fetch(start, PAGE_SIZE, delivered, everything=True)

    def _fetch(
        self,
        offset: int,
        limit: int,
        deliver: Callable[[Page[NoteStatsRow]], None],
        *,
        everything: bool = False,
        quiet: bool = False,
    ) -> None:
        """One page from `offset`; with `everything`, every row from there (`limit` of them
        when quiet, all of them otherwise), a server page at a time."""
        question = self.question
        assert question is not None
        self._generation += 1
        generation = self._generation
        sort, descending, search = self.sort_key, self.descending, self.search

        def fetch(client: StudioClient) -> Page[NoteStatsRow]:
            if not everything:
                return client.note_stats(
                    question.period.start,
                    question.period.end,
                    account_id=question.account,
                    sort=sort,
                    descending=descending,
                    search=search,
                    offset=offset,
                    limit=limit,
                )
            count = limit if quiet else None
            return _every_page(client, question, sort, descending, search, offset, count)

        self._set_fetching(True, quiet=quiet)
        Query(self._ctx, parent=self, op=fetch).success(
            lambda page: self._arrived(generation, page, deliver)
        ).failure(lambda error: self._refused(generation, error)).run()

    def _arrived(
        self,
        generation: int,
        page: Page[NoteStatsRow],
        deliver: Callable[[Page[NoteStatsRow]], None],
    ) -> None:
        if generation == self._generation:
            self._set_fetching(False)
            deliver(page)

    def _refused(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._set_fetching(False)
            self.failed.emit(error)

    def _set_fetching(self, fetching: bool, *, quiet: bool = False) -> None:
        was_busy = self.busy
        self._fetching, self._quiet = fetching, quiet and fetching
        if self.busy != was_busy:
            self.busy_changed.emit(self.busy)

    def _replace(self, page: Page[NoteStatsRow]) -> None:
        self.total = page.total
        self.set_rows(page.items)
        self._loaded()

    def _update(self, page: Page[NoteStatsRow]) -> None:
        self.total = page.total
        self.update_rows(page.items, key=lambda row: row.note_id)
        self._loaded()

    def _loaded(self) -> None:
        self.loaded_on = datetime.now().astimezone()
        self.loaded.emit()

    def _append(self, page: Page[NoteStatsRow]) -> None:
        self.total = page.total
        if page.items:
            first = self.rowCount()
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self._rows.extend(page.items)
            self.endInsertRows()


def _every_page(
    client: StudioClient,
    question: Question,
    sort: str,
    descending: bool,
    search: str,
    offset: int,
    count: int | None = None,
) -> Page[NoteStatsRow]:
    """The notes from `offset` to the end (or `count` of them), a server page at a time, as
    one page."""
    items: list[NoteStatsRow] = []
    while True:
        wanted = EXPORT_PAGE if count is None else min(EXPORT_PAGE, count - len(items))
        page = client.note_stats(
            question.period.start,
            question.period.end,
            account_id=question.account,
            sort=sort,
            descending=descending,
            search=search,
            offset=offset + len(items),
            limit=wanted,
        )
        items.extend(page.items)
        end = page.total if count is None else min(page.total, offset + count)
        if not page.items or offset + len(items) >= end:
            return Page(items=items, total=page.total, offset=offset, limit=len(items))
