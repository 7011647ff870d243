"""Pre-publish checks: every rule of the rules pack, each with its verdict and parameters.

`evaluate_note` answers the whole checklist — one `CheckItem` per rule that applies to the
note, passed or not — which the app renders as the "ready to publish?" list. `check_note`
answers only what is broken. The server refuses to publish or schedule while a `block`
violation stands and answers all of them at once. Items and violations carry codes and
parameters, never English text: the app translates them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from publisher.domain.rules import RulesPack
from publisher.domain.text import char_count, width_units

Level = Literal["warn", "block"]
Status = Literal["pass", "warn", "block"]


@dataclass(frozen=True)
class Violation:
    """One broken rule: a stable `code` (e.g. ``title.too_wide``), its level and figures."""

    code: str
    level: Level
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CheckItem:
    """One rule of the checklist: its id (``title``, ``images.ratio`` …), verdict and figures.

    `params` holds the rule's limits and the note's own figures, so a passed rule can still
    be shown ("title 12 of 40 units"). `violations` says what is broken, one per offending
    image where a rule looks at each image.
    """

    rule: str
    status: Status
    params: dict[str, Any] = field(default_factory=dict)
    violations: tuple[Violation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "status": self.status,
            "params": self.params,
            "violations": [v.to_dict() for v in self.violations],
        }


@dataclass(frozen=True)
class MediaFacts:
    """One image or video as it will be published: the rendered export if there is one,
    else the original. `mime` and `bytes` may be unknown (None) while a draft is typed;
    `duration` (seconds) is a video's, None for an image or while unknown."""

    width: int
    height: int
    bytes: int | None = None
    mime: str | None = None
    duration: float | None = None


@dataclass(frozen=True)
class CoverFacts:
    """The note's cover. Until the covers issue lets a creator choose one, an image note's
    cover is its first image; that issue fills this in with the chosen cover.

    A video note always has one once it has its video: the platform shows a frame when no
    cover is uploaded, and the video edit's cover is a frame (its first, by default) unless
    it names an image (`source` "image")."""

    present: bool
    source: str = "first_image"


@dataclass(frozen=True)
class BriefRequirement:
    """One thing a brand's brief asks of the note: `kind` names a checker in
    `BRIEF_REQUIREMENTS` (topic, mention, product, keyword), `value` what it looks for."""

    kind: str
    value: str


@dataclass(frozen=True)
class NoteFacts:
    """What the checks need to know about a note, independent of how it is stored.

    Only the first fields are required, so the app can check a draft as it is typed; the
    rules about what is left out (image sizes, schedule, brief) then pass or do not apply.
    """

    type: str
    title: str
    body: str
    image_count: int
    video_count: int = 0
    images: tuple[MediaFacts, ...] = ()
    videos: tuple[MediaFacts, ...] = ()
    topics: tuple[str, ...] = ()
    """Topic names, in the note's order."""
    mentions: tuple[str, ...] = ()
    """Ids of the mentioned accounts."""
    products: tuple[str, ...] = ()
    """Ids of the linked products."""
    scheduled_at: datetime | None = None
    cover: CoverFacts | None = None
    """None: derived from the images (the first one is the cover)."""
    brief: tuple[BriefRequirement, ...] | None = None
    """The requirements of the brief the note answers, or None when it answers none."""


def title_limits(rules: RulesPack) -> tuple[int, int, int]:
    """(max width units, units per ASCII char, units per other char) from the pack."""
    title = rules.rules["title"]
    widths = title["unit_width"]
    return title["block_max_width_units"], widths["ascii"], widths["other"]


def title_width(title: str, rules: RulesPack) -> int:
    """The title's width in the pack's units."""
    _, ascii_w, other_w = title_limits(rules)
    return width_units(title, ascii_width=ascii_w, other_width=other_w)


def _item(rule: str, params: dict[str, Any], violations: Iterable[Violation]) -> CheckItem:
    found = tuple(violations)
    status: Status = "pass"
    if any(v.level == "block" for v in found):
        status = "block"
    elif found:
        status = "warn"
    return CheckItem(rule, status, params, found)


def _check_title(note: NoteFacts, rules: RulesPack) -> CheckItem:
    max_units, _, _ = title_limits(rules)
    units = title_width(note.title, rules)
    found = []
    if not note.title.strip():
        found.append(Violation("title.empty", "block"))
    elif units > max_units:
        found.append(Violation("title.too_wide", "block", {"units": units, "max": max_units}))
    return _item("title", {"units": units, "max": max_units}, found)


def _check_body(note: NoteFacts, rules: RulesPack) -> CheckItem:
    body_max = rules.limit("body", "block_max_chars")
    chars = char_count(note.body)
    found = []
    if chars > body_max:
        found.append(Violation("body.too_long", "block", {"chars": chars, "max": body_max}))
    return _item("body", {"chars": chars, "max": body_max}, found)


def _check_image_count(note: NoteFacts, rules: RulesPack) -> CheckItem:
    low, high = rules.limit("images", "block_min"), rules.limit("images", "block_max")
    count = note.image_count
    found = []
    if count < low:
        found.append(Violation("images.too_few", "block", {"count": count, "min": low}))
    elif count > high:
        found.append(Violation("images.too_many", "block", {"count": count, "max": high}))
    return _item("images.count", {"count": count, "min": low, "max": high}, found)


def parse_ratio(text: str) -> float:
    """Width over height of a ratio written ``"3:4"``."""
    width, height = text.split(":")
    return int(width) / int(height)


def matching_ratio(width: int, height: int, allowed: list[str], tolerance: float) -> str | None:
    """The allowed ratio ``width:height`` is within `tolerance` (relative) of, if any."""
    if width <= 0 or height <= 0:
        return None
    actual = width / height
    for name in allowed:
        target = parse_ratio(name)
        if abs(actual - target) <= tolerance * target:
            return name
    return None


def _format_of(mime: str) -> str:
    return mime.split("/", 1)[-1].lower().replace("quicktime", "mov")


def _check_formats(rule: str, media: tuple[MediaFacts, ...], group: dict[str, Any]) -> CheckItem:
    """HEIC and the like block: the platform refuses them. The studio publishes every photo
    as its export, so an iPhone photo goes out as JPEG and passes."""
    allowed = group["formats"]
    found = [
        Violation(rule, "block", {"index": i, "format": _format_of(m.mime), "allowed": allowed})
        for i, m in enumerate(media)
        if m.mime is not None and _format_of(m.mime) not in allowed
    ]
    return _item(rule, {"allowed": allowed}, found)


def _check_bytes(rule: str, media: tuple[MediaFacts, ...], group: dict[str, Any]) -> CheckItem:
    block_max = group["block_max_bytes"]
    warn_max = group.get("warn_max_bytes")
    found = []
    for index, item in enumerate(media):
        if item.bytes is None:
            continue
        if item.bytes > block_max:
            found.append(
                Violation(
                    f"{rule}.too_large",
                    "block",
                    {"index": index, "bytes": item.bytes, "max": block_max},
                )
            )
        elif warn_max is not None and item.bytes > warn_max:
            found.append(
                Violation(
                    f"{rule}.large", "warn", {"index": index, "bytes": item.bytes, "max": warn_max}
                )
            )
    params = {"max": block_max} | ({"warn_max": warn_max} if warn_max is not None else {})
    return _item(rule, params, found)


def _check_ratios(rule: str, media: tuple[MediaFacts, ...], group: dict[str, Any]) -> CheckItem:
    allowed, tolerance = group["allowed_ratios"], group["ratio_tolerance"]
    found = [
        Violation(
            rule,
            "block",
            {"index": i, "width": m.width, "height": m.height, "allowed": allowed},
        )
        for i, m in enumerate(media)
        if matching_ratio(m.width, m.height, allowed, tolerance) is None
    ]
    return _item(rule, {"allowed": allowed, "tolerance": tolerance}, found)


def _check_image_size(note: NoteFacts, rules: RulesPack) -> CheckItem:
    """Below the recommended size the platform upscales and the photo looks soft: a warning."""
    recommended = rules.limit("images", "recommended_size")
    min_side = rules.limit("images", "warn_min_short_side")
    found = [
        Violation(
            "images.below_recommended",
            "warn",
            {"index": i, "width": m.width, "height": m.height, "min_side": min_side},
        )
        for i, m in enumerate(note.images)
        if min(m.width, m.height) < min_side
    ]
    return _item("images.size", {"recommended": recommended, "min_side": min_side}, found)


def video_length_violation(seconds: float, rules: RulesPack, index: int = 0) -> Violation | None:
    """What the platform thinks of a video this long: a warning past `warn_max_seconds` (long
    videos are watched less), a block past `block_max_seconds`. The video editor asks it
    before an export; the checklist for every video of a note."""
    warn_max = rules.limit("video", "warn_max_seconds")
    block_max = rules.limit("video", "block_max_seconds")
    params = {"index": index, "seconds": round(seconds, 1)}
    if seconds > block_max:
        return Violation("video.duration.too_long", "block", {**params, "max": block_max})
    if seconds > warn_max:
        return Violation("video.duration.long", "warn", {**params, "max": warn_max})
    return None


def _check_video_duration(note: NoteFacts, rules: RulesPack) -> CheckItem:
    found = [
        violation
        for index, item in enumerate(note.videos)
        if item.duration is not None
        and (violation := video_length_violation(item.duration, rules, index)) is not None
    ]
    params = {
        "warn_max": rules.limit("video", "warn_max_seconds"),
        "max": rules.limit("video", "block_max_seconds"),
    }
    return _item("video.duration", params, found)


def _check_video_count(note: NoteFacts, rules: RulesPack) -> CheckItem:
    expected = rules.limit("video", "count")
    found = []
    if note.video_count != expected:
        found.append(
            Violation("video.count", "block", {"count": note.video_count, "expected": expected})
        )
    return _item("video.count", {"count": note.video_count, "expected": expected}, found)


def _check_topics(note: NoteFacts, rules: RulesPack) -> CheckItem:
    warn_max, block_max = rules.limit("topics", "warn_max"), rules.limit("topics", "block_max")
    count = len(note.topics)
    params = {"count": count, "warn_max": warn_max, "max": block_max}
    found = []
    if count > block_max:
        found.append(Violation("topics.too_many", "block", {"count": count, "max": block_max}))
    elif count > warn_max:
        found.append(Violation("topics.many", "warn", {"count": count, "warn_max": warn_max}))
    return _item("topics", params, found)


def schedule_window(rules: RulesPack, now: datetime) -> tuple[datetime, datetime]:
    """The earliest and latest time a note may be scheduled for, seen at `now`."""
    earliest = now + timedelta(seconds=rules.limit("schedule", "min_lead_seconds"))
    latest = now + timedelta(seconds=rules.limit("schedule", "max_lead_seconds"))
    return earliest, latest


def _check_schedule(note: NoteFacts, rules: RulesPack, now: datetime) -> CheckItem:
    earliest, latest = schedule_window(rules, now)
    when = note.scheduled_at
    params: dict[str, Any] = {
        "scheduled_at": when.isoformat() if when else None,
        "earliest": earliest.isoformat(),
        "latest": latest.isoformat(),
        "timezone": rules.limit("schedule", "timezone"),
    }
    found = []
    if when is not None and when < earliest:
        found.append(Violation("schedule.too_soon", "block", {"earliest": earliest.isoformat()}))
    elif when is not None and when > latest:
        found.append(Violation("schedule.too_late", "block", {"latest": latest.isoformat()}))
    return _item("schedule", params, found)


def _check_cover(note: NoteFacts, media_count: CheckItem) -> CheckItem:
    """The cover is the first image (or a frame of the video) unless the note says otherwise.
    Without any image (video) the cover shares the count's verdict rather than repeating its
    violation."""
    if note.type == "video":
        derived = CoverFacts(present=note.video_count > 0, source="frame")
    else:
        derived = CoverFacts(present=note.image_count > 0)
    cover = note.cover or derived
    params = {"source": cover.source, "present": cover.present}
    if cover.present:
        return _item("cover", params, ())
    if note.cover is None:
        return CheckItem("cover", media_count.status, params)
    return _item("cover", params, [Violation("cover.missing", "block")])


def _text_contains(note: NoteFacts, value: str) -> bool:
    return value.casefold() in f"{note.title}\n{note.body}".casefold()


BRIEF_REQUIREMENTS: dict[str, Callable[[NoteFacts, str], bool]] = {
    "topic": lambda note, value: value in note.topics,
    "mention": lambda note, value: value in note.mentions,
    "product": lambda note, value: value in note.products,
    "keyword": _text_contains,
}
"""How each kind of brief requirement is met. The brand issue adds kinds here and fills
`NoteFacts.brief` from the brief a note answers; an unknown kind is never met."""


def _check_brief(requirements: tuple[BriefRequirement, ...], note: NoteFacts) -> CheckItem:
    found = [
        Violation("brief.requirement_unmet", "block", {"kind": r.kind, "value": r.value})
        for r in requirements
        if not BRIEF_REQUIREMENTS.get(r.kind, lambda _note, _value: False)(note, r.value)
    ]
    return _item("brief", {"requirements": len(requirements)}, found)


def evaluate_note(
    note: NoteFacts, rules: RulesPack, *, now: datetime | None = None
) -> list[CheckItem]:
    """Every rule of the pack that applies to `note`, in a stable order, with its verdict.

    `now` is the server's clock for the schedule window (default: the current time).
    """
    items = [_check_title(note, rules), _check_body(note, rules)]
    if note.type == "image":
        images = rules.rules["images"]
        count = _check_image_count(note, rules)
        items += [
            count,
            _check_formats("images.format", note.images, images),
            _check_bytes("images.bytes", note.images, images),
            _check_ratios("images.ratio", note.images, images),
            _check_image_size(note, rules),
            _check_cover(note, count),
        ]
    elif note.type == "video":
        video = rules.rules["video"]
        count = _check_video_count(note, rules)
        items += [
            count,
            _check_formats("video.format", note.videos, video),
            _check_bytes("video.bytes", note.videos, video),
            _check_ratios("video.ratio", note.videos, video),
            _check_video_duration(note, rules),
            _check_cover(note, count),
        ]
    items += [_check_topics(note, rules), _check_schedule(note, rules, now or datetime.now(UTC))]
    if note.brief is not None:
        items.append(_check_brief(note.brief, note))
    return items


def check_note(
    note: NoteFacts, rules: RulesPack, *, now: datetime | None = None
) -> list[Violation]:
    """Every rule of the pack that `note` breaks, in a stable order."""
    return [v for item in evaluate_note(note, rules, now=now) for v in item.violations]


def blocking(violations: list[Violation]) -> list[Violation]:
    """The violations that refuse publishing."""
    return [v for v in violations if v.level == "block"]
