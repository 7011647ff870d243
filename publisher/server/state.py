"""What one backend process holds: settings, engine, sessions, the media store and rules.

Nothing here is state another replica would need; it is configuration and connections.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from publisher.config import ServerSettings
from publisher.domain.rules import RulesPack
from publisher.media_store import MediaStore


@dataclass(frozen=True)
class ServerState:
    settings: ServerSettings
    engine: Engine
    sessions: sessionmaker[Session]
    store: MediaStore
    rules: RulesPack
