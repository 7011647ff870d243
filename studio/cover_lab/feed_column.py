"""The lab's left column: the phone feed with the note's tile among the account's recent notes
(fetched in the read lane; grey sample tiles while they load, when there are none, or when
they could not be had), and what the size shown means on this screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from studio.cover_lab.failures import failure_text
from studio.cover_lab.feed_mock import PhoneFeed
from studio.cover_lab.jobs import RecentNote, fetch_recent
from studio.cover_lab.phone import TILE_WIDTH_MM, Density
from studio.cover_lab.tile import TilePainter, TileView
from studio.ops import Query

if TYPE_CHECKING:
    from studio.context import AppContext

SAMPLE_SHAPES = (1.0, 0.75, 4 / 3, 0.75, 0.75)
"""Cover shapes of the stand-in tiles, as a feed mixes square, portrait and landscape ones."""


class FeedColumn(QWidget):
    """`show_note(tile)` puts the note's tile first in the feed; `set_scale` sizes the phone."""

    def __init__(
        self,
        ctx: AppContext,
        painter: TilePainter,
        *,
        bounds: tuple[float, float],
        nickname: str,
        account_id: str | None,
        note_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._painter = painter
        self._bounds = bounds
        self._nickname = nickname
        self._account_id = account_id
        self._note_id = note_id
        self._note: TileView | None = None
        self.recent: list[RecentNote] | None = None
        """None while loading; empty when the account has no other notes or they failed."""

        caption = QLabel(self.tr("In the feed"), self)
        caption.setObjectName("LabCaption")
        self.phone = PhoneFeed(painter, self)
        self.phone.set_words(
            tabs=(self.tr("Follow"), self.tr("Explore"), self.tr("Nearby")),
            bar=(self.tr("Home"), self.tr("Market"), "", self.tr("Messages"), self.tr("Me")),
        )
        self.size_hint = QLabel(self)
        self.size_hint.setObjectName("Hint")
        self.size_hint.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("Hint")
        self.state.setWordWrap(True)
        self.retry = QPushButton(self.tr("Try again"), self)
        self.retry.setObjectName("BannerButton")
        self.retry.hide()
        self.retry.clicked.connect(self.load_recent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(caption)
        column.addWidget(self.phone)
        column.addWidget(self.size_hint)
        column.addWidget(self.state)
        column.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

    def set_scale(self, scale: float, density: Density, zoom: float) -> None:
        """Draw the phone at `scale` pixels a point, the real size on a screen of `density`
        times `zoom`, and say so."""
        self.phone.set_scale(scale)
        text = self.tr("A tile is {mm} mm wide on a phone.").format(mm=f"{TILE_WIDTH_MM:.0f}")
        if not density.measured:
            text += " " + self.tr(
                "This screen does not report its size, so the size here is approximate: "
                "hold a phone beside it to compare."
            )
        elif zoom != 1.0:
            text += " " + self.tr("Shown at twice that.")
        else:
            text += " " + self.tr("Shown at that size here.")
        self.size_hint.setText(text)
        for label in (self.size_hint, self.state):
            label.setFixedWidth(self.phone.width())

    def show_note(self, tile: TileView) -> None:
        self._note = tile
        self._refresh()

    def _refresh(self) -> None:
        tiles = [] if self._note is None else [self._note]
        if self.recent:
            tiles += [self._recent_tile(note) for note in self.recent]
        else:
            word = self.tr("Loading…") if self.recent is None else self.tr("Sample")
            tiles += [TilePainter.sample(aspect, word) for aspect in SAMPLE_SHAPES]
        self.phone.show_feed(tiles)

    def _recent_tile(self, note: RecentNote) -> TileView:
        picture = QPixmap.fromImage(note.picture) if note.picture is not None else None
        return self._painter.note(
            picture,
            note.size,
            self._bounds,
            title=note.title,
            nickname=self._nickname,
            like=self.tr("Like"),
        )

    def load_recent(self) -> None:
        self.retry.hide()
        if self._account_id is None:
            self._on_recent([])
            return
        self.recent = None
        self.state.setText(self.tr("Loading this account's recent notes…"))
        self._refresh()
        account_id, note_id = self._account_id, self._note_id
        Query(
            self._ctx,
            parent=self,
            op=lambda client: fetch_recent(client, account_id, note_id),
        ).success(self._on_recent).failure(self._on_failed).run()

    def _on_recent(self, recent: list[RecentNote]) -> None:
        self.recent = recent
        if recent:
            self.state.setText(self.tr("Around it: this account's recent notes."))
        else:
            self.state.setText(
                self.tr(
                    "This account has no other notes yet: the grey sample tiles stand in for them."
                )
            )
        self._refresh()

    def _on_failed(self, error: BaseException) -> None:
        self.recent = []
        self.state.setText(
            self.tr("The account's recent notes could not be loaded: {reason}").format(
                reason=failure_text(error)
            )
        )
        self.retry.show()
        self._refresh()
