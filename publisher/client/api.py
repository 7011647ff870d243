"""Typed calls of the backend's API, as the desktop app and integrations use them.

Each call returns schemas; each mutating call also says what it changed (`ChangeSet`), so the
app refreshes only the screens that show it.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from publisher.client.brands import BrandCalls
from publisher.client.bulk import BulkCalls
from publisher.client.errors import NotFoundError
from publisher.client.http import Progress, Transport
from publisher.client.near_duplicates import NearDuplicateCalls
from publisher.client.reader_comments import ReaderCommentsCalls
from publisher.client.roster import RosterCalls
from publisher.client.stats import StatsCalls
from publisher.client.teams import TeamCalls
from publisher.domain.changes import ChangeSet
from publisher.schemas import (
    AccountBrief,
    AccountPublic,
    BrandKitPublic,
    ChecklistPublic,
    Health,
    LutPublic,
    MediaPublic,
    NoteMediaIn,
    NotePublic,
    NotificationPage,
    OrganizationPublic,
    Page,
    PlacePublic,
    PresetPublic,
    ProductPublic,
    PublishPackage,
    StorefrontPublic,
    Token,
    TopicGroupPublic,
    TopicPublic,
    TopicSuggestion,
    UserPublic,
    UserTemplatePublic,
)

NOTES_CHANGED = ChangeSet(notes=True)
PRESETS_CHANGED = ChangeSet(presets=True)
LOOKS_CHANGED = ChangeSet(looks=True)
SCHEDULE_CHANGED = ChangeSet(notes=True, schedule=True)
BRAND_KITS_CHANGED = ChangeSet(brand_kits=True)
TEMPLATES_CHANGED = ChangeSet(templates=True)
_UPLOAD_TIMEOUT = 120.0
_SLOW_COPY_BYTES_PER_SECOND = 20 * 1024 * 1024
"""A slow disk's pace: after the last byte the backend copies, hashes and checks the upload
before it answers, so a large upload waits longer for that answer."""


def file_sha256(path: Path) -> str:
    """The content address of a file, read in chunks so large files stay out of memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_COMPOSER_FIELDS = ("topics", "mentions", "product_ids", "visibility", "original", "ai_generated")


def _composer_payload(fields: dict[str, Any]) -> dict[str, Any]:
    """The topics, mentions, products (ids, in order) and flags a call sets; None: unchanged."""
    payload: dict[str, Any] = {}
    for name in _COMPOSER_FIELDS:
        value = fields.get(name)
        if value is None:
            continue
        payload[name] = [str(item) for item in value] if isinstance(value, list) else value
    return payload


def _media_payload(media: list[NoteMediaIn | dict[str, Any]]) -> list[dict[str, Any]]:
    return [NoteMediaIn.model_validate(item).model_dump() for item in media]


class StudioClient(
    BrandCalls,
    BulkCalls,
    NearDuplicateCalls,
    ReaderCommentsCalls,
    RosterCalls,
    StatsCalls,
    TeamCalls,
):
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
        **composer: Any,
    ) -> tuple[NotePublic, ChangeSet]:
        """Create a draft. `composer` may set `topics`, `mentions`, `product_ids` (lists of
        ids, in order), `visibility` ("public" | "private" | "mutual"), `original` and
        `ai_generated`."""
        payload = {
            "account_id": str(account_id),
            "type": type,
            "title": title,
            "body": body,
            "media": _media_payload(media or []),
            **_composer_payload(composer),
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
        type: str | None = None,
        title: str | None = None,
        body: str | None = None,
        media: list[NoteMediaIn | dict[str, Any]] | None = None,
        **composer: Any,
    ) -> tuple[NotePublic, ChangeSet]:
        """Change the given fields of a note based on `version`; `composer` as in
        `create_note` (a list replaces the note's list, in order).

        Raises:
            ConflictError: someone changed the note since `version`; `current` holds it.
            ValidationError: `topic.unknown`, `mention.unknown`, `product.link_not_allowed` …
            NotFoundError: `product.not_found` for a product the caller cannot see.
        """
        payload: dict[str, Any] = {"version": version, **_composer_payload(composer)}
        if type is not None:
            payload["type"] = type
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

    def upload_media(self, path: Path, *, progress: Progress | None = None) -> MediaPublic:
        """Store a photo's or video's bytes on the backend, sending them only when it lacks
        them; they are streamed from the file, and `progress` hears the fraction sent."""
        path = Path(path)
        sha = file_sha256(path)
        if self.has_media(sha):
            return self.media_info(sha)
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            response = self.transport.request(
                "POST",
                "/media",
                files={"file": ("upload", handle, "application/octet-stream")},
                idempotency_key=f"media-{sha}",
                timeout=_UPLOAD_TIMEOUT + size / _SLOW_COPY_BYTES_PER_SECOND,
                progress=progress,
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

    # -- edit presets ----------------------------------------------------------------------

    def list_presets(self, *, offset: int = 0, limit: int = 50) -> Page[PresetPublic]:
        """The signed-in user's presets, ordered by name."""
        params = {"offset": offset, "limit": limit}
        data = self.transport.request("GET", "/presets", params=params).json()
        return Page[PresetPublic].model_validate(data)

    def get_preset(self, preset_id: uuid.UUID) -> PresetPublic:
        return PresetPublic.model_validate(
            self.transport.request("GET", f"/presets/{preset_id}").json()
        )

    def create_preset(
        self, *, name: str, recipe: dict[str, Any], idempotency_key: str | None = None
    ) -> tuple[PresetPublic, ChangeSet]:
        """Save `recipe` (an `editor.recipe` document) under `name`.

        Raises:
            ConflictError: the user already has a preset of that name (`preset.name_taken`).
            ValidationError: the recipe is refused (`recipe.invalid`, `recipe.too_new` …).
        """
        response = self.transport.request(
            "POST",
            "/presets",
            json={"name": name, "recipe": recipe},
            idempotency_key=idempotency_key,
        )
        return PresetPublic.model_validate(response.json()), PRESETS_CHANGED

    def update_preset(
        self,
        preset_id: uuid.UUID,
        *,
        version: int,
        name: str | None = None,
        recipe: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> tuple[PresetPublic, ChangeSet]:
        """Rename a preset and/or replace its recipe, based on `version`.

        Raises:
            ConflictError: stale `version` (`current` holds the preset) or a taken name.
        """
        payload: dict[str, Any] = {"version": version}
        if name is not None:
            payload["name"] = name
        if recipe is not None:
            payload["recipe"] = recipe
        response = self.transport.request(
            "PATCH", f"/presets/{preset_id}", json=payload, idempotency_key=idempotency_key
        )
        return PresetPublic.model_validate(response.json()), PRESETS_CHANGED

    def delete_preset(self, preset_id: uuid.UUID, *, version: int) -> ChangeSet:
        self.transport.request("DELETE", f"/presets/{preset_id}", params={"version": version})
        return PRESETS_CHANGED

    # -- organizations and brand kits (issue 4) --------------------------------------------

    def list_organizations(self) -> list[OrganizationPublic]:
        """The organizations the signed-in user is a member of, with their role in each."""
        data = self.transport.request("GET", "/organizations").json()
        return [OrganizationPublic.model_validate(item) for item in data]

    def get_brand_kit(self, organization_id: uuid.UUID) -> BrandKitPublic:
        """The organization's kit; `version` 0 is the defaults of one that has none yet."""
        return BrandKitPublic.model_validate(
            self.transport.request("GET", f"/organizations/{organization_id}/brand-kit").json()
        )

    def save_brand_kit(
        self,
        organization_id: uuid.UUID,
        *,
        version: int,
        name: str,
        colors: dict[str, str],
        font: str,
        logo_sha256: str | None,
        idempotency_key: str | None = None,
    ) -> tuple[BrandKitPublic, ChangeSet]:
        """Create (`version` 0) or replace the kit, based on `version`.

        `colors` holds primary, secondary, accent, text and background as `#RRGGBB`;
        `logo_sha256` names an uploaded PNG (or keeps the current logo).

        Raises:
            ConflictError: stale `version` (`brand_kit.version_conflict`; `current` holds it).
            ForbiddenError: `brand_kit.forbidden`, the user may only read this kit.
            ValidationError: `brand_kit.invalid` ({field, reason}), `brand_kit.logo_unknown`,
                `brand_kit.logo_not_png`.
            NotFoundError: `organization.not_found`.
        """
        payload = {
            "version": version,
            "name": name,
            "colors": colors,
            "font": font,
            "logo_sha256": logo_sha256,
        }
        response = self.transport.request(
            "PUT",
            f"/organizations/{organization_id}/brand-kit",
            json=payload,
            idempotency_key=idempotency_key,
        )
        return BrandKitPublic.model_validate(response.json()), BRAND_KITS_CHANGED

    # -- user templates (issue 4) ----------------------------------------------------------

    def list_templates(self, *, offset: int = 0, limit: int = 50) -> Page[UserTemplatePublic]:
        """The signed-in user's own cover templates, ordered by name."""
        params = {"offset": offset, "limit": limit}
        data = self.transport.request("GET", "/templates", params=params).json()
        return Page[UserTemplatePublic].model_validate(data)

    def get_template(self, template_id: uuid.UUID) -> UserTemplatePublic:
        return UserTemplatePublic.model_validate(
            self.transport.request("GET", f"/templates/{template_id}").json()
        )

    def create_template(
        self, *, name: str, document: dict[str, Any], idempotency_key: str | None = None
    ) -> tuple[UserTemplatePublic, ChangeSet]:
        """Save `document` (an `editor.templates` document) under `name`.

        Raises:
            ConflictError: the user already has a template of that name (`template.name_taken`).
            ValidationError: the document is refused (`template.invalid`, `template.too_new`,
                `template.too_large`).
        """
        response = self.transport.request(
            "POST",
            "/templates",
            json={"name": name, "document": document},
            idempotency_key=idempotency_key,
        )
        return UserTemplatePublic.model_validate(response.json()), TEMPLATES_CHANGED

    def update_template(
        self,
        template_id: uuid.UUID,
        *,
        version: int,
        name: str | None = None,
        document: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> tuple[UserTemplatePublic, ChangeSet]:
        """Rename a template and/or replace its document, based on `version`.

        Raises:
            ConflictError: stale `version` (`current` holds the template) or a taken name.
        """
        payload: dict[str, Any] = {"version": version}
        if name is not None:
            payload["name"] = name
        if document is not None:
            payload["document"] = document
        response = self.transport.request(
            "PATCH", f"/templates/{template_id}", json=payload, idempotency_key=idempotency_key
        )
        return UserTemplatePublic.model_validate(response.json()), TEMPLATES_CHANGED

    def delete_template(self, template_id: uuid.UUID, *, version: int) -> ChangeSet:
        self.transport.request("DELETE", f"/templates/{template_id}", params={"version": version})
        return TEMPLATES_CHANGED

    # -- imported looks (.cube LUTs) -------------------------------------------------------

    def upload_lut(self, path: Path) -> tuple[LutPublic, ChangeSet]:
        """Import a .cube look; recipes then name it `user:<sha256>` on any machine.

        Raises:
            ValidationError: the file is not a usable .cube (`lut.*`) or too large (413).
        """
        path = Path(path)
        with path.open("rb") as handle:
            response = self.transport.request(
                "POST",
                "/luts",
                files={"file": (path.name, handle, "text/plain")},
                timeout=_UPLOAD_TIMEOUT,
            )
        return LutPublic.model_validate(response.json()), LOOKS_CHANGED

    def list_luts(self, *, offset: int = 0, limit: int = 50) -> Page[LutPublic]:
        params = {"offset": offset, "limit": limit}
        data = self.transport.request("GET", "/luts", params=params).json()
        return Page[LutPublic].model_validate(data)

    def lut_text(self, sha256: str) -> str:
        """The .cube file as it was imported, to parse and cache on this machine."""
        return self.transport.request("GET", f"/luts/{sha256}", timeout=_UPLOAD_TIMEOUT).text

    def delete_lut(self, sha256: str) -> ChangeSet:
        self.transport.request("DELETE", f"/luts/{sha256}")
        return LOOKS_CHANGED

    # -- places (issue 6) ------------------------------------------------------------------

    def search_places(self, query: str, *, offset: int = 0, limit: int = 20) -> Page[PlacePublic]:
        """Shipped and organization places by Chinese name, pinyin, initials or city."""
        params = {"q": query, "offset": offset, "limit": limit}
        return Page[PlacePublic].model_validate(
            self.transport.request("GET", "/places", params=params).json()
        )

    def add_place(
        self, *, name: str, longitude: float, latitude: float, address: str = ""
    ) -> PlacePublic:
        body = {"name": name, "address": address, "longitude": longitude, "latitude": latitude}
        return PlacePublic.model_validate(
            self.transport.request("POST", "/places", json=body).json()
        )

    def get_place(self, place_id: str) -> PlacePublic:
        return PlacePublic.model_validate(
            self.transport.request("GET", f"/places/{place_id}").json()
        )

    def recent_places(self, account_id: uuid.UUID) -> list[PlacePublic]:
        data = self.transport.request("GET", f"/accounts/{account_id}/recent-places").json()
        return [PlacePublic.model_validate(item) for item in data]

    def set_note_place(
        self, note_id: uuid.UUID, *, version: int, place_id: str | None
    ) -> tuple[NotePublic, ChangeSet]:
        """Tag the note with a place, or remove its place with None."""
        response = self.transport.request(
            "PATCH", f"/notes/{note_id}", json={"version": version, "place_id": place_id}
        )
        return NotePublic.model_validate(response.json()), NOTES_CHANGED

    # -- scheduling and publishing (issue 6) -----------------------------------------------

    def schedule_note(
        self, note_id: uuid.UUID, *, at: datetime, version: int
    ) -> tuple[NotePublic, ChangeSet]:
        """Schedule for the aware time `at`, or raise `ValidationError` listing every
        violation (`schedule.too_soon`, `schedule.too_late` and the content rules)."""
        response = self.transport.request(
            "POST", f"/notes/{note_id}/schedule", json={"at": at.isoformat(), "version": version}
        )
        return NotePublic.model_validate(response.json()), SCHEDULE_CHANGED

    def reschedule_note(
        self, note_id: uuid.UUID, *, at: datetime, version: int
    ) -> tuple[NotePublic, ChangeSet]:
        """Move a scheduled note to `at` (the same checks as scheduling)."""
        response = self.transport.request(
            "PATCH", f"/notes/{note_id}", json={"scheduled_at": at.isoformat(), "version": version}
        )
        return NotePublic.model_validate(response.json()), SCHEDULE_CHANGED

    def unschedule_note(self, note_id: uuid.UUID, *, version: int) -> tuple[NotePublic, ChangeSet]:
        response = self.transport.request(
            "POST", f"/notes/{note_id}/unschedule", json={"version": version}
        )
        return NotePublic.model_validate(response.json()), SCHEDULE_CHANGED

    def notifications(self, *, after: int = 0, limit: int = 100) -> NotificationPage:
        """Notifications newer than the cursor `after`; pass the answer's `cursor` next time."""
        params = {"after": after, "limit": limit}
        return NotificationPage.model_validate(
            self.transport.request("GET", "/notifications", params=params).json()
        )

    def mark_notifications_read(self, *, up_to: int) -> int:
        response = self.transport.request("POST", "/notifications/read", json={"up_to": up_to})
        return int(response.json()["marked"])

    def get_package(self, note_id: uuid.UUID) -> PublishPackage:
        return PublishPackage.model_validate(
            self.transport.request("GET", f"/notes/{note_id}/package").json()
        )

    def package_image(self, note_id: uuid.UUID, position: int) -> bytes:
        """The bytes of the package image at `position` (the edited export or the original)."""
        return self.transport.request(
            "GET", f"/notes/{note_id}/package/images/{position}", timeout=_UPLOAD_TIMEOUT
        ).content

    def package_cover(self, note_id: uuid.UUID) -> bytes:
        """The bytes of the package's cover (a video note's is its own JPEG, made from a frame
        on the server the first time it is asked for)."""
        return self.transport.request(
            "GET", f"/notes/{note_id}/package/cover", timeout=_UPLOAD_TIMEOUT
        ).content

    def confirm_posted(
        self, note_id: uuid.UUID, *, link: str | None = None
    ) -> tuple[NotePublic, ChangeSet]:
        """Record that the signed-in human posted the note, with its platform link if known."""
        response = self.transport.request(
            "POST", f"/notes/{note_id}/confirm-posted", json={"link": link}
        )
        return NotePublic.model_validate(response.json()), NOTES_CHANGED

    # -- topics, mentions, products, checklist (issue 6, composer) -------------------------

    def search_topics(
        self, query: str | None = None, *, offset: int = 0, limit: int = 20
    ) -> Page[TopicPublic]:
        """Topics whose name contains `query` (any case), most used first."""
        params: dict[str, Any] = {"offset": offset, "limit": limit}
        if query:
            params["q"] = query
        data = self.transport.request("GET", "/topics", params=params).json()
        return Page[TopicPublic].model_validate(data)

    def create_topic(self, name: str) -> TopicPublic:
        """The topic of that name (`#`, spaces and full-width forms normalised), created if new.

        Raises:
            ValidationError: `topic.name_invalid` ({reason, max}).
        """
        response = self.transport.request("POST", "/topics", json={"name": name})
        return TopicPublic.model_validate(response.json())

    def suggest_topics(
        self,
        *,
        title: str,
        body: str,
        account_id: uuid.UUID | None = None,
        limit: int = 10,
    ) -> list[TopicSuggestion]:
        """Ranked topic suggestions for a note being written (`topic_id` None: a new topic)."""
        payload: dict[str, Any] = {"title": title, "body": body, "limit": limit}
        if account_id is not None:
            payload["account_id"] = str(account_id)
        # A read: it changes nothing, so a retry is harmless and needs no stored answer.
        data = self.transport.request("POST", "/topics/suggest", json=payload).json()
        return [TopicSuggestion.model_validate(item) for item in data]

    def list_topic_groups(self, *, offset: int = 0, limit: int = 50) -> Page[TopicGroupPublic]:
        params = {"offset": offset, "limit": limit}
        data = self.transport.request("GET", "/topic-groups", params=params).json()
        return Page[TopicGroupPublic].model_validate(data)

    def create_topic_group(
        self, *, name: str, topic_ids: list[uuid.UUID]
    ) -> tuple[TopicGroupPublic, ChangeSet]:
        body = {"name": name, "topic_ids": [str(t) for t in topic_ids]}
        response = self.transport.request("POST", "/topic-groups", json=body)
        return TopicGroupPublic.model_validate(response.json()), ChangeSet()

    def update_topic_group(
        self,
        group_id: uuid.UUID,
        *,
        version: int,
        name: str | None = None,
        topic_ids: list[uuid.UUID] | None = None,
    ) -> tuple[TopicGroupPublic, ChangeSet]:
        payload: dict[str, Any] = {"version": version}
        if name is not None:
            payload["name"] = name
        if topic_ids is not None:
            payload["topic_ids"] = [str(t) for t in topic_ids]
        response = self.transport.request("PATCH", f"/topic-groups/{group_id}", json=payload)
        return TopicGroupPublic.model_validate(response.json()), ChangeSet()

    def delete_topic_group(self, group_id: uuid.UUID, *, version: int) -> ChangeSet:
        self.transport.request("DELETE", f"/topic-groups/{group_id}", params={"version": version})
        return ChangeSet()

    def search_mentionable(
        self, query: str, *, offset: int = 0, limit: int = 20
    ) -> Page[AccountBrief]:
        """Accounts to @mention whose nickname contains `query`."""
        params = {"q": query, "offset": offset, "limit": limit}
        data = self.transport.request("GET", "/accounts/search", params=params).json()
        return Page[AccountBrief].model_validate(data)

    def set_can_link_products(
        self, account_id: uuid.UUID, *, version: int, allowed: bool
    ) -> tuple[AccountPublic, ChangeSet]:
        """As the account's owner, allow or forbid linking products to its notes."""
        return self.update_account(account_id, version=version, can_link_products=allowed)

    def update_account(
        self, account_id: uuid.UUID, *, version: int, **fields: Any
    ) -> tuple[AccountPublic, ChangeSet]:
        """As the account's owner, change `can_link_products`, `followers`, `category` or
        `region` (what brands' briefs filter creators by)."""
        body = {"version": version, **fields}
        response = self.transport.request("PATCH", f"/accounts/{account_id}", json=body)
        return AccountPublic.model_validate(response.json()), ChangeSet(accounts=True)

    def list_storefronts(self, *, offset: int = 0, limit: int = 50) -> Page[StorefrontPublic]:
        params = {"offset": offset, "limit": limit}
        data = self.transport.request("GET", "/storefronts", params=params).json()
        return Page[StorefrontPublic].model_validate(data)

    def create_storefront(
        self,
        *,
        name: str,
        organization_id: uuid.UUID | None = None,
        introduction: str = "",
        logo_sha256: str | None = None,
    ) -> StorefrontPublic:
        body: dict[str, Any] = {
            "name": name,
            "introduction": introduction,
            "logo_sha256": logo_sha256,
        }
        if organization_id is not None:
            body["organization_id"] = str(organization_id)
        return StorefrontPublic.model_validate(
            self.transport.request("POST", "/storefronts", json=body).json()
        )

    def update_storefront(
        self, storefront_id: uuid.UUID, *, version: int, **fields: Any
    ) -> StorefrontPublic:
        """Change the given fields (name, introduction, logo_sha256: None removes the logo).

        Raises:
            ConflictError: stale `version` (`storefront.version_conflict`, with `current`).
        """
        body = {"version": version, **fields}
        return StorefrontPublic.model_validate(
            self.transport.request("PATCH", f"/storefronts/{storefront_id}", json=body).json()
        )

    def search_products(
        self,
        query: str | None = None,
        *,
        storefront_id: uuid.UUID | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[ProductPublic]:
        """Products whose name or SKU contains `query` (any case)."""
        params: dict[str, Any] = {"offset": offset, "limit": limit}
        if query:
            params["q"] = query
        if storefront_id is not None:
            params["storefront_id"] = str(storefront_id)
        data = self.transport.request("GET", "/products", params=params).json()
        return Page[ProductPublic].model_validate(data)

    def get_product(self, product_id: uuid.UUID) -> ProductPublic:
        return ProductPublic.model_validate(
            self.transport.request("GET", f"/products/{product_id}").json()
        )

    def create_product(
        self,
        *,
        storefront_id: uuid.UUID,
        name: str,
        sku: str,
        price_fen: int,
        currency: str = "CNY",
        stock: int = 0,
        image_sha256: str | None = None,
        images: list[str] | None = None,
        status: str = "on_sale",
        external_url: str | None = None,
    ) -> ProductPublic:
        """`images` (the main one first) wins over `image_sha256` when both are given.

        Raises ConflictError `product.sku_taken` when the storefront has that SKU."""
        body = {
            "storefront_id": str(storefront_id),
            "name": name,
            "sku": sku,
            "price_fen": price_fen,
            "currency": currency,
            "stock": stock,
            "image_sha256": image_sha256,
            "images": images,
            "status": status,
            "external_url": external_url,
        }
        return ProductPublic.model_validate(
            self.transport.request("POST", "/products", json=body).json()
        )

    def update_product(
        self, product_id: uuid.UUID, *, version: int, **fields: Any
    ) -> ProductPublic:
        """Change the given fields (name, sku, price_fen, currency, stock, image_sha256,
        images, status, external_url: None removes the link)."""
        body = {"version": version, **fields}
        return ProductPublic.model_validate(
            self.transport.request("PATCH", f"/products/{product_id}", json=body).json()
        )

    def delete_product(self, product_id: uuid.UUID, *, version: int) -> None:
        self.transport.request("DELETE", f"/products/{product_id}", params={"version": version})

    def note_checklist(
        self, note_id: uuid.UUID, *, scheduled_at: datetime | None = None
    ) -> ChecklistPublic:
        """Every rule with pass, warn or block for a stored note (and a planned time)."""
        params = {"scheduled_at": scheduled_at.isoformat()} if scheduled_at else None
        data = self.transport.request("GET", f"/notes/{note_id}/checklist", params=params).json()
        return ChecklistPublic.model_validate(data)

    def draft_checklist(self, draft: dict[str, Any]) -> ChecklistPublic:
        """The checklist of a draft as the composer holds it (`ChecklistDraft` fields)."""
        data = self.transport.request("POST", "/checklist", json=draft).json()
        return ChecklistPublic.model_validate(data)
