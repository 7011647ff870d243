"""Organizations and their brand kits over HTTP: defaults until the first save, compare-and-set,
members read, only owners, admins and editors write, the logo is the caller's PNG."""

from __future__ import annotations

import uuid
from typing import get_args

import pytest
from sqlalchemy import func, select

from editor.brand import BRAND_COLOR_NAMES, DEFAULT_BRAND
from editor.layers import FONTS
from publisher.client import ConflictError, ForbiddenError, NotFoundError, StudioClient
from publisher.config import DEFAULT_DB_FILE
from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade
from publisher.db.models import BrandKit, Membership
from publisher.schemas import BrandFont, BrandKitSave
from publisher.services import auth, brand_kits
from publisher.services.errors import Conflict
from studio.messages import is_known
from tests.backend_process import TestBackend
from tests.media_samples import image_bytes
from tests.publisher.test_api import API, call, token_of, upload

COLORS = {
    "primary": "#0a7cff",
    "secondary": "#111111",
    "accent": "#FFCC00",
    "text": "#FFFFFF",
    "background": "#F4F8FF",
}
DEFAULT_COLORS = {
    "primary": "#FF2442",
    "secondary": "#222222",
    "accent": "#FFD23F",
    "text": "#FFFFFF",
    "background": "#FFF4EE",
}


def own_org(client: StudioClient) -> uuid.UUID:
    (org,) = client.list_organizations()
    return org.id


def add_member(backend: TestBackend, organization_id: uuid.UUID, member: StudioClient, role: str):
    """Make `member` a `role` of the organization, as the membership issue's invitations will;
    written straight into the backend's database, which has no route for it yet."""
    url = backend.db_url or f"sqlite:///{backend.data_dir / DEFAULT_DB_FILE}"
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            session.add(
                Membership(organization_id=organization_id, user_id=member.me().id, role=role)
            )
            session.commit()
    finally:
        engine.dispose()


def put_kit(backend, client: StudioClient, organization_id: uuid.UUID, body: dict, **kwargs):
    path = f"{API}/organizations/{organization_id}/brand-kit"
    return call(backend, "PUT", path, token_of(client), json=body, **kwargs)


def kit_body(**changes) -> dict:
    return {"version": 0, "name": "晨光咖啡", "colors": COLORS, "font": "serif", **changes}


def uploaded(backend, client: StudioClient, fmt: str = "PNG", color=(250, 20, 60)) -> str:
    return upload(backend, token_of(client), image_bytes(fmt, color=color)).json()["sha256"]


def test_organizations_are_the_callers_memberships_with_their_role(backend, api, other_api):
    (mine,) = api.list_organizations()
    assert (mine.name, mine.kind, mine.role) == ("creator", "personal", "owner")
    (theirs,) = other_api.list_organizations()
    assert theirs.id != mine.id

    add_member(backend, mine.id, other_api, "viewer")
    listed = other_api.list_organizations()
    assert [(org.id, org.role) for org in listed] == [(theirs.id, "owner"), (mine.id, "viewer")]
    assert [org.id for org in api.list_organizations()] == [mine.id]


def test_an_organization_without_a_kit_reads_the_defaults_at_version_0(api) -> None:
    org = own_org(api)
    kit = api.get_brand_kit(org)
    assert (kit.organization_id, kit.name, kit.version) == (org, "creator", 0)
    assert kit.colors == DEFAULT_COLORS
    assert (kit.font, kit.logo_sha256) == ("sans", None)
    # The defaults are the editor's, so a recipe without a brand section draws the same.
    assert kit.colors == {role: getattr(DEFAULT_BRAND, role) for role in BRAND_COLOR_NAMES}


def test_the_first_save_creates_and_later_saves_compare_and_set(api) -> None:
    org = own_org(api)
    created, changes = api.save_brand_kit(
        org, version=0, name="晨光咖啡", colors=COLORS, font="serif", logo_sha256=None
    )
    assert changes.brand_kits and not changes.templates and not changes.notes
    assert (created.name, created.font, created.version) == ("晨光咖啡", "serif", 1)
    assert created.colors == {**COLORS, "primary": "#0A7CFF"}  # normalised to upper case
    assert api.get_brand_kit(org) == created

    updated, _ = api.save_brand_kit(
        org, version=1, name="晨光", colors=DEFAULT_COLORS, font="sans", logo_sha256=None
    )
    assert (updated.name, updated.version, updated.colors) == ("晨光", 2, DEFAULT_COLORS)

    with pytest.raises(ConflictError) as stale:
        api.save_brand_kit(org, version=1, name="旧", colors=COLORS, font="sans", logo_sha256=None)
    assert stale.value.code == "brand_kit.version_conflict"
    assert (stale.value.current["name"], stale.value.current["version"]) == ("晨光", 2)

    # Version 0 says "it has none yet": once one exists that is stale too.
    with pytest.raises(ConflictError) as exists:
        api.save_brand_kit(org, version=0, name="新", colors=COLORS, font="sans", logo_sha256=None)
    assert exists.value.current["version"] == 2
    assert api.get_brand_kit(org).name == "晨光"


def test_saving_at_a_version_the_kit_never_had_is_a_conflict_with_the_defaults(
    backend, api
) -> None:
    org = own_org(api)
    refused = put_kit(backend, api, org, kit_body(version=3))
    assert refused.status_code == 409
    assert refused.json()["code"] == "brand_kit.version_conflict"
    assert refused.json()["current"]["version"] == 0
    assert api.get_brand_kit(org).version == 0


def test_a_non_member_learns_nothing(backend, api, other_api) -> None:
    org = own_org(api)
    api.save_brand_kit(org, version=0, name="私有", colors=COLORS, font="sans", logo_sha256=None)
    for organization_id in (org, uuid.uuid4()):
        path = f"{API}/organizations/{organization_id}/brand-kit"
        seen = call(backend, "GET", path, token_of(other_api))
        written = put_kit(backend, other_api, organization_id, kit_body(version=1))
        for answer in (seen, written):
            assert (answer.status_code, answer.json()) == (
                404,
                {"code": "organization.not_found", "params": {}},
            )
    with pytest.raises(NotFoundError):
        other_api.get_brand_kit(org)
    assert api.get_brand_kit(org).name == "私有"


@pytest.mark.parametrize("role", ["viewer", "reviewer"])
def test_a_member_who_may_only_read_gets_403(backend, api, other_api, role: str) -> None:
    org = own_org(api)
    add_member(backend, org, other_api, role)
    assert other_api.get_brand_kit(org).version == 0
    refused = put_kit(backend, other_api, org, kit_body())
    assert (refused.status_code, refused.json()) == (
        403,
        {"code": "brand_kit.forbidden", "params": {"role": role}},
    )
    with pytest.raises(ForbiddenError) as forbidden:
        other_api.save_brand_kit(
            org, version=0, name="x", colors=COLORS, font="sans", logo_sha256=None
        )
    assert (forbidden.value.code, forbidden.value.status) == ("brand_kit.forbidden", 403)
    assert api.get_brand_kit(org).version == 0


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_admins_and_editors_may_write_and_keep_the_owners_logo(
    backend, api, other_api, role: str
) -> None:
    org = own_org(api)
    logo = uploaded(backend, api)
    api.save_brand_kit(org, version=0, name="品牌", colors=COLORS, font="sans", logo_sha256=logo)
    add_member(backend, org, other_api, role)

    # The owner's logo is not the member's upload, but keeping it is not choosing it.
    kept, _ = other_api.save_brand_kit(
        org, version=1, name="品牌 2", colors=COLORS, font="serif", logo_sha256=logo
    )
    assert (kept.name, kept.logo_sha256, kept.version) == ("品牌 2", logo, 2)
    # A new logo must be theirs.
    someone_elses = uploaded(backend, api, color=(1, 2, 3))
    refused = put_kit(backend, other_api, org, kit_body(version=2, logo_sha256=someone_elses))
    assert (refused.status_code, refused.json()["code"]) == (422, "brand_kit.logo_unknown")
    own = uploaded(backend, other_api, color=(9, 9, 9))
    replaced, _ = other_api.save_brand_kit(
        org, version=2, name="品牌 2", colors=COLORS, font="serif", logo_sha256=own
    )
    assert replaced.logo_sha256 == own


@pytest.mark.parametrize(
    ("colors", "field", "reason"),
    [
        ({**COLORS, "primary": "#FFF"}, "colors.primary", "bad_color"),
        ({**COLORS, "accent": "gold"}, "colors.accent", "bad_color"),
        ({**COLORS, "text": "#GG0000"}, "colors.text", "bad_color"),
        ({**COLORS, "background": "#FF244280"}, "colors.background", "bad_color"),
        ({**COLORS, "secondary": 0x222222}, "colors.secondary", "bad_color"),
        ({**COLORS, "primary": "brand:accent"}, "colors.primary", "bad_color"),
        ({k: v for k, v in COLORS.items() if k != "text"}, "colors.text", "missing"),
        ({**COLORS, "highlight": "#FFFFFF"}, "colors.highlight", "unknown_field"),
    ],
)
def test_bad_colours_are_refused_with_their_field(
    backend, api, colors: dict, field: str, reason: str
) -> None:
    org = own_org(api)
    refused = put_kit(backend, api, org, kit_body(colors=colors))
    assert (refused.status_code, refused.json()) == (
        422,
        {"code": "brand_kit.invalid", "params": {"field": field, "reason": reason}},
    )
    assert api.get_brand_kit(org).version == 0


@pytest.mark.parametrize(
    "body",
    [
        kit_body(font="comic"),
        kit_body(name=""),
        kit_body(name="two\nlines"),
        kit_body(colors="#FF2442"),
        kit_body(version=-1),
        kit_body(logo_sha256="not-a-hash"),
    ],
)
def test_malformed_requests_are_refused_whole(backend, api, body: dict) -> None:
    org = own_org(api)
    refused = put_kit(backend, api, org, body)
    assert (refused.status_code, refused.json()["code"]) == (422, "request.invalid")
    assert api.get_brand_kit(org).version == 0


def test_the_logo_must_be_a_png_the_caller_uploaded(backend, api, other_api) -> None:
    org = own_org(api)
    photo = uploaded(backend, api, fmt="JPEG")
    not_png = put_kit(backend, api, org, kit_body(logo_sha256=photo))
    assert (not_png.status_code, not_png.json()) == (
        422,
        {"code": "brand_kit.logo_not_png", "params": {"sha256": photo, "mime": "image/jpeg"}},
    )
    theirs = uploaded(backend, other_api, color=(40, 200, 90))
    for sha256 in (theirs, "0" * 64):
        unknown = put_kit(backend, api, org, kit_body(logo_sha256=sha256))
        assert (unknown.status_code, unknown.json()) == (
            422,
            {"code": "brand_kit.logo_unknown", "params": {"sha256": sha256}},
        )
    assert api.get_brand_kit(org).version == 0

    logo = uploaded(backend, api)
    saved, _ = api.save_brand_kit(
        org, version=0, name="有标志", colors=COLORS, font="sans", logo_sha256=logo
    )
    assert api.get_brand_kit(org).logo_sha256 == logo
    cleared, _ = api.save_brand_kit(
        org, version=saved.version, name="有标志", colors=COLORS, font="sans", logo_sha256=None
    )
    assert (cleared.logo_sha256, cleared.version) == (None, 2)


def test_every_member_reads_the_kits_logo_whoever_uploaded_it(
    backend, api, other_api, tmp_path
) -> None:
    org = own_org(api)
    png = image_bytes("PNG", color=(250, 20, 60))
    logo = upload(backend, token_of(api), png).json()["sha256"]
    saved, _ = api.save_brand_kit(
        org, version=0, name="标志", colors=COLORS, font="sans", logo_sha256=logo
    )

    with pytest.raises(NotFoundError) as stranger:
        other_api.media_bytes(logo)
    assert stranger.value.code == "media.not_found"
    add_member(backend, org, other_api, "viewer")
    assert other_api.media_bytes(logo) == png
    assert not other_api.has_media(logo)  # reading is not owning
    # Once the kit drops it, the logo is the uploader's own again.
    api.save_brand_kit(
        org, version=saved.version, name="标志", colors=COLORS, font="sans", logo_sha256=None
    )
    with pytest.raises(NotFoundError):
        other_api.media_bytes(logo)
    # The upload shortcut still sends the file, so the member gets their own reference and
    # may use the same picture in a note.
    copy = tmp_path / "logo.png"
    copy.write_bytes(png)
    assert other_api.upload_media(copy).sha256 == logo
    # The member's own account: as a viewer of the kit's organization they may not write
    # notes for its accounts.
    (own,) = [a for a in other_api.list_accounts() if a.organization_id != org]
    note, _ = other_api.create_note(account_id=own.id, media=[{"sha256": logo}])
    assert [m.sha256 for m in note.media] == [logo]


def test_a_repeated_save_with_one_key_is_applied_once(backend, api) -> None:
    org = own_org(api)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = put_kit(backend, api, org, kit_body(), headers=dict(key))
    again = put_kit(backend, api, org, kit_body(), headers=dict(key))
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert again.headers.get("idempotent-replayed") == "true"
    assert api.get_brand_kit(org).version == 1
    # Without the key the same body is a new request, based on a version that is gone.
    repeat = put_kit(backend, api, org, kit_body())
    assert (repeat.status_code, repeat.json()["code"]) == (409, "brand_kit.version_conflict")


def test_two_racing_first_saves_make_one_kit_and_the_loser_gets_409(tmp_path, monkeypatch):
    """Both saves find no kit; the other one commits between this one's read and its write."""
    engine = make_engine(f"sqlite:///{tmp_path / 'race.db'}")
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    try:
        with sessions() as session:
            user = auth.ensure_local_user(session, display_name="我", account_name="我的号")
            org = session.scalar(select(Membership.organization_id))
        data = BrandKitSave.model_validate(kit_body())

        check_logo = brand_kits._check_logo

        def the_other_save_commits_first(*_args, **_kwargs) -> None:
            monkeypatch.setattr(brand_kits, "_check_logo", check_logo)  # once, for this save
            with sessions() as other:
                winner = BrandKitSave.model_validate(kit_body(name="先到"))
                brand_kits.save_brand_kit(other, other.merge(user), org, winner)

        monkeypatch.setattr(brand_kits, "_check_logo", the_other_save_commits_first)
        with sessions() as session, pytest.raises(Conflict) as lost:
            brand_kits.save_brand_kit(session, session.merge(user), org, data)
        assert lost.value.code == "brand_kit.version_conflict"
        assert (lost.value.extra["current"]["name"], lost.value.extra["current"]["version"]) == (
            "先到",
            1,
        )
        with sessions() as session:
            assert session.scalar(select(func.count()).select_from(BrandKit)) == 1
    finally:
        engine.dispose()


def test_openapi_documents_organizations_and_brand_kits(backend) -> None:
    paths = call(backend, "GET", "/openapi.json").json()["paths"]
    assert "get" in paths[f"{API}/organizations"]
    kit = paths[f"{API}/organizations/{{organization_id}}/brand-kit"]
    assert {"get", "put"} <= set(kit)
    assert "403" in kit["put"]["responses"]


def test_the_kits_fonts_are_the_editors() -> None:
    assert get_args(BrandFont) == FONTS


def test_every_new_code_has_a_sentence() -> None:
    codes = (
        "organization.not_found",
        "brand_kit.forbidden",
        "brand_kit.invalid",
        "brand_kit.logo_unknown",
        "brand_kit.logo_not_png",
        "brand_kit.no_logo",
        "brand_kit.version_conflict",
        "template.not_found",
        "template.name_taken",
        "template.version_conflict",
        "template.too_large",
        "template.invalid",
        "template.too_new",
        "composition.invalid",
    )
    assert [code for code in codes if not is_known(code)] == []
