"""`main.py serve` as a process: its URL line, and its death with a parent however it dies."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import threading

import requests

from studio.backend_process import MAIN_PY
from tests.backend_process import start_backend
from tests.media_samples import image_bytes

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
    """Block until process `pid` ends or `timeout` passes, without polling; True if it ended."""
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


def _chunked_upload(url: str, token: str, *, megabytes: int) -> int:
    """Upload without a Content-Length, as a hostile or streaming client would."""

    def body():
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\n\r\n'
        for _ in range(megabytes):
            yield b"\0" * (1 << 20)
        yield b"\r\n--b--\r\n"

    try:
        response = requests.post(
            url + "/api/v1/media",
            data=body(),
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "multipart/form-data; boundary=b",
            },
            timeout=30,
        )
    except requests.ConnectionError:
        return 413  # the server answered 413 and closed while we were still sending
    return response.status_code


def test_oversized_uploads_are_refused_before_they_are_buffered(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ZHONGCAO_MAX_UPLOAD_BYTES", str(200_000))
    monkeypatch.setenv("ZHONGCAO_MAX_VIDEO_UPLOAD_BYTES", str(200_000))
    backend = start_backend(tmp_path)
    try:
        assert _chunked_upload(backend.url, backend.token, megabytes=8) == 413
        declared = requests.post(
            backend.url + "/api/v1/media",
            files={"file": ("big.jpg", b"\0" * 300_000)},
            headers={"Authorization": f"Bearer {backend.token}"},
            timeout=30,
        )
        assert (declared.status_code, declared.json()["code"]) == (413, "request.too_large")
        small = requests.post(
            backend.url + "/api/v1/media",
            files={"file": ("ok.png", image_bytes("PNG"))},
            headers={"Authorization": f"Bearer {backend.token}"},
            timeout=30,
        )
        assert small.status_code == 201
        assert not list((tmp_path / "media" / "incoming").iterdir())
        assert requests.get(backend.url + "/health", timeout=5).ok
    finally:
        backend.stop()


def test_the_backend_outlives_the_thread_that_started_it(tmp_path) -> None:
    """The app starts its backend from a pool thread that Qt retires after 30 idle seconds."""
    started = []
    thread = threading.Thread(target=lambda: started.append(start_backend(tmp_path)))
    thread.start()
    thread.join()
    backend = started[0]
    try:
        # A parent-death signal tied to the thread lands as the thread exits: the backend
        # would end within this wait on its exit.
        assert not wait_for_exit(backend.pid, timeout=1.0)
        assert requests.get(backend.url + "/health", timeout=5).ok
    finally:
        backend.stop()
    assert backend.returncode == 0
