"""The video editor: preview, transport, timeline and the tabbed panels of one video note.

The editor holds the state — the note's `VideoEdit` with its undo history, the sources behind
its keys, the playhead, the selected clip and overlay — and nothing else decides anything:
panels and the timeline emit new edits or intents, the pure operations of
`editor.video.timeline` turn intents into edits, and every committed edit is reported with
`edit_committed(sha256, edit)` so the note saves it. Decoding and rendering run in the
`PreviewPlayer`'s thread, sources open on worker threads, exports in a child process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.video import timeline
from editor.video.edit import OUTPUT_FPS, Cover, Music, Overlay, VideoEdit
from editor.video.export import ExportResult
from editor.video.frames import frame_at
from editor.video.subtitles import with_subtitles
from publisher.domain.checks import video_length_violation
from studio.covers.catalog import TemplateEntry
from studio.editor.canvas import PhotoCanvas
from studio.editor.history import History
from studio.editor.photo_editor import EDITOR_STYLESHEET, PANEL_WIDTH, editor_toolbar
from studio.editor.photo_store import PhotoStore
from studio.looks_cache import LooksCache
from studio.messages import message, reason_of
from studio.ops import run_in_background
from studio.tasks import Lane
from studio.video import frame_jobs
from studio.video.cover_templates import VideoCoverDialog, edited_frame, make_cover_file
from studio.video.export_job import VideoExportJob
from studio.video.pan_tool import PanTool
from studio.video.panels.clip_panel import ClipPanel
from studio.video.panels.cover_panel import CoverPanel
from studio.video.panels.frame_panel import FramePanel
from studio.video.panels.look_panel import LookPanel
from studio.video.panels.music_panel import MusicPanel
from studio.video.panels.text_panel import TextPanel
from studio.video.player import PreviewPlayer, durations_of
from studio.video.sources import (
    AUDIO_PATTERNS,
    NOTE_VIDEO,
    VIDEO_PATTERNS,
    Source,
    import_music,
    import_video,
    open_sources,
    read_subtitles,
)
from studio.video.timeline_view import TimelineView
from studio.widgets.shortcuts import editor_shortcuts

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

VIDEO_EDITOR_STYLESHEET = (
    EDITOR_STYLESHEET.replace("#PhotoEditor", "#VideoEditor")
    + """
#Transport { background: #1C1D21; border-top: 1px solid #2C2E33; }
#Transport QLabel { color: #C9CBD1; font-size: 13px; font-family: monospace; }
#Transport #EncodeNote { color: #8E9199; font-family: sans-serif; font-size: 12px; }
#Transport QPushButton {
    background: #26272C; color: #E6E7EA; border: 1px solid #33353B; border-radius: 18px;
    padding: 0; font-size: 14px;
}
#Transport QPushButton:hover { border-color: #55575E; }
#LookScroll, #LookScroll > QWidget > QWidget { background: #1C1D21; border: none; }
#EditorToolbar QProgressBar {
    background: #26272C; border: 1px solid #33353B; border-radius: 6px; color: #E6E7EA;
    max-height: 12px; min-width: 140px; text-align: center; font-size: 10px;
}
#EditorToolbar QProgressBar::chunk { background: #FF2442; border-radius: 5px; }
"""
)


def format_time(seconds: float) -> str:
    """``mm:ss.ff`` with frames (at 30 fps), as editors show a frame-accurate playhead."""
    frames = max(0, round(seconds * OUTPUT_FPS))
    minutes, rest = divmod(frames, 60 * OUTPUT_FPS)
    secs, frame = divmod(rest, OUTPUT_FPS)
    return f"{minutes:02d}:{secs:02d}.{frame:02d}"


class VideoEditor(QWidget):
    """Edits the video of one note; `edit_committed(sha256, edit)` is every step."""

    edit_committed = Signal(str, object)
    back_requested = Signal()
    exported = Signal(object)
    """The `ExportResult` of an "Export…"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VideoEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(VIDEO_EDITOR_STYLESHEET)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._ctx = ctx
        self._store = PhotoStore(ctx.data_dir)
        self._looks = LooksCache.for_context(ctx)
        self._sha: str | None = None
        self._history: History[VideoEdit] | None = None
        self._sources: dict[str, Source] = {}
        self._selected_clip = 0
        self._selected_overlay = -1
        self._opening = 0
        self._candidates: list[tuple[float, QPixmap]] = []
        self._title = ""
        """Cover candidates of the note's video, at their source times."""
        self.player = PreviewPlayer(looks=self._looks, stickers=ctx.stickers, parent=self)
        self.export_job = VideoExportJob(ctx, self)
        self._build()
        self._connect()
        self._refresh_actions()

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        toolbar, bar, self.back_button = editor_toolbar(self)
        self.title_label = QLabel(self.tr("Video"), toolbar)
        self.title_label.setObjectName("EditorTitle")
        self.notice_label = QLabel(toolbar)
        self.notice_label.setObjectName("EditorNotice")
        self.undo_button = QPushButton(self.tr("Undo"), toolbar)
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.redo_button = QPushButton(self.tr("Redo"), toolbar)
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self.export_progress = QProgressBar(toolbar)
        self.export_progress.setRange(0, 1000)
        self.export_progress.hide()
        self.cancel_export_button = QPushButton(self.tr("Cancel export"), toolbar)
        self.cancel_export_button.hide()
        self.export_button = QPushButton(self.tr("Export…"), toolbar)
        self.export_button.setToolTip(
            self.tr("Save the edited video as an MP4 at the platform's size")
        )
        bar.addWidget(self.back_button)
        bar.addSpacing(8)
        bar.addWidget(self.title_label)
        bar.addSpacing(8)
        bar.addWidget(self.notice_label, 1)
        for widget in (self.undo_button, self.redo_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        for widget in (self.export_progress, self.cancel_export_button, self.export_button):
            bar.addWidget(widget)

        self.canvas = PhotoCanvas(self)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.pan_tool = PanTool(self.canvas, self)
        self.canvas.set_tool(self.pan_tool)
        transport = QWidget(self)
        transport.setObjectName("Transport")
        transport.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(transport)
        row.setContentsMargins(16, 6, 16, 6)
        row.setSpacing(8)
        self.step_back_button = QPushButton("⏮", transport)
        self.step_back_button.setToolTip(self.tr("Previous frame (←)"))
        self.play_button = QPushButton("▶", transport)
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        self.step_button = QPushButton("⏭", transport)
        self.step_button.setToolTip(self.tr("Next frame (→)"))
        self.time_label = QLabel(transport)
        self.encode_label = QLabel(transport)
        self.encode_label.setObjectName("EncodeNote")
        for widget in (self.step_back_button, self.play_button, self.step_button):
            widget.setFixedSize(36, 36)
            row.addWidget(widget)
        row.addSpacing(8)
        row.addWidget(self.time_label)
        row.addStretch(1)
        row.addWidget(self.encode_label)

        self.timeline = TimelineView(self)

        self.clip_panel = ClipPanel(self)
        self.frame_panel = FramePanel(self)
        self.look_panel = LookPanel(self._ctx, self)
        self.text_panel = TextPanel(self._ctx, self)
        self.music_panel = MusicPanel(self)
        self.cover_panel = CoverPanel(self)
        self.panels = (
            self.clip_panel,
            self.frame_panel,
            self.look_panel,
            self.text_panel,
            self.music_panel,
            self.cover_panel,
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("EditorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setDrawBase(False)
        self.tabs.setFixedWidth(PANEL_WIDTH)
        for widget, label in (
            (self.clip_panel, self.tr("Clip")),
            (self.frame_panel, self.tr("Frame")),
            (self.look_panel, self.tr("Look")),
            (self.text_panel, self.tr("Text")),
            (self.music_panel, self.tr("Music")),
            (self.cover_panel, self.tr("Cover")),
        ):
            self.tabs.addTab(widget, label)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(0)
        left.addWidget(self.canvas, 1)
        left.addWidget(transport)
        left.addWidget(self.timeline)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addLayout(left, 1)
        body.addWidget(self.tabs)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(toolbar)
        outer.addLayout(body, 1)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self._on_back)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.cancel_export_button.clicked.connect(self.export_job.cancel)
        self.export_job.progressed.connect(
            lambda fraction: self.export_progress.setValue(round(fraction * 1000))
        )
        self.export_job.finished.connect(self._on_exported)
        self.export_job.failed.connect(self._on_export_failed)
        self.play_button.clicked.connect(self.toggle_play)
        self.step_back_button.clicked.connect(lambda: self.step_frames(-1))
        self.step_button.clicked.connect(lambda: self.step_frames(1))
        self.player.frame_ready.connect(self._on_frame)
        self.player.playing_changed.connect(self._on_playing_changed)
        self.player.failed.connect(self._on_preview_failed)

        self.timeline.seek.connect(self.seek)
        self.timeline.clip_selected.connect(self._select_clip)
        self.timeline.overlay_selected.connect(self._select_overlay)
        self.timeline.trim_requested.connect(
            lambda index, start, end: self._apply(
                lambda e: timeline.trim_clip(e, self.durations, index, start, end)
            )
        )
        self.timeline.move_requested.connect(
            lambda index, to: self._apply(lambda e: timeline.move_clip(e, index, to))
        )
        self.timeline.split_requested.connect(self.split_at)
        self.timeline.delete_requested.connect(self.delete_clip)
        self.timeline.overlay_timing_requested.connect(self._retime_overlay)

        for source in (*self.panels, self.pan_tool):
            source.previewed.connect(self._preview)
            source.committed.connect(self.commit)
        self.clip_panel.split_requested.connect(lambda: self.split_at(self.player.position))
        self.clip_panel.delete_requested.connect(lambda: self.delete_clip(self._selected_clip))
        self.clip_panel.add_requested.connect(self._on_add_clip)
        self.text_panel.import_subtitles_requested.connect(self._on_import_subtitles)
        self.text_panel.overlay_selected.connect(self._select_overlay)
        self.music_panel.music_requested.connect(self._on_add_music)
        self.cover_panel.template_requested.connect(self._on_cover_template)

        editor_shortcuts(self, self.undo, self.redo, [("Space", self.toggle_play)])

    # -- which video -----------------------------------------------------------------------

    @property
    def sha256(self) -> str | None:
        return self._sha

    @property
    def edit(self) -> VideoEdit:
        return self._history.current if self._history is not None else VideoEdit()

    @property
    def durations(self) -> dict[str, float]:
        return durations_of(self._sources)

    @property
    def sources(self) -> dict[str, Source]:
        return dict(self._sources)

    def open_video(self, sha256: str, edit: VideoEdit, *, title: str = "") -> None:
        """Show the note's video `sha256` with its saved `edit`; `title` is the note's, for
        covers made from templates."""
        self._title = title
        if self._sha != sha256:
            self._sources, self._candidates = {}, []
        self._sha = sha256
        self._history = History(edit)
        self._selected_clip, self._selected_overlay = 0, -1
        self.player.pause()
        self.canvas.set_image(QImage())
        self.canvas.show_message(self.tr("Opening the video…"))
        self.notice_label.clear()
        self._open_sources()
        self._refresh_actions()

    def close_video(self) -> None:
        """Back to the note: playing stops and the preview lets go of the files."""
        self.player.release()

    def _open_sources(self) -> None:
        if self._sha is None:
            return
        self._opening += 1
        ticket, sha, edit = self._opening, self._sha, self.edit
        store, client_of, known = self._store, self._ctx.connection.client, dict(self._sources)
        music = edit.music.source if edit.music is not None else None
        run_in_background(
            self._ctx.runner,
            Lane.READ,
            owner=self,
            job=lambda _p: open_sources(
                store, client_of(), sha, edit.sources, known=known, music_key=music
            ),
            on_success=lambda sources: self._on_sources(ticket, sources),
            on_failure=lambda error: self._on_sources_failed(ticket, error),
        )

    def _on_sources(self, ticket: int, sources: dict[str, Source]) -> None:
        if ticket != self._opening:
            return
        self._sources = {**sources, **self._sources}  # a clip added meanwhile stays
        self._show_state()
        self._load_strips(sources.values())
        self._load_look_frame(sources.get(NOTE_VIDEO))
        self.cover_panel.set_busy(True)
        frame_jobs.load_cover_candidates(
            self, self._ctx, sources.get(NOTE_VIDEO), self._while_open(self._on_candidates)
        )

    def _load_look_frame(self, source: Source | None) -> None:
        """A frame for the look panel's filter thumbnails and histogram."""
        if source is None or source.video is None:
            return
        path, info = source.path, source.video
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=lambda _p: frame_at(path, min(1.0, info.duration / 10), max_side=512, info=info),
            on_success=self._while_open(self.look_panel.set_frame),
            on_failure=lambda _error: None,  # thumbnails stay plain; the preview reports it
        )

    def _while_open(self, deliver: Callable[..., None]) -> Callable[..., None]:
        """`deliver`, unless another video was opened meanwhile: a late answer (an upload,
        thumbnails, candidates) belongs to the video it was asked for."""
        opened = (self._sha, self._opening)

        def delivered(*args: object) -> None:
            if (self._sha, self._opening) == opened:
                deliver(*args)

        return delivered

    def forget_note(self) -> None:
        """Another note was opened: nothing of this one's video stays."""
        self._sha, self._history = None, None
        self._sources, self._candidates = {}, []
        self._opening += 1
        self.player.release()

    def _on_sources_failed(self, ticket: int, error: BaseException) -> None:
        if ticket == self._opening:
            self.canvas.show_message(
                self.tr("This video cannot be opened: {reason}").format(reason=reason_of(error))
            )

    def _load_strips(self, sources) -> None:
        for source in sources:
            if source.video is not None:
                frame_jobs.load_strip(
                    self, self._ctx, source, self._while_open(self.timeline.set_strip)
                )

    def _on_candidates(self, candidates: list[tuple[float, QPixmap]]) -> None:
        self._candidates = candidates
        self.cover_panel.set_busy(False)
        self._show_candidates()

    def _show_candidates(self) -> None:
        """The candidates found in the source, placed on the edit as it is now (a moment
        trimmed away is not offered)."""
        durations, placed = self.durations, []
        for source_time, picture in self._candidates:
            at = timeline.output_time(self.edit, durations, NOTE_VIDEO, source_time)
            if at is not None:
                placed.append((at, picture))
        self.cover_panel.show_candidates(placed)

    # -- edits -----------------------------------------------------------------------------

    def commit(self, edit: VideoEdit) -> None:
        """One undo step (from a panel, the timeline, an import…)."""
        if self._history is None or self._sha is None:
            return
        if self._history.commit(edit):
            self.edit_committed.emit(self._sha, edit)
        self._show_state()

    def _apply(self, operation) -> None:
        """Commit `operation(edit)`; an operation that refuses (ValueError) changes nothing."""
        try:
            edited = operation(self.edit)
        except ValueError:
            return
        self.commit(edited)

    def undo(self) -> None:
        if self._history is not None and self._history.can_undo:
            self._history.undo()
            self._announce()

    def redo(self) -> None:
        if self._history is not None and self._history.can_redo:
            self._history.redo()
            self._announce()

    def _announce(self) -> None:
        if self._sha is not None:
            self.edit_committed.emit(self._sha, self.edit)
        self._show_state()

    def _preview(self, edit: VideoEdit) -> None:
        """A panel's live value (a slider being dragged): shown, not committed."""
        if self._sources:
            self.player.load(edit, self._sources)

    def split_at(self, t: float) -> None:
        self._apply(lambda e: timeline.split(e, self.durations, t))

    def delete_clip(self, index: int) -> None:
        self._apply(lambda e: timeline.delete_clip(e, self.durations, index))
        self._selected_clip = min(self._selected_clip, len(self.edit.clips) - 1)

    def _retime_overlay(self, index: int, start: float, end: float) -> None:
        self._apply(lambda e: timeline.time_overlay(e, self.durations, index, start, end))

    def _select_clip(self, index: int) -> None:
        """-1 (a click beside the clips) keeps the clip panel on the last clip chosen."""
        if index >= 0:
            self._selected_clip = index
            self._selected_overlay = -1
        self._show_panels()

    def _select_overlay(self, index: int) -> None:
        self._selected_overlay = index
        overlays = self.edit.overlays
        if 0 <= index < len(overlays):
            self.seek(overlays[index].start)
        self._show_panels()

    # -- playback --------------------------------------------------------------------------

    def seek(self, t: float) -> None:
        duration = self.edit.duration(self.durations) if self._sources else 0.0
        t = min(max(0.0, t), max(0.0, duration - 1 / OUTPUT_FPS))
        self.player.seek(t)
        self._show_time(t)

    def step_frames(self, count: int) -> None:
        self.player.pause()
        self.seek(round(self.player.position * OUTPUT_FPS + count) / OUTPUT_FPS)

    def toggle_play(self) -> None:
        if self._sources:
            self.player.toggle()

    def _on_frame(self, image: QImage, t: float) -> None:
        self.canvas.set_image(image)
        self._show_time(t)

    def _on_playing_changed(self, playing: bool) -> None:
        self.play_button.setText("⏸" if playing else "▶")
        if not playing:
            self._show_playhead(self.player.position)

    def _on_preview_failed(self, error: BaseException) -> None:
        self.canvas.show_message(
            self.tr("This frame cannot be shown: {reason}").format(reason=reason_of(error))
        )

    def _show_time(self, t: float) -> None:
        total = self.edit.duration(self.durations) if self._sources else 0.0
        self.time_label.setText(f"{format_time(t)} / {format_time(total)}")
        self.timeline.set_playhead(t)
        if not self.player.playing:  # while playing, the panels hear it at the pause
            self._show_playhead(t)

    def _show_playhead(self, t: float) -> None:
        for panel in (self.clip_panel, self.text_panel, self.cover_panel):
            panel.set_playhead(t)

    # -- showing state ---------------------------------------------------------------------

    def _show_state(self) -> None:
        edit = self.edit
        self._selected_clip = min(self._selected_clip, len(edit.clips) - 1)
        if self._selected_overlay >= len(edit.overlays):
            self._selected_overlay = -1
        if self._sources:
            self.player.load(edit, self._sources)
            self.pan_tool.show_edit(edit, self._first_clip_size())
            self.timeline.show_edit(edit, self.durations)
            self.timeline.set_selected_clip(self._selected_clip)
            self.timeline.set_selected_overlay(self._selected_overlay)
            self._show_time(self.player.position)
        self._show_panels()
        if self._candidates:
            self._show_candidates()
        self._show_encode_note()
        self._refresh_actions()

    def _first_clip_size(self) -> tuple[int, int]:
        """The displayed size of the picture a crop frame is dragged over (the first clip's:
        clips of other shapes take the same fractions)."""
        source = self._sources.get(self.edit.clips[0].source)
        if source is None or source.video is None:
            return (1, 1)
        return source.video.width, source.video.height

    def _show_panels(self) -> None:
        edit, durations = self.edit, self.durations
        where = {
            "playhead": self.player.position,
            "selected_clip": self._selected_clip,
            "selected_overlay": self._selected_overlay,
            "durations": durations,
        }
        names = {key: source.name for key, source in self._sources.items() if source.name}
        for panel in self.panels:
            panel.show_edit(edit, names=names, **where)

    def _show_encode_note(self) -> None:
        edit = self.edit
        if edit.is_plain_trim:
            text = self.tr("Only trimmed: exported as a lossless stream copy, cut at keyframes")
        else:
            width, height = edit.frame.size if edit.frame is not None else (0, 0)
            text = (
                self.tr("Exported as H.264/AAC, {width}×{height}, 30 fps").format(
                    width=width, height=height
                )
                if width
                else self.tr("Exported as H.264/AAC at the platform's size, 30 fps")
            )
        self.encode_label.setText(text)

    def _refresh_actions(self) -> None:
        history = self._history
        self.undo_button.setEnabled(history is not None and history.can_undo)
        self.redo_button.setEnabled(history is not None and history.can_redo)
        busy = self.export_job.busy
        self.export_button.setEnabled(bool(self._sources) and not busy)
        self.export_progress.setVisible(busy)
        self.cancel_export_button.setVisible(busy)

    # -- imports ---------------------------------------------------------------------------

    def _on_add_clip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Add a video"),
            str(Path.home()),
            self.tr("Videos ({patterns})").format(patterns=VIDEO_PATTERNS),
        )
        if path:
            self.add_clip_file(Path(path))

    def add_clip_file(self, path: Path) -> None:
        """Append a video file as another clip (gated, then uploaded, on a worker)."""
        self._import(path, import_video, self._on_clip_imported)

    def _import(
        self,
        path: Path,
        bring_in: Callable[[StudioClient, Path], Source],
        done: Callable[[Source], None],
    ) -> None:
        """A file the creator picked, through its gate and uploaded on a worker; `done` gets
        its `Source` if this video is still the one open."""
        client_of = self._ctx.connection.client
        self.notice_label.setText(self.tr("Adding {name}…").format(name=path.name))
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=lambda _p: bring_in(client_of(), path),
            on_success=self._while_open(done),
            on_failure=self._on_import_failed,
        )

    def _on_clip_imported(self, source: Source) -> None:
        self.notice_label.clear()
        self._sources[source.key] = source
        self._load_strips([source])
        self.commit(timeline.add_clip(self.edit, source.key))

    def _on_add_music(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Add music"),
            str(Path.home()),
            self.tr("Sound ({patterns})").format(patterns=AUDIO_PATTERNS),
        )
        if path:
            self.add_music_file(Path(path))

    def add_music_file(self, path: Path) -> None:
        """Mix a sound file (or a video's sound) under the video."""
        self._import(path, import_music, self._on_music_imported)

    def _on_music_imported(self, source: Source) -> None:
        self.notice_label.clear()
        self._sources[source.key] = source
        music = self.edit.music or Music(source.key, fade_in=1.0, fade_out=2.0)
        self.commit(replace(self.edit, music=replace(music, source=source.key)))

    def _on_import_subtitles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import subtitles"), str(Path.home()), self.tr("Subtitles (*.srt)")
        )
        if path:
            self.import_subtitles(Path(path))

    def import_subtitles(self, path: Path) -> None:
        """Replace the subtitle overlays with those of an SRT file (read on a worker)."""
        run_in_background(
            self._ctx.runner,
            Lane.DISK,
            owner=self,
            job=lambda _p: read_subtitles(path),
            on_success=self._while_open(lambda overlays: self._on_subtitles(path, overlays)),
            on_failure=self._on_import_failed,
        )

    def _on_subtitles(self, path: Path, overlays: tuple[Overlay, ...]) -> None:
        self.commit(with_subtitles(self.edit, overlays))
        self._ctx.notifier.success(
            self.tr("{count} subtitle(s) imported from {name}.").format(
                count=len(overlays), name=path.name
            )
        )

    def _on_import_failed(self, error: BaseException) -> None:
        self.notice_label.clear()
        self._ctx.notifier.error(self.tr("Not added: {reason}").format(reason=reason_of(error)))

    def _on_cover_template(self) -> None:
        """The cover frame (the chosen one, else the playhead's) in a video-cover template."""
        if not self._sources:
            return
        edit, sources = self.edit, dict(self._sources)
        looks, stickers = self._looks, self._ctx.stickers
        at = edit.cover.time if edit.cover is not None else self.player.position
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=lambda _p: edited_frame(edit, sources, at, looks=looks, stickers=stickers),
            on_success=self._while_open(lambda frame: self._choose_cover_template(frame, at)),
            on_failure=self._on_import_failed,
        )

    def _choose_cover_template(self, frame: np.ndarray, at: float) -> None:
        dialog = VideoCoverDialog(self._ctx, self)
        dialog.chosen.connect(lambda entry: self._make_template_cover(entry, frame, at))
        dialog.finished.connect(dialog.deleteLater)
        dialog.show_frame(frame, self._title)

    def _make_template_cover(self, entry: TemplateEntry, frame: np.ndarray, at: float) -> None:
        client_of, title = self._ctx.connection.client, self._title
        brand, stickers = self._ctx.brand.style, self._ctx.stickers
        folder = self._store.folder / "covers"

        def job(_progress: object) -> str:
            path = make_cover_file(entry, frame, title, folder, brand=brand, stickers=stickers)
            try:
                return client_of().upload_media(path).sha256
            finally:
                path.unlink(missing_ok=True)

        self.notice_label.setText(self.tr("Making the cover…"))
        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=self,
            job=job,
            on_success=self._while_open(lambda sha: self._on_template_cover(at, sha)),
            on_failure=self._on_import_failed,
        )

    def _on_template_cover(self, at: float, sha256: str) -> None:
        self.notice_label.clear()
        self.commit(replace(self.edit, cover=Cover(time=at, sha256=sha256)))

    # -- export ----------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the video"),
            str(Path.home() / "zhongcao-video.mp4"),
            self.tr("MP4 video (*.mp4)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> None:
        """Render the edit into `out` in a child process, with progress and cancel; a video
        longer than the platform takes is refused first, a long one warned about."""
        violation = video_length_violation(self.edit.duration(self.durations), self._ctx.rules)
        if violation is not None:
            text = message(violation.code, violation.params)
            if violation.level == "block":
                self._ctx.notifier.error(self.tr("Not exported: {reason}").format(reason=text))
                return
            self._ctx.notifier.info(text)
        paths = {key: source.path for key, source in self._sources.items()}
        if self.export_job.start(self.edit, paths, out):
            self.export_progress.setValue(0)
            self._refresh_actions()

    def _on_exported(self, result: ExportResult) -> None:
        self._refresh_actions()
        self.exported.emit(result)
        how = self.tr("stream copy, no re-encode") if result.stream_copy else self.tr("H.264/AAC")
        self._ctx.notifier.success(
            self.tr("Exported to {path} ({how})").format(path=result.path, how=how)
        )

    def _on_export_failed(self, error: BaseException) -> None:
        self._refresh_actions()
        if getattr(error, "code", None) == "video.cancelled":
            self._ctx.notifier.info(self.tr("Export cancelled; nothing was written."))
            return
        self._ctx.notifier.error(self.tr("Not exported: {reason}").format(reason=reason_of(error)))

    def _on_back(self) -> None:
        self.player.pause()
        self.back_requested.emit()
