"""The main window shell: navigation, empty states, settings, backend life cycle."""

from __future__ import annotations

import os

import pytest

from publisher.client import OfflineError
from studio.backend_process import BackendProcess, BackendStartError
from studio.connection import BackendState
from studio.pages.main_window import NAV_ITEMS
from tests.studio.helpers import pid_alive


def test_shell_shows_every_page_in_the_rail(open_studio):
    studio = open_studio(connect=False)
    labels = studio.window.rail.labels()
    assert list(labels) == [key for key, _glyph, _label in NAV_ITEMS]
    for key, _glyph, label in NAV_ITEMS:
        assert label in labels[key]
        studio.window.show_page(key)
        assert studio.window.current_page_key() == key


def test_window_shows_starting_then_connected(open_studio, qtbot):
    studio = open_studio(connect=False)
    window = studio.window
    assert window.backend_banner.isVisible()
    assert "Starting" in window.rail.status.text()
    studio.ctx.connection.start()
    qtbot.waitUntil(lambda: studio.ctx.connection.state is BackendState.CONNECTED, timeout=40000)
    assert "Connected" in window.rail.status.text()
    assert not window.backend_banner.isVisible()
    window.show_page("settings")
    settings = window.settings_page
    assert str(studio.ctx.data_dir) == settings.data_dir.text()
    assert studio.ctx.connection.url in settings.backend.text()


def test_backend_child_is_gone_after_the_app_quits(open_studio, qtbot):
    studio = open_studio()
    pid = studio.ctx.connection.pid
    assert pid is not None and pid_alive(pid)
    studio.close()
    assert not pid_alive(pid)


def test_after_the_app_quits_no_worker_gets_a_client_for_its_backend(open_studio, qtbot):
    """Reads still queued when the app closes fail at once instead of retrying a backend that
    was stopped on purpose (they used to outlive the shutdown)."""
    studio = open_studio()
    connection = studio.ctx.connection
    before = connection.client()
    studio.close()
    with pytest.raises(OfflineError):
        connection.client()
    with pytest.raises(OfflineError):
        before.health()


def test_second_app_on_the_same_folder_is_told_it_is_already_running(open_studio, qtbot, tmp_path):
    open_studio(tmp_path / "shared")
    second = open_studio(tmp_path / "shared", connect=False)
    second.ctx.connection.start()
    qtbot.waitUntil(lambda: second.ctx.connection.state is BackendState.FAILED, timeout=40000)
    assert second.ctx.connection.error_code == "data_dir.locked"
    assert "already open" in second.window.backend_banner.text
    assert second.window.backend_banner.buttons()


def test_backend_restarts_after_it_dies(open_studio, qtbot):
    studio = open_studio()
    connection = studio.ctx.connection
    first_pid = connection.pid
    os.kill(first_pid, 9)
    qtbot.waitUntil(lambda: connection.state is not BackendState.CONNECTED, timeout=10000)
    assert "Offline" in studio.window.rail.status.text()
    qtbot.waitUntil(
        lambda: connection.state is BackendState.CONNECTED and connection.pid != first_pid,
        timeout=40000,
    )
    assert studio.client().health().status == "ok"


def test_backend_process_refuses_a_locked_folder(tmp_path):
    first = BackendProcess(tmp_path)
    first.start()
    try:
        second = BackendProcess(tmp_path)
        with pytest.raises(BackendStartError) as refused:
            second.start()
        assert refused.value.code == "data_dir.locked"
        assert not second.is_running()
    finally:
        first.stop()
    assert not first.is_running()
