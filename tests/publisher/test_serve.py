"""`main.py serve` as a process: its URL line, and its death with a parent however it dies."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap

import requests

from studio.backend_process import MAIN_PY
from tests.backend_process import start_backend

PARENT = textwrap.dedent(
    """
    import subprocess, sys
    child = subprocess.Popen(
        [sys.executable, sys.argv[1], "serve", "--port", "0", "--data-dir", sys.argv[2],
         "--exit-with-parent"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    print(child.pid, child.stdout.readline().split()[-1], flush=True)
    sys.stdin.read()
    """
)


def wait_for_exit(pid: int, timeout: float) -> bool:
    """Block until process `pid` (not our child) ends, without polling."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        readable, _, _ = select.select([fd], [], [], timeout)
        return bool(readable)
    finally:
        os.close(fd)


def test_serve_prints_its_url_and_answers_health(tmp_path) -> None:
    backend = start_backend(tmp_path)
    try:
        assert backend.url.startswith("http://127.0.0.1:")
        assert requests.get(backend.url + "/health", timeout=5).json()["database"] == "sqlite"
    finally:
        backend.stop()
    assert backend.returncode == 0


def test_the_backend_dies_with_a_killed_parent_and_leaves_nothing_locked(tmp_path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(MAIN_PY), str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    pid_text, url = parent.stdout.readline().split()
    assert requests.get(url + "/health", timeout=5).ok
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    parent.stdout.close()
    parent.stdin.close()
    assert wait_for_exit(int(pid_text), timeout=15), "backend outlived its parent"

    again = start_backend(tmp_path)
    try:
        assert requests.get(again.url + "/health", timeout=5).ok
    finally:
        again.stop()
