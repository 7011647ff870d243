"""How the data center's figures read: each metric's and counter's name, its formula in words,
and its value formatted by kind — the one place every analytics screen takes them from.

Names follow the platform's own data center (曝光, 观看, 封面点击率 …) so creators recognise
them; a formula is built from the server's definition (`MetricDefinition`: numerator and
denominator counters, a factor, a version), so what the app shows is what the server computed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from publisher.stats_schemas import MetricDefinition
from studio.collab.money import fen_text

_NAMES = {
    # metrics
    "impressions": QT_TRANSLATE_NOOP("Metrics", "Impressions"),
    "views": QT_TRANSLATE_NOOP("Metrics", "Views"),
    "cover_ctr": QT_TRANSLATE_NOOP("Metrics", "Cover CTR"),
    "interactions": QT_TRANSLATE_NOOP("Metrics", "Interactions"),
    "engagement_rate": QT_TRANSLATE_NOOP("Metrics", "Engagement rate"),
    "likes": QT_TRANSLATE_NOOP("Metrics", "Likes"),
    "collects": QT_TRANSLATE_NOOP("Metrics", "Collects"),
    "comments": QT_TRANSLATE_NOOP("Metrics", "Comments"),
    "shares": QT_TRANSLATE_NOOP("Metrics", "Shares"),
    "follows": QT_TRANSLATE_NOOP("Metrics", "Follows gained"),
    "completion_rate": QT_TRANSLATE_NOOP("Metrics", "Completion rate"),
    "avg_watch_seconds": QT_TRANSLATE_NOOP("Metrics", "Avg watch time"),
    "product_clicks": QT_TRANSLATE_NOOP("Metrics", "Product clicks"),
    "orders": QT_TRANSLATE_NOOP("Metrics", "Orders"),
    "gmv": QT_TRANSLATE_NOOP("Metrics", "GMV"),
    "conversion_rate": QT_TRANSLATE_NOOP("Metrics", "Conversion rate"),
    "spend": QT_TRANSLATE_NOOP("Metrics", "Spend"),
    "roi": QT_TRANSLATE_NOOP("Metrics", "ROI"),
    "cpe": QT_TRANSLATE_NOOP("Metrics", "CPE"),
    "cpm": QT_TRANSLATE_NOOP("Metrics", "CPM"),
    # counters that are not metrics of their own
    "video_views": QT_TRANSLATE_NOOP("Metrics", "Video views"),
    "watch_seconds": QT_TRANSLATE_NOOP("Metrics", "Watch time"),
    "completions": QT_TRANSLATE_NOOP("Metrics", "Completed views"),
    "gmv_fen": QT_TRANSLATE_NOOP("Metrics", "GMV"),
    "spend_fen": QT_TRANSLATE_NOOP("Metrics", "Spend"),
}

_KINDS = {
    "cover_ctr": "ratio",
    "engagement_rate": "ratio",
    "completion_rate": "ratio",
    "conversion_rate": "ratio",
    "avg_watch_seconds": "seconds",
    "gmv": "money",
    "spend": "money",
    "cpe": "money",
    "cpm": "money",
    "gmv_fen": "money",
    "spend_fen": "money",
    "watch_seconds": "seconds",
    "roi": "multiple",
}
"""The kind of each figure that is not a plain count (the server's definitions agree)."""


def label(key: str) -> str:
    """The figure's name in the interface language."""
    return QCoreApplication.translate("Metrics", _NAMES.get(key, key))


def kind(key: str) -> str:
    return _KINDS.get(key, "count")


def _terms(names: list[str]) -> str:
    text = " + ".join(label(name) for name in names)
    return f"({text})" if len(names) > 1 else text


def formula(definition: MetricDefinition) -> str:
    """ "Views ÷ Impressions", "(Likes + Collects + Comments + Shares) ÷ Views", or the sum
    itself for a count, with the definition's version: what the number beside it means."""
    text = _terms(definition.numerator)
    if definition.denominator:
        text = f"{text} ÷ {_terms(definition.denominator)}"
    if definition.factor != 1:
        text = f"{text} × {definition.factor:g}"
    version = QCoreApplication.translate("Metrics", "definition v%1").replace(
        "%1", str(definition.version)
    )
    return f"{text} · {version}"


def count_text(value: float) -> str:
    """1,234 below ten thousand; above, 1.2万 and 3.4亿 as the platform writes counts in
    Chinese, 12.3K and 4.5M in English."""
    if abs(value) < 10_000:
        return f"{int(round(value)):,}"
    if QLocale().language() == QLocale.Language.Chinese:
        steps = ((100_000_000, "亿"), (10_000, "万"))
    else:
        steps = ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K"))
    for size, unit in steps:
        if abs(value) >= size:
            return f"{value / size:.1f}{unit}"
    return f"{int(round(value)):,}"


def seconds_text(value: float) -> str:
    minutes, seconds = divmod(int(round(value)), 60)
    return f"{minutes}:{seconds:02d}" if minutes else f"{seconds}s"


def value_text(key: str, value: float | None) -> str:
    """A figure as shown: "—" when it has no meaning (nothing to divide by)."""
    if value is None:
        return "—"
    figure_kind = kind(key)
    if figure_kind == "ratio":
        return f"{value * 100:.1f}%"
    if figure_kind == "money":
        return fen_text(int(round(value)))
    if figure_kind == "seconds":
        return seconds_text(value)
    if figure_kind == "multiple":
        return f"{value:.2f}×"
    return count_text(value)


def change_text(change: float | None) -> str:
    """+12.3% / −4.0% against the previous period; empty when there is nothing to compare."""
    if change is None:
        return ""
    sign = "+" if change >= 0 else "−"
    return f"{sign}{abs(change) * 100:.1f}%"
