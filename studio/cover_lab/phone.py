"""The phone feed's geometry, worked out without Qt: how big a feed tile really is, how many
screen pixels that takes on this monitor, and where the tiles of a two-column feed go.

Sizes are in phone points (pt), the unit the platform's app is laid out in. The reference phone
is 390 pt wide (iPhone 12 to 15: 1170 device pixels at 460 ppi, 3 pixels a point), so a point is
25.4 / (460 / 3) ≈ 0.166 mm and a feed tile, (390 − 3 × 5) / 2 = 187.5 pt, is about 31 mm wide.
Drawing the tile at that width on the creator's monitor needs the monitor's real pixel density,
which some screens (remote desktops, projectors, virtual machines) report wrongly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MM_PER_INCH = 25.4
PHONE_POINTS_PER_INCH = 460 / 3
"""The reference phone's density in points (460 ppi at 3 device pixels a point)."""
MM_PER_POINT = MM_PER_INCH / PHONE_POINTS_PER_INCH

SCREEN_WIDTH = 390.0
SCREEN_HEIGHT = 844.0
GUTTER = 5.0
"""Between the feed's columns and along its edges."""
TILE_WIDTH = (SCREEN_WIDTH - 3 * GUTTER) / 2
STATUS_BAR = 47.0
TOP_BAR = 44.0
TAB_BAR = 83.0
"""The bottom navigation with the home indicator."""
FEED_TOP = STATUS_BAR + TOP_BAR

# A tile: the cover, up to two lines of title, then the author and the like count.
COVER_RADIUS = 6.0
PADDING = 8.0
TITLE_SIZE = 14
TITLE_LINE = 19.0
AUTHOR_GAP = 8.0
AUTHOR_ROW = 18.0
AUTHOR_SIZE = 11
BOTTOM = 10.0

FALLBACK_DPI = 96.0
"""What a screen with an implausible physical density is drawn as (a common desktop density)."""
PLAUSIBLE_DPI = (50.0, 500.0)


@dataclass(frozen=True)
class Density:
    """How many logical pixels a millimetre takes on a screen, and whether the screen said so
    plausibly (False: an assumed desktop density stands in, the real size is approximate)."""

    px_per_mm: float
    measured: bool


def screen_density(physical_dpi: float) -> Density:
    """The density of a screen reporting `physical_dpi` (Qt's `physicalDotsPerInch`, in logical
    pixels): a value outside what monitors have is a screen that does not know its size."""
    low, high = PLAUSIBLE_DPI
    if low <= physical_dpi <= high:
        return Density(physical_dpi / MM_PER_INCH, True)
    return Density(FALLBACK_DPI / MM_PER_INCH, False)


def pixels_per_point(density: Density, zoom: float = 1.0) -> float:
    """Logical screen pixels for one phone point: the real size at zoom 1."""
    return density.px_per_mm * MM_PER_POINT * zoom


def points_to_mm(points: float) -> float:
    return points * MM_PER_POINT


TILE_WIDTH_MM = points_to_mm(TILE_WIDTH)


def shown_cover_height(width: int, height: int, bounds: tuple[float, float]) -> float:
    """How tall a `width` × `height` picture is drawn in a tile, in points, before the tile
    crops it: the tile keeps the picture's shape within `bounds` (3:4 … 4:3) and fills itself,
    so a picture narrower than 3:4 is drawn taller than the tile (its top and bottom cut off)
    and one wider than 4:3 exactly as tall as the tile."""
    if width <= 0 or height <= 0:
        return TILE_WIDTH / bounds[0]
    return TILE_WIDTH / min(width / height, bounds[1])


@dataclass(frozen=True)
class Placement:
    column: int
    top: float


def masonry(heights: Sequence[float], *, top: float = 0.0, gap: float = GUTTER) -> list[Placement]:
    """The platform's waterfall: each tile, in order, goes to the shorter column (the left one
    on a tie), `gap` below the tile above it."""
    columns = [top, top]
    placements = []
    for height in heights:
        column = 0 if columns[0] <= columns[1] else 1
        placements.append(Placement(column, columns[column]))
        columns[column] += height + gap
    return placements


def column_left(column: int) -> float:
    return GUTTER + column * (TILE_WIDTH + GUTTER)
