"""Timeline operations on a video edit: pure, clamped, and keeping overlays and the cover on
the (possibly shorter) timeline."""

from __future__ import annotations

import math

import pytest

from editor.errors import EditorError
from editor.layers import TextLayer
from editor.sentences import describe
from editor.video.edit import MAX_CLIPS, MIN_CLIP_SECONDS, Clip, Cover, Overlay, VideoEdit
from editor.video.timeline import (
    add_clip,
    clip_at,
    delete_clip,
    last_frame_time,
    move_clip,
    output_time,
    set_clip,
    snap_to_frame,
    split,
    time_overlay,
    trim_clip,
)

DURATIONS = {"a": 10.0, "b": 4.0}
FRAME = 1 / 30


def three_clips() -> VideoEdit:
    """a[0, 4) · b (whole, 4 s) · a[6, 10) at 2× (2 s): 10 s of output."""
    return VideoEdit(
        clips=(
            Clip("a", 0.0, 4.0),
            Clip("b"),
            Clip("a", 6.0, None, speed=2.0),
        )
    )


def overlay(start: float, end: float, text: str = "hi") -> Overlay:
    return Overlay(start, end, TextLayer(text))


def spans(edit: VideoEdit) -> list[tuple[str, float, float | None]]:
    return [(clip.source, clip.start, clip.end) for clip in edit.clips]


# -- frames --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "snapped"),
    [(0.0, 0.0), (0.016, 0.0), (0.017, FRAME), (1.0, 1.0), (2.49, 75 / 30), (-3.0, 0.0)],
)
def test_snap_to_frame_rounds_to_the_nearest_frame_start(t: float, snapped: float) -> None:
    assert snap_to_frame(t) == pytest.approx(snapped)


def test_snap_to_frame_takes_other_rates() -> None:
    assert snap_to_frame(0.3, fps=10) == pytest.approx(0.3)
    assert snap_to_frame(0.34, fps=10) == pytest.approx(0.3)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_snap_to_frame_refuses_non_numbers(bad: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        snap_to_frame(bad)


def test_last_frame_time() -> None:
    assert last_frame_time(10.0) == pytest.approx(10.0 - FRAME)
    assert last_frame_time(10.01) == pytest.approx(10.0)
    assert last_frame_time(0.0) == 0.0


# -- add and clip_at -----------------------------------------------------------------------


def test_add_clip_appends_a_whole_source_without_touching_the_original() -> None:
    edit = VideoEdit(clips=(Clip("a", 1.0, 3.0),))
    added = add_clip(edit, "b")
    assert spans(added) == [("a", 1.0, 3.0), ("b", 0.0, None)]
    assert spans(edit) == [("a", 1.0, 3.0)]
    assert added.duration(DURATIONS) == pytest.approx(6.0)


def test_add_clip_stops_at_the_clip_limit() -> None:
    full = VideoEdit(clips=(Clip("a", 0.0, 1.0),) * MAX_CLIPS)
    with pytest.raises(EditorError) as caught:
        add_clip(full, "b")
    assert caught.value.code == "video.too_many_clips"
    assert caught.value.params == {"max": MAX_CLIPS}
    assert describe(caught.value).startswith(f"The video can have at most {MAX_CLIPS} clips.")


@pytest.mark.parametrize(
    ("t", "index", "out_start"),
    [(0.0, 0, 0.0), (3.99, 0, 0.0), (4.0, 1, 4.0), (7.5, 1, 4.0), (8.0, 2, 8.0), (9.9, 2, 8.0)],
)
def test_clip_at_finds_the_clip_shown(t: float, index: int, out_start: float) -> None:
    found, placed = clip_at(three_clips(), DURATIONS, t)
    assert found == index == placed.index
    assert placed.out_start == pytest.approx(out_start)


def test_clip_at_clamps_times_outside_the_timeline() -> None:
    assert clip_at(three_clips(), DURATIONS, -5.0)[0] == 0
    assert clip_at(three_clips(), DURATIONS, 10.0)[0] == 2
    assert clip_at(three_clips(), DURATIONS, 1e9)[0] == 2


def test_clip_at_skips_a_clip_that_plays_nothing() -> None:
    edit = VideoEdit(clips=(Clip("b", 5.0, None), Clip("a", 0.0, 2.0)))  # b is 4 s long
    assert clip_at(edit, DURATIONS, 0.0)[0] == 1


def test_clip_at_refuses_an_empty_timeline_and_nan() -> None:
    with pytest.raises(ValueError, match="plays nothing"):
        clip_at(VideoEdit(clips=(Clip("b", 5.0),)), DURATIONS, 0.0)
    with pytest.raises(ValueError, match="finite"):
        clip_at(three_clips(), DURATIONS, math.nan)


# -- split ---------------------------------------------------------------------------------


def test_split_cuts_at_the_source_time_shown() -> None:
    edit = split(three_clips(), DURATIONS, 9.0)  # 1 s into the 2× clip: source 8 s
    assert spans(edit) == [
        ("a", 0.0, 4.0),
        ("b", 0.0, None),
        ("a", 6.0, 8.0),
        ("a", 8.0, None),
    ]
    assert [clip.speed for clip in edit.clips] == [1.0, 1.0, 2.0, 2.0]
    assert edit.duration(DURATIONS) == pytest.approx(10.0)


def test_split_keeps_the_clips_sound_setting() -> None:
    edit = VideoEdit(clips=(Clip("a", 2.0, 6.0, mute=True),))
    halves = split(edit, DURATIONS, 1.5)
    assert spans(halves) == [("a", 2.0, 3.5), ("a", 3.5, 6.0)]
    assert all(clip.mute for clip in halves.clips)


@pytest.mark.parametrize("t", [0.0, 0.05, 3.95, 4.0, 4.09, 10.0, 12.0, -1.0])
def test_split_near_an_edge_or_outside_changes_nothing(t: float) -> None:
    edit = three_clips()
    assert split(edit, DURATIONS, t) is edit


def test_split_counts_the_edge_margin_in_source_seconds() -> None:
    # At 2× the margin is 0.05 s of output: 0.06 s in is 0.12 s of source, enough to cut.
    edit = split(three_clips(), DURATIONS, 8.06)
    assert spans(edit)[2:] == [("a", 6.0, pytest.approx(6.12)), ("a", pytest.approx(6.12), None)]


def test_split_refuses_to_go_over_the_clip_limit() -> None:
    full = VideoEdit(clips=(Clip("a", 0.0, 1.0),) * MAX_CLIPS)
    with pytest.raises(EditorError, match="too_many_clips"):
        split(full, DURATIONS, 0.5)


# -- delete --------------------------------------------------------------------------------


def test_delete_clip_closes_the_gap() -> None:
    edit = delete_clip(three_clips(), DURATIONS, 1)
    assert spans(edit) == [("a", 0.0, 4.0), ("a", 6.0, None)]
    assert edit.duration(DURATIONS) == pytest.approx(6.0)
    assert len(three_clips().clips) == 3


def test_delete_clip_keeps_the_only_clip() -> None:
    edit = VideoEdit(clips=(Clip("a"),))
    assert delete_clip(edit, DURATIONS, 0) is edit


@pytest.mark.parametrize("index", [-1, 3, 99])
def test_delete_clip_out_of_range_is_a_value_error(index: int) -> None:
    with pytest.raises(ValueError, match=f"no clip {index}"):
        delete_clip(three_clips(), DURATIONS, index)


def test_a_shorter_timeline_cuts_or_drops_overlays_past_its_end() -> None:
    edit = replace_overlays(
        three_clips(),
        overlay(1.0, 3.0, "kept"),
        overlay(5.0, 9.0, "cut"),
        overlay(5.96, 7.0, "a frame is left"),
        overlay(6.0, 8.0, "dropped"),
        overlay(5.99, 6.5, "less than a frame is left"),
    )
    shorter = delete_clip(edit, DURATIONS, 1)  # 10 s -> 6 s
    assert [(o.layer.text, o.start, o.end) for o in shorter.overlays] == [
        ("kept", 1.0, 3.0),
        ("cut", 5.0, 6.0),
        ("a frame is left", 5.96, 6.0),
    ]


def test_a_cover_past_the_new_end_moves_to_the_last_frame() -> None:
    edit = replace_cover(three_clips(), 9.0)
    assert delete_clip(edit, DURATIONS, 1).cover == Cover(time=pytest.approx(6.0 - FRAME))
    early = replace_cover(three_clips(), 2.0)
    assert delete_clip(early, DURATIONS, 1).cover == Cover(time=2.0)


def test_a_longer_timeline_moves_nothing() -> None:
    edit = replace_cover(replace_overlays(three_clips(), overlay(9.0, 10.0)), 9.5)
    slower = set_clip(edit, DURATIONS, 2, speed=0.5)
    assert slower.duration(DURATIONS) == pytest.approx(16.0)
    assert slower.overlays == edit.overlays
    assert slower.cover == edit.cover


# -- move ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "to", "order"),
    [(0, 2, ["b", "a@6", "a@0"]), (2, 0, ["a@6", "a@0", "b"]), (1, 0, ["b", "a@0", "a@6"])],
)
def test_move_clip_puts_it_at_its_new_position(index: int, to: int, order: list[str]) -> None:
    moved = move_clip(three_clips(), index, to)
    names = [clip.source if clip.source == "b" else f"a@{clip.start:g}" for clip in moved.clips]
    assert names == order


def test_move_clip_onto_itself_is_a_no_op() -> None:
    edit = three_clips()
    assert move_clip(edit, 1, 1) is edit


@pytest.mark.parametrize(("index", "to"), [(3, 0), (0, 3), (-1, 0)])
def test_move_clip_out_of_range_is_a_value_error(index: int, to: int) -> None:
    with pytest.raises(ValueError, match="no clip"):
        move_clip(three_clips(), index, to)


# -- trim ----------------------------------------------------------------------------------


def test_trim_clip_sets_the_source_span() -> None:
    edit = trim_clip(three_clips(), DURATIONS, 0, 1.0, 3.5)
    assert spans(edit)[0] == ("a", 1.0, 3.5)
    assert edit.duration(DURATIONS) == pytest.approx(8.5)


def test_trim_clip_clamps_to_the_source() -> None:
    edit = trim_clip(three_clips(), DURATIONS, 1, -2.0, 9.0)  # b is 4 s long
    assert spans(edit)[1] == ("b", 0.0, None)
    assert trim_clip(three_clips(), DURATIONS, 1, -2.0, 9.0) == three_clips()


def test_trim_clip_to_the_source_end_plays_to_the_end() -> None:
    edit = trim_clip(three_clips(), DURATIONS, 0, 0.0, 10.0)
    assert spans(edit)[0] == ("a", 0.0, None)


def test_trim_clip_keeps_the_fixed_edge_when_handles_cross() -> None:
    # The end handle dragged before the start: the start stays, the clip keeps its minimum.
    edit = trim_clip(three_clips(), DURATIONS, 0, 0.0, -3.0)
    assert spans(edit)[0] == ("a", 0.0, pytest.approx(MIN_CLIP_SECONDS))
    # The start handle dragged past the end: the end stays.
    edit = trim_clip(three_clips(), DURATIONS, 0, 5.0, 4.0)
    assert spans(edit)[0] == ("a", pytest.approx(4.0 - MIN_CLIP_SECONDS), 4.0)
    # The end handle dragged to just after a start near the source's end.
    edit = trim_clip(VideoEdit(clips=(Clip("b", 3.95),)), DURATIONS, 0, 3.95, 3.96)
    assert spans(edit)[0] == ("b", pytest.approx(4.0 - MIN_CLIP_SECONDS), None)


def test_trim_clip_of_a_source_shorter_than_the_minimum_keeps_all_of_it() -> None:
    edit = trim_clip(VideoEdit(clips=(Clip("tiny"),)), {"tiny": 0.05}, 0, 0.01, 0.02)
    assert spans(edit)[0] == ("tiny", 0.0, None)


def test_trim_clip_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="no clip 5"):
        trim_clip(three_clips(), DURATIONS, 5, 0.0, 1.0)
    with pytest.raises(ValueError, match="end must be a finite"):
        trim_clip(three_clips(), DURATIONS, 0, 0.0, math.nan)


def test_trim_clip_shortening_the_timeline_fits_overlays_and_cover() -> None:
    edit = replace_cover(replace_overlays(three_clips(), overlay(8.0, 10.0)), 9.9)
    trimmed = trim_clip(edit, DURATIONS, 1, 0.0, 1.0)  # b: 4 s -> 1 s, timeline 10 -> 7 s
    assert [(o.start, o.end) for o in trimmed.overlays] == []
    assert trimmed.cover is not None
    assert trimmed.cover.time == pytest.approx(7.0 - FRAME)


# -- set_clip ------------------------------------------------------------------------------


def test_set_clip_changes_speed_and_sound() -> None:
    edit = set_clip(three_clips(), DURATIONS, 0, speed=2.0, mute=True)
    assert (edit.clips[0].speed, edit.clips[0].mute) == (2.0, True)
    assert edit.duration(DURATIONS) == pytest.approx(8.0)
    assert set_clip(edit, DURATIONS, 0, mute=False).clips[0] == Clip("a", 0.0, 4.0, speed=2.0)


def test_set_clip_clamps_the_speed() -> None:
    assert set_clip(three_clips(), DURATIONS, 0, speed=8.0).clips[0].speed == 2.0
    assert set_clip(three_clips(), DURATIONS, 0, speed=0.1).clips[0].speed == 0.5


def test_set_clip_without_a_change_is_a_no_op() -> None:
    edit = three_clips()
    assert set_clip(edit, DURATIONS, 2, speed=2.0) is edit
    assert set_clip(edit, DURATIONS, 2) is edit


def test_set_clip_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="no clip 3"):
        set_clip(three_clips(), DURATIONS, 3, mute=True)
    with pytest.raises(ValueError, match="speed"):
        set_clip(three_clips(), DURATIONS, 0, speed=math.inf)


def test_a_faster_clip_fits_the_overlays() -> None:
    edit = replace_overlays(three_clips(), overlay(7.0, 9.5))
    faster = set_clip(edit, DURATIONS, 1, speed=2.0)  # b: 4 s -> 2 s, timeline 8 s
    assert [(o.start, o.end) for o in faster.overlays] == [(7.0, 8.0)]


# -- overlay timing ------------------------------------------------------------------------


def test_time_overlay_snaps_and_keeps_it_on_the_timeline() -> None:
    edit = replace_overlays(three_clips(), overlay(1.0, 2.0), overlay(3.0, 4.0))
    timed = time_overlay(edit, DURATIONS, 1, 2.51, 5.012)
    assert [(o.start, o.end) for o in timed.overlays] == [
        (1.0, 2.0),
        (pytest.approx(2.5), pytest.approx(5.0)),
    ]
    late = time_overlay(edit, DURATIONS, 0, 9.5, 30.0).overlays[0]
    assert (late.start, late.end) == (pytest.approx(9.5), pytest.approx(10.0))
    past = time_overlay(edit, DURATIONS, 0, 50.0, 60.0).overlays[0]
    assert (past.start, past.end) == (pytest.approx(10.0 - FRAME), pytest.approx(10.0))
    flipped = time_overlay(edit, DURATIONS, 0, 4.0, 1.0).overlays[0]
    assert (flipped.start, flipped.end) == (pytest.approx(4.0), pytest.approx(4.0 + FRAME))


def test_time_overlay_out_of_range_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no overlay 0"):
        time_overlay(three_clips(), DURATIONS, 0, 0.0, 1.0)


def test_the_original_edit_is_never_changed() -> None:
    edit = replace_cover(replace_overlays(three_clips(), overlay(5.0, 9.0)), 9.0)
    before = edit.to_dict()
    split(edit, DURATIONS, 1.0)
    delete_clip(edit, DURATIONS, 0)
    move_clip(edit, 0, 2)
    trim_clip(edit, DURATIONS, 0, 1.0, 2.0)
    set_clip(edit, DURATIONS, 0, speed=2.0)
    time_overlay(edit, DURATIONS, 0, 0.0, 1.0)
    assert edit.to_dict() == before


def test_the_result_is_a_valid_document() -> None:
    """What the operations make survives the document's own checks unchanged."""
    edit = replace_overlays(three_clips(), overlay(5.0, 9.0))
    edit = split(trim_clip(edit, DURATIONS, 0, 0.5, 3.0), DURATIONS, 1.0)
    edit = set_clip(move_clip(edit, 3, 0), DURATIONS, 1, speed=1.5, mute=True)
    assert VideoEdit.from_dict(edit.to_dict()) == edit


def replace_overlays(edit: VideoEdit, *overlays: Overlay) -> VideoEdit:
    return VideoEdit(clips=edit.clips, overlays=overlays, cover=edit.cover)


def replace_cover(edit: VideoEdit, time: float) -> VideoEdit:
    return VideoEdit(clips=edit.clips, overlays=edit.overlays, cover=Cover(time=time))


def test_output_time_maps_a_source_moment_through_trims_and_speed():
    edit = VideoEdit(clips=(Clip(start=2.0, end=4.0, speed=2.0), Clip(start=10.0, end=12.0)))
    durations = {"": 20.0}
    assert output_time(edit, durations, "", 3.0) == pytest.approx(0.5)
    assert output_time(edit, durations, "", 11.0) == pytest.approx(2.0)
    assert output_time(edit, durations, "", 6.0) is None  # cut out
    assert output_time(edit, durations, "other", 3.0) is None
