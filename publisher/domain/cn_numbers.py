"""Numbers as the platform's data center and Excel write them: counts, ratios and durations.

The data center rounds big counts with a Chinese unit (`1.2万`, `3亿`, `1.2w` on newer
screens), Excel adds thousands separators, a full-width keyboard types `１２`, and a cell with
no data says `--`. Each parser answers None for "no data" — which is not zero: a note without
a completion rate is not a note nobody finished — and raises `ValueError` whose message is a
short code (`count.invalid`, `count.negative`, `ratio.invalid` …) for anything else, so an
import can point at the cell instead of storing a wrong number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import time, timedelta
from decimal import ROUND_HALF_UP, Decimal

_NO_DATA = re.compile(r"[-—–―]+|n/?a|暂无(?:数据)?", re.IGNORECASE)
_PLAIN = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_GROUPED = re.compile(r"\d{1,3}(?P<sep>[, '])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?")
_SCALED = re.compile(r"(?P<number>.*?)\s*(?P<unit>[kw千万亿]?)", re.IGNORECASE)
_SCALES = {"": 1, "k": 1_000, "千": 1_000, "w": 10_000, "万": 10_000, "亿": 100_000_000}
_CLOCK = re.compile(r"(\d+):(\d{2})(?::(\d{2}))?(\.\d+)?")
_AMOUNT = r"\d+(?:\.\d+)?|\.\d+"
_SPOKEN = re.compile(
    rf"(?:(?P<h>{_AMOUNT})\s*(?:小时|时|hours?|hrs?|h)\s*)?"
    rf"(?:(?P<m>{_AMOUNT})\s*(?:分钟|分|minutes?|mins?|m)\s*)?"
    rf"(?:(?P<s>{_AMOUNT})\s*(?:秒钟|秒|seconds?|secs?|s))?",
    re.IGNORECASE,
)


MAX_COUNT = 10**12
"""Beyond any note's figures: a larger "count" is a misread cell, not a number to store."""


def parse_count(value: object) -> int | None:
    """A count: `12,345`, `1.2万` / `1.2w` (12000), `3亿`, `1.5k`, ` 12 345 `, `１２`, `+12`,
    or a number cell (12.0 → 12); None for no data (`--`, `-`, `—`, empty).

    A count written with a unit is rounded to a whole number; one without must be whole.

    Raises:
        ValueError: `count.negative`, or `count.invalid` for anything else.
    """
    if not isinstance(value, str):
        number = _cell_number(value, code="count")
        scale = 1
    else:
        text = _text(value)
        if not text or _NO_DATA.fullmatch(text):
            return None
        match = _SCALED.fullmatch(text)
        assert match is not None  # every text matches: the unit is optional
        number = _signed(match["number"], code="count")
        scale = _SCALES[match["unit"].lower()]
    if number is None:
        return None
    if number < 0:
        raise ValueError("count.negative")
    if scale == 1 and number != number.to_integral_value():
        raise ValueError("count.invalid")
    count = int((number * scale).to_integral_value(ROUND_HALF_UP))
    if count > MAX_COUNT:
        raise ValueError("count.invalid")
    return count


def parse_ratio(value: object, *, percent: bool = False) -> float | None:
    """A ratio as a fraction: `12.5%`, `12.5 %` and `0.125` are all 0.125; None for no data.

    Args:
        value: The cell: text, or a number cell (a fraction, as Excel keeps a `12.5%` cell).
        percent: A number without `%` is a percentage (the column says `(%)`); without
            this, such a number is a fraction and cannot be above 1.

    Raises:
        ValueError: `ratio.negative`, or `ratio.invalid` for anything else.
    """
    scale = Decimal(100 if percent else 1)
    if not isinstance(value, str):
        number = _cell_number(value, code="ratio")
    else:
        text = _text(value)
        if not text or _NO_DATA.fullmatch(text):
            return None
        if text.endswith("%"):
            text, scale = text[:-1].rstrip(), Decimal(100)
        number = _signed(text, code="ratio")
    if number is None:
        return None
    if number < 0:
        raise ValueError("ratio.negative")
    if number / scale > 1:
        raise ValueError("ratio.invalid")  # a click-through or completion rate above 100 %
    return float(number / scale)


def parse_seconds(value: object, *, unit: float = 1) -> float | None:
    """A duration in seconds: `83`, `83s`, `83秒`, `1分23秒`, `01:23`, `00:01:23`, `1.5分钟`,
    an Excel time or duration cell; None for no data.

    Args:
        value: The cell.
        unit: Seconds in a bare number (60 when the column says it counts minutes).

    Raises:
        ValueError: `seconds.negative`, or `seconds.invalid` for anything else.
    """
    if isinstance(value, time):
        value = timedelta(
            hours=value.hour,
            minutes=value.minute,
            seconds=value.second,
            microseconds=value.microsecond,
        )
    seconds: Decimal | None
    if isinstance(value, timedelta):
        seconds = Decimal(repr(value.total_seconds()))
    elif not isinstance(value, str):
        number = _cell_number(value, code="seconds")
        seconds = None if number is None else number * Decimal(repr(unit))
    else:
        seconds = _spoken_seconds(_text(value).lower(), unit)
    if seconds is None:
        return None
    if seconds < 0:
        raise ValueError("seconds.negative")
    return float(seconds)


def _spoken_seconds(text: str, unit: float) -> Decimal | None:
    if not text or _NO_DATA.fullmatch(text):
        return None
    sign, body = _sign(text)
    if clock := _CLOCK.fullmatch(body):
        first, second, third, fraction = clock.groups()
        hours, minutes, seconds = (first, second, third) if third else ("0", first, second)
        if int(seconds) >= 60 or (third and int(minutes) >= 60):
            raise ValueError("seconds.invalid")
        total = int(hours) * 3600 + int(minutes) * 60 + Decimal(seconds + (fraction or ""))
        return sign * total
    spoken = _SPOKEN.fullmatch(body)
    if spoken and any(spoken.groups()):
        parts = (Decimal(spoken[name] or 0) * size for name, size in (("h", 3600), ("m", 60)))
        return sign * (sum(parts, Decimal(0)) + Decimal(spoken["s"] or 0))
    if _PLAIN.fullmatch(body):
        return sign * Decimal(body) * Decimal(repr(unit))
    raise ValueError("seconds.invalid")


def _text(value: str) -> str:
    """Full-width digits and signs folded (NFKC), the math minus read as a minus."""
    return unicodedata.normalize("NFKC", value).replace("\u2212", "-").strip()


def _cell_number(value: object, *, code: str) -> Decimal | None:
    """A number cell as a Decimal: None stays None, a boolean or non-finite number is refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{code}.invalid")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{code}.invalid")
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def _signed(text: str, *, code: str) -> Decimal:
    """`+12`, `-1,234.5`, `12 345`: a decimal number with an optional sign and thousands
    separators (commas, spaces or apostrophes, in groups of three)."""
    sign, body = _sign(text)
    if _PLAIN.fullmatch(body):
        return sign * Decimal(body)
    if grouped := _GROUPED.fullmatch(body):
        return sign * Decimal(body.replace(grouped["sep"], ""))
    raise ValueError(f"{code}.invalid")


def _sign(text: str) -> tuple[int, str]:
    """The sign a number is written with (one `+` or `-`, maybe spaced) and the rest."""
    if text[:1] in ("+", "-"):
        return (-1 if text[0] == "-" else 1), text[1:].lstrip()
    return 1, text
