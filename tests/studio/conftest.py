"""Fixtures for the desktop app's tests: a real app context and window on a fresh data folder.

Each window starts the real embedded backend as a child process (`main.py serve`) against a
temporary SQLite database, exactly as the app does: our own backend is never mocked.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pillow_heif  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from publisher.client import StudioClient  # noqa: E402
from studio.connection import BackendState  # noqa: E402
from studio.context import AppContext  # noqa: E402
from studio.pages.main_window import MainWindow  # noqa: E402
from studio.style import apply_style  # noqa: E402

BACKEND_START_MS = 40_000


@dataclass
class Studio:
    """One running app: its services, its window, and a separate client to check the backend."""

    ctx: AppContext
    window: MainWindow
    open: bool = True

    def client(self) -> StudioClient:
        return StudioClient(self.ctx.connection.url or "", self.ctx.connection.token)

    def close(self) -> None:
        """Quit as the app does: close the window, drain saves, stop the backend."""
        if self.open:
            self.open = False
            self.window.close()
            self.ctx.shutdown()
            self.window.deleteLater()
            self.ctx.dispose()


@pytest.fixture
def open_studio(qapp: QApplication, qtbot, tmp_path: Path) -> Iterator[Callable[..., Studio]]:
    """Start a studio on a data folder (default: a fresh one) and wait until it is connected."""
    apply_style(qapp)
    started: list[Studio] = []

    def start(data_dir: Path | None = None, *, connect: bool = True) -> Studio:
        ctx = AppContext.create(data_dir or tmp_path / "data", "en")
        window = MainWindow(ctx)
        window.show()
        studio = Studio(ctx, window)
        started.append(studio)
        if connect:
            ctx.connection.start()
            qtbot.waitUntil(
                lambda: ctx.connection.state is BackendState.CONNECTED, timeout=BACKEND_START_MS
            )
        return studio

    yield start
    for studio in started:
        studio.close()


def make_photo(path: Path, size: tuple[int, int], tint: tuple[int, int, int]) -> Path:
    """A photo-like picture: a gradient with a bright block, so geometry shows in pixels."""
    width, height = size
    ys, xs = np.mgrid[0:height, 0:width]
    pixels = np.zeros((height, width, 3), np.float32)
    for channel, weight in enumerate(tint):
        pixels[..., channel] = weight * (0.35 + 0.4 * xs / width + 0.2 * ys / height)
    pixels[height // 5 : height // 3, width // 6 : width // 3] = 250
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(path, quality=92)
    return path


def make_image(path: Path, *, color: tuple[int, int, int], fmt: str = "JPEG") -> Path:
    image = Image.new("RGB", (300, 400), color)
    if fmt == "HEIF":
        # What an iPhone writes; pillow_heif encodes it without registering itself in Pillow.
        pillow_heif.from_pillow(image).save(path, quality=90)
    else:
        image.save(path, fmt)
    return path


@pytest.fixture
def images(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "photos"
    folder.mkdir()
    return [
        make_image(folder / "red.jpg", color=(230, 40, 60)),
        make_image(folder / "blue.png", color=(40, 90, 220), fmt="PNG"),
        make_image(folder / "green.webp", color=(60, 180, 90), fmt="WEBP"),
        make_image(folder / "IMG_0420.HEIC", color=(240, 200, 40), fmt="HEIF"),
    ]
