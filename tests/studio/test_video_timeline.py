"""The video timeline widget: gestures become the right requests, at the right times."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPixmap, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.layers import TextLayer
from editor.video.edit import Clip, Music, Overlay, VideoEdit
from studio.messages import message
from studio.video.timeline_scale import (
    TimeAxis,
    drop_slot,
    overlay_lanes,
    ruler_step,
    ruler_ticks,
    tick_label,
)
from studio.video.timeline_view import CLIPS_TOP, TimelineView

DURATIONS = {"a": 10.0, "b": 4.0}
FRAME = 1 / 30
SIGNALS = (
    "seek",
    "clip_selected",
    "overlay_selected",
    "trim_requested",
    "move_requested",
    "split_requested",
    "delete_requested",
    "overlay_timing_requested",
)


def sample_edit() -> VideoEdit:
    """a[0, 4) · b (4 s) · a[6, 10) at 2×: 10 s of output, with two overlays and music."""
    return VideoEdit(
        clips=(Clip("a", 0.0, 4.0), Clip("b"), Clip("a", 6.0, None, speed=2.0)),
        overlays=(
            Overlay(1.0, 3.0, TextLayer("Title")),
            Overlay(5.0, 7.0, TextLayer("Line"), subtitle=True),
        ),
        music=Music("b", fade_in=1.0),
    )


class Recorder:
    """Every signal the view sends, in order, as (name, args)."""

    def __init__(self, view: TimelineView) -> None:
        self.calls: list[tuple[str, tuple]] = []
        for name in SIGNALS:
            getattr(view, name).connect(lambda *args, name=name: self.calls.append((name, args)))

    def of(self, name: str) -> list[tuple]:
        return [args for called, args in self.calls if called == name]


@pytest.fixture
def view(qtbot) -> Iterator[TimelineView]:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1000, 180)
    widget.show_edit(sample_edit(), DURATIONS)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


@pytest.fixture
def calls(view: TimelineView) -> Recorder:
    return Recorder(view)


def mouse(view: TimelineView, kind: QEvent.Type, x: float, y: float) -> None:
    held = (
        Qt.MouseButton.NoButton
        if kind == QEvent.Type.MouseButtonRelease
        else (Qt.MouseButton.LeftButton)
    )
    position = QPointF(x, y)
    event = QMouseEvent(
        kind,
        position,
        view.mapToGlobal(position),
        Qt.MouseButton.LeftButton,
        held,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, event)


def drag(view: TimelineView, start: QPointF, *points: QPointF, release: bool = True) -> None:
    """Press at `start`, move through `points`, release at the last one."""
    mouse(view, QEvent.Type.MouseButtonPress, start.x(), start.y())
    for point in points:
        mouse(view, QEvent.Type.MouseMove, point.x(), point.y())
    if release:
        end = points[-1] if points else start
        mouse(view, QEvent.Type.MouseButtonRelease, end.x(), end.y())


def pixels(view: TimelineView, seconds: float) -> float:
    return seconds * view.axis().pixels_per_second


# -- the picture matches the edit ----------------------------------------------------------


def test_clips_are_as_wide_as_their_output_time(view: TimelineView) -> None:
    axis = view.axis()
    # The whole 10 s timeline fits by default.
    assert axis.x(0.0) == pytest.approx(view.clip_rect(0).left(), abs=2)
    assert axis.x(10.0) == pytest.approx(view.clip_rect(2).right(), abs=2)
    assert view.clip_rect(0).right() < view.width()
    widths = [view.clip_rect(i).width() + 2 for i in range(3)]
    # 4 s, 4 s and (4 s of source at 2×) 2 s.
    assert widths == [pytest.approx(pixels(view, s), abs=0.5) for s in (4.0, 4.0, 2.0)]


def test_size_hint_is_a_compact_strip(view: TimelineView) -> None:
    assert 150 <= view.sizeHint().height() <= 200


# -- seeking -------------------------------------------------------------------------------


def test_clicking_the_ruler_seeks_to_that_frame(view: TimelineView, calls: Recorder) -> None:
    x = view.axis().x(4.0 + 0.4 * FRAME)  # a little after the 4 s frame starts
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(round(x), 10))
    assert calls.calls == [("seek", (pytest.approx(4.0, abs=1e-9),))]
    assert view.playhead() == pytest.approx(4.0)


def test_dragging_on_the_ruler_seeks_continuously_on_whole_frames(
    view: TimelineView, calls: Recorder
) -> None:
    axis = view.axis()
    drag(view, QPointF(axis.x(1.0), 10), *(QPointF(axis.x(t), 10) for t in (2.013, 3.5, 30.0)))
    times = [args[0] for args in calls.of("seek")]
    assert times == [
        pytest.approx(1.0),
        pytest.approx(2.0),
        pytest.approx(3.5),
        pytest.approx(10.0 - FRAME),  # past the end: the last frame
    ]
    assert all(abs(t * 30 - round(t * 30)) < 1e-6 for t in times)


def test_clicking_empty_space_seeks_and_drops_the_selection(
    view: TimelineView, calls: Recorder
) -> None:
    view.set_selected_clip(1)
    x = view.axis().x(8.0)
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(round(x), 172))
    assert calls.calls == [("clip_selected", (-1,)), ("seek", (pytest.approx(8.0),))]


def test_arrow_keys_step_one_frame_and_home_end_jump(view: TimelineView, calls: Recorder) -> None:
    view.set_playhead(2.0)
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_End)
    QTest.keyClick(view, Qt.Key.Key_Right)  # already on the last frame: nothing
    QTest.keyClick(view, Qt.Key.Key_Home)
    QTest.keyClick(view, Qt.Key.Key_Left)  # already at 0: nothing
    assert [args[0] for args in calls.of("seek")] == [
        pytest.approx(2.0 + FRAME),
        pytest.approx(2.0 + 2 * FRAME),
        pytest.approx(2.0 + FRAME),
        pytest.approx(3.0 + FRAME),
        pytest.approx(10.0 - FRAME),
        0.0,
    ]


# -- clips ---------------------------------------------------------------------------------


def test_clicking_a_clip_selects_it(view: TimelineView, calls: Recorder) -> None:
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.clip_rect(1).center().toPoint())
    assert calls.calls == [("clip_selected", (1,))]


def test_dragging_a_clips_end_handle_trims_it(view: TimelineView, calls: Recorder) -> None:
    view.set_playhead(9.0)  # far from the edge, so it does not stick to the playhead
    rect = view.clip_rect(0)
    y = rect.center().y()
    start = QPointF(rect.right() - 2, y)
    drag(view, start, QPointF(start.x() - pixels(view, 0.5), y), release=False)
    # The edge follows the pointer before anything is asked for.
    assert view.clip_rect(0).right() == pytest.approx(rect.right() - pixels(view, 0.5), abs=1)
    assert calls.of("trim_requested") == []
    end = QPointF(start.x() - pixels(view, 1.0), y)
    mouse(view, QEvent.Type.MouseMove, end.x(), y)
    mouse(view, QEvent.Type.MouseButtonRelease, end.x(), y)
    assert calls.of("trim_requested") == [(0, 0.0, pytest.approx(3.0))]


def test_trimming_the_start_of_a_fast_clip_counts_source_seconds(
    view: TimelineView, calls: Recorder
) -> None:
    rect = view.clip_rect(2)  # a[6, 10) at 2×
    y = rect.center().y()
    start = QPointF(rect.left() + 2, y)
    drag(view, start, QPointF(start.x() + pixels(view, 0.5), y), release=False)
    # The start edge follows the pointer; the clip's end stays where it was until release.
    assert view.clip_rect(2).left() == pytest.approx(rect.left() + pixels(view, 0.5), abs=1)
    assert view.clip_rect(2).right() == pytest.approx(rect.right(), abs=1)
    mouse(view, QEvent.Type.MouseButtonRelease, start.x() + pixels(view, 0.5), y)
    assert calls.of("trim_requested") == [(2, pytest.approx(7.0), pytest.approx(10.0))]
    assert calls.of("clip_selected") == [(2,)]


def test_a_trim_stops_at_the_sources_end(view: TimelineView, calls: Recorder) -> None:
    view.set_playhead(9.0)
    rect = view.clip_rect(1)  # the whole of b: it cannot grow
    y = rect.center().y()
    drag(view, QPointF(rect.right() - 2, y), QPointF(rect.right() + pixels(view, 2.0), y))
    assert calls.of("trim_requested") == []
    drag(view, QPointF(rect.right() - 2, y), QPointF(rect.left() - 50, y))
    assert calls.of("trim_requested") == [(1, 0.0, pytest.approx(0.1))]


def test_a_dragged_edge_sticks_to_the_playhead(view: TimelineView, calls: Recorder) -> None:
    view.set_playhead(3.0)
    rect = view.clip_rect(0)
    y = rect.center().y()
    near = view.axis().x(3.0) + 2  # the edge lands within the magnet's reach, a few px late
    drag(view, QPointF(rect.right() - 2, y), QPointF(near, y))
    assert calls.of("trim_requested") == [(0, 0.0, pytest.approx(3.0))]


def test_a_press_on_an_edge_near_the_playhead_trims_nothing(
    view: TimelineView, calls: Recorder
) -> None:
    view.set_playhead(3.95)  # within the magnet's reach of clip 0's end
    rect = view.clip_rect(0)
    y = rect.center().y()
    drag(view, QPointF(rect.right() - 2, y), QPointF(rect.right() - 1, y))
    assert calls.of("trim_requested") == []
    assert view.clip_rect(0) == rect


def test_dragging_a_clip_past_a_neighbours_middle_moves_it(
    view: TimelineView, calls: Recorder
) -> None:
    first, second = view.clip_rect(0), view.clip_rect(1)
    y = first.center().y()
    grab = QPointF(first.center().x(), y)
    # Not yet past the middle of the second clip: a move shows, but nothing is asked for.
    drag(view, grab, QPointF(grab.x() + 20, y), QPointF(second.center().x() - 10, y))
    assert calls.of("move_requested") == []
    drag(view, grab, QPointF(grab.x() + 20, y), QPointF(second.center().x() + 10, y))
    assert calls.of("move_requested") == [(0, 1)]
    drag(view, grab, QPointF(grab.x() + 20, y), QPointF(view.clip_rect(2).right() - 3, y))
    assert calls.of("move_requested") == [(0, 1), (0, 2)]


def test_moving_a_clip_to_the_front(view: TimelineView, calls: Recorder) -> None:
    last = view.clip_rect(2)
    y = last.center().y()
    drag(
        view,
        last.center(),
        QPointF(last.center().x() - 30, y),
        QPointF(view.clip_rect(0).left() + 5, y),
    )
    assert calls.of("move_requested") == [(2, 0)]
    assert calls.of("trim_requested") == []


def test_a_click_on_a_clip_without_moving_asks_for_nothing(
    view: TimelineView, calls: Recorder
) -> None:
    center = view.clip_rect(0).center()
    drag(view, center, QPointF(center.x() + 1, center.y()))
    assert [name for name, _args in calls.calls] == ["clip_selected"]


def test_s_splits_at_the_playhead(view: TimelineView, calls: Recorder) -> None:
    view.set_playhead(5.5)
    QTest.keyClick(view, Qt.Key.Key_S)
    assert calls.calls == [("split_requested", (pytest.approx(5.5),))]


def test_delete_and_backspace_remove_the_selected_clip(view: TimelineView, calls: Recorder) -> None:
    QTest.keyClick(view, Qt.Key.Key_Delete)  # nothing selected: nothing to delete
    assert calls.calls == []
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.clip_rect(2).center().toPoint())
    QTest.keyClick(view, Qt.Key.Key_Delete)
    view.set_selected_clip(0)
    QTest.keyClick(view, Qt.Key.Key_Backspace)
    assert calls.of("delete_requested") == [(2,), (0,)]


def test_the_context_menu_splits_and_deletes(view: TimelineView, calls: Recorder) -> None:
    view.set_playhead(6.0)
    menu = view.context_menu(view.clip_rect(1).center())
    actions = {action.text(): action for action in menu.actions() if action.text()}
    assert calls.of("clip_selected") == [(1,)]
    actions["Split at playhead"].trigger()
    actions["Delete clip"].trigger()
    assert calls.of("split_requested") == [(pytest.approx(6.0),)]
    assert calls.of("delete_requested") == [(1,)]


def test_edges_show_a_resize_cursor(view: TimelineView) -> None:
    rect = view.clip_rect(1)
    mouse(view, QEvent.Type.MouseMove, rect.left() + 2, rect.center().y())
    assert view.cursor().shape() == Qt.CursorShape.SizeHorCursor
    assert "trim" in view.toolTip()
    mouse(view, QEvent.Type.MouseMove, rect.center().x(), rect.center().y())
    assert view.cursor().shape() == Qt.CursorShape.OpenHandCursor


# -- overlays ------------------------------------------------------------------------------


def test_dragging_an_overlay_bar_retimes_it(view: TimelineView, calls: Recorder) -> None:
    view.set_playhead(9.0)
    bar = view.overlay_rect(0)  # 1–3 s
    y = bar.center().y()
    drag(view, bar.center(), QPointF(bar.center().x() + pixels(view, 1.5), y))
    assert calls.of("overlay_selected") == [(0,)]
    assert calls.of("overlay_timing_requested") == [(0, pytest.approx(2.5), pytest.approx(4.5))]


def test_dragging_an_overlays_edge_changes_one_end(view: TimelineView, calls: Recorder) -> None:
    view.set_playhead(9.0)
    bar = view.overlay_rect(1)  # 5–7 s
    y = bar.center().y()
    drag(view, QPointF(bar.right() - 2, y), QPointF(bar.right() - 2 + pixels(view, 2.0), y))
    drag(view, QPointF(bar.left() + 2, y), QPointF(bar.left() + 2 - pixels(view, 1.0), y))
    assert calls.of("overlay_timing_requested") == [
        (1, pytest.approx(5.0), pytest.approx(9.0)),
        (1, pytest.approx(4.0), pytest.approx(7.0)),
    ]


def test_an_overlay_cannot_be_dragged_off_the_timeline(view: TimelineView, calls: Recorder) -> None:
    bar = view.overlay_rect(0)
    y = bar.center().y()
    drag(view, bar.center(), QPointF(bar.center().x() - pixels(view, 5.0), y))
    assert calls.of("overlay_timing_requested") == [(0, 0.0, pytest.approx(2.0))]


# -- showing state emits nothing -----------------------------------------------------------


def test_showing_state_emits_nothing(view: TimelineView, calls: Recorder) -> None:
    pixmap = QPixmap(90, 160)
    pixmap.fill(QColor("#3C8FE0"))
    view.show_edit(VideoEdit(clips=(Clip("b"),)), DURATIONS)
    view.set_strip("b", [(0.0, pixmap), (2.0, pixmap)])
    view.set_playhead(3.0)
    view.set_selected_clip(0)
    view.set_selected_overlay(-1)
    view.show_edit(sample_edit(), DURATIONS)
    view.grab()
    assert calls.calls == []


def test_a_new_edit_cancels_a_drag_in_progress(view: TimelineView, calls: Recorder) -> None:
    rect = view.clip_rect(0)
    y = rect.center().y()
    drag(view, QPointF(rect.right() - 2, y), QPointF(rect.right() - 60, y), release=False)
    view.show_edit(VideoEdit(clips=(Clip("b"),)), DURATIONS)
    mouse(view, QEvent.Type.MouseButtonRelease, rect.right() - 60, y)
    assert calls.of("trim_requested") == []


def test_escape_cancels_a_drag(view: TimelineView, calls: Recorder) -> None:
    rect = view.clip_rect(0)
    y = rect.center().y()
    drag(view, QPointF(rect.right() - 2, y), QPointF(rect.right() - 60, y), release=False)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    mouse(view, QEvent.Type.MouseButtonRelease, rect.right() - 60, y)
    assert calls.of("trim_requested") == []


# -- zoom and scroll -----------------------------------------------------------------------


def wheel(view: TimelineView, x: float, steps: int, modifiers: Qt.KeyboardModifier) -> None:
    position = QPointF(x, CLIPS_TOP + 10)
    event = QWheelEvent(
        position,
        view.mapToGlobal(position),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)


def test_ctrl_wheel_zooms_around_the_pointer_and_wheel_scrolls(view: TimelineView) -> None:
    x = view.axis().x(6.0)
    fit = view.axis().pixels_per_second
    wheel(view, x, 3, Qt.KeyboardModifier.ControlModifier)
    assert view.axis().pixels_per_second > fit * 1.5
    assert view.axis().t(x) == pytest.approx(6.0, abs=0.01)  # the time under the pointer stays
    before = view.axis().scroll
    wheel(view, x, -2, Qt.KeyboardModifier.NoModifier)  # wheel down: later in time
    assert view.axis().scroll > before
    # Zooming out never goes past the whole timeline.
    wheel(view, x, -30, Qt.KeyboardModifier.ControlModifier)
    assert view.axis().pixels_per_second == pytest.approx(fit)
    assert view.axis().scroll == 0.0


def test_the_playhead_stays_in_view_when_zoomed(view: TimelineView) -> None:
    view.zoom(8.0, view.axis().x(0.0))
    assert view.axis().scroll == pytest.approx(0.0)
    view.set_playhead(9.0)
    axis = view.axis()
    assert axis.origin <= axis.x(9.0) <= view.width()


def test_thumbnails_and_badges_draw(view: TimelineView, qtbot) -> None:
    """A smoke test of the painting paths: strips, a selected clip, a live move."""
    pixmap = QPixmap(90, 160)
    pixmap.fill(QColor("#E2A33A"))
    view.set_strip("a", [(t, pixmap) for t in range(10)])
    view.set_selected_clip(2)
    view.set_selected_overlay(1)
    image = view.grab().toImage()
    inside = view.clip_rect(0).center().toPoint()
    assert image.pixelColor(inside.x(), inside.y() + 20).name() == "#e2a33a"
    rect = view.clip_rect(1)
    drag(view, rect.center(), QPointF(rect.center().x() + 80, rect.center().y()), release=False)
    view.grab()


def test_the_clip_limit_has_a_sentence() -> None:
    assert message("video.too_many_clips", {"max": 100}).startswith(
        "The video can have at most 100 clips."
    )


# -- the arithmetic behind it --------------------------------------------------------------


@pytest.mark.parametrize("pixels_per_second", [0.05, 1.0, 10.0, 64.0, 300.0, 720.0])
def test_ruler_labels_never_crowd(pixels_per_second: float) -> None:
    major, minor = ruler_step(pixels_per_second)
    assert major * pixels_per_second >= 64 or major >= 3600
    assert minor == 1 or major / minor * pixels_per_second >= 7


def test_ruler_ticks_run_from_the_view_to_the_end() -> None:
    axis = TimeAxis(origin=50.0, pixels_per_second=40.0, scroll=2.0)
    ticks = ruler_ticks(axis, 450.0, 8.0)
    # From the widget's left edge (0.75 s under the track icons) to one label past the end.
    step = ticks[1][0] - ticks[0][0]
    assert 0.75 - step < ticks[0][0] <= 0.75
    assert [t for t, major in ticks if major] == pytest.approx([2.0, 4.0, 6.0, 8.0, 10.0])
    assert ticks[-1][0] == pytest.approx(10.0)


@pytest.mark.parametrize(
    ("t", "major", "label"),
    [(0.0, 1.0, "00:00"), (75.0, 5.0, "01:15"), (3725.0, 60.0, "1:02:05"), (1.5, 0.5, "15f")],
)
def test_tick_labels(t: float, major: float, label: str) -> None:
    assert tick_label(t, major) == label


def test_overlapping_overlays_get_their_own_lanes() -> None:
    layer = TextLayer("x")
    overlays = [
        Overlay(0, 4, layer),
        Overlay(1, 2, layer),
        Overlay(2, 5, layer),
        Overlay(5, 6, layer),
    ]
    assert overlay_lanes(overlays) == [0, 1, 1, 0]


def test_drop_slot_counts_midpoints() -> None:
    placed = sample_edit().placed(DURATIONS)  # 0–4, 4–8, 8–10
    assert drop_slot(placed, 3, 0, 5.9) == (0, pytest.approx(4.0))  # stays: marker at its end
    assert drop_slot(placed, 3, 0, 6.1) == (1, pytest.approx(8.0))
    assert drop_slot(placed, 3, 0, 9.5) == (2, pytest.approx(10.0))
    assert drop_slot(placed, 3, 2, 1.0) == (0, pytest.approx(0.0))
    assert drop_slot(placed, 3, 2, 2.5) == (1, pytest.approx(4.0))
