"""The rules pack and the checks built on it: title width units, body length, image count."""

from __future__ import annotations

import json

import pytest

import resources
from publisher.domain.checks import NoteFacts, blocking, check_note, title_width
from publisher.domain.rules import DEFAULT_PACK, load_rules
from publisher.domain.text import char_count, width_units

RULES = load_rules()


@pytest.mark.parametrize(
    ("title", "units"),
    [
        ("", 0),
        ("hello", 5),
        ("种草", 4),
        ("OOTD 穿搭", 9),
        ("ＡＢ", 4),  # full-width Latin counts as two units each
        ("👍", 2),
        ("👍🏻", 2),  # an emoji with a skin tone is one character
        ("👨‍👩‍👧", 2),  # a ZWJ family is one character
        ("🇨🇳", 2),  # a flag is one character
        ("é", 2),  # e + combining accent: one non-ASCII character
    ],
)
def test_title_width_counts_ascii_one_and_everything_else_two(title: str, units: int) -> None:
    assert width_units(title) == units
    assert title_width(title, RULES) == units


def test_twenty_chinese_characters_fill_the_title_exactly() -> None:
    facts = NoteFacts(type="image", title="好" * 20, body="", image_count=1)
    assert check_note(facts, RULES) == []
    over = NoteFacts(type="image", title="好" * 20 + "a", body="", image_count=1)
    (violation,) = check_note(over, RULES)
    assert violation.code == "title.too_wide"
    assert violation.params == {"units": 41, "max": 40}


def test_forty_ascii_characters_fit() -> None:
    assert check_note(NoteFacts("image", "a" * 40, "", 1), RULES) == []


def test_body_is_counted_in_characters_not_bytes() -> None:
    assert char_count("种草👍🏻") == 3
    ok = NoteFacts("image", "t", "草" * 1000, 1)
    assert check_note(ok, RULES) == []
    long = NoteFacts("image", "t", "草" * 1001, 1)
    (violation,) = check_note(long, RULES)
    assert (violation.code, violation.params) == ("body.too_long", {"chars": 1001, "max": 1000})


@pytest.mark.parametrize(
    ("count", "code"), [(0, "images.too_few"), (1, None), (18, None), (19, "images.too_many")]
)
def test_image_count_between_one_and_eighteen(count: int, code: str | None) -> None:
    codes = [v.code for v in check_note(NoteFacts("image", "t", "", count), RULES)]
    assert codes == ([code] if code else [])


def test_every_violation_is_reported_at_once() -> None:
    facts = NoteFacts("image", " ", "x" * 1001, 0)
    codes = [v.code for v in blocking(check_note(facts, RULES))]
    assert codes == ["title.empty", "body.too_long", "images.too_few"]


def test_a_video_note_needs_exactly_one_video() -> None:
    facts = NoteFacts("video", "t", "", image_count=0, video_count=0)
    assert [v.code for v in check_note(facts, RULES)] == ["video.count"]


def test_another_rules_pack_changes_the_limits(tmp_path) -> None:
    data = json.loads(resources.path("rules", DEFAULT_PACK).read_text(encoding="utf-8"))
    data["rules"]["title"]["block_max_width_units"] = 10
    custom = tmp_path / "rules.json"
    custom.write_text(json.dumps(data))
    rules = load_rules(custom)
    assert [v.code for v in check_note(NoteFacts("image", "a" * 11, "", 1), rules)] == [
        "title.too_wide"
    ]


def test_every_rule_group_names_its_source_and_the_composer_limits_are_there() -> None:
    for group, limits in RULES.rules.items():
        assert limits.get("source"), group
    assert RULES.limit("images", "ratio_tolerance") == 0.02
    assert RULES.limit("images", "warn_min_short_side") == 1080
    assert RULES.limit("topics", "max_name_chars") == 30
    assert RULES.limit("topics", "trending_days") == 14


def test_another_rules_pack_changes_the_topic_limits(tmp_path) -> None:
    data = json.loads(resources.path("rules", DEFAULT_PACK).read_text(encoding="utf-8"))
    data["rules"]["topics"].update(warn_max=1, block_max=2)
    custom = tmp_path / "rules.json"
    custom.write_text(json.dumps(data))
    rules = load_rules(custom)
    facts = NoteFacts("image", "t", "", 1, topics=("a", "b"))
    assert [(v.code, v.level) for v in check_note(facts, rules)] == [("topics.many", "warn")]
    facts = NoteFacts("image", "t", "", 1, topics=("a", "b", "c"))
    assert [(v.code, v.level) for v in check_note(facts, rules)] == [("topics.too_many", "block")]
