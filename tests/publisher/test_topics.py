"""Topics: normalised names, search by use, a note's ordered topics, topic groups, and
suggestions from real Chinese text, trending notes and the account's recent topics."""

from __future__ import annotations

import uuid

import pytest

from publisher.client import ConflictError, NotFoundError, ValidationError
from publisher.domain.rules import load_rules
from publisher.services.errors import Invalid
from publisher.services.keywords import keywords
from publisher.services.topics import normalise_topic_name
from tests.media_samples import image_bytes
from tests.publisher.test_api import API, call, first_account, token_of, upload

COFFEE_TITLE = "上海探店｜藏在弄堂里的宝藏咖啡馆"
COFFEE_BODY = (
    "这家咖啡店在上海静安区的老弄堂里，手冲咖啡很好喝，拿铁奶泡细腻，"
    "环境安静适合拍照。周末去探店的人很多，建议工作日下午来。"
)
SKINCARE_TITLE = "敏感肌护肤心得｜秋冬保湿精华推荐"
SKINCARE_BODY = (
    "换季皮肤干燥泛红，试了很多护肤品，这瓶精华保湿修护效果很好，敏感肌也能放心用，"
    "早晚护肤搭配面霜，皮肤稳定了很多。"
)


def unique(name: str) -> str:
    return f"{name}{uuid.uuid4().hex[:6]}"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("  #OOTD穿搭 ", "OOTD穿搭"),
        ("＃上海咖啡", "上海咖啡"),  # full-width sign folded by NFKC, then dropped
        ("##探店", "探店"),
        ("ＡＢＣ", "ABC"),
        ("好" * 30, "好" * 30),
    ],
)
def test_topic_names_are_normalised(raw: str, name: str) -> None:
    assert normalise_topic_name(raw, max_chars=30) == name


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("#", "empty"), ("   ", "empty"), ("好" * 31, "too_long"), ("a\nb", "control")],
)
def test_bad_topic_names_are_refused_with_a_reason(raw: str, reason: str) -> None:
    with pytest.raises(Invalid) as caught:
        normalise_topic_name(raw, max_chars=30)
    assert (caught.value.code, caught.value.params) == (
        "topic.name_invalid",
        {"reason": reason, "max": 30},
    )


def test_keywords_of_real_chinese_text_hold_the_obvious_words() -> None:
    coffee = [word for word, _ in keywords(f"{COFFEE_TITLE}\n{COFFEE_BODY}", limit=10)]
    assert {"上海", "咖啡", "探店"} <= set(coffee)
    skincare = [word for word, _ in keywords(f"{SKINCARE_TITLE}\n{SKINCARE_BODY}", limit=10)]
    assert {"护肤", "保湿", "精华"} <= set(skincare)
    assert keywords("   ", limit=5) == []


# -- over HTTP -------------------------------------------------------------------------------


def test_creating_a_topic_twice_answers_the_same_topic(backend, api, other_api) -> None:
    name = unique("OOTD")
    created = call(backend, "POST", f"{API}/topics", token_of(api), json={"name": f" #{name} "})
    assert created.status_code == 201
    assert created.json()["name"] == name
    again = call(backend, "POST", f"{API}/topics", token_of(other_api), json={"name": name.lower()})
    assert again.status_code == 200
    assert again.json()["id"] == created.json()["id"]
    refused = call(backend, "POST", f"{API}/topics", token_of(api), json={"name": "＃"})
    assert refused.status_code == 422
    assert refused.json() == {
        "code": "topic.name_invalid",
        "params": {"reason": "empty", "max": 30},
    }


def test_search_is_by_substring_in_any_case_most_used_first(backend, api) -> None:
    stem = unique("Latte")
    rare, common = api.create_topic(f"{stem}艺术"), api.create_topic(f"冰{stem}")
    note, _ = api.create_note(account_id=first_account(api), topics=[common.id])
    page = api.search_topics(stem.upper())
    assert [t.name for t in page.items] == [common.name, rare.name]
    assert [t.use_count for t in page.items] == [1, 0]
    assert page.total == 2
    second = api.search_topics(stem.lower(), offset=1, limit=1)
    assert [t.id for t in second.items] == [rare.id] and second.total == 2


def test_a_note_keeps_its_topics_in_order_and_checks_them(backend, api) -> None:
    a, b, c = (api.create_topic(unique(n)) for n in ("咖啡", "探店", "上海"))
    note, _ = api.create_note(account_id=first_account(api), topics=[b.id, a.id])
    assert note.topics == [b.id, a.id]
    assert note.topic_names == [b.name, a.name]
    note, _ = api.update_note(note.id, version=note.version, topics=[c.id, b.id, a.id])
    assert api.get_note(note.id).topics == [c.id, b.id, a.id]
    untouched, _ = api.update_note(note.id, version=note.version, title="只改标题")
    assert untouched.topics == [c.id, b.id, a.id]

    path, token = f"{API}/notes/{note.id}", token_of(api)
    missing = str(uuid.uuid4())
    unknown = call(
        backend, "PATCH", path, token, json={"version": untouched.version, "topics": [missing]}
    )
    assert unknown.json() == {"code": "topic.unknown", "params": {"topic_id": missing}}
    twice = call(
        backend,
        "PATCH",
        path,
        token,
        json={"version": untouched.version, "topics": [str(a.id)] * 2},
    )
    assert (twice.status_code, twice.json()["code"]) == (422, "topic.duplicate")
    stale = call(backend, "PATCH", path, token, json={"version": 1, "topics": []})
    assert stale.status_code == 409 and stale.json()["current"]["topics"] == [
        str(c.id),
        str(b.id),
        str(a.id),
    ]


def test_a_draft_may_hold_more_topics_than_publishing_allows_up_to_a_guard(backend, api) -> None:
    block_max = load_rules().limit("topics", "block_max")
    many = [api.create_topic(unique(f"t{i}")).id for i in range(block_max + 11)]
    note, _ = api.create_note(account_id=first_account(api), topics=many[: block_max + 10])
    assert len(note.topics) == block_max + 10
    checklist = api.note_checklist(note.id)
    assert next(i for i in checklist.items if i.rule == "topics").status == "block"
    with pytest.raises(ValidationError) as caught:
        api.create_note(account_id=first_account(api), topics=many)
    assert caught.value.code == "note.too_many_topics"
    assert caught.value.params == {"count": block_max + 11, "max": block_max + 10}
    with pytest.raises(ValidationError) as patched:
        api.update_note(note.id, version=note.version, topics=many)
    assert patched.value.code == "note.too_many_topics"


def test_topic_groups_are_private_and_edited_compare_and_set(backend, api, other_api) -> None:
    a, b = api.create_topic(unique("穿搭")), api.create_topic(unique("通勤"))
    group, _ = api.create_topic_group(name="日常", topic_ids=[a.id, b.id])
    assert [t.name for t in group.topics] == [a.name, b.name]
    with pytest.raises(ConflictError) as taken:
        api.create_topic_group(name="日常", topic_ids=[])
    assert taken.value.code == "topic_group.name_taken"
    group, _ = api.update_topic_group(group.id, version=group.version, topic_ids=[b.id])
    assert [t.id for t in group.topics] == [b.id]
    with pytest.raises(ConflictError) as stale:
        api.update_topic_group(group.id, version=group.version - 1, name="旧")
    assert stale.value.code == "topic_group.version_conflict"
    assert api.list_topic_groups().total == 1
    assert other_api.list_topic_groups().total == 0
    answer = call(backend, "GET", f"{API}/topic-groups/{group.id}", token_of(other_api))
    assert (answer.status_code, answer.json()["code"]) == (404, "topic_group.not_found")
    with pytest.raises(NotFoundError):
        other_api.delete_topic_group(group.id, version=group.version)
    api.delete_topic_group(group.id, version=group.version)
    assert api.list_topic_groups().total == 0


def test_a_topic_group_holds_no_more_topics_than_a_note_may_carry(backend, api) -> None:
    many = [api.create_topic(unique(f"话题{index}")).id for index in range(11)]
    with pytest.raises(ValidationError) as refused:
        api.create_topic_group(name=unique("太多"), topic_ids=many)
    assert (refused.value.code, refused.value.params) == (
        "topic_group.too_many_topics",
        {"count": 11, "max": 10},
    )
    group, _ = api.create_topic_group(name=unique("刚好"), topic_ids=many[:10])
    with pytest.raises(ValidationError) as grown:
        api.update_topic_group(group.id, version=group.version, topic_ids=many)
    assert grown.value.code == "topic_group.too_many_topics"
    [kept] = [item for item in api.list_topic_groups().items if item.id == group.id]
    assert len(kept.topics) == 10


def test_suggestions_for_a_coffee_note_name_its_keywords_and_existing_topics(backend, api) -> None:
    coffee = api.create_topic("咖啡")
    diary = api.create_topic(unique("探店日记"))
    suggestions = api.suggest_topics(title=COFFEE_TITLE, body=COFFEE_BODY, limit=30)
    by_name = {s.name: s for s in suggestions}
    assert {"上海", "咖啡", "探店"} <= set(by_name)
    assert by_name["咖啡"].topic_id == coffee.id and "text" in by_name["咖啡"].reasons
    assert by_name["上海"].topic_id is None  # offered as a new topic
    assert by_name[diary.name].topic_id == diary.id  # found by its prefix 探店
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_suggestions_for_a_skincare_note(backend, api) -> None:
    names = {s.name for s in api.suggest_topics(title=SKINCARE_TITLE, body=SKINCARE_BODY)}
    assert {"护肤", "保湿", "精华"} <= names


def test_trending_and_recent_topics_are_suggested_with_their_reason(backend, api) -> None:
    account = first_account(api)
    trending, recent = api.create_topic(unique("趋势")), api.create_topic(unique("最近"))
    sha = upload(backend, token_of(api), image_bytes()).json()["sha256"]
    published, _ = api.create_note(
        account_id=account, title="好物", media=[{"sha256": sha}], topics=[trending.id]
    )
    api.publish_note(published.id)
    api.create_note(account_id=account, title="草稿", topics=[recent.id])

    suggestions = api.suggest_topics(title="", body="", account_id=account, limit=50)
    by_name = {s.name: s for s in suggestions}
    assert "trending" in by_name[trending.name].reasons
    assert by_name[recent.name].reasons == ["recent"]
    assert by_name[recent.name].topic_id == recent.id


def test_suggestions_for_another_users_account_are_refused(backend, api, other_api) -> None:
    body = {"title": "t", "body": "", "account_id": str(first_account(other_api))}
    answer = call(backend, "POST", f"{API}/topics/suggest", token_of(api), json=body)
    assert (answer.status_code, answer.json()["code"]) == (404, "account.not_found")
