"""One cover variant in the lab: the cover large, the same cover as a feed tile at its real
size, and how its title reads there. The current cover's card names itself; a template's card
picks its template from a combo and offers "Use this cover". Clicking the card puts its cover
into the feed mock."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.cover_lab.feed_mock import FEED_BACKGROUND
from studio.cover_lab.legibility import MIN_GLYPH_MM, Legibility, Verdict
from studio.cover_lab.tile import TilePainter, TileView, TileWidget
from studio.covers.catalog import TemplateEntry
from studio.preview.compose import cover_aspect
from studio.preview.feed_tile import PLACEHOLDER
from studio.preview.paint import fill_rect_with
from studio.style import ACCENT_SOFT, TEXT_MUTED

LARGE_WIDTH = 200
"""The large view's width in pixels: about twice a tile's real size on a desktop monitor."""
RENDER_WIDTH = 480
"""Variants are rendered this wide: sharp in the large view and in a tile shown at 2× on a
high-DPI screen."""
MARGIN = 14
READABLE = "#1E9E5A"
SMALL = "#D9480F"


def _restyle(widget: QWidget, name: str, value: bool) -> None:
    """Set a property the stylesheet selects on, and apply it now."""
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class CoverPicture(QWidget):
    """The cover large, cropped to the shape the feed gives it; or what stands in for it
    while it is drawn or when it cannot be."""

    def __init__(self, bounds: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bounds = bounds
        self.pixmap: QPixmap | None = None
        self.text = ""
        self._error = False
        self._shape(bounds[0])

    def _shape(self, aspect: float) -> None:
        self.setFixedSize(LARGE_WIDTH, round(LARGE_WIDTH / aspect))

    def show_pixmap(self, pixmap: QPixmap) -> None:
        self.pixmap, self.text, self._error = pixmap, "", False
        self._shape(cover_aspect(pixmap.width(), pixmap.height(), self._bounds))
        self.update()

    def show_text(self, text: str, *, error: bool = False) -> None:
        """A message in place of the picture (kept at the picture's last shape)."""
        self.pixmap, self.text, self._error = None, text, error
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        if self.pixmap is not None:
            fill_rect_with(painter, self.pixmap, rect, radius=10)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ACCENT_SOFT if self._error else PLACEHOLDER))
        painter.drawRoundedRect(rect, 10, 10)
        painter.setPen(QColor(SMALL if self._error else TEXT_MUTED))
        painter.drawText(
            rect.adjusted(16, 16, -16, -16),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.text,
        )


class VariantCard(QFrame):
    """`chosen` when clicked; a template card also has `template_changed(key)`,
    `use_requested` and `remove_requested`."""

    chosen = Signal()
    template_changed = Signal(str)
    use_requested = Signal()
    remove_requested = Signal()

    def __init__(
        self,
        painter: TilePainter,
        bounds: tuple[float, float],
        templates: Sequence[TemplateEntry] = (),
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """A template card when `templates` are given (`current` selected), else the card of
        the note's current cover."""
        super().__init__(parent)
        self.setObjectName("LabCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        self.generation = 0
        """Bumped for each render asked, so an answer for an older template is dropped."""
        self.legibility: Legibility | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 12, MARGIN, MARGIN)
        layout.setSpacing(10)
        header = QHBoxLayout()
        header.setSpacing(6)
        self.combo: QComboBox | None = None
        self.remove_button: QPushButton | None = None
        self.use_button: QPushButton | None = None
        if templates:
            self.combo = QComboBox(self)
            self.combo.setCursor(Qt.CursorShape.ArrowCursor)
            # A long template name must not widen the card: the combo takes the card's width.
            self.combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.combo.setMinimumContentsLength(8)
            for entry in templates:
                self.combo.addItem(entry.title, entry.key)
            self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
            self.combo.currentIndexChanged.connect(
                lambda _index: self.template_changed.emit(self.template_key or "")
            )
            self.combo.setToolTip(self.tr("The template this variant uses"))
            self.remove_button = QPushButton("×", self)
            self.remove_button.setObjectName("LabRemove")
            self.remove_button.setToolTip(self.tr("Remove this variant"))
            self.remove_button.clicked.connect(self.remove_requested)
            header.addWidget(self.combo, 1)
            header.addWidget(self.remove_button)
        else:
            name = QLabel(self.tr("Current cover"), self)
            name.setObjectName("LabCardTitle")
            header.addWidget(name, 1)
        layout.addLayout(header)
        self.picture = CoverPicture(bounds, self)
        layout.addWidget(self.picture)

        self.tile_caption = QLabel(self)
        self.tile_caption.setObjectName("LabSmallCaption")
        layout.addWidget(self.tile_caption)
        self.well = QFrame(self)
        self.well.setObjectName("LabWell")
        self.well.setStyleSheet(
            f"#LabWell {{ background: {FEED_BACKGROUND}; border-radius: 10px; }}"
        )
        well_row = QHBoxLayout(self.well)
        well_row.setContentsMargins(10, 10, 10, 10)
        self.tile = TileWidget(painter, self.well)
        well_row.addWidget(self.tile, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.well)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("LabVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setFixedWidth(LARGE_WIDTH)
        layout.addWidget(self.verdict)
        if templates:
            self.use_button = QPushButton(self.tr("Use this cover"), self)
            self.use_button.setEnabled(False)
            self.use_button.clicked.connect(self.use_requested)
            layout.addWidget(self.use_button)
        layout.addStretch(1)
        self.set_selected(False)

    @property
    def template_key(self) -> str | None:
        return None if self.combo is None else self.combo.currentData()

    def set_removable(self, removable: bool) -> None:
        if self.remove_button is not None:
            self.remove_button.setVisible(removable)

    def set_selected(self, selected: bool) -> None:
        """Outlined while its cover is the one in the feed (its button is then the accent)."""
        _restyle(self, "selected", selected)
        if self.use_button is not None:
            _restyle(self.use_button, "accent", selected)

    def show_loading(self) -> None:
        self.picture.show_text(self.tr("Drawing…"))
        self._clear()

    def show_error(self, text: str) -> None:
        self.picture.show_text(text, error=True)
        self._clear()

    def _clear(self) -> None:
        self.tile_caption.hide()
        self.well.hide()
        self.verdict.clear()
        self.legibility = None
        if self.use_button is not None:
            self.use_button.setEnabled(False)

    def show_cover(self, pixmap: QPixmap, legibility: Legibility) -> None:
        self.picture.show_pixmap(pixmap)
        self.legibility = legibility
        self.verdict.setText(self._verdict_text(legibility))
        if self.use_button is not None:
            self.use_button.setEnabled(True)

    def show_tile(self, tile: TileView, scale: float, zoomed: bool) -> None:
        """The cover as a feed tile at `scale` pixels a point (the real size unless `zoomed`)."""
        self.tile.show_tile(tile, scale)
        self.well.show()
        self.tile_caption.show()
        if zoomed:
            self.tile_caption.setText(self.tr("In the feed, twice the real size"))
        else:
            self.tile_caption.setText(self.tr("In the feed, real size"))

    def _verdict_text(self, legibility: Legibility) -> str:
        if legibility.verdict is Verdict.NO_TEXT:
            return self.tr("No text on the cover: the title under the tile has to sell it.")
        size = f"{legibility.glyph_mm:.1f}"
        if legibility.verdict is Verdict.SMALL:
            words = self.tr(
                "Title {size} mm tall on a phone: too small to read in the feed "
                "(aim for {min} mm or more)."
            ).format(size=size, min=f"{MIN_GLYPH_MM:.1f}")
            return f'<span style="color:{SMALL};">●</span> {words}'
        words = self.tr("Title {size} mm tall on a phone: readable at a glance.").format(size=size)
        return f'<span style="color:{READABLE};">●</span> {words}'

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit()
        super().mousePressEvent(event)
