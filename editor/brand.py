"""Brand styles and the logo watermark: colours and a font named by role, resolved when drawn.

A brand kit (kept per organization by the backend) gives five colours by role — ``primary``,
``secondary``, ``accent``, ``text``, ``background`` — and a title font. Templates and layers may
name a colour by role (``"brand:primary"``) and a font as ``"brand"`` instead of a fixed value;
the names are resolved against a `BrandStyle` only when drawing. A recipe carries the style it
was made with (its ``brand`` section), so a recipe still renders alone and alike everywhere, and
switching the kit means replacing that one section: every text, box and shape that names a role
follows.

The watermark places the brand's logo (a sticker id, normally ``user:<sha256>`` of an uploaded
PNG) in a corner of the finished picture, as a sticker layer drawn above all others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Literal, get_args

from editor.checks import BRAND_COLOR_NAMES, color, invalid, known_keys, mapping, number
from editor.layers import FONTS, STICKER_ID, FontName, Layer, StickerLayer, TextLayer
from editor.stickers import StickerResolver

__all__ = [
    "BRAND_COLOR_NAMES",
    "CORNERS",
    "DEFAULT_BRAND",
    "BrandStyle",
    "Watermark",
    "drawn_layers",
]

Corner = Literal["top_left", "top_right", "bottom_left", "bottom_right"]
CORNERS: tuple[str, ...] = get_args(Corner)


@dataclass(frozen=True)
class BrandStyle:
    """The colours (``#RRGGBB``) and title font a brand's templates and layers are drawn with."""

    primary: str = "#FF2442"
    secondary: str = "#222222"
    accent: str = "#FFD23F"
    text: str = "#FFFFFF"
    background: str = "#FFF4EE"
    font: FontName = "sans"

    @classmethod
    def from_dict(cls, data: Any, where: str = "brand") -> BrandStyle:
        """Check a style; colours are concrete here (a role cannot name another role)."""
        data = mapping(data, where)
        known_keys(data, {*BRAND_COLOR_NAMES, "font"}, where)
        default = cls()
        font = data.get("font", default.font)
        if font not in FONTS:
            raise invalid(f"{where}.font", "unknown_value", allowed=list(FONTS))
        return cls(
            **{
                name: color(data.get(name, getattr(default, name)), f"{where}.{name}", roles=False)
                for name in BRAND_COLOR_NAMES
            },
            font=font,
        )

    def to_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def resolve_color(self, value: str) -> str:
        """``brand:<role>`` becomes the role's colour; a concrete colour stays as it is."""
        if value.startswith("brand:"):
            return str(getattr(self, value.removeprefix("brand:")))
        return value

    def resolve_font(self, value: str) -> str:
        return self.font if value == "brand" else value

    def resolve(self, layer: Layer) -> Layer:
        """The layer with every role replaced by this style's value, ready to draw."""
        if not isinstance(layer, TextLayer):
            return layer
        paint = self.resolve_color

        def repaint(part: Any) -> Any:
            return None if part is None else replace(part, color=paint(part.color))

        return replace(
            layer,
            color=paint(layer.color),
            font=self.resolve_font(layer.font),  # type: ignore[arg-type]
            stroke=repaint(layer.stroke),
            shadow=repaint(layer.shadow),
            box=repaint(layer.box),
        )


DEFAULT_BRAND = BrandStyle()


@dataclass(frozen=True)
class Watermark:
    """The logo in a corner.

    Attributes:
        logo: A sticker id (``user:<sha256>`` for an uploaded logo, or ``builtin:<name>``).
        corner: ``top_left``, ``top_right``, ``bottom_left`` or ``bottom_right``.
        width: The logo's width as a fraction of the frame width, 0.03…0.5.
        margin: The gap to both edges as a fraction of the frame's shorter side, 0…0.2.
        opacity: 0…100 %.
    """

    logo: str
    corner: Corner = "bottom_right"
    width: float = 0.16
    margin: float = 0.035
    opacity: float = 85.0

    @classmethod
    def from_dict(cls, data: Any, where: str = "watermark") -> Watermark:
        data = mapping(data, where)
        known_keys(data, {f.name for f in fields(cls)}, where)
        logo = data.get("logo")
        if not isinstance(logo, str) or not STICKER_ID.match(logo):
            raise invalid(f"{where}.logo", "bad_sticker_id")
        corner = data.get("corner", "bottom_right")
        if corner not in CORNERS:
            raise invalid(f"{where}.corner", "unknown_value", allowed=list(CORNERS))
        default = cls(logo)
        return cls(
            logo=logo,
            corner=corner,
            width=number(data.get("width", default.width), f"{where}.width", 0.03, 0.5),
            margin=number(data.get("margin", default.margin), f"{where}.margin", 0.0, 0.2),
            opacity=number(data.get("opacity", default.opacity), f"{where}.opacity", 0.0, 100.0),
        )

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def layer(self, width: int, height: int, logo_aspect: float) -> StickerLayer:
        """The sticker layer that draws this watermark on a width×height frame.

        `logo_aspect` is the logo's height / width, so the margin is kept on both sides.
        """
        margin = self.margin * min(width, height)
        logo_w = self.width * width
        logo_h = logo_w * logo_aspect
        left = self.corner.endswith("left")
        top = self.corner.startswith("top")
        cx = margin + logo_w / 2 if left else width - margin - logo_w / 2
        cy = margin + logo_h / 2 if top else height - margin - logo_h / 2
        return StickerLayer(
            id=self.logo,
            x=min(max(cx / width, 0.0), 1.0),
            y=min(max(cy / height, 0.0), 1.0),
            width=self.width,
            opacity=self.opacity,
        )


def drawn_layers(
    layers: Sequence[Layer],
    brand: BrandStyle | None,
    watermark: Watermark | None,
    size: tuple[int, int],
    stickers: StickerResolver,
) -> list[Layer]:
    """What the renderer draws: `layers` with roles resolved, then the watermark on top.

    Args:
        size: The output (width, height), which places the watermark's margins.
        stickers: Resolves the logo (its proportions place it in the corner).

    Raises:
        EditorError: The resolver's codes when the logo cannot be found or read.
    """
    style = brand or DEFAULT_BRAND
    out = [style.resolve(layer) for layer in layers]
    if watermark is not None:
        logo_height, logo_width = stickers(watermark.logo).shape[:2]
        out.append(watermark.layer(*size, logo_height / logo_width))
    return out
