"""Draw the built-in stickers as RGBA PNGs in resources/stickers, plus stickers.json.

Every sticker is drawn here with Pillow, for this project: arrows, hand-drawn marker rings,
highlighter strokes, marks, decorations, numbered badges and word labels (必买, 避雷, 合集 …)
in the bold, rounded style of Xiaohongshu covers. Shapes are drawn at 4× and scaled down with
Lanczos, so edges are smooth; most stickers get a white outline and a soft shadow, so they read
on any photo. Labels are set in Noto Sans CJK SC Bold (SIL Open Font Licence 1.1).

The output is deterministic: running the script again writes byte-identical files (the
hand-drawn wobble comes from a random generator seeded with the sticker's name), which a test
checks. The editor's sticker layer reads `<name>.png` for the recipe sticker id `builtin:<name>`.

    python scripts/make_stickers.py                     # rewrite resources/stickers
    python scripts/make_stickers.py --out DIR           # write somewhere else (e.g. to compare)
    python scripts/make_stickers.py --sheet SHEET.png   # also draw a contact sheet to look at
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "stickers"

SS = 4  # supersampling factor: everything is drawn at 4× and scaled down
LONG_SIDE = 512  # the long side of every finished sticker, in pixels
MARGIN = 40  # room around a drawing for its outline and shadow, in finished pixels

FONT_FAMILY = "Noto Sans CJK SC"
FONT_STYLE = "Bold"
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",  # Debian, Ubuntu (fonts-noto-cjk)
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",  # Arch, Fedora
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "/System/Library/Fonts/NotoSansCJK-Bold.ttc",
)

Colour = tuple[int, int, int, int]
Point = tuple[float, float]


def rgba(hex_colour: str, alpha: int = 255) -> Colour:
    value = int(hex_colour.lstrip("#"), 16)
    return (value >> 16 & 255, value >> 8 & 255, value & 255, alpha)


# The palette: Xiaohongshu red, a warm yellow, ink and white, and a few soft pastels.
RED = rgba("#FF2442")
DEEP_RED = rgba("#D9102E")
YELLOW = rgba("#FFD23F")
AMBER = rgba("#FFA41B")
INK = rgba("#1F1F1F")
WHITE = rgba("#FFFFFF")
CREAM = rgba("#FFF6E0")
PINK = rgba("#FFB8C6")
MINT = rgba("#7ED9B6")
GREEN = rgba("#1DB16A")
SKY = rgba("#8CC8FF")
LILAC = rgba("#C7B3FF")
CLEAR = (0, 0, 0, 0)


# --- the font -------------------------------------------------------------------------------


def find_font() -> tuple[str, int]:
    """The Noto Sans CJK Bold collection on this machine and the face index of its SC face."""
    paths = [path for path in FONT_CANDIDATES if Path(path).is_file()]
    if not paths and shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", f"{FONT_FAMILY}:{FONT_STYLE.lower()}"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if found and "NotoSansCJK" in Path(found).name:
            paths.append(found)
    for path in paths:
        for index in range(16):
            try:
                face = ImageFont.truetype(path, 12, index=index)
            except OSError:
                break
            if face.getname() == (FONT_FAMILY, FONT_STYLE):
                return path, index
    raise SystemExit(
        f"{FONT_FAMILY} {FONT_STYLE} is not installed (Debian/Ubuntu: apt install fonts-noto-cjk)"
    )


_FONTS: dict[int, ImageFont.FreeTypeFont] = {}
_FONT_FILE: tuple[str, int] | None = None


def font(size: float) -> ImageFont.FreeTypeFont:
    """The label font at `size` finished pixels (so SS × that on the drawing)."""
    global _FONT_FILE
    if _FONT_FILE is None:
        _FONT_FILE = find_font()
    pixels = round(size * SS)
    if pixels not in _FONTS:
        _FONTS[pixels] = ImageFont.truetype(_FONT_FILE[0], pixels, index=_FONT_FILE[1])
    return _FONTS[pixels]


# --- geometry ---------------------------------------------------------------------------------


def cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 48) -> list[Point]:
    """Points along a cubic Bézier curve, both ends included."""
    points = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        points.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return points


def resample(points: Sequence[Point], spacing: float) -> list[tuple[Point, float]]:
    """Evenly spaced points along a polyline, each with its position 0..1 along it."""
    lengths = [0.0]
    for a, b in zip(points, points[1:], strict=False):
        lengths.append(lengths[-1] + math.dist(a, b))
    total = lengths[-1] or 1.0
    count = max(2, int(total / spacing) + 1)
    out = []
    segment = 0
    for i in range(count):
        at = total * i / (count - 1)
        while segment < len(points) - 2 and lengths[segment + 1] < at:
            segment += 1
        span = lengths[segment + 1] - lengths[segment] or 1.0
        t = (at - lengths[segment]) / span
        a, b = points[segment], points[segment + 1]
        out.append(((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), at / total))
    return out


def regular_star(
    centre: Point, points: int, outer: float, inner: float, turn: float = -90
) -> list[Point]:
    """A star polygon with `points` tips, the first pointing at `turn` degrees."""
    out = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(turn + i * 180 / points)
        out.append((centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)))
    return out


def heart_points(centre: Point, size: float, steps: int = 160) -> list[Point]:
    """The classic heart curve, `size` wide, centred on `centre`."""
    out = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        out.append((centre[0] + x * size / 34, centre[1] - (y + 2.5) * size / 34))
    return out


def sparkle_points(centre: Point, radius: float, steps: int = 120) -> list[Point]:
    """A four-pointed sparkle with curved sides (an astroid)."""
    out = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        out.append(
            (
                centre[0] + radius * math.cos(t) ** 3,
                centre[1] + radius * math.sin(t) ** 3,
            )
        )
    return out


# --- the drawing surface ---------------------------------------------------------------------


class Pen:
    """A transparent RGBA drawing at SS× size, addressed in finished pixels."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        size = (round((width + 2 * MARGIN) * SS), round((height + 2 * MARGIN) * SS))
        self.image = Image.new("RGBA", size, CLEAR)
        self.draw = ImageDraw.Draw(self.image)

    def layer(self) -> Pen:
        return Pen(self.width, self.height)

    def at(self, point: Point) -> tuple[float, float]:
        return ((point[0] + MARGIN) * SS, (point[1] + MARGIN) * SS)

    def box(self, box: Sequence[float]) -> tuple[float, float, float, float]:
        x0, y0 = self.at((box[0], box[1]))
        x1, y1 = self.at((box[2], box[3]))
        return (x0, y0, x1, y1)

    def disc(self, centre: Point, radius: float, fill: Colour) -> None:
        x, y = self.at(centre)
        r = radius * SS
        self.draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def ring(self, centre: Point, radius: float, width: float, fill: Colour) -> None:
        x, y = self.at(centre)
        r = radius * SS
        self.draw.ellipse((x - r, y - r, x + r, y + r), outline=fill, width=round(width * SS))

    def ellipse(self, box: Sequence[float], fill: Colour) -> None:
        self.draw.ellipse(self.box(box), fill=fill)

    def rounded(
        self,
        box: Sequence[float],
        radius: float,
        fill: Colour | None = None,
        outline: Colour | None = None,
        width: float = 0,
    ) -> None:
        self.draw.rounded_rectangle(
            self.box(box), radius=radius * SS, fill=fill, outline=outline, width=round(width * SS)
        )

    def polygon(self, points: Sequence[Point], fill: Colour, round_by: float = 0) -> None:
        """A filled polygon; `round_by` > 0 grows it by that much with rounded corners."""
        scaled = [self.at(p) for p in points]
        self.draw.polygon(scaled, fill=fill)
        if round_by > 0:
            self.stroke([*points, points[0]], 2 * round_by, fill)

    def stroke(self, points: Sequence[Point], width: float, fill: Colour) -> None:
        """A polyline of even width with round caps and joins."""
        scaled = [self.at(p) for p in points]
        w = width * SS
        self.draw.line(scaled, fill=fill, width=round(w))
        r = w / 2
        for x, y in scaled:
            self.draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def brush(
        self,
        points: Sequence[Point],
        width: Callable[[float], float],
        fill: Colour,
    ) -> None:
        """A stroke whose width follows `width(t)` along it (t = 0..1): a marker or a brush."""
        scaled = [self.at(p) for p in points]
        for (x, y), t in resample(scaled, 1.5 * SS):
            r = width(t) * SS / 2
            if r > 0:
                self.draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def text(
        self,
        centre: Point,
        text: str,
        size: float,
        fill: Colour,
        stroke: float = 0,
        stroke_fill: Colour | None = None,
        spacing: float = 0,
    ) -> None:
        """`text` centred on its inked box (not its line box), so CJK sits truly centred."""
        face = font(size)
        if spacing:
            self._spaced_text(centre, text, face, fill, stroke, stroke_fill, spacing)
            return
        sw = round(stroke * SS)
        left, top, right, bottom = self.draw.textbbox(
            (0, 0), text, font=face, anchor="ls", stroke_width=sw
        )
        x, y = self.at(centre)
        origin = (x - (left + right) / 2, y - (top + bottom) / 2)
        self.draw.text(
            origin,
            text,
            font=face,
            fill=fill,
            anchor="ls",
            stroke_width=sw,
            stroke_fill=stroke_fill,
        )

    def _spaced_text(self, centre, text, face, fill, stroke, stroke_fill, spacing) -> None:
        sw = round(stroke * SS)
        boxes = [self.draw.textbbox((0, 0), ch, font=face, anchor="ls") for ch in text]
        advances = [face.getlength(ch) for ch in text]
        gap = spacing * SS
        total = sum(advances) + gap * (len(text) - 1)
        top = min(b[1] for b in boxes)
        bottom = max(b[3] for b in boxes)
        x, y = self.at(centre)
        cursor = x - total / 2
        baseline = y - (top + bottom) / 2
        for ch, advance in zip(text, advances, strict=True):
            self.draw.text(
                (cursor, baseline),
                ch,
                font=face,
                fill=fill,
                anchor="ls",
                stroke_width=sw,
                stroke_fill=stroke_fill,
            )
            cursor += advance + gap

    def text_width(self, text: str, size: float) -> float:
        left, _, right, _ = self.draw.textbbox((0, 0), text, font=font(size), anchor="ls")
        return (right - left) / SS

    def paste(self, other: Pen, opacity: float = 1.0) -> None:
        image = other.image
        if opacity < 1.0:
            image = image.copy()
            image.putalpha(image.getchannel("A").point(lambda a: round(a * opacity)))
        self.image.alpha_composite(image)


# --- finishing: outline, shadow, crop, scale ---------------------------------------------------


def dilate(mask: Image.Image, radius: float) -> Image.Image:
    """Grow a 0/255 mask by about `radius` drawing pixels, with round corners.

    Repeated small Gaussian blurs, each cut at a low threshold: a blur of σ cut at 10/255 grows
    a straight edge by 1.76σ, and small steps keep thin strokes growing as much as thick ones.
    """
    steps = max(1, math.ceil(radius / (3 * SS)))
    sigma = radius / steps / 1.76
    for _ in range(steps):
        mask = mask.filter(ImageFilter.GaussianBlur(sigma)).point(lambda v: 255 if v > 10 else 0)
    return mask


def solid(mask: Image.Image, colour: Colour) -> Image.Image:
    layer = Image.new("RGBA", mask.size, colour)
    layer.putalpha(ImageChops.multiply(mask, Image.new("L", mask.size, colour[3])))
    return layer


def bordered(pen: Pen, width: float, colour: Colour) -> Pen:
    """A new drawing with `pen`'s art on a solid border `width` pixels wide."""
    out = pen.layer()
    mask = pen.image.getchannel("A").point(lambda a: 255 if a > 0 else 0)
    out.image = solid(dilate(mask, width * SS), colour)
    out.draw = ImageDraw.Draw(out.image)
    out.image.alpha_composite(pen.image)
    return out


def rotated(pen: Pen, degrees: float) -> Pen:
    """`pen`'s drawing turned counter-clockwise by `degrees` about its centre."""
    if degrees:
        pen.image = pen.image.rotate(degrees, resample=Image.Resampling.BICUBIC)
        pen.draw = ImageDraw.Draw(pen.image)
    return pen


def finish(pen: Pen, outline: float = 9, shadow: float = 0.32) -> Image.Image:
    """White outline and soft drop shadow behind the art, cropped and scaled to LONG_SIDE."""
    art = pen.image
    alpha = art.getchannel("A")
    silhouette = alpha.point(lambda a: 255 if a > 8 else 0)
    if outline:
        silhouette = dilate(silhouette, outline * SS)
    out = Image.new("RGBA", art.size, CLEAR)
    if shadow:
        # The shadow is soft, so it is blurred at finished size and scaled back up.
        small = silhouette.resize((art.width // SS, art.height // SS), Image.Resampling.BOX)
        small = small.filter(ImageFilter.GaussianBlur(5))
        blurred = small.resize(art.size, Image.Resampling.BILINEAR)
        blurred = blurred.point(lambda v: round(v * shadow))
        shade = solid(blurred, rgba("#000000"))
        out.alpha_composite(shade, dest=(0, round(5 * SS)), source=(0, 0))
    if outline:
        out.alpha_composite(solid(silhouette, WHITE))
    out.alpha_composite(art)
    left, top, right, bottom = out.getchannel("A").point(lambda a: 255 if a > 3 else 0).getbbox()
    pad = 2 * SS
    out = out.crop((left - pad, top - pad, right + pad, bottom + pad))
    scale = LONG_SIDE / max(out.size)
    size = (max(1, round(out.width * scale)), max(1, round(out.height * scale)))
    return out.resize(size, Image.Resampling.LANCZOS)


# --- the catalogue -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Sticker:
    name: str
    category: str
    name_zh: str
    name_en: str
    draw: Callable[[], Image.Image]
    text: str = ""


STICKERS: list[Sticker] = []


def sticker(name: str, category: str, name_zh: str, name_en: str, text: str = ""):
    def register(draw: Callable[[], Image.Image]) -> Callable[[], Image.Image]:
        STICKERS.append(Sticker(name, category, name_zh, name_en, draw, text))
        return draw

    return register


def wobble(seed: str, amount: float) -> Callable[[Sequence[Point]], list[Point]]:
    """A repeatable hand-drawn waver for a path, seeded by the sticker's name.

    The offset is a sum of a few slow waves along the path, not noise per point, so a stroke
    bends a little like a real hand's would while its edges stay smooth.
    """
    rng = random.Random(seed)
    waves = [
        (rng.uniform(1.0, 4.0), rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi))
        for _ in range(3)
    ]

    def apply(points: Sequence[Point]) -> list[Point]:
        out = []
        last = max(1, len(points) - 1)
        for i, (x, y) in enumerate(points):
            t = i / last
            dx = sum(math.sin(2 * math.pi * f * t + px) for f, px, _ in waves) / 3
            dy = sum(math.sin(2 * math.pi * f * t + py) for f, _, py in waves) / 3
            out.append((x + amount * dx, y + amount * dy))
        return out

    return apply


# --- label styles -------------------------------------------------------------------------------


def pill(
    text: str,
    fill: Colour,
    ink: Colour,
    size: float = 150,
    tilt: float = 0,
    icon: Callable[[Pen, Point, float], None] | None = None,
    trim: Colour | None = None,
) -> Image.Image:
    """A rounded tag with a word on it, an optional icon on the left and an inner trim line."""
    probe = Pen(10, 10)
    text_w = probe.text_width(text, size)
    height = size * 1.55
    icon_w = size * 0.95 if icon else 0
    width = text_w + icon_w + size * 1.1
    pen = Pen(width, height)
    pen.rounded((0, 0, width, height), height / 2, fill=fill)
    inset = size * 0.12
    pen.rounded(
        (inset, inset, width - inset, height - inset),
        height / 2 - inset,
        outline=trim or ink,
        width=size * 0.035,
    )
    text_x = size * 0.55 + icon_w + text_w / 2
    if icon:
        icon(pen, (size * 0.55 + icon_w * 0.42, height / 2), size * 0.8)
    pen.text((text_x, height / 2), text, size, ink)
    return finish(rotated(pen, tilt))


def bubble(
    text: str,
    fill: Colour,
    ink: Colour,
    size: float = 150,
    tail: str = "left",
    tilt: float = 0,
    border: Colour | None = None,
    stroke: Colour | None = None,
) -> Image.Image:
    """A rounded speech bubble with a tail, a word inside."""
    probe = Pen(10, 10)
    text_w = probe.text_width(text, size) if text else size * 2.6
    width = text_w + size * 1.0
    box_h = size * 1.6
    height = box_h + size * 0.55
    pen = Pen(width, height)
    pen.rounded((0, 0, width, box_h), size * 0.5, fill=fill)
    if tail == "left":
        tip = (width * 0.16, height)
        base = [(width * 0.2, box_h - 2), (width * 0.42, box_h - 2)]
    else:
        tip = (width * 0.84, height)
        base = [(width * 0.58, box_h - 2), (width * 0.8, box_h - 2)]
    pen.polygon([base[0], base[1], tip], fill, round_by=size * 0.04)
    if border:
        pen = bordered(pen, size * 0.07, border)
    if text:
        sw = size * 0.06 if stroke else 0
        pen.text((width / 2, box_h / 2), text, size, ink, stroke=sw, stroke_fill=stroke)
    return finish(rotated(pen, tilt))


def round_stamp(
    text: str, ink: Colour, paper: Colour, size: float = 150, tilt: float = 12, small: str = ""
) -> Image.Image:
    """A round rubber stamp: two rings, a word, little stars, set at an angle."""
    radius = 240
    pen = Pen(radius * 2, radius * 2)
    c = (radius, radius)
    pen.disc(c, radius, ink)
    pen.disc(c, radius - 16, paper)
    pen.ring(c, radius - 30, 7, ink)
    for angle in (-90 - 38, -90, -90 + 38, 90 - 38, 90, 90 + 38):
        a = math.radians(angle)
        point = (c[0] + (radius - 62) * math.cos(a), c[1] + (radius - 62) * math.sin(a))
        pen.polygon(regular_star(point, 5, 13, 6), ink, round_by=1.5)
    pen.text((radius, radius - (14 if small else 0)), text, size, ink)
    if small:
        pen.text((radius, radius + 102), small, 34, ink, spacing=12)
    return finish(rotated(pen, tilt))


def seal(text: str, fill: Colour, ink: Colour, tilt: float = -8) -> Image.Image:
    """A square seal (印章): a filled rounded square with an inner frame and a stacked word."""
    side = 380
    pen = Pen(side, side)
    pen.rounded((0, 0, side, side), 48, fill=fill)
    pen.rounded((22, 22, side - 22, side - 22), 30, outline=ink, width=9)
    half = len(text) // 2
    pen.text((side / 2, side * 0.3), text[:half], 146, ink)
    pen.text((side / 2, side * 0.7), text[half:], 146, ink)
    return finish(rotated(pen, tilt))


# --- icons for labels --------------------------------------------------------------------------


def bolt_icon(colour: Colour) -> Callable[[Pen, Point, float], None]:
    def draw(pen: Pen, centre: Point, size: float) -> None:
        x, y, s = centre[0], centre[1], size / 2
        points = [
            (x + 0.15 * s, y - 1.0 * s),
            (x - 0.55 * s, y + 0.12 * s),
            (x - 0.02 * s, y + 0.12 * s),
            (x - 0.2 * s, y + 1.0 * s),
            (x + 0.55 * s, y - 0.15 * s),
            (x + 0.03 * s, y - 0.15 * s),
        ]
        pen.polygon(points, colour, round_by=size * 0.03)

    return draw


def coin_icon(fill: Colour, ink: Colour) -> Callable[[Pen, Point, float], None]:
    def draw(pen: Pen, centre: Point, size: float) -> None:
        pen.disc(centre, size * 0.5, fill)
        pen.text(centre, "¥", size * 0.66, ink)

    return draw


def flame_icon(pen: Pen, centre: Point, size: float) -> None:
    for colour, scale in ((YELLOW, 1.0), (AMBER, 0.66), (WHITE, 0.34)):
        pen.polygon(flame_points((centre[0], centre[1] + size * 0.45), size * scale), colour)


def star_icon(colour: Colour) -> Callable[[Pen, Point, float], None]:
    def draw(pen: Pen, centre: Point, size: float) -> None:
        pen.polygon(regular_star(centre, 5, size * 0.52, size * 0.24), colour, round_by=size * 0.05)

    return draw


def flame_points(base: Point, height: float, steps: int = 120) -> list[Point]:
    """A flame: a teardrop whose tip flicks to the side, standing on `base`."""
    out = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x = math.sin(t) * math.sin(t / 2) ** 1.3 * 0.55
        y = math.cos(t)
        rise = (y + 1) / 2  # 0 at the bottom, 1 at the tip
        x += 0.22 * rise**2.2
        out.append((base[0] + x * height * 0.62, base[1] - rise * height))
    return out


# --- labels -------------------------------------------------------------------------------------


@sticker("label_bimai", "label", "必买", "Must-buy", text="必买")
def _label_bimai() -> Image.Image:
    return pill("必买", RED, WHITE, tilt=6, icon=star_icon(YELLOW), trim=WHITE)


@sticker("label_bilei", "label", "避雷", "Avoid", text="避雷")
def _label_bilei() -> Image.Image:
    return pill("避雷", INK, YELLOW, tilt=-5, icon=bolt_icon(YELLOW))


@sticker("label_heji", "label", "合集", "Collection", text="合集")
def _label_heji() -> Image.Image:
    return pill("合集", YELLOW, INK)


@sticker("label_ganhuo", "label", "干货", "Useful tips", text="干货")
def _label_ganhuo() -> Image.Image:
    return round_stamp("干货", RED, CREAM, size=150, small="USEFUL")


@sticker("label_pingjia", "label", "平价", "Affordable", text="平价")
def _label_pingjia() -> Image.Image:
    return pill("平价", WHITE, RED, tilt=-4, icon=coin_icon(RED, WHITE))


@sticker("label_haowu", "label", "好物", "Good find", text="好物")
def _label_haowu() -> Image.Image:
    return bubble("好物", RED, WHITE, tilt=4)


@sticker("label_zhongcao", "label", "种草", "Must-try", text="种草")
def _label_zhongcao() -> Image.Image:
    return bubble("种草", GREEN, WHITE, tail="right", tilt=-4)


@sticker("label_bacao", "label", "拔草", "Bought it", text="拔草")
def _label_bacao() -> Image.Image:
    return bubble("拔草", PINK, DEEP_RED, tilt=3)


@sticker("label_gonglue", "label", "攻略", "Guide", text="攻略")
def _label_gonglue() -> Image.Image:
    return ribbon("攻略", RED, WHITE)


@sticker("label_xinpin", "label", "新品", "New arrival", text="新品")
def _label_xinpin() -> Image.Image:
    return seal("新品", RED, WHITE)


@sticker("label_tuijian", "label", "推荐", "Recommended", text="推荐")
def _label_tuijian() -> Image.Image:
    size = 150
    pen = Pen(size * 3.2, size * 1.7)
    w, h = pen.width, pen.height
    pen.rounded((0, 0, w, h), 26, fill=RED)
    pen.rounded((12, 12, w - 12, h - 12), 18, fill=CREAM)
    pen.rounded((24, 24, w - 24, h - 24), 12, outline=RED, width=6)
    pen.text((w / 2, h / 2), "推荐", size, RED, spacing=24)
    return finish(rotated(pen, 8))


@sticker("label_qince", "label", "亲测", "Tried it", text="亲测")
def _label_qince() -> Image.Image:
    return round_stamp("亲测", INK, WHITE, size=150, tilt=-10, small="有效")


@sticker("label_huazhongdian", "label", "划重点", "Key point", text="划重点")
def _label_huazhongdian() -> Image.Image:
    size = 140
    pen = Pen(size * 3.9, size * 1.6)
    w, h = pen.width, pen.height
    swipe = pen.layer()
    top = cubic((10, h * 0.55), (w * 0.3, h * 0.48), (w * 0.7, h * 0.6), (w - 10, h * 0.5))
    swipe.brush(
        wobble("label_huazhongdian", 4)(top),
        lambda t: h * 0.62 * (0.85 + 0.15 * math.sin(t * math.pi)),
        YELLOW,
    )
    pen.paste(swipe)
    pen.text((w / 2, h * 0.46), "划重点", size, INK)
    pen.brush(
        cubic((w * 0.1, h * 0.93), (w * 0.4, h * 0.86), (w * 0.7, h * 0.98), (w * 0.9, h * 0.88)),
        lambda t: 13 * (0.4 + 0.6 * math.sin(t * math.pi)),
        RED,
    )
    return finish(rotated(pen, 3))


@sticker("label_shoucang", "label", "收藏", "Save it", text="收藏")
def _label_shoucang() -> Image.Image:
    size = 150
    probe = Pen(10, 10)
    text_w = probe.text_width("收藏", size)
    width, box_h = text_w + size * 1.85, size * 1.6
    pen = Pen(width, box_h + size * 0.55)
    pen.rounded((0, 0, width, box_h), size * 0.5, fill=WHITE)
    pen.polygon(
        [(width * 0.62, box_h - 2), (width * 0.84, box_h - 2), (width * 0.88, box_h + 80)], WHITE
    )
    pen = bordered(pen, 10, RED)
    pen.polygon(regular_star((size * 0.85, box_h / 2), 5, 62, 29), YELLOW, round_by=7)
    pen.text((size * 1.4 + text_w / 2, box_h / 2), "收藏", size, RED)
    return finish(rotated(pen, -4))


@sticker("label_juejuezi", "label", "绝绝子", "Amazing", text="绝绝子")
def _label_juejuezi() -> Image.Image:
    return bubble("绝绝子", YELLOW, RED, size=140, tail="right", tilt=6, border=RED)


@sticker("label_new", "label", "NEW", "New", text="NEW")
def _label_new() -> Image.Image:
    pen = Pen(460, 460)
    c = (230, 230)
    pen.polygon(regular_star(c, 18, 225, 188), YELLOW, round_by=6)
    pen.ring(c, 160, 6, RED)
    pen.text(c, "NEW", 118, RED)
    return finish(rotated(pen, 10))


@sticker("label_hot", "label", "HOT", "Hot", text="HOT")
def _label_hot() -> Image.Image:
    return pill("HOT", RED, WHITE, size=140, tilt=-6, icon=flame_icon, trim=WHITE)


@sticker("label_top1", "label", "TOP1", "Top 1", text="TOP1")
def _label_top1() -> Image.Image:
    pen = Pen(400, 520)
    c = (200, 190)
    for side in (-1, 1):
        x0 = 200 + side * 40
        x1 = 200 + side * 150
        tail = [(x0 - 45, 260), (x0 + 45, 260), (x1 + 45, 500), (x1, 455), (x1 - 45, 500)]
        pen.polygon(tail, DEEP_RED if side < 0 else RED, round_by=6)
    pen.disc(c, 185, AMBER)
    pen.disc(c, 165, YELLOW)
    pen.ring(c, 148, 6, AMBER)
    pen.text((200, 118), "TOP", 66, DEEP_RED, spacing=6)
    pen.text((200, 228), "1", 170, DEEP_RED)
    return finish(pen)


def ribbon(text: str, fill: Colour, ink: Colour, size: float = 140) -> Image.Image:
    """A banner with folded, notched ends."""
    probe = Pen(10, 10)
    text_w = probe.text_width(text, size)
    body_w = text_w + size * 1.0
    tail = size * 0.75
    h = size * 1.45
    drop = size * 0.3
    width = body_w + 2 * tail - size * 0.3
    pen = Pen(width, h + drop)
    left = tail - size * 0.15
    right = left + body_w
    for x_out, x_in in ((0, left + size * 0.35), (width, right - size * 0.35)):
        notch = x_out + (size * 0.3 if x_out == 0 else -size * 0.3)
        points = [
            (x_out, drop),
            (x_in, drop),
            (x_in, h + drop),
            (x_out, h + drop),
            (notch, drop + h / 2),
        ]
        pen.polygon(points, DEEP_RED, round_by=3)
    for x_edge, x_fold in ((left, left + size * 0.35), (right, right - size * 0.35)):
        pen.polygon([(x_edge, h), (x_fold, h), (x_fold, h + drop)], rgba("#9E0A20"))
    pen.rounded((left, 0, right, h), size * 0.12, fill=fill)
    pen.rounded((left + 12, 12, right - 12, h - 12), size * 0.08, outline=ink, width=size * 0.03)
    pen.text(((left + right) / 2, h / 2), text, size, ink, spacing=size * 0.12)
    return finish(rotated(pen, 0))


# --- arrows ------------------------------------------------------------------------------------


def arrow_head(tip: Point, angle: float, length: float, spread: float = 0.9) -> list[Point]:
    back = angle + math.pi
    return [
        tip,
        (
            tip[0] + length * math.cos(back + spread / 2),
            tip[1] + length * math.sin(back + spread / 2),
        ),
        (
            tip[0] + length * math.cos(back - spread / 2),
            tip[1] + length * math.sin(back - spread / 2),
        ),
    ]


@sticker("arrow_straight", "arrow", "直箭头", "Straight arrow")
def _arrow_straight() -> Image.Image:
    pen = Pen(500, 240)
    pen.stroke([(30, 120), (330, 120)], 78, RED)
    pen.polygon([(300, 20), (470, 120), (300, 220)], RED, round_by=18)
    pen.stroke([(60, 102), (190, 102)], 14, rgba("#FF7A8C"))
    return finish(rotated(pen, 0))


@sticker("arrow_curved", "arrow", "弯箭头", "Curved arrow")
def _arrow_curved() -> Image.Image:
    pen = Pen(460, 420)
    path = cubic((40, 380), (40, 140), (200, 60), (340, 90))
    pen.stroke(path, 56, RED)
    angle = math.atan2(90 - 60, 340 - 200)
    tip = (340 + 95 * math.cos(angle), 90 + 95 * math.sin(angle))
    pen.polygon(arrow_head(tip, angle, 150, 1.15), RED, round_by=14)
    return finish(pen)


@sticker("arrow_hand", "arrow", "手绘箭头", "Hand-drawn arrow")
def _arrow_hand() -> Image.Image:
    pen = Pen(480, 360)
    path = (
        cubic((20, 300), (80, 320), (150, 290), (180, 220), 40)
        + cubic((180, 220), (205, 150), (120, 130), (130, 190), 40)[1:]
        + cubic((130, 190), (140, 250), (300, 240), (440, 80), 60)[1:]
    )
    path = wobble("arrow_hand", 5)(path)
    pen.brush(path, lambda t: 20 + 10 * math.sin(t * math.pi), INK)
    marker_head(pen, path, 115, 0.55, 24, INK)
    return finish(pen)


def marker_head(
    pen: Pen, path: Sequence[Point], length: float, spread: float, width: float, colour: Colour
) -> None:
    """An open arrowhead (two quick strokes) at the end of a hand-drawn `path`."""
    tip = path[-1]
    before = path[-6]
    angle = math.atan2(tip[1] - before[1], tip[0] - before[0])
    for turn, grow in ((spread, 1.0), (-spread * 0.9, 0.92)):
        a = angle + math.pi + turn
        end = (tip[0] + length * grow * math.cos(a), tip[1] + length * grow * math.sin(a))
        pen.brush([end, tip], lambda t: width * (0.8 + 0.2 * t), colour)


@sticker("arrow_double", "arrow", "双向箭头", "Double arrow")
def _arrow_double() -> Image.Image:
    pen = Pen(500, 200)
    pen.stroke([(120, 100), (380, 100)], 60, YELLOW)
    pen.polygon([(150, 10), (20, 100), (150, 190)], YELLOW, round_by=14)
    pen.polygon([(350, 10), (480, 100), (350, 190)], YELLOW, round_by=14)
    return finish(bordered(pen, 9, INK))


@sticker("arrow_chevrons", "arrow", "引导箭头", "Chevrons")
def _arrow_chevrons() -> Image.Image:
    pen = Pen(500, 230)
    for i, colour in enumerate((rgba("#FF9AA8"), rgba("#FF5C73"), RED)):
        x = 50 + i * 145
        pen.stroke([(x, 25), (x + 100, 115), (x, 205)], 56, colour)
    return finish(pen)


@sticker("arrow_curl", "arrow", "卷曲箭头", "Curly arrow")
def _arrow_curl() -> Image.Image:
    pen = Pen(320, 480)
    path = (
        cubic((60, 20), (260, 40), (300, 170), (180, 200), 40)
        + cubic((180, 200), (60, 230), (80, 120), (160, 150), 40)[1:]
        + cubic((160, 150), (250, 190), (230, 320), (170, 420), 50)[1:]
    )
    path = wobble("arrow_curl", 5)(path)
    pen.brush(path, lambda t: 22 + 8 * math.sin(t * math.pi), RED)
    marker_head(pen, path, 105, 0.6, 26, RED)
    return finish(pen)


# --- circles -----------------------------------------------------------------------------------


def marker_loop(
    pen: Pen,
    seed: str,
    centre: Point,
    rx: float,
    ry: float,
    turns: float,
    width: float,
    colour: Colour,
    start: float = 200,
    drift: float = 0.06,
) -> None:
    """A ring drawn in one quick marker stroke: not quite closed, ends overlapping and thinning."""
    steps = int(220 * turns)
    points = []
    for i in range(steps + 1):
        t = i / steps
        a = math.radians(start) + 2 * math.pi * turns * t
        grow = 1 + drift * (t - 0.5) * 2
        points.append(
            (
                centre[0] + rx * grow * math.cos(a),
                centre[1] + ry * grow * math.sin(a),
            )
        )
    points = wobble(seed, 6)(points)
    pen.brush(points, lambda t: width * (0.35 + 0.65 * min(1.0, t * 8, (1 - t) * 6)), colour)


@sticker("circle_red", "circle", "红色圈", "Red marker ring")
def _circle_red() -> Image.Image:
    pen = Pen(500, 380)
    marker_loop(pen, "circle_red", (250, 190), 225, 165, 1.12, 26, RED)
    return finish(pen, outline=7)


@sticker("circle_yellow", "circle", "黄色圈", "Yellow marker ring")
def _circle_yellow() -> Image.Image:
    pen = Pen(500, 330)
    marker_loop(pen, "circle_yellow", (250, 165), 228, 142, 1.1, 30, YELLOW, start=160, drift=-0.05)
    return finish(bordered(pen, 4, AMBER), outline=7)


@sticker("circle_scribble", "circle", "涂鸦圈", "Scribble ring")
def _circle_scribble() -> Image.Image:
    pen = Pen(460, 460)
    marker_loop(pen, "circle_scribble", (230, 230), 210, 200, 2.15, 14, INK, start=230, drift=0.08)
    return finish(pen, outline=6)


@sticker("box_marker", "circle", "手绘框", "Marker box")
def _box_marker() -> Image.Image:
    pen = Pen(500, 340)
    corners = [(30, 40), (470, 22), (478, 318), (22, 325), (40, 20), (300, 30)]
    path = []
    for a, b in zip(corners, corners[1:], strict=False):
        for i in range(24):
            t = i / 24
            path.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    path = wobble("box_marker", 6)([*path, corners[-1]])
    pen.brush(path, lambda t: 24 * (0.45 + 0.55 * min(1.0, t * 10, (1 - t) * 5)), RED)
    return finish(pen, outline=7)


# --- highlights and underlines ---------------------------------------------------------------


def highlighter(colour: Colour, opacity: float) -> Image.Image:
    """A highlighter swipe: a chisel-tipped band, see-through so text under it shows."""
    pen = Pen(520, 140)
    swipe = pen.layer()
    path = cubic((20, 78), (180, 66), (340, 80), (500, 62), 80)
    nib = 100
    for (x, y), _t in resample(path, 1.0):
        dy, dx = nib / 2, nib * 0.18
        swipe.polygon(
            [(x - dx, y - dy), (x + dx, y - dy), (x + dx, y + dy), (x - dx, y + dy)],
            colour,
        )
    pen.paste(swipe, opacity)
    return finish(pen, outline=0, shadow=0)


@sticker("highlight_yellow", "highlight", "黄色荧光笔", "Yellow highlighter")
def _highlight_yellow() -> Image.Image:
    return highlighter(rgba("#FFE14D"), 0.72)


@sticker("highlight_pink", "highlight", "粉色荧光笔", "Pink highlighter")
def _highlight_pink() -> Image.Image:
    return highlighter(rgba("#FF7EA8"), 0.62)


@sticker("highlight_brush", "highlight", "笔刷底", "Brush swipe")
def _highlight_brush() -> Image.Image:
    pen = Pen(520, 170)
    rng = random.Random("highlight_brush")
    bristles = 26
    for i in range(bristles):
        offset = (i / (bristles - 1) - 0.5) * 130
        start = 20 + rng.uniform(0, 40) + abs(offset) * 0.25
        end = 500 - rng.uniform(0, 50) - abs(offset) * 0.3
        path = cubic(
            (start, 90 + offset),
            (180, 80 + offset * 1.02),
            (340, 96 + offset),
            (end, 78 + offset * 0.96),
            40,
        )
        width = rng.uniform(9, 14)
        pen.brush(path, lambda t, w=width: w * min(1.0, t * 12, (1 - t) * 6), RED)
    return finish(pen, outline=6)


@sticker("underline_wave", "highlight", "波浪线", "Wavy underline")
def _underline_wave() -> Image.Image:
    pen = Pen(520, 110)
    points = [(20 + x * 4, 55 + 32 * math.sin(x * 4 / 480 * 4.5 * 2 * math.pi)) for x in range(121)]
    pen.stroke(points, 22, RED)
    return finish(pen, outline=7)


@sticker("underline_double", "highlight", "双下划线", "Double underline")
def _underline_double() -> Image.Image:
    pen = Pen(520, 120)
    first = cubic((20, 40), (180, 28), (330, 46), (500, 30), 60)
    second = cubic((60, 92), (200, 82), (360, 98), (470, 84), 60)
    for path in (first, second):
        pen.brush(
            wobble(f"underline_double{path[0]}", 3)(path),
            lambda t: 22 * (0.5 + 0.5 * min(1.0, t * 6, (1 - t) * 4)),
            RED,
        )
    return finish(pen, outline=7)


# --- marks -------------------------------------------------------------------------------------


@sticker("mark_check", "mark", "对勾", "Check mark")
def _mark_check() -> Image.Image:
    pen = Pen(460, 380)
    pen.stroke([(40, 210), (160, 330), (420, 50)], 78, GREEN)
    return finish(pen)


@sticker("mark_cross", "mark", "叉号", "Cross mark")
def _mark_cross() -> Image.Image:
    pen = Pen(400, 400)
    pen.stroke([(50, 50), (350, 350)], 80, RED)
    pen.stroke([(350, 50), (50, 350)], 80, RED)
    return finish(pen)


@sticker("mark_warning", "mark", "注意", "Warning")
def _mark_warning() -> Image.Image:
    pen = Pen(480, 420)
    pen.polygon([(240, 30), (450, 390), (30, 390)], INK, round_by=28)
    pen.polygon([(240, 88), (400, 366), (80, 366)], YELLOW, round_by=14)
    pen.stroke([(240, 170), (240, 275)], 40, INK)
    pen.disc((240, 328), 23, INK)
    return finish(pen)


# --- decorations -------------------------------------------------------------------------------


@sticker("deco_star", "deco", "星星", "Star")
def _deco_star() -> Image.Image:
    pen = Pen(460, 440)
    c = (230, 240)
    pen.polygon(regular_star(c, 5, 205, 100), AMBER, round_by=24)
    pen.polygon(regular_star((c[0], c[1] - 6), 5, 178, 88), YELLOW, round_by=18)
    pen.stroke([(168, 168), (205, 140)], 18, rgba("#FFF3B8"))
    return finish(pen)


@sticker("deco_sparkles", "deco", "闪光", "Sparkles")
def _deco_sparkles() -> Image.Image:
    pen = Pen(460, 460)
    for centre, radius, colour in (
        ((180, 270), 185, YELLOW),
        ((370, 110), 95, YELLOW),
        ((380, 370), 62, WHITE),
    ):
        pen.polygon(sparkle_points(centre, radius), colour, round_by=4)
    return finish(bordered(pen, 6, AMBER))


@sticker("deco_heart", "deco", "爱心", "Heart")
def _deco_heart() -> Image.Image:
    pen = Pen(460, 420)
    pen.polygon(heart_points((230, 210), 440), RED, round_by=4)
    pen.brush(
        cubic((105, 110), (115, 90), (135, 78), (160, 74), 20),
        lambda t: 26 - 8 * t,
        rgba("#FF8A9B"),
    )
    return finish(pen)


@sticker("deco_hearts", "deco", "爱心泡泡", "Floating hearts")
def _deco_hearts() -> Image.Image:
    pen = Pen(420, 460)
    for centre, size, colour, tilt in (
        ((170, 300), 300, RED, 0),
        ((330, 130), 170, PINK, 0),
        ((120, 80), 110, rgba("#FF6F86"), 0),
    ):
        layer = pen.layer()
        layer.polygon(heart_points(centre, size), colour, round_by=3)
        pen.paste(rotated(layer, tilt))
    return finish(pen)


@sticker("deco_crown", "deco", "皇冠", "Crown")
def _deco_crown() -> Image.Image:
    pen = Pen(480, 360)
    points = [(50, 320), (30, 110), (145, 200), (240, 60), (335, 200), (450, 110), (430, 320)]
    pen.polygon(points, AMBER, round_by=16)
    inner = [(70, 300), (55, 150), (150, 225), (240, 100), (330, 225), (425, 150), (410, 300)]
    pen.polygon(inner, YELLOW, round_by=8)
    for x, y in ((30, 95), (240, 42), (450, 95)):
        pen.disc((x, y), 30, AMBER)
        pen.disc((x, y - 3), 21, YELLOW)
    pen.rounded((62, 262, 418, 300), 14, fill=AMBER)
    for x, colour in ((150, RED), (240, SKY), (330, RED)):
        pen.disc((x, 281), 15, colour)
    return finish(pen)


@sticker("deco_fire", "deco", "火苗", "Flame")
def _deco_fire() -> Image.Image:
    pen = Pen(340, 480)
    pen.polygon(flame_points((160, 470), 460), RED)
    pen.polygon(flame_points((165, 462), 330), AMBER)
    pen.polygon(flame_points((168, 452), 190), YELLOW)
    return finish(pen)


# --- badges ------------------------------------------------------------------------------------


def number_badge(number: str, fill: Colour, ink: Colour) -> Image.Image:
    pen = Pen(420, 420)
    c = (210, 210)
    pen.disc(c, 205, fill)
    pen.ring(c, 178, 9, ink)
    pen.text(c, number, 250, ink)
    return finish(pen)


@sticker("badge_1", "badge", "序号①", "Number 1")
def _badge_1() -> Image.Image:
    return number_badge("1", RED, WHITE)


@sticker("badge_2", "badge", "序号②", "Number 2")
def _badge_2() -> Image.Image:
    return number_badge("2", RED, WHITE)


@sticker("badge_3", "badge", "序号③", "Number 3")
def _badge_3() -> Image.Image:
    return number_badge("3", RED, WHITE)


@sticker("badge_price", "badge", "价签", "Price tag")
def _badge_price() -> Image.Image:
    pen = Pen(500, 300)
    tag = [(130, 30), (470, 30), (470, 270), (130, 270), (30, 150)]
    pen.polygon(tag, YELLOW, round_by=24)
    pen.disc((100, 150), 24, CLEAR)
    pen.text((300, 150), "¥", 190, RED)
    pen = bordered(pen, 8, INK)
    pen.disc((100, 150), 16, CLEAR)
    return finish(rotated(pen, 14))


@sticker("bubble_blank", "badge", "对话框", "Speech bubble")
def _bubble_blank() -> Image.Image:
    return bubble("", WHITE, INK, size=150, border=INK)


# --- output ------------------------------------------------------------------------------------


def write_all(out: Path, only: set[str] | None = None) -> list[dict]:
    """Write every sticker's PNG and stickers.json (display order) into `out`; with `only`,
    just those stickers (and a manifest of them), as the reproducibility test samples."""
    out.mkdir(parents=True, exist_ok=True)
    index = []
    for item in STICKERS:
        if only is not None and item.name not in only:
            continue
        image = item.draw()
        file_name = f"{item.name}.png"
        image.save(out / file_name, optimize=True)
        entry = {
            "id": f"builtin:{item.name}",
            "name": item.name,
            "category": item.category,
            "name_zh": item.name_zh,
            "name_en": item.name_en,
            "file": file_name,
            "width": image.width,
            "height": image.height,
            "aspect": round(image.width / image.height, 4),
        }
        if item.text:
            entry["text"] = item.text
        index.append(entry)
    document = json.dumps({"version": 1, "stickers": index}, ensure_ascii=False, indent=2)
    (out / "stickers.json").write_text(document + "\n", encoding="utf-8", newline="\n")
    return index


def checkerboard(size: tuple[int, int], cell: int = 16) -> Image.Image:
    board = Image.new("RGBA", size, (255, 255, 255, 255))
    draw = ImageDraw.Draw(board)
    for y in range(0, size[1], cell):
        for x in range((y // cell % 2) * cell, size[0], cell * 2):
            draw.rectangle((x, y, x + cell - 1, y + cell - 1), fill=(204, 204, 204, 255))
    return board


def photo_like(size: tuple[int, int], seed: int) -> Image.Image:
    """A busy, photo-like backdrop: a warm-to-cool gradient with soft blobs."""
    rng = random.Random(seed)
    w, h = size
    top = (rng.randint(120, 240), rng.randint(90, 200), rng.randint(60, 180))
    bottom = (rng.randint(20, 120), rng.randint(40, 140), rng.randint(60, 170))
    image = Image.linear_gradient("L").resize(size)
    image = Image.composite(
        Image.new("RGB", size, bottom), Image.new("RGB", size, top), image
    ).convert("RGBA")
    blobs = Image.new("RGBA", size, CLEAR)
    draw = ImageDraw.Draw(blobs)
    for _ in range(6):
        x, y, r = rng.randint(0, w), rng.randint(0, h), rng.randint(20, 70)
        shade = rng.randint(0, 255)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(shade, shade, shade, 130))
    image.alpha_composite(blobs.filter(ImageFilter.GaussianBlur(12)))
    return image


def contact_sheet(folder: Path, index: list[dict], target: Path) -> None:
    """Every sticker on a checkerboard and on a photo-like backdrop, named, in a grid."""
    tile, label_h, columns = 190, 22, 8
    cell_w, cell_h = tile * 2 + 12, tile + label_h + 8
    rows = math.ceil(len(index) / (columns // 2))
    sheet = Image.new("RGBA", (cell_w * (columns // 2), cell_h * rows), (250, 250, 250, 255))
    draw = ImageDraw.Draw(sheet)
    caption = font(4)
    for i, entry in enumerate(index):
        x = (i % (columns // 2)) * cell_w
        y = (i // (columns // 2)) * cell_h
        image = Image.open(folder / entry["file"]).convert("RGBA")
        image.thumbnail((tile - 16, tile - 16), Image.Resampling.LANCZOS)
        for j, back in enumerate((checkerboard((tile, tile)), photo_like((tile, tile), i))):
            back.alpha_composite(image, ((tile - image.width) // 2, (tile - image.height) // 2))
            sheet.alpha_composite(back, (x + j * (tile + 4), y))
        draw.text(
            (x + 2, y + tile + 2),
            f"{entry['name']}  {entry['name_zh']}  {entry['width']}×{entry['height']}",
            font=caption,
            fill=(30, 30, 30, 255),
        )
    sheet.convert("RGB").save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="folder to write into")
    parser.add_argument("--sheet", type=Path, help="also write a contact sheet PNG here")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these stickers")
    args = parser.parse_args()
    index = write_all(args.out, set(args.only) if args.only else None)
    if args.sheet:
        contact_sheet(args.out, index, args.sheet)


if __name__ == "__main__":
    main()
