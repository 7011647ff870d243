"""The brand kit in the app: editing and saving it in Settings, switching organization, the
restyle it causes, a conflicting save, and the editor's watermark and brand-colour controls.

Every test runs the real embedded backend; a second organization is made in its database,
since organizations are not created through the API yet.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog

from editor.brand import BRAND_COLOR_NAMES, DEFAULT_BRAND
from editor.recipe import Recipe
from editor.render import render
from editor.templates import Template, render_template
from publisher.client import file_sha256
from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.models import Membership, Organization
from publisher.domain.changes import ChangeSet
from studio.brand_kit_state import BrandKitEdit, sample_template
from studio.editor.panels.brand_box import BrandBox
from studio.editor.photo_store import PhotoStore
from studio.messages import message
from studio.settings import BRAND_ORGANIZATION
from tests.studio.conftest import Studio
from tests.studio.helpers import type_text

BLUE = "#1E50C8"
GREEN = "#00AA55"
LOGO_RGB = (20, 60, 200)
GREY = 128

BANDED = Template.from_dict(
    {
        "width": 300,
        "height": 400,
        "background": "brand:background",
        "elements": [
            {"type": "shape", "shape": "rect", "x": 0, "y": 0, "w": 1, "h": 0.5,
             "color": "brand:primary"},
        ],
    }
)  # fmt: skip
"""A template whose top half is the brand's primary colour and the rest its background."""


def rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def make_logo(path: Path) -> Path:
    """An opaque blue 200×100 PNG with a transparent hole, like a real logo."""
    image = Image.new("RGBA", (200, 100), (*LOGO_RGB, 255))
    ImageDraw.Draw(image).ellipse((80, 30, 120, 70), fill=(0, 0, 0, 0))
    image.save(path, "PNG")
    return path


def colors(**roles: str) -> dict[str, str]:
    return {role: roles.get(role, getattr(DEFAULT_BRAND, role)) for role in BRAND_COLOR_NAMES}


def join_organization(studio: Studio, name: str, *, role: str = "owner") -> str:
    """Make the app's user a member of a new brand organization; its id."""
    me = studio.client().me().id
    engine = make_engine(f"sqlite:///{studio.ctx.data_dir / 'studio.db'}")
    try:
        with make_sessionmaker(engine)() as session:
            organization = Organization(name=name, kind="brand")
            session.add(organization)
            session.flush()
            session.add(Membership(organization_id=organization.id, user_id=me, role=role))
            session.commit()
            return str(organization.id)
    finally:
        engine.dispose()


@pytest.fixture
def studio(open_studio) -> Studio:
    started = open_studio()
    started.window.show_page("settings")
    return started


def loaded(qtbot, studio: Studio) -> None:
    qtbot.waitUntil(lambda: studio.window.settings_page.brand_kit.edit is not None)


def test_colours_font_name_and_a_png_logo_are_saved_to_the_backend(
    studio: Studio, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, card = studio.ctx, studio.window.settings_page.brand_kit
    loaded(qtbot, studio)
    assert ctx.brand.style == DEFAULT_BRAND
    assert not card.save_button.isEnabled()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args: QColor(BLUE))
    qtbot.mouseClick(card.swatches.chips["primary"], Qt.MouseButton.LeftButton)
    card.set_color("accent", "#ffb000")
    card.font_choice.setCurrentIndex(card.font_choice.findData("serif"))
    card.name_edit.clear()
    type_text(card.name_edit, "种草实验室")
    logo = make_logo(tmp_path / "logo.png")
    card.upload_logo(logo)
    qtbot.waitUntil(lambda: card.edit.logo_sha256 is not None)
    assert card.remove_logo_button.isEnabled()
    assert ctx.brand.style == DEFAULT_BRAND  # nothing is used before it is saved

    with qtbot.waitSignal(ctx.brand.saved):
        qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)

    kit = studio.client().get_brand_kit(uuid.UUID(str(ctx.brand.kit.organization_id)))
    assert kit.version == 1
    assert kit.name == "种草实验室"
    assert kit.colors == colors(primary=BLUE, accent="#FFB000")
    assert kit.font == "serif"
    assert kit.logo_sha256 == file_sha256(logo)
    assert ctx.brand.style.primary == BLUE
    assert ctx.brand.style.font == "serif"
    assert ctx.brand.logo_id == f"user:{file_sha256(logo)}"
    assert not card.is_dirty
    assert not card.save_button.isEnabled()
    qtbot.waitUntil(lambda: not card.sample.pixmap().isNull())


def test_a_jpeg_logo_is_refused_with_a_message_and_never_uploaded(
    studio: Studio, qtbot, tmp_path: Path
) -> None:
    card = studio.window.settings_page.brand_kit
    loaded(qtbot, studio)
    jpeg = tmp_path / "logo.png"  # the name says PNG; the bytes decide
    Image.new("RGB", (200, 100), LOGO_RGB).save(jpeg, "JPEG")
    card.upload_logo(jpeg)
    qtbot.waitUntil(lambda: card.status.property("state") == "failed")
    assert card.status.text() == message("brand_kit.logo_not_png", {"mime": "image/jpeg"})
    assert card.edit.logo_sha256 is None
    assert not card.is_dirty
    assert not studio.client().has_media(file_sha256(jpeg))


def test_switching_organization_switches_the_style_and_is_remembered(studio: Studio, qtbot) -> None:
    ctx, card = studio.ctx, studio.window.settings_page.brand_kit
    loaded(qtbot, studio)
    personal = str(ctx.brand.kit.organization_id)
    acme = join_organization(studio, "Acme 品牌")
    studio.client().save_brand_kit(
        uuid.UUID(acme), version=0, name="Acme", colors=colors(primary=GREEN), font="serif",
        logo_sha256=None,
    )  # fmt: skip
    ctx.brand.reload()
    qtbot.waitUntil(lambda: card.organization.count() == 2)
    assert card.organization.isEnabled()

    with qtbot.waitSignal(ctx.brand.changed):
        card.organization.setCurrentIndex(card.organization.findData(acme))
    assert ctx.brand.style.primary == GREEN
    assert ctx.brand.style.font == "serif"
    assert ctx.brand.organization.name == "Acme 品牌"
    assert ctx.settings.get(BRAND_ORGANIZATION) == acme
    qtbot.waitUntil(lambda: card.edit.name == "Acme")
    assert card.name_edit.text() == "Acme"
    assert card.swatches.chips["primary"].color == GREEN

    with qtbot.waitSignal(ctx.brand.changed):
        card.organization.setCurrentIndex(card.organization.findData(personal))
    assert ctx.brand.style == DEFAULT_BRAND
    assert ctx.settings.get(BRAND_ORGANIZATION) == personal


def test_a_kit_the_user_may_only_read_is_shown_read_only_and_a_save_is_refused(
    studio: Studio, qtbot
) -> None:
    ctx, card = studio.ctx, studio.window.settings_page.brand_kit
    loaded(qtbot, studio)
    viewed = join_organization(studio, "Partner brand", role="viewer")
    ctx.brand.select(viewed)
    qtbot.waitUntil(lambda: str(ctx.brand.kit.organization_id) == viewed)
    qtbot.waitUntil(lambda: card.read_only_note.isVisible())
    assert "Partner brand" in card.read_only_note.text()
    assert not card.swatches.isEnabled()
    assert not card.upload_button.isEnabled()
    assert not card.save_button.isEnabled()

    edit = replace(BrandKitEdit.of(ctx.brand.kit), name="Mine now")
    with qtbot.waitSignal(ctx.brand.save_failed) as refused:
        ctx.brand.save(ctx.brand.kit, edit)
    assert refused.args[0].code == "brand_kit.forbidden"


def test_switching_the_brand_kit_restyles_a_template(studio: Studio, qtbot) -> None:
    ctx, card = studio.ctx, studio.window.settings_page.brand_kit
    loaded(qtbot, studio)
    builtin = sample_template()
    before = render_template(BANDED, brand=ctx.brand.style)
    builtin_before = render_template(builtin, width=270, brand=ctx.brand.style)
    assert tuple(before[50, 150]) == rgb(DEFAULT_BRAND.primary)

    card.set_color("primary", BLUE)
    with qtbot.waitSignal(ctx.brand.changed):
        card.save()

    after = render_template(BANDED, brand=ctx.brand.style)
    assert tuple(after[50, 150]) == rgb(BLUE)
    assert np.array_equal(after[250:], before[250:])  # the background role did not change
    builtin_after = render_template(builtin, width=270, brand=ctx.brand.style)
    assert tuple(builtin_before[3, 3]) == rgb(DEFAULT_BRAND.primary)
    assert tuple(builtin_after[3, 3]) == rgb(BLUE)


def test_a_kit_saved_elsewhere_meanwhile_is_shown_and_mine_can_be_put_back(
    studio: Studio, qtbot
) -> None:
    ctx, card = studio.ctx, studio.window.settings_page.brand_kit
    loaded(qtbot, studio)
    organization = uuid.UUID(str(ctx.brand.kit.organization_id))
    card.set_color("primary", BLUE)
    mine = card.edit
    studio.client().save_brand_kit(
        organization, version=0, name="Theirs", colors=colors(primary=GREEN), font="sans",
        logo_sha256=None,
    )  # fmt: skip

    with qtbot.waitSignal(ctx.brand.save_failed) as refused:
        card.save()
    assert refused.args[0].code == "brand_kit.version_conflict"
    assert card.banner.isVisible()
    assert ctx.brand.style.primary == GREEN
    assert card.edit.name == "Theirs"
    assert card.swatches.chips["primary"].color == GREEN
    assert studio.client().get_brand_kit(organization).colors["primary"] == GREEN

    qtbot.mouseClick(card.banner.buttons()[0], Qt.MouseButton.LeftButton)
    assert card.edit == mine
    assert not card.banner.isVisible()
    with qtbot.waitSignal(ctx.brand.saved):
        card.save()
    kit = studio.client().get_brand_kit(organization)
    assert (kit.version, kit.colors["primary"], kit.name) == (2, BLUE, mine.name)


def test_an_edit_made_while_saving_is_kept_and_saved_next_without_a_conflict(
    studio: Studio, qtbot
) -> None:
    ctx, card = studio.ctx, studio.window.settings_page.brand_kit
    loaded(qtbot, studio)
    organization = uuid.UUID(str(ctx.brand.kit.organization_id))
    card.set_color("primary", BLUE)
    with qtbot.waitSignal(ctx.brand.saved):
        card.save()
        card.set_color("accent", GREEN)  # while the save is on its way
    assert card.edit.style.accent == GREEN and card.is_dirty
    assert card.swatches.chips["accent"].color == GREEN

    with qtbot.waitSignal(ctx.brand.saved):
        card.save()
    kit = studio.client().get_brand_kit(organization)
    assert (kit.version, kit.colors["primary"], kit.colors["accent"]) == (2, BLUE, GREEN)
    assert not card.is_dirty and not card.banner.isVisible()


def test_a_kit_changed_by_another_part_of_the_app_is_reloaded(studio: Studio, qtbot) -> None:
    ctx = studio.ctx
    loaded(qtbot, studio)
    organization = uuid.UUID(str(ctx.brand.kit.organization_id))
    studio.client().save_brand_kit(
        organization, version=0, name="Elsewhere", colors=colors(primary=GREEN), font="sans",
        logo_sha256=None,
    )  # fmt: skip
    with qtbot.waitSignal(ctx.brand.changed):
        ctx.events.changed.emit(ChangeSet(brand_kits=True), object())
    assert ctx.brand.style.primary == GREEN


def test_the_brand_box_places_the_kits_logo_and_applies_its_colours(
    studio: Studio, qtbot, tmp_path: Path
) -> None:
    ctx = studio.ctx
    loaded(qtbot, studio)
    box = BrandBox(ctx)
    qtbot.addWidget(box)
    box.set_recipe(Recipe())
    assert not box.watermark_switch.isEnabled()  # the kit has no logo yet

    client = studio.client()
    logo = client.upload_media(make_logo(tmp_path / "logo.png")).sha256
    organization = uuid.UUID(str(ctx.brand.kit.organization_id))
    client.save_brand_kit(
        organization, version=0, name="Kit", colors=colors(primary=BLUE), font="sans",
        logo_sha256=logo,
    )  # fmt: skip
    with qtbot.waitSignal(ctx.brand.changed):
        ctx.brand.reload()
    assert box.watermark_switch.isEnabled()

    with qtbot.waitSignal(box.committed) as switched_on:
        qtbot.mouseClick(box.watermark_switch, Qt.MouseButton.LeftButton)
    recipe = switched_on.args[0]
    assert recipe.watermark.logo == ctx.brand.logo_id == f"user:{logo}"
    assert recipe.watermark.corner == "bottom_right"
    assert box.placement.isVisibleTo(box)
    with qtbot.waitSignal(box.committed) as moved:
        qtbot.mouseClick(box.corner_buttons["top_left"], Qt.MouseButton.LeftButton)
    recipe = moved.args[0]
    assert recipe.watermark.corner == "top_left"
    with qtbot.waitSignal(box.committed) as opaque:
        box.opacity_row.slider.setFocus()
        qtbot.keyClick(box.opacity_row.slider, Qt.Key.Key_End)
    recipe = opaque.args[0]
    assert recipe.watermark.opacity == 100

    photo = np.full((800, 600, 3), GREY, np.uint8)
    stickers = PhotoStore(ctx.data_dir).sticker_source(lambda: client)
    drawn = render(photo, recipe, stickers=stickers)
    # 16 % of 600 px wide (96 × 48), 3.5 % of 600 px in from the top-left corner.
    assert tuple(drawn[30, 30]) == LOGO_RGB
    assert tuple(drawn[60, 105]) == LOGO_RGB
    assert tuple(drawn[800 - 30, 600 - 30]) == (GREY,) * 3
    assert tuple(drawn[100, 30]) == (GREY,) * 3

    with qtbot.waitSignal(box.committed) as restyled:
        qtbot.mouseClick(box.use_colours_button, Qt.MouseButton.LeftButton)
    assert restyled.args[0].brand == ctx.brand.style
    assert restyled.args[0].brand.primary == BLUE
    assert not box.use_colours_button.isEnabled()

    with qtbot.waitSignal(box.committed) as switched_off:
        qtbot.mouseClick(box.watermark_switch, Qt.MouseButton.LeftButton)
    assert switched_off.args[0].watermark is None
    assert not box.placement.isVisibleTo(box)
