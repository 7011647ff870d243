"""The embedded backend: `main.py serve` as a child process on 127.0.0.1, a free port.

Qt-free on purpose, so tests and tools can start the same child the app does. The child gets a
per-run token in its environment (never on the command line, where other users could read it
with `ps`), announces its URL with one `ZHONGCAO_LISTENING <url>` line on stdout, and exits when
its stdin reaches EOF. We hold that pipe open for the child's whole life and never write to it:
when this process dies, even by SIGKILL, the OS closes the pipe and the child follows.
"""

from __future__ import annotations

import os
import queue
import secrets
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

LISTENING_PREFIX = "ZHONGCAO_LISTENING "
ERROR_PREFIX = "ZHONGCAO_ERROR "
TOKEN_ENV = "ZHONGCAO_LOCAL_TOKEN"
LOG_FILE = "backend.log"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 3.0
KILL_REAP_TIMEOUT = 30.0

# main.py is a top-level module next to the packages both in a clone and in an installed
# distribution (setuptools `py-modules`), so it is always the parent folder's main.py.
MAIN_PY = Path(__file__).resolve().parents[1] / "main.py"


class BackendStartError(Exception):
    """The backend did not come up; `code` is a message id the app translates."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class BackendProcess:
    """One child backend serving `data_dir`; `start()` blocks until it listens or fails."""

    def __init__(self, data_dir: Path, *, token: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.token = token or secrets.token_urlsafe(32)
        self.url: str | None = None
        self._proc: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stopping = False
        # stop() may come from the UI thread while start() is still spawning on a worker.
        self._spawn_lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def log_path(self) -> Path:
        return self.data_dir / LOG_FILE

    def command(self) -> list[str]:
        return [
            sys.executable,
            str(MAIN_PY),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data-dir",
            str(self.data_dir),
            "--exit-with-parent",
        ]

    def start(self, timeout: float = START_TIMEOUT) -> str:
        """Spawn the child and wait for its URL.

        Raises:
            BackendStartError: `backend.*` or the child's own `ZHONGCAO_ERROR` code.
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
        env[TOKEN_ENV] = self.token
        flags = subprocess.CREATE_NO_WINDOW if sys.platform == "win32" else 0
        with self._spawn_lock, self.log_path.open("ab") as log:
            if self._stopping:
                raise BackendStartError("backend.stopped")
            try:
                self._proc = subprocess.Popen(
                    self.command(),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    env=env,
                    text=True,
                    encoding="utf-8",
                    errors="replace",
                    creationflags=flags,
                )
            except OSError as exc:
                raise BackendStartError("backend.spawn_failed") from exc
        assert self._proc.stdout is not None
        threading.Thread(
            target=self._pump, args=(self._proc.stdout,), name="backend-stdout", daemon=True
        ).start()
        return self._await_url(timeout)

    def _pump(self, stream: IO[str]) -> None:
        # Keeps draining stdout for the child's whole life: a full pipe would block it.
        with stream:
            for line in stream:
                self._lines.put(line.strip())
        self._lines.put(None)

    def _await_url(self, timeout: float) -> str:
        while True:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                self.stop()
                raise BackendStartError("backend.start_timeout") from None
            if line is None:
                self.stop()
                raise BackendStartError("backend.exited")
            if line.startswith(LISTENING_PREFIX):
                self.url = line[len(LISTENING_PREFIX) :].strip()
                return self.url
            if line.startswith(ERROR_PREFIX):
                self.stop()
                raise BackendStartError(line[len(ERROR_PREFIX) :].strip() or "backend.exited")

    @property
    def returncode(self) -> int | None:
        """The child's exit status once it has ended, else None."""
        return self._proc.poll() if self._proc else None

    def is_running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def stopping(self) -> bool:
        return self._stopping

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Ask politely (stdin EOF), then terminate, then kill; a start still spawning
        is cancelled (it raises `backend.stopped`)."""
        with self._spawn_lock:
            self._stopping = True
            proc = self._proc
        if proc is None:
            return
        if proc.stdin and not proc.stdin.closed:
            try:
                proc.stdin.close()
            except OSError:
                pass  # the child already closed its end: it is exiting anyway
        # A killed child still has to be reaped; on a loaded machine that can take seconds
        # (it may be finishing a disk write), and a child left unreaped outlives us.
        steps = ((None, timeout), (proc.terminate, timeout), (proc.kill, KILL_REAP_TIMEOUT))
        for signal_child, wait_for in steps:
            if signal_child is not None:
                signal_child()
            try:
                proc.wait(timeout=wait_for)
                break
            except subprocess.TimeoutExpired:
                continue
