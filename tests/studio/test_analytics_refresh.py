"""Analytics keeps itself fresh: readers' events sent to the real backend show up on the page in
view without a click — quietly (no busy sign), the notes table updated in place with its
selection following the note it was on — and "Updated hh:mm:ss" says when."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QModelIndex

from publisher.stats_schemas import EventIn
from studio.analytics.metric_labels import value_text
from tests.publisher.scheduling_helpers import publishable_note

WAIT_MS = 20_000
INTERVAL_MS = 250


def _views(client, note_id, count: int) -> None:
    now = datetime.now(UTC) - timedelta(minutes=1)
    client.send_events(
        [EventIn(id=uuid.uuid4().hex, note_id=note_id, kind="view", ts=now) for _ in range(count)]
    )


def _busy_signals(page) -> list[bool]:
    """Every busy sign the page's loads give from now on."""
    seen: list[bool] = []
    for section in page.sections.values():
        section.busy_changed.connect(seen.append)
    page.notes_tab.model.busy_changed.connect(seen.append)
    return seen


def test_readers_events_show_up_by_themselves(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    notes = []
    for title in ("第一篇", "第二篇"):
        draft = publishable_note(client, tmp_path, title=title)
        notes.append(client.publish_note(draft.id, version=draft.version)[0])
    first, second = notes
    _views(client, first.id, 5)
    _views(client, second.id, 2)
    window = studio.window
    window.accounts.reload()
    qtbot.waitUntil(lambda: window.accounts.rowCount() >= 1, timeout=WAIT_MS)
    window.show_page("analytics")
    page = window.analytics_page
    page.auto_refresh.setInterval(INTERVAL_MS)
    qtbot.waitUntil(lambda: page.summary is not None and not page.busy, timeout=WAIT_MS)
    views = page.overview.tiles["views"].value_label
    assert views.text() == value_text("views", 7)
    assert page.updated_label.text().startswith("Updated ")
    assert page.auto_refresh.isActive()

    # The overview: more views arrive; the tile follows without a click or a busy sign.
    busy = _busy_signals(page)
    _views(client, second.id, 4)
    qtbot.waitUntil(lambda: views.text() == value_text("views", 11), timeout=WAIT_MS)
    assert True not in busy and not page.busy_corner.isVisible()

    # The notes table: the selected note overtakes the other; it stays selected, in its new
    # place, and the table was never reset.
    page.show_tab("notes")
    model, table = page.notes_tab.model, page.notes_tab.table
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not page.busy, timeout=WAIT_MS)
    assert [row.note_id for row in model.rows()] == [second.id, first.id]
    table.selectRow(1)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    busy.clear()
    _views(client, first.id, 10)
    qtbot.waitUntil(
        lambda: [row.note_id for row in model.rows()] == [first.id, second.id], timeout=WAIT_MS
    )
    views_column = model.column_of("views")
    assert model.data(model.index(0, views_column)) == value_text("views", 15)
    selected = table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [0]
    assert model.data(selected[0], model.RowRole).note_id == first.id
    assert resets == [] and True not in busy
    stamp = page.updated_label.text()

    # Out of view, nothing refreshes; shown again, the timer runs again.
    window.show_page("notes")
    assert not page.auto_refresh.isActive()
    window.show_page("analytics")
    assert page.auto_refresh.isActive()
    qtbot.waitUntil(lambda: page.updated_label.text() != stamp, timeout=WAIT_MS)
    assert table.currentIndex() != QModelIndex()
