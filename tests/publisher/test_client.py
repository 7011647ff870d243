"""The client against a real server process: typed results, typed errors, no double writes."""

from __future__ import annotations

import socket
import threading

import pytest

from publisher.client import (
    AuthError,
    ConflictError,
    NotFoundError,
    OfflineError,
    StudioClient,
    ValidationError,
)
from tests.media_samples import write_image


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def record_methods(client: StudioClient) -> list[str]:
    seen: list[str] = []
    client.transport.session.hooks["response"].append(
        lambda response, *args, **kwargs: seen.append(response.request.method)
    )
    return seen


def test_a_backend_that_is_down_raises_offline_after_retrying() -> None:
    client = StudioClient(f"http://127.0.0.1:{_closed_port()}", timeout=1)
    client.transport.backoff = 0
    with pytest.raises(OfflineError) as caught:
        client.health()
    assert caught.value.code == "backend.unreachable"


def test_a_closed_client_never_reaches_the_network_again(backend) -> None:
    client = StudioClient(backend.url)
    sent = record_methods(client)
    client.health()
    client.close()
    with pytest.raises(OfflineError) as caught:
        client.health()
    assert caught.value.code == "backend.unreachable"
    assert sent == ["GET"]


def test_closing_ends_a_call_waiting_to_retry() -> None:
    """A worker retrying a stopped backend must not outlive the app's shutdown."""
    client = StudioClient(f"http://127.0.0.1:{_closed_port()}", timeout=1)
    client.transport.backoff = 600  # without the close, the call would wait ten minutes
    failures: list[BaseException] = []

    def call() -> None:
        try:
            client.health()
        except OfflineError as exc:
            failures.append(exc)

    worker = threading.Thread(target=call)
    worker.start()
    client.close()
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert [exc.code for exc in failures] == ["backend.unreachable"]


def test_errors_are_typed(backend, api) -> None:
    account = api.list_accounts()[0].id
    note, _ = api.create_note(account_id=account, title="a")
    api.update_note(note.id, version=note.version, title="b")
    with pytest.raises(ConflictError) as conflict:
        api.update_note(note.id, version=note.version, title="c")
    assert conflict.value.current["title"] == "b"

    with pytest.raises(ValidationError) as invalid:
        api.publish_note(note.id)
    assert [v["code"] for v in invalid.value.violations] == ["images.too_few"]

    api.delete_note(note.id, version=note.version + 1)
    with pytest.raises(NotFoundError):
        api.get_note(note.id)

    with pytest.raises(AuthError):
        StudioClient(backend.url, "expired-or-made-up").me()


def test_upload_sends_bytes_only_when_the_server_lacks_them(api, tmp_path) -> None:
    path = write_image(tmp_path / "IMG_0001.JPG")
    first = api.upload_media(path)
    seen = record_methods(api)
    second = api.upload_media(path)
    assert second.sha256 == first.sha256
    assert "POST" not in seen


def test_the_thumbnail_comes_back_as_jpeg(api, tmp_path) -> None:
    media = api.upload_media(write_image(tmp_path / "a.png", "PNG", size=(400, 300)))
    assert api.thumbnail(media.sha256, 128)[:2] == b"\xff\xd8"


def test_a_repeated_keyed_create_makes_one_note(api) -> None:
    account = api.list_accounts()[0].id
    first, _ = api.create_note(account_id=account, title="draft", idempotency_key="k-1")
    second, _ = api.create_note(account_id=account, title="draft", idempotency_key="k-1")
    assert first.id == second.id
    assert api.list_notes(query="draft").total == 1


def test_a_repeated_upload_with_one_key_is_replayed_not_refused(api, tmp_path) -> None:
    """A retry after a lost answer must send the same bytes, or the server would see a new body."""
    path = write_image(tmp_path / "IMG_0002.HEIC.jpg")
    answers = []
    for _ in range(2):
        with path.open("rb") as handle:
            answers.append(
                api.transport.request(
                    "POST",
                    "/media",
                    files={"file": ("upload", handle, "application/octet-stream")},
                    idempotency_key="one-upload",
                )
            )
    assert answers[0].json() == answers[1].json()
    assert answers[1].headers.get("idempotent-replayed") == "true"


def test_a_retried_delete_is_replayed_not_reported_missing(api) -> None:
    note, _ = api.create_note(account_id=api.list_accounts()[0].id)
    for _ in range(2):  # as a retry after a lost answer would
        answer = api.transport.request(
            "DELETE", f"/notes/{note.id}", params={"version": 1}, idempotency_key="delete-once"
        )
        assert answer.status_code == 204
    with pytest.raises(NotFoundError):
        api.get_note(note.id)
