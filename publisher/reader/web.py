"""What every reader page shares: the Jinja environment (autoescaping on, always), the
reader's identity and language from their cookies, and the response headers that keep pages
safe (a strict Content-Security-Policy: scripts only from our own static files).

Readers never sign in. A reader is 128 random bits in a first-party cookie, set on the first
page they open; their interests ride in a second cookie (`publisher.domain.interests`).
"""

from __future__ import annotations

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
_READER_ID = re.compile(r"^[0-9a-f]{32}$")

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
    lang: str
    interests: Interests
    interests_changed: bool = False

    def learn(self, kind: str, topic_ids: Any, author_id: uuid.UUID) -> None:
        self.interests.learn(kind, topic_ids, author_id)
        self.interests_changed = True


def reader_of(request: Request) -> Reader:
    """The reader behind a request (a fresh id for a browser without a valid one)."""
    cookie = request.cookies.get(READER_COOKIE, "")
    new = not _READER_ID.match(cookie)
    return Reader(
        id=secrets.token_hex(16) if new else cookie,
        new=new,
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


def remember(response: R, reader: Reader, request: Request | None = None) -> R:
    """Set the cookies this response owes the reader: their id when new, their interests when
    an engagement changed them, their language when they picked one."""
    secure = request is not None and request.url.scheme == "https"
    options: dict[str, Any] = {
        "max_age": COOKIE_MAX_AGE,
        "httponly": True,
        "samesite": "lax",
        "secure": secure,
        "path": "/",
    }
    if reader.new:
        response.set_cookie(READER_COOKIE, reader.id, **options)
    if reader.interests_changed:
        response.set_cookie(INTERESTS_COOKIE, reader.interests.cookie(), **options)
    if request is not None and request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(LANG_COOKIE, reader.lang, **options)
    return response


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

    html = TEMPLATES.get_template(template).render(
        request=request, reader=reader, lang=reader.lang, t=t, path=request.url.path, **context
    )
    response = HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)
    response.headers["Cache-Control"] = "no-store"
    return remember(response, reader, request)
