"""Signing in to a team server safely: every attempt recorded, guessing slowed down, and the
user's sessions listed and ended.

Failed attempts are counted in the database, not in a process, so every replica of a team
server sees the same count and a guesser cannot spread attempts over replicas.
"""

from __future__ import annotations

import math
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from publisher.db.models import AuthToken, SignInAttempt, User
from publisher.services import auth
from publisher.services.errors import NotFound, TooManyRequests, Unauthorized

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
"""Wrong passwords for one address before it waits: enough for typos, not for guessing."""
MAX_FAILURES_PER_IP = 30
"""Wrong passwords from one address, whatever e-mail: stops one machine trying many users
while an office behind one NAT still signs in."""
HISTORY_LIMIT = 50


def sign_in(
    session: Session, *, email: str, password: str, ip: str, client: str, ttl: timedelta
) -> tuple[str, datetime]:
    """A new token for these credentials, the attempt recorded either way.

    Raises:
        TooManyRequests: `auth.too_many_attempts` ({retry_after} seconds), before the
            password is even checked.
        Unauthorized: `auth.bad_credentials`.
    """
    email = auth.normalise_email(email)
    now = datetime.now(UTC)
    _require_not_limited(session, email, ip, now)
    attempt = SignInAttempt(at=now, email=email[:320], ip=ip[:64], client=client[:200])
    session.add(attempt)
    try:
        user = auth.authenticate(session, email=email, password=password)
    except Unauthorized:
        session.commit()
        raise
    attempt.user_id = user.id
    attempt.succeeded = True
    return auth.issue_token(session, user, ttl=ttl, client=client, ip=ip)


def _require_not_limited(session: Session, email: str, ip: str, now: datetime) -> None:
    since = now - WINDOW
    by_email = session.execute(
        select(SignInAttempt.at, SignInAttempt.succeeded)
        .where(SignInAttempt.email == email, SignInAttempt.at > since)
        .order_by(SignInAttempt.at.desc())
    ).all()
    # Failures since the last success: signing in correctly clears an address's typos.
    email_failures = []
    for at, succeeded in by_email:
        if succeeded:
            break
        email_failures.append(at)
    ip_failures = list(
        session.scalars(
            select(SignInAttempt.at)
            .where(SignInAttempt.ip == ip, SignInAttempt.at > since, ~SignInAttempt.succeeded)
            .order_by(SignInAttempt.at.desc())
        )
    )
    waits = [
        _wait(failures, limit, now)
        for failures, limit in (
            (email_failures, MAX_FAILURES_PER_EMAIL),
            (ip_failures, MAX_FAILURES_PER_IP),
        )
    ]
    retry_after = max(waits)
    if retry_after > 0:
        raise TooManyRequests("auth.too_many_attempts", {"retry_after": retry_after})


def _wait(failures_newest_first: list[datetime], limit: int, now: datetime) -> int:
    """Seconds until fewer than `limit` of these failures are inside the window (0: now)."""
    if len(failures_newest_first) < limit:
        return 0
    # The limit lifts when the limit-th newest failure leaves the window.
    lifts_at = failures_newest_first[limit - 1] + WINDOW
    return max(1, math.ceil((lifts_at - now).total_seconds()))


def sign_in_history(session: Session, user: User) -> list[SignInAttempt]:
    """The user's recent sign-ins, good and bad, newest first (bad ones by their e-mail)."""
    return list(
        session.scalars(
            select(SignInAttempt)
            .where(SignInAttempt.email == user.email)
            .order_by(SignInAttempt.at.desc())
            .limit(HISTORY_LIMIT)
        )
    )


def live_tokens(session: Session, user: User) -> list[AuthToken]:
    now = datetime.now(UTC)
    return list(
        session.scalars(
            select(AuthToken)
            .where(
                AuthToken.user_id == user.id,
                AuthToken.revoked_at.is_(None),
                AuthToken.expires_at > now,
            )
            .order_by(AuthToken.created_at.desc())
        )
    )


def revoke_session(session: Session, user: User, token_id: uuid.UUID) -> None:
    """End one of the user's sessions (`session.not_found` for anyone else's)."""
    row = session.get(AuthToken, token_id)
    if row is None or row.user_id != user.id:
        raise NotFound("session.not_found")
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        session.commit()
