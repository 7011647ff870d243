"""A real backend process for tests, started exactly as the desktop app starts its own."""

from __future__ import annotations

from pathlib import Path

from studio.backend_process import BackendProcess


class TestBackend(BackendProcess):
    """The app's child backend, optionally on another database (a team PostgreSQL)."""

    __test__ = False  # not a test class, despite its name

    def __init__(self, data_dir: Path, *, db_url: str | None = None) -> None:
        super().__init__(data_dir)
        self.db_url = db_url

    def command(self) -> list[str]:
        return super().command() + (["--db", self.db_url] if self.db_url else [])


def start_backend(data_dir: Path, *, db_url: str | None = None) -> TestBackend:
    """Start `main.py serve` on a free port and wait until it says where it listens."""
    backend = TestBackend(data_dir, db_url=db_url)
    backend.start()
    return backend
