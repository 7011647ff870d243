"""Starting a real backend process for tests, exactly as the app and a team server do."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY_PREFIX = "ZHONGCAO_LISTENING "


@dataclass
class RunningBackend:
    url: str
    local_token: str
    data_dir: Path
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process.stdout.close()


def start_backend(data_dir: Path, *, db_url: str | None = None) -> RunningBackend:
    """Start `main.py serve` on a free port and wait until it says where it listens."""
    token = secrets.token_urlsafe(32)
    args = [sys.executable, str(ROOT / "main.py"), "serve", "--port", "0"]
    args += ["--data-dir", str(data_dir), "--exit-with-parent"]
    if db_url:
        args += ["--db", db_url]
    env = {**os.environ, "ZHONGCAO_LOCAL_TOKEN": token}
    with (data_dir / "backend.log").open("ab") as log_file:
        process = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file, env=env, text=True
        )
    # readline blocks until the server prints its line or exits (EOF): no polling needed.
    line = process.stdout.readline()
    if not line.startswith(READY_PREFIX):
        process.kill()
        log = (data_dir / "backend.log").read_text(errors="replace")
        raise RuntimeError(f"backend did not start: {line!r}\n{log}")
    return RunningBackend(line[len(READY_PREFIX) :].strip(), token, data_dir, process)
