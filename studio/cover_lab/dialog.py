"""Cover lab (封面实验室): judge the note's cover where readers choose notes, in the feed.

Left, a phone showing the two-column feed at its real physical size (the screen's own density;
"2×" for screens that report it wrongly or are hard to see): the note's tile, outlined, among
the account's recent notes, or grey sample tiles when it has none. Right, 2–4 variants side by
side: the current cover (the first photo through its edit) and the note's photos and title in
other built-in templates, each large, as a tile at real size, and with how tall its title is
there. Clicking a variant puts it into the feed; "Use this cover" emits `template_chosen`.

The lab is window-modal and works on the note as it was when opened. Photos, the recent notes
and every render come from the task lanes; an answer for a variant whose template changed
meanwhile is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.cover_lab.choices import MAX_VARIANTS, MIN_VARIANTS, default_variants, offered
from studio.cover_lab.failures import failure_text
from studio.cover_lab.feed_column import FeedColumn
from studio.cover_lab.jobs import Sources, fetch_sources
from studio.cover_lab.legibility import judge_cover, judge_template
from studio.cover_lab.phone import pixels_per_point, screen_density
from studio.cover_lab.tile import TilePainter, TileView
from studio.cover_lab.variant_card import LARGE_WIDTH, RENDER_WIDTH, VariantCard
from studio.covers.apply import template_photos
from studio.covers.catalog import TemplateEntry, builtin_entries
from studio.covers.previews import Inputs, render_preview
from studio.looks_cache import LooksCache
from studio.ops import Query, run_in_background
from studio.preview.compose import ratio_bounds
from studio.style import ACCENT, ACCENT_SOFT, BORDER, TEXT_MUTED
from studio.tasks import Lane
from studio.widgets.banner import Banner
from studio.widgets.card import page_header
from studio.widgets.scroll_page import scrolling_page

if TYPE_CHECKING:
    from studio.context import AppContext
    from studio.drafts.session import DraftSession

ZOOMS = (1.0, 2.0)
DEFAULT_SIZE = QSize(1320, 900)
"""Room for the phone at real size and four variants side by side; a smaller screen scrolls."""
DIALOG_STYLE = f"""
#LabCard {{ background: #FFFFFF; border: 1px solid {BORDER}; border-radius: 14px; }}
#LabCard[selected="true"] {{ border: 2px solid {ACCENT}; }}
#LabCardTitle {{ font-size: 14px; font-weight: 600; padding: 8px 0; }}
#LabCaption {{ font-size: 15px; font-weight: 600; }}
#LabSmallCaption {{ color: {TEXT_MUTED}; font-size: 12px; }}
#LabVerdict {{ font-size: 12px; }}
#LabRemove {{
    border: none; background: transparent; color: {TEXT_MUTED}; font-size: 18px; padding: 0 6px;
}}
#LabRemove:hover {{ color: {ACCENT}; }}
#LabZoom {{ border-radius: 0; padding: 6px 14px; }}
#LabZoom[first="true"] {{ border-top-left-radius: 16px; border-bottom-left-radius: 16px; }}
#LabZoom[first="false"] {{
    border-top-right-radius: 16px; border-bottom-right-radius: 16px; border-left: none;
}}
#LabZoom:checked {{ background: {ACCENT_SOFT}; color: {ACCENT}; border-color: {ACCENT}; }}
#LabAdd {{
    border: 2px dashed #DADBE0; border-radius: 14px; color: {TEXT_MUTED}; background: transparent;
    padding: 18px;
}}
#LabAdd:hover {{ border-color: {ACCENT}; color: {ACCENT}; }}
"""


class CoverLabDialog(QDialog):
    """The cover lab for one draft; `template_chosen(key)` when a template variant is picked
    (the built-in template's name, as `editor.templates.load_template` takes it)."""

    template_chosen = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        session: DraftSession,
        *,
        nickname: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Cover lab"))
        self.setStyleSheet(DIALOG_STYLE)
        self._ctx = ctx
        self._looks = LooksCache.for_context(ctx)
        self._stickers = ctx.stickers
        self._style = ctx.brand.style
        fields = session.fields
        self._fields = fields
        self._title = fields.title
        self._nickname = nickname or self.tr("Your account")
        self._bounds = ratio_bounds(ctx.rules.limit("images", "allowed_ratios"))
        self._photos = template_photos(fields)
        self._painter = TilePainter(self.font())
        self._zoom = ZOOMS[0]
        self._scale = 1.0
        self._watching_screen = False
        self._offered: list[TemplateEntry] | None = None
        """The templates the variants may use; None until they are read."""
        self._sources: Sources | None = None
        self._selected = 0
        self.cards: list[VariantCard] = []
        self._build(session)
        self._add_card(None)
        self._choose(0)
        self._apply_scale()
        room = self.screen().availableGeometry().size() - QSize(40, 60)
        self.resize(DEFAULT_SIZE.boundedTo(room))
        self._load_templates()
        self.feed.load_recent()

    # -- construction ----------------------------------------------------------------------

    def _build(self, session: DraftSession) -> None:
        header, row, _title, _subtitle = page_header(
            self.tr("Cover lab"),
            self.tr("Readers pick notes by their covers in a two-column feed: judge yours there."),
            self,
        )
        self.zoom_buttons = QButtonGroup(self)
        for index, (zoom, text) in enumerate(zip(ZOOMS, (self.tr("Real size"), "2×"), strict=True)):
            button = QPushButton(text, self)
            button.setObjectName("LabZoom")
            button.setProperty("first", index == 0)
            button.setCheckable(True)
            button.setChecked(zoom == self._zoom)
            self.zoom_buttons.addButton(button, index)
            row.addWidget(button)
        row.setSpacing(0)
        self.zoom_buttons.button(1).setToolTip(
            self.tr("Twice the real size, for a screen that shows things too small")
        )
        self.zoom_buttons.idClicked.connect(lambda index: self._set_zoom(ZOOMS[index]))

        self.banner = Banner(self)
        self.banner.action_clicked.connect(self._on_banner_action)

        self.feed = FeedColumn(
            self._ctx,
            self._painter,
            bounds=self._bounds,
            nickname=self._nickname,
            account_id=session.account_id,
            note_id=session.note_id,
            parent=self,
        )

        variants_caption = QLabel(self.tr("Variants"), self)
        variants_caption.setObjectName("LabCaption")
        variants_hint = QLabel(
            self.tr(
                "Click a variant to see it in the feed. The others put this note's photos and "
                "title into a template."
            ),
            self,
        )
        variants_hint.setObjectName("Hint")
        variants_hint.setWordWrap(True)
        self.cards_row = QHBoxLayout()
        self.cards_row.setSpacing(14)
        self.add_button = QPushButton(self.tr("+ Add a variant"), self)
        self.add_button.setObjectName("LabAdd")
        self.add_button.setFixedWidth(150)
        self.add_button.setMinimumHeight(LARGE_WIDTH * 4 // 3)
        self.add_button.hide()
        self.add_button.clicked.connect(self._on_add_clicked)
        self.cards_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self.cards_row.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(variants_caption)
        right.addWidget(variants_hint)
        right.addLayout(self.cards_row)
        right.addStretch(1)

        views = QHBoxLayout()
        views.setSpacing(28)
        views.addWidget(self.feed, 0, Qt.AlignmentFlag.AlignTop)
        views.addLayout(right, 1)
        done = QPushButton(self.tr("Done"), self)
        done.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(done)

        _content, column = scrolling_page(self)
        column.addWidget(header)
        column.addWidget(self.banner)
        column.addLayout(views, 1)
        column.addLayout(footer)

    def _add_card(self, key: str | None) -> VariantCard:
        """The current cover's card for None, else a card showing the template `key`."""
        templates = (self._offered or ()) if key is not None else ()
        card = VariantCard(self._painter, self._bounds, templates, key, self)
        self.cards.append(card)
        self.cards_row.insertWidget(len(self.cards) - 1, card, 0, Qt.AlignmentFlag.AlignTop)
        card.chosen.connect(lambda: self._choose(self.cards.index(card)))
        card.template_changed.connect(lambda _key: self._render(card))
        card.use_requested.connect(lambda: self._use(card))
        card.remove_requested.connect(lambda: self._remove(card))
        card.show_loading()
        self._refresh_count()
        self._render(card)
        return card

    def _refresh_count(self) -> None:
        self.add_button.setVisible(len(self.cards) < MAX_VARIANTS and bool(self._offered))
        for card in self.cards:
            card.set_removable(len(self.cards) > MIN_VARIANTS)

    def _on_add_clicked(self) -> None:
        shown = {card.template_key for card in self.cards}
        offered = self._offered or []
        keys = default_variants(offered, len(self._photos), len(offered))
        fresh = [key for key in keys if key not in shown]
        card = self._add_card((fresh or keys)[0])
        self._choose(self.cards.index(card))

    def _remove(self, card: VariantCard) -> None:
        index = self.cards.index(card)
        self.cards.remove(card)
        self.cards_row.removeWidget(card)
        card.hide()
        card.deleteLater()
        self._refresh_count()
        if self._selected == index:
            self._choose(0)
        elif self._selected > index:
            self._selected -= 1

    # -- scale -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not self._watching_screen:
            # Moved to another monitor: another density, so another scale for the real size.
            handle.screenChanged.connect(lambda _screen: self._apply_scale())
            self._watching_screen = True
        self._apply_scale()

    def _set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self._apply_scale()

    def _apply_scale(self) -> None:
        screen = self.screen()
        density = screen_density(screen.physicalDotsPerInch() if screen else 0.0)
        self._scale = pixels_per_point(density, self._zoom)
        self.feed.set_scale(self._scale, density, self._zoom)
        self._show_feed()

    # -- the feed --------------------------------------------------------------------------

    def _choose(self, index: int) -> None:
        self._selected = index
        for position, card in enumerate(self.cards):
            card.set_selected(position == index)
        self._show_feed()

    def _note_tile(self, card: VariantCard) -> TileView:
        return self._painter.note(
            card.picture.pixmap,
            (3, 4),
            self._bounds,
            title=self._title,
            nickname=self._nickname,
            like=self.tr("Like"),
        )

    def _show_feed(self) -> None:
        """The chosen variant in the feed, and every drawn variant as a tile in its card."""
        self.feed.show_note(self._note_tile(self.cards[self._selected]))
        for card in self.cards:
            if card.picture.pixmap is not None:
                card.show_tile(self._note_tile(card), self._scale, self._zoom != 1.0)

    # -- variants --------------------------------------------------------------------------

    def _load_templates(self) -> None:
        run_in_background(
            self._ctx.runner,
            Lane.DISK,
            owner=self,
            job=lambda _progress: builtin_entries(),
            on_success=self._on_templates,
            on_failure=self._on_failed,
        )

    def _on_templates(self, entries: list[TemplateEntry]) -> None:
        self._offered = offered(entries, self._bounds)
        for key in default_variants(self._offered, len(self._photos), MAX_VARIANTS - 1):
            self._add_card(key)
        self._load_photos()

    def _load_photos(self) -> None:
        self.banner.hide()
        fields, looks, stickers = self._fields, self._looks, self._stickers
        if not fields.media:
            for card in self.cards:
                card.show_error(self.tr("Add photos to the note first."))
            return
        for card in self.cards:
            card.show_loading()
        most = max((entry.photo_count for entry in self._offered or ()), default=0)
        cover = fields.media[0]
        cover_recipe = fields.recipe_or_plain(cover)
        photos = [(sha, fields.recipe_or_plain(sha)) for sha in self._photos[:most]]
        Query(
            self._ctx,
            parent=self,
            op=lambda client: fetch_sources(
                client, (cover, cover_recipe), photos, looks=looks, stickers=stickers
            ),
        ).success(self._on_sources).failure(self._on_failed).run()

    def _on_failed(self, error: BaseException) -> None:
        """The photos (or the templates) could not be had: every card says why."""
        reason = failure_text(error)
        for card in self.cards:
            card.show_error(reason)
        self.banner.show_message(
            self.tr("The variants could not be drawn: {reason}").format(reason=reason),
            level="error",
            actions=(("retry", self.tr("Try again")),),
        )
        self._show_feed()

    def _on_banner_action(self, action: str) -> None:
        if action != "retry":
            return
        if self._offered is None:
            self._load_templates()
        else:
            self._load_photos()

    def _on_sources(self, sources: Sources) -> None:
        self._sources = sources
        cover = QPixmap.fromImage(sources.cover)
        recipe = self._fields.recipe_or_plain(self._fields.media[0])
        self.cards[0].show_cover(
            cover, judge_cover(recipe, (cover.width(), cover.height()), self._bounds)
        )
        for card in self.cards[1:]:
            self._render(card)
        self._show_feed()

    def _render(self, card: VariantCard) -> None:
        """Draw a template card's variant (once the photos are there: they draw them all)."""
        key = card.template_key
        if key is None or self._sources is None:
            return
        entry = next(entry for entry in self._offered or () if entry.key == key)
        card.generation += 1
        generation = card.generation
        inputs = Inputs(title=self._title, style=self._style, photos=self._sources.photos)
        stickers = self._stickers
        card.show_loading()
        self._show_feed()

        def done(image: QImage) -> None:
            if card.generation == generation:
                legibility = judge_template(entry.template, self._title, self._bounds)
                card.show_cover(QPixmap.fromImage(image), legibility)
                self._show_feed()

        def failed(error: BaseException) -> None:
            if card.generation == generation:
                card.show_error(failure_text(error))
                self._show_feed()

        run_in_background(
            self._ctx.runner,
            Lane.MEDIA,
            owner=card,
            job=lambda _progress: render_preview(entry.template, inputs, RENDER_WIDTH, stickers),
            on_success=done,
            on_failure=failed,
        )

    def _use(self, card: VariantCard) -> None:
        key = card.template_key
        if key:
            self.template_chosen.emit(key)
            self.accept()
