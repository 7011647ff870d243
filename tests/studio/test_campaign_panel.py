"""The campaign panel against the real embedded backend: the studio's user joins a brand as an
editor, the brand's brief has a creator's note published, readers' events and spend come in;
the funnel, the tiles (ROI …) and the tables show the backend's figures, the tables export to
CSV with raw numbers, the funnel to PNG, and spend is recorded and deleted from the dialog —
until the user is only a reviewer, when the backend's refusal is shown."""

from __future__ import annotations

import csv
import os
import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from publisher.client import StudioClient
from publisher.domain.timezones import zone
from publisher.stats_schemas import EventIn, SpendCreate
from studio.analytics import spend_dialog
from studio.analytics.campaign_panel import CampaignPanel
from studio.analytics.look import ANALYTICS_STYLE
from tests.conftest import signed_up
from tests.media_samples import write_image
from tests.studio.conftest import Studio

WAIT_MS = 20_000
SHOTS = os.environ.get("ANALYTICS_SHOTS")
"""A folder to save screenshots in (for looking at them), or unset."""
SHANGHAI = zone("Asia/Shanghai")


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()  # a layout asked for by the last change
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _today() -> date:
    return (datetime.now(SHANGHAI) - timedelta(minutes=1)).date()


def _at(day: date) -> datetime:
    """Noon of a past day; a minute ago for today (events may not be in the future)."""
    if day == _today():
        return datetime.now(SHANGHAI) - timedelta(minutes=1)
    return datetime.combine(day, time(12), SHANGHAI)


def send(client: StudioClient, note_id, kind: str, count: int, day: date, **extra) -> None:
    client.send_events(
        [
            EventIn(id=uuid.uuid4().hex, note_id=note_id, kind=kind, ts=_at(day), **extra)
            for _ in range(count)
        ]
    )


def published_note(brand: StudioClient, brief_id, creator: StudioClient, account_id, folder):
    """The creator's collaboration note on the brief: accepted, written, approved, published."""
    invited, _ = brand.invite(brief_id=brief_id, account_id=account_id)
    collab, _ = creator.act(invited.id, "accept", version=invited.version)
    collab, _ = creator.attach_note(collab.id, version=collab.version)
    sha = creator.upload_media(write_image(folder / f"{uuid.uuid4().hex}.jpg")).sha256
    note = creator.get_note(collab.note_id)
    creator.update_note(
        note.id,
        version=note.version,
        title="夏天就靠它",
        body="轻薄不油腻。",
        media=[{"sha256": sha}],
    )
    collab = creator.get_collaboration(collab.id)
    collab, _ = creator.submit(collab.id, version=collab.version)
    brand.act(collab.id, "approve", version=collab.version)
    note = creator.get_note(collab.note_id)
    return creator.publish_note(note.id, version=note.version)[0]


@pytest.fixture
def panel(open_studio, qtbot) -> tuple[Studio, CampaignPanel]:
    studio = open_studio()
    panel = CampaignPanel(studio.ctx)
    panel.setStyleSheet(ANALYTICS_STYLE)  # as the Analytics page hosts it
    qtbot.addWidget(panel)
    panel.resize(1180, 1500)
    panel.show()
    qtbot.waitUntil(lambda: panel.briefs_loaded, timeout=WAIT_MS)
    return studio, panel


def test_a_brands_campaign_in_figures_tables_and_spend(panel, qtbot, tmp_path, monkeypatch) -> None:
    studio, panel = panel
    # Nothing to show before the user belongs to a brand or works in a brief.
    assert not panel.picker.isVisible()
    assert panel.empty.title.text() == "You have no campaigns yet"
    shot(panel, "campaign-none")

    url = studio.ctx.connection.url or ""
    owner = signed_up(url, "brand")
    org = owner.create_organization(name="山野防晒", kind="brand")
    code = owner.create_invitation(org.id, role="editor")[0].code
    me = studio.client()
    me.accept_invitation(code)
    now = datetime.now(UTC)
    window = {"publish_from": now, "publish_until": now + timedelta(days=10)}
    brief, _ = owner.create_brief(
        organization_id=org.id, title="夏日防晒种草", fee_fen=200_000, **window
    )
    quiet, _ = owner.create_brief(organization_id=org.id, title="秋冬保湿招募", **window)
    creator = signed_up(url, "creator")
    account = creator.create_account(nickname="小鹿爱防晒", followers=12_000)
    note = published_note(owner, brief.id, creator, account.id, tmp_path)
    yesterday = _today() - timedelta(days=1)
    for kind, count in (("impression", 1000), ("view", 100), ("like", 8), ("collect", 2)):
        send(creator, note.id, kind, count, yesterday)
    send(creator, note.id, "product_click", 20, yesterday)
    send(creator, note.id, "order", 3, _today(), value=12_900)
    owner.record_spend(SpendCreate(brief_id=brief.id, kind="fee", day=yesterday, amount_fen=19_350))
    owner.record_spend(
        SpendCreate(
            brief_id=brief.id, note_id=note.id, kind="boost", day=yesterday, amount_fen=10_000
        )
    )

    panel.reload_briefs()
    qtbot.waitUntil(lambda: len(panel.choices) == 2 and panel.stats is not None, timeout=WAIT_MS)
    assert [choice.own for choice in panel.choices] == [True, True]
    assert panel.select_brief(brief.id)
    qtbot.waitUntil(lambda: not panel.loading and panel.stats.brief_id == brief.id, timeout=WAIT_MS)
    assert panel.stack.currentIndex() == 1
    assert panel.brief_hint.text().startswith("Notes published: 1 · ")
    assert panel.funnel.texts() == [
        "1,000",
        "100",
        "10",
        "20",
        "3",
        "¥387.00",
        "Cover CTR 10.0%",
        "Engagement rate 10.0%",
        "Product clicks ÷ Interactions 200.0%",
        "Conversion rate 15.0%",
        "Per order ¥129.00",
    ]
    tiles = {key: tile.value_label.text() for key, tile in panel.tiles.items()}
    assert tiles == {
        "spend": "¥293.50",
        "gmv": "¥387.00",
        "roi": "1.32×",
        "cpe": "¥29.35",
        "cpm": "¥293.50",
        "orders": "3",
        "conversion_rate": "15.0%",
    }
    assert panel.tiles["roi"].formula_label.text() == "GMV ÷ Spend · definition v1"
    assert panel.creators_table.column_texts("creator") == ["小鹿爱防晒"]
    assert panel.notes_table.column_texts("roi") == ["3.87×"], "the note's own boost only"
    assert sum(day.totals.get("orders", 0) for day in panel.stats.series) == 3
    shot(panel, "campaign-brand")

    # The notes table to CSV: raw numbers a spreadsheet computes with.
    exported = tmp_path / "notes.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(exported), "CSV files (*.csv)")
    )
    panel.export_table(panel.notes_table)
    with exported.open(encoding="utf-8-sig", newline="") as file:
        header, row = list(csv.reader(file))
    values = dict(zip(header, row, strict=True))
    assert values["Note"] == "夏天就靠它" and values["Creator"] == "小鹿爱防晒"
    assert (values["Impressions"], values["Views"], values["Interactions"]) == ("1000", "100", "10")
    assert (values["Orders"], values["GMV"], values["Spend"]) == ("3", "387.0", "100.0")
    assert float(values["ROI"]) == pytest.approx(3.87)
    assert float(values["Engagement rate"]) == pytest.approx(0.1)
    picture = tmp_path / "funnel.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(picture), ""))
    panel.export_funnel()
    assert picture.read_bytes().startswith(b"\x89PNG")

    # Spend from the dialog: recorded, listed, deleted; the figures follow.
    dialog = panel.open_spend_dialog()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    assert sorted(dialog.table.item(row, 2).text() for row in range(2)) == ["¥100.00", "¥193.50"]
    dialog.amount_edit.setText("abc")
    dialog.record()
    assert dialog.error_label.text().startswith("“abc” is not an amount in yuan.")
    dialog.amount_edit.setText("1,280.50")
    dialog.memo_edit.setText("聚光 8 月")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.records) == 3, timeout=WAIT_MS)
    assert dialog.total_label.text() == "Total recorded: ¥1,574.00"
    qtbot.waitUntil(lambda: panel.tiles["spend"].value_label.text() == "¥1,574.00", timeout=WAIT_MS)
    shot(dialog, "spend-dialog")
    added = next(record for record in dialog.records if record.kind == "ad")
    assert added.memo == "聚光 8 月" and added.note_id is None
    monkeypatch.setattr(spend_dialog, "ask_to_confirm", lambda *_args: True)
    row = dialog.records.index(added)
    qtbot.mouseClick(dialog.table.cellWidget(row, 5), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.records) == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.tiles["spend"].value_label.text() == "¥293.50", timeout=WAIT_MS)

    # A reviewer may look but not record: the backend's refusal, translated.
    owner.set_member_role(org.id, me.me().id, "reviewer")
    dialog.amount_edit.setText("50")
    dialog.record()
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=WAIT_MS)
    assert "not change them" in dialog.error_label.text()
    assert len(owner.spend(brief_id=brief.id)) == 2
    dialog.accept()

    # Another period, another brief.
    panel.set_period(_today() - timedelta(days=40), _today() - timedelta(days=20))
    qtbot.waitUntil(lambda: not panel.loading, timeout=WAIT_MS)
    assert panel.funnel.texts()[:2] == ["0", "0"] and "Cover CTR —" in panel.funnel.texts()
    assert panel.select_brief(quiet.id)
    qtbot.waitUntil(lambda: not panel.loading and panel.stats.brief_id == quiet.id, timeout=WAIT_MS)
    assert panel.stack.currentIndex() == 0
    assert panel.empty.title.text() == "No notes published yet"
    shot(panel, "campaign-unpublished")


def test_a_creator_sees_the_briefs_they_work_in(panel, qtbot, tmp_path) -> None:
    studio, panel = panel
    url = studio.ctx.connection.url or ""
    owner = signed_up(url, "brand")
    org = owner.create_organization(name="山野咖啡", kind="brand")
    now = datetime.now(UTC)
    brief, _ = owner.create_brief(
        organization_id=org.id,
        title="冷萃新品",
        publish_from=now,
        publish_until=now + timedelta(days=7),
    )
    me = studio.client()
    account = me.create_account(nickname="咖啡日记", followers=5_000)
    note = published_note(owner, brief.id, me, account.id, tmp_path)
    send(me, note.id, "impression", 40, _today())
    panel.reload_briefs()
    qtbot.waitUntil(lambda: panel.stats is not None and not panel.loading, timeout=WAIT_MS)
    (choice,) = panel.choices
    assert not choice.own and panel.picker.currentText() == "冷萃新品 · 山野咖啡"
    assert not panel.spend_button.isEnabled()
    assert panel.funnel.texts()[0] == "40"
