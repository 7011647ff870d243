"""Counts, ratios and watch times as the platform's data center and Excel write them: units,
separators, full-width digits, number cells, "no data" that is not zero, and refusals by code."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from publisher.domain.cn_numbers import parse_count, parse_ratio, parse_seconds


@pytest.mark.parametrize(
    ("written", "count"),
    [
        ("12,345", 12345),
        ("1,234,567", 1234567),
        ("1.2万", 12000),
        ("1.2w", 12000),
        ("1.2W", 12000),
        ("1.23456万", 12346),  # rounded: the unit says the platform rounded already
        ("3亿", 300_000_000),
        ("1.5k", 1500),
        ("1.5 K", 1500),
        (" 12 345 ", 12345),
        ("12\u00a0345", 12345),  # Excel's no-break space between thousands
        ("１２", 12),
        ("１２，３４５", 12345),
        ("0", 0),
        ("+12", 12),
        (12, 12),
        (12.0, 12),
        ("--", None),
        ("-", None),
        ("—", None),
        ("——", None),
        ("", None),
        ("   ", None),
        ("暂无数据", None),
        (None, None),
    ],
)
def test_counts_in_every_way_the_platform_and_excel_write_them(
    written: object, count: int | None
) -> None:
    assert parse_count(written) == count


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("-5", "count.negative"),
        ("- 5", "count.negative"),
        ("−5", "count.negative"),  # the math minus
        (-3, "count.negative"),
        ("-1.2万", "count.negative"),
        ("abc", "count.invalid"),
        ("12.5", "count.invalid"),  # a count is whole unless a unit rounded it
        (12.5, "count.invalid"),
        ("12,34", "count.invalid"),  # not a thousands separator
        ("1,2345", "count.invalid"),
        ("12%", "count.invalid"),
        ("1.2万万", "count.invalid"),
        (True, "count.invalid"),
        (float("nan"), "count.invalid"),
        (float("inf"), "count.invalid"),
    ],
)
def test_a_negative_or_unreadable_count_is_refused_by_code(written: object, code: str) -> None:
    with pytest.raises(ValueError, match=rf"^{code}$"):
        parse_count(written)


@pytest.mark.parametrize(
    ("written", "fraction"),
    [
        ("12.5%", 0.125),
        ("12.5 %", 0.125),
        ("１２.５％", 0.125),
        ("0.125", 0.125),
        (0.125, 0.125),  # a cell formatted as a percentage holds the fraction
        ("100%", 1.0),
        ("1", 1.0),
        ("0%", 0.0),
        ("--", None),
        (None, None),
    ],
)
def test_ratios_become_fractions(written: object, fraction: float | None) -> None:
    assert parse_ratio(written) == fraction


def test_a_percent_column_reads_bare_numbers_as_percentages() -> None:
    assert parse_ratio("12.5", percent=True) == 0.125
    assert parse_ratio(35, percent=True) == 0.35
    assert parse_ratio("12.5%", percent=True) == 0.125  # the sign says it already


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("12.5", "ratio.invalid"),  # a fraction above 1 without a % sign: which was meant?
        (12.5, "ratio.invalid"),
        ("-3%", "ratio.negative"),
        ("abc%", "ratio.invalid"),
        ("%", "ratio.invalid"),
    ],
)
def test_an_unreadable_ratio_is_refused_by_code(written: object, code: str) -> None:
    with pytest.raises(ValueError, match=rf"^{code}$"):
        parse_ratio(written)


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("83", 83.0),
        ("83.5", 83.5),
        ("83s", 83.0),
        ("83 s", 83.0),
        ("83秒", 83.0),
        ("1分23秒", 83.0),
        ("1分钟23秒", 83.0),
        ("1m23s", 83.0),
        ("01:23", 83.0),
        ("00:01:23", 83.0),
        ("1:00:00", 3600.0),
        ("01:23.5", 83.5),
        ("1.5分钟", 90.0),
        ("2min", 120.0),
        ("1小时", 3600.0),
        ("８３秒", 83.0),
        (83, 83.0),
        (83.5, 83.5),
        (time(0, 1, 23), 83.0),  # an Excel time cell
        (timedelta(minutes=1, seconds=23), 83.0),  # an Excel [h]:mm:ss cell
        ("--", None),
        ("", None),
        (None, None),
    ],
)
def test_watch_times_in_seconds(written: object, seconds: float | None) -> None:
    assert parse_seconds(written) == seconds


def test_a_minutes_column_reads_bare_numbers_as_minutes() -> None:
    assert parse_seconds("1.5", unit=60) == 90.0
    assert parse_seconds(2, unit=60) == 120.0
    assert parse_seconds("83秒", unit=60) == 83.0  # the unit written wins


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("-83", "seconds.negative"),
        ("-01:23", "seconds.negative"),
        (timedelta(seconds=-5), "seconds.negative"),
        ("1:75", "seconds.invalid"),
        ("1:60:00", "seconds.invalid"),
        ("1分23", "seconds.invalid"),
        ("abc", "seconds.invalid"),
        ("秒", "seconds.invalid"),
        (True, "seconds.invalid"),
    ],
)
def test_an_unreadable_watch_time_is_refused_by_code(written: object, code: str) -> None:
    with pytest.raises(ValueError, match=rf"^{code}$"):
        parse_seconds(written)
