"""Signing in to a team server, and the token that keeps the app signed in between runs.

Qt-free: sign-in runs in a worker, and tests drive it without a GUI. Every failure is a
`ClientError` with a code the app translates: an address that is not one, a server that cannot
be reached, something that answers but is not a Zhongcao server, or the server's own refusal
(`auth.bad_credentials`). The password is never stored. The token stands in for it until it
expires, so it lives in a file only this user may read (mode 0600) in the data folder, not in
settings.ini with the harmless preferences (`keyring` would be a better home, but it is not a
dependency of the app).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from publisher.client import ClientError, OfflineError, StudioClient
from publisher.schemas import UserPublic
from studio.atomic_file import write_atomically

TOKEN_FILE = "team_token.json"
_LOCAL_NAMES = frozenset({"localhost"})


@dataclass(frozen=True)
class TeamServer:
    """The team server the app is pointed at, and whose account it uses there."""

    url: str
    email: str

    @property
    def key(self) -> str:
        """Names this server-and-user pair on disk (the drafts' journal folder), so drafts
        written for one backend are never restored into another."""
        digest = hashlib.sha256(f"{self.url}\n{self.email.lower()}".encode()).hexdigest()
        return f"team-{digest[:16]}"


@dataclass(frozen=True)
class TeamSession:
    """A sign-in: the bearer token the server gave, until when, and who it is."""

    server: TeamServer
    token: str
    expires_at: datetime | None = None
    display_name: str = ""

    def expired(self, now: datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or datetime.now(UTC))


def normalized_url(text: str) -> str:
    """The server's base URL as typed, checked: http(s), a host, no query; no trailing slash
    (a path is kept, for a server behind a proxy under a prefix).

    Raises:
        ClientError: `team.url_invalid`.
    """
    url = text.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        valid = False
    if not valid or parts.query or parts.fragment:
        raise ClientError("team.url_invalid", {"url": text.strip()})
    return url


def is_unencrypted(url: str) -> bool:
    """Plain http to another machine: the password and every note cross the network readable.
    (This machine's own address is fine: nothing leaves it.)"""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = parts.hostname or ""
    if parts.scheme != "http" or not host or host in _LOCAL_NAMES:
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True  # a host name


def sign_in(url: str, email: str, password: str) -> tuple[TeamSession, UserPublic]:
    """Check that `url` is a Zhongcao server, sign in, and read who we are there.

    Raises:
        ClientError: `team.url_invalid`, `team.unreachable`, `team.not_zhongcao`, or the
            server's refusal (`auth.bad_credentials`, …).
    """
    url = normalized_url(url)
    with closing(StudioClient(url)) as client:
        _check_health(client, url)
        try:
            token = client.sign_in(email.strip(), password)
            user = client.me()
        except OfflineError as exc:
            raise OfflineError("team.unreachable", {"url": url}) from exc
    session = TeamSession(TeamServer(url, user.email), token.access_token, token.expires_at)
    return session_as(session, user), user


def verify(session: TeamSession) -> UserPublic:
    """The server answers and still honours the token: who we are there.

    Raises:
        AuthError: the token expired or was revoked.
        ClientError: anything else (unreachable, not our server) — the caller retries later.
    """
    with closing(StudioClient(session.server.url, session.token)) as client:
        _check_health(client, session.server.url)
        return client.me()


def revoke(session: TeamSession) -> None:
    """Sign out on the server, as far as it can be reached: the token is forgotten here in
    any case, and it expires there on its own."""
    with closing(StudioClient(session.server.url, session.token)) as client:
        try:
            client.sign_out()
        except ClientError:
            pass  # unreachable, or already expired: nothing left to revoke


def session_as(session: TeamSession, user: UserPublic) -> TeamSession:
    """`session` with the name the server has for its user now."""
    return TeamSession(session.server, session.token, session.expires_at, user.display_name)


def _check_health(client: StudioClient, url: str) -> None:
    try:
        client.health()
    except OfflineError as exc:
        raise OfflineError("team.unreachable", {"url": url}) from exc
    except (ClientError, ValueError) as exc:
        # An HTML page, another API's JSON, a 404: something answers there, but not us.
        raise ClientError("team.not_zhongcao", {"url": url}) from exc


class TokenStore:
    """The one saved sign-in of a data folder, in a file only its user can read."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / TOKEN_FILE

    def load(self) -> TeamSession | None:
        """The saved sign-in; None when there is none or the file is unreadable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            expires = data.get("expires_at")
            return TeamSession(
                TeamServer(str(data["url"]), str(data["email"])),
                str(data["token"]),
                datetime.fromisoformat(expires) if expires else None,
                str(data.get("display_name", "")),
            )
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def save(self, session: TeamSession) -> None:
        """Written to a temp file created 0600, then renamed over: the token is never readable
        by others, not even for a moment, and a reader never sees half a file."""
        data = {
            "url": session.server.url,
            "email": session.server.email,
            "token": session.token,
            "expires_at": session.expires_at.isoformat() if session.expires_at else None,
            "display_name": session.display_name,
        }
        write_atomically(self.path, json.dumps(data).encode())

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
