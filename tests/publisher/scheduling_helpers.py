"""Helpers for the scheduling tests: backends with their own rules pack, publishable notes."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from publisher.client import StudioClient
from publisher.domain.rules import load_rules
from publisher.schemas import NotePublic
from tests.backend_process import TestBackend
from tests.media_samples import write_image


class ServeProcess(TestBackend):
    """`main.py serve` with extra command-line flags (`--rules`, `--misfire`)."""

    def __init__(self, data_dir: Path, *, db_url: str | None = None, flags: list[str]) -> None:
        super().__init__(data_dir, db_url=db_url)
        self.flags = flags

    def command(self) -> list[str]:
        return super().command() + self.flags


def rules_file(folder: Path, *, min_lead: int, max_lead: int) -> Path:
    """The shipped pack with another scheduling window."""
    pack = load_rules()
    rules = {**pack.rules, "schedule": {**pack.rules["schedule"]}}
    rules["schedule"].update(min_lead_seconds=min_lead, max_lead_seconds=max_lead)
    document = {"pack": pack.pack, "version": pack.version, "as_of": pack.as_of, "rules": rules}
    path = folder / "rules.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def start(data_dir: Path, *, db_url: str | None = None, flags: list[str]) -> ServeProcess:
    process = ServeProcess(data_dir, db_url=db_url, flags=flags)
    process.start()
    return process


def publishable_note(client: StudioClient, folder: Path, title: str = "周末去哪儿") -> NotePublic:
    """A note that passes every block rule: a title and one photo."""
    photo = write_image(folder / f"{uuid.uuid4().hex}.jpg")
    sha = client.upload_media(photo).sha256
    account = client.list_accounts()[0].id
    note, _ = client.create_note(
        account_id=account, title=title, body="正文", media=[{"sha256": sha}]
    )
    return note


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll `condition` until it holds; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)  # the polling interval: the condition is read from another process
