"""A brief's campaign in figures, for the brand that wrote it and the creators in it: the
funnel from impressions to GMV, what was spent and what it returned (ROI, CPE, CPM, each with
its formula), the campaign day by day, and every creator and note in sortable tables that
export to CSV. The brand's editors record spend from here.

Everything comes from `campaign_stats` for the chosen brief and the page's period, loaded off
the UI thread; a brief chosen while another still loads wins (late answers are dropped).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import BriefPublic
from publisher.client import StudioClient
from publisher.domain.periods import platform_today
from publisher.stats_schemas import CampaignStats, DayTotals
from studio.analytics import exports
from studio.analytics.campaign_funnel import FunnelChart
from studio.analytics.campaign_table import CREATOR_COLUMNS, NOTE_COLUMNS, CampaignTable
from studio.analytics.charts import DAY, CountAxis, DayAxis, configure, day_stamps, style_axis
from studio.analytics.figures import Tile
from studio.analytics.metric_labels import label
from studio.analytics.overview_tab import KpiTile
from studio.analytics.periods import DEFAULT_DAYS, last_days
from studio.analytics.spend_dialog import SpendDialog
from studio.messages import reason_of
from studio.ops import Query
from studio.style import ACCENT, TEXT_MUTED
from studio.widgets.card import card
from studio.widgets.empty_state import EmptyState
from studio.widgets.scroll_page import scrolling_page

if TYPE_CHECKING:
    from publisher.domain.changes import ChangeSet
    from studio.context import AppContext

TILES = ("spend", "gmv", "roi", "cpe", "cpm", "orders", "conversion_rate")
PAGE = 500
"""The server's largest page: a brand has fewer briefs than this, so one call is the rule."""
LIVE_STATES = ("published", "completed")
NOT_YET_STATES = frozenset({"invited", "applied", "declined", "rejected", "cancelled"})
"""A creator's collaborations that never got under way: their briefs have no campaign of
theirs to show."""
EMPTY_TEXT_WIDTH = 420
"""The empty state's explanation wraps at this width rather than its own narrow guess."""
LINES = ("impressions", "views")
FEW_ORDERS = 6
VIEWS_COLOUR = "#2F6BDE"
ORDERS_COLOUR = "#1E9E5A"


@dataclass(frozen=True)
class BriefChoice:
    brief: BriefPublic
    own: bool
    """A brief of the user's brand (its editors record spend), not one they work in."""


def visible_briefs(client: StudioClient) -> list[BriefChoice]:
    """The user's brands' briefs, newest first, then the briefs their accounts work in."""
    own: list[BriefPublic] = []
    while True:
        page = client.list_briefs(offset=len(own), limit=PAGE)
        own.extend(page.items)
        if not page.items or len(own) >= page.total:
            break
    choices = [BriefChoice(brief, True) for brief in own]
    seen = {brief.id for brief in own}
    offset = 0
    while True:
        collaborations = client.list_collaborations(side="creator", offset=offset, limit=PAGE)
        for collaboration in collaborations.items:
            brief = collaboration.brief
            if brief.id not in seen and collaboration.state not in NOT_YET_STATES:
                seen.add(brief.id)
                choices.append(BriefChoice(brief, False))
        offset += len(collaborations.items)
        if not collaborations.items or offset >= collaborations.total:
            return choices


def campaign_of(
    client: StudioClient, brief_id: uuid.UUID, start: date, end: date
) -> tuple[CampaignStats, int]:
    """The campaign's figures for the period, and how many of its notes are out."""
    stats = client.campaign_stats(brief_id, start, end)
    live = client.list_collaborations(brief_id=brief_id, states=list(LIVE_STATES), limit=1)
    return stats, live.total


class DailyChart(pg.PlotWidget):
    """Impressions and views as lines on the left axis, orders as bars on the right: a handful
    of orders would be a flat line on the scale of impressions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._days_axis = DayAxis()
        self._orders_axis = CountAxis("right")
        super().__init__(parent, background="w")
        configure(
            self, {"bottom": self._days_axis, "left": CountAxis(), "right": self._orders_axis}
        )
        self.setMinimumHeight(260)
        plot = self.getPlotItem()
        plot.showAxis("right")
        style_axis(self._orders_axis)
        self.orders_box = pg.ViewBox()
        self.orders_box.setMouseEnabled(x=False, y=False)
        plot.scene().addItem(self.orders_box)
        self.orders_box.setZValue(plot.vb.zValue() - 1)  # the bars behind the lines
        self._orders_axis.linkToView(self.orders_box)
        self.orders_box.setXLink(plot)
        plot.vb.sigResized.connect(lambda: self.orders_box.setGeometry(plot.vb.sceneBoundingRect()))
        self.legend = plot.addLegend(offset=(8, 2), colCount=3, labelTextColor=TEXT_MUTED)
        self.days: list[date] = []

    def show_series(self, series: list[DayTotals]) -> None:
        plot = self.getPlotItem()
        plot.clear()
        self.orders_box.clear()
        self.legend.clear()
        self.days = [point.day for point in series]
        stamps = day_stamps(self.days)
        self._days_axis.first = stamps[0] if stamps else 0.0
        for key, colour in (("impressions", ACCENT), ("views", VIEWS_COLOUR)):
            values = [point.totals.get(key, 0) for point in series]
            plot.plot(stamps, values, pen=pg.mkPen(colour, width=2.2), name=label(key))
        orders = [point.totals.get("orders", 0) for point in series]
        bars = pg.BarGraphItem(
            x=stamps,
            height=orders,
            width=0.6 * DAY,
            brush=pg.mkBrush(ORDERS_COLOUR + "66"),
            pen=pg.mkPen(None),
        )
        self.orders_box.addItem(bars)
        self.legend.addItem(bars, self.tr("{orders} (right axis)").format(orders=label("orders")))
        if stamps:
            plot.setXRange(stamps[0] - DAY / 2, stamps[-1] + DAY / 2, padding=0)
        highest = max((point.totals.get(key, 0) for point in series for key in LINES), default=0)
        plot.setYRange(0, highest * 1.15 if highest else 1, padding=0)
        most = max(orders, default=0)
        self.orders_box.setYRange(0, max(most, 1) * 1.15, padding=0)
        # Orders are whole: a handful gets a tick each rather than 0.5, 1.5 …
        if most <= FEW_ORDERS:
            self._orders_axis.setTickSpacing(1, 1)
        else:
            self._orders_axis.setTickSpacing()


class CampaignPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        period = last_days(DEFAULT_DAYS, platform_today())
        self._start, self._end = period.start, period.end
        self.choices: list[BriefChoice] = []
        self._briefs_ticket = 0
        self.stats: CampaignStats | None = None
        self.published = 0
        self.briefs_loaded = False
        self.loading = False
        self._ticket = 0
        """Counts stats requests: only the answer to the latest one is shown."""
        self.spend_dialog: SpendDialog | None = None

        self.picker = QComboBox(self)
        self.picker.setMinimumWidth(320)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.currentIndexChanged.connect(lambda _index: self.reload_stats())
        self.brief_hint = QLabel(self)
        self.brief_hint.setObjectName("Hint")
        self.spend_button = QPushButton(self.tr("Record spend…"), self)
        self.spend_button.clicked.connect(self.open_spend_dialog)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.picker)
        top.addWidget(self.brief_hint, 1)
        top.addWidget(self.spend_button)

        self.empty = EmptyState(glyph="◎", title="", text="", parent=self)
        self.empty.text.setMinimumWidth(EMPTY_TEXT_WIDTH)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._show_empty(self.tr("Loading campaigns…"), "")
        ctx.events.changed.connect(self._on_changed)
        self.reload_briefs()

    # -- building ----------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        holder = QWidget(self)
        _content, column = scrolling_page(holder, margins=(0, 0, 0, 0), spacing=14)
        tiles = QGridLayout()
        tiles.setSpacing(12)
        self.tiles = {key: KpiTile(holder) for key in TILES}
        for index, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, index // 4, index % 4)
        for column_index in range(4):
            tiles.setColumnStretch(column_index, 1)
        column.addLayout(tiles)

        charts = QHBoxLayout()
        charts.setSpacing(14)
        funnel_card, funnel_layout = card(holder)
        self.funnel = FunnelChart(funnel_card)
        self.funnel_export = self._link(self.tr("Save as PNG…"), funnel_card)
        self.funnel_export.clicked.connect(self.export_funnel)
        funnel_layout.addLayout(self._card_head(self.tr("Funnel"), self.funnel_export, funnel_card))
        funnel_layout.addWidget(self.funnel)
        funnel_layout.addStretch(1)
        daily_card, daily_layout = card(holder)
        self.daily = DailyChart(daily_card)
        daily_layout.addLayout(self._card_head(self.tr("Day by day"), None, daily_card))
        daily_layout.addWidget(self.daily, 1)
        charts.addWidget(funnel_card, 5)
        charts.addWidget(daily_card, 6)
        column.addLayout(charts)

        self.creators_table = CampaignTable(CREATOR_COLUMNS, holder)
        self.notes_table = CampaignTable(NOTE_COLUMNS, holder)
        for title, table in (
            (self.tr("By creator"), self.creators_table),
            (self.tr("By note"), self.notes_table),
        ):
            table_card, table_layout = card(holder)
            button = self._link(self.tr("Export CSV…"), table_card)
            button.clicked.connect(lambda _checked=False, t=table: self.export_table(t))
            table_layout.addLayout(self._card_head(title, button, table_card))
            table_layout.addWidget(table)
            column.addWidget(table_card)
        column.addStretch(1)
        return holder

    def _link(self, text: str, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName("LinkButton")
        return button

    def _card_head(self, title: str, button: QPushButton | None, parent: QWidget) -> QHBoxLayout:
        heading = QLabel(title, parent)
        heading.setObjectName("ChartTitle")
        row = QHBoxLayout()
        row.addWidget(heading, 1)
        if button is not None:
            row.addWidget(button)
        return row

    def _show_empty(self, title: str, text: str) -> None:
        self.empty.title.setText(title)
        self.empty.text.setText(text)
        self.empty.text.setVisible(bool(text))
        self.stack.setCurrentIndex(0)

    # -- the period and the briefs -----------------------------------------------------------

    def set_period(self, start: date, end: date) -> None:
        """Show the campaign's figures for the days from `start` to `end`, both included."""
        self._start, self._end = start, end
        self.reload_stats()

    def reload_briefs(self) -> None:
        """The briefs again; only the latest answer is shown (an older one may arrive last)."""
        self._briefs_ticket += 1
        ticket = self._briefs_ticket

        def shown(choices: list[BriefChoice]) -> None:
            if ticket == self._briefs_ticket:
                self._show_briefs(choices)

        def refused(error: BaseException) -> None:
            if ticket == self._briefs_ticket:
                self._show_empty(self.tr("Campaigns cannot be shown"), reason_of(error))

        Query(self._ctx, parent=self, op=visible_briefs).success(shown).failure(refused).run()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.briefs or changes.collaborations:
            self.reload_briefs()

    def _show_briefs(self, choices: list[BriefChoice]) -> None:
        current = self.choice()
        self.choices = choices
        self.briefs_loaded = True
        self.picker.blockSignals(True)
        self.picker.clear()
        for index, choice in enumerate(choices):
            if index and choice.own != choices[index - 1].own:
                self.picker.insertSeparator(self.picker.count())
            brief = choice.brief
            text = brief.title if choice.own else f"{brief.title} · {brief.organization_name}"
            self.picker.addItem(text, str(brief.id))
        if current is not None:
            self.picker.setCurrentIndex(max(self.picker.findData(str(current.brief.id)), 0))
        self.picker.blockSignals(False)
        self.picker.setVisible(bool(choices))
        if not choices:
            self.brief_hint.clear()
            self.spend_button.hide()
            self._show_empty(
                self.tr("You have no campaigns yet"),
                self.tr(
                    "A campaign is a brief and the notes creators publish for it. Write a brief "
                    "on the Collaborations page, or take one on as a creator: its funnel, spend "
                    "and return show here once notes are out."
                ),
            )
            return
        self.reload_stats()

    def choice(self) -> BriefChoice | None:
        brief_id = self.picker.currentData()
        return next((c for c in self.choices if str(c.brief.id) == brief_id), None)

    def select_brief(self, brief_id: uuid.UUID) -> bool:
        index = self.picker.findData(str(brief_id))
        if index >= 0:
            self.picker.setCurrentIndex(index)
        return index >= 0

    # -- the campaign ------------------------------------------------------------------------

    def reload_stats(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        self._ticket += 1
        ticket, brief_id, start, end = self._ticket, choice.brief.id, self._start, self._end
        self.loading = True
        self.spend_button.setVisible(True)
        self.spend_button.setEnabled(choice.own)
        self.spend_button.setToolTip(
            "" if choice.own else self.tr("Only the brand records spend on its campaigns.")
        )
        Query(
            self._ctx, parent=self, op=lambda client: campaign_of(client, brief_id, start, end)
        ).success(lambda result: self._show_stats(ticket, *result)).failure(
            lambda error: self._stats_failed(ticket, error)
        ).run()

    def _stats_failed(self, ticket: int, error: BaseException) -> None:
        if ticket == self._ticket:
            self.loading = False
            self.brief_hint.clear()
            self._show_empty(self.tr("This campaign cannot be shown"), reason_of(error))

    def _show_stats(self, ticket: int, stats: CampaignStats, published: int) -> None:
        if ticket != self._ticket:
            return
        self.loading = False
        self.stats, self.published = stats, published
        self.brief_hint.setText(
            self.tr("Notes published: {count} · {start} – {end}").format(
                count=published, start=stats.start.isoformat(), end=stats.end.isoformat()
            )
        )
        if not published:
            self._show_empty(
                self.tr("No notes published yet"),
                self.tr(
                    "The funnel, ROI and the tables fill in once a creator's note for this brief "
                    "is published. Spend paid in advance can be recorded already."
                ),
            )
            return
        definitions = {definition.key: definition for definition in stats.definitions}
        for key, tile in self.tiles.items():
            tile.show_tile(Tile(key, stats.figures.get(key), None, definitions.get(key)), False)
        self.funnel.set_stages(stats.funnel)
        self.daily.show_series(stats.series)
        self.creators_table.set_rows(stats.creators)
        self.notes_table.set_rows(stats.notes)
        self.stack.setCurrentIndex(1)

    # -- spend and exports -------------------------------------------------------------------

    def open_spend_dialog(self) -> SpendDialog | None:
        choice = self.choice()
        if choice is None:
            return None
        stats = self.stats if self.stats and self.stats.brief_id == choice.brief.id else None
        notes = [(row.id, row.name) for row in stats.notes] if stats else []
        dialog = SpendDialog(self._ctx, choice.brief.id, choice.brief.title, notes, self)
        dialog.changed.connect(self.reload_stats)
        dialog.finished.connect(dialog.deleteLater)
        self.spend_dialog = dialog
        dialog.open()
        return dialog

    def _file_name(self, what: str) -> str:
        choice = self.choice()
        title = f"{choice.brief.title}-" if choice else ""
        return f"{title}{what}-{self._start:%Y%m%d}-{self._end:%Y%m%d}"

    def export_funnel(self) -> Path | None:
        name = self._file_name(self.tr("funnel"))
        return self._saved(lambda: exports.save_widget_png(self, self.funnel, name))

    def export_table(self, table: CampaignTable) -> Path | None:
        what = self.tr("creators") if table is self.creators_table else self.tr("notes")
        name = self._file_name(what)
        return self._saved(lambda: exports.save_table_csv(self, table.proxy, name))

    def _saved(self, save: Callable[[], Path | None]) -> Path | None:
        return exports.saved(self._ctx.notifier, save)
