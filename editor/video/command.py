"""The ``video`` commands: probe, stream-copy trim and export, for scripts and batch work.

- ``python main.py video probe IN`` prints what the gate learned as JSON (exit 1 if refused).
- ``python main.py video trim IN --start S --end E -o OUT`` cuts without re-encoding; the cut
  starts at the keyframe at or before S, and the line printed says where.
- ``python main.py video export IN --recipe R.json -o OUT`` renders a video edit
  (docs/video.md) into an H.264/AAC MP4 at the platform's size, printing progress on stderr.
  IN is the source the edit's clips name ``""``; other sources (more clips, music) are named
  with ``--source KEY=PATH``, and ``--music PATH`` is short for ``--source music=PATH`` plus a
  music section if the edit has none.

Failures print one line on stderr, an English sentence and the error's stable code in
brackets. Exit status: 0 done; 1 failed; 2 usage.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from editor.batch import file_resolver, read_document
from editor.errors import EditorError
from editor.sentences import describe
from editor.video.edit import Music, VideoEdit
from editor.video.export import export_video
from editor.video.probe import probe_video
from editor.video.trim import trim_copy

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "export_command",
    "probe_command",
    "trim_command",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
_MUSIC_KEY = "music"


def probe_command(source: str, *, stdout: TextIO, stderr: TextIO) -> int:
    """Print the source's `VideoInfo` as JSON."""
    try:
        info = probe_video(Path(source))
    except EditorError as exc:
        return _failed("probe", exc, stderr)
    print(json.dumps(info.to_dict(), ensure_ascii=False, indent=2), file=stdout)
    return EXIT_OK


def trim_command(
    source: str, start: float, end: float, out: str, *, stdout: TextIO, stderr: TextIO
) -> int:
    """Cut [start, end) out of `source` by stream copy."""
    try:
        result = trim_copy(Path(source), start, end, Path(out))
    except EditorError as exc:
        return _failed("trim", exc, stderr)
    moved = (
        "" if abs(result.start - start) < 1e-3 else f" (from the keyframe at {result.start:.3f} s)"
    )
    print(
        f"wrote {result.path}: {result.duration:.3f} s{moved}, stream copy (no re-encode)",
        file=stdout,
    )
    return EXIT_OK


def parse_sources(items: Sequence[str]) -> dict[str, Path]:
    """``["intro=a.mp4", "music=song.m4a"]`` → ``{"intro": Path("a.mp4"), …}``.

    Raises:
        ValueError: an item without ``=`` or with an empty key.
    """
    sources: dict[str, Path] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value:
            raise ValueError(f"--source must look like KEY=PATH, not {item!r}.")
        sources[key.strip()] = Path(value)
    return sources


def export_command(
    source: str,
    recipe: str,
    out: str,
    *,
    extra_sources: Sequence[str] = (),
    music: str | None = None,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Render the video edit in `recipe` over `source` (and the named extra sources)."""
    try:
        sources = {"": Path(source), **parse_sources(extra_sources)}
    except ValueError as exc:
        print(f"video export: {exc}", file=stderr)
        return EXIT_USAGE
    recipe_path = Path(recipe)
    progress = _ProgressLine(stderr)
    try:
        edit = VideoEdit.from_dict(read_document(recipe_path))
        if music is not None:
            sources[_MUSIC_KEY] = Path(music)
            edit = replace(edit, music=replace(edit.music or Music(_MUSIC_KEY), source=_MUSIC_KEY))
        result = export_video(
            edit,
            sources,
            Path(out),
            progress=progress,
            looks=file_resolver(recipe_path.parent),
        )
    except EditorError as exc:
        progress.end_line()
        return _failed("export", exc, stderr)
    progress.end_line()
    how = "stream copy (no re-encode)" if result.stream_copy else "H.264/AAC"
    print(
        f"wrote {result.path}: {result.width}×{result.height}, {result.duration:.2f} s, "
        f"{result.bytes} bytes, {how}",
        file=stdout,
    )
    return EXIT_OK


class _ProgressLine:
    """Whole percents on one stderr line, rewritten in place."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._shown = -1

    def __call__(self, fraction: float) -> None:
        percent = int(fraction * 100)
        if percent != self._shown:
            self._shown = percent
            print(f"\rexporting… {percent:3d}%", end="", file=self._stream, flush=True)

    def end_line(self) -> None:
        if self._shown >= 0:
            print(file=self._stream)


def _failed(command: str, error: EditorError, stderr: TextIO) -> int:
    print(f"video {command}: {describe(error)}", file=stderr)
    return EXIT_FAILED
