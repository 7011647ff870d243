"""Cover (封面): the frame the note shows in the feed.

The window finds good candidates (sharp, well exposed, with faces) off the UI thread and hands
them over with `show_candidates`; a click on one makes it the cover, as does "Use the frame at
the playhead" for any other moment. Designing a cover with a template (a title on the frame)
happens elsewhere, so the panel only asks for it (`template_requested`). Each choice is one
step (`committed`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.video.edit import Cover, VideoEdit
from studio.editor.panels.panel_style import PANEL_MUTED, PANEL_RAISED, style_panel
from studio.style import ACCENT
from studio.video.panels.parts import (
    VIDEO_PANEL_STYLESHEET,
    clock,
    heading,
    hint,
    same_frame,
    title,
)

COLUMNS = 3
_RADIUS = 8
_TALLEST = 16 / 9
"""The tallest tile (height / width), for a 9:16 video."""


class CandidateTile(QAbstractButton):
    """A candidate frame with its time; the cover in use wears the accent ring."""

    def __init__(self, time: float, picture: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.time = time
        self._picture = picture
        self._shape = (
            min(max(picture.height() / picture.width(), 0.5), _TALLEST)
            if picture.width() > 0
            else 4 / 3
        )
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setToolTip(self.tr("Use the frame at {time} as the cover").format(time=clock(time)))
        self.setAccessibleName(self.tr("Frame at {time}").format(time=clock(time)))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return round(width * self._shape)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(96, self.heightForWidth(96))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        tile = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        shape = QPainterPath()
        shape.addRoundedRect(tile, _RADIUS, _RADIUS)
        painter.fillPath(shape, QColor(PANEL_RAISED))
        if not self._picture.isNull():
            painter.save()
            painter.setClipPath(shape)
            # Fill the tile, cutting what overflows evenly on both sides.
            scaled = self._picture.size().scaled(
                tile.size().toSize(), Qt.AspectRatioMode.KeepAspectRatioByExpanding
            )
            target = QRectF(0, 0, scaled.width(), scaled.height())
            target.moveCenter(tile.center())
            painter.drawPixmap(target.toRect(), self._picture)
            painter.restore()
        on = self.isChecked()
        if on or self.underMouse():
            painter.setPen(QPen(QColor(ACCENT if on else PANEL_MUTED), 3 if on else 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tile.adjusted(1, 1, -1, -1), _RADIUS, _RADIUS)
        font = QFont(self.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        text = clock(self.time)
        pill = QRectF(0, 0, painter.fontMetrics().horizontalAdvance(text) + 12, 18)
        pill.moveBottomLeft(tile.bottomLeft() + QPointF(6, -6))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ACCENT) if on else QColor(0, 0, 0, 150))
        painter.drawRoundedRect(pill, 9, 9)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class CoverPanel(QWidget):
    previewed = Signal(object)
    """Part of the panel contract; choosing a cover is never a preview."""
    committed = Signal(object)
    """A VideoEdit that is one undo step: a cover chosen."""
    template_requested = Signal()
    """Design a cover from a frame with a template."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_panel(self)
        self.setStyleSheet(self.styleSheet() + VIDEO_PANEL_STYLESHEET)
        self._edit = VideoEdit()
        self._playhead = 0.0
        self.tiles: list[CandidateTile] = []
        self._group = QButtonGroup(self)

        card = QFrame(self)
        card.setObjectName("PanelCard")
        self.current_label = QLabel(card)
        self.current_label.setObjectName("Strong")
        self.current_note = QLabel(card)
        self.current_note.setObjectName("Subtle")
        self.current_note.setWordWrap(True)
        current = QVBoxLayout(card)
        current.setContentsMargins(12, 10, 12, 10)
        current.setSpacing(2)
        current.addWidget(self.current_label)
        current.addWidget(self.current_note)

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(4)
        self.busy_label = hint(self.tr("Finding sharp, well-lit frames…"), self)
        self.empty_label = hint(self.tr("Suggestions appear here once the video is read."), self)
        self.grid_box = QWidget(self)
        self.grid = QGridLayout(self.grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)

        self.playhead_button = QPushButton(self)
        self.playhead_button.setToolTip(
            self.tr("Move the playhead to any moment of the video, then use that frame")
        )
        self.playhead_button.clicked.connect(self._on_playhead_clicked)
        self.template_button = QPushButton(self.tr("Make a cover with a template…"), self)
        self.template_button.setObjectName("BigButton")
        self.template_button.clicked.connect(self.template_requested)

        suggestions_head = QHBoxLayout()
        suggestions_head.addWidget(heading(self.tr("Suggested frames"), self), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(title(self.tr("Cover"), self))
        layout.addWidget(card)
        layout.addLayout(suggestions_head)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.grid_box)
        layout.addWidget(self.playhead_button)
        layout.addWidget(heading(self.tr("Design"), self))
        layout.addWidget(self.template_button)
        layout.addWidget(
            hint(
                self.tr("Put your title on a frame with one of your cover templates."),
                self,
            )
        )
        layout.addStretch(1)
        self._busy = False
        self._show()

    # -- the contract with the window ------------------------------------------------------

    def set_playhead(self, playhead: float) -> None:
        """The playhead moved (a seek, a pause): what the playhead buttons use."""
        self._playhead = playhead
        self._show()

    def show_edit(self, edit: VideoEdit, *, playhead: float, **_window_state: object) -> None:
        """Show `edit`'s cover and what the playhead button would use; emits nothing. The
        window's other state (selection…) does not change the panel."""
        self._edit = edit
        self._playhead = playhead
        self._show()

    def set_busy(self, busy: bool) -> None:
        """Whether candidates are being found (the frames shown so far are kept, dimmed)."""
        self._busy = busy
        self._show()

    def show_candidates(self, candidates: list[tuple[float, QPixmap]]) -> None:
        """The frames to offer, each with its time on the output timeline, best first; the
        search is over."""
        for tile in self.tiles:
            self._group.removeButton(tile)
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for number, (time, picture) in enumerate(candidates):
            tile = CandidateTile(time, picture, self.grid_box)
            tile.clicked.connect(lambda _checked=False, time=time: self._choose(time))
            self._group.addButton(tile)
            self.grid.addWidget(tile, number // COLUMNS, number % COLUMNS)
            self.tiles.append(tile)
        self._busy = False
        self._show()

    # -- choosing --------------------------------------------------------------------------

    def _on_playhead_clicked(self) -> None:
        self._choose(self._playhead)

    def _choose(self, time: float) -> None:
        cover = Cover(time=round(time, 3))
        if cover != self._edit.cover:
            self._edit = replace(self._edit, cover=cover)
            self.committed.emit(self._edit)
        self._show()

    # -- display ---------------------------------------------------------------------------

    def _show(self) -> None:
        cover = self._edit.cover
        if cover is None:
            self.current_label.setText(self.tr("No cover chosen yet"))
            self.current_note.setText(self.tr("Pick one of the frames below, or any moment."))
        elif cover.sha256 is not None:
            self.current_label.setText(self.tr("Your designed cover"))
            self.current_note.setText(self.tr("Made with a template. Picking a frame replaces it."))
        else:
            self.current_label.setText(
                self.tr("The frame at {time}").format(time=clock(cover.time))
            )
            self.current_note.setText(self.tr("Shown in the feed before anyone presses play."))
        chosen = cover.time if cover is not None and cover.sha256 is None else None
        self._group.setExclusive(False)  # lets every tile show unchecked
        for tile in self.tiles:
            tile.setChecked(chosen is not None and same_frame(tile.time, chosen))
        self._group.setExclusive(True)
        self.busy_bar.setVisible(self._busy)
        self.busy_label.setVisible(self._busy)
        self.empty_label.setVisible(not self._busy and not self.tiles)
        self.grid_box.setVisible(bool(self.tiles))
        self.grid_box.setEnabled(not self._busy)
        self.playhead_button.setText(
            self.tr("Use the frame at the playhead ({time})").format(time=clock(self._playhead))
        )
