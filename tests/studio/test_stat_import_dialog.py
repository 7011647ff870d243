"""Importing the data center's export against the real embedded backend: a messy workbook (title
and period lines, a merged two-row header, 1.2万 and -- cells, a blank row, a totals row, an
unreadable cell) dropped on the dialog, its rows matched to published notes by title and date,
one row matched by hand and one left out; the figures then count in the account's summary,
the same file imported again adds nothing, and a broken file is refused in words."""

from __future__ import annotations

import os
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from publisher.client import StudioClient
from publisher.domain.timezones import zone
from studio.analytics.import_dialog import ImportDialog, idempotency_key
from tests.publisher.scheduling_helpers import publishable_note
from tests.studio.conftest import Studio

WAIT_MS = 20_000
SHOTS = os.environ.get("ANALYTICS_SHOTS")
SHANGHAI = zone("Asia/Shanghai")


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()  # a layout asked for by the last change
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def published(client: StudioClient, folder: Path, title: str):
    note = publishable_note(client, folder, title)
    return client.publish_note(note.id, version=note.version)[0]


def messy_export(path: Path) -> Path:
    """The data center's 笔记数据 as a creator downloads it, with what real sheets carry."""
    today = datetime.now(SHANGHAI).date()
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "笔记数据明细"
    sheet.merge_cells("A1:I1")
    sheet["A2"] = f"统计时间：{today - timedelta(days=29)} 至 {today}"
    sheet.append(["笔记标题", "发布时间", "基础数据", None, "互动数据", None, None, None, "涨粉"])
    sheet.append([None, None, "曝光", "观看", "点赞", "收藏", "评论", "分享", None])
    for column in "ABI":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("C3:D3")
    sheet.merge_cells("E3:H3")
    stamp = f"{today:%Y/%m/%d} 19:30"
    sheet.append(["秋天的第一杯奶茶", stamp, "1.2万", "12,345", 812, "1,024", 56, "--", 30])  # 5
    sheet.append(["手冲咖啡入门", stamp, 3400, 980, 150, 40, 12, 3, 5])  # 6: by hand
    sheet.append([])  # 7
    sheet.append(["周末 露营清单", stamp, 900, 120, 9, 3, 1, 0, 0])  # 8: left out
    sheet.append(["坏了的一行", stamp, 10, 5, "12x", 1, 0, 0, 0])  # 9
    sheet.append(["别人家的笔记", stamp, 70, 7, 1, 0, 0, 0, 0])  # 10: not matched
    sheet.append(["合计", None, "1.6万", 13457, 972, 1068, 69, 3, 35])  # 11
    book.save(path)
    return path


def drop(dialog: ImportDialog, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(event)


def open_dialog(studio: Studio, qtbot, account_id: str) -> ImportDialog:
    dialog = ImportDialog(studio.ctx, account_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.accounts_loaded, timeout=WAIT_MS)
    return dialog


@pytest.fixture
def world(open_studio, tmp_path):
    studio = open_studio()
    client = studio.client()
    account = client.list_accounts()[0]
    notes = {
        title: published(client, tmp_path, title)
        for title in ("秋天的第一杯奶茶🍂", "周末露营清单", "一分钟学会手冲")
    }
    return studio, client, account, notes


def test_a_messy_export_is_matched_corrected_and_imported_once(world, qtbot, tmp_path) -> None:
    studio, client, account, notes = world
    path = messy_export(tmp_path / "笔记数据.xlsx")
    before = client.stats_summary(account_id=account.id).totals

    dialog = open_dialog(studio, qtbot, str(account.id))
    assert dialog.account_combo.currentText() == account.nickname
    drop(dialog, path)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    assert dialog.table.texts(0) == ["5", "6", "8", "⚠ 9", "10"]
    assert dialog.table.texts(6) == [
        "By title and date",
        "Not matched",
        "By title and date",
        "",
        "Not matched",
    ]
    assert dialog.table.texts(1)[3] == "“12x” in “点赞” is not a count."
    assert dialog.table.texts(3)[0] == "12,000" and dialog.table.texts(5)[0] == "1,892"
    assert dialog.summary.text().endswith(
        "Skipped: row 7 (Blank row); row 11 (A totals row, not a note)."
    )
    assert dialog.as_of_edit.date().toPython() == datetime.now(SHANGHAI).date()
    assert dialog.action_button.text() == "Import figures of 2 notes"
    shot(dialog, "import-preview")

    dialog.choose(6, notes["一分钟学会手冲"].id)
    dialog.choose(8, None)
    assert dialog.table.texts(6)[:3] == ["By title and date", "Chosen by you", "Left out"]
    assert dialog.action_button.text() == "Import figures of 2 notes"
    assert dialog.assignments == {6: notes["一分钟学会手冲"].id, 8: None}
    shot(dialog, "import-chosen")
    qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)
    summary = dialog.summary.text()
    assert "Imported the figures of 2 notes" in summary
    assert "Not matched: 1. Left out: 1." in summary
    assert "Added: Impressions +15,400 · Views +13,325" in summary
    assert dialog.table.texts(2) == [
        "Into “秋天的第一杯奶茶🍂”",
        "Into “一分钟学会手冲”",
        "Left out",
        "Not matched",
    ]
    shot(dialog, "import-report")
    totals = client.stats_summary(account_id=account.id).totals
    assert totals["impressions"] - before["impressions"] == 12_000 + 3_400
    assert totals["views"] - before["views"] == 12_345 + 980
    assert totals["likes"] - before["likes"] == 812 + 150
    assert totals["follows"] - before["follows"] == 35
    dialog.accept()

    # The same file again, with the same choices: nothing more counts.
    again = open_dialog(studio, qtbot, str(account.id))
    again.load_file(path)
    qtbot.waitUntil(lambda: again.preview is not None and not again.busy, timeout=WAIT_MS)
    again.choose(6, notes["一分钟学会手冲"].id)
    again.choose(8, None)
    again.start_import()
    qtbot.waitUntil(lambda: again.outcome is not None, timeout=WAIT_MS)
    assert "Nothing new was added" in again.summary.text()
    assert client.stats_summary(account_id=account.id).totals == totals
    shot(again, "import-again")


def test_a_broken_file_is_refused_in_words(open_studio, qtbot, tmp_path) -> None:
    studio = open_studio()
    account = studio.client().list_accounts()[0]
    dialog = open_dialog(studio, qtbot, None)
    assert dialog.account_combo.currentData() == str(account.id)
    broken = tmp_path / "笔记数据.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog.load_file(broken)
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()), timeout=WAIT_MS)
    assert dialog.error_label.text() == (
        "“笔记数据.xlsx” cannot be imported: The file is not a readable Excel workbook (.xlsx)."
    )
    assert not dialog.action_button.isEnabled() and dialog.table.isHidden()
    shot(dialog, "import-broken")


def test_the_key_names_the_file_the_account_the_day_and_the_choices() -> None:
    account, note = uuid.uuid4(), uuid.uuid4()
    key = idempotency_key("ab", account, date(2026, 8, 31), {6: note, 8: None})
    assert key == idempotency_key("ab", account, date(2026, 8, 31), {8: None, 6: note})
    assert key != idempotency_key("ab", account, date(2026, 8, 31), {6: note})
    assert key != idempotency_key("ac", account, date(2026, 8, 31), {6: note, 8: None})
    assert key != idempotency_key("ab", account, date(2026, 9, 1), {6: note, 8: None})
