"""The HTTP API against a real server process on a temporary SQLite (DESIGN.md "The API")."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from publisher.client import StudioClient
from tests.conftest import PASSWORD
from tests.media_samples import image_bytes

API = "/api/v1"


def call(backend, method: str, path: str, token: str | None = None, **kwargs):
    headers = kwargs.pop("headers", {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.request(method, backend.url + path, headers=headers, timeout=10, **kwargs)


def token_of(client: StudioClient) -> str:
    return client.transport.token


def first_account(client: StudioClient) -> uuid.UUID:
    return client.list_accounts()[0].id


def upload(backend, token: str, data: bytes, name: str = "photo.jpg"):
    return call(backend, "POST", f"{API}/media", token, files={"file": (name, data)})


# -- service ---------------------------------------------------------------------------------


def test_health_and_openapi_are_served(backend) -> None:
    health = call(backend, "GET", "/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    spec = call(backend, "GET", "/openapi.json").json()
    for path in (f"{API}/auth/register", f"{API}/auth/token", f"{API}/notes/{{note_id}}/publish"):
        assert path in spec["paths"]


# -- auth ------------------------------------------------------------------------------------


def test_register_sign_in_me_and_sign_out(backend) -> None:
    email = f"a-{uuid.uuid4().hex[:6]}@example.com"
    body = {"email": email, "password": PASSWORD, "display_name": "小红"}
    created = call(backend, "POST", f"{API}/auth/register", json=body)
    assert created.status_code == 201
    assert created.json()["email"] == email and "password" not in created.text

    again = call(backend, "POST", f"{API}/auth/register", json=body)
    assert (again.status_code, again.json()["code"]) == (422, "auth.email_taken")

    form = {"username": email.upper(), "password": PASSWORD}
    token = call(backend, "POST", f"{API}/auth/token", data=form).json()
    assert token["token_type"] == "bearer"
    me = call(backend, "GET", f"{API}/users/me", token["access_token"])
    assert me.json()["display_name"] == "小红"

    assert call(backend, "POST", f"{API}/auth/logout", token["access_token"]).status_code == 204
    revoked = call(backend, "GET", f"{API}/users/me", token["access_token"])
    assert (revoked.status_code, revoked.json()["code"]) == (401, "auth.invalid_token")


def test_wrong_password_and_missing_token_are_refused(backend, api) -> None:
    email = api.me().email
    bad = call(backend, "POST", f"{API}/auth/token", data={"username": email, "password": "nope"})
    assert (bad.status_code, bad.json()["code"]) == (401, "auth.bad_credentials")
    anonymous = call(backend, "GET", f"{API}/notes")
    assert (anonymous.status_code, anonymous.json()["code"]) == (401, "auth.missing_token")
    forged = call(backend, "GET", f"{API}/notes", "not-a-token")
    assert forged.status_code == 401


def test_the_local_token_is_the_machines_own_user(backend) -> None:
    me = call(backend, "GET", f"{API}/users/me", backend.token)
    assert me.status_code == 200
    accounts = call(backend, "GET", f"{API}/accounts", backend.token).json()
    assert accounts["total"] == 1


def test_create_account(backend, api) -> None:
    created = call(backend, "POST", f"{API}/accounts", token_of(api), json={"nickname": "探店号"})
    assert created.status_code == 201
    assert created.json()["timezone"] == "Asia/Shanghai"
    assert {a.nickname for a in api.list_accounts()} >= {"探店号"}


# -- notes -----------------------------------------------------------------------------------


def test_note_crud(backend, api) -> None:
    token, account = token_of(api), first_account(api)
    created = call(
        backend,
        "POST",
        f"{API}/notes",
        token,
        json={
            "account_id": str(account),
            "type": "image",
            "title": "秋天的第一杯奶茶",
            "body": "好喝",
        },
    )
    assert created.status_code == 201
    note = created.json()
    assert (note["status"], note["version"]) == ("draft", 1)

    fetched = call(backend, "GET", f"{API}/notes/{note['id']}", token).json()
    assert fetched["title"] == "秋天的第一杯奶茶"

    patched = call(
        backend, "PATCH", f"{API}/notes/{note['id']}", token, json={"version": 1, "body": "超好喝"}
    )
    assert patched.status_code == 200
    assert (patched.json()["version"], patched.json()["body"]) == (2, "超好喝")
    assert patched.json()["title"] == "秋天的第一杯奶茶"

    listed = call(backend, "GET", f"{API}/notes", token, params={"status": "draft"}).json()
    assert [n["id"] for n in listed["items"]] == [note["id"]]
    assert (
        call(backend, "GET", f"{API}/notes", token, params={"status": "published"}).json()["total"]
        == 0
    )

    stale_delete = call(
        backend, "DELETE", f"{API}/notes/{note['id']}", token, params={"version": 1}
    )
    assert stale_delete.status_code == 409
    deleted = call(backend, "DELETE", f"{API}/notes/{note['id']}", token, params={"version": 2})
    assert deleted.status_code == 204
    assert call(backend, "GET", f"{API}/notes/{note['id']}", token).status_code == 404


def test_list_filters_by_account_and_searches_title_and_body(api) -> None:
    main = first_account(api)
    second = api.create_account(nickname="second").id
    api.create_note(account_id=main, title="秋冬穿搭", body="")
    api.create_note(account_id=main, title="探店", body="100% 好吃的穿搭店")
    api.create_note(account_id=second, title="穿搭 second", body="")

    assert api.list_notes(query="穿搭").total == 3
    assert api.list_notes(query="穿搭", account_id=main).total == 2
    assert api.list_notes(query="100%").total == 1
    assert api.list_notes(query="%").total == 1  # a wildcard is searched for, not expanded
    page = api.list_notes(limit=2)
    assert (len(page.items), page.total) == (2, 3)


def test_a_stale_update_is_refused_with_the_current_note_and_not_applied(backend, api) -> None:
    note, _ = api.create_note(account_id=first_account(api), title="v1")
    token = token_of(api)
    first = call(
        backend, "PATCH", f"{API}/notes/{note.id}", token, json={"version": 1, "title": "A"}
    )
    assert first.status_code == 200
    stale = call(
        backend, "PATCH", f"{API}/notes/{note.id}", token, json={"version": 1, "title": "B"}
    )
    assert stale.status_code == 409
    body = stale.json()
    assert body["code"] == "note.version_conflict"
    assert (body["current"]["title"], body["current"]["version"]) == ("A", 2)
    assert api.get_note(note.id).title == "A"


def test_idempotency_key_replays_and_refuses_a_changed_body(backend, api) -> None:
    token, account = token_of(api), str(first_account(api))
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"account_id": account, "title": "only once"}
    first = call(backend, "POST", f"{API}/notes", token, json=body, headers=dict(key))
    second = call(backend, "POST", f"{API}/notes", token, json=body, headers=dict(key))
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers.get("idempotent-replayed") == "true"
    assert api.list_notes(query="only once").total == 1

    changed = call(
        backend, "POST", f"{API}/notes", token, json={**body, "title": "x"}, headers=dict(key)
    )
    assert (changed.status_code, changed.json()["code"]) == (422, "idempotency.key_reused")


def test_a_retry_sent_the_moment_the_answer_arrives_is_a_replay(backend, api) -> None:
    # The answer is stored before it is sent, so a client that retries at once (a lost
    # connection just after reading) never meets "still in progress".
    token, account = token_of(api), str(first_account(api))
    for attempt in range(20):
        key = {"Idempotency-Key": str(uuid.uuid4())}
        body = {"account_id": account, "title": f"retry {attempt}"}
        first = call(backend, "POST", f"{API}/notes", token, json=body, headers=dict(key))
        again = call(backend, "POST", f"{API}/notes", token, json=body, headers=dict(key))
        assert (first.status_code, again.status_code) == (201, 201), again.text
        assert again.headers.get("idempotent-replayed") == "true"


def test_asking_for_a_checklist_leaves_no_idempotency_record(backend, api) -> None:
    token = token_of(api)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    for title in ("one", "two"):  # the same key with another body is simply a new question
        asked = call(
            backend, "POST", f"{API}/checklist", token, json={"title": title}, headers=dict(key)
        )
        assert asked.status_code == 200, asked.text


def test_an_idempotency_key_belongs_to_its_caller(backend, api, other_api) -> None:
    key = {"Idempotency-Key": "shared-key"}
    mine = {"account_id": str(first_account(api)), "title": "mine"}
    theirs = {"account_id": str(first_account(other_api)), "title": "theirs"}
    assert call(backend, "POST", f"{API}/notes", token_of(api), json=mine, headers=dict(key)).ok
    other = call(
        backend, "POST", f"{API}/notes", token_of(other_api), json=theirs, headers=dict(key)
    )
    assert other.status_code == 201 and other.json()["title"] == "theirs"


def test_another_user_cannot_see_or_change_a_note(backend, api, other_api) -> None:
    note, _ = api.create_note(account_id=first_account(api), title="私密")
    intruder = token_of(other_api)
    path = f"{API}/notes/{note.id}"
    assert call(backend, "GET", path, intruder).status_code == 404
    assert (
        call(backend, "PATCH", path, intruder, json={"version": 1, "title": "x"}).status_code == 404
    )
    assert call(backend, "DELETE", path, intruder, params={"version": 1}).status_code == 404
    assert call(backend, "POST", f"{path}/publish", intruder, json={}).status_code == 404
    assert other_api.list_notes().total == 0
    borrowed = call(
        backend, "POST", f"{API}/notes", intruder, json={"account_id": str(first_account(api))}
    )
    assert (borrowed.status_code, borrowed.json()["code"]) == (404, "account.not_found")
    assert api.get_note(note.id).title == "私密"


def test_invalid_input_gets_a_machine_readable_error(backend, api) -> None:
    token = token_of(api)
    bad = call(backend, "POST", f"{API}/notes", token, json={"account_id": "nope", "type": "gif"})
    assert bad.status_code == 422
    assert bad.json()["code"] == "request.invalid"
    fields = {tuple(f["loc"]) for f in bad.json()["params"]["fields"]}
    assert ("body", "account_id") in fields and ("body", "type") in fields
    assert call(backend, "GET", f"{API}/notes/not-a-uuid", token).status_code == 422
    unknown = call(backend, "GET", f"{API}/nothing-here", token)
    assert (unknown.status_code, unknown.json()["code"]) == (404, "http.404")


# -- media -----------------------------------------------------------------------------------


def test_upload_is_deduplicated_by_content(backend, api, other_api) -> None:
    token, data = token_of(api), image_bytes("PNG", color=(1, 2, 3))
    first = upload(backend, token, data, "a.png")
    assert first.status_code == 201
    media = first.json()
    assert (media["mime"], media["width"], media["height"]) == ("image/png", 60, 80)
    sha = media["sha256"]
    assert call(backend, "HEAD", f"{API}/media/{sha}", token).status_code == 200
    again = upload(backend, token, data, "renamed.png")
    assert again.json()["sha256"] == sha
    stored = list((backend.data_dir / "media").rglob(sha))
    assert len(stored) == 1 and stored[0].read_bytes() == data

    # Someone else cannot learn that the file exists, nor fetch it.
    assert call(backend, "HEAD", f"{API}/media/{sha}", token_of(other_api)).status_code == 404
    assert call(backend, "GET", f"{API}/media/{sha}", token_of(other_api)).status_code == 404
    assert call(backend, "GET", f"{API}/media/{sha}", token).content == data


def test_an_html_file_named_jpg_is_refused(backend, api) -> None:
    html = b"<!doctype html><html><script>alert(1)</script></html>"
    refused = upload(backend, token_of(api), html, "cute-cat.jpg")
    assert refused.status_code == 415
    assert refused.json()["code"] == "image.unsupported_format"
    assert not [
        p for p in (backend.data_dir / "media").rglob("*") if p.is_file() and p.read_bytes() == html
    ]


def test_a_corrupt_image_is_refused(backend, api) -> None:
    truncated = image_bytes("PNG")[:40]
    refused = upload(backend, token_of(api), truncated, "broken.png")
    assert refused.status_code in (415, 422)


def test_client_names_are_never_used_as_paths(backend, api) -> None:
    made = upload(backend, token_of(api), image_bytes(color=(3, 1, 4)), "../../../../etc/passwd")
    assert made.status_code == 201
    sha = made.json()["sha256"]
    assert (backend.data_dir / "media" / sha[:2] / sha[2:4] / sha).is_file()
    assert not list(backend.data_dir.parent.rglob("passwd"))


def test_thumbnail_is_a_small_jpeg(backend, api) -> None:
    sha = upload(backend, token_of(api), image_bytes("PNG", size=(900, 1200))).json()["sha256"]
    thumb = call(
        backend, "GET", f"{API}/media/{sha}/thumbnail", token_of(api), params={"size": 100}
    )
    assert thumb.headers["content-type"] == "image/jpeg"
    assert thumb.content[:3] == b"\xff\xd8\xff"


# -- lifecycle -------------------------------------------------------------------------------


def test_publish_answers_every_violated_rule_at_once(backend, api) -> None:
    note, _ = api.create_note(account_id=first_account(api), title="", body="很" * 1001)
    refused = call(backend, "POST", f"{API}/notes/{note.id}/publish", token_of(api), json={})
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == "note.rules_violated"
    assert [v["code"] for v in body["violations"]] == [
        "title.empty",
        "body.too_long",
        "images.too_few",
    ]
    assert api.get_note(note.id).status == "draft"


def test_publish_records_time_and_who_confirmed(backend, api) -> None:
    sha = upload(backend, token_of(api), image_bytes()).json()["sha256"]
    note, _ = api.create_note(account_id=first_account(api), title="好物分享", body="")
    note, _ = api.update_note(note.id, version=note.version, media=[{"sha256": sha}])
    published, changes = api.publish_note(note.id, version=note.version)
    assert changes.notes
    assert published.status == "published"
    assert published.published_at is not None
    assert published.published_by == api.me().id
    again = call(backend, "POST", f"{API}/notes/{note.id}/publish", token_of(api), json={})
    assert (again.status_code, again.json()["code"]) == (422, "note.not_publishable")
    archived, _ = api.archive_note(note.id, version=published.version)
    assert archived.status == "archived"


def test_note_media_keep_their_order_and_must_be_the_callers(backend, api, other_api) -> None:
    token = token_of(api)
    shas = [
        upload(backend, token, image_bytes(color=(i, 0, 0))).json()["sha256"] for i in (1, 2, 3)
    ]
    note, _ = api.create_note(account_id=first_account(api), media=[{"sha256": s} for s in shas])
    assert [m.sha256 for m in note.media] == shas
    reordered = [shas[2], shas[0], shas[1]]
    note, _ = api.update_note(
        note.id, version=note.version, media=[{"sha256": s} for s in reordered]
    )
    assert [m.sha256 for m in api.get_note(note.id).media] == reordered
    assert [m.position for m in note.media] == [0, 1, 2]

    theirs = upload(backend, token_of(other_api), image_bytes(color=(9, 9, 9))).json()["sha256"]
    refused = call(
        backend,
        "PATCH",
        f"{API}/notes/{note.id}",
        token,
        json={"version": note.version, "media": [{"sha256": theirs}]},
    )
    assert (refused.status_code, refused.json()["code"]) == (422, "media.unknown")


@pytest.mark.parametrize("title", ["🍰" * 300, "\u202eodd\u200b", "　" * 10, "\ud7ff\U0010ffff"])
def test_odd_unicode_is_stored_as_given(api, title: str) -> None:
    note, _ = api.create_note(account_id=first_account(api), title=title)
    assert api.get_note(note.id).title == title


def test_nul_characters_and_unknown_time_zones_are_refused(backend, api) -> None:
    token = token_of(api)
    nul = call(
        backend,
        "POST",
        f"{API}/notes",
        token,
        json={"account_id": str(first_account(api)), "title": "a\x00b"},
    )
    assert (nul.status_code, nul.json()["code"]) == (422, "request.invalid")
    zone = call(
        backend, "POST", f"{API}/accounts", token, json={"nickname": "x", "timezone": "Mars/Base"}
    )
    assert zone.status_code == 422


def test_each_update_bumps_the_version_by_one(backend, api) -> None:
    sha = upload(backend, token_of(api), image_bytes()).json()["sha256"]
    note, _ = api.create_note(account_id=first_account(api))
    note, _ = api.update_note(note.id, version=note.version, title="t", media=[{"sha256": sha}])
    assert note.version == 2
    note, _ = api.update_note(note.id, version=note.version, media=[])
    assert (note.version, note.media) == (3, [])


def test_concurrent_edits_of_one_version_let_exactly_one_win(backend, api) -> None:
    note, _ = api.create_note(account_id=first_account(api), title="start")
    token = token_of(api)

    def edit(index: int) -> int:
        body = {"version": note.version, "title": f"edit {index}"}
        return call(backend, "PATCH", f"{API}/notes/{note.id}", token, json=body).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(pool.map(edit, range(8)))
    assert statuses.count(200) == 1
    assert statuses.count(409) == 7
    final = api.get_note(note.id)
    assert final.version == 2 and final.title.startswith("edit ")


def test_concurrent_media_edits_answer_409_never_500(backend, api) -> None:
    token = token_of(api)
    shas = [upload(backend, token, image_bytes(color=(i, 9, 9))).json()["sha256"] for i in range(8)]
    note, _ = api.create_note(account_id=first_account(api))

    def edit(sha: str) -> int:
        body = {"version": note.version, "media": [{"sha256": sha}]}
        return call(backend, "PATCH", f"{API}/notes/{note.id}", token, json=body).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(pool.map(edit, shas))
    assert statuses == [200] + [409] * 7
    assert len(api.get_note(note.id).media) == 1


def test_an_image_with_a_valid_header_but_broken_pixels_is_refused(backend, api) -> None:
    data = bytearray(image_bytes("PNG", size=(300, 300), color=(5, 6, 7)))
    idat = data.index(b"IDAT")
    data[idat + 8 : idat + 40] = b"\xff" * 32  # scramble the compressed pixel stream
    refused = upload(backend, token_of(api), bytes(data), "broken.png")
    assert (refused.status_code, refused.json()["code"]) == (422, "image.corrupt")


def test_a_sign_in_answer_is_never_replayed(backend, api) -> None:
    form = {"username": api.me().email, "password": PASSWORD}
    key = {"Idempotency-Key": "sign-in-once"}
    first = call(backend, "POST", f"{API}/auth/token", data=form, headers=dict(key))
    second = call(backend, "POST", f"{API}/auth/token", data=form, headers=dict(key))
    assert first.ok and second.ok
    assert first.json()["access_token"] != second.json()["access_token"]


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("GET", "/notes", {"params": {"q": "a\x00b"}}),
        ("POST", "/accounts", {"json": {"nickname": "x", "platform_user_id": "a\x00"}}),
    ],
)
def test_nul_anywhere_is_a_clear_422(backend, api, method, path, kwargs) -> None:
    answer = call(backend, method, f"{API}{path}", token_of(api), **kwargs)
    assert (answer.status_code, answer.json()["code"]) == (422, "request.invalid")


def test_nul_in_sign_up_and_sign_in_is_refused_cleanly(backend) -> None:
    body = {"email": "n@example.com", "password": PASSWORD, "display_name": "a\x00"}
    assert call(backend, "POST", f"{API}/auth/register", json=body).status_code == 422
    form = {"username": "n\x00@example.com", "password": PASSWORD}
    answer = call(backend, "POST", f"{API}/auth/token", data=form)
    assert (answer.status_code, answer.json()["code"]) == (401, "auth.bad_credentials")


def test_a_json_call_cannot_send_a_huge_body(backend) -> None:
    huge = b'{"email": "' + b"a" * (2 << 20) + b'"}'
    answer = call(
        backend,
        "POST",
        f"{API}/auth/register",
        data=huge,
        headers={"Content-Type": "application/json"},
    )
    assert (answer.status_code, answer.json()["code"]) == (413, "request.too_large")


def test_a_lost_original_is_restored_by_the_next_upload(backend, api) -> None:
    data = image_bytes(color=(77, 1, 1))
    sha = upload(backend, token_of(api), data).json()["sha256"]
    (stored,) = (backend.data_dir / "media").rglob(sha)
    stored.unlink()
    missing = call(backend, "GET", f"{API}/media/{sha}", token_of(api))
    assert (missing.status_code, missing.json()["code"]) == (404, "media.file_missing")
    assert upload(backend, token_of(api), data).status_code == 201
    assert call(backend, "GET", f"{API}/media/{sha}", token_of(api)).content == data
