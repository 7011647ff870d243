"""English sentences for the engine's error codes, for the command line.

The desktop app translates the codes itself (studio/messages.py); the commands print these.
Missing figures print as "?", so a changed parameter set never crashes a report.
"""

from __future__ import annotations

from collections import defaultdict

from editor.errors import EditorError

__all__ = ["describe"]

_SENTENCES = {
    "file.not_found": "The file does not exist.",
    "file.unreadable": "The file cannot be read ({errno}).",
    "file.not_regular": "It is not a regular file (it is a {kind}).",
    "file.empty": "The file is empty.",
    "file.too_large": "The file has {size} bytes, more than the {max} allowed.",
    "image.unsupported_format": "It is not a JPEG, PNG, WebP or HEIC image.",
    "image.corrupt": "The image data is damaged or truncated.",
    "image.too_many_pixels": (
        "The image declares {width}×{height} pixels, more than the {max} allowed."
    ),
    "image.side_too_long": "The image declares {width}×{height}; no side may exceed {max}.",
    "image.too_many_frames": "The image declares {frames} frames, more than the {max} allowed.",
    "recipe.invalid": "The recipe's {field} is invalid ({reason}).",
    "recipe.too_new": "The recipe has version {version}; this program reads up to {max}.",
    "recipe.unreadable": "The recipe cannot be read: {reason}.",
    "recipe.not_json": "The recipe is not valid JSON (line {line}, column {column}).",
    "look.unknown": "The filter look {id} is not known.",
    "lut.invalid": "The filter's .cube file is invalid at line {line} ({reason}).",
    "lut.too_large": "The filter's .cube file is too large.",
    "lut.not_text": "The filter's .cube file is not UTF-8 text.",
    "output.write_failed": "The output could not be written ({reason}).",
    "render.failed": "The photo could not be rendered ({type}).",
    "sticker.unknown": "The sticker {id} is not known.",
    "sticker.invalid": "The sticker {id} is not a usable picture ({reason}).",
    "template.unknown": "There is no template file or built-in template called {name}.",
    "template.unreadable": "The template cannot be read ({reason}).",
    "template.not_json": "The template is not valid JSON (line {line}, column {column}).",
    "template.invalid": "The template's {field} is invalid ({reason}).",
    "template.too_new": "The template has version {version}; this program reads up to {max}.",
    "template.unknown_slot": "The template has no text slot {slot} (it has: {known}).",
    # video: subtitles
    "subtitles.too_large": "The subtitle file has {size} bytes, more than the {max} allowed.",
    "subtitles.encoding": "The subtitle file is not UTF-8, GB18030 or UTF-16 text.",
    "subtitles.invalid": "The subtitle file is not SRT: line {line} cannot be read.",
    "subtitles.empty": "The subtitle file has no subtitles.",
    "subtitles.too_many": "There are {count} subtitles; the video has room for {max}.",
    # video: the gate, frames and the stream-copy trim
    "video.unsupported_format": "It is not an MP4, MOV, MKV or WebM video.",
    "video.corrupt": "The video data is damaged or truncated ({reason}).",
    "video.no_video": "The file has no video track (it is sound only, or empty).",
    "audio.unsupported_format": "It is not an MP3, M4A, AAC, WAV, FLAC or Ogg sound file.",
    "audio.no_audio": "The file has no sound.",
    "video.zero_duration": "The video has no length: its track holds no frames.",
    "video.too_long": "The video lasts {seconds} s, more than the {max} s allowed.",
    "video.side_too_long": "The video is {width}×{height}; no side may exceed {max}.",
    "video.bad_span": (
        "The span {start}–{end} s is not a part of the {duration} s video "
        "(the start must come before the end, both within the video)."
    ),
    "video.output_format": "A trimmed copy can be written as {allowed}, not as {suffix}.",
    "video.copy_unsupported": (
        "The {codec} stream cannot be copied into a .{format} file unchanged; "
        "choose another container (.mkv takes any)."
    ),
    "video.cancelled": "The video job was cancelled.",
    # video: the timeline
    "video.too_many_clips": "The video can have at most {max} clips.",
    # video: export
    "video.source_missing": "The edit uses the source {source}, which was not given.",
    "video.empty_timeline": (
        "There is nothing to export: every clip starts after the end of its video."
    ),
    "video.export_format": "A video can be exported as {allowed}, not as {suffix}.",
}


def describe(error: EditorError) -> str:
    """An English sentence for an error, followed by its stable code in brackets."""
    template = _SENTENCES.get(error.code, "The file could not be processed.")
    figures = defaultdict(lambda: "?", {k: _figure(v) for k, v in error.params.items()})
    return f"{template.format_map(figures)} [{error.code}]"


def _figure(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "none"
    return str(value)
