"""Analytics (数据): the data center — a period bar over tabs for the overview, notes, topics,
best times to post, followers, accounts and brand campaigns, following the account switcher.

The page owns the question (the period and the account) and asks each tab's figures for it
off the UI thread (`studio.analytics.loads`), only for the tab in view; the tabs only show
what they are given and report intents (open a note, look at an account, export). Charts load
pyqtgraph, so the tabs are built the first time the page is shown, not at start-up. Figures
are loaded again when the page is shown after something changed, or after half a minute.

While the page is in view and the backend connected, the tab in view refreshes its figures by
itself every half minute, so readers' actions show up without a click: quietly (no busy
sign, tables updated in place keeping their order, selection and scroll), never while another
load of the page is on its way, and "Updated 14:03:21" says how fresh they are.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.changes import ChangeSet
from publisher.stats_schemas import (
    AccountStatsRow,
    BestTimes,
    FollowerPoint,
    NoteStatsRow,
    StatsSummary,
    TopicStatsRow,
)
from studio.analytics.exports import save_table_csv, save_widget_png, saved
from studio.analytics.figures import has_commerce, is_empty
from studio.analytics.loads import Question, Section
from studio.analytics.look import ANALYTICS_STYLE
from studio.analytics.note_stats import TOP_NOTES
from studio.analytics.period_bar import PeriodBar
from studio.analytics.periods import Period
from studio.connection import BackendState
from studio.messages import reason_of
from studio.models.account_scope import all_accounts_label
from studio.widgets.banner import Banner
from studio.widgets.card import page_header
from studio.widgets.empty_state import EmptyState
from studio.widgets.scroll_page import scrolling_page

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.analytics.campaign_panel import CampaignPanel
    from studio.analytics.import_dialog import ImportDialog
    from studio.context import AppContext
    from studio.models.accounts import AccountsListModel

STALE_AFTER_S = 30.0
"""Showing the page again within this long after a load shows what it has."""
AUTO_REFRESH_MS = 30_000
"""How often the tab in view refreshes itself (`auto_refresh.setInterval` in tests)."""
BEST_TIMES_DAYS = (7, 365)
"""The range of days the best-times call takes."""
TABS = ("overview", "notes", "topics", "times", "followers", "accounts", "campaigns")


def _summary(client: StudioClient, question: Question) -> StatsSummary:
    period = question.period
    return client.stats_summary(period.start, period.end, account_id=question.account)


def _top_notes(client: StudioClient, question: Question) -> list[NoteStatsRow]:
    period = question.period
    page = client.note_stats(
        period.start, period.end, account_id=question.account, sort="views", limit=TOP_NOTES
    )
    return page.items


def _topics(client: StudioClient, question: Question) -> list[TopicStatsRow]:
    period = question.period
    return client.topic_stats(period.start, period.end, account_id=question.account)


def _best_times(client: StudioClient, question: Question) -> BestTimes:
    low, high = BEST_TIMES_DAYS
    days = min(max(question.period.days, low), high)
    return client.best_times(account_id=question.account, days=days)


def _followers(client: StudioClient, question: Question) -> list[FollowerPoint]:
    period = question.period
    return client.follower_growth(period.start, period.end, account_id=question.account)


def _accounts(client: StudioClient, question: Question) -> list[AccountStatsRow]:
    return client.account_stats(question.period.start, question.period.end)


FETCHES = {
    "summary": _summary,
    "top": _top_notes,
    "topics": _topics,
    "times": _best_times,
    "followers": _followers,
    "accounts": _accounts,
}
TAB_SECTIONS = {
    "overview": ("summary",),
    "notes": ("summary", "top"),
    "topics": ("summary", "topics"),
    "times": ("summary", "times"),
    "followers": ("summary", "followers"),
    "accounts": ("summary", "accounts"),
    "campaigns": ("summary",),
}
"""What each tab needs; the summary decides the empty state and the notes' columns."""


class AnalyticsPage(QWidget):
    open_requested = Signal(str)
    """A note id to open in the composer."""
    account_requested = Signal(str)
    """An account id to look at alone (the switcher follows)."""
    public_page_requested = Signal(str)
    """A note id whose public page (link, QR code, held comments) is wanted."""

    def __init__(
        self,
        ctx: AppContext,
        accounts: AccountsListModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PageHost")
        self.setStyleSheet(ANALYTICS_STYLE)
        self._ctx = ctx
        self._accounts = accounts
        self._account_id: str | None = None
        self._dirty = True
        self._built = False
        self._failures: dict[str, BaseException] = {}
        self.summary: StatsSummary | None = None
        self.campaign_panel: CampaignPanel | None = None
        self.import_dialog: ImportDialog | None = None
        self.sections = {name: Section(ctx, fetch, self) for name, fetch in FETCHES.items()}
        self.auto_refresh = QTimer(self, interval=AUTO_REFRESH_MS)
        self._build()
        self._connect()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        header, row, _title, self.subtitle = page_header(self.tr("Analytics"), "", self)
        self.import_button = QPushButton(self.tr("Import platform data…"), self)
        self.import_button.setToolTip(
            self.tr("Read a data-center export (CSV or Excel) downloaded from the platform")
        )
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.updated_label = QLabel(self)
        self.updated_label.setObjectName("Hint")
        self.updated_label.setToolTip(
            self.tr("The figures in view refresh by themselves every half minute")
        )
        row.addWidget(self.updated_label)
        row.addSpacing(6)
        row.addWidget(self.import_button)
        row.addWidget(self.refresh_button)
        self.period_bar = PeriodBar(self)
        self.banner = Banner(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("PageTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setDrawBase(False)
        for name in (
            self.tr("Overview"),
            self.tr("Notes"),
            self.tr("Topics"),
            self.tr("Best times"),
            self.tr("Followers"),
            self.tr("Accounts"),
            self.tr("Campaigns"),
        ):
            self.tabs.addTab(QWidget(self.tabs), name)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(90)
        self.busy_bar.setTextVisible(False)
        self.busy_label = QLabel(self.tr("Loading…"), self)
        self.busy_label.setObjectName("Hint")
        corner = QWidget(self)
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 4, 0)
        corner_row.setSpacing(8)
        corner_row.addWidget(self.busy_label)
        corner_row.addWidget(self.busy_bar)
        self.busy_corner = corner
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        corner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(header)
        layout.addWidget(self.period_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self._show_scope()

    def _build_tabs(self) -> None:
        """The tabs' contents, the first time the page is shown (charts load pyqtgraph)."""
        from studio.analytics.accounts_tab import AccountsTab
        from studio.analytics.followers_tab import FollowersTab
        from studio.analytics.notes_tab import NotesTab
        from studio.analytics.overview_tab import OverviewTab
        from studio.analytics.times_tab import TimesTab
        from studio.analytics.topics_tab import TopicsTab

        self._built = True
        hosts = [self.tabs.widget(index) for index in range(self.tabs.count())]
        overview_host = QStackedWidget(hosts[0])
        scroll_owner = QWidget(overview_host)
        _content, column = scrolling_page(scroll_owner, margins=(0, 14, 4, 4), spacing=14)
        self.overview = OverviewTab(scroll_owner)
        column.addWidget(self.overview, 1)
        self.empty_state = EmptyState(
            glyph="◔",
            title=self.tr("No figures for this period yet"),
            text=self.tr(
                "Figures appear here once readers see your published notes. Publish a note, "
                "import the data-center export you downloaded from the platform, or run "
                "“python main.py demo” to explore the studio with sample data."
            ),
            parent=overview_host,
        )
        self.empty_import = QPushButton(self.tr("Import platform data…"), self.empty_state)
        self.empty_import.setProperty("accent", True)
        self.empty_state.layout().addWidget(self.empty_import, 0, Qt.AlignmentFlag.AlignHCenter)
        overview_host.addWidget(scroll_owner)
        overview_host.addWidget(self.empty_state)
        self.overview_stack = overview_host
        self.notes_tab = NotesTab(self._ctx, hosts[1])
        self.topics_tab = TopicsTab(hosts[2])
        self.times_tab = TimesTab(hosts[3])
        self.followers_tab = FollowersTab(hosts[4])
        self.accounts_tab = AccountsTab(hosts[5])
        contents = (
            overview_host,
            self.notes_tab,
            self.topics_tab,
            self.times_tab,
            self.followers_tab,
            self.accounts_tab,
        )
        for host, content in zip(hosts, contents, strict=False):
            holder = QVBoxLayout(host)
            holder.setContentsMargins(0, 0 if content is overview_host else 14, 0, 0)
            holder.addWidget(content)
        self.campaign_holder = QVBoxLayout(hosts[6])
        self.campaign_holder.setContentsMargins(0, 14, 0, 0)
        self._connect_tabs()
        self._show_scope()

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.import_button.clicked.connect(self.open_import)
        self.banner.action_clicked.connect(lambda _action: self.refresh())
        self.period_bar.changed.connect(self._on_period_changed)
        self.period_bar.compare_changed.connect(lambda _on: self._show_summary())
        self.tabs.currentChanged.connect(lambda _index: self._on_tab_changed())
        self.auto_refresh.timeout.connect(self.refresh_quietly)
        for name, section in self.sections.items():
            section.busy_changed.connect(lambda _busy: self._show_busy())
            section.failed.connect(lambda error, n=name: self._on_failed(n, error))
            section.loaded.connect(lambda _result, n=name: self._succeeded(n))
        self.sections["summary"].loaded.connect(self._on_summary)
        self._ctx.events.changed.connect(self._on_changed)
        self._ctx.connection.state_changed.connect(self._on_connection_state)
        self._accounts.modelReset.connect(self._show_scope)

    def _connect_tabs(self) -> None:
        self.sections["top"].loaded.connect(self.notes_tab.show_top)
        self.sections["topics"].loaded.connect(self.topics_tab.show_topics)
        self.sections["times"].loaded.connect(self.times_tab.show_times)
        self.sections["followers"].loaded.connect(self.followers_tab.show_points)
        self.sections["accounts"].loaded.connect(self.accounts_tab.show_accounts)
        notes = self.notes_tab.model
        notes.busy_changed.connect(lambda _busy: self._show_busy())
        notes.failed.connect(lambda error: self._on_failed("notes", error))
        notes.loaded.connect(lambda: self._succeeded("notes"))
        self.notes_tab.open_requested.connect(self.open_requested)
        self.notes_tab.public_page_requested.connect(self.public_page_requested)
        self.notes_tab.export_requested.connect(self.export_notes_csv)
        self.topics_tab.export_csv_requested.connect(
            lambda: self._save_csv(self.topics_tab.proxy, self.tr("topics"))
        )
        self.topics_tab.export_png_requested.connect(
            lambda: self._save_png(self.topics_tab.chart_card, self.tr("topics"))
        )
        self.times_tab.export_png_requested.connect(
            lambda: self._save_png(self.times_tab.map_card, self.tr("best-times"))
        )
        self.followers_tab.export_png_requested.connect(
            lambda: self._save_png(self.followers_tab.chart_card, self.tr("followers"))
        )
        self.accounts_tab.export_csv_requested.connect(
            lambda: self._save_csv(self.accounts_tab.proxy, self.tr("accounts"))
        )
        self.accounts_tab.account_requested.connect(self.account_requested)
        self.empty_import.clicked.connect(self.open_import)

    # -- the question ----------------------------------------------------------------------

    @property
    def question(self) -> Question:
        return Question(self.period_bar.period, self._account_id)

    @property
    def period(self) -> Period:
        return self.period_bar.period

    def show_account(self, account_id: str | None) -> None:
        """Follow the account switcher: one account's figures, or every account's (None)."""
        if account_id == self._account_id:
            return
        self._account_id = account_id
        self._show_scope()
        self._load_visible()

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    def _show_scope(self) -> None:
        """Name the scope; the accounts comparison only means something across accounts."""
        if self._account_id is None:
            scope = all_accounts_label()
        else:
            scope = self._accounts.nickname(self._account_id) or "…"
        self.subtitle.setText(self.tr("Figures of {scope}").format(scope=scope))
        comparing = self._account_id is None and self._accounts.rowCount() > 1
        accounts_index = TABS.index("accounts")
        if not comparing and self.tabs.currentIndex() == accounts_index:
            self.show_tab("overview")
        self.tabs.setTabVisible(accounts_index, comparing)

    # -- loading ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        notes_busy = self._built and self.notes_tab.model.busy
        return notes_busy or any(section.busy for section in self.sections.values())

    @property
    def loading(self) -> bool:
        """Any load is on its way, a quiet refresh too."""
        notes_loading = self._built and self.notes_tab.model.loading
        return notes_loading or any(section.loading for section in self.sections.values())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._built:
            self._build_tabs()
        moved = self.period_bar.follow_today()
        age = time.monotonic() - self.sections["summary"].loaded_at
        if self._dirty or age > STALE_AFTER_S:
            self.refresh()
        elif not moved:
            self._load_visible()
        self.auto_refresh.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self.auto_refresh.stop()

    def refresh_quietly(self) -> None:
        """The tab in view's figures loaded again without a busy sign, when connected and no
        other load is on its way; what is not shown yet loads as usual."""
        connected = self._ctx.connection.state is BackendState.CONNECTED
        if not self._built or not self.isVisible() or not connected or self.loading:
            return
        question, tab = self.question, self.current_tab()
        for name in TAB_SECTIONS[tab]:
            section = self.sections[name]
            if section.question == question:
                section.load(question, quiet=True)
            else:
                section.ensure(question)
        if tab == "notes":
            notes = self.notes_tab.model
            if notes.question == question:
                notes.refresh()
            else:
                notes.set_question(question)
        if tab == "campaigns" and self.campaign_panel is not None:
            if not self.campaign_panel.loading:
                self.campaign_panel.reload_stats()

    def refresh(self) -> None:
        """Load the figures again (the button, a retry, data that changed); a failure the
        new loads meet shows again."""
        self._dirty = False
        self._failures.clear()
        self.banner.hide()
        for section in self.sections.values():
            section.invalidate()
        if self._built:
            self.notes_tab.model.question = None
        self._load_visible()

    def _load_visible(self) -> None:
        if not self._built or not self.isVisible():
            return
        question, tab = self.question, self.current_tab()
        for name in TAB_SECTIONS[tab]:
            self.sections[name].ensure(question)
        if tab == "notes":
            self.notes_tab.model.set_question(question)
        if tab == "campaigns":
            self._show_campaigns()

    def _on_period_changed(self, _period: Period) -> None:
        self._load_visible()

    def _on_tab_changed(self) -> None:
        self._load_visible()
        self._show_updated()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.notes or changes.accounts or changes.collaborations or changes.teams:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def _on_connection_state(self, state: BackendState) -> None:
        if state is BackendState.CONNECTED and (self._failures or self._dirty):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def _show_busy(self) -> None:
        self.busy_corner.setVisible(self.busy)

    def _on_failed(self, name: str, error: BaseException) -> None:
        self._failures[name] = error
        self._dirty = True
        self.banner.show_message(
            self.tr("The figures could not be loaded. {reason}").format(reason=reason_of(error)),
            level="error",
            actions=(("retry", self.tr("Try again")),),
        )

    def _succeeded(self, name: str) -> None:
        self._failures.pop(name, None)
        if not self._failures:
            self.banner.hide()
        self._show_updated()

    def _show_updated(self) -> None:
        """When the oldest of the figures in view was loaded."""
        tab = self.current_tab()
        times: list[datetime | None] = [self.sections[name].loaded_on for name in TAB_SECTIONS[tab]]
        if tab == "notes" and self._built:
            times.append(self.notes_tab.model.loaded_on)
        known = [moment for moment in times if moment is not None]
        if len(known) < len(times) or not known:
            return
        self.updated_label.setText(
            self.tr("Updated {time}").format(time=min(known).strftime("%H:%M:%S"))
        )

    def _on_summary(self, summary: StatsSummary) -> None:
        self.summary = summary
        self._show_summary()

    def _show_summary(self) -> None:
        summary = self.summary
        if summary is None or not self._built:
            return
        empty = is_empty(summary)
        self.overview_stack.setCurrentWidget(
            self.empty_state if empty else self.overview_stack.widget(0)
        )
        self.overview.show_summary(summary, self.period_bar.compare)
        self.notes_tab.show_commerce(has_commerce(summary.totals))

    # -- campaigns and imports (built by their own modules) ---------------------------------

    def _show_campaigns(self) -> None:
        if self.campaign_panel is None:
            from studio.analytics.campaign_panel import CampaignPanel

            self.campaign_panel = CampaignPanel(
                self._ctx, self.tabs.widget(TABS.index("campaigns"))
            )
            self.campaign_holder.addWidget(self.campaign_panel)
        self.campaign_panel.set_period(self.period.start, self.period.end)

    def open_import(self) -> None:
        """Import a platform data-center export for the account in view (or one to choose)."""
        from studio.analytics.import_dialog import ImportDialog

        dialog = ImportDialog(self._ctx, self._account_id, self)
        dialog.imported.connect(lambda _receipt: self.refresh())
        self.import_dialog = dialog
        dialog.open()

    # -- exports ---------------------------------------------------------------------------

    def _file_name(self, what: str) -> str:
        period = self.period
        return f"{what}-{period.start:%Y%m%d}-{period.end:%Y%m%d}"

    def export_notes_csv(self) -> None:
        """Every note of the period (not only the rows scrolled to), as the table sorts them."""
        model = self.notes_tab.model
        model.load_all(lambda: self._save_csv(model, self.tr("notes")))

    def _save_csv(self, model: QAbstractItemModel, what: str) -> Path | None:
        return self._saved(lambda: save_table_csv(self, model, self._file_name(what)))

    def _save_png(self, widget: QWidget, what: str) -> Path | None:
        return self._saved(lambda: save_widget_png(self, widget, self._file_name(what)))

    def _saved(self, save: Callable[[], Path | None]) -> Path | None:
        return saved(self._ctx.notifier, save)
