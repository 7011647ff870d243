"""SRT subtitles made into timed text overlays of a video edit.

Real SRT files are messy: Chinese ones are as often GB18030 as UTF-8, some carry a BOM or are
UTF-16, players' tags (``<i>``, ``<font color=…>``, ``{\\an8}``) sit in the text, cues overlap
by a few frames or come out of order. `read_srt` takes all of that and gives clean cues — plain
text within a text layer's limits, sorted, one shown at a time — or refuses the file with a
``subtitles.*`` code. `subtitle_overlays` dresses the cues in a subtitle style and
`with_subtitles` puts them in an edit, replacing the subtitles imported before.

Cue times are on the output timeline: an SRT is written against the finished video.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import srt

from editor.errors import EditorError
from editor.layers import MAX_LINES, MAX_TEXT_LENGTH, Stroke, TextLayer
from editor.video.edit import MAX_OVERLAYS, MAX_SECONDS, Overlay, VideoEdit

__all__ = [
    "MAX_SRT_BYTES",
    "SUBTITLE_STYLE",
    "Cue",
    "read_srt",
    "subtitle_overlays",
    "with_subtitles",
]

MAX_SRT_BYTES = 2 * 1024 * 1024
"""A four-hour film's SRT is a few hundred kilobytes; more is not a subtitle file."""

SUBTITLE_STYLE = TextLayer(
    text="字幕",
    weight="bold",
    size=0.04,
    color="#FFFFFF",
    stroke=Stroke(width=0.12, color="#000000CC"),
    y=0.85,
    max_width=0.9,
)
"""White on a dark outline in the lower third: readable over any picture."""

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_TAGS = re.compile(r"</?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SAME_START = 0.001  # seconds: cues starting together are one cue
_ELLIPSIS = "…"


@dataclass(frozen=True)
class Cue:
    """A subtitle: plain `text` (lines separated by ``\\n``) shown from `start` to `end`
    seconds."""

    start: float
    end: float
    text: str


def read_srt(data: bytes) -> list[Cue]:
    """The cues of an SRT file, sorted by time, overlaps cut so one shows at a time.

    Empty cues and cues of no duration are skipped; text longer than a text layer takes is cut.

    Raises:
        EditorError: ``subtitles.too_large`` ({size, max}), ``subtitles.encoding`` (not UTF-8,
            GB18030 or UTF-16 text), ``subtitles.invalid`` ({line}: the first line that is not
            SRT), ``subtitles.empty`` (no cue with text) or ``subtitles.too_many``
            ({count, max}).
    """
    if len(data) > MAX_SRT_BYTES:
        raise EditorError("subtitles.too_large", {"size": len(data), "max": MAX_SRT_BYTES})
    text = _decode(data)
    try:
        parsed = list(srt.parse(text))
    except srt.SRTParseError as exc:
        skipped = len(exc.unmatched_content) - len(exc.unmatched_content.lstrip())
        line = text.count("\n", 0, exc.expected_start + skipped) + 1
        raise EditorError("subtitles.invalid", {"line": line}) from None
    cues = [
        Cue(subtitle.start.total_seconds(), subtitle.end.total_seconds(), _plain(subtitle.content))
        for subtitle in parsed
    ]
    cues = _one_at_a_time([cue for cue in cues if cue.text and cue.start < MAX_SECONDS])
    if not cues:
        raise EditorError("subtitles.empty")
    if len(cues) > MAX_OVERLAYS:
        raise EditorError("subtitles.too_many", {"count": len(cues), "max": MAX_OVERLAYS})
    return [replace(cue, text=_capped(cue.text)) for cue in cues]


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            candidates: tuple[str, ...] = (encoding,)
            break
    else:
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise EditorError("subtitles.encoding")


def _plain(content: str) -> str:
    """The cue's text without tags, control characters or blank lines."""
    text = _CONTROL.sub(" ", _TAGS.sub("", content.replace("\r", "\n")))
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _one_at_a_time(cues: list[Cue]) -> list[Cue]:
    """Sorted cues, those starting together joined, each ended where the next begins."""
    joined: list[Cue] = []
    for cue in sorted(cues, key=lambda c: (c.start, c.end)):
        if joined and cue.start - joined[-1].start < _SAME_START:
            last = joined[-1]
            # Past the length a layer takes the text is cut anyway: stop growing it.
            text = last.text if len(last.text) > MAX_TEXT_LENGTH else f"{last.text}\n{cue.text}"
            joined[-1] = Cue(last.start, max(last.end, cue.end), text)
        else:
            joined.append(cue)
    if not joined:
        return []
    limits = [cue.start for cue in joined[1:]] + [MAX_SECONDS]
    return [
        replace(cue, end=min(cue.end, limit))
        for cue, limit in zip(joined, limits, strict=True)
        if min(cue.end, limit) > cue.start
    ]


def _capped(text: str) -> str:
    """`text` cut to a text layer's line and length limits, an ellipsis marking the cut."""
    kept = "\n".join(text.split("\n")[: MAX_LINES + 1])
    if kept == text and len(text) <= MAX_TEXT_LENGTH:
        return text
    return kept[: MAX_TEXT_LENGTH - len(_ELLIPSIS)].rstrip() + _ELLIPSIS


def subtitle_overlays(cues: list[Cue], style: TextLayer | None = None) -> tuple[Overlay, ...]:
    """One subtitle overlay per cue, its text drawn in `style`'s look (by default
    `SUBTITLE_STYLE`)."""
    look = SUBTITLE_STYLE if style is None else style
    return tuple(
        Overlay(start=cue.start, end=cue.end, layer=replace(look, text=cue.text), subtitle=True)
        for cue in cues
    )


def with_subtitles(edit: VideoEdit, overlays: tuple[Overlay, ...]) -> VideoEdit:
    """`edit` with `overlays` as its subtitles, in place of those imported before; its other
    overlays stay, under the subtitles.

    Raises:
        EditorError: ``subtitles.too_many`` ({count, max}) when the subtitles do not fit beside
            the edit's other overlays.
    """
    kept = tuple(overlay for overlay in edit.overlays if not overlay.subtitle)
    room = MAX_OVERLAYS - len(kept)
    if len(overlays) > room:
        raise EditorError("subtitles.too_many", {"count": len(overlays), "max": room})
    marked = tuple(replace(overlay, subtitle=True) for overlay in overlays)
    return replace(edit, overlays=kept + marked)
