"""The ``edit`` command: render many photos with one recipe, one line per file.

``python main.py edit INPUT... --recipe RECIPE.json --out DIR [--size WxH] [--quality Q]``

Each input is rendered on its own: a bad file is reported (its name, an English sentence and
the stable error code) and the run carries on. Outputs are new files only — an existing name
gets a numbered suffix, so no input and no earlier output is ever replaced — and each is
written atomically. Exit status: 0 when every file was written, 1 when some failed, 2 for a
usage error (a missing or invalid recipe, a bad ``--size`` or ``--quality``), which is reported
in one line before any file is touched.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from editor.errors import EditorError
from editor.export import write_new_file
from editor.lut import CubeLut, load_cube
from editor.recipe import Recipe
from editor.render import LookResolver, builtin_resolver, export_jpeg
from editor.sentences import describe

__all__ = [
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "EditJob",
    "UsageError",
    "describe",
    "prepare",
    "run",
]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

# A recipe is a few hundred bytes; anything near this is not one.
MAX_RECIPE_BYTES = 1024 * 1024
# Output sides beyond this are a typo, not a platform size (and would need gigabytes).
MAX_OUTPUT_SIDE = 10_000
_SIZE = re.compile(r"^\s*(\d{1,6})\s*[xX×]\s*(\d{1,6})\s*$")


class UsageError(Exception):
    """A problem with the command itself: reported in one line, exit status 2."""


@dataclass(frozen=True)
class EditJob:
    """A checked command: the recipe with its look resolved, and the output settings."""

    recipe: Recipe
    looks: LookResolver
    out_dir: Path
    size: tuple[int, int] | None
    quality: int


def parse_size(text: str | None) -> tuple[int, int] | None:
    """``"1080x1440"`` → (1080, 1440); None stays None.

    Raises:
        UsageError: For anything else, or a side outside 1–10000.
    """
    if text is None:
        return None
    match = _SIZE.match(text)
    if not match:
        raise UsageError(f"--size must look like 1080x1440, not {text!r}.")
    width, height = int(match[1]), int(match[2])
    if not (1 <= width <= MAX_OUTPUT_SIDE and 1 <= height <= MAX_OUTPUT_SIDE):
        raise UsageError(f"--size sides must be within 1-{MAX_OUTPUT_SIDE}, not {text!r}.")
    return width, height


def parse_quality(text: str | None) -> int:
    """``"85"`` → 85; None is the default 90.

    Raises:
        UsageError: For anything but a whole number within 1–100.
    """
    if text is None:
        return 90
    if not text.strip().isdigit() or not 1 <= int(text) <= 100:
        raise UsageError(f"--quality must be a whole number within 1-100, not {text!r}.")
    return int(text)


def _read_recipe_text(path: Path) -> str:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise EditorError("recipe.unreadable", {"reason": "not a regular file"})
        if info.st_size > MAX_RECIPE_BYTES:
            raise EditorError("recipe.unreadable", {"reason": "larger than 1 MiB"})
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EditorError("recipe.unreadable", {"reason": "not UTF-8 text"}) from None
    except OSError as exc:
        raise EditorError("recipe.unreadable", {"reason": exc.strerror or "error"}) from exc


def read_document(path: Path) -> Any:
    """The JSON document in a recipe file (a photo recipe or a video edit), unchecked.

    Raises:
        EditorError: ``recipe.unreadable`` or ``recipe.not_json``.
    """
    text = _read_recipe_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EditorError("recipe.not_json", {"line": exc.lineno, "column": exc.colno}) from exc
    except RecursionError as exc:
        raise EditorError("recipe.not_json", {"line": "?", "column": "?"}) from exc


def file_resolver(base: Path) -> LookResolver:
    """Resolve ``builtin:`` looks and, for the command line, ``file:<path>`` looks relative to
    the recipe's folder; ``user:`` looks live in the backend and are unknown here."""

    def resolve(look_id: str) -> CubeLut:
        if look_id.startswith("file:"):
            return load_cube(base / look_id.removeprefix("file:"))
        return builtin_resolver(look_id)

    return resolve


def read_recipe(path: Path) -> tuple[Recipe, LookResolver]:
    """Read and check a recipe file and resolve its filter look once.

    Raises:
        EditorError: ``recipe.unreadable``, ``recipe.not_json``, ``recipe.invalid``,
            ``recipe.too_new``, ``look.unknown``, ``lut.*`` or a gate code for the .cube file.
    """
    recipe = Recipe.from_dict(read_document(path))
    resolve = file_resolver(path.parent)
    if recipe.filter is None or recipe.filter.strength == 0.0:
        return recipe, resolve
    look = resolve(recipe.filter.id)
    return recipe, lambda _: look


def prepare(recipe_path: str, out_dir: str, size: str | None, quality: str | None) -> EditJob:
    """Check everything about the command before any photo is touched.

    Raises:
        UsageError: With a one-line English message.
    """
    parsed_size = parse_size(size)
    parsed_quality = parse_quality(quality)
    try:
        recipe, looks = read_recipe(Path(recipe_path))
    except EditorError as exc:
        raise UsageError(f"{recipe_path}: {describe(exc)}") from exc
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        message = f"{out_dir}: the output folder cannot be created ({exc.strerror})."
        raise UsageError(message) from exc
    if not folder.is_dir():
        raise UsageError(f"{out_dir}: the output path is not a folder.")
    return EditJob(recipe, looks, folder, parsed_size, parsed_quality)


def edit_one(job: EditJob, source: Path) -> Path:
    """Render one photo and write it; returns the path written.

    Raises:
        EditorError: For a bad file (gate codes), or ``output.write_failed``.
    """
    # --size is a box: a crop of another shape fits inside it rather than being stretched.
    data = export_jpeg(
        source, job.recipe, size=job.size, fit=True, quality=job.quality, looks=job.looks
    )
    try:
        return write_new_file(job.out_dir, f"{source.stem or 'photo'}.jpg", data)
    except OSError as exc:
        raise EditorError("output.write_failed", {"reason": exc.strerror or str(exc)}) from exc


def run(job: EditJob, inputs: Iterable[str], out: TextIO) -> int:
    """Render every input, printing one line per file; returns the exit status."""
    failures = 0
    for name in inputs:
        try:
            written = edit_one(job, Path(name))
        except Exception as exc:  # noqa: BLE001 - one photo's failure must not stop the batch
            # Bad input arrives as EditorError. Anything else is a failure nobody foresaw on
            # this one photo (cv2.error, MemoryError on a huge render, a bug in a render step):
            # it is reported by its type as render.failed and the run goes on to the next file.
            # Ctrl+C (KeyboardInterrupt) is no Exception, so it still stops the whole run.
            error = (
                exc
                if isinstance(exc, EditorError)
                else EditorError("render.failed", {"type": type(exc).__name__})
            )
            failures += 1
            print(f"{name}: failed: {describe(error)}", file=out, flush=True)
            continue
        print(f"{name}: wrote {written}", file=out, flush=True)
    return EXIT_SOME_FAILED if failures else EXIT_OK
