"""Sign-up, sign-in and bearer tokens: argon2 password hashes, expiring revocable tokens.

Tokens are random strings handed to the client once; the database keeps only their sha256.
The embedded app's local user is the one exception: it signs in with the per-run token the
app gave its child backend, which exists only in the two processes' memory.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from pwdlib import PasswordHash
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from publisher.db.models import Account, AuthToken, Membership, Organization, User
from publisher.domain.password_policy import password_problem
from publisher.services.errors import Forbidden, Invalid, Unauthorized

LOCAL_EMAIL = "local@zhongcao.invalid"
_hasher = PasswordHash.recommended()
# Verifying against a fixed hash when the e-mail is unknown keeps sign-in time the same for
# known and unknown addresses, so accounts cannot be discovered by timing. It is a literal
# (the hash of a random password, with the recommended argon2id parameters) rather than made
# at import: hashing costs a sixth of a second, paid by every backend process as it starts.
_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$m0/kHWEwSBViEYcwxZn9+A$"
    "ClG4FBo7AHvJPkW44eafhS+edJv3lVqKI3QXaxp8nLA"
)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _create_workspace(session: Session, user: User, *, account_name: str | None) -> None:
    """Every user starts with a personal organization they own (and optionally an account)."""
    org = Organization(name=user.display_name, kind="personal")
    session.add(org)
    session.flush()
    session.add(Membership(organization_id=org.id, user_id=user.id, role="owner"))
    if account_name:
        session.add(Account(organization_id=org.id, nickname=account_name))


def register(session: Session, *, email: str, password: str, display_name: str) -> User:
    """Create a user with a personal workspace.

    Raises:
        Invalid: `auth.weak_password` ({reason}) by the password policy; the e-mail address
            is taken (`auth.email_taken`).
    """
    require_good_password(password, email=email, display_name=display_name)
    user = User(
        email=normalise_email(email),
        password_hash=_hasher.hash(password),
        display_name=display_name.strip(),
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise Invalid("auth.email_taken") from exc
    _create_workspace(session, user, account_name=None)
    session.commit()
    return user


def authenticate(session: Session, *, email: str, password: str) -> User:
    """The user with these credentials.

    Raises:
        Unauthorized: unknown e-mail or wrong password, indistinguishably.
    """
    user = session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None or user.password_hash is None:
        _hasher.verify(password, _DUMMY_HASH)
        raise Unauthorized("auth.bad_credentials")
    if not _hasher.verify(password, user.password_hash):
        raise Unauthorized("auth.bad_credentials")
    return user


def require_good_password(password: str, *, email: str, display_name: str) -> None:
    """Raises `Invalid("auth.weak_password", {reason})` for a password the policy refuses."""
    problem = password_problem(password, [email, email.partition("@")[0], display_name])
    if problem:
        raise Invalid("auth.weak_password", {"reason": problem})


def change_password(
    session: Session, user: User, *, current: str, new: str, keep_token: str | None
) -> None:
    """Set a new password and end every other session: whoever else was signed in with the
    old one must sign in again.

    Raises:
        Forbidden: `auth.wrong_password` when `current` is wrong.
        Invalid: `auth.weak_password` ({reason}).
    """
    try:
        authenticate(session, email=user.email, password=current)
    except Unauthorized as exc:
        # 403, not 401: the caller is signed in, and a typo must not look like a lost session.
        raise Forbidden("auth.wrong_password") from exc
    require_good_password(new, email=user.email, display_name=user.display_name)
    user.password_hash = _hasher.hash(new)
    revoke_tokens(session, user, keep=keep_token)
    session.commit()


def revoke_tokens(session: Session, user: User, *, keep: str | None) -> None:
    """Revoke every live token of the user but `keep`'s; the caller commits."""
    query = update(AuthToken).where(AuthToken.user_id == user.id, AuthToken.revoked_at.is_(None))
    if keep:
        query = query.where(AuthToken.token_hash != token_hash(keep))
    session.execute(query.values(revoked_at=datetime.now(UTC)))


def issue_token(
    session: Session, user: User, *, ttl: timedelta, client: str = "", ip: str = ""
) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires = now + ttl
    session.add(
        AuthToken(
            user_id=user.id,
            token_hash=token_hash(token),
            created_at=now,
            expires_at=expires,
            client=client[:200],
            ip=ip[:64],
        )
    )
    session.commit()
    return token, expires


def revoke_token(session: Session, token: str) -> None:
    row = session.scalar(select(AuthToken).where(AuthToken.token_hash == token_hash(token)))
    if row is not None and row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        session.commit()


def user_for_token(session: Session, token: str, *, local_token: str | None) -> User:
    """Resolve a bearer token to its user.

    Raises:
        Unauthorized: unknown, expired or revoked token (`auth.invalid_token`).
    """
    if local_token and hmac.compare_digest(token.encode(), local_token.encode()):
        user = session.scalar(select(User).where(User.email == LOCAL_EMAIL))
        if user is not None:
            return user
        raise Unauthorized("auth.invalid_token")
    row = session.scalar(select(AuthToken).where(AuthToken.token_hash == token_hash(token)))
    if row is None or row.revoked_at is not None or row.expires_at <= datetime.now(UTC):
        raise Unauthorized("auth.invalid_token")
    user = session.get(User, row.user_id)
    if user is None:
        raise Unauthorized("auth.invalid_token")
    return user


def principal_for_token(session: Session, token: str, *, local_token: str | None) -> uuid.UUID:
    return user_for_token(session, token, local_token=local_token).id


def ensure_local_user(session: Session, *, display_name: str, account_name: str) -> User:
    """The embedded app's user, created on first start with one creator account."""
    user = session.scalar(select(User).where(User.email == LOCAL_EMAIL))
    if user is not None:
        return user
    user = User(email=LOCAL_EMAIL, password_hash=None, display_name=display_name, is_local=True)
    session.add(user)
    session.flush()
    _create_workspace(session, user, account_name=account_name)
    session.commit()
    return user
