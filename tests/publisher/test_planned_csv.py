"""Planned notes from a CSV: a messy sheet read row by row with each row's problem, in every
encoding Excel writes, and an import through the real backend that creates, schedules,
reports what it refused and makes nothing twice when the same file comes again."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from editor import EditorError, probe_image
from publisher.client.planned_csv import (
    CsvError,
    import_planned,
    parse_planned_csv,
    parse_time,
    split_topics,
)
from publisher.domain.rules import load_rules
from publisher.schemas import AccountPublic
from tests.conftest import signed_up
from tests.media_samples import write_image

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=SHANGHAI)


def check_image(path: Path) -> str | None:
    try:
        probe_image(path)
    except EditorError as error:
        return error.code
    return None


def account(nickname: str, timezone: str = "Asia/Shanghai") -> AccountPublic:
    return AccountPublic(
        id=uuid.uuid4(),
        organization_id=uuid.uuid4(),
        nickname=nickname,
        platform_user_id=None,
        timezone=timezone,
        version=1,
        created_at=NOW,
    )


def messy_sheet(folder: Path) -> str:
    """Every kind of row a person gets wrong, among good ones."""
    write_image(folder / "latte.jpg", size=(300, 400))
    (folder / "photos").mkdir(exist_ok=True)
    write_image(folder / "photos" / "cup.png", fmt="PNG", size=(300, 400))
    absolute = write_image(folder / "elsewhere.jpg", size=(300, 400)).resolve()
    (folder / "notes.txt").write_text("not a photo")
    long_title = "超长标题" * 6
    return "\r\n".join(
        [
            "账号,发布时间,标题,正文,话题,图片",
            "上海小号,2026-11-03 20:00,周末咖啡探店,拿铁好喝,#咖啡 #探店,latte.jpg; photos/cup.png",
            f"东京小号,2026/11/4 9:30,Tokyo 早餐,本文,咖啡、旅行,{absolute}",
            "不存在的号,2026-11-03 20:00,标题,正文,,latte.jpg",
            "上海小号,2026-11-01 20:00,过去的,正文,,latte.jpg",
            "上海小号,明天吧,看不懂的时间,正文,,latte.jpg",
            "上海小号,,只是草稿,先写着,,missing.jpg",
            "上海小号,,坏图,正文,,notes.txt",
            f"上海小号,,{long_title},正文,,",
            "上海小号,,,,,",
            ",,,,,",
            "上海小号,2026-11-03 20:00,周末咖啡探店,拿铁好喝,#咖啡 #探店,latte.jpg; photos/cup.png",
            "上海小号,,只有正文的草稿,正文写在这里,,",
            ",,,,,",
            "",
        ]
    )


def parse(data: bytes, folder: Path, accounts: list[AccountPublic], now: datetime = NOW):
    return parse_planned_csv(
        data,
        folder=folder,
        accounts=accounts,
        rules=load_rules(),
        now=now,
        check_image=check_image,
    )


def codes(row) -> list[str]:
    return [error.code.removeprefix("planned_csv.") for error in row.errors]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_messy_sheet_gives_each_row_its_problem(tmp_path: Path, encoding: str) -> None:
    accounts = [account("上海小号"), account("东京小号", "Asia/Tokyo")]
    parsed = parse(messy_sheet(tmp_path).encode(encoding), tmp_path, accounts)
    assert parsed.columns == ("account", "time", "title", "body", "topics", "images")
    rows = {row.row: row for row in parsed.rows}
    assert codes(rows[11]) == ["row_empty"], "a blank row among others is reported"
    assert max(rows) == 13, "blank rows at the end are not"
    coffee, tokyo = rows[2], rows[3]
    assert coffee.ok and tokyo.ok
    assert coffee.account == accounts[0]
    assert coffee.at == datetime(2026, 11, 3, 20, 0, tzinfo=SHANGHAI)
    assert coffee.topics == ("咖啡", "探店")
    assert coffee.images == (tmp_path / "latte.jpg", tmp_path / "photos" / "cup.png")
    assert tokyo.at == datetime(2026, 11, 4, 9, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert tokyo.topics == ("咖啡", "旅行") and tokyo.images[0].is_absolute()
    assert codes(rows[4]) == ["account_unknown"]
    assert codes(rows[5]) == ["time_past"]
    assert codes(rows[6]) == ["time_invalid"]
    assert codes(rows[7]) == ["image_missing"]
    assert rows[7].errors[0].params == {"file": "missing.jpg"}
    assert codes(rows[8]) == ["image_unreadable"]
    assert codes(rows[9]) == ["title_too_long"]
    assert rows[9].errors[0].params == {"units": 48, "max": 40}
    assert codes(rows[10]) == ["nothing_to_create"]
    assert codes(rows[12]) == ["duplicate_row"]
    assert rows[12].errors[0].params == {"first_row": 2}
    assert rows[13].ok and rows[13].at is None
    assert [row.row for row in parsed.valid] == [2, 3, 13]


def test_times_as_sheets_write_them() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    assert parse_time("2026-11-03 20:00", "Asia/Tokyo") == datetime(2026, 11, 3, 20, tzinfo=tokyo)
    for text in (
        "2026/11/3 20:00",
        "2026.11.03 20:00:00",
        "2026年11月3日 20点",
        "２０２６-11-03T20:00",
    ):
        assert parse_time(text, "Asia/Shanghai") == datetime(2026, 11, 3, 20, tzinfo=SHANGHAI)
    assert parse_time("2026年11月3日 8点05分", "") == datetime(2026, 11, 3, 8, 5, tzinfo=SHANGHAI)
    aware = parse_time("2026-11-03T12:00:00Z", "Asia/Shanghai")
    assert aware == datetime(2026, 11, 3, 12, tzinfo=UTC)
    for text in ("2026-11-03", "明天", "2026/13/45 10:00", "20:00", "2026-11-03 25:00"):
        assert parse_time(text, "Asia/Shanghai") is None, text


def test_topics_as_people_list_them() -> None:
    assert split_topics("#护肤 #好物分享#护肤") == ("护肤", "好物分享")
    assert split_topics("护肤，好物；穿搭、OOTD|ootd") == ("护肤", "好物", "穿搭", "OOTD")
    assert split_topics("") == ()


def test_rows_a_schedule_would_refuse_are_caught_before_anything_is_made(tmp_path) -> None:
    write_image(tmp_path / "a.jpg", size=(300, 400))
    topics = " ".join(f"#话题{i}" for i in range(11))
    sheet = "\n".join(
        [
            "account,time,title,body,topics,image paths",
            "Ann,2026-11-03 20:00,,body,,a.jpg",
            "Ann,2026-11-03 20:00,No photo,body,,",
            "Ann,2026-11-02 09:30,Too soon,body,,a.jpg",
            "Ann,2026-11-30 09:30,Too late,body,,a.jpg",
            f"Ann,,Topics,body,{topics},a.jpg",
            "Ann,,Long body," + "字" * 1001 + ",,a.jpg",
            "ann,,Any case and @,body,,a.jpg",
            ",,No account,body,,a.jpg",
        ]
    )
    twins = [account("Ann"), account("Bob")]
    parsed = parse(sheet.encode(), tmp_path, twins)
    assert [codes(row) for row in parsed.rows] == [
        ["title_missing"],
        ["no_images"],
        ["time_too_soon"],
        ["time_too_late"],
        ["too_many_topics"],
        ["body_too_long"],
        [],
        ["account_missing"],
    ]
    same_name = parse(sheet.encode(), tmp_path, [account("Ann"), account("ANN")])
    assert codes(same_name.rows[6]) == ["account_ambiguous"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "planned_csv.empty"),
        ("标题,正文\n标题,正文\n".encode(), "planned_csv.missing_column"),
        (b"\xff\xfe\x00\xd8", "planned_csv.encoding"),
    ],
)
def test_a_file_that_is_no_plan_at_all_is_refused(tmp_path, data: bytes, code: str) -> None:
    with pytest.raises(CsvError) as refused:
        parse(data, tmp_path, [])
    assert refused.value.code == code


def test_the_import_creates_schedules_reports_and_never_twice(backend, tmp_path) -> None:
    client = signed_up(backend.url, "planner")
    shanghai = client.create_account(nickname="上海小号")
    tokyo = client.create_account(nickname="东京小号", timezone="Asia/Tokyo")
    now = datetime.now(SHANGHAI)
    day = (now + timedelta(days=2)).strftime("%Y-%m-%d")
    sheet = messy_sheet(tmp_path).replace("2026-11-03", day).replace("2026/11/4", day)
    data = sheet.encode("utf-8-sig")
    parsed = parse(data, tmp_path, [shanghai, tokyo], now=now)
    exported: list[str] = []

    def export(client, sha256: str) -> str:
        exported.append(sha256)
        return client.upload_media(write_image(tmp_path / f"{sha256}.jpg", size=(600, 800))).sha256

    report = import_planned(client, parsed, export=export)
    assert (report.created, report.existing, report.scheduled) == ([2, 3, 13], [], [2, 3])
    assert report.rejected_rows == 9 and not report.unscheduled
    assert len(exported) == 3
    notes = {note.title: note for note in client.list_notes().items}
    assert set(notes) == {"周末咖啡探店", "Tokyo 早餐", "只有正文的草稿"}
    coffee = notes["周末咖啡探店"]
    assert coffee.status == "scheduled" and coffee.account_id == shanghai.id
    assert coffee.scheduled_at == datetime.fromisoformat(f"{day} 20:00").replace(tzinfo=SHANGHAI)
    assert coffee.topic_names == ["咖啡", "探店"]
    assert [item.rendered_sha256 is not None for item in coffee.media] == [True, True]
    assert notes["Tokyo 早餐"].account_id == tokyo.id
    assert notes["只有正文的草稿"].status == "draft"

    again = import_planned(client, parse(data, tmp_path, [shanghai, tokyo], now=now), export=export)
    assert (again.created, again.existing, again.scheduled) == ([], [2, 3, 13], [2, 3])
    assert client.list_notes().total == 3


def test_rows_the_backend_refuses_are_reported_and_the_rest_go_on(backend, tmp_path) -> None:
    client = signed_up(backend.url, "planner")
    mine = client.create_account(nickname="我的号")
    write_image(tmp_path / "a.jpg", size=(300, 400))
    write_image(tmp_path / "wide.jpg", size=(600, 200))
    when = (datetime.now(SHANGHAI) + timedelta(days=2)).strftime("%Y-%m-%d 20:00")
    sheet = (
        "account,time,title,topics,images\n"
        "我的号,,第一篇,\x07铃,a.jpg\n"
        f"我的号,{when},太宽的图,,wide.jpg\n"
        f"我的号,{when},第三篇,,a.jpg\n"
    )
    report = import_planned(client, parse(sheet.encode(), tmp_path, [mine], datetime.now(UTC)))
    assert [(error.row, error.code) for error in report.rejected] == [(2, "topic.name_invalid")]
    assert [(error.row, error.code) for error in report.unscheduled] == [(3, "images.ratio")]
    assert (report.created, report.scheduled) == ([3, 4], [4])
    statuses = {note.title: note.status for note in client.list_notes().items}
    assert statuses == {"太宽的图": "draft", "第三篇": "scheduled"}

    stranger = signed_up(backend.url, "stranger")
    refused = import_planned(stranger, parse(sheet.encode(), tmp_path, [mine], datetime.now(UTC)))
    assert {error.code for error in refused.rejected} >= {"account.not_found"}
    assert not refused.created
