"""Addresses of the backend's reader pages as the studio hands them out, whether a note has a
public page at all, and what it takes for a phone to reach a backend on this computer.

No widgets: the Notes page asks `unavailable_reason` for its button's tooltip, the dialog
builds on the rest.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface

from publisher.schemas import NotePublic

SERVE_PORT = 8765
"""`main.py serve`'s default port, named in the command the studio suggests."""
_WHY_NOT = {
    "draft": QT_TRANSLATE_NOOP(
        "PublicPage", "A draft has no public page yet: publish it, and readers can open it."
    ),
    "scheduled": QT_TRANSLATE_NOOP(
        "PublicPage", "This note gets its public page when it is published at its time."
    ),
    "held": QT_TRANSLATE_NOOP(
        "PublicPage", "This note is held, not published: it has no public page."
    ),
    "archived": QT_TRANSLATE_NOOP(
        "PublicPage", "An archived note is no longer on the reader pages."
    ),
    "private": QT_TRANSLATE_NOOP(
        "PublicPage", "Only public notes have a public page; this one is visible to you only."
    ),
    "mutual": QT_TRANSLATE_NOOP(
        "PublicPage",
        "Only public notes have a public page; this one is for mutual followers only.",
    ),
}


def public_url(base_url: str, note_id: object) -> str:
    """The note's page on the backend that serves it."""
    return f"{base_url.rstrip('/')}/note/{note_id}"


def reader_home_url(base_url: str) -> str:
    """The reader pages' front door: the feed."""
    return base_url.rstrip("/") + "/"


def unavailable_reason(note: NotePublic | None) -> str:
    """Why the note has no public page ("" when it has one: published and public)."""
    if note is None:
        return ""
    if note.status != "published":
        key = note.status
    elif note.visibility != "public":
        key = note.visibility
    else:
        return ""
    return QCoreApplication.translate("PublicPage", _WHY_NOT[key])


def loopback_host(url: str) -> str | None:
    """The host of `url` when it names this computer only (127.0.0.1, localhost, ::1)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return host
    try:
        return host if ipaddress.ip_address(host).is_loopback else None
    except ValueError:
        return None


def lan_address() -> str | None:
    """This computer's address on a private network (what a phone on the same Wi-Fi would
    use), or None when it has none."""
    for address in QNetworkInterface.allAddresses():
        if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
            continue
        if address.isLoopback() or address.isEqual(QHostAddress(QHostAddress.SpecialAddress.Any)):
            continue
        if ipaddress.ip_address(address.toString()).is_private:
            return address.toString()
    return None


def serve_command(data_dir: Path) -> str:
    """The command that serves the studio's data folder to the network."""
    folder = str(data_dir)
    quoted = f'"{folder}"' if any(char.isspace() for char in folder) else folder
    return f"python main.py serve --host 0.0.0.0 --port {SERVE_PORT} --data-dir {quoted}"
