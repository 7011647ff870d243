"""CJK, Latin and emoji text for text layers: fonts, runs, line breaking and rasterising.

Fonts come from the system (set-up installs ``fonts-noto-cjk`` and ``fonts-noto-color-emoji``):
each named font is looked for at its known paths, then through ``fc-match``, and falls back to
whatever exists — the other CJK family, DejaVu, Pillow's built-in font — so a missing font
never stops a render. Text is split into grapheme clusters, and each cluster is drawn with the
first font that has its glyph: the layer's font, the colour emoji font, a general fallback.
Colour emoji (Noto Color Emoji is a bitmap font with one 109-pixel strike) are drawn at that
strike and scaled, so they are never boxes.

Layout is computed once in ems from advances measured at a large reference size, and every
unit (a Latin word, a CJK character, an emoji) is drawn at its em position scaled to the output,
so the preview and the export break lines at the same places and put each glyph at the same
relative spot, whatever hinting does at either size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from editor.layers import TextLayer
from editor.raster import warp_over

__all__ = ["Line", "TextBlock", "font_file", "layout", "draw_units"]

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
Role = Literal["main", "emoji", "fallback"]

_REFERENCE_PX = 256  # advances are measured at this size, then scaled
BASELINE_EM = 0.88  # baseline below the top of a line's em box (the CJK ideographic em box)
EMOJI_STRIKE = 109  # the only size Noto Color Emoji's bitmaps come in
_EMOJI_STRIKE_HEIGHT = 128  # ascent + descent of that strike, drawn to 1 em
EMOJI_PATHS = (
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/noto/NotoColorEmoji.ttf",
    "/System/Library/Fonts/Apple Color Emoji.ttc",
)
_FALLBACK_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)
_CJK_DIR = "/usr/share/fonts/opentype/noto"
# (file, face index of Simplified Chinese in the collection); the index is checked by name.
_KNOWN: dict[tuple[str, str], tuple[str, ...]] = {
    ("sans", "regular"): (f"{_CJK_DIR}/NotoSansCJK-Regular.ttc",),
    ("sans", "bold"): (f"{_CJK_DIR}/NotoSansCJK-Bold.ttc",),
    ("serif", "regular"): (f"{_CJK_DIR}/NotoSerifCJK-Regular.ttc",),
    ("serif", "bold"): (f"{_CJK_DIR}/NotoSerifCJK-Bold.ttc",),
}
_FC_PATTERN = {"sans": "Noto Sans CJK SC", "serif": "Noto Serif CJK SC"}
_ZWJ = "\u200d"
_NO_BREAK_BEFORE = set("，。、！？；：）》」』】〕〉…～·%,.!?;:)]}’”")
_NO_BREAK_AFTER = set("（《「『【〔〈([{‘“")


# ---------------------------------------------------------------------------------- fonts


@cache
def font_file(name: str, weight: str) -> tuple[str, int] | None:
    """The file and face index for a named font, or None when no CJK font can be found.

    ``serif`` falls back to ``sans`` of the same weight, bold to regular.
    """
    for family, face in ((name, weight), (name, "regular"), ("sans", weight), ("sans", "regular")):
        for path in _KNOWN.get((family, face), ()):
            if os.path.isfile(path):
                return path, _simplified_chinese_face(path)
        found = _fc_match(f"{_FC_PATTERN[family]}:style={face.capitalize()}")
        if found is not None and _FC_PATTERN[family].split()[1] in _face_name(*found):
            return found
    found = _fc_match(":lang=zh-cn")
    return found


def _fc_match(pattern: str) -> tuple[str, int] | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}|%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, index = out.partition("|")
    if not path or not os.path.isfile(path):
        return None
    return path, int(index) if index.isdigit() else 0


def _face_name(path: str, index: int) -> str:
    try:
        family, style = ImageFont.truetype(path, 16, index=index).getname()
    except OSError:
        return ""
    return f"{family} {style}"


def _simplified_chinese_face(path: str) -> int:
    """The collection's Simplified Chinese face (Noto CJK puts JP first), else the first."""
    for index in range(10):
        name = _face_name(path, index)
        if not name:
            break
        if " SC " in f"{name} " and "Mono" not in name:
            return index
    return 0


@lru_cache(maxsize=64)
def main_font(name: str, weight: str, px: int) -> Font:
    """The layer's font at `px` pixels per em; Pillow's own font if no CJK font exists."""
    found = font_file(name, weight)
    if found is not None:
        try:
            return ImageFont.truetype(found[0], px, index=found[1], layout_engine=_LAYOUT)
        except OSError:
            pass
    return ImageFont.load_default(px)


@lru_cache(maxsize=16)
def fallback_font(px: int) -> Font | None:
    """A general font for what the CJK font lacks (symbols, Cyrillic, Greek …)."""
    for path in _FALLBACK_PATHS:
        if os.path.isfile(path):
            return ImageFont.truetype(path, px, layout_engine=_LAYOUT)
    return None


@cache
def emoji_font() -> ImageFont.FreeTypeFont | None:
    """The colour emoji font at its one strike, or None when none is installed."""
    for path in EMOJI_PATHS:
        if os.path.isfile(path):
            try:
                return ImageFont.truetype(path, EMOJI_STRIKE, layout_engine=_LAYOUT)
            except OSError:
                continue
    return None


_LAYOUT = ImageFont.Layout.RAQM if ImageFont.core.HAVE_RAQM else ImageFont.Layout.BASIC


def _render_bytes(font: Font, text: str, color: bool) -> bytes:
    image = Image.new("RGBA", (3 * _PROBE_PX, 3 * _PROBE_PX))
    ImageDraw.Draw(image).text(
        (_PROBE_PX, 2 * _PROBE_PX), text, font=font, fill="white", anchor="ls", embedded_color=color
    )
    return image.tobytes()


_PROBE_PX = 64
_MISSING = "\U0010fffd"  # a private-use code point no font maps: renders as the missing glyph


@lru_cache(maxsize=4096)
def _has_glyph(role: Role, name: str, weight: str, char: str) -> bool:
    """Whether the font for `role` draws `char` as something else than its missing glyph."""
    font: Font | None
    if role == "emoji":
        font = emoji_font()
    elif role == "fallback":
        font = fallback_font(_PROBE_PX)
    else:
        font = main_font(name, weight, _PROBE_PX)
    if font is None:
        return False
    color = role == "emoji"
    drawn = _render_bytes(font, char, color)
    return drawn != _render_bytes(font, _MISSING, color) and any(drawn)


# ------------------------------------------------------------------------- clusters, runs


def clusters(text: str) -> list[str]:
    """Split text into user-perceived characters, close enough for drawing: a base with its
    combining marks, variation selectors, skin tones, keycaps and tags, ZWJ sequences, and
    regional-indicator pairs (flags) stay together."""
    result: list[str] = []
    for char in text:
        code = ord(char)
        joined = bool(result) and result[-1] != "\n" and char != "\n"
        if joined and (
            unicodedata.combining(char)
            or 0xFE00 <= code <= 0xFE0F
            or 0x1F3FB <= code <= 0x1F3FF
            or code == 0x20E3
            or 0xE0020 <= code <= 0xE007F
            or char == _ZWJ
            or result[-1].endswith(_ZWJ)
            or (_is_regional(code) and len(result[-1]) == 1 and _is_regional(ord(result[-1])))
        ):
            result[-1] += char
        else:
            result.append(char)
    return result


def _is_regional(code: int) -> bool:
    return 0x1F1E6 <= code <= 0x1F1FF


def _role(cluster: str, name: str, weight: str) -> Role:
    base = cluster[0]
    if base.isspace():
        return "main"
    wants_emoji = "\ufe0f" in cluster or len(cluster) > 1 and _ZWJ in cluster
    if "\ufe0e" not in cluster and (wants_emoji or not _has_glyph("main", name, weight, base)):
        if _has_glyph("emoji", name, weight, base):
            return "emoji"
    if _has_glyph("main", name, weight, base):
        return "main"
    if _has_glyph("fallback", name, weight, base):
        return "fallback"
    return "main"


def _wide(cluster: str) -> bool:
    return unicodedata.east_asian_width(cluster[0]) in ("W", "F")


# ------------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Unit:
    """What is drawn in one call: a Latin word, a space, a CJK character or an emoji."""

    text: str
    role: Role
    advance: float  # ems
    space: bool


@dataclass(frozen=True)
class Line:
    units: tuple[tuple[float, Unit], ...]  # (x in ems from the line's start, unit)
    width: float  # ems, trailing spaces left out


@dataclass(frozen=True)
class TextBlock:
    """Lines in ems; the block is `width` × `height` ems, line i's em box starts at
    i × line_spacing."""

    lines: tuple[Line, ...]
    width: float
    height: float
    line_spacing: float

    def line_x(self, line: Line, align: str) -> float:
        if align == "left":
            return 0.0
        if align == "right":
            return self.width - line.width
        return (self.width - line.width) / 2


def _advance(unit: str, role: Role, name: str, weight: str) -> float:
    if role == "emoji":
        emoji = emoji_font()
        assert emoji is not None  # the role is only given when the font exists
        return emoji.getlength(unit) / _EMOJI_STRIKE_HEIGHT
    font: Font | None = fallback_font(_REFERENCE_PX) if role == "fallback" else None
    if font is None:
        font = main_font(name, weight, _REFERENCE_PX)
    return float(font.getlength(unit)) / _REFERENCE_PX


@lru_cache(maxsize=256)
def _units(paragraph: str, name: str, weight: str) -> tuple[Unit, ...]:
    """A paragraph cut into drawing units: a run of Latin letters of one font is a word."""
    pieces: list[tuple[str, Role, bool]] = []
    for cluster in clusters(paragraph):
        role = _role(cluster, name, weight)
        space = cluster.isspace()
        joinable = not space and not _wide(cluster) and role != "emoji"
        if (
            joinable
            and pieces
            and pieces[-1][1] == role
            and not pieces[-1][2]
            and not _wide(pieces[-1][0][-1])
        ):
            text, _, _ = pieces[-1]
            pieces[-1] = (text + cluster, role, False)
        else:
            pieces.append((cluster, role, space))
    return tuple(
        Unit(text, role, _advance(text, role, name, weight), space) for text, role, space in pieces
    )


def _split_word(unit: Unit, name: str, weight: str) -> list[Unit]:
    return [
        Unit(c, unit.role, _advance(c, unit.role, name, weight), False) for c in clusters(unit.text)
    ]


def layout(layer: TextLayer, frame_aspect: float) -> TextBlock:
    """Break the layer's text into lines, in ems.

    Args:
        layer: The text layer.
        frame_aspect: Width / height of the cropped frame (wrapping is relative to its width).
    """
    limit = float("inf")
    if layer.max_width is not None:
        # Rounded so that the preview's and the export's sizes (whose aspect ratios differ by
        # a rounding of a pixel) wrap the same.
        limit = round(layer.max_width * frame_aspect / layer.size, 4)
    lines: list[Line] = []
    for paragraph in layer.text.split("\n"):
        lines.extend(_wrap(_units(paragraph, layer.font, layer.weight), limit, layer))
    width = max((line.width for line in lines), default=0.0)
    height = (len(lines) - 1) * layer.line_spacing + 1.0
    return TextBlock(tuple(lines), width, height, layer.line_spacing)


def _wrap(units: tuple[Unit, ...], limit: float, layer: TextLayer) -> list[Line]:
    """Greedy wrapping: breaks between any two wide (CJK, emoji) units and at spaces; never
    before closing or after opening punctuation; a word longer than a line is cut."""
    queue = list(units)
    lines: list[Line] = []
    current: list[tuple[float, Unit]] = []
    x = 0.0
    last_break = 0  # index in `current` where a new line may start
    index = 0
    while index < len(queue):
        unit = queue[index]
        if unit.space and not current and lines:
            index += 1  # a wrapped line does not start with a space
            continue
        if not unit.space and current and x + unit.advance > limit:
            if _breakable(current[-1][1], unit):
                lines.append(_line(current))
                current, x, last_break = [], 0.0, 0
                continue
            if last_break > 0:
                lines.append(_line(current[:last_break]))
                rest = [u for _, u in current[last_break:]]
                queue[index:index] = rest
                current, x, last_break = [], 0.0, 0
                continue
            if len(unit.text) > 1 and not _wide(unit.text[0]) and unit.role != "emoji":
                queue[index : index + 1] = _split_word(unit, layer.font, layer.weight)
                continue
            lines.append(_line(current))
            current, x, last_break = [], 0.0, 0
            continue
        if not unit.space and unit.advance > limit and len(unit.text) > 1 and not current:
            if not _wide(unit.text[0]) and unit.role != "emoji":
                queue[index : index + 1] = _split_word(unit, layer.font, layer.weight)
                continue
        if current and _breakable(current[-1][1], unit):
            last_break = len(current)
        current.append((x, unit))
        x += unit.advance
        index += 1
    lines.append(_line(current))
    return lines


def _breakable(before: Unit, after: Unit) -> bool:
    if after.text[0] in _NO_BREAK_BEFORE or before.text[-1] in _NO_BREAK_AFTER:
        return False
    if after.space:
        return False
    if before.space:
        return True
    return _wide(before.text[-1]) or _wide(after.text[0]) or "emoji" in (before.role, after.role)


def _line(placed: list[tuple[float, Unit]]) -> Line:
    while placed and placed[-1][1].space:
        placed = placed[:-1]
    width = placed[-1][0] + placed[-1][1].advance if placed else 0.0
    return Line(tuple(placed), width)


# ---------------------------------------------------------------------------- rasterise


def draw_units(
    block: TextBlock,
    layer: TextLayer,
    *,
    px: float,
    origin: tuple[float, float],
    size: tuple[int, int],
) -> tuple[np.ndarray, np.ndarray]:
    """Draw the block's glyphs onto a canvas.

    Args:
        block: From `layout`.
        layer: The layer (font, weight, alignment).
        px: Pixels per em.
        origin: Canvas position (x, y) of the block's top-left corner.
        size: Canvas (width, height).

    Returns:
        The glyph coverage (H×W float32, 0…1) and the emoji as premultiplied RGBA
        (H×W×4 float32), each drawn only where a unit can touch the canvas.
    """
    width, height = size
    mask = Image.new("L", size)
    pen = ImageDraw.Draw(mask)
    emoji = np.zeros((height, width, 4), np.float32)
    em = max(1, round(px))
    for number, line in enumerate(block.lines):
        baseline = origin[1] + (number * block.line_spacing + BASELINE_EM) * px
        start = origin[0] + block.line_x(line, layer.align) * px
        if baseline + px < 0 or baseline - 2 * px > height:
            continue
        for x_em, unit in line.units:
            if unit.space:
                continue
            x = start + x_em * px
            if x + unit.advance * px < -px or x > width + px:
                continue
            if unit.role == "emoji":
                _paste_emoji(emoji, unit.text, x, baseline, px)
                continue
            font = main_font(layer.font, layer.weight, em)
            if unit.role == "fallback":
                font = fallback_font(em) or font
            pen.text((x, baseline), unit.text, font=font, fill=255, anchor="ls")
    return np.asarray(mask, np.float32) / 255.0, emoji


@lru_cache(maxsize=256)
def _emoji_strike(cluster: str) -> tuple[np.ndarray, int]:
    """The emoji drawn at the font's strike: premultiplied RGBA float32 and its baseline row."""
    font = emoji_font()
    assert font is not None
    width = max(1, round(font.getlength(cluster))) + 8
    image = Image.new("RGBA", (width, _EMOJI_STRIKE_HEIGHT + 16))
    baseline = 8 + 101
    ImageDraw.Draw(image).text((4, baseline), cluster, font=font, embedded_color=True, anchor="ls")
    pixels = np.asarray(image, np.float32) / 255.0
    pixels[..., :3] *= pixels[..., 3:]
    return pixels, baseline


def _paste_emoji(canvas: np.ndarray, cluster: str, x: float, baseline: float, px: float) -> None:
    import cv2

    strike, strike_baseline = _emoji_strike(cluster)
    scale = px / _EMOJI_STRIKE_HEIGHT
    # The strike's em box (ascent 101, descent 27 of 128) is centred on the CJK em box.
    baseline -= (BASELINE_EM - 0.5) * px - ((101 - 27) / 2) * scale
    factor = (1.0, 1.0)
    if scale < 1:
        # Area-shrink first so the bilinear warp does not alias the bitmap.
        size = (max(1, round(strike.shape[1] * scale)), max(1, round(strike.shape[0] * scale)))
        factor = (strike.shape[1] / size[0], strike.shape[0] / size[1])
        strike = cv2.resize(strike, size, interpolation=cv2.INTER_AREA)
    # Strike pixel i covers [i, i+1) in strike units; it lands at x + (i − 4) × scale.
    sx, sy = scale * factor[0], scale * factor[1]
    matrix = np.array(
        [
            [sx, 0.0, x - 4 * scale + 0.5 * sx - 0.5],
            [0.0, sy, baseline - strike_baseline * scale + 0.5 * sy - 0.5],
        ]
    )
    warp_over(canvas, strike, matrix)
