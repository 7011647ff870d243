"""The gallery's template pictures: stale renders dropped before they hold the media lane up,
failures tried again with new inputs, the kept pictures bounded by their size, and the note's
photos fetched with their own shas."""

from __future__ import annotations

import threading

import pytest

from editor.stickers import load_builtin
from studio.covers import previews as previews_module
from studio.covers.catalog import builtin_entries
from studio.covers.previews import Inputs, TemplatePreviews
from studio.tasks import Lane, TaskRunner

WIDTH = 90


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.wait_all(30_000)


def _counting(
    monkeypatch: pytest.MonkeyPatch,
    fail: set[str] | None = None,
    gate: threading.Event | None = None,
) -> list[str]:
    """Record the title of every picture actually drawn; raise for the titles in `fail`.
    With a `gate`, a picture waits for it to open before it is drawn: the test decides what
    runs before what instead of the threads' timing."""
    drawn: list[str] = []
    real = previews_module.render_preview

    def render_preview(template, inputs, width, stickers):
        if gate is not None:
            gate.wait(30)
        drawn.append(inputs.title)
        if fail and inputs.title in fail:
            raise ValueError("broken")
        return real(template, inputs, width, stickers)

    monkeypatch.setattr(previews_module, "render_preview", render_preview)
    return drawn


def _settled(previews: TemplatePreviews, entries, width: int = WIDTH) -> bool:
    return not any(previews.is_pending(entry, width) for entry in entries)


def test_renders_queued_for_old_inputs_are_dropped_before_they_run(qtbot, runner, monkeypatch):
    gate = threading.Event()
    drawn = _counting(monkeypatch, gate=gate)
    previews = TemplatePreviews(runner, load_builtin)
    entries = builtin_entries()
    previews.set_inputs(Inputs(title="old"))
    for entry in entries:
        previews.get(entry, WIDTH)
    # A photo dragged to another slot (while the first pictures are still being drawn): only
    # the new pictures are drawn.
    assert previews.set_inputs(Inputs(title="new"))
    gate.set()
    for entry in entries:
        assert previews.get(entry, WIDTH) is None and previews.is_pending(entry, WIDTH)
    qtbot.waitUntil(lambda: _settled(previews, entries), timeout=60_000)
    runner.wait(Lane.MEDIA, 30_000)
    assert drawn.count("new") == len(entries)
    assert drawn.count("old") <= 2  # at most those already running in the lane's two threads
    assert all(previews.get(entry, WIDTH) is not None for entry in entries)
    # The gallery closing drops what it asked for, too.
    gate.clear()
    previews.set_inputs(Inputs(title="closed"))
    for entry in entries:
        previews.get(entry, WIDTH)
    previews.drop_queued()
    gate.set()
    assert _settled(previews, entries)
    runner.wait(Lane.MEDIA, 30_000)
    assert drawn.count("closed") <= 2


def test_a_failed_picture_is_tried_again_once_the_inputs_change(qtbot, runner, monkeypatch):
    drawn = _counting(monkeypatch, fail={"broken"})
    previews = TemplatePreviews(runner, load_builtin)
    entry = builtin_entries()[0]
    previews.set_inputs(Inputs(title="broken"))
    previews.get(entry, WIDTH)
    qtbot.waitUntil(lambda: _settled(previews, [entry]), timeout=30_000)
    previews.get(entry, WIDTH)  # failed: not asked again for the same inputs
    assert drawn == ["broken"] and not previews.is_pending(entry, WIDTH)
    previews.set_inputs(Inputs(title="fine"))
    previews.set_inputs(Inputs(title="broken"))
    previews.get(entry, WIDTH)
    qtbot.waitUntil(lambda: _settled(previews, [entry]), timeout=30_000)
    assert drawn == ["broken", "broken"]


def test_the_kept_pictures_are_bounded_by_their_size(qtbot, runner, monkeypatch):
    drawn = _counting(monkeypatch)
    previews = TemplatePreviews(runner, load_builtin)
    entries = builtin_entries()[:6]
    monkeypatch.setattr(previews_module, "KEEP_BYTES", 4 * 300 * 400 * 3)  # four RGB pictures
    for entry in entries:
        previews.get(entry, 300)
    qtbot.waitUntil(lambda: _settled(previews, entries, 300), timeout=60_000)
    assert len(drawn) == len(entries)
    # The newest four are kept; the two oldest are drawn again when asked for.
    for entry in entries[2:]:
        previews.get(entry, 300)
    assert len(drawn) == len(entries)
    for entry in entries[:2]:
        assert previews.get(entry, 300) is not None  # its last picture stands in meanwhile
        assert previews.is_pending(entry, 300)
    qtbot.waitUntil(lambda: _settled(previews, entries, 300), timeout=60_000)
    assert len(drawn) == len(entries) + 2
