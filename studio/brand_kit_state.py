"""The brand kit covers are made with: the chosen organization's colours, title font and logo.

Kits live in the backend, one per organization, so a team shares one. The app shows one at a
time: the organization chosen in Settings (remembered), by default the user's own workspace.
`BrandKitState` loads it in a worker when the backend connects and again whenever a mutation
says kits changed; until then its style is the engine's default, so renders never wait for it.
Templates and layers name colours by role (``brand:primary``), so everything drawn with
`style` follows a switch of kit.

Saving is compare-and-set on the version the edit was based on: when someone else saved in
between, the backend refuses, the state takes their kit and says so, and the editor of the
kit can put the user's changes back and save again on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal

from editor.brand import BRAND_COLOR_NAMES, DEFAULT_BRAND, BrandStyle, Watermark, drawn_layers
from editor.errors import EditorError
from editor.imageio import probe_image
from editor.overlay import composite_layers
from editor.stickers import StickerResolver, rgba_sticker
from editor.templates import Template, load_template, render_template
from publisher.client import ConflictError, file_sha256
from publisher.domain.changes import ChangeSet
from publisher.schemas import BrandKitPublic, OrganizationPublic
from studio.connection import BackendState
from studio.editor.sticker_source import user_sticker_id
from studio.ops import Mutation
from studio.quiet_read import quiet_read
from studio.settings import BRAND_ORGANIZATION

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext


def style_of(kit: BrandKitPublic) -> BrandStyle:
    """The kit's colours and font as the style renders resolve roles against.

    Raises:
        EditorError: ``recipe.invalid`` when the kit holds something the engine refuses.
    """
    return BrandStyle.from_dict({**kit.colors, "font": kit.font})


@dataclass(frozen=True)
class BrandKitEdit:
    """What a kit's editor changes: everything but the version it builds on."""

    name: str
    style: BrandStyle = DEFAULT_BRAND
    logo_sha256: str | None = None

    @classmethod
    def of(cls, kit: BrandKitPublic) -> BrandKitEdit:
        return cls(kit.name, style_of(kit), kit.logo_sha256)

    @property
    def logo_id(self) -> str | None:
        return None if self.logo_sha256 is None else user_sticker_id(self.logo_sha256)

    def colors(self) -> dict[str, str]:
        return {role: getattr(self.style, role) for role in BRAND_COLOR_NAMES}


@dataclass(frozen=True)
class _Loaded:
    organizations: list[OrganizationPublic]
    kit: BrandKitPublic | None
    style: BrandStyle


def chosen_organization(
    organizations: list[OrganizationPublic], wanted: str
) -> OrganizationPublic | None:
    """The organization asked for, else the user's own workspace, else the first one."""
    for organization in organizations:
        if str(organization.id) == wanted:
            return organization
    personal = [o for o in organizations if o.kind == "personal"]
    return (personal or organizations or [None])[0]


def _load(client: StudioClient, wanted: str) -> _Loaded:
    organizations = client.list_organizations()
    chosen = chosen_organization(organizations, wanted)
    if chosen is None:
        return _Loaded(organizations, None, DEFAULT_BRAND)
    kit = client.get_brand_kit(chosen.id)
    return _Loaded(organizations, kit, style_of(kit))


class BrandKitState(QObject):
    """The current brand kit (see the module docstring), held by `AppContext.brand`."""

    changed = Signal()
    """`style` or `logo_id` changed: re-render what is drawn with them."""
    loaded = Signal()
    """The organizations or the kit were (re)loaded, or a save answered."""
    saved = Signal()
    save_failed = Signal(object)
    """The `ClientError` a save was refused with; on a version conflict `kit` is theirs now."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._organizations: list[OrganizationPublic] = []
        self._kit: BrandKitPublic | None = None
        self._style = DEFAULT_BRAND
        self._generation = 0
        """Bumped by every load and save: an answer to an older one is dropped."""
        ctx.connection.state_changed.connect(self._on_connection_state_changed)
        ctx.events.changed.connect(self._on_events_changed)
        if ctx.connection.state is BackendState.CONNECTED:
            self.reload()

    # -- read by renders and pages ---------------------------------------------------------

    @property
    def style(self) -> BrandStyle:
        """The kit's style; the engine's default until a kit is loaded."""
        return self._style

    @property
    def logo_id(self) -> str | None:
        """The logo's sticker id (``user:<sha256>``), None when the kit has no logo."""
        sha = None if self._kit is None else self._kit.logo_sha256
        return None if sha is None else user_sticker_id(sha)

    @property
    def kit(self) -> BrandKitPublic | None:
        return self._kit

    @property
    def organizations(self) -> list[OrganizationPublic]:
        return list(self._organizations)

    @property
    def organization(self) -> OrganizationPublic | None:
        """The organization whose kit this is."""
        if self._kit is None:
            return None
        return next((o for o in self._organizations if o.id == self._kit.organization_id), None)

    # -- actions ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the organizations and the chosen one's kit (once the backend is connected)."""
        if self._ctx.connection.state is not BackendState.CONNECTED:
            return
        self._generation += 1
        generation, wanted = self._generation, self._ctx.settings.get(BRAND_ORGANIZATION)
        quiet_read(
            self._ctx,
            self,
            lambda client: _load(client, wanted),
            lambda loaded: self._on_loaded(loaded, generation),
        )

    def select(self, organization_id: str) -> None:
        """Use this organization's kit from now on (and in the next runs)."""
        self._ctx.settings.set(BRAND_ORGANIZATION, organization_id)
        self.reload()

    def save(self, base: BrandKitPublic, edit: BrandKitEdit) -> None:
        """Save `edit` over `base`, the kit it was made from; answers `saved`/`save_failed`."""
        org_id, version = base.organization_id, base.version
        self._generation += 1
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.save_brand_kit(
                org_id,
                version=version,
                name=edit.name,
                colors=edit.colors(),
                font=edit.style.font,
                logo_sha256=edit.logo_sha256,
            ),
        ).success(self._on_saved).failure(self._on_save_failed).run()

    # -- answers ---------------------------------------------------------------------------

    def _on_loaded(self, loaded: _Loaded, generation: int) -> None:
        if generation != self._generation:
            return
        self._organizations = loaded.organizations
        self._show(loaded.kit, loaded.style)

    def _on_saved(self, kit: BrandKitPublic) -> None:
        self._take(kit)
        self.saved.emit()

    def _on_save_failed(self, error: BaseException) -> None:
        if isinstance(error, ConflictError) and error.current is not None:
            self._take(BrandKitPublic.model_validate(error.current))
        else:
            # Refused for another reason (a viewer, a bad logo …): what is stored may have
            # moved on meanwhile, so look again.
            self.reload()
        self.save_failed.emit(error)

    def _take(self, kit: BrandKitPublic) -> None:
        """A kit a save answered with, if it is still the organization shown."""
        if self._kit is None or kit.organization_id == self._kit.organization_id:
            self._generation += 1  # a load started before the save would bring the old one
            self._show(kit, style_of(kit))

    def _show(self, kit: BrandKitPublic | None, style: BrandStyle) -> None:
        before = (self._style, self.logo_id)
        self._kit, self._style = kit, style
        self.loaded.emit()
        if (self._style, self.logo_id) != before:
            self.changed.emit()

    def _on_connection_state_changed(self, state: BackendState) -> None:
        if state is BackendState.CONNECTED:
            self.reload()

    def _on_events_changed(self, changes: ChangeSet, initiator: object) -> None:
        if changes.brand_kits and initiator is not self:
            self.reload()


# -- worker-side helpers of the kit's editor ------------------------------------------------


def upload_logo(client: StudioClient, path: Path) -> tuple[str, np.ndarray]:
    """Check a logo file the user picked and store it on the backend.

    A logo is drawn with its transparency over photos, so only a PNG will do, and it must be
    usable as a sticker (within the sticker size limits).

    Returns:
        The stored file's sha256 and its RGBA pixels.

    Raises:
        EditorError: The gate's codes (``file.*``, ``image.*``) for a file that is no usable
            image at all, ``brand_kit.logo_not_png`` (``mime``) for another format,
            ``sticker.invalid`` (``reason``) for a PNG too large or too thin.
        ClientError: The upload failed.
    """
    info = probe_image(path)
    if info.format != "png":
        raise EditorError("brand_kit.logo_not_png", {"mime": info.mime})
    sha256 = file_sha256(path)
    pixels = rgba_sticker(path.read_bytes(), sticker_id=user_sticker_id(sha256))
    return client.upload_media(path).sha256, pixels


SAMPLE_TEMPLATE = "cover_title_band"
"""The built-in cover a kit is shown on: a title band in the primary colour over a photo."""


@lru_cache(maxsize=1)
def sample_template() -> Template:
    return load_template(SAMPLE_TEMPLATE)


@lru_cache(maxsize=4)
def sample_photo(width: int, height: int) -> np.ndarray:
    """A soft pastel gradient standing in for a photo, neutral enough for any kit."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    down = y / height
    pixels = np.stack(
        (
            200 - 60 * down + 30 * np.sin(x / (0.15 * width)),
            180 - 40 * down + 20 * np.cos(y / (0.15 * height)),
            170 + 40 * down,
        ),
        axis=2,
    )
    photo = np.clip(pixels, 0, 255).astype(np.uint8)
    photo.setflags(write=False)
    return photo


def render_sample(
    template: Template, edit: BrandKitEdit, *, width: int, stickers: StickerResolver
) -> np.ndarray:
    """`template` drawn in the edit's style over sample photos, with its logo as a watermark
    when it has one."""
    photo = sample_photo(width, round(width * template.height / template.width))
    photos = [photo] * len(template.photo_slots)
    pixels = render_template(template, photos, width=width, brand=edit.style, stickers=stickers)
    if edit.logo_id is None:
        return pixels
    height, width = pixels.shape[:2]
    watermark = Watermark(edit.logo_id)
    layers = drawn_layers((), edit.style, watermark, (width, height), stickers)
    return composite_layers(pixels, layers, stickers=stickers)
