"""Scheduling in Create against the real backend: tomorrow 20:00 Beijing time is 12:00 UTC
on the server; a too-soon time is refused with the translated reason; a restart shows it."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime

from studio.composer.schedule_time import default_plan, local_parts, planned_iso
from studio.drafts.session import SaveState
from tests.studio.helpers import type_text

WAIT_MS = 40_000
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _saved(studio) -> bool:
    session = studio.window.drafts.current
    return session.note_id is not None and session.state is SaveState.SAVED


def _note_with_image(open_studio, qtbot, images, data):
    studio = open_studio(data)
    qtbot.waitUntil(lambda: studio.window.accounts.rowCount() > 0, timeout=WAIT_MS)
    page = studio.window.create_page
    type_text(page.title_edit, "上海咖啡探店")
    page.add_files(images[:1])
    qtbot.waitUntil(lambda: len(page.media.ready_shas()) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _saved(studio), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.checklist.result is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.checklist.result.blocked, timeout=WAIT_MS)
    return studio, page


def _pick(page, when: datetime) -> None:
    local = when.astimezone(SHANGHAI)
    page.schedule_box.date_edit.setDate(QDate(local.year, local.month, local.day))
    page.schedule_box.time_edit.setTime(QTime(local.hour, local.minute))


def test_tomorrow_at_eight_pm_beijing_is_noon_utc_and_survives_a_restart(
    open_studio, qtbot, images, tmp_path
):
    data = tmp_path / "data"
    studio, page = _note_with_image(open_studio, qtbot, images, data)
    box = page.schedule_box
    assert box.zone_label.text() == "Beijing time"
    tomorrow = datetime.now(SHANGHAI).date() + timedelta(days=1)
    assert (box.date_edit.date().toPython(), box.time_edit.time().toString("HH:mm")) == (
        tomorrow,
        "20:00",
    )
    assert box.window_label.text().startswith("Allowed: ")
    box.schedule_button.click()
    session = studio.window.drafts.current
    qtbot.waitUntil(lambda: session.status == "scheduled", timeout=WAIT_MS)
    note = studio.client().get_note(uuid.UUID(session.note_id))
    assert note.status == "scheduled"
    assert note.scheduled_at == datetime(
        tomorrow.year, tomorrow.month, tomorrow.day, 12, tzinfo=UTC
    )
    expected = f"Scheduled for {tomorrow.isoformat()} 20:00 (Beijing time)"
    assert box.state_label.text() == expected
    assert box.unschedule_button.isVisible()
    assert box.schedule_button.text() == "Reschedule"
    studio.close()

    again = open_studio(data)
    qtbot.waitUntil(lambda: again.window.drafts.current.note_id == str(note.id), timeout=WAIT_MS)
    page = again.window.create_page
    qtbot.waitUntil(lambda: page.schedule_box.state_label.text() == expected, timeout=WAIT_MS)
    page.schedule_box.unschedule_button.click()
    session = again.window.drafts.current
    qtbot.waitUntil(lambda: session.status == "draft", timeout=WAIT_MS)
    assert again.client().get_note(note.id).scheduled_at is None
    assert page.schedule_box.date_edit.date().toPython() == tomorrow


def test_too_soon_is_refused_with_the_reason(open_studio, qtbot, images, tmp_path):
    studio, page = _note_with_image(open_studio, qtbot, images, tmp_path / "data")
    _pick(page, datetime.now(UTC) + timedelta(minutes=20))
    qtbot.waitUntil(lambda: page.checklist.status_of("schedule") == "block", timeout=WAIT_MS)
    [reason] = page.checklist.reasons_of("schedule")
    assert reason.startswith("Too soon: schedule it for ") and reason.endswith(" or later.")
    assert not page.schedule_box.schedule_button.isEnabled()
    assert page.schedule_box.state_label.text() == reason
    assert page.publish_button.isEnabled()  # the planned time does not stop publishing now

    # Asked anyway (the checklist was stale): the server refuses with the same words.
    session = studio.window.drafts.current
    session.schedule()
    qtbot.waitUntil(lambda: "Not scheduled" in page.notice_banner.text, timeout=WAIT_MS)
    assert "• Too soon: schedule it for " in page.notice_banner.text
    assert studio.client().get_note(uuid.UUID(session.note_id)).status == "draft"

    _pick(page, datetime.now(UTC) + timedelta(days=2))
    qtbot.waitUntil(lambda: page.checklist.status_of("schedule") == "pass", timeout=WAIT_MS)
    assert page.schedule_box.schedule_button.isEnabled()


def test_wall_clock_times_turn_into_aware_instants_and_back():
    day = date(2026, 11, 28)
    iso = planned_iso(day, time(20, 0), "Asia/Shanghai")
    assert datetime.fromisoformat(iso) == datetime(2026, 11, 28, 12, tzinfo=UTC)
    assert local_parts(iso, "Asia/Shanghai") == (day, time(20, 0))
    # A zone with daylight saving: 20:00 in New York in July is 00:00 UTC the next day.
    summer = planned_iso(date(2026, 7, 1), time(20, 0), "America/New_York")
    assert datetime.fromisoformat(summer) == datetime(2026, 7, 2, 0, tzinfo=UTC)
    # An unknown zone falls back to Beijing time rather than failing.
    assert planned_iso(day, time(20, 0), "Mars/Olympus") == iso
    late_evening = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)  # 01:30 on the 28th in Shanghai
    assert default_plan(late_evening, "Asia/Shanghai") == (date(2026, 11, 29), time(20, 0))
