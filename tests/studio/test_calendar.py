"""The Calendar: notes on the right day in Beijing time, drag to reschedule, refusals snap back,
pacing warnings; and the plain decisions behind it (days shown, palette, pacing)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from publisher.domain.rules import load_rules
from publisher.schemas import AccountPublic, NotePublic
from studio.models.calendar import (
    PALETTE,
    CalendarEntry,
    Pacing,
    ViewMode,
    account_colour,
    account_colours,
    lanes,
    pacing_warnings,
    snapped_time,
    step,
    visible_days,
)
from studio.widgets.calendar_grid import NOTE_MIME
from studio.widgets.week_timeline import HOUR_PX, DayColumn
from tests.media_samples import write_image

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _entry(account: uuid.UUID, at: datetime) -> CalendarEntry:
    return CalendarEntry(uuid.uuid4(), account, "me", "t", "scheduled", 1, at, "#000000")


def test_week_runs_monday_to_sunday_and_month_covers_whole_weeks():
    week = visible_days(ViewMode.WEEK, date(2026, 11, 27))
    assert week[0] == date(2026, 11, 23) and week[-1] == date(2026, 11, 29)
    month = visible_days(ViewMode.MONTH, date(2026, 11, 27))
    assert month[0] == date(2026, 10, 26) and month[-1] == date(2026, 12, 6)
    assert len(month) % 7 == 0
    assert step(ViewMode.MONTH, date(2026, 1, 31), 1) == date(2026, 2, 1)
    assert step(ViewMode.MONTH, date(2026, 1, 31), -1) == date(2025, 12, 1)
    assert step(ViewMode.WEEK, date(2026, 11, 27), -1) == date(2026, 11, 20)


def test_each_account_keeps_one_colour():
    account = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert account_colour(account) == account_colour(uuid.UUID(str(account)))
    colours = {account_colour(uuid.uuid4()) for _ in range(200)}
    assert colours == set(PALETTE)


def test_up_to_eight_accounts_never_share_a_colour_and_a_new_one_recolours_none():
    def account(minute: int) -> AccountPublic:
        return AccountPublic(
            id=uuid.uuid4(),
            organization_id=uuid.uuid4(),
            nickname=f"a{minute}",
            platform_user_id=None,
            timezone="Asia/Shanghai",
            version=1,
            created_at=datetime(2026, 1, 1, 0, minute, tzinfo=UTC),
        )

    accounts = [account(minute) for minute in range(len(PALETTE) - 1)]
    before = account_colours(accounts)
    assert len(set(before.values())) == len(accounts)
    after = account_colours([*accounts, account(59)])
    assert set(after.values()) == set(PALETTE)
    assert {key: after[key] for key in before} == before


def test_pacing_warns_over_the_daily_count_and_under_the_gap():
    pacing = Pacing.from_rules(load_rules())
    assert pacing.max_per_day == 3 and pacing.min_gap == timedelta(hours=2)
    mine, other = uuid.uuid4(), uuid.uuid4()
    day = datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI)
    entries = [_entry(mine, day + timedelta(hours=3 * i)) for i in range(4)]
    entries += [_entry(other, day), _entry(other, day + timedelta(minutes=90))]
    entries += [
        _entry(other, day + timedelta(days=1)),
        _entry(other, day + timedelta(days=1, hours=2)),
    ]
    warnings = {(w.account_id, w.day, w.kind): w.params for w in pacing_warnings(entries, pacing)}
    assert warnings == {
        (mine, day.date(), "too_many"): {"count": 4, "max": 3},
        (other, day.date(), "too_close"): {"minutes": 90, "min_minutes": 120},
    }


def _scheduled(client, folder: Path, at: datetime, title: str = "周末去哪儿") -> NotePublic:
    sha = client.upload_media(write_image(folder / f"{uuid.uuid4().hex}.jpg")).sha256
    account = client.list_accounts()[0].id
    note, _ = client.create_note(
        account_id=account, title=title, body="正文", media=[{"sha256": sha}]
    )
    scheduled, _ = client.schedule_note(note.id, at=at, version=note.version)
    return scheduled


def _beijing(days_ahead: int, hour: int, minute: int = 0) -> datetime:
    today = datetime.now(SHANGHAI).date()
    return datetime.combine(
        today + timedelta(days=days_ahead), datetime.min.time(), tzinfo=SHANGHAI
    ).replace(hour=hour, minute=minute)


def _open_calendar(studio, qtbot, count: int):
    page = studio.window.calendar_page
    studio.window.show_page("calendar")
    page.model.reload()
    qtbot.waitUntil(lambda: len(page.model.entries) == count, timeout=10_000)
    return page


def _chip_titles(page, day: date) -> list[str]:
    return [chip.entry.title for chip in page.chips_on(day)]


def _drop(page, note_id: uuid.UUID, day: date, y: float = 10) -> None:
    """Drop the note on `day` of the current view, `y` pixels down its cell or column."""
    mime = QMimeData()
    mime.setData(NOTE_MIME, str(note_id).encode("ascii"))
    event = QDropEvent(
        QPointF(10, y),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target = page.timeline.columns[day] if page.mode is ViewMode.WEEK else page.grid.cells[day]
    target.dropEvent(event)


def test_notes_appear_on_their_day_in_beijing_time(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    evening = _beijing(1, 20)
    # 00:30 in Beijing is still the previous day in UTC: the calendar must follow Beijing.
    past_midnight = _beijing(3, 0, 30)
    assert past_midnight.astimezone(UTC).date() == past_midnight.date() - timedelta(days=1)
    _scheduled(client, tmp_path, evening, "明晚八点")
    _scheduled(client, tmp_path, past_midnight, "午夜之后")
    page = _open_calendar(studio, qtbot, 2)
    page.set_mode(ViewMode.MONTH)
    page.show_date(past_midnight.date())
    assert _chip_titles(page, past_midnight.date()) == ["午夜之后"]
    assert _chip_titles(page, past_midnight.date() - timedelta(days=1)) == []
    page.show_date(evening.date())
    chip = page.chips_on(evening.date())[0]
    assert chip.entry.title == "明晚八点"
    assert chip.entry.at.strftime("%H:%M") == "20:00"
    assert chip.entry.colour == account_colour(client.list_accounts()[0].id)
    opened = []
    page.open_requested.connect(opened.append)
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert opened == [str(chip.entry.note_id)]


def test_dragging_a_note_reschedules_it_on_the_server(open_studio, qtbot, tmp_path):
    """In the month a drop keeps the time of day."""
    studio = open_studio()
    client = studio.client()
    note = _scheduled(client, tmp_path, _beijing(1, 20))
    page = _open_calendar(studio, qtbot, 1)
    page.set_mode(ViewMode.MONTH)
    target = _beijing(3, 20)
    page.show_date(target.date())
    _drop(page, note.id, target.date())
    assert _chip_titles(page, target.date()) == [note.title]
    qtbot.waitUntil(lambda: client.get_note(note.id).scheduled_at == target, timeout=10_000)
    assert client.get_note(note.id).version == note.version + 1


def test_a_refused_drag_snaps_back_with_the_reason(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    start = _beijing(1, 20)
    note = _scheduled(client, tmp_path, start)
    page = _open_calendar(studio, qtbot, 1)
    too_late = (start + timedelta(days=20)).date()
    page.show_date(too_late)
    _drop(page, note.id, too_late)
    qtbot.waitUntil(lambda: page.model.entry(note.id).at == start, timeout=10_000)
    qtbot.waitUntil(lambda: any("Too far ahead" in t for t in studio.window.toasts.texts()))
    assert _chip_titles(page, too_late) == []
    page.show_date(start.date())
    assert _chip_titles(page, start.date()) == [note.title]
    server = client.get_note(note.id)
    assert server.scheduled_at == start and server.version == note.version


def test_pacing_warning_shows_for_a_crowded_day(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    for hour in (9, 12, 15, 20):
        _scheduled(client, tmp_path, _beijing(2, hour))
    page = _open_calendar(studio, qtbot, 4)
    page.show_date(_beijing(2, 9).date())
    texts = [label.text() for label in page.warning_labels]
    assert len(texts) == 1
    assert "4 notes in one day" in texts[0] and "at most 3" in texts[0]
    page.go(1)
    assert _beijing(2, 9).date() not in page.grid.cells
    assert page.warning_labels == []


def test_a_published_note_to_post_by_hand_leads_to_its_package(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    sha = client.upload_media(write_image(tmp_path / "cover.jpg")).sha256
    account = client.list_accounts()[0].id
    draft, _ = client.create_note(
        account_id=account, title="已发布待搬运", body="正文", media=[{"sha256": sha}]
    )
    published, _ = client.publish_note(draft.id, version=draft.version)
    page = _open_calendar(studio, qtbot, 1)
    page.show_date(page.model.entries[0].day)
    chip = page.chips_on(page.model.entries[0].day)[0]
    assert chip.entry.awaiting_post
    actions = [action.text() for action in chip.context_menu().actions()]
    assert actions == ["Open note", "Publish package…", "Public page…"]
    assert [button.text() for button in page.awaiting_buttons] == ["📦 已发布待搬运"]

    qtbot.mouseClick(page.awaiting_buttons[0], Qt.MouseButton.LeftButton)
    dialog = studio.window.package_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.note_id == published.id

    client.confirm_posted(published.id)
    page.model.reload()
    qtbot.waitUntil(lambda: not page.model.awaiting_post(), timeout=10_000)
    assert page.awaiting_buttons == []


def test_dropping_on_the_week_axis_moves_to_that_day_and_time(open_studio, qtbot, tmp_path):
    studio = open_studio()
    client = studio.client()
    note = _scheduled(client, tmp_path, _beijing(1, 20))
    page = _open_calendar(studio, qtbot, 1)
    target = _beijing(2, 9, 30)
    page.show_date(target.date())
    # 9:37 under the pointer snaps to 9:30.
    _drop(page, note.id, target.date(), y=(9 * 60 + 37) * HOUR_PX / 60)
    assert _chip_titles(page, target.date()) == [note.title]
    qtbot.waitUntil(lambda: client.get_note(note.id).scheduled_at == target, timeout=10_000)
    chip = page.chips_on(target.date())[0]
    assert chip.y() == (9 * 60 + 30) * HOUR_PX // 60


def test_the_week_axis_snaps_and_sets_close_notes_side_by_side():
    assert snapped_time(9 * 60 + 37) == time(9, 30)
    assert snapped_time(9 * 60 + 38) == time(9, 45)
    assert snapped_time(-5) == time(0, 0)
    assert snapped_time(24 * 60 + 30) == time(23, 45)
    account = uuid.uuid4()
    day = datetime(2026, 12, 1, tzinfo=SHANGHAI)
    at = [day.replace(hour=h, minute=m) for h, m in ((9, 0), (9, 20), (9, 45), (12, 0))]
    placed = [
        (entry.at, lane, count) for entry, lane, count in lanes(_entry(account, t) for t in at)
    ]
    assert placed == [(at[0], 0, 2), (at[1], 1, 2), (at[2], 0, 2), (at[3], 0, 1)]


def test_a_reload_while_a_chips_menu_is_open_waits_for_the_menu(open_studio, qtbot, tmp_path):
    """The menu's chip must outlive its menu: a rebuild during it deleted the chip under it."""
    studio = open_studio()
    note = _scheduled(studio.client(), tmp_path, _beijing(1, 20))
    page = _open_calendar(studio, qtbot, 1)
    day = _beijing(1, 20).date()
    page.show_date(day)
    chip = page.chips_on(day)[0]
    opened: list[str] = []
    page.open_requested.connect(opened.append)

    def while_open() -> None:
        menu = QApplication.activePopupWidget()
        page.model.changed.emit()  # a reload answering now
        assert page.chips_on(day)[0] is chip
        menu.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(200, while_open)
    where = QPoint(5, 5)
    reason = QContextMenuEvent.Reason.Mouse
    chip.contextMenuEvent(QContextMenuEvent(reason, where, chip.mapToGlobal(where)))
    assert opened == [str(note.id)]
    assert page.chips_on(day)[0] is not chip  # rebuilt once the menu closed


def test_a_late_note_keeps_its_whole_chip_inside_the_day(qapp):
    day = datetime(2026, 12, 1, 23, 45, tzinfo=SHANGHAI)
    column = DayColumn(day.date(), [_entry(uuid.uuid4(), day)], today=False, now=None)
    column.resize(140, 24 * HOUR_PX)
    [chip] = column.chips
    assert chip.geometry().bottom() < column.height()
    assert chip.y() > 23 * HOUR_PX
