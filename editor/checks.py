"""Value checks shared by every section of a recipe.

Each helper either returns a clean value (a finite number clamped into its range, a boolean, a
mapping) or raises ``EditorError("recipe.invalid", {field, reason, …})``, so a hand-edited or
hostile document is refused with the field it went wrong in and never reaches the renderer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from editor.errors import EditorError

__all__ = [
    "BRAND_COLOR_NAMES",
    "color",
    "flag",
    "fraction_rect",
    "invalid",
    "known_keys",
    "mapping",
    "number",
]

BRAND_COLOR_NAMES: tuple[str, ...] = ("primary", "secondary", "accent", "text", "background")
"""The colour roles of a brand kit (see `editor.brand`)."""


def invalid(field_name: str, reason: str, **params: Any) -> EditorError:
    """The ``recipe.invalid`` error for `field_name` (a dotted path such as ``layers[2].size``)."""
    return EditorError("recipe.invalid", {"field": field_name, "reason": reason, **params})


def number(value: Any, field_name: str, low: float, high: float) -> float:
    """A finite number clamped into [low, high]; booleans and strings are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise invalid(field_name, "not_a_number")
    try:
        result = float(value)
    except OverflowError:  # an integer with hundreds of digits is valid JSON
        raise invalid(field_name, "not_finite") from None
    if not math.isfinite(result):
        raise invalid(field_name, "not_finite")
    return min(max(result, low), high)


def fraction_rect(
    data: Mapping[str, Any], where: str, minimum: float
) -> tuple[float, float, float, float]:
    """(x, y, w, h) in fractions of a frame, clamped to stay inside it and at least `minimum`
    on each side (a crop, a template's slot)."""
    x = number(data.get("x", 0.0), f"{where}.x", 0.0, 1.0 - minimum)
    y = number(data.get("y", 0.0), f"{where}.y", 0.0, 1.0 - minimum)
    w = number(data.get("w", 1.0), f"{where}.w", minimum, 1.0 - x)
    h = number(data.get("h", 1.0), f"{where}.h", minimum, 1.0 - y)
    return x, y, w, h


def flag(value: Any, field_name: str) -> bool:
    """A JSON boolean (not 0/1, not a string)."""
    if not isinstance(value, bool):
        raise invalid(field_name, "not_a_boolean")
    return value


def mapping(value: Any, field_name: str) -> Mapping[str, Any]:
    """A JSON object."""
    if not isinstance(value, Mapping):
        raise invalid(field_name, "not_an_object")
    return value


def known_keys(data: Mapping[str, Any], allowed: set[str], where: str) -> None:
    """Refuse the first unknown key (sorted, so the error is stable) as ``unknown_field``."""
    unknown = sorted(_printable(str(key)) for key in data if key not in allowed)
    if unknown:
        raise invalid(f"{where}.{unknown[0]}" if where else unknown[0], "unknown_field")


def _printable(key: str) -> str:
    """A key as it can be sent back in an error: a lone surrogate (valid in JSON's \\u escapes,
    not in UTF-8) becomes its escape."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


_COLOR = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def color(value: Any, field_name: str, *, roles: bool = True) -> str:
    """``#RRGGBB`` or ``#RRGGBBAA``, normalised to upper case, or (with `roles`) a brand
    colour named by role, ``brand:primary``, resolved when drawn (`editor.brand`)."""
    if roles and isinstance(value, str) and value.startswith("brand:"):
        if value.removeprefix("brand:") not in BRAND_COLOR_NAMES:
            raise invalid(field_name, "unknown_brand_color", allowed=list(BRAND_COLOR_NAMES))
        return value
    if not isinstance(value, str) or not _COLOR.match(value):
        raise invalid(field_name, "bad_color")
    return value.upper()
