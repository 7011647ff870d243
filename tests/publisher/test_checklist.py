"""The pre-publish checklist: each rule of the pack with pass, warn or block — in the domain,
over HTTP for a stored note and for a draft, and as the verdict publishing obeys."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from publisher.domain.checks import (
    BriefRequirement,
    CoverFacts,
    MediaFacts,
    NoteFacts,
    check_note,
    evaluate_note,
    matching_ratio,
)
from publisher.domain.rules import load_rules
from tests.media_samples import image_bytes
from tests.publisher.test_api import API, call, first_account, token_of, upload

RULES = load_rules()
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
GOOD_IMAGE = MediaFacts(1080, 1440, 2_000_000, "image/jpeg")
GOOD = NoteFacts(
    "image", "上海咖啡探店", "手冲很好喝", image_count=1, images=(GOOD_IMAGE,), topics=("咖啡",)
)


def items_by_rule(facts: NoteFacts) -> dict:
    return {item.rule: item for item in evaluate_note(facts, RULES, now=NOW)}


def test_a_good_image_note_passes_every_rule_and_lists_each_with_its_figures() -> None:
    items = items_by_rule(GOOD)
    assert list(items) == [
        "title",
        "body",
        "images.count",
        "images.format",
        "images.bytes",
        "images.ratio",
        "images.size",
        "cover",
        "topics",
        "schedule",
    ]
    assert {item.status for item in items.values()} == {"pass"}
    assert items["title"].params == {"units": 12, "max": 40}
    assert items["topics"].params == {"count": 1, "warn_max": 5, "max": 10}
    assert items["images.ratio"].params["allowed"] == ["3:4", "1:1", "4:3"]
    assert check_note(GOOD, RULES, now=NOW) == []


@pytest.mark.parametrize(
    ("count", "status"), [(5, "pass"), (6, "warn"), (10, "warn"), (11, "block")]
)
def test_more_than_five_topics_warn_and_more_than_ten_block(count: int, status: str) -> None:
    facts = replace(GOOD, topics=tuple(f"t{i}" for i in range(count)))
    item = items_by_rule(facts)["topics"]
    assert item.status == status
    codes = [v.code for v in item.violations]
    assert codes == {"pass": [], "warn": ["topics.many"], "block": ["topics.too_many"]}[status]


@pytest.mark.parametrize(
    ("size", "ratio_ok"),
    [
        ((1080, 1440), True),
        ((1079, 1440), True),  # within the 2 % tolerance
        ((1440, 1440), True),
        ((1440, 1080), True),
        ((1080, 1920), False),  # 9:16 is for videos, not image notes
        ((1000, 1440), False),
    ],
)
def test_image_ratio_is_checked_against_the_allowed_ratios(size, ratio_ok: bool) -> None:
    facts = replace(GOOD, images=(MediaFacts(*size, 1000, "image/jpeg"),))
    item = items_by_rule(facts)["images.ratio"]
    assert item.status == ("pass" if ratio_ok else "block")
    if not ratio_ok:
        (violation,) = item.violations
        assert violation.params["index"] == 0
        assert (violation.params["width"], violation.params["height"]) == size


def test_matching_ratio_names_the_ratio_it_matched() -> None:
    assert matching_ratio(1080, 1440, ["3:4", "1:1"], 0.02) == "3:4"
    assert matching_ratio(900, 900, ["3:4", "1:1"], 0.02) == "1:1"
    assert matching_ratio(0, 900, ["1:1"], 0.02) is None


def test_images_below_the_recommended_size_warn_per_image() -> None:
    small = MediaFacts(600, 800, 1000, "image/png")
    facts = replace(GOOD, image_count=2, images=(GOOD_IMAGE, small))
    item = items_by_rule(facts)["images.size"]
    assert item.status == "warn"
    (violation,) = item.violations
    assert (violation.code, violation.params["index"]) == ("images.below_recommended", 1)


def test_image_bytes_and_format_block() -> None:
    huge = MediaFacts(1080, 1440, 20 * 1024 * 1024 + 1, "image/gif")
    items = items_by_rule(replace(GOOD, images=(huge,)))
    assert items["images.bytes"].violations[0].code == "images.bytes.too_large"
    assert items["images.bytes"].violations[0].params["max"] == 20971520
    assert items["images.format"].violations[0].params == {
        "index": 0,
        "format": "gif",
        "allowed": ["jpeg", "png", "webp"],
    }


def test_a_heic_original_blocks_but_its_jpeg_export_passes() -> None:
    heic = MediaFacts(1080, 1440, 1000, "image/heic")
    item = items_by_rule(replace(GOOD, images=(heic,)))["images.format"]
    assert [(v.code, v.level) for v in item.violations] == [("images.format", "block")]
    assert items_by_rule(GOOD)["images.format"].status == "pass"


def test_schedule_window_uses_the_given_clock() -> None:
    too_soon = items_by_rule(replace(GOOD, scheduled_at=NOW + timedelta(minutes=59)))
    assert too_soon["schedule"].violations[0].code == "schedule.too_soon"
    assert too_soon["schedule"].violations[0].params == {
        "earliest": (NOW + timedelta(hours=1)).isoformat()
    }
    fine = items_by_rule(replace(GOOD, scheduled_at=NOW + timedelta(days=1)))
    assert fine["schedule"].status == "pass"
    too_late = items_by_rule(replace(GOOD, scheduled_at=NOW + timedelta(days=14, seconds=1)))
    assert too_late["schedule"].violations[0].code == "schedule.too_late"
    unscheduled = items_by_rule(GOOD)["schedule"]
    assert unscheduled.status == "pass" and unscheduled.params["scheduled_at"] is None
    assert unscheduled.params["timezone"] == "Asia/Shanghai"


def test_cover_is_the_first_image_and_a_chosen_missing_cover_blocks() -> None:
    assert items_by_rule(GOOD)["cover"].params == {"source": "first_image", "present": True}
    no_images = items_by_rule(replace(GOOD, image_count=0, images=()))
    # Without images the cover shares the image count's verdict without a second violation.
    assert no_images["cover"].status == "block" and no_images["cover"].violations == ()
    chosen = items_by_rule(replace(GOOD, cover=CoverFacts(present=False, source="chosen")))
    assert [v.code for v in chosen["cover"].violations] == ["cover.missing"]


def test_brief_requirements_are_checked_only_for_a_note_answering_a_brief() -> None:
    assert "brief" not in items_by_rule(GOOD)
    brief = (
        BriefRequirement("topic", "咖啡"),
        BriefRequirement("keyword", "手冲"),
        BriefRequirement("product", "p-1"),
        BriefRequirement("unknown-kind", "x"),
    )
    item = items_by_rule(replace(GOOD, brief=brief))["brief"]
    assert item.status == "block"
    assert [v.params for v in item.violations] == [
        {"kind": "product", "value": "p-1"},
        {"kind": "unknown-kind", "value": "x"},
    ]


def test_video_notes_check_count_ratio_and_size() -> None:
    video = MediaFacts(1080, 1920, 2 * 1024**3, "video/mp4")
    facts = NoteFacts("video", "vlog", "", image_count=0, video_count=1, videos=(video,))
    items = items_by_rule(facts)
    assert "images.count" not in items
    assert (items["cover"].status, items["cover"].params["source"]) == ("pass", "frame")
    assert items["video.count"].status == "pass"
    assert items["video.ratio"].status == "pass"
    assert [v.code for v in items["video.bytes"].violations] == ["video.bytes.large"]
    assert items["video.bytes"].status == "warn"


# -- over HTTP -------------------------------------------------------------------------------


def _note_with_image(backend, api, size=(60, 80)):
    sha = upload(backend, token_of(api), image_bytes(size=size)).json()["sha256"]
    note, _ = api.create_note(
        account_id=first_account(api), title="好物分享", media=[{"sha256": sha}]
    )
    return note


def test_a_stored_notes_checklist_lists_every_rule_with_its_status(backend, api) -> None:
    note = _note_with_image(backend, api)
    checklist = api.note_checklist(note.id)
    statuses = {item.rule: item.status for item in checklist.items}
    assert statuses["title"] == "pass"
    assert statuses["images.ratio"] == "pass"  # 60×80 is 3:4
    assert statuses["images.size"] == "warn"  # far below 1080 px
    assert statuses["cover"] == "pass"
    assert checklist.blocked is False
    assert checklist.rules_version == RULES.version
    size = next(item for item in checklist.items if item.rule == "images.size")
    assert size.violations[0].params == {"index": 0, "width": 60, "height": 80, "min_side": 1080}


def test_the_checklist_judges_a_planned_time_by_the_servers_clock(backend, api) -> None:
    note = _note_with_image(backend, api)
    soon = datetime.now(UTC) + timedelta(minutes=10)
    checklist = api.note_checklist(note.id, scheduled_at=soon)
    schedule = next(item for item in checklist.items if item.rule == "schedule")
    assert schedule.status == "block" and checklist.blocked
    assert schedule.violations[0].code == "schedule.too_soon"


def test_publishing_refuses_an_image_of_a_ratio_the_platform_does_not_take(backend, api) -> None:
    note = _note_with_image(backend, api, size=(160, 90))
    refused = call(backend, "POST", f"{API}/notes/{note.id}/publish", token_of(api), json={})
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == "note.rules_violated"
    codes = [v["code"] for v in body["violations"]]
    assert "images.ratio" in codes and "images.below_recommended" in codes
    assert api.get_note(note.id).status == "draft"


def test_a_draft_is_checked_without_being_stored(backend, api) -> None:
    topic = api.create_topic("草稿话题")
    draft = {
        "title": "好" * 21,
        "body": "",
        "images": [{"width": 1080, "height": 1440}],
        "topics": [str(topic.id)],
    }
    checklist = api.draft_checklist(draft)
    by_rule = {item.rule: item for item in checklist.items}
    assert by_rule["title"].status == "block"
    assert by_rule["title"].violations[0].params == {"units": 42, "max": 40}
    assert by_rule["images.ratio"].status == "pass"
    assert by_rule["topics"].params["count"] == 1
    assert api.list_notes().total == 0

    unknown = call(
        backend,
        "POST",
        f"{API}/checklist",
        token_of(api),
        json={**draft, "topics": ["00000000-0000-0000-0000-000000000000"]},
    )
    assert (unknown.status_code, unknown.json()["code"]) == (422, "topic.unknown")


def test_another_users_note_has_no_checklist(backend, api, other_api) -> None:
    note = _note_with_image(backend, api)
    answer = call(backend, "GET", f"{API}/notes/{note.id}/checklist", token_of(other_api))
    assert (answer.status_code, answer.json()["code"]) == (404, "note.not_found")


def test_the_composer_endpoints_are_documented(backend) -> None:
    spec = call(backend, "GET", "/openapi.json").json()
    for path in (
        "/topics",
        "/topics/suggest",
        "/topics/{topic_id}",
        "/topic-groups",
        "/topic-groups/{group_id}",
        "/accounts/search",
        "/storefronts",
        "/products",
        "/products/{product_id}",
        "/checklist",
        "/notes/{note_id}/checklist",
    ):
        assert f"{API}{path}" in spec["paths"], path
    checklist = spec["paths"][f"{API}/notes/{{note_id}}/checklist"]["get"]
    assert "404" in checklist["responses"] and "pass, warn or" in checklist["description"]
    note = spec["components"]["schemas"]["NotePublic"]["properties"]
    assert {"topics", "topic_names", "mentions", "product_ids", "visibility"} <= set(note)
