"""Readers' activity on the demo's notes, generated with numpy: millions of events in seconds.

The model follows a reader down the platform's funnel. A note's **impressions** start when it
is published and fade: most come in its first days, a long tail for weeks (a mix of two
exponential lifetimes). They follow the platform's day — thin at night, peaks at lunch
(12–13 h) and in the evening (20–22 h), a little more at weekends — by thinning uniformly drawn
times with those weights. Each impression may become a **view** (cover CTR 5–15 %); each view
may bring a like, collect, comment or share (together 3–12 % of views, likes the most, shares
the fewest), a follow, and on notes with products a product click, of which 2–6 % become an
**order** worth one of the note's products. Video notes' views carry watch seconds and whether
the video was watched to the end. Every later step happens seconds to minutes after the one
it follows, so the hours of day stay true all the way down.

A note's **quality** (lognormal: a few notes take off, most do fine, some flop) raises its
reach and, more gently, every rate along the funnel. Reach is scaled so the whole world gets
the number of impressions asked for, counting only what falls before `now`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import numpy as np

from publisher.domain.metrics import EventKind

DAY = 86_400.0
FAST_SHARE = 0.72
FAST_LIFE = 1.6 * DAY
SLOW_LIFE = 18 * DAY
"""Mean lifetimes of a note's burst of impressions after publishing and of its long tail."""
HOUR_WEIGHTS = np.array(
    [0.30, 0.18, 0.10, 0.07, 0.06, 0.08, 0.18, 0.40, 0.62, 0.70, 0.78, 0.92]
    + [1.40, 1.32, 0.90, 0.78, 0.80, 0.88, 1.00, 1.08, 1.50, 1.62, 1.48, 0.82]
)
"""Readers by hour of the day on the accounts' clock."""
WEEKDAY_WEIGHTS = np.array([0.94, 0.92, 0.95, 0.97, 1.03, 1.14, 1.10])
"""Monday first."""
_ACCEPT = (HOUR_WEIGHTS / HOUR_WEIGHTS.max())[:, None] * (WEEKDAY_WEIGHTS / WEEKDAY_WEIGHTS.max())
_ACCEPT_MEAN = float(_ACCEPT.mean())
_BATCH_SAMPLES = 2_000_000

_INTERACTIONS = (
    # kind, share of the note's engagement, mean delay after the view (s)
    (EventKind.LIKE, 0.56, 25.0),
    (EventKind.COLLECT, 0.27, 40.0),
    (EventKind.COMMENT, 0.11, 90.0),
    (EventKind.SHARE, 0.06, 60.0),
)


@dataclass(frozen=True)
class NoteProfile:
    """What the model needs to know of one published note."""

    note_id: uuid.UUID
    account: int
    """Index of its account in the world (follows are counted per account)."""
    published: float
    """Epoch seconds."""
    weight: float
    """Relative reach: the account's audience × the note's quality × any boost."""
    quality: float
    video_seconds: int = 0
    """The video's length; 0 for an image note (views without watch time)."""
    prices: tuple[int, ...] = ()
    """The linked products' prices in fen: an order is worth one of them."""


@dataclass
class Activity:
    """Events as columns, sorted by time. `value` and `completed` are -1 where empty."""

    ts: np.ndarray
    note: np.ndarray
    kind: np.ndarray
    value: np.ndarray
    completed: np.ndarray

    def __len__(self) -> int:
        return len(self.ts)

    def follows_per_account(self, profiles: list[NoteProfile], accounts: int) -> np.ndarray:
        owners = np.array([profile.account for profile in profiles], np.int64)
        follows = self.note[self.kind == EventKind.FOLLOW]
        return np.bincount(owners[follows], minlength=accounts)


@dataclass
class _Rates:
    ctr: np.ndarray
    engagement: np.ndarray
    follow: np.ndarray
    click: np.ndarray
    order: np.ndarray
    completion: np.ndarray
    seconds: np.ndarray
    prices: np.ndarray
    price_count: np.ndarray


def alive_share(age: np.ndarray) -> np.ndarray:
    """The share of a note's impressions that happened within `age` seconds of publishing."""
    age = np.maximum(age, 0.0)
    return FAST_SHARE * (1 - np.exp(-age / FAST_LIFE)) + (1 - FAST_SHARE) * (
        1 - np.exp(-age / SLOW_LIFE)
    )


def _rates(profiles: list[NoteProfile], rng: np.random.Generator) -> _Rates:
    """Each note's funnel rates: quality lifts them all, a little noise sets notes apart."""
    count = len(profiles)
    quality = np.array([p.quality for p in profiles])

    def rate(base: float, power: float, low: float, high: float, noise: float) -> np.ndarray:
        return np.clip(base * quality**power * rng.lognormal(0, noise, count), low, high)

    widest = max((len(p.prices) for p in profiles), default=0)
    prices = np.zeros((count, max(1, widest)), np.int64)
    for index, profile in enumerate(profiles):
        prices[index, : len(profile.prices)] = profile.prices
    return _Rates(
        ctr=rate(0.085, 0.25, 0.05, 0.15, 0.12),
        engagement=rate(0.06, 0.35, 0.03, 0.12, 0.08),
        follow=rate(0.012, 0.5, 0.002, 0.04, 0.1),
        click=rate(0.15, 0.3, 0.06, 0.25, 0.15) * (prices[:, 0] > 0),
        order=rate(0.04, 0.0, 0.02, 0.06, 0.2),
        completion=rate(0.3, 0.2, 0.12, 0.55, 0.1),
        seconds=np.array([p.video_seconds for p in profiles], np.int64),
        prices=prices,
        price_count=np.array([max(1, len(p.prices)) for p in profiles], np.int64),
    )


def generate(
    profiles: list[NoteProfile],
    *,
    impressions: int,
    now: float,
    utc_offset: float,
    rng: np.random.Generator,
) -> Activity:
    """Every event of the notes up to `now` (epoch seconds), sorted by time. `utc_offset`
    (seconds) is the accounts' clock, on which readers' hours and weekdays fall."""
    if not profiles:
        return Activity(*_part(np.zeros(0), np.zeros(0, np.int32), EventKind.IMPRESSION, now))
    published = np.array([p.published for p in profiles])
    weight = np.array([p.weight for p in profiles])
    expected = weight * alive_share(now - published)
    draws = rng.poisson(weight * impressions / expected.sum() / _ACCEPT_MEAN)
    rates = _rates(profiles, rng)
    parts: list[tuple[np.ndarray, ...]] = []
    for start, end in _batches(draws):
        notes = np.repeat(np.arange(start, end, dtype=np.int32), draws[start:end])
        times, kept = _impressions(published[notes], now, utc_offset, rng)
        keep = kept & (times < now)
        parts.extend(_funnel(notes[keep], times[keep], rates, now, rng))
    columns = [np.concatenate(column) for column in zip(*parts, strict=True)]
    order = np.argsort(columns[0], kind="stable")
    return Activity(*(column[order] for column in columns))


def _batches(draws: np.ndarray) -> list[tuple[int, int]]:
    """Runs of notes with about `_BATCH_SAMPLES` draws each, to bound the memory used."""
    cumulative = np.cumsum(draws)
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(draws):
        done = int(cumulative[start - 1]) if start else 0
        end = int(np.searchsorted(cumulative, done + _BATCH_SAMPLES, side="right"))
        bounds.append((start, max(end, start + 1)))
        start = bounds[-1][1]
    return bounds


def _impressions(
    published: np.ndarray, now: float, utc_offset: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Times after publishing, by the two lifetimes, and which of them the hour and weekday
    weights keep (times past `now` are left for the caller to drop)."""
    fast = rng.random(len(published)) < FAST_SHARE
    life = np.where(fast, FAST_LIFE, SLOW_LIFE)
    times = published + 60.0 + rng.exponential(1.0, len(published)) * life
    local = np.minimum(times, now) + utc_offset
    hours = (local // 3600 % 24).astype(np.int64)
    weekdays = ((local // DAY + 3) % 7).astype(np.int64)  # 1970-01-01 was a Thursday
    return times, rng.random(len(published)) < _ACCEPT[hours, weekdays]


def _after(times: np.ndarray, mean_delay: float, rng: np.random.Generator) -> np.ndarray:
    return times + 1.0 + rng.exponential(mean_delay, len(times))


def _pick(notes: np.ndarray, rate: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return rng.random(len(notes)) < rate[notes]


def _part(
    times: np.ndarray,
    notes: np.ndarray,
    kind: EventKind,
    now: float,
    value: np.ndarray | None = None,
    completed: np.ndarray | None = None,
) -> tuple[np.ndarray, ...]:
    keep = times < now
    count = int(keep.sum())
    return (
        times[keep],
        notes[keep],
        np.full(count, int(kind), np.int8),
        np.full(count, -1, np.int64) if value is None else value[keep].astype(np.int64),
        np.full(count, -1, np.int8) if completed is None else completed[keep].astype(np.int8),
    )


def _funnel(
    notes: np.ndarray, times: np.ndarray, rates: _Rates, now: float, rng: np.random.Generator
) -> list[tuple[np.ndarray, ...]]:
    parts = [_part(times, notes, EventKind.IMPRESSION, now)]
    viewed = _pick(notes, rates.ctr, rng)
    view_notes, view_times = notes[viewed], _after(times[viewed], 8.0, rng)
    parts.append(_views(view_notes, view_times, rates, now, rng))
    for kind, share, delay in _INTERACTIONS:
        chosen = _pick(view_notes, rates.engagement * share, rng)
        parts.append(_part(_after(view_times[chosen], delay, rng), view_notes[chosen], kind, now))
    followed = _pick(view_notes, rates.follow, rng)
    follow_times = _after(view_times[followed], 60.0, rng)
    parts.append(_part(follow_times, view_notes[followed], EventKind.FOLLOW, now))
    clicked = _pick(view_notes, rates.click, rng)
    click_notes, click_times = view_notes[clicked], _after(view_times[clicked], 30.0, rng)
    parts.append(_part(click_times, click_notes, EventKind.PRODUCT_CLICK, now))
    ordered = _pick(click_notes, rates.order, rng)
    order_notes = click_notes[ordered]
    which = (rng.random(len(order_notes)) * rates.price_count[order_notes]).astype(np.int64)
    quantity = np.where(rng.random(len(order_notes)) < 0.1, 2, 1)
    amounts = rates.prices[order_notes, which] * quantity
    order_times = _after(click_times[ordered], 900.0, rng)
    parts.append(_part(order_times, order_notes, EventKind.ORDER, now, value=amounts))
    return parts


def _views(
    notes: np.ndarray, times: np.ndarray, rates: _Rates, now: float, rng: np.random.Generator
) -> tuple[np.ndarray, ...]:
    """Views; a video note's carry the seconds watched and whether to the end."""
    seconds = rates.seconds[notes]
    video = seconds > 0
    completed = video & (rng.random(len(notes)) < rates.completion[notes])
    partial = np.maximum(1, (seconds * rng.beta(1.3, 2.4, len(notes))).astype(np.int64))
    watched = np.where(completed, seconds, np.minimum(partial, np.maximum(seconds - 1, 1)))
    return _part(
        times,
        notes,
        EventKind.VIEW,
        now,
        value=np.where(video, watched, -1),
        completed=np.where(video, completed, -1),
    )
