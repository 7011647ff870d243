"""The Analytics page against the real backend: KPI tiles with the numbers and formulas of the
events sent, the previous period compared, another period loaded (and a late answer for an
older one dropped), the notes sorted by the server and exported as CSV with the numbers sent,
charts exported as PNG, the best slots, followers, the accounts comparison that switches the
account, the empty state, and a stopped backend's error, translated, in a banner."""

from __future__ import annotations

import csv
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

import resources
from publisher.domain.changes import ChangeSet
from publisher.domain.metrics import change, figures
from studio.analytics import note_stats
from studio.analytics.campaign_panel import CampaignPanel
from studio.analytics.heatmap import slot_text
from studio.analytics.import_dialog import ImportDialog
from studio.analytics.metric_labels import change_text, count_text, formula, label, value_text
from studio.analytics.periods import last_days
from studio.messages import message
from tests.studio.analytics_world import BOOST_FEN, FADING, seed
from tests.studio.helpers import type_text

WAIT_MS = 20_000


def _open(qtbot, studio):
    window = studio.window
    window.accounts.reload()
    qtbot.waitUntil(lambda: window.accounts.rowCount() >= 1, timeout=WAIT_MS)
    window.show_page("analytics")
    page = window.analytics_page
    _settled(qtbot, page)
    return page


def _settled(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.summary is not None and not page.busy, timeout=WAIT_MS)


def _showing(qtbot, page, days: int) -> None:
    period = last_days(days, page.period.end)
    qtbot.waitUntil(
        lambda: (
            page.summary is not None
            and (page.summary.start, page.summary.end) == (period.start, period.end)
            and not page.busy
        ),
        timeout=WAIT_MS,
    )


def _save_to(monkeypatch, path) -> None:
    """The save dialog answers with `path` (Qt's dialog, not ours, is what is stood in for)."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(path), ""))


def _click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 10))


def test_tiles_periods_and_the_previous_period(open_studio, qtbot, tmp_path):
    studio = open_studio()
    world = seed(studio.client(), tmp_path)
    page = _open(qtbot, studio)
    bar, overview = page.period_bar, page.overview

    # The last 30 days, against the 30 before.
    month = last_days(30, world.today)
    assert page.period == month
    now = world.totals(month.start, month.end)
    now["spend_fen"] = BOOST_FEN
    before = world.totals(month.previous().start, month.previous().end)
    shown, earlier = figures(now), figures(before)
    assert page.summary.totals["views"] == now["views"]
    for key in ("impressions", "views", "cover_ctr", "interactions", "engagement_rate", "follows"):
        tile = overview.tiles[key]
        assert tile.value_label.text() == value_text(key, shown[key]), key
        assert tile.change_label.text().endswith(change_text(change(shown[key], earlier[key])))
    ctr = overview.tiles["cover_ctr"]
    assert ctr.formula_label.text() == "Views ÷ Impressions · definition v1"
    assert ctr.formula_label.text() == formula(ctr.tile.definition)
    assert "Views ÷ Impressions" in ctr.toolTip()
    rate = overview.tiles["engagement_rate"].formula_label.text()
    assert rate == "(Likes + Collects + Comments + Shares) ÷ Views · definition v1"
    for key in ("completion_rate", "avg_watch_seconds", "spend", "roi", "gmv"):
        assert overview.tiles[key].isVisibleTo(overview), key
    assert overview.tiles["roi"].value_label.text() == value_text("roi", shown["roi"])

    # The chart: this period solid, the previous one dashed at the same offsets.
    chart = overview.chart
    yesterday = month.days - 2
    day = world.today - timedelta(days=1)
    views = sum(counts["views"] for (_, when), counts in world.counts.items() if when == day)
    assert f"Views {views:,}" in chart.hover_text(yesterday)
    assert chart.previous_curve.isVisible()

    # A week; asked right after 90 days, the week's late answer must not win.
    qtbot.mouseClick(bar.preset_buttons[7], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.preset_buttons[90], Qt.MouseButton.LeftButton)
    _showing(qtbot, page, 90)
    qtbot.mouseClick(bar.preset_buttons[7], Qt.MouseButton.LeftButton)
    _showing(qtbot, page, 7)
    week = last_days(7, world.today)
    now = world.totals(week.start, week.end)
    before = world.totals(week.previous().start, week.previous().end)
    assert page.summary.totals["impressions"] == now["impressions"]
    assert page.summary.previous_totals["impressions"] == before["impressions"]
    expected = change(now["impressions"], before["impressions"])
    assert overview.tiles["impressions"].change_label.text().endswith(change_text(expected))
    assert overview.tiles["spend"].isVisibleTo(overview)  # the boost was three days ago

    # Not comparing: no changes, no dashed line.
    bar.compare_box.setChecked(False)
    assert not overview.tiles["views"].change_label.isVisibleTo(overview)
    assert not chart.previous_curve.isVisible()
    bar.compare_box.setChecked(True)

    # A range of one's own, without the boost: no spend, no ROI.
    bar.set_range(world.today - timedelta(days=20), world.today - timedelta(days=10))
    qtbot.waitUntil(lambda: page.summary.start == bar.period.start and not page.busy)
    assert page.summary.totals["views"] == world.totals(bar.period.start, bar.period.end)["views"]
    assert not overview.tiles["spend"].isVisibleTo(overview)

    # Shown again soon: nothing is loaded again; after a change, it is.
    loaded_at = page.sections["summary"].loaded_at
    studio.window.show_page("notes")
    studio.window.show_page("analytics")
    assert page.sections["summary"].loaded_at == loaded_at and not page.busy
    studio.ctx.events.changed.emit(ChangeSet(notes=True), None)
    assert page.busy and page.busy_corner.isVisible()
    _settled(qtbot, page)
    assert page.sections["summary"].loaded_at > loaded_at


def test_notes_sort_export_and_charts(open_studio, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(note_stats, "PAGE_SIZE", 2)  # pages of two: four notes come in two
    studio = open_studio()
    world = seed(studio.client(), tmp_path)
    page = _open(qtbot, studio)
    month = page.period
    page.show_tab("notes")
    notes = page.notes_tab
    model = notes.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.total == len(world.notes))
    # The table asks for the next page itself while it has room for more rows.
    qtbot.waitUntil(lambda: model.rowCount() == len(world.notes) and not page.busy)

    def sent(row, key: str) -> float | None:
        return figures(world.note_totals(row.note_id, month.start, month.end))[key]

    # Most viewed first, by the server; the top three as cards.
    rows = model.rows()
    assert [row.figures["views"] for row in rows] == sorted(
        (sent(row, "views") for row in rows), reverse=True
    )
    assert [card.note.title for card in notes.top_cards] == [row.title for row in rows[:3]]

    # A header asks the server again: a figure highest first, the title A to Z.
    _click_header(qtbot, notes.table, model.column_of("engagement_rate"))
    qtbot.waitUntil(lambda: model.sort_key == "engagement_rate" and not model.busy)
    qtbot.waitUntil(lambda: model.rowCount() == len(world.notes) and not model.busy)
    rates = [row.figures["engagement_rate"] for row in model.rows()]
    assert rates == sorted(rates, reverse=True) and model.descending
    _click_header(qtbot, notes.table, model.column_of("title"))
    qtbot.waitUntil(lambda: model.sort_key == "title" and not model.busy)
    qtbot.waitUntil(lambda: model.rowCount() == len(world.notes) and not model.busy)
    titles = [row.title for row in model.rows()]
    assert titles == sorted(titles) and not model.descending

    # A title search asks the server for the notes that match.
    type_text(notes.search, "露营")
    qtbot.waitUntil(lambda: model.search == "露营" and not model.busy, timeout=WAIT_MS)
    assert [row.title for row in model.rows()] == ["露营装备清单"]
    notes.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == len(world.notes) and not model.busy)

    # The CSV holds every note with the numbers sent (money in yuan).
    target = tmp_path / "notes.csv"
    _save_to(monkeypatch, target)
    qtbot.mouseClick(notes.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    with target.open(encoding="utf-8-sig", newline="") as file:
        table = list(csv.DictReader(file))
    assert len(table) == len(world.notes)
    by_title = {row.title: row for row in model.rows()}
    for line in table:
        row = by_title[line["Note"]]
        for key in ("impressions", "views", "interactions", "follows", "orders"):
            assert float(line[label(key)]) == sent(row, key), key
        assert float(line[label("engagement_rate")]) == sent(row, "engagement_rate")
        assert float(line[label("gmv")]) == sent(row, "gmv") / 100
        assert line["Account"] == row.account_nickname

    # Topics: a table and bars; the chart as a valid PNG.
    page.show_tab("topics")
    topics = page.topics_tab
    qtbot.waitUntil(lambda: topics.model.rowCount() > 0 and not page.busy)
    first = topics.model.row(0)
    assert first.topic == "护肤" and first.notes == 2
    png = tmp_path / "topics.png"
    _save_to(monkeypatch, png)
    qtbot.mouseClick(topics.export_png, Qt.MouseButton.LeftButton)
    assert png.read_bytes().startswith(b"\x89PNG")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 100

    # Best times: the server's slots written out; views on request.
    page.show_tab("times")
    times = page.times_tab
    qtbot.waitUntil(lambda: page.sections["times"].question is not None and not page.busy)
    assert times.best() == [tuple(slot) for slot in times.best_times.best]
    assert times.slot_texts() == [slot_text(*slot) for slot in times.best()]
    assert all(text.endswith(("21:00–22:00", "20:00–21:00")) for text in times.slot_texts())
    times.figure_buttons["views"].click()
    assert times.heatmap.figure == label("views")

    # Followers: the line ends at today's followers; the bars are the follows sent.
    page.show_tab("followers")
    followers = page.followers_tab
    qtbot.waitUntil(lambda: page.sections["followers"].question is not None and not page.busy)
    follows = world.totals(month.start, month.end)["follows"]
    assert followers.figures["gained"].text() == f"+{follows}"
    assert followers.figures["followers"].text() == count_text(12_800 + 5_300)


def test_the_accounts_comparison_follows_and_sets_the_scope(open_studio, qtbot, tmp_path):
    studio = open_studio()
    world = seed(studio.client(), tmp_path)
    window = studio.window
    window.accounts.reload()
    qtbot.waitUntil(lambda: window.accounts.rowCount() == 2, timeout=WAIT_MS)
    page = _open(qtbot, studio)
    tabs, accounts_index = page.tabs, 5
    assert tabs.isTabVisible(accounts_index)
    page.show_tab("accounts")
    table = page.accounts_tab
    qtbot.waitUntil(lambda: table.model.rowCount() == 2 and not page.busy)
    fading = world.notes[FADING].account_id
    rows = {row.account_id: row for row in table.model.rows()}
    assert "views" in rows[fading].slipping
    first = table.proxy.data(table.proxy.index(0, 0), table.model.RowRole)
    assert first.account_id != fading  # most viewed first

    # A double-click looks at that account alone: the switcher follows, the page too.
    row = next(
        r
        for r in range(table.proxy.rowCount())
        if table.proxy.data(table.proxy.index(r, 0), table.model.RowRole).account_id == fading
    )
    rect, viewport = table.table.visualRect(table.proxy.index(row, 0)), table.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.scope.account_id == str(fading)
    assert not tabs.isTabVisible(accounts_index)
    month = page.period
    qtbot.waitUntil(
        lambda: page.sections["summary"].question.account_id == str(fading) and not page.busy
    )
    alone = world.totals(month.start, month.end, account_id=fading)
    assert page.summary.totals["impressions"] == alone["impressions"]
    assert page.overview.tiles["impressions"].value_label.text() == value_text(
        "impressions", alone["impressions"]
    )
    assert "周末去露营" in page.subtitle.text()

    window.scope.select(None)
    qtbot.waitUntil(lambda: page.summary.totals["impressions"] > alone["impressions"])
    assert tabs.isTabVisible(accounts_index)

    # The brand's campaigns and the platform's exports have their own screens, hosted here.
    page.show_tab("campaigns")
    assert isinstance(page.campaign_panel, CampaignPanel)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.import_dialog, ImportDialog) and page.import_dialog.isVisible()
    page.import_dialog.reject()


def test_nothing_yet_then_a_stopped_backend(open_studio, qtbot):
    studio = open_studio()
    page = _open(qtbot, studio)
    assert page.overview_stack.currentWidget() is page.empty_state
    assert "python main.py demo" in page.empty_state.text.text()
    assert not page.banner.isVisible()

    translator = QTranslator()
    assert translator.load(str(resources.path("i18n", "studio_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        studio.ctx.connection.stop()
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.banner.isVisible() and not page.busy, timeout=WAIT_MS)
        reason = message("backend.unreachable")
        assert reason != "The studio's backend cannot be reached right now."  # in Chinese
        assert reason in page.banner.text
        assert [button.text() for button in page.banner.buttons()]  # a retry
    finally:
        QCoreApplication.removeTranslator(translator)
