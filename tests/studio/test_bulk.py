"""Bulk work on the Notes page against the real embedded backend: notes of two accounts
selected and scheduled with spacing (the preview, then the backend's times), a messy CSV
previewed with each row's problem and imported with its report (and imported again without
duplicates), notes moved to another account, and a preset applied to every photo."""

from __future__ import annotations

import os
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QLabel, QWidget

from editor.recipe import Recipe
from publisher.client import StudioClient
from publisher.schemas import AccountPublic, NotePublic
from studio.bulk.import_dialog import ImportPlanDialog
from studio.bulk.move_dialog import MoveDialog
from studio.bulk.preset_dialog import PresetDialog
from studio.bulk.schedule_dialog import BulkScheduleDialog
from tests.studio.conftest import Studio, make_photo

WAIT_MS = 30_000
SHOTS = os.environ.get("BULK_SHOTS")
"""A folder to save screenshots of the dialogs in (for looking at them), or unset."""
SHANGHAI = ZoneInfo("Asia/Shanghai")


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def note_with_photos(
    client: StudioClient, account: AccountPublic, folder: Path, title: str, photos: int = 1
) -> NotePublic:
    media = []
    for index in range(photos):
        path = make_photo(folder / f"{title}-{index}.jpg", (300, 400), (200, 120 + index * 30, 90))
        media.append({"sha256": client.upload_media(path).sha256})
    note, _ = client.create_note(account_id=account.id, title=title, body="正文", media=media)
    return note


@pytest.fixture
def world(open_studio, tmp_path) -> tuple[Studio, StudioClient, AccountPublic, AccountPublic]:
    studio = open_studio()
    client = studio.client()
    home = client.list_accounts()[0]
    tokyo = client.create_account(nickname="东京小号", timezone="Asia/Tokyo")
    return studio, client, home, tokyo


def notes_page(qtbot, studio: Studio, rows: int):
    studio.window.accounts.reload()
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() >= 2, timeout=WAIT_MS)
    studio.window.show_page("notes")
    page = studio.window.notes_page
    page.model.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == rows, timeout=WAIT_MS)
    return page


def select(page, titles: set[str]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in range(page.proxy.rowCount()):
        note = page.proxy.data(page.proxy.index(row, 0), page.model.NoteRole)
        if note.title in titles:
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(page.proxy.index(row, 0), flags)


def test_notes_of_two_accounts_are_scheduled_with_spacing(world, qtbot, tmp_path) -> None:
    studio, client, home, tokyo = world
    for index in range(3):
        note_with_photos(client, home, tmp_path, f"上海 {index}")
        note_with_photos(client, tokyo, tmp_path, f"东京 {index}")
    page = notes_page(qtbot, studio, 6)
    assert page.bulk_bar.count_label.text().startswith("Select notes")
    assert not page.bulk_bar.schedule_button.isEnabled()
    page.table.selectAll()
    assert page.bulk_bar.count_label.text() == "Selected: 6"
    assert page.selected_note() is None, "single-note actions wait for one note"

    dialog = page.bulk_bar.open_schedule()
    assert isinstance(dialog, BulkScheduleDialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT_MS)
    assert dialog.table.rowCount() == 6 and len(dialog.plan.slots) == 6
    assert dialog.action_button.text() == "Schedule (6)"
    # Each account got the same photos: the batch's near-duplicate check names the pairs
    # above the preview, and scheduling stays possible.
    qtbot.waitUntil(lambda: bool(dialog.duplicates), timeout=WAIT_MS)
    assert dialog.checks_box.isVisibleTo(dialog)
    (warning,) = dialog.checks_box.findChildren(QLabel)
    assert "Similar content on your accounts" in warning.text()
    assert "上海 0" in warning.text() and "东京 0" in warning.text()
    assert dialog.action_button.isEnabled()
    shot(dialog, "schedule-preview")

    # The preview follows the rules as they are typed: one day, one post each.
    dialog.last_day.setDate(dialog.first_day.date())
    dialog.per_day.setValue(1)
    assert len(dialog.plan.slots) == 2 and len(dialog.plan.unplaced) == 4
    assert dialog.table.texts(2).count("No room for it in these days under these rules.") == 4
    assert dialog.action_button.text() == "Schedule (2)"
    shot(dialog, "schedule-tight")
    dialog.hours_to.setTime(dialog.hours_from.time().addSecs(-3600))
    assert dialog.error_label.text() == "The posting hours end before they start."
    assert not dialog.action_button.isEnabled()
    dialog.hours_to.setTime(dialog.hours_from.time().addSecs(14 * 3600))
    dialog.per_day.setValue(2)
    dialog.last_day.setDate(dialog.first_day.date().addDays(2))
    assert len(dialog.plan.slots) == 6
    preview = {slot.note_id: slot.at for slot in dialog.plan.slots}

    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.result_page is not None, timeout=WAIT_MS)
    shot(dialog, "schedule-results")
    assert dialog.done_button.isVisible() and not dialog.action_button.isVisible()
    assert all(text.startswith("Scheduled for ") for text in dialog.table.texts(2))
    assert "Scheduled: 6. Not scheduled: 0." == dialog.summary.text()
    stored = [client.get_note(item.note_id) for item in dialog.result_page.items]
    assert all(note.status == "scheduled" for note in stored)
    assert {str(note.id): note.scheduled_at for note in stored} == preview
    for account, zone in ((home, "Asia/Shanghai"), (tokyo, "Asia/Tokyo")):
        times = sorted(note.scheduled_at for note in stored if note.account_id == account.id)
        assert all(b - a >= timedelta(hours=4) for a, b in zip(times, times[1:], strict=False))
        assert max(Counter(t.astimezone(ZoneInfo(zone)).date() for t in times).values()) <= 2
        assert all(8 <= t.astimezone(ZoneInfo(zone)).hour < 22 for t in times)
    dialog.done_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 6 and page.model.note(0).status == "scheduled")


def messy_csv(folder: Path, day: str) -> Path:
    make_photo(folder / "latte.jpg", (300, 400), (200, 150, 90))
    make_photo(folder / "cup.jpg", (300, 400), (90, 150, 200))
    (folder / "broken.jpg").write_text("not a photo")
    text = "\r\n".join(
        [
            "账号,发布时间,标题,正文,话题,图片",
            f"东京小号,{day} 20:00,周末咖啡探店,拿铁好喝,#咖啡 #探店,latte.jpg|cup.jpg",
            ",,,,,",
            f"没有这个号,{day} 20:00,标题,正文,,latte.jpg",
            "东京小号,后天晚上,看不懂的时间,正文,,latte.jpg",
            "东京小号,,坏图,正文,,broken.jpg",
            "东京小号,,找不到的图,正文,,gone.jpg",
            "东京小号,,只是草稿,先写着,,",
        ]
    )
    path = folder / "plan.csv"
    path.write_bytes(text.encode("gb18030"))
    return path


def test_a_messy_csv_is_previewed_imported_and_not_duplicated(world, qtbot, tmp_path) -> None:
    studio, client, _home, _tokyo = world
    page = notes_page(qtbot, studio, 0)
    day = datetime.now(SHANGHAI) + timedelta(days=2)
    path = messy_csv(tmp_path, day.strftime("%Y-%m-%d"))
    page.bulk_bar.import_csv(path)
    qtbot.waitUntil(lambda: isinstance(page.bulk_bar.dialog, ImportPlanDialog), timeout=WAIT_MS)
    dialog = page.bulk_bar.dialog
    problems = dict(zip(dialog.table.texts(0), dialog.table.texts(5), strict=True))
    assert problems["2"] == "" and problems["8"] == ""
    assert problems["⚠ 4"] == "There is no account “没有这个号” among yours."
    assert problems["⚠ 5"].startswith("“后天晚上” is not a date and time")
    assert problems["⚠ 6"].startswith("“broken.jpg” is not a photo")
    assert problems["⚠ 7"].startswith("The photo “gone.jpg” is not there")
    assert problems["⚠ 3"] == "The row is empty."
    assert dialog.action_button.text() == "Import (2)"
    shot(dialog, "import-preview")

    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    shot(dialog, "import-report")
    assert dialog.summary.text() == (
        "Created: 2. Already imported before: 0. Scheduled: 1. Rejected: 5."
    )
    notes = {note.title: note for note in client.list_notes().items}
    assert set(notes) == {"周末咖啡探店", "只是草稿"}
    coffee = notes["周末咖啡探店"]
    assert coffee.status == "scheduled" and len(coffee.media) == 2
    assert all(item.rendered_sha256 for item in coffee.media), "photos exported as published"
    assert coffee.scheduled_at.astimezone(ZoneInfo("Asia/Tokyo")).hour == 20
    dialog.done_button.click()

    page.bulk_bar.import_csv(path)
    qtbot.waitUntil(lambda: page.bulk_bar.dialog is not dialog, timeout=WAIT_MS)
    again = page.bulk_bar.dialog
    again.action_button.click()
    qtbot.waitUntil(lambda: again.report is not None, timeout=WAIT_MS)
    assert again.summary.text().startswith("Created: 0. Already imported before: 2.")
    assert client.list_notes().total == 2


def test_notes_move_to_another_account(world, qtbot, tmp_path) -> None:
    studio, client, home, tokyo = world
    draft = note_with_photos(client, home, tmp_path, "草稿")
    out = note_with_photos(client, home, tmp_path, "已发布")
    client.publish_note(out.id, version=out.version)
    page = notes_page(qtbot, studio, 2)
    page.table.selectAll()
    dialog = page.bulk_bar.open_move()
    assert isinstance(dialog, MoveDialog)
    dialog.select_account(str(tokyo.id))
    assert dialog.action_button.text() == "Move (1)"
    shot(dialog, "move-preview")
    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=WAIT_MS)
    shot(dialog, "move-results")
    assert client.get_note(draft.id).account_id == tokyo.id
    assert client.get_note(out.id).account_id == home.id
    assert dialog.summary.text() == "Moved: 1. Not moved: 1."
    assert dialog.table.texts(2)[0] == "Moved to 东京小号"


def test_a_preset_is_applied_to_every_photo(world, qtbot, tmp_path) -> None:
    studio, client, home, _tokyo = world
    look = Recipe().with_adjust(exposure=0.8, saturation=0.4)
    client.create_preset(name="暖阳", recipe=look.look().to_dict())
    two = note_with_photos(client, home, tmp_path, "两张图", photos=2)
    cropped = {"geometry": {"crop": {"x": 0.1, "y": 0.1, "w": 0.8, "h": 0.8}}}
    first = two.media[0]
    two, _ = client.update_note(
        two.id,
        version=two.version,
        media=[{"sha256": first.sha256, "recipe": cropped}, {"sha256": two.media[1].sha256}],
    )
    page = notes_page(qtbot, studio, 1)
    page.table.selectAll()
    dialog = page.bulk_bar.open_preset()
    assert isinstance(dialog, PresetDialog)
    qtbot.waitUntil(lambda: dialog.presets.rowCount() == 1, timeout=WAIT_MS)
    assert not dialog.action_button.isEnabled()
    dialog.select_preset("暖阳")
    assert dialog.action_button.isEnabled()
    shot(dialog, "preset-preview")
    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.outcomes is not None, timeout=WAIT_MS)
    shot(dialog, "preset-results")
    assert dialog.table.texts(2) == ["Photos changed: 2"]
    stored = client.get_note(two.id)
    recipes = [Recipe.from_dict(item.recipe) for item in stored.media]
    assert all(recipe.adjust == look.adjust for recipe in recipes)
    assert recipes[0].geometry == Recipe.from_dict(cropped).geometry, "the crop stays"
    assert all(item.rendered_sha256 for item in stored.media)
    assert len({item.rendered_sha256 for item in stored.media}) == 2
