"""The brief's checklist on real Chinese notes, with jieba segmenting the key messages."""

from __future__ import annotations

from publisher.domain.brief_checks import BriefDemands, NoteContent, check_note
from publisher.domain.rules import load_rules
from publisher.services.keywords import words

RULES = load_rules()
DEMANDS = BriefDemands(
    note_type="image",
    topics=("防晒", "夏日护肤"),
    mentions=("小红薯官方",),
    key_messages=("持妆12小时不脱妆", "轻薄不油腻"),
    forbidden_words=tuple(RULES.limit("advertising", "absolute_terms")),
    forbidden_exempt=tuple(RULES.limit("advertising", "exempt")),
    product_ids=("p-1",),
)


def _by_key(checks):
    return {(c.key, c.params.get("message")): c for c in checks}


def test_a_note_meeting_the_brief_passes_every_item() -> None:
    note = NoteContent(
        type="image",
        title="夏天通勤的防晒｜亲测不脱妆",
        body="最近每天通勤都在用，上脸很轻薄，一点也不油腻。早上出门到晚上下班，"
        "持妆能到12小时，不脱妆！第一次用这么省心的防晒。",
        topics=("防晒", "夏日护肤"),
        mentions=("小红薯官方",),
        product_ids=("p-1",),
        disclosed=True,
    )
    checks = check_note(DEMANDS, note, words)
    assert [c.key for c in checks if not c.ok] == []


def test_missing_topics_messages_products_and_absolute_terms_are_each_named() -> None:
    note = NoteContent(
        type="video",
        title="全网最好用的防晒",
        body="国家级认证，效果第一。",
        topics=("防晒",),
        mentions=(),
        product_ids=(),
        disclosed=False,
    )
    checks = _by_key(check_note(DEMANDS, note, words))
    assert not checks[("type", None)].ok
    assert checks[("topics", None)].params["missing"] == ["夏日护肤"]
    assert checks[("mentions", None)].params["missing"] == ["小红薯官方"]
    unsaid = checks[("key_message", "持妆12小时不脱妆")]
    assert not unsaid.ok and {"持妆", "小时"} <= set(unsaid.params["missing"])
    found = {item["word"] for item in checks[("forbidden_words", None)].params["found"]}
    assert {"最", "最好", "国家级", "第一"} <= found
    assert not checks[("disclosure", None)].ok
    assert checks[("products", None)].params["missing"] == ["p-1"]


def test_everyday_words_containing_a_term_are_not_claims() -> None:
    note = NoteContent(type="image", title="最近的第一次露营", body="最后还是决定买了。")
    checks = _by_key(check_note(DEMANDS, note, words))
    assert checks[("forbidden_words", None)].ok


def test_full_width_text_matches_its_half_width_demand() -> None:
    note = NoteContent(type="image", title="", body="持妆１２小时不脱妆，轻薄不油腻")
    checks = _by_key(check_note(DEMANDS, note, words))
    assert checks[("key_message", "持妆12小时不脱妆")].ok
    assert checks[("key_message", "轻薄不油腻")].ok
