"""A video export in a child process, so an encode never competes with the UI for the GIL and
a crash in FFmpeg takes down only the child.

The parent resolves everything the render needs that lives in its own caches (the look's
lattice, the stickers' pixels) and hands it over pickled; the child renders with nothing but
those and the source files. Progress comes back through a pipe; cancelling sets an event the
child checks every frame, and a child that does not stop in time is killed. The child is
started with "spawn": forking a process that runs Qt's threads is not safe.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from editor.errors import EditorError
from editor.layers import StickerLayer
from editor.lut import CubeLut
from editor.render import LookResolver, builtin_resolver
from editor.stickers import StickerResolver
from editor.stickers import load_builtin as builtin_stickers
from editor.video.edit import VideoEdit
from editor.video.export import ExportResult, export_video

__all__ = ["export_in_process"]

_POLL_SECONDS = 0.1
_KILL_AFTER_SECONDS = 5.0


def export_in_process(
    edit: VideoEdit,
    sources: Mapping[str, Path],
    out: Path,
    *,
    looks: LookResolver = builtin_resolver,
    stickers: StickerResolver = builtin_stickers,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """`export_video` in a child process; blocks until it ends (call it from a worker thread).

    Raises:
        EditorError: the child's own error (the gate's codes, ``video.cancelled`` …), the
            look's or stickers' codes while resolving them here, or ``video.export_crashed``
            when the child died without an answer.
    """
    luts = _resolved_look(edit, looks)
    pixels = _resolved_stickers(edit, stickers)
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    child = context.Process(
        target=_child,
        args=(edit.to_dict(), dict(sources), out, luts, pixels, sender, stop),
        name="video-export",
        daemon=True,
    )
    child.start()
    sender.close()
    try:
        return _await(child, receiver, stop, progress, cancelled)
    finally:
        receiver.close()
        if child.is_alive():
            child.join(_KILL_AFTER_SECONDS)
        if child.is_alive():
            child.kill()
            child.join()
        if child.exitcode != 0:
            _remove_partial(out)


def _remove_partial(out: Path) -> None:
    """A child that died (killed, crashed) could not remove its half-written file: it is
    the hidden one `editor.export.temporary_beside` names beside `out`."""
    for partial in out.parent.glob(f".{out.stem}.*.part"):
        partial.unlink(missing_ok=True)


def _await(
    child: Any,
    receiver: multiprocessing.connection.Connection,
    stop: Any,
    progress: Callable[[float], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ExportResult:
    while True:
        if cancelled is not None and cancelled():
            stop.set()
        if receiver.poll(_POLL_SECONDS):
            try:
                kind, value = receiver.recv()
            except EOFError:
                break
            if kind == "progress":
                if progress is not None:
                    progress(value)
            elif kind == "done":
                return value
            else:
                raise value
        elif not child.is_alive() and not receiver.poll():
            break
    raise EditorError("video.export_crashed", {"exitcode": child.exitcode})


def _resolved_look(edit: VideoEdit, looks: LookResolver) -> dict[str, CubeLut]:
    look = edit.look.filter
    if look is None or look.strength == 0.0:
        return {}
    return {look.id: looks(look.id)}


def _resolved_stickers(edit: VideoEdit, stickers: StickerResolver) -> dict[str, np.ndarray]:
    ids = {o.layer.id for o in edit.overlays if isinstance(o.layer, StickerLayer)}
    return {sticker_id: stickers(sticker_id) for sticker_id in sorted(ids)}


def _child(
    document: dict[str, Any],
    sources: dict[str, Path],
    out: Path,
    luts: dict[str, CubeLut],
    pixels: dict[str, np.ndarray],
    sender: multiprocessing.connection.Connection,
    stop: Any,
) -> None:
    try:
        result = export_video(
            VideoEdit.from_dict(document),
            sources,
            out,
            progress=lambda fraction: sender.send(("progress", fraction)),
            cancelled=stop.is_set,
            looks=lambda look_id: luts[look_id] if look_id in luts else builtin_resolver(look_id),
            stickers=lambda sticker_id: (
                pixels[sticker_id] if sticker_id in pixels else builtin_stickers(sticker_id)
            ),
        )
    except EditorError as exc:
        sender.send(("error", exc))
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one code
        sender.send(("error", EditorError("video.export_failed", {"type": type(exc).__name__})))
    else:
        sender.send(("done", result))
    finally:
        sender.close()
