"""The services one main window works with, made once per data folder.

Not a god object: it only holds the shared services (backend connection, task lanes, events,
settings, notifier, thumbnails, rules, the brand kit, the stickers renders draw) so pages receive
them in one argument. It has no behaviour of its own beyond creating and shutting them down in
the right order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject

from publisher.domain.changes import ChangeSet
from publisher.domain.rules import RulesPack, load_rules
from studio.brand_kit_state import BrandKitState
from studio.connection import Connection
from studio.editor.photo_store import PhotoStore
from studio.editor.sticker_source import StickerSource
from studio.events import AppEvents
from studio.notifier import Notifier
from studio.settings import Settings
from studio.tasks import Lane, TaskRunner
from studio.thumbnails import ThumbnailCache

_DRAIN_MS = 4000
EVERYTHING_CHANGED = ChangeSet(**{flag.name: True for flag in fields(ChangeSet)})


@dataclass
class AppContext:
    data_dir: Path
    language: str
    settings: Settings
    runner: TaskRunner
    events: AppEvents
    notifier: Notifier
    connection: Connection
    rules: RulesPack
    thumbnails: ThumbnailCache = field(init=False)
    brand: BrandKitState = field(init=False)
    stickers: StickerSource = field(init=False)
    """One for every render (editor, gallery, cover lab, exports): a logo is decoded once."""

    root: QObject
    """Parent of every service QObject, so Qt deletes them in `dispose()`, never the GC."""

    @classmethod
    def create(cls, data_dir: Path, language: str, owner: QObject | None = None) -> AppContext:
        data_dir.mkdir(parents=True, exist_ok=True)
        root = QObject(owner)
        runner = TaskRunner(root)
        settings = Settings(data_dir)
        ctx = cls(
            data_dir=data_dir,
            language=language,
            settings=settings,
            runner=runner,
            events=AppEvents(root),
            notifier=Notifier(root),
            connection=Connection(data_dir, runner, settings, root),
            rules=load_rules(),
            root=root,
        )
        ctx.thumbnails = ThumbnailCache(ctx, root)
        ctx.brand = BrandKitState(ctx, root)
        ctx.stickers = PhotoStore(data_dir).sticker_source(ctx.connection.client)
        # Another backend (or the same one signed in to again): every page loads anew.
        ctx.connection.switched.connect(
            lambda: ctx.events.changed.emit(EVERYTHING_CHANGED, ctx.connection)
        )
        return ctx

    def dispose(self) -> None:
        """After `shutdown()` and once no window uses them: delete the service objects."""
        self.root.deleteLater()

    def shutdown(self) -> None:
        """Let queued saves and journal writes finish, then stop the backend."""
        self.runner.wait(Lane.WRITE, _DRAIN_MS)
        # Deliver the saves' answers so their journal entries are marked clean on disk.
        QEventLoop().processEvents()
        self.runner.wait(Lane.WRITE, _DRAIN_MS)
        self.runner.wait(Lane.DISK, _DRAIN_MS)
        self.connection.stop()
        self.runner.wait_all(_DRAIN_MS)
        self.settings.sync()
