"""A video edit as data: the clips, frame, look, overlays, music and cover of one video note.

Like a photo recipe (`editor.recipe`), a video edit is a versioned JSON document applied to
immutable originals, checked and clamped on the way in (refusals are ``recipe.invalid`` with
the field), and rendered the same way in the app's preview, the export and on the command line.
Its parts, in the order they are applied:

- `clips`: the output timeline, in order. Each clip is a span ``[start, end)`` of a source
  (seconds in that source), played at `speed` (0.5×–2×) with its sound kept at its pitch or
  muted. Several clips may come from one source (a split) or from several (more videos).
- `frame`: the output's shape, 3:4, 9:16 or 1:1 at the platform's size — a crop window the
  creator moves (`x`, `y` place it, `zoom` tightens it) or the whole picture fitted over a
  blurred, filled copy of itself. None keeps the picture as shot (the nearest platform shape,
  centre-cropped), which is what lets a plain trim be a stream copy.
- `look`: the photo editor's look (adjust, curves, filter) on every frame.
- `overlays`: text and sticker layers (`editor.layers`), each shown from `start` to `end` on
  the output timeline; subtitles imported from SRT are overlays marked `subtitle`.
- `music`: an audio track mixed under the original sound, with its own volume and fades;
  `original_volume` scales the clips' sound.
- `cover`: a time on the output timeline, or an uploaded image (a frame made into a cover
  with a template).

Sources are named by key: the app uses media sha256s; the command line calls its input ``""``
(the default of a clip) and names any other file on its command line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from editor.checks import flag, invalid, known_keys, mapping, number
from editor.errors import EditorError
from editor.layers import Layer, layer_to_dict, layers_from_list
from editor.recipe import Recipe

__all__ = [
    "MAX_CLIPS",
    "MAX_OVERLAYS",
    "OUTPUT_FPS",
    "OUTPUT_SIZES",
    "VIDEO_EDIT_VERSION",
    "Clip",
    "Cover",
    "Frame",
    "Music",
    "Overlay",
    "Placed",
    "VideoEdit",
]

VIDEO_EDIT_VERSION = 1
OUTPUT_FPS = 30
Aspect = Literal["3:4", "9:16", "1:1"]
OUTPUT_SIZES: dict[str, tuple[int, int]] = {
    "3:4": (1080, 1440),
    "9:16": (1080, 1920),
    "1:1": (1080, 1080),
}
FrameMode = Literal["crop", "fit"]
MAX_CLIPS = 100
MAX_OVERLAYS = 500
"""Room for the subtitles of a long video (an SRT line per overlay) and its titles."""
MIN_CLIP_SECONDS = 0.1
MAX_SECONDS = 4 * 3600.0
"""No source or output is longer than the platform's longest video."""
_SOURCE_KEY = re.compile(r"^[A-Za-z0-9_.:-]{0,100}$")


def _seconds(value: Any, where: str) -> float:
    return number(value, where, 0.0, MAX_SECONDS)


def _source(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _SOURCE_KEY.match(value):
        raise invalid(where, "bad_source")
    return value


@dataclass(frozen=True)
class Clip:
    """A span of a source on the output timeline. `end` None plays to the source's end."""

    source: str = ""
    start: float = 0.0
    end: float | None = None
    speed: float = 1.0
    mute: bool = False

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Clip:
        data = mapping(data, where)
        known_keys(data, {"source", "start", "end", "speed", "mute"}, where)
        start = _seconds(data.get("start", 0.0), f"{where}.start")
        end = data.get("end")
        if end is not None:
            end = _seconds(end, f"{where}.end")
            if end - start < MIN_CLIP_SECONDS:
                raise invalid(f"{where}.end", "too_short", min=MIN_CLIP_SECONDS)
        return cls(
            source=_source(data.get("source", ""), f"{where}.source"),
            start=start,
            end=end,
            speed=number(data.get("speed", 1.0), f"{where}.speed", 0.5, 2.0),
            mute=flag(data.get("mute", False), f"{where}.mute"),
        )

    def to_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {"start": self.start}
        if self.source:
            document["source"] = self.source
        if self.end is not None:
            document["end"] = self.end
        if self.speed != 1.0:
            document["speed"] = self.speed
        if self.mute:
            document["mute"] = True
        return document

    def span(self, source_duration: float) -> tuple[float, float]:
        """[start, end) in the source, clamped to a source of `source_duration` seconds."""
        end = source_duration if self.end is None else min(self.end, source_duration)
        start = min(self.start, end)
        return start, end


@dataclass(frozen=True)
class Frame:
    """The output's shape and how the picture fills it."""

    aspect: Aspect = "9:16"
    mode: FrameMode = "crop"
    x: float = 0.5
    """Where the crop window sits across the room it has: 0 at the left edge, 1 at the right."""
    y: float = 0.5
    zoom: float = 1.0
    """1 is the largest window of the aspect inside the picture; 2 is half as wide."""

    @classmethod
    def from_dict(cls, data: Any) -> Frame:
        data = mapping(data, "frame")
        known_keys(data, {"aspect", "mode", "x", "y", "zoom"}, "frame")
        aspect = data.get("aspect", "9:16")
        if aspect not in OUTPUT_SIZES:
            raise invalid("frame.aspect", "not_allowed", allowed=list(OUTPUT_SIZES))
        mode = data.get("mode", "crop")
        if mode not in get_args(FrameMode):
            raise invalid("frame.mode", "not_allowed", allowed=list(get_args(FrameMode)))
        return cls(
            aspect=aspect,
            mode=mode,
            x=number(data.get("x", 0.5), "frame.x", 0.0, 1.0),
            y=number(data.get("y", 0.5), "frame.y", 0.0, 1.0),
            zoom=number(data.get("zoom", 1.0), "frame.zoom", 1.0, 4.0),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "aspect": self.aspect,
            "mode": self.mode,
            "x": self.x,
            "y": self.y,
            "zoom": self.zoom,
        }

    @property
    def size(self) -> tuple[int, int]:
        """The platform's export size for this shape."""
        return OUTPUT_SIZES[self.aspect]


@dataclass(frozen=True)
class Overlay:
    """A text or sticker layer shown on the output timeline from `start` to `end`."""

    start: float
    end: float
    layer: Layer
    subtitle: bool = False
    """Imported from subtitles (SRT): re-importing replaces these and only these."""

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Overlay:
        data = mapping(data, where)
        known_keys(data, {"start", "end", "layer", "subtitle"}, where)
        start = _seconds(data.get("start", 0.0), f"{where}.start")
        end = _seconds(data.get("end", start + 3.0), f"{where}.end")
        if end <= start:
            raise invalid(f"{where}.end", "before_start")
        if "layer" not in data:
            raise invalid(f"{where}.layer", "missing")
        (layer,) = _layers([data["layer"]], f"{where}.layer")
        return cls(
            start=start,
            end=end,
            layer=layer,
            subtitle=flag(data.get("subtitle", False), f"{where}.subtitle"),
        )

    def to_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "layer": layer_to_dict(self.layer),
        }
        if self.subtitle:
            document["subtitle"] = True
        return document

    def shown_at(self, t: float) -> bool:
        return self.start <= t < self.end


def _layers(items: list[Any], where: str) -> tuple[Layer, ...]:
    """One layer parsed by the photo recipe's own layer checks, its errors renamed to `where`."""

    try:
        return layers_from_list(items)
    except EditorError as exc:
        params = dict(exc.params)
        field_name = str(params.pop("field", "")).removeprefix("layers[0]")
        raise invalid(where + field_name, params.pop("reason", "invalid"), **params) from None


@dataclass(frozen=True)
class Music:
    """An audio track under the video: from `offset` seconds into the source, faded in and out
    at the output's start and end."""

    source: str
    offset: float = 0.0
    volume: float = 1.0
    fade_in: float = 0.0
    fade_out: float = 0.0

    @classmethod
    def from_dict(cls, data: Any) -> Music:
        data = mapping(data, "music")
        known_keys(data, {"source", "offset", "volume", "fade_in", "fade_out"}, "music")
        if "source" not in data:
            raise invalid("music.source", "missing")
        return cls(
            source=_source(data["source"], "music.source"),
            offset=_seconds(data.get("offset", 0.0), "music.offset"),
            volume=number(data.get("volume", 1.0), "music.volume", 0.0, 2.0),
            fade_in=number(data.get("fade_in", 0.0), "music.fade_in", 0.0, 10.0),
            fade_out=number(data.get("fade_out", 0.0), "music.fade_out", 0.0, 10.0),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "offset": self.offset,
            "volume": self.volume,
            "fade_in": self.fade_in,
            "fade_out": self.fade_out,
        }


_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Cover:
    """The note's cover: a frame at `time` on the output timeline, or an uploaded image."""

    time: float = 0.0
    sha256: str | None = None

    @classmethod
    def from_dict(cls, data: Any) -> Cover:
        data = mapping(data, "cover")
        known_keys(data, {"time", "sha256"}, "cover")
        sha256 = data.get("sha256")
        if sha256 is not None and (not isinstance(sha256, str) or not _SHA256.match(sha256)):
            raise invalid("cover.sha256", "bad_sha256")
        return cls(time=_seconds(data.get("time", 0.0), "cover.time"), sha256=sha256)

    def to_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {"time": self.time}
        if self.sha256 is not None:
            document["sha256"] = self.sha256
        return document


@dataclass(frozen=True)
class Placed:
    """A clip resolved against its source's duration: where it plays in the source and on the
    output timeline."""

    index: int
    clip: Clip
    source_start: float
    source_end: float
    out_start: float
    out_end: float

    def source_time(self, t: float) -> float:
        """The source time shown at output time `t` (within this clip)."""
        return self.source_start + (t - self.out_start) * self.clip.speed


@dataclass(frozen=True)
class VideoEdit:
    clips: tuple[Clip, ...] = (Clip(),)
    frame: Frame | None = None
    look: Recipe = field(default_factory=Recipe)
    overlays: tuple[Overlay, ...] = ()
    music: Music | None = None
    original_volume: float = 1.0
    cover: Cover | None = None

    @classmethod
    def from_dict(cls, data: Any) -> VideoEdit:
        """Check and normalise a video edit document; raises EditorError("recipe.invalid")
        with the field, or ``recipe.too_new``."""

        data = mapping(data, "")
        known_keys(
            data,
            {"version", "clips", "frame", "look", "overlays", "music", "original_volume", "cover"},
            "",
        )
        version = data.get("version", VIDEO_EDIT_VERSION)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise invalid("version", "not_an_integer")
        if version > VIDEO_EDIT_VERSION:
            raise EditorError("recipe.too_new", {"version": version, "max": VIDEO_EDIT_VERSION})
        clips = _items(data.get("clips", [{}]), "clips", MAX_CLIPS, Clip.from_dict)
        if not clips:
            raise invalid("clips", "empty")
        overlays = _items(data.get("overlays", []), "overlays", MAX_OVERLAYS, Overlay.from_dict)
        look = data.get("look")
        return cls(
            clips=clips,
            frame=None if data.get("frame") is None else Frame.from_dict(data["frame"]),
            look=Recipe() if look is None else Recipe.from_dict(look).look(),
            overlays=overlays,
            music=None if data.get("music") is None else Music.from_dict(data["music"]),
            original_volume=number(data.get("original_volume", 1.0), "original_volume", 0.0, 2.0),
            cover=None if data.get("cover") is None else Cover.from_dict(data["cover"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON document, leaving out what is at its default."""
        document: dict[str, Any] = {
            "version": VIDEO_EDIT_VERSION,
            "clips": [clip.to_dict() for clip in self.clips],
        }
        if self.frame is not None:
            document["frame"] = self.frame.to_dict()
        if not self.look.is_identity:
            document["look"] = self.look.to_dict()
        if self.overlays:
            document["overlays"] = [overlay.to_dict() for overlay in self.overlays]
        if self.music is not None:
            document["music"] = self.music.to_dict()
        if self.original_volume != 1.0:
            document["original_volume"] = self.original_volume
        if self.cover is not None:
            document["cover"] = self.cover.to_dict()
        return document

    @property
    def is_plain_trim(self) -> bool:
        """True when the edit only cuts one span out of one source: a stream copy can make it
        (cut at keyframes), with no re-encode and no quality loss."""
        if len(self.clips) != 1:
            return False
        (clip,) = self.clips
        return (
            clip.speed == 1.0
            and not clip.mute
            and self.frame is None
            and self.look.is_identity
            and not self.overlays
            and self.music is None
            and self.original_volume == 1.0
        )

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source key the edit reads, clips first, in order, once each."""
        keys = [clip.source for clip in self.clips]
        if self.music is not None:
            keys.append(self.music.source)
        return tuple(dict.fromkeys(keys))

    def placed(self, durations: Mapping[str, float]) -> list[Placed]:
        """The clips on the output timeline, given each source's duration in seconds. A clip
        that starts past its source's end plays nothing and is left out."""
        out: list[Placed] = []
        t = 0.0
        for index, clip in enumerate(self.clips):
            start, end = clip.span(durations[clip.source])
            if end - start <= 0:
                continue
            length = (end - start) / clip.speed
            out.append(Placed(index, clip, start, end, t, t + length))
            t += length
        return out

    def duration(self, durations: Mapping[str, float]) -> float:
        """The output's length in seconds."""
        placed = self.placed(durations)
        return placed[-1].out_end if placed else 0.0

    def overlays_at(self, t: float) -> tuple[Layer, ...]:
        """The layers shown at output time `t`, bottom first."""
        return tuple(overlay.layer for overlay in self.overlays if overlay.shown_at(t))


def _items(value: Any, where: str, limit: int, parse: Any) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise invalid(where, "not_a_list")
    if len(value) > limit:
        raise invalid(where, "too_many", max=limit)
    return tuple(parse(item, f"{where}[{index}]") for index, item in enumerate(value))
