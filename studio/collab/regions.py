"""Regions of a photo as the backend stores them: fractions of the image's width and height,
so a box lands on the same part of the photo at any size it is shown at. Geometry only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSizeF

MIN_DRAG = 8.0
"""A drag shorter than this (pixels, either side) is a click, not a rectangle."""


class Fractions(Protocol):
    """Anything placed on an image in fractions of its size (a `Region`, a comment's mark)."""

    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def width(self) -> float: ...
    @property
    def height(self) -> float: ...


@dataclass(frozen=True)
class Region:
    """A rectangle of an image in fractions of its size, as the backend's `Region`."""

    x: float
    y: float
    width: float
    height: float

    def as_dict(self) -> dict[str, float]:
        return {"x": self.x, "y": self.y, "width": self.width, "height": self.height}


def fitted(size: QSizeF, area: QRectF) -> QRectF:
    """The largest rectangle of `size`'s shape centred in `area`."""
    if size.isEmpty() or area.isEmpty():
        return QRectF()
    scale = min(area.width() / size.width(), area.height() / size.height())
    rect = QRectF(0, 0, size.width() * scale, size.height() * scale)
    rect.moveCenter(area.center())
    return rect


def region_between(a: QPointF, b: QPointF, image: QRectF) -> Region | None:
    """The region two points span, clamped to the image; None for a mere click."""
    if image.isEmpty():
        return None

    def clamp(point: QPointF) -> QPointF:
        return QPointF(
            min(max(point.x(), image.left()), image.right()),
            min(max(point.y(), image.top()), image.bottom()),
        )

    rect = QRectF(clamp(a), clamp(b)).normalized()
    if rect.width() < MIN_DRAG or rect.height() < MIN_DRAG:
        return None
    x = (rect.left() - image.left()) / image.width()
    y = (rect.top() - image.top()) / image.height()
    width = min(rect.width() / image.width(), 1 - x)
    height = min(rect.height() / image.height(), 1 - y)
    return Region(round(x, 4), round(y, 4), round(width, 4), round(height, 4))


def region_rect(region: Fractions, image: QRectF) -> QRectF:
    """Where `region` is on the image as shown in `image`."""
    return QRectF(
        image.left() + region.x * image.width(),
        image.top() + region.y * image.height(),
        region.width * image.width(),
        region.height * image.height(),
    )
