"""`POST /events` on both databases: idempotent by event id, each bad event refused on its own
with its position and reason, the rest counted, and the figures readable at once."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests

from publisher.client import ClientError, StudioClient
from publisher.stats_schemas import EventIn
from tests.conftest import register_user
from tests.publisher.scheduling_helpers import publishable_note


@pytest.fixture
def published(api: StudioClient, tmp_path):
    note = publishable_note(api, tmp_path)
    return api.publish_note(note.id, version=note.version)[0]


def _event(note_id, kind: str, *, ago: timedelta = timedelta(hours=1), **extra) -> EventIn:
    return EventIn(
        id=str(uuid.uuid4()),
        note_id=note_id,
        kind=kind,
        ts=datetime.now(UTC) - ago,
        **extra,
    )


def _post_raw(client: StudioClient, body: bytes) -> requests.Response:
    return requests.post(
        f"{client.base_url}/api/v1/events",
        data=body,
        headers={
            "Authorization": f"Bearer {client.transport.token}",
            "Content-Type": "application/json",
        },
        timeout=30,
    )


def test_the_same_batch_twice_counts_once(api, published) -> None:
    batch = [
        _event(published.id, "impression"),
        _event(published.id, "impression"),
        _event(published.id, "view", value=42, completed=True),
        _event(published.id, "like"),
        _event(published.id, "order", value=12_900),
    ]
    first = api.send_events(batch)
    again = api.send_events(batch)
    assert (first.accepted, first.duplicates, first.rejected) == (5, 0, [])
    assert (again.accepted, again.duplicates) == (0, 5)
    totals = api.stats_summary(account_id=published.account_id).totals
    assert totals["impressions"] == 2
    assert totals["views"] == totals["video_views"] == totals["completions"] == 1
    assert totals["watch_seconds"] == 42
    assert (totals["likes"], totals["orders"], totals["gmv_fen"]) == (1, 1, 12_900)


def test_a_batch_repeating_an_id_and_mixing_old_and_new_counts_each_id_once(api, published):
    seen = _event(published.id, "like")
    api.send_events([seen])
    fresh = _event(published.id, "like")
    receipt = api.send_events([seen, fresh, fresh])
    assert (receipt.accepted, receipt.duplicates) == (1, 2)
    assert api.stats_summary(account_id=published.account_id).totals["likes"] == 2


def test_each_bad_event_is_refused_with_its_position_and_the_rest_count(
    api, other_api, published, tmp_path
) -> None:
    draft = publishable_note(api, tmp_path, "还没发")
    theirs = publishable_note(other_api, tmp_path)
    theirs = other_api.publish_note(theirs.id, version=theirs.version)[0]
    good = _event(published.id, "collect")
    batch = [
        good.model_dump(mode="json"),
        _event(uuid.uuid4(), "like").model_dump(mode="json"),
        _event(theirs.id, "like").model_dump(mode="json"),
        _event(draft.id, "like").model_dump(mode="json"),
        _event(published.id, "like", ago=-timedelta(hours=1)).model_dump(mode="json"),
        _event(published.id, "like", value=3).model_dump(mode="json"),
        _event(published.id, "order").model_dump(mode="json"),
        _event(published.id, "view", value=10**9).model_dump(mode="json"),
        {**good.model_dump(mode="json"), "id": "x", "kind": "hug"},
        {**good.model_dump(mode="json"), "id": "y", "ts": "2026-08-01T10:00:00"},
        "not an event",
        {**good.model_dump(mode="json"), "id": "z", "ts": "0001-01-01T00:00:00+14:00"},
    ]
    response = _post_raw(api, json.dumps(batch).encode())
    assert response.status_code == 200
    receipt = response.json()
    assert receipt["accepted"] == 1
    codes = {item["index"]: item["code"] for item in receipt["rejected"]}
    assert codes == {
        1: "note.not_found",
        2: "note.not_found",
        3: "event.note_not_published",
        4: "event.in_future",
        5: "event.value_not_allowed",
        6: "event.bad_value",
        7: "event.bad_value",
        8: "event.invalid",
        9: "event.invalid",
        10: "event.invalid",
        11: "event.too_old",
    }
    fields = {item["index"]: item["params"].get("field") for item in receipt["rejected"]}
    assert (fields[8], fields[9]) == ("kind", "ts")
    assert api.stats_summary(account_id=published.account_id).totals["collects"] == 1


def test_a_viewer_may_read_figures_but_not_send_events(backend, api, published) -> None:
    viewer = register_user(backend, "viewer")
    org = api.list_organizations()[0]
    code = api.create_invitation(org.id, role="viewer")[0].code
    viewer.accept_invitation(code)
    receipt = viewer.send_events([_event(published.id, "like")])
    assert [item.code for item in receipt.rejected] == ["note.forbidden"]
    assert viewer.stats_summary(account_id=published.account_id).totals["likes"] == 0


def test_what_is_not_a_list_or_too_long_is_refused_whole(api, published) -> None:
    assert _post_raw(api, b'{"id": 1}').json()["code"] == "events.not_a_list"
    assert _post_raw(api, b"[not json").json()["code"] == "events.not_a_list"
    one = _event(published.id, "impression").model_dump(mode="json")
    too_many = json.dumps([{**one, "id": str(index)} for index in range(10_001)]).encode()
    response = _post_raw(api, too_many)
    assert response.status_code == 413
    assert response.json() == {"code": "events.too_many", "params": {"max": 10_000}}
    with pytest.raises(ClientError) as refused:
        api.transport.request("POST", "/events", json={})
    assert refused.value.code == "events.not_a_list"


def test_a_full_batch_of_ten_thousand_is_taken_in_one_call(api, published) -> None:
    batch = [
        _event(published.id, "impression", ago=timedelta(minutes=index % 600))
        for index in range(10_000)
    ]
    receipt = api.send_events(batch)
    assert receipt.accepted == 10_000
    summary = api.stats_summary(account_id=published.account_id)
    assert summary.totals["impressions"] == 10_000
    last_two = summary.series[-2:]
    assert sum(day.totals["impressions"] for day in last_two) == 10_000
