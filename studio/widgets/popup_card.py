"""A popup that floats over the window as one rounded card with a soft shadow (the account
switcher's list, the notification center). The popup window itself is transparent, with room
around the card for the shadow to fall in; the card's look comes from the stylesheet by its
object name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGraphicsDropShadowEffect, QVBoxLayout, QWidget

SHADOW = 14
"""Room around the card for its shadow."""


def popup_card(popup: QWidget, name: str, *, top: int = SHADOW) -> QFrame:
    """Lay `popup` (a frameless `Popup` window) out as the card named `name` and return the
    card, to be filled. `top` is the room above it: less for a list that drops from a button."""
    popup.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
    outer = QVBoxLayout(popup)
    outer.setContentsMargins(SHADOW, top, SHADOW, SHADOW)
    card = QFrame(popup)
    card.setObjectName(name)
    shadow = QGraphicsDropShadowEffect(card)
    shadow.setBlurRadius(28)
    shadow.setOffset(0, 6)
    shadow.setColor(QColor(0, 0, 0, 40))
    card.setGraphicsEffect(shadow)
    outer.addWidget(card)
    return card
