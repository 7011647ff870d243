"""The ``template render`` command: one template, the user's photos and texts, one JPEG.

``python main.py template render TEMPLATE --photo A.jpg … --text title=… -o OUT.jpg``

TEMPLATE is a template file or a built-in template's name (``collage_4``). The output is a new
file: an existing OUT.jpg is kept and the cover is written as ``OUT-2.jpg`` (the path written is
printed). Exit status: 0 written; 1 failed, with one line on stderr: an English sentence and
the error's stable code in brackets; 2 usage (a ``--text`` without ``=``, a bad ``--width`` or
``--quality``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from editor.errors import EditorError
from editor.export import encode_jpeg, write_new_file
from editor.sentences import describe
from editor.templates import MAX_SIDE, load_template, render_template

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "UsageError", "parse_texts", "render_command"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A problem with the command itself: reported in one line, exit status 2."""


def parse_texts(items: Sequence[str]) -> dict[str, str]:
    """``["title=周末", "price=¥39"]`` → ``{"title": "周末", "price": "¥39"}``."""
    texts: dict[str, str] = {}
    for item in items:
        slot, sep, value = item.partition("=")
        if not sep or not slot.strip():
            raise UsageError(f"--text must look like SLOT=TEXT, not {item!r}.")
        texts[slot.strip()] = value.replace("\\n", "\n")
    return texts


def render_command(
    template: str,
    photos: Sequence[str],
    texts: Sequence[str],
    out: str,
    *,
    width: int | None = None,
    quality: int = 90,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Run the command; returns the exit status."""
    try:
        parsed = parse_texts(texts)
        if width is not None and not 1 <= width <= MAX_SIDE:
            raise UsageError(f"--width must be within 1-{MAX_SIDE}.")
        if not 1 <= quality <= 100:
            raise UsageError("--quality must be within 1-100.")
    except UsageError as exc:
        print(f"template: {exc}", file=stderr)
        return EXIT_USAGE
    target = Path(out)
    try:
        loaded = load_template(template)
        pixels = render_template(loaded, [Path(p) for p in photos], parsed, width=width)
        data = encode_jpeg(pixels, quality)
        try:
            written = write_new_file(target.parent, target.name or "cover.jpg", data)
        except OSError as exc:
            raise EditorError("output.write_failed", {"reason": exc.strerror or str(exc)}) from exc
    except EditorError as exc:
        print(f"template: {describe(exc)}", file=stderr)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - a failure nobody foresaw is still one line
        failure = EditorError("render.failed", {"type": type(exc).__name__})
        print(f"template: {describe(failure)}", file=stderr)
        return EXIT_FAILED
    print(f"wrote {written}", file=stdout)
    return EXIT_OK
