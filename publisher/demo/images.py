"""The demo's pictures and videos: drawn here, stored through the upload gate like any upload.

Every picture is a soft two-colour gradient with blurred light spots and a flat illustration of
its field (a lipstick, a bowl, mountains, a dumbbell, a potted plant); a cover adds its field's
label, a big CJK title on a card and a small "演示数据" mark, so nobody mistakes it for a real
note. Pictures are 3:4 at 1080×1440, as the platform recommends; a video is a cover slowly
zooming in, silent, H.264 at 720×960.

Drawing one takes ~15 ms and storing it (the gate's probe, the thumbnail, the commit) as much
again, so `MediaMaker` draws each distinct picture once and hands out its sha256 after that:
a demo world of any size holds at most a few hundred files.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from fractions import Fraction

import av
import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from sqlalchemy.orm import Session

from editor.export import encode_jpeg
from editor.text import main_font
from publisher.config import ServerSettings
from publisher.db.models import User
from publisher.demo.content import BEAUTY, Field
from publisher.media_store import MediaStore
from publisher.services.media import store_upload

WIDTH, HEIGHT = 1080, 1440
VIDEO_WIDTH, VIDEO_HEIGHT = 720, 960
VIDEO_FPS = 8
JPEG_QUALITY = 88
DEMO_MARK = "演示数据 · Zhongcao Studio"
_INK = (38, 34, 40)
_CARD = (255, 255, 255, 226)

RGB = tuple[int, int, int]


def _rgb(hex_colour: str) -> RGB:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _background(top: RGB, bottom: RGB, accent: RGB, rng: np.random.Generator) -> Image.Image:
    """A diagonal gradient (light from the top left, deeper below) with soft out-of-focus
    circles, drawn at a sixth of the size, blurred and scaled up: smooth, and fast."""
    w, h = WIDTH // 6, HEIGHT // 6
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    tilt = float(rng.uniform(0.15, 0.45))
    t = ((y / h + tilt * x / w) / (1 + tilt))[..., None]
    colours = np.asarray(top, np.float32) * (1 - t) + np.asarray(bottom, np.float32) * t
    small = Image.fromarray(colours.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(small, "RGBA")
    for _ in range(int(rng.integers(4, 8))):
        r = float(rng.uniform(12, 48))
        cx, cy = float(rng.uniform(0, w)), float(rng.uniform(0, h))
        colour = (255, 255, 255) if rng.random() < 0.6 else accent
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*colour, int(rng.integers(40, 110))))
    blurred = small.filter(ImageFilter.GaussianBlur(6))
    return blurred.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)


def _illustrate(image: Image.Image, key: str, accent: RGB, rng: np.random.Generator) -> None:
    """A flat drawing of the field in the lower half: what the photo would show."""
    draw = ImageDraw.Draw(image, "RGBA")
    cx = WIDTH * float(rng.uniform(0.38, 0.62))
    base = HEIGHT * float(rng.uniform(0.8, 0.86))
    solid, soft, white = (*accent, 235), (*accent, 120), (255, 255, 255, 230)
    if key == "beauty":
        draw.rounded_rectangle((cx - 70, base - 330, cx + 70, base), 26, fill=solid)
        draw.rounded_rectangle((cx - 58, base - 470, cx + 58, base - 330), 18, fill=white)
        draw.chord((cx - 58, base - 540, cx + 58, base - 400), 180, 360, fill=soft)
        draw.ellipse((cx + 120, base - 190, cx + 310, base), fill=white, outline=solid, width=10)
    elif key == "food":
        draw.ellipse((cx - 330, base - 120, cx + 330, base + 60), fill=white)
        draw.chord((cx - 240, base - 300, cx + 240, base + 20), 0, 180, fill=solid)
        for offset in (-90, 0, 90):
            x = cx + offset
            draw.arc((x - 30, base - 470, x + 30, base - 330), 100, 260, fill=white, width=10)
    elif key == "travel":
        draw.ellipse((cx + 120, base - 620, cx + 300, base - 440), fill=(255, 244, 214, 235))
        draw.polygon([(cx - 460, base), (cx - 120, base - 430), (cx + 220, base)], fill=soft)
        draw.polygon([(cx - 200, base), (cx + 150, base - 330), (cx + 520, base)], fill=solid)
        draw.rectangle((0, base, WIDTH, base + 40), fill=white)
    elif key == "fitness":
        draw.rounded_rectangle((cx - 250, base - 130, cx + 250, base - 100), 12, fill=white)
        for side in (-1, 1):
            x = cx + side * 200
            draw.rounded_rectangle((x - 40, base - 230, x + 40, base), 22, fill=solid)
            x += side * 70
            draw.rounded_rectangle((x - 25, base - 190, x + 25, base - 40), 14, fill=soft)
    else:  # home: a window and a potted plant
        draw.rounded_rectangle(
            (cx - 380, base - 460, cx - 20, base - 100), 16, outline=white, width=16
        )
        draw.line((cx - 200, base - 460, cx - 200, base - 100), fill=white, width=12)
        pot = [(cx + 80, base - 180), (cx + 300, base - 180), (cx + 260, base), (cx + 120, base)]
        draw.polygon(pot, fill=solid)
        for index, (dx, dy) in enumerate(((-80, -300), (0, -390), (80, -310), (-20, -250))):
            x, y = cx + 190 + dx, base + dy
            draw.ellipse((x - 55, y - 90, x + 55, y + 90), fill=soft if index % 2 else solid)


def _picture(field: Field, palette_index: int, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    top, bottom, accent = (_rgb(c) for c in field.palettes[palette_index % len(field.palettes)])
    image = _background(top, bottom, accent, rng)
    _illustrate(image, field.key, accent, rng)
    return image


def _text_width(draw: ImageDraw.ImageDraw, text: str, px: int) -> float:
    return draw.textlength(text, font=main_font("sans", "bold", px))


def _title(image: Image.Image, text: str, accent: RGB) -> None:
    """The cover's big title on a white card, as large as the card allows, with a marker
    stroke of the field's colour under the first line."""
    lines = text.split("\n")
    draw = ImageDraw.Draw(image, "RGBA")
    px = 132
    while px > 60 and max(_text_width(draw, line, px) for line in lines) > WIDTH - 220:
        px -= 6
    font = main_font("sans", "bold", px)
    line_height = round(px * 1.3)
    top = 250
    card = (70, top - 60, WIDTH - 70, top + line_height * len(lines) + 40)
    draw.rounded_rectangle(card, 48, fill=_CARD)
    first = _text_width(draw, lines[0], px)
    marker_y = top + round(px * 0.78)
    draw.rounded_rectangle(
        ((WIDTH - first) / 2 - 10, marker_y, (WIDTH + first) / 2 + 10, marker_y + px * 0.32),
        12,
        fill=(*accent, 150),
    )
    for index, line in enumerate(lines):
        draw.text((WIDTH / 2, top + index * line_height), line, font=font, fill=_INK, anchor="mt")


def _label(image: Image.Image, text: str, accent: RGB) -> None:
    draw = ImageDraw.Draw(image)
    font = main_font("sans", "bold", 44)
    width = draw.textlength(text, font=font)
    draw.rounded_rectangle((70, 70, 70 + width + 60, 150), 40, fill=accent)
    draw.text((100, 110), text, font=font, fill=(255, 255, 255), anchor="lm")


def _mark(image: Image.Image) -> None:
    draw = ImageDraw.Draw(image, "RGBA")
    font = main_font("sans", "regular", 30)
    draw.text(
        (WIDTH - 50, HEIGHT - 46), DEMO_MARK, font=font, fill=(255, 255, 255, 210), anchor="rs"
    )


def draw_cover(field: Field, text: str, palette_index: int, seed: int) -> Image.Image:
    """A cover: the field's picture with its label, `text` big on a card, and the demo mark."""
    image = _picture(field, palette_index, seed)
    accent = _rgb(field.palettes[palette_index % len(field.palettes)][2])
    _label(image, field.tag, accent)
    _title(image, text, accent)
    _mark(image)
    return image


def draw_photo(field: Field, palette_index: int, seed: int) -> Image.Image:
    """One of a note's further pictures: the field's picture and the demo mark, no text."""
    image = _picture(field, palette_index, seed)
    _mark(image)
    return image


def draw_product(name: str, price_fen: int, seed: int) -> Image.Image:
    """A product shot: the beauty picture in the brand's colours with the name and price."""
    image = _picture(BEAUTY, 0, seed)
    draw = ImageDraw.Draw(image)
    draw.text((WIDTH / 2, 200), name, font=main_font("sans", "bold", 64), fill=_INK, anchor="mt")
    price = f"¥{price_fen // 100}"
    accent = _rgb(BEAUTY.palettes[0][2])
    draw.text((WIDTH / 2, 300), price, font=main_font("sans", "bold", 56), fill=accent, anchor="mt")
    _mark(image)
    return image


def draw_logo(name: str) -> Image.Image:
    """A brand's square logo: its name on a disc of the beauty field's colour."""
    size = 512
    image = Image.new("RGB", (size, size), _rgb(BEAUTY.palettes[0][0]))
    draw = ImageDraw.Draw(image)
    draw.ellipse((32, 32, size - 32, size - 32), fill=_rgb(BEAUTY.palettes[0][2]))
    font = main_font("sans", "bold", 120 if len(name) <= 3 else 90)
    draw.text((size / 2, size / 2), name, font=font, fill=(255, 255, 255), anchor="mm")
    return image


def jpeg(image: Image.Image) -> bytes:
    return encode_jpeg(np.asarray(image), JPEG_QUALITY)


def encode_video(cover: Image.Image, seconds: int) -> bytes:
    """The cover zooming in slowly for `seconds`: a silent H.264 MP4 at 720×960."""
    frames = seconds * VIDEO_FPS
    pixels = np.asarray(cover)
    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=VIDEO_FPS, options={"preset": "ultrafast"})
        stream.width, stream.height = VIDEO_WIDTH, VIDEO_HEIGHT
        stream.pix_fmt = "yuv420p"
        for index in range(frames):
            zoom = 1 + 0.12 * index / max(1, frames - 1)
            w, h = round(WIDTH / zoom), round(HEIGHT / zoom)
            left, top = (WIDTH - w) // 2, (HEIGHT - h) // 3
            crop = pixels[top : top + h, left : left + w]
            picture = cv2.resize(crop, (VIDEO_WIDTH, VIDEO_HEIGHT), interpolation=cv2.INTER_LINEAR)
            frame = av.VideoFrame.from_ndarray(np.asarray(picture, np.uint8), format="rgb24")
            frame.pts = index
            frame.time_base = Fraction(1, VIDEO_FPS)
            container.mux(stream.encode(frame))
        container.mux(stream.encode())
    return out.getvalue()


class MediaMaker:
    """Draws the demo's media on first use and stores each once, as `user`'s uploads."""

    def __init__(
        self, session: Session, user: User, store: MediaStore, settings: ServerSettings
    ) -> None:
        self._session = session
        self._user = user
        self._store = store
        self._settings = settings
        self._stored: dict[tuple, str] = {}

    @property
    def count(self) -> int:
        """How many files this world stored."""
        return len(self._stored)

    def cover(self, field: Field, text: str, palette_index: int) -> str:
        key = ("cover", field.key, text, palette_index)
        return self._once(
            key, lambda: jpeg(draw_cover(field, text, palette_index, len(self._stored)))
        )

    def photo(self, field: Field, index: int) -> str:
        key = ("photo", field.key, index)
        return self._once(key, lambda: jpeg(draw_photo(field, index, 1000 + index)))

    def product(self, name: str, price_fen: int, index: int) -> str:
        key = ("product", name)
        return self._once(key, lambda: jpeg(draw_product(name, price_fen, 2000 + index)))

    def logo(self, name: str) -> str:
        return self._once(("logo", name), lambda: jpeg(draw_logo(name)))

    def video(self, field: Field, text: str, seconds: int) -> str:
        key = ("video", field.key, text, seconds)
        return self._once(key, lambda: encode_video(draw_cover(field, text, 0, 3000), seconds))

    def _once(self, key: tuple, make: Callable[[], bytes]) -> str:
        sha256 = self._stored.get(key)
        if sha256 is None:
            asset = store_upload(
                self._session,
                self._user,
                self._store,
                io.BytesIO(make()),
                max_bytes=self._settings.max_upload_bytes,
                max_video_bytes=self._settings.max_video_upload_bytes,
            )
            sha256 = self._stored[key] = asset.sha256
        return sha256
