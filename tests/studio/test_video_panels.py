"""The video editor's panels: each control commits the edit it should (and only that change),
sliders preview while dragged, intents are only asked for, and showing an edit emits nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtTest import QTest

from editor.layers import StickerLayer, TextLayer
from editor.recipe import Adjust, FilterLook, Recipe
from editor.video.edit import Clip, Cover, Frame, Music, Overlay, VideoEdit
from editor.video.timeline import moved_span, new_span
from studio.context import AppContext
from studio.editor.panels.slider_row import SliderRow
from studio.video.panels.clip_panel import ClipPanel
from studio.video.panels.cover_panel import CoverPanel
from studio.video.panels.frame_panel import FramePanel
from studio.video.panels.look_panel import LookPanel
from studio.video.panels.music_panel import MusicPanel
from studio.video.panels.parts import clock
from studio.video.panels.text_panel import TextPanel

LEFT = Qt.MouseButton.LeftButton
DURATIONS = {"a": 10.0, "b": 6.0, "song": 151.0}
"""Two videos of 10 s and 6 s and a song: the default edit below is 10 s + 3 s = 13 s long."""
TWO_CLIPS = VideoEdit(clips=(Clip("a"), Clip("b", start=0.0, end=6.0, speed=2.0)))
TITLE = TextLayer("周末探店", y=0.2)
SUBTITLE = TextLayer("大家好", size=0.04, y=0.85)


class Recorder:
    """Everything a panel emitted, by signal."""

    def __init__(self, panel, *names: str) -> None:
        self.seen: dict[str, list] = {name: [] for name in ("previewed", "committed", *names)}
        for name, got in self.seen.items():
            getattr(panel, name).connect(
                lambda *args, got=got: got.append(args[0] if args else None)
            )

    def __getitem__(self, name: str) -> list:
        return self.seen[name]

    @property
    def silent(self) -> bool:
        return not any(self.seen.values())


def _drag(row: SliderRow, position: int) -> None:
    """Hold the handle, move it to `position` (the slider's integer units) and let go."""
    row.slider.setSliderDown(True)
    row.slider.setValue(position)
    row.slider.setSliderDown(False)


def _shown(widget, qtbot, height: int = 760):
    qtbot.addWidget(widget)
    widget.resize(368, height)
    widget.show()
    return widget


@pytest.fixture
def ctx(qapp, tmp_path: Path):
    """A real app context on a fresh data folder, its backend never started: the panels only
    need its task lanes, language and events."""
    context = AppContext.create(tmp_path / "data", "en")
    yield context
    context.shutdown()
    context.dispose()


# -- clip ----------------------------------------------------------------------------------


@pytest.fixture
def clip_panel(qtbot):
    panel = _shown(ClipPanel(), qtbot)
    panel.show_edit(TWO_CLIPS, playhead=11.0, selected_clip=1, durations=DURATIONS)
    return panel


def test_clip_panel_shows_the_selected_clip_and_emits_nothing(qtbot):
    panel = _shown(ClipPanel(), qtbot)
    seen = Recorder(panel, "split_requested", "delete_requested", "add_requested")
    panel.show_edit(TWO_CLIPS, playhead=11.0, selected_clip=1, durations=DURATIONS)
    assert panel.speed.value() == 2.0
    assert panel.position_label.text() == "Clip 2 of 2"
    assert "0:00.0 – 0:06.0" in panel.span_label.text() and "3.0 s" in panel.span_label.text()
    assert panel.keep_sound_tile.isChecked() and not panel.mute_tile.isChecked()
    panel.show_edit(TWO_CLIPS, playhead=0.0, selected_clip=-1, durations=DURATIONS)
    assert panel.clip_controls.isHidden() and not panel.empty_hint.isHidden()
    panel.show_edit(TWO_CLIPS, playhead=0.0, selected_clip=5, durations=DURATIONS)
    assert panel.clip_controls.isHidden()
    assert seen.silent


def test_dragging_speed_previews_and_release_commits_the_selected_clip_only(clip_panel):
    seen = Recorder(clip_panel)
    clip_panel.show_edit(TWO_CLIPS, playhead=3.0, selected_clip=0, durations=DURATIONS)
    _drag(clip_panel.speed, 150)
    assert [edit.clips[0].speed for edit in seen["previewed"]] == [1.5]
    (committed,) = seen["committed"]
    assert committed.clips == (Clip("a", speed=1.5), TWO_CLIPS.clips[1])
    assert replace(committed, clips=TWO_CLIPS.clips) == TWO_CLIPS


def test_a_speed_mark_picks_that_speed(clip_panel, qtbot):
    seen = Recorder(clip_panel)
    marks = clip_panel.speed_marks
    QTest.mouseClick(marks, LEFT, pos=QPoint(round(marks.mark_x(1.0)), 10))
    (committed,) = seen["committed"]
    assert committed.clips[1].speed == 1.0 and committed.clips[0] == TWO_CLIPS.clips[0]
    assert clip_panel.speed.value() == 1.0


def test_mute_and_keep_sound_commit_the_clip_s_sound(clip_panel, qtbot):
    seen = Recorder(clip_panel)
    qtbot.mouseClick(clip_panel.mute_tile, LEFT)
    qtbot.mouseClick(clip_panel.mute_tile, LEFT)  # already muted: no second step
    (muted,) = seen["committed"]
    assert muted.clips[1].mute and not muted.clips[0].mute
    clip_panel.show_edit(muted, playhead=11.0, selected_clip=1, durations=DURATIONS)
    qtbot.mouseClick(clip_panel.keep_sound_tile, LEFT)
    assert seen["committed"][-1] == TWO_CLIPS


def test_split_delete_and_add_are_asked_for_not_done(clip_panel, qtbot):
    seen = Recorder(clip_panel, "split_requested", "delete_requested", "add_requested")
    for button in (clip_panel.split_button, clip_panel.delete_button, clip_panel.add_button):
        qtbot.mouseClick(button, LEFT)
    assert seen["split_requested"] == [None]
    assert seen["delete_requested"] == [None]
    assert seen["add_requested"] == [None]
    assert seen["committed"] == [] and seen["previewed"] == []


def test_split_needs_the_playhead_inside_the_clip_and_delete_a_second_clip(clip_panel):
    assert clip_panel.split_button.isEnabled()  # 11.0 is inside clip 2 (10.0–13.0)
    clip_panel.show_edit(TWO_CLIPS, playhead=10.0, selected_clip=1, durations=DURATIONS)
    assert not clip_panel.split_button.isEnabled()  # at its very start nothing is cut off
    alone = VideoEdit(clips=(Clip("a"),))
    clip_panel.show_edit(alone, playhead=5.0, selected_clip=0, durations=DURATIONS)
    assert clip_panel.split_button.isEnabled()
    assert not clip_panel.delete_button.isEnabled()


# -- frame ---------------------------------------------------------------------------------


@pytest.fixture
def frame_panel(qtbot):
    panel = _shown(FramePanel(), qtbot)
    panel.show_edit(VideoEdit())
    return panel


def test_frame_panel_shows_the_frame_and_emits_nothing(qtbot):
    panel = _shown(FramePanel(), qtbot)
    seen = Recorder(panel)
    panel.show_edit(VideoEdit())
    assert panel.shape_tiles[""].isChecked() and panel.fill_controls.isHidden()
    assert "no re-encoding" in panel.shape_note.text()
    panel.show_edit(VideoEdit(frame=Frame("1:1", "crop", x=0.3, y=0.5, zoom=1.5)))
    assert panel.shape_tiles["1:1"].isChecked() and not panel.shape_tiles[""].isChecked()
    assert panel.crop_tile.isChecked() and not panel.crop_controls.isHidden()
    assert (panel.zoom.value(), panel.x.value(), panel.y.value()) == (1.5, -20, 0)
    assert "1080 × 1080" in panel.shape_note.text()
    assert seen.silent


def test_choosing_a_shape_commits_its_aspect_and_as_shot_commits_no_frame(frame_panel, qtbot):
    seen = Recorder(frame_panel)
    qtbot.mouseClick(frame_panel.shape_tiles["3:4"], LEFT)
    assert seen["committed"][-1] == VideoEdit(frame=Frame(aspect="3:4"))
    assert not frame_panel.fill_controls.isHidden()
    qtbot.mouseClick(frame_panel.shape_tiles["9:16"], LEFT)
    assert seen["committed"][-1].frame == Frame(aspect="9:16")
    qtbot.mouseClick(frame_panel.shape_tiles[""], LEFT)
    assert seen["committed"][-1] == VideoEdit()
    assert len(seen["committed"]) == 3


def test_fit_commits_mode_fit_and_keeps_the_shape(qtbot):
    panel = _shown(FramePanel(), qtbot)
    panel.show_edit(VideoEdit(frame=Frame("3:4", x=0.2)))
    seen = Recorder(panel)
    qtbot.mouseClick(panel.fit_tile, LEFT)
    (committed,) = seen["committed"]
    assert committed.frame == Frame("3:4", "fit", x=0.2)
    assert panel.crop_controls.isHidden() and not panel.fit_hint.isHidden()


def test_crop_position_and_zoom_preview_while_dragged_and_commit_on_release(qtbot):
    panel = _shown(FramePanel(), qtbot)
    edit = VideoEdit(frame=Frame("9:16"))
    panel.show_edit(edit)
    seen = Recorder(panel)
    _drag(panel.x, -30)  # 30 to the left of the centre
    _drag(panel.zoom, 200)
    assert [e.frame.x for e in seen["previewed"][:1]] == [pytest.approx(0.2)]
    first, second = seen["committed"]
    assert first.frame == Frame("9:16", x=pytest.approx(0.2))
    assert second.frame == Frame("9:16", x=pytest.approx(0.2), zoom=2.0)


# -- look ----------------------------------------------------------------------------------


def test_look_panel_turns_the_photo_panels_recipes_into_the_edit_s_look(ctx, qtbot):
    panel = _shown(LookPanel(ctx), qtbot)
    edit = replace(TWO_CLIPS, frame=Frame("3:4"), look=Recipe(filter=FilterLook("builtin:film")))
    seen = Recorder(panel)
    panel.show_edit(edit)
    assert seen.silent
    assert panel.switch_buttons[panel.filters_panel].property("changed") == "true"
    assert panel.switch_buttons[panel.adjust_panel].property("changed") == "false"
    panel.show_part(panel.adjust_panel)
    _drag(panel.adjust_panel.rows["contrast"], 25)
    (previewed,) = seen["previewed"]
    (committed,) = seen["committed"]
    assert committed == replace(edit, look=edit.look.with_adjust(contrast=25))
    assert previewed == committed
    assert committed.look.adjust == Adjust(contrast=25) and committed.look.filter is not None
    assert panel.switch_buttons[panel.adjust_panel].property("changed") == "true"


# -- text ----------------------------------------------------------------------------------


@pytest.fixture
def text_panel(ctx, qtbot):
    panel = _shown(TextPanel(ctx), qtbot)
    panel.show_edit(TWO_CLIPS, playhead=2.0, selected_overlay=-1, durations=DURATIONS)
    return panel


def test_a_new_overlay_starts_at_the_playhead_and_stays_inside_the_video():
    assert new_span(2.0, 13.0) == (2.0, 5.0)
    assert new_span(12.0, 13.0) == (10.0, 13.0)  # still on screen at the playhead
    assert new_span(0.5, 2.0) == (0.0, 2.0)
    assert new_span(4.0, None) == (4.0, 7.0)


def test_setting_one_end_past_the_other_moves_the_whole_overlay():
    overlay = Overlay(2.0, 5.0, TITLE)
    assert moved_span(overlay, start=3.0) == (3.0, 5.0)
    assert moved_span(overlay, end=9.5) == (2.0, 9.5)
    assert moved_span(overlay, start=8.0) == (8.0, 11.0)  # keeps its 3 s
    assert moved_span(overlay, end=1.0) == (-2.0, 1.0)  # the timeline then starts it at 0


def test_add_text_at_playhead_two_makes_a_three_second_title_and_selects_it(text_panel, qtbot):
    seen = Recorder(text_panel, "overlay_selected")
    qtbot.mouseClick(text_panel.add_text_button, LEFT)
    (committed,) = seen["committed"]
    (overlay,) = committed.overlays
    assert (overlay.start, overlay.end, overlay.subtitle) == (2.0, 5.0, False)
    layer = overlay.layer
    assert isinstance(layer, TextLayer)
    assert (layer.x, layer.y, layer.align) == (0.5, 0.2, "center")
    assert layer.text == "Your title" and layer.shadow is not None
    assert committed.clips == TWO_CLIPS.clips
    assert seen["overlay_selected"] == [0]
    assert text_panel.selected == 0 and not text_panel.text_form.isHidden()
    assert text_panel.overlay_list.count() == 1
    assert clock(2.0) in text_panel.overlay_list.item(0).data(Qt.ItemDataRole.UserRole + 1)


def test_a_sticker_from_the_picker_shows_from_the_playhead(text_panel, qtbot):
    seen = Recorder(text_panel, "overlay_selected")
    qtbot.mouseClick(text_panel.stickers_button, LEFT)
    picker = text_panel.sticker_picker
    assert picker.isVisible()
    picker.chips["arrow"].click()
    arrow = picker.item_of("builtin:arrow_curved")
    qtbot.mouseClick(picker.grid.viewport(), LEFT, pos=picker.grid.visualItemRect(arrow).center())
    (committed,) = seen["committed"]
    assert committed.overlays == (Overlay(2.0, 5.0, StickerLayer("builtin:arrow_curved")),)
    assert seen["overlay_selected"] == [0]
    assert not text_panel.sticker_form.isHidden() and text_panel.text_form.isHidden()


def test_the_selected_overlay_s_times_are_typed_or_taken_from_the_playhead(text_panel, qtbot):
    edit = replace(TWO_CLIPS, overlays=(Overlay(1.0, 4.0, TITLE), Overlay(6.0, 8.0, TITLE)))
    text_panel.show_edit(edit, playhead=7.5, selected_overlay=1, durations=DURATIONS)
    seen = Recorder(text_panel, "overlay_selected")
    assert text_panel.start_field.value() == 6.0 and text_panel.end_field.value() == 8.0
    text_panel.end_field.setValue(9.5)
    assert seen["committed"][-1].overlays == (edit.overlays[0], Overlay(6.0, 9.5, TITLE))
    qtbot.mouseClick(text_panel.start_here_button, LEFT)
    assert seen["committed"][-1].overlays[1] == Overlay(7.5, 9.5, TITLE)
    assert text_panel.start_field.value() == 7.5
    text_panel.start_field.stepBy(1)
    assert seen["committed"][-1].overlays[1] == Overlay(7.6, 9.5, TITLE)
    assert len(seen["committed"]) == 3 and seen["overlay_selected"] == []


def test_picking_an_overlay_in_the_list_selects_it_and_styling_commits_it(text_panel, qtbot):
    sticker = Overlay(0.5, 2.0, StickerLayer("builtin:arrow_curl"))
    edit = replace(TWO_CLIPS, overlays=(Overlay(3.0, 6.0, TITLE), sticker))
    text_panel.show_edit(edit, playhead=0.0, selected_overlay=-1, durations=DURATIONS)
    seen = Recorder(text_panel, "overlay_selected")
    listed = text_panel.overlay_list
    assert listed.item(0).text() != TITLE.text  # in time order: the sticker first
    qtbot.mouseClick(listed.viewport(), LEFT, pos=listed.visualItemRect(listed.item(1)).center())
    assert seen["overlay_selected"] == [0]
    qtbot.mouseClick(text_panel.text_form.font_buttons["serif"], LEFT)
    (committed,) = seen["committed"]
    assert committed.overlays == (Overlay(3.0, 6.0, replace(TITLE, font="serif")), sticker)


def test_delete_and_remove_subtitles(text_panel, qtbot):
    title = Overlay(3.0, 6.0, TITLE)
    subtitles = (Overlay(0.0, 1.0, SUBTITLE, True), Overlay(1.0, 2.0, SUBTITLE, True))
    edit = replace(TWO_CLIPS, overlays=(*subtitles, title))
    text_panel.show_edit(edit, playhead=0.0, selected_overlay=2, durations=DURATIONS)
    seen = Recorder(text_panel, "overlay_selected")
    assert text_panel.remove_subtitles_button.isEnabled()
    qtbot.mouseClick(text_panel.remove_subtitles_button, LEFT)
    assert seen["committed"][-1].overlays == (title,)
    assert seen["overlay_selected"] == [0]  # the title, now first
    assert not text_panel.remove_subtitles_button.isEnabled()
    qtbot.mouseClick(text_panel.delete_button, LEFT)
    assert seen["committed"][-1] == TWO_CLIPS
    assert seen["overlay_selected"] == [0, -1]
    assert text_panel.timing.isHidden()


def test_one_subtitle_s_style_can_be_given_to_all(text_panel, qtbot):
    bigger = replace(SUBTITLE, size=0.06, color="#FFE100")
    subtitles = (
        Overlay(0.0, 1.0, bigger, True),
        Overlay(1.0, 2.0, replace(SUBTITLE, text="二"), True),
    )
    edit = replace(TWO_CLIPS, overlays=(Overlay(3.0, 6.0, TITLE), *subtitles))
    text_panel.show_edit(edit, playhead=0.0, selected_overlay=1, durations=DURATIONS)
    seen = Recorder(text_panel)
    assert not text_panel.all_subtitles_button.isHidden()
    qtbot.mouseClick(text_panel.all_subtitles_button, LEFT)
    (committed,) = seen["committed"]
    assert committed.overlays == (
        edit.overlays[0],
        subtitles[0],
        Overlay(1.0, 2.0, replace(bigger, text="二"), True),
    )


def test_text_panel_show_edit_emits_nothing_and_import_is_asked_for(ctx, qtbot):
    panel = _shown(TextPanel(ctx), qtbot)
    seen = Recorder(panel, "overlay_selected", "import_subtitles_requested")
    edit = replace(TWO_CLIPS, overlays=(Overlay(1.0, 4.0, TITLE),))
    for selected in (0, -1, 7):
        panel.show_edit(edit, playhead=1.0, selected_overlay=selected, durations=DURATIONS)
    assert seen.silent
    qtbot.mouseClick(panel.import_button, LEFT)
    assert seen["import_subtitles_requested"] == [None] and seen["committed"] == []


# -- music ---------------------------------------------------------------------------------


WITH_MUSIC = replace(TWO_CLIPS, music=Music("song", volume=0.8, fade_out=2.0))


@pytest.fixture
def music_panel(qtbot):
    panel = _shown(MusicPanel(), qtbot)
    panel.show_edit(WITH_MUSIC, durations=DURATIONS, names={"song": "晴天.mp3"})
    return panel


def test_music_panel_shows_the_song_and_emits_nothing(qtbot):
    panel = _shown(MusicPanel(), qtbot)
    seen = Recorder(panel, "music_requested")
    panel.show_edit(WITH_MUSIC, durations=DURATIONS, names={"song": "晴天.mp3"})
    assert panel.name_label.text() == "晴天.mp3" and "2:31" in panel.length_label.text()
    assert (panel.music_volume.value(), panel.fade_out.value()) == (80, 2.0)
    assert panel.add_button.isHidden() and not panel.remove_button.isHidden()
    panel.show_edit(TWO_CLIPS, durations=DURATIONS)
    assert not panel.add_button.isHidden() and panel.music_controls.isHidden()
    assert seen.silent


def test_changing_the_music_volume_previews_then_commits(music_panel):
    seen = Recorder(music_panel)
    _drag(music_panel.music_volume, 150)
    assert [edit.music.volume for edit in seen["previewed"]] == [1.5]
    (committed,) = seen["committed"]
    assert committed == replace(WITH_MUSIC, music=replace(WITH_MUSIC.music, volume=1.5))


def test_original_sound_and_fades_commit(music_panel):
    seen = Recorder(music_panel)
    music_panel.original_volume.field.setValue(40)
    music_panel.original_volume.field.editingFinished.emit()
    _drag(music_panel.fade_in, 25)
    first, second = seen["committed"]
    assert first == replace(WITH_MUSIC, original_volume=0.4)
    assert second.music == replace(WITH_MUSIC.music, fade_in=2.5)
    assert second.original_volume == 0.4


def test_music_is_asked_for_and_removed(music_panel, qtbot):
    seen = Recorder(music_panel, "music_requested")
    qtbot.mouseClick(music_panel.replace_button, LEFT)
    assert seen["music_requested"] == [None] and seen["committed"] == []
    qtbot.mouseClick(music_panel.remove_button, LEFT)
    assert seen["committed"] == [TWO_CLIPS]
    assert not music_panel.add_button.isHidden()
    qtbot.mouseClick(music_panel.add_button, LEFT)
    assert seen["music_requested"] == [None, None]


# -- cover ---------------------------------------------------------------------------------


def _picture(hue: int) -> QPixmap:
    picture = QPixmap(90, 120)
    picture.fill(QColor.fromHsv(hue, 160, 200))
    return picture


@pytest.fixture
def cover_panel(qtbot):
    panel = _shown(CoverPanel(), qtbot)
    panel.show_edit(TWO_CLIPS, playhead=4.2)
    panel.show_candidates([(t, _picture(i * 60)) for i, t in enumerate((0.8, 3.0, 7.5, 11.2))])
    return panel


def test_clicking_a_candidate_commits_the_cover_time_and_highlights_it(cover_panel, qtbot):
    seen = Recorder(cover_panel, "template_requested")
    tile = cover_panel.tiles[2]
    qtbot.mouseClick(tile, LEFT)
    (committed,) = seen["committed"]
    assert committed == replace(TWO_CLIPS, cover=Cover(time=7.5))
    assert [t.isChecked() for t in cover_panel.tiles] == [False, False, True, False]
    assert "0:07.5" in cover_panel.current_label.text()
    qtbot.mouseClick(tile, LEFT)  # the same frame again is no new step
    assert len(seen["committed"]) == 1


def test_the_playhead_frame_can_be_the_cover_and_a_template_is_asked_for(cover_panel, qtbot):
    seen = Recorder(cover_panel, "template_requested")
    assert "0:04.2" in cover_panel.playhead_button.text()
    qtbot.mouseClick(cover_panel.playhead_button, LEFT)
    assert seen["committed"] == [replace(TWO_CLIPS, cover=Cover(time=4.2))]
    assert not any(tile.isChecked() for tile in cover_panel.tiles)
    qtbot.mouseClick(cover_panel.template_button, LEFT)
    assert seen["template_requested"] == [None]


def test_cover_panel_shows_the_cover_and_its_busy_state_without_emitting(qtbot):
    panel = _shown(CoverPanel(), qtbot)
    seen = Recorder(panel, "template_requested")
    panel.show_edit(replace(TWO_CLIPS, cover=Cover(time=3.0)), playhead=0.0)
    panel.set_busy(True)
    assert not panel.busy_bar.isHidden() and panel.empty_label.isHidden()
    panel.show_candidates([(3.0, _picture(0)), (5.0, _picture(90))])
    assert panel.busy_bar.isHidden()
    assert [tile.isChecked() for tile in panel.tiles] == [True, False]
    designed = Cover(time=0.0, sha256="ab" * 32)
    panel.show_edit(replace(TWO_CLIPS, cover=designed), playhead=0.0)
    assert not any(tile.isChecked() for tile in panel.tiles)
    assert "template" in panel.current_note.text()
    panel.show_candidates([])
    assert not panel.empty_label.isHidden() and panel.grid_box.isHidden()
    assert seen.silent


# -- the window's side ---------------------------------------------------------------------


def test_every_panel_takes_the_window_s_whole_state_and_stays_silent(ctx, qtbot):
    """The window shows its state to every panel in one call; each panel takes what it shows."""
    edit = replace(WITH_MUSIC, overlays=(Overlay(1.0, 4.0, TITLE),), cover=Cover(time=2.0))
    state = {"playhead": 3.0, "selected_clip": 0, "selected_overlay": 0, "durations": DURATIONS}
    panels = [
        _shown(panel, qtbot)
        for panel in (
            ClipPanel(),
            FramePanel(),
            LookPanel(ctx),
            TextPanel(ctx),
            MusicPanel(),
            CoverPanel(),
        )
    ]
    recorders = [Recorder(panel) for panel in panels]
    for panel in panels:
        panel.show_edit(edit, **state, sources={})
    assert all(recorder.silent for recorder in recorders)
    clip, _frame, _look, text, music, cover = panels
    assert clip.speed.value() == 1.0 and text.selected == 0
    assert music.music_volume.value() == 80 and "0:02.0" in cover.current_label.text()


def test_clips_and_times_wait_for_every_source_s_length(ctx, qtbot):
    edit = replace(TWO_CLIPS, overlays=(Overlay(1.0, 4.0, TITLE),))
    unknown = {"a": 10.0}  # clip 2's video is still being read
    clip_panel = _shown(ClipPanel(), qtbot)
    clip_panel.show_edit(edit, playhead=2.0, selected_clip=0, durations=unknown)
    text_panel = _shown(TextPanel(ctx), qtbot)
    text_panel.show_edit(edit, playhead=2.0, selected_overlay=0, durations=unknown)
    seen, text_seen = Recorder(clip_panel), Recorder(text_panel)
    assert not clip_panel.clip_controls.isEnabled() and not text_panel.timing.isEnabled()
    _drag(clip_panel.speed, 150)
    assert seen.silent
    qtbot.mouseClick(text_panel.add_text_button, LEFT)  # adding a title still works
    assert text_seen["committed"][-1].overlays[1].start == 2.0
    assert text_panel.selected == 1
