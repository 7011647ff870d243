"""The note page as a phone shows it, in a phone frame of 375 × 812 logical pixels: the
author bar, the image carousel, title, body with its #topics and @mentions as links, the
place, the linked products' cards, and the like/collect/comment bar at the bottom."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.text import graphemes
from studio.preview.carousel import Carousel
from studio.preview.compose import Run, RunKind
from studio.preview.paint import Icon, fill_rect_with, paint_avatar, paint_icon
from studio.style import ACCENT

SCREEN = QSize(375, 812)
BEZEL = 12
SCREEN_RADIUS = 44.0
BEZEL_COLOUR = "#1B1C1F"
LINK = "#13386C"
"""The platform's colour for #topics and @mentions in a note's text."""
TEXT = "#333333"
MUTED = "#8A8D94"
UNBROKEN_RUN = 22
"""The longest run of narrow non-space characters (a URL, "!!!!…") left without a break."""

PHONE_STYLE = f"""
#PhoneScreen, #PhoneContent {{ background: #FFFFFF; }}
QLabel#PhoneNickname {{ font-size: 15px; color: {TEXT}; }}
QLabel#PhoneFollow {{
    color: {ACCENT}; border: 1px solid {ACCENT}; border-radius: 13px; padding: 3px 14px;
    font-size: 13px; font-weight: 600;
}}
QLabel#PhoneTitle {{ font-size: 18px; font-weight: 700; }}
QLabel#PhoneBody {{ font-size: 15px; }}
QLabel#PhonePlace {{ color: #5B5C61; font-size: 13px; }}
QLabel#PhoneMeta {{ color: {MUTED}; font-size: 12px; }}
QLabel#PhoneSection {{ color: {MUTED}; font-size: 13px; }}
#PhoneProduct {{ background: #FAFAFB; border: 1px solid #F0F0F2; border-radius: 10px; }}
QLabel#PhoneProductName {{ font-size: 14px; }}
QLabel#PhoneProductPrice {{ color: {ACCENT}; font-size: 16px; font-weight: 700; }}
QLabel#PhoneProductStock {{ color: {MUTED}; font-size: 12px; }}
QLabel#PhoneBuy:disabled {{ background: #FFB3BF; }}
QLabel#PhoneBuy {{
    color: #FFFFFF; background: {ACCENT}; border-radius: 13px; padding: 4px 12px;
    font-size: 12px; font-weight: 600;
}}
QLabel#PhoneCommentBox {{
    background: #F5F5F7; color: #A3A5AB; border-radius: 17px; padding: 0 14px;
    font-size: 13px;
}}
QLabel#PhoneAction {{ color: {TEXT}; font-size: 13px; }}
#PhoneBar {{ background: #FFFFFF; border-top: 1px solid #F0F0F2; }}
"""


def body_html(runs: Sequence[Run]) -> str:
    """The body's runs as rich text: links coloured, line breaks kept, and long unbroken
    Latin runs (a URL, "!!!!…") given break points so they wrap inside the screen."""
    parts = []
    for run in runs:
        text = break_long_runs(run.text)
        text = html.escape(text).replace("\n", "<br>")
        if run.kind is RunKind.TEXT:
            parts.append(text)
        else:
            parts.append(f'<span style="color:{LINK};">{text}</span>')
    return f'<p style="line-height:135%;">{"".join(parts)}</p>'


def _breaks_anyway(grapheme: str) -> bool:
    """True for a space, and for CJK, kana, Hangul, full-width forms and wide emoji: a line
    may break beside them without help."""
    return grapheme.isspace() or unicodedata.east_asian_width(grapheme[0]) in ("W", "F")


def break_long_runs(text: str) -> str:
    """`text` with a zero-width space after every `UNBROKEN_RUN` characters of a longer run of
    narrow non-space ones, so it can wrap; only between graphemes (an emoji with its skin tone,
    a flag's two letters stay whole), and never in CJK text, which wraps anywhere anyway."""
    parts: list[str] = []
    run = 0
    for grapheme in graphemes(text):
        if _breaks_anyway(grapheme):
            run = 0
        elif run == UNBROKEN_RUN:
            parts.append("\u200b")
            run = 1
        else:
            run += 1
        parts.append(grapheme)
    return "".join(parts)


class Glyph(QWidget):
    """One painted icon at a fixed size."""

    def __init__(
        self, icon: Icon, size: int, colour: str = TEXT, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._icon, self._colour = icon, colour
        self.setFixedSize(size, size)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        inset = self.width() * 0.12
        rect = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        paint_icon(painter, self._icon, rect, self._colour, stroke=1.7)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" rather than cutting its text off."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(self.margin(), 0, -self.margin(), 0)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), text)


class Avatar(QWidget):
    def __init__(self, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nickname = ""
        self.setFixedSize(size, size)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        paint_avatar(QPainter(self), QRectF(self.rect()), self.nickname)


class Thumb(QWidget):
    """A product's picture, rounded; a bag icon while there is none."""

    def __init__(self, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap: QPixmap | None = None
        self.setFixedSize(size, size)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        if self.pixmap is not None and not self.pixmap.isNull():
            fill_rect_with(painter, self.pixmap, rect, radius=8)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#EFEFF2"))
        painter.drawRoundedRect(rect, 8, 8)
        icon = QRectF(0, 0, rect.width() * 0.42, rect.height() * 0.42)
        icon.moveCenter(rect.center())
        paint_icon(painter, Icon.BAG, icon, "#B8BAC0")


@dataclass(frozen=True)
class ProductView:
    """A product card's text as shown (price and stock already worded) and its picture."""

    name: str
    price: str
    stock: str
    picture: QPixmap | None
    sold_out: bool = False


class ProductCard(QFrame):
    def __init__(self, buy: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhoneProduct")
        self.thumb = Thumb(64, self)
        self.name_label = QLabel(self)
        self.name_label.setObjectName("PhoneProductName")
        self.name_label.setWordWrap(True)
        self.name_label.setMaximumHeight(40)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.price_label = QLabel(self)
        self.price_label.setObjectName("PhoneProductPrice")
        self.stock_label = QLabel(self)
        self.stock_label.setObjectName("PhoneProductStock")
        self.buy_label = QLabel(buy, self)
        self.buy_label.setObjectName("PhoneBuy")
        self.buy_label.setFixedHeight(26)
        self.buy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        price_row = QHBoxLayout()
        price_row.setSpacing(8)
        price_row.addWidget(self.price_label)
        price_row.addWidget(self.stock_label, 0, Qt.AlignmentFlag.AlignBaseline)
        price_row.addStretch(1)
        price_row.addWidget(self.buy_label)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.name_label)
        text.addStretch(1)
        text.addLayout(price_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 10, 8)
        layout.setSpacing(10)
        layout.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)

    def show_product(self, product: ProductView) -> None:
        metrics = self.name_label.fontMetrics()
        # Two lines at most: the label clips, so the text itself ends in "…" when it must.
        self.name_label.setText(
            metrics.elidedText(product.name, Qt.TextElideMode.ElideRight, 2 * 250 - 40)
        )
        self.name_label.setToolTip(product.name)
        self.price_label.setText(product.price)
        self.stock_label.setText(product.stock)
        self.buy_label.setEnabled(not product.sold_out)
        self.thumb.pixmap = product.picture
        self.thumb.update()


class StatusBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(44)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(15)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor(TEXT))
        painter.drawText(QRectF(28, 10, 60, 24), Qt.AlignmentFlag.AlignCenter, "9:41")
        right = self.width() - 28
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TEXT))
        for bar in range(4):  # signal
            height = 4 + bar * 2.5
            painter.drawRoundedRect(QRectF(right - 64 + bar * 5, 27 - height, 3, height), 1, 1)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor(TEXT))
        painter.drawRoundedRect(QRectF(right - 25, 16.5, 23, 11), 3, 3)  # battery
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TEXT))
        painter.drawRoundedRect(QRectF(right - 23, 18.5, 17, 7), 1.5, 1.5)
        painter.drawRoundedRect(QRectF(right - 1, 20, 2, 4), 1, 1)
        # The camera island.
        painter.drawRoundedRect(QRectF(self.width() / 2 - 60, 8, 120, 30), 15, 15)


class ScreenCorners(QWidget):
    """The bezel's rounded inner corners, drawn over the screen's square ones."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outside = QPainterPath()
        outside.addRect(QRectF(self.rect()))
        screen = QPainterPath()
        screen.addRoundedRect(QRectF(self.rect()), SCREEN_RADIUS, SCREEN_RADIUS)
        # Only inside the phone's own outline: the screen's square corners stick out of it.
        phone = QPainterPath()
        phone.addRoundedRect(
            QRectF(self.rect()).adjusted(-BEZEL, -BEZEL, BEZEL, BEZEL),
            SCREEN_RADIUS + BEZEL,
            SCREEN_RADIUS + BEZEL,
        )
        painter.setClipPath(phone)
        painter.fillPath(outside.subtracted(screen), QColor(BEZEL_COLOUR))


class PhoneFrame(QWidget):
    """A phone showing the note page; `show_note` fills it, the dialog decides what with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhoneFrame")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(SCREEN.width() + 2 * BEZEL, SCREEN.height() + 2 * BEZEL)
        self.screen_widget = QWidget(self)
        self.screen_widget.setObjectName("PhoneScreen")
        self.screen_widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.screen_widget.setGeometry(BEZEL, BEZEL, SCREEN.width(), SCREEN.height())
        self.screen_widget.setStyleSheet(PHONE_STYLE)
        self.product_cards: list[ProductCard] = []
        self._buy = ""
        self._build()
        self._corners = ScreenCorners(self.screen_widget)
        self._corners.setGeometry(self.screen_widget.rect())
        self._corners.raise_()

    def _build(self) -> None:
        screen = QVBoxLayout(self.screen_widget)
        screen.setContentsMargins(0, 0, 0, 0)
        screen.setSpacing(0)
        screen.addWidget(StatusBar(self.screen_widget))
        screen.addWidget(self._build_author_bar())

        self.scroll = QScrollArea(self.screen_widget)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # A phone shows no scroll bars at rest; the wheel and the keys still scroll.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidgetResizable(True)
        content = QWidget()
        content.setObjectName("PhoneContent")
        content.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 24)
        column.setSpacing(0)
        self.carousel = Carousel(SCREEN.width(), content)
        column.addWidget(self.carousel)

        text = QVBoxLayout()
        text.setContentsMargins(16, 14, 16, 0)
        text.setSpacing(10)
        self.title_label = QLabel(content)
        self.title_label.setObjectName("PhoneTitle")
        self.title_label.setWordWrap(True)
        self.body_label = QLabel(content)
        self.body_label.setObjectName("PhoneBody")
        self.body_label.setWordWrap(True)
        self.body_label.setTextFormat(Qt.TextFormat.RichText)
        self.place_row = QWidget(content)
        place = QHBoxLayout(self.place_row)
        place.setContentsMargins(0, 2, 0, 0)
        place.setSpacing(4)
        place.addWidget(Glyph(Icon.PIN, 16, "#5B5C61", self.place_row))
        self.place_label = QLabel(self.place_row)
        self.place_label.setObjectName("PhonePlace")
        place.addWidget(self.place_label, 1)
        self.meta_label = QLabel(content)
        self.meta_label.setObjectName("PhoneMeta")
        self.products_box = QVBoxLayout()
        self.products_box.setSpacing(8)
        self.products_title = QLabel(content)
        self.products_title.setObjectName("PhoneSection")
        divider = QFrame(content)
        divider.setFixedHeight(1)
        divider.setStyleSheet("background: #F0F0F2;")
        self.comments_label = QLabel(content)
        self.comments_label.setObjectName("PhoneSection")
        for widget in (self.title_label, self.body_label, self.place_row, self.meta_label):
            text.addWidget(widget)
        text.addSpacing(4)
        text.addWidget(self.products_title)
        text.addLayout(self.products_box)
        text.addSpacing(6)
        text.addWidget(divider)
        text.addWidget(self.comments_label)
        column.addLayout(text)
        column.addStretch(1)
        self.scroll.setWidget(content)
        screen.addWidget(self.scroll, 1)
        screen.addWidget(self._build_action_bar())

    def _build_author_bar(self) -> QWidget:
        bar = QWidget(self.screen_widget)
        bar.setFixedHeight(48)
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 0, 14, 0)
        row.setSpacing(8)
        row.addWidget(Glyph(Icon.BACK, 22, TEXT, bar))
        self.avatar = Avatar(32, bar)
        self.nickname_label = ElidedLabel(bar)
        self.nickname_label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.nickname_label.setObjectName("PhoneNickname")
        self.follow_label = QLabel(bar)
        self.follow_label.setObjectName("PhoneFollow")
        self.follow_label.setFixedHeight(26)
        self.follow_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.avatar)
        row.addWidget(self.nickname_label, 1)
        row.addWidget(self.follow_label)
        row.addSpacing(6)
        row.addWidget(Glyph(Icon.SHARE, 22, TEXT, bar))
        return bar

    def _build_action_bar(self) -> QWidget:
        bar = QWidget(self.screen_widget)
        bar.setObjectName("PhoneBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar.setFixedHeight(56 + 22)
        row = QHBoxLayout(bar)
        row.setContentsMargins(14, 8, 12, 22 + 8)
        row.setSpacing(10)
        self.comment_box = ElidedLabel(bar)
        self.comment_box.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.comment_box.setObjectName("PhoneCommentBox")
        self.comment_box.setFixedHeight(34)
        self.comment_box.setMinimumWidth(104)
        row.addWidget(self.comment_box, 1)
        self.action_labels: list[QLabel] = []
        for icon in (Icon.HEART, Icon.STAR, Icon.COMMENT):
            action = QHBoxLayout()
            action.setSpacing(2)
            action.addWidget(Glyph(icon, 24, TEXT, bar))
            label = QLabel(bar)
            label.setObjectName("PhoneAction")
            self.action_labels.append(label)
            action.addWidget(label)
            row.addLayout(action)
        return bar

    def set_words(
        self,
        *,
        follow: str,
        comment: str,
        actions: Sequence[str],
        products: str,
        comments: str,
        buy: str,
    ) -> None:
        """The page's fixed words (translated by the dialog)."""
        self.follow_label.setText(follow)
        self.comment_box.setText(comment)
        for label, text in zip(self.action_labels, actions, strict=True):
            label.setText(text)
        self.products_title.setText(products)
        self.comments_label.setText(comments)
        self._buy = buy

    def show_note(
        self,
        *,
        nickname: str,
        pictures: list[QPixmap | None],
        bounds: tuple[float, float],
        no_photos: str,
        title: str,
        runs: Sequence[Run],
        place: str,
        meta: str,
        products: Sequence[ProductView],
    ) -> None:
        self.avatar.nickname = nickname
        self.avatar.update()
        self.nickname_label.setText(nickname)
        self.carousel.show_pictures(pictures, bounds, no_photos)
        self.title_label.setText(title.strip())
        self.title_label.setVisible(bool(title.strip()))
        self.body_label.setText(body_html(runs) if runs else "")
        self.body_label.setVisible(bool(runs))
        self.place_label.setText(place)
        self.place_row.setVisible(bool(place))
        self.meta_label.setText(meta)
        self.meta_label.setVisible(bool(meta))
        self._show_products(products)

    def _show_products(self, products: Sequence[ProductView]) -> None:
        while len(self.product_cards) > len(products):
            self.product_cards.pop().deleteLater()
        while len(self.product_cards) < len(products):
            card = ProductCard(self._buy, self.scroll.widget())
            self.products_box.addWidget(card)
            self.product_cards.append(card)
        for card, product in zip(self.product_cards, products, strict=True):
            card.show_product(product)
        self.products_title.setVisible(bool(products))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QColor("#2B2C30"))
        painter.setBrush(QColor(BEZEL_COLOUR))
        painter.drawRoundedRect(outer, SCREEN_RADIUS + BEZEL, SCREEN_RADIUS + BEZEL)
