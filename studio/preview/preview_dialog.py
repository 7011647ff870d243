"""Preview (预览): the note as readers will meet it, following the draft as it is edited.

Two views side by side: the web feed's tile at its real size, beside a neighbouring column
of stand-in tiles, and the note page on a phone. The dialog is not modal: it follows the
Create page's current draft (`follow`), redrawing a moment after each change (`refresh`), and
fetches the linked products' prices and the photos' larger pictures off the UI thread.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMetaObject, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from editor.errors import EditorError
from editor.recipe import Recipe
from publisher.client import ClientError
from studio.composer.product_picker import price_text
from studio.connection import BackendState
from studio.preview.compose import body_runs, ratio_bounds
from studio.preview.feed_tile import TILE_WIDTH, FeedTile
from studio.preview.phone_page import PhoneFrame, ProductView
from studio.preview.photos import PreviewPhotos
from studio.quiet_read import quiet_read
from studio.timezones import zone
from studio.widgets.scroll_page import scrolling_page

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from publisher.schemas import ProductPublic
    from studio.context import AppContext
    from studio.drafts.journal import DraftFields
    from studio.drafts.session import DraftSession
    from studio.editor.edited_thumbnails import EditedThumbnails
    from studio.models.accounts import AccountsListModel

REFRESH_MS = 120
"""Typing redraws the preview this long after the last key, not on every key."""
FEED_GAP = 12
FEED_PADDING = 16

DIALOG_STYLE = """
#PreviewFeed { background: #FFFFFF; border: 1px solid #E9EAEE; border-radius: 14px; }
#PreviewCaption { font-size: 15px; font-weight: 600; }
"""


def _products(client: StudioClient, ids: list[str]) -> dict[str, ProductPublic | None]:
    """Each product, or None for one that is gone or hidden (its card shows the name only)."""
    found: dict[str, ProductPublic | None] = {}
    for product_id in ids:
        try:
            found[product_id] = client.get_product(uuid.UUID(product_id))
        except ClientError as error:
            if error.status in (401, 403, 404):
                found[product_id] = None
            else:
                raise
    return found


class FeedBoard(QFrame):
    """A stretch of the web feed: our tile first in its column, and the neighbours' shapes
    (no content) around and below it, so the real one stands out at its real size."""

    GHOSTS = (236, 315, 177, 300)
    """Cover heights of the stand-in tiles, as a feed mixes 1:1, 3:4 and 4:3 covers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreviewFeed")
        self.tile = FeedTile(self)
        self.tile.move(FEED_PADDING, FEED_PADDING)
        self.setFixedWidth(2 * TILE_WIDTH + FEED_GAP + 2 * FEED_PADDING)
        self.setMinimumHeight(480)

    def show_note(self, **note: Any) -> None:
        """`FeedTile.show_note`; the board grows with a tall tile and repaints around it."""
        self.tile.show_note(**note)
        self.setMinimumHeight(max(480, self.tile.height() + 2 * FEED_PADDING))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(self.rect().adjusted(1, 1, -1, -1))
        bottom = self.height()
        y = FEED_PADDING + self.tile.height() + FEED_GAP
        for cover in self.GHOSTS[2:]:
            if y < bottom:
                y = _paint_ghost(painter, FEED_PADDING, y, cover) + FEED_GAP
        x, y = FEED_PADDING + TILE_WIDTH + FEED_GAP, FEED_PADDING
        for cover in self.GHOSTS:
            if y < bottom:
                y = _paint_ghost(painter, x, y, cover) + FEED_GAP


def _paint_ghost(painter: QPainter, x: float, y: float, cover: float) -> float:
    """A tile's shape at (x, y); returns where it ends."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#F4F4F6"))
    painter.drawRoundedRect(QRectF(x, y, TILE_WIDTH, cover), 16, 16)
    painter.setBrush(QColor("#EFEFF2"))
    text = y + cover + 16
    painter.drawRoundedRect(QRectF(x + 12, text, TILE_WIDTH * 0.7, 10), 5, 5)
    painter.drawEllipse(QRectF(x + 12, text + 24, 20, 20))
    painter.drawRoundedRect(QRectF(x + 38, text + 29, 60, 10), 5, 5)
    return text + 44


class PreviewDialog(QDialog):
    """The current draft's preview; stays open while the creator edits."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        edited: EditedThumbnails,
        accounts: AccountsListModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._edited = edited
        self._accounts = accounts
        self._session: DraftSession | None = None
        self._bindings: list[QMetaObject.Connection] = []
        self._bounds = ratio_bounds(ctx.rules.limit("images", "allowed_ratios"))
        self._products: dict[str, ProductPublic | None] = {}
        self._asked: set[str] = set()
        self.photos = PreviewPhotos(ctx, self._small_picture, self)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.show_now)
        self.setWindowTitle(self.tr("Preview"))
        self.setStyleSheet(DIALOG_STYLE)
        self._build()
        self.photos.ready.connect(self._on_picture_ready)
        ctx.thumbnails.ready.connect(self._on_picture_ready)
        edited.ready.connect(self._on_picture_ready)

    def _build(self) -> None:
        self.hint = QLabel(self)
        self.hint.setObjectName("Hint")
        self.hint.setWordWrap(True)
        self.hint.setFixedWidth(2 * TILE_WIDTH + FEED_GAP + 2 * FEED_PADDING)

        feed_caption = QLabel(self.tr("In the feed · real size"), self)
        feed_caption.setObjectName("PreviewCaption")
        self.feed = FeedBoard(self)
        self.tile = self.feed.tile

        phone_caption = QLabel(self.tr("Note page"), self)
        phone_caption.setObjectName("PreviewCaption")
        self.phone = PhoneFrame(self)
        self.phone.set_words(
            follow=self.tr("Follow"),
            comment=self.tr("Say something…"),
            actions=(self.tr("Like"), self.tr("Collect"), self.tr("Comment")),
            products=self.tr("Products in this note"),
            comments=self.tr("No comments yet"),
            buy=self.tr("Buy"),
        )

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(feed_caption)
        left.addWidget(self.feed, 1)
        left.addWidget(self.hint)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(phone_caption)
        right.addWidget(self.phone)
        views = QHBoxLayout()
        views.setSpacing(28)
        views.addLayout(left)
        views.addLayout(right)

        content, column = scrolling_page(self, margins=(24, 18, 24, 24))
        column.addLayout(views)
        # The whole phone when the screen has room; on a small screen the dialog scrolls.
        wanted = content.sizeHint()
        room = self.screen().availableGeometry() if self.screen() else None
        height = wanted.height() if room is None else min(wanted.height(), room.height() - 60)
        self.resize(wanted.width() + 2, height)

    # -- following the draft ---------------------------------------------------------------

    def follow(self, session: DraftSession) -> None:
        """Show `session` (the Create page's current draft) from now on."""
        for connection in self._bindings:
            QObject.disconnect(connection)
        self._session = session
        self._bindings = [
            session.fields_replaced.connect(self.refresh),
            session.fields_edited.connect(self.refresh),
            session.note_changed.connect(self.refresh),
        ]
        self.show_now()

    def refresh(self) -> None:
        """The draft changed: redraw shortly (a burst of edits redraws once); a closed
        preview redraws when it is shown again."""
        if self._session is not None and self.isVisible():
            self._timer.start()

    def _on_picture_ready(self, sha256: str) -> None:
        fields = self._session.fields if self._session else None
        if fields is not None and (sha256 in fields.media or sha256 in self._product_pictures()):
            self.refresh()

    def _product_pictures(self) -> set[str]:
        return {p.image_sha256 for p in self._products.values() if p and p.image_sha256}

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Prices and stock change in the storefront: ask again each time the preview opens.
        self._products.clear()
        self._asked.clear()
        super().showEvent(event)
        self.show_now()

    # -- drawing ---------------------------------------------------------------------------

    def show_now(self) -> None:
        self._timer.stop()
        if self._session is None:
            return
        fields = self._session.fields
        account_id = self._session.account_id or ""
        nickname = self._accounts.nickname(account_id) or self.tr("Your account")
        pictures = [self._picture(sha, fields) for sha in fields.media]
        self.photos.retain(fields.media)
        self.feed.show_note(
            cover=pictures[0] if pictures else None,
            has_photos=bool(pictures),
            title=fields.title,
            nickname=nickname,
            bounds=self._bounds,
            placeholder=self.tr("No cover yet"),
            like=self.tr("Like"),
        )
        self.phone.show_note(
            nickname=nickname,
            pictures=pictures,
            bounds=self._bounds,
            no_photos=self.tr("Add photos: the first one is the cover"),
            title=fields.title,
            runs=body_runs(
                fields.body,
                [tag.name for tag in fields.topics],
                [tag.name for tag in fields.mentions],
            ),
            place=fields.place.name if fields.place else "",
            meta=self._meta(fields, account_id),
            products=[self._product_view(tag.id, tag.name) for tag in fields.products],
        )
        self._ask_products([tag.id for tag in fields.products])
        self._show_hint(fields)

    def _show_hint(self, fields: DraftFields) -> None:
        if not (fields.media or fields.title.strip() or fields.body.strip()):
            self.hint.setText(
                self.tr(
                    "Nothing to preview yet: add photos and a title, and this shows the note "
                    "as readers will see it."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "What readers will see: updated as you edit. The feed tile is at its real "
                    "size on the platform's web feed; swipe or click the photos on the phone."
                )
            )

    def _meta(self, fields: DraftFields, account_id: str) -> str:
        """Under the text, as the platform dates a note: "Just now", or the planned day."""
        if not fields.planned_at:
            return self.tr("Just now")
        when = datetime.fromisoformat(fields.planned_at)
        return when.astimezone(zone(self._accounts.timezone(account_id))).strftime("%m-%d")

    def _picture(self, sha256: str, fields: DraftFields) -> QPixmap | None:
        try:
            recipe = fields.recipe_of(sha256)
        except EditorError:
            # Made by a newer app: its original stands in, as the strip shows it.
            return self._ctx.thumbnails.get(sha256)
        return self.photos.get(sha256, recipe)

    def _small_picture(self, sha256: str, recipe: Recipe) -> QPixmap | None:
        """The strip's own picture of the photo (edited once that render is ready)."""
        return self._edited.get(sha256, recipe, self._ctx.thumbnails.get(sha256))

    # -- products --------------------------------------------------------------------------

    def _product_view(self, product_id: str, name: str) -> ProductView:
        product = self._products.get(product_id)
        if product is None:
            return ProductView(name=name, price="", stock="", picture=None)
        picture = self._ctx.thumbnails.get(product.image_sha256) if product.image_sha256 else None
        if product.stock > 0:
            stock = self.tr("{count} in stock").format(count=product.stock)
        else:
            stock = self.tr("Sold out")
        return ProductView(
            name=product.name,
            price=price_text(product.price_fen, product.currency),
            stock=stock,
            picture=picture,
            sold_out=product.stock <= 0,
        )

    def _ask_products(self, ids: list[str]) -> None:
        missing = [i for i in ids if i not in self._products and i not in self._asked]
        if not missing or self._ctx.connection.state is not BackendState.CONNECTED:
            return
        self._asked.update(missing)
        quiet_read(
            self._ctx,
            self,
            lambda client: _products(client, missing),
            self._on_products,
            # Offline or failing: the cards keep their names; asked again on the next change.
            lambda _error: self._asked.difference_update(missing),
        )

    def _on_products(self, found: dict[str, ProductPublic | None]) -> None:
        self._products.update(found)
        self.refresh()
