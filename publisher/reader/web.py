"""What every reader page shares: the Jinja environment (autoescaping on, always), the
reader's identity and language from their cookies, and the response headers that keep pages
safe (a strict Content-Security-Policy: scripts only from our own static files).

Readers never sign in. A reader is 128 random bits in a first-party cookie, signed with this
server's key (HMAC-SHA256) and handed out only with a page: a script cannot make up readers
to get past the per-reader limits, it has to fetch a page for each, and an address gets at
most a few an hour (`rate_limits.NEW_READERS_PER_HOUR`). Their interests ride in a second cookie
(`publisher.domain.interests`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from publisher.domain.interests import Interests
from publisher.domain.timezones import DEFAULT_TIMEZONE, zone
from publisher.server.rate_limits import address_of, reader_limits

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
STATIC_PREFIX = "/static/reader"

READER_COOKIE = "zc_reader"
INTERESTS_COOKIE = "zc_interests"
LANG_COOKIE = "zc_lang"
COOKIE_MAX_AGE = 400 * 24 * 3600
"""The longest a browser keeps a cookie (Chrome caps at 400 days)."""
LANGUAGES = ("zh", "en")
R = TypeVar("R", bound=Response)
_SIGNED_READER = re.compile(r"^([0-9a-f]{32})\.([0-9a-f]{32})$")
KEY_FILE = "reader.key"


SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; media-src 'self'; "
        "style-src 'self'; script-src 'self'; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
"""No inline script or style anywhere: user text that slipped through escaping still could not
run. Page data reaches scripts through `data-*` attributes."""


@dataclass
class Reader:
    """Who is reading, as their cookies say; `new` when this response must set their id."""

    id: str
    new: bool
    """No valid signed id came with the request: this reader may read, and gets an id with
    the page, but an action without one does not count."""
    lang: str
    interests: Interests
    interests_changed: bool = False

    def learn(self, kind: str, topic_ids: Any, author_id: uuid.UUID) -> None:
        self.interests.learn(kind, topic_ids, author_id)
        self.interests_changed = True


def parse_uuid(text: str) -> uuid.UUID | None:
    """An id from a reader page's address, or None for anything else (the page is a 404)."""
    if len(text) > 64:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def reader_key(data_dir: Path) -> bytes:
    """This server's key for signing reader ids, made once in the data folder (shared by every
    process serving it, so a reader is the same reader on each). Written whole to a temporary
    file, then linked into place: a process starting at the same moment finds either no key
    or the whole key, and the first link wins."""
    path = data_dir / KEY_FILE
    if not path.exists():
        temporary = data_dir / f"{KEY_FILE}.{secrets.token_hex(8)}"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_hex(32))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text().strip().encode()


def _signature(key: bytes, reader_id: str) -> str:
    return hmac.new(key, reader_id.encode(), hashlib.sha256).hexdigest()[:32]


def signed(key: bytes, reader_id: str) -> str:
    """The reader cookie's value: the id and its signature."""
    return f"{reader_id}.{_signature(key, reader_id)}"


def reader_of(request: Request) -> Reader:
    """The reader behind a request: the one its signed cookie names, or a fresh one."""
    key: bytes = request.app.state.reader_key
    found = _SIGNED_READER.match(request.cookies.get(READER_COOKIE, ""))
    known = found is not None and hmac.compare_digest(
        found.group(2), _signature(key, found.group(1))
    )
    return Reader(
        id=found.group(1) if known and found else secrets.token_hex(16),
        new=not known,
        lang=_language(request),
        interests=Interests.parse(request.cookies.get(INTERESTS_COOKIE)),
    )


def _language(request: Request) -> str:
    """`?lang=`, then the language cookie, then the browser's first choice; Chinese unless the
    browser prefers another language it names first."""
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if asked in LANGUAGES:
        return asked
    accept = request.headers.get("accept-language", "").lower()
    first = accept.split(",", 1)[0].strip()
    return "en" if first.startswith("en") else "zh"


def remember(response: R, reader: Reader, request: Request) -> R:
    """Set the cookies this response owes the reader: their interests when an engagement
    changed them, their language when they picked one. A new reader's id comes only with a
    page (`page`)."""
    options = _cookie_options(request)
    if reader.interests_changed:
        response.set_cookie(INTERESTS_COOKIE, reader.interests.cookie(), **options)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(LANG_COOKIE, reader.lang, **options)
    return response


def _cookie_options(request: Request) -> dict[str, Any]:
    return {
        "max_age": COOKIE_MAX_AGE,
        "httponly": True,
        "samesite": "lax",
        "secure": request.url.scheme == "https",
        "path": "/",
    }


def _issue_id(response: Response, reader: Reader, request: Request) -> None:
    """Give a new reader their signed id with this page, while their address has ids left."""
    if not reader.new or reader_limits(request).new_readers.wait(address_of(request)):
        return
    key: bytes = request.app.state.reader_key
    response.set_cookie(READER_COOKIE, signed(key, reader.id), **_cookie_options(request))


def count(value: int, lang: str = "zh") -> str:
    """Counts as the platform writes them: 9999, 1.2万, 3.4亿 (10k, 3.4M in English)."""
    if lang == "en":
        if value < 10_000:
            return f"{value:,}"
        size, unit = next(
            (size, unit)
            for size, unit in ((10**9, "B"), (10**6, "M"), (10**3, "k"))
            if value >= size
        )
        return f"{value / size:.1f}".rstrip("0").rstrip(".") + unit
    for size, unit in ((100_000_000, "亿"), (10_000, "万")):
        if value >= size:
            return f"{value / size:.1f}".rstrip("0").rstrip(".") + unit
    return str(value)


def yuan(fen: int) -> str:
    """An amount in fen as yuan: 129, 129.9, 129.99."""
    whole, cents = divmod(fen, 100)
    return f"{whole}" if not cents else f"{whole}.{cents:02d}".rstrip("0")


def ago(moment: datetime, lang: str = "zh", now: datetime | None = None) -> str:
    """How long ago, as a feed says it: 刚刚, 5分钟前, 3小时前, 2天前, then the date."""
    seconds = ((now or datetime.now(UTC)) - moment).total_seconds()
    zh = lang == "zh"
    if seconds < 60:
        return "刚刚" if zh else "just now"
    if seconds >= 7 * 86400:
        return moment.astimezone(zone(DEFAULT_TIMEZONE)).strftime("%Y-%m-%d")
    size, zh_unit, en_unit = next(
        unit
        for unit in ((86400, "天前", "d ago"), (3600, "小时前", "h ago"), (60, "分钟前", "m ago"))
        if seconds >= unit[0]
    )
    return f"{int(seconds // size)}{zh_unit if zh else ' ' + en_unit}"


def media_url(sha256: str | None, width: int | None = None) -> str:
    """The public address of a stored image or video (a tile-size JPEG with `width`)."""
    if not sha256:
        return f"{STATIC_PREFIX}/placeholder.svg"
    return f"/m/{sha256}" + (f"?w={width}" if width else "")


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(media_url=media_url, static=STATIC_PREFIX)
    environment.filters.update(count=count, yuan=yuan, ago=ago)
    return environment


TEMPLATES = _environment()


def page(
    request: Request,
    reader: Reader,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a reader page in the reader's language, with the cookies it owes them."""

    def t(zh: str, en: str) -> str:
        return zh if reader.lang == "zh" else en

    other = "en" if reader.lang == "zh" else "zh"
    switched = request.url.include_query_params(lang=other)
    html = TEMPLATES.get_template(template).render(
        request=request,
        reader=reader,
        lang=reader.lang,
        t=t,
        path=request.url.path,
        other_lang_url=f"{switched.path}?{switched.query}",
        **context,
    )
    response = HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)
    # Not `no-store`: that keeps a page out of the browser's back/forward cache, and Back from
    # a note must return to the same place in the feed, not to a new feed.
    response.headers["Cache-Control"] = "private, no-cache"
    _issue_id(response, reader, request)
    return remember(response, reader, request)


def not_found_page(request: Request, reader: Reader) -> HTMLResponse:
    """The reader's 404 page: what a link to a missing (or never public) thing shows."""
    return page(request, reader, "not_found.html", {}, status_code=404)


def wants_page(request: Request) -> bool:
    """A browser asking for a page (not the API, not a script): answered with HTML."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", ""
    )
