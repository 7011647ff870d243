"""Typed calls of the backend's API, as the desktop app and integrations use them.

Each call returns schemas; each mutating call also says what it changed (`ChangeSet`), so the
app refreshes only the screens that show it.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any

from publisher.client.errors import NotFoundError
from publisher.client.http import Transport
from publisher.domain.changes import ChangeSet
from publisher.schemas import (
    AccountPublic,
    Health,
    MediaPublic,
    NoteMediaIn,
    NotePublic,
    Page,
    Token,
    UserPublic,
)

NOTES_CHANGED = ChangeSet(notes=True)
_UPLOAD_TIMEOUT = 120.0


def file_sha256(path: Path) -> str:
    """The content address of a file, read in chunks so large files stay out of memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_payload(media: list[NoteMediaIn | dict[str, Any]]) -> list[dict[str, Any]]:
    return [NoteMediaIn.model_validate(item).model_dump() for item in media]


class StudioClient:
    """A signed-in (or anonymous) connection to one backend, embedded or team server."""

    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 10.0):
        self.transport = Transport(base_url, token, timeout=timeout)

    @property
    def base_url(self) -> str:
        return self.transport.base_url

    def close(self) -> None:
        self.transport.close()

    # -- service ---------------------------------------------------------------------------

    def health(self) -> Health:
        return Health.model_validate(self.transport.request("GET", "/health", api=False).json())

    # -- auth ------------------------------------------------------------------------------

    def register(self, *, email: str, password: str, display_name: str) -> UserPublic:
        body = {"email": email, "password": password, "display_name": display_name}
        return UserPublic.model_validate(
            self.transport.request("POST", "/auth/register", json=body).json()
        )

    def sign_in(self, email: str, password: str) -> Token:
        """Exchange credentials for a token and use it for every later call."""
        response = self.transport.request(
            "POST", "/auth/token", data={"username": email, "password": password}
        )
        token = Token.model_validate(response.json())
        self.transport.set_token(token.access_token)
        return token

    def sign_out(self) -> None:
        """Revoke the current token on the server and forget it."""
        self.transport.request("POST", "/auth/logout")
        self.transport.set_token(None)

    def me(self) -> UserPublic:
        return UserPublic.model_validate(self.transport.request("GET", "/users/me").json())

    # -- accounts --------------------------------------------------------------------------

    def list_accounts(self) -> list[AccountPublic]:
        page = self.transport.request("GET", "/accounts", params={"limit": 500}).json()
        return [AccountPublic.model_validate(item) for item in page["items"]]

    def create_account(self, *, nickname: str, **fields: Any) -> AccountPublic:
        body = {"nickname": nickname, **fields}
        return AccountPublic.model_validate(
            self.transport.request("POST", "/accounts", json=body).json()
        )

    # -- notes -----------------------------------------------------------------------------

    def list_notes(
        self,
        *,
        account_id: uuid.UUID | None = None,
        status: str | None = None,
        query: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[NotePublic]:
        params: dict[str, Any] = {"offset": offset, "limit": limit}
        if account_id:
            params["account_id"] = str(account_id)
        if status:
            params["status"] = status
        if query:
            params["q"] = query
        data = self.transport.request("GET", "/notes", params=params).json()
        return Page[NotePublic].model_validate(data)

    def get_note(self, note_id: uuid.UUID) -> NotePublic:
        return NotePublic.model_validate(self.transport.request("GET", f"/notes/{note_id}").json())

    def create_note(
        self,
        *,
        account_id: uuid.UUID,
        type: str = "image",
        title: str = "",
        body: str = "",
        media: list[NoteMediaIn | dict[str, Any]] | None = None,
        idempotency_key: str | None = None,
    ) -> tuple[NotePublic, ChangeSet]:
        payload = {
            "account_id": str(account_id),
            "type": type,
            "title": title,
            "body": body,
            "media": _media_payload(media or []),
        }
        response = self.transport.request(
            "POST", "/notes", json=payload, idempotency_key=idempotency_key
        )
        return NotePublic.model_validate(response.json()), NOTES_CHANGED

    def update_note(
        self,
        note_id: uuid.UUID,
        *,
        version: int,
        idempotency_key: str | None = None,
        title: str | None = None,
        body: str | None = None,
        media: list[NoteMediaIn | dict[str, Any]] | None = None,
    ) -> tuple[NotePublic, ChangeSet]:
        """Change the given fields of a note based on `version`.

        Raises:
            ConflictError: someone changed the note since `version`; `current` holds it.
        """
        payload: dict[str, Any] = {"version": version}
        if title is not None:
            payload["title"] = title
        if body is not None:
            payload["body"] = body
        if media is not None:
            payload["media"] = _media_payload(media)
        response = self.transport.request(
            "PATCH", f"/notes/{note_id}", json=payload, idempotency_key=idempotency_key
        )
        return NotePublic.model_validate(response.json()), NOTES_CHANGED

    def delete_note(self, note_id: uuid.UUID, *, version: int) -> ChangeSet:
        self.transport.request("DELETE", f"/notes/{note_id}", params={"version": version})
        return NOTES_CHANGED

    def publish_note(
        self, note_id: uuid.UUID, *, version: int | None = None
    ) -> tuple[NotePublic, ChangeSet]:
        """Publish now, or raise `ValidationError` whose `violations` lists every broken rule."""
        response = self.transport.request(
            "POST", f"/notes/{note_id}/publish", json={"version": version}
        )
        return NotePublic.model_validate(response.json()), ChangeSet(notes=True, schedule=True)

    def archive_note(self, note_id: uuid.UUID, *, version: int) -> tuple[NotePublic, ChangeSet]:
        response = self.transport.request(
            "POST", f"/notes/{note_id}/archive", json={"version": version}
        )
        return NotePublic.model_validate(response.json()), NOTES_CHANGED

    # -- media -----------------------------------------------------------------------------

    def has_media(self, sha256: str) -> bool:
        try:
            self.transport.request("HEAD", f"/media/{sha256}")
        except NotFoundError:
            return False
        return True

    def upload_media(self, path: Path) -> MediaPublic:
        """Store a file's bytes on the backend, sending them only when it lacks them."""
        path = Path(path)
        sha = file_sha256(path)
        if self.has_media(sha):
            return self.media_info(sha)
        with path.open("rb") as handle:
            response = self.transport.request(
                "POST",
                "/media",
                files={"file": ("upload", handle, "application/octet-stream")},
                idempotency_key=f"media-{sha}",
                timeout=_UPLOAD_TIMEOUT,
            )
        return MediaPublic.model_validate(response.json())

    def media_info(self, sha256: str) -> MediaPublic:
        return MediaPublic.model_validate(
            self.transport.request("GET", f"/media/{sha256}/info").json()
        )

    def media_bytes(self, sha256: str) -> bytes:
        return self.transport.request("GET", f"/media/{sha256}", timeout=_UPLOAD_TIMEOUT).content

    def thumbnail(self, sha256: str, size: int = 256) -> bytes:
        """A JPEG no larger than `size` pixels on its long side, made by the backend."""
        return self.transport.request(
            "GET", f"/media/{sha256}/thumbnail", params={"size": size}
        ).content
