"""The Analytics page's questions over ten million events: from the rollups, beside the same
question aggregated from the raw events, in one run.

The world is the large demo (`main.py demo --scale large`: 40 accounts, ~600 published notes,
over ten million events in 90 days), seeded once into a folder kept between runs
(`ZHONGCAO_BENCH_DATA`, default a folder under the system's temp directory). Each question is
asked the way the server answers the app (the service functions behind `/stats/…`, without
HTTP) as the embedded app's user, who sees every demo account: its median over repeated runs
is printed beside the median of the same figures computed by one SQL aggregation over the raw
`events` table (local days and hours at Beijing time, as the demo's accounts keep). Target
(issue 9): ≤ 50 ms median per question from the rollups.

Run: ``.venv/bin/python -m tests.bench.test_dashboard_speed``
"""

from __future__ import annotations

import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from publisher.config import ServerSettings
from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.models import Brief, Event, User
from publisher.demo import command as demo
from publisher.domain.periods import Period
from publisher.domain.timezones import zone
from publisher.services import stats
from publisher.services.access import visible_account_ids
from publisher.services.auth import LOCAL_EMAIL

TARGET_MS = 50.0
ROLLUP_REPEATS = 15
RAW_REPEATS = 3
LOCAL = "'+8 hours'"
"""Beijing time has no summer time: the raw queries shift UTC by eight hours."""


def data_folder() -> Path:
    folder = Path(
        os.environ.get("ZHONGCAO_BENCH_DATA", Path(tempfile.gettempdir()) / "zhongcao-bench-large")
    )
    settings = ServerSettings(data_dir=folder)
    database = Path(settings.database_url.removeprefix("sqlite:///"))
    if not database.exists():
        print(f"  seeding the large demo world into {folder} (once; a few minutes)…")
        code = demo.run("large", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
        assert code == 0, "the demo could not be seeded"
    return folder


def median_ms(question: Callable[[], object], repeats: int) -> float:
    question()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        question()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _scope_notes(session: Session, user: User) -> str:
    """The notes of every account the user sees, as SQL the raw queries can embed."""
    accounts = [row.hex for row in session.scalars(visible_account_ids(user))]
    quoted = ", ".join(f"'{hex_id}'" for hex_id in accounts)
    return f"SELECT id FROM notes WHERE account_id IN ({quoted})"


def _utc_bounds(span: Period) -> tuple[str, str]:
    tz = zone("Asia/Shanghai")
    start = datetime.combine(span.start, datetime.min.time(), tz).astimezone(UTC)
    end = datetime.combine(span.end + timedelta(days=1), datetime.min.time(), tz).astimezone(UTC)
    return start.strftime("%Y-%m-%d %H:%M:%S"), end.strftime("%Y-%m-%d %H:%M:%S")


def questions(session: Session, user: User, today: date) -> dict[str, tuple[Callable, Callable]]:
    """Each question as (from the rollups, from the raw events)."""
    everything = stats.scope(session, user)
    brief = session.scalars(select(Brief).order_by(Brief.created_at)).first()
    assert brief is not None
    campaign = stats.scope(session, user, brief_id=brief.id)
    month = Period(today - timedelta(days=29), today)
    quarter = Period(today - timedelta(days=89), today)
    notes_sql = _scope_notes(session, user)
    brief_notes = (
        f"SELECT note_id FROM collaborations WHERE brief_id = '{brief.id.hex}' "
        "AND note_id IS NOT NULL"
    )

    def raw(group: str, scope_sql: str, span: Period) -> Callable[[], object]:
        start, end = _utc_bounds(span)
        sql = text(
            f"SELECT {group}, kind, count(*), sum(value) FROM events "
            f"WHERE note_id IN ({scope_sql}) AND ts >= :start AND ts < :end "
            f"GROUP BY {group}, kind"
        )
        return lambda: session.execute(sql, {"start": start, "end": end}).all()

    by_day = f"date(ts, {LOCAL})"
    by_hour = f"strftime('%w %H', ts, {LOCAL})"
    by_account = "(SELECT account_id FROM notes WHERE notes.id = events.note_id)"
    return {
        "summary, all accounts, 30 days (+ previous 30)": (
            lambda: stats.summary(session, everything, month),
            raw(by_day, notes_sql, Period(month.start - timedelta(days=30), month.end)),
        ),
        "notes table, all accounts, 30 days, by views": (
            lambda: stats.notes_table(session, everything, month, sort="views"),
            raw("note_id", notes_sql, month),
        ),
        "topics, all accounts, 30 days": (
            lambda: stats.topics_table(session, everything, month),
            raw("note_id", notes_sql, month),
        ),
        "best time to post, 90 days": (
            lambda: stats.best_times(session, everything, today=today, days=90),
            raw(by_hour, notes_sql, quarter),
        ),
        "follower growth, 30 days": (
            lambda: stats.follower_growth(session, everything, month),
            raw(by_day, notes_sql, month),
        ),
        "accounts compared, 30 days (+ previous 30)": (
            lambda: stats.accounts_table(session, user, month),
            raw(by_account, notes_sql, Period(month.start - timedelta(days=30), month.end)),
        ),
        "campaign funnel and ROI, 90 days": (
            lambda: stats.campaign(session, campaign, quarter),
            raw(by_day, brief_notes, quarter),
        ),
    }


def run() -> dict[str, tuple[float, float]]:
    folder = data_folder()
    engine = make_engine(ServerSettings(data_dir=folder).database_url)
    sessions = make_sessionmaker(engine)
    results: dict[str, tuple[float, float]] = {}
    with sessions() as session:
        user = session.scalars(select(User).where(User.email == LOCAL_EMAIL)).one()
        events = session.scalar(select(func.count()).select_from(Event)) or 0
        today = datetime.now(zone("Asia/Shanghai")).date()
        print(f"\n  Analytics questions over {events:,} events (median ms)")
        print(f"    {'question':<50} {'rollups':>9} {'raw events':>11} {'speed-up':>9}")
        for name, (rolled, raw) in questions(session, user, today).items():
            fast = median_ms(rolled, ROLLUP_REPEATS)
            slow = median_ms(raw, RAW_REPEATS)
            results[name] = (fast, slow)
            mark = "" if fast <= TARGET_MS else "  over target"
            print(f"    {name:<50} {fast:>9.1f} {slow:>11.0f} {slow / fast:>8.0f}×{mark}")
    engine.dispose()
    worst = max(fast for fast, _ in results.values())
    verdict = "meets" if worst <= TARGET_MS else "MISSES"
    print(f"    target ≤ {TARGET_MS:.0f} ms from the rollups for every question: {verdict}")
    return results


def test_dashboard_speed() -> None:
    run()


if __name__ == "__main__":
    run()
