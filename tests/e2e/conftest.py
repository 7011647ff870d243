"""Debian's Chromium driven by Playwright, for the reader pages' end-to-end tests.

`./dev test` installs the `chromium` package; Playwright's own browser download is never used
(it would fetch a browser on every fresh machine). Chromium runs headless with the flags this
machine needs: no sandbox as root, and no background networking (its calls home would be
refused by a closed network, many at a time).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium for the session; CI must have one, so it fails there."""
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing; `./dev test` installs it (Debian package chromium)")
        pytest.skip("Chromium not installed (run ./dev test to install it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
