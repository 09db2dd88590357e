"""Headless Chromium (Debian's /usr/bin/chromium) through Playwright's sync API.

`open_page(path)` loads a file:// page and records console errors, page errors and
every request, so a test can assert the page is quiet and fully offline.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@dataclass
class Loaded:
    page: object
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def _open(path: Path, ready: bool = True) -> Loaded:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        pages.append(page)
        loaded = Loaded(page, Path(path).resolve().as_uri())
        page.on("console", lambda m: loaded.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: loaded.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: loaded.requests.append(r.url))
        page.goto(loaded.url)
        if ready:
            page.wait_for_function("window.graphbuild && window.graphbuild.ready === true", timeout=30_000)
        return loaded

    yield _open
    for page in pages:
        page.close()
