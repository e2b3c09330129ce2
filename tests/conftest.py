"""Shared fixtures: the real site built once into a temp folder, a local server, and Chromium."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hubtools.localserver import serve_in_background
from hubtools.sitebuild import build_site
from tests.paths import ROOT


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content built with pelicanconf.py into a temp folder, once per session."""
    output = tmp_path_factory.mktemp("site") / "output"
    build_site(ROOT / "pelicanconf.py", output)
    return output


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (no trailing slash) of the built site served on a free local port."""
    server, url = serve_in_background(built_site)
    yield url
    server.shutdown()


@pytest.fixture
def fixture_site(tmp_path) -> Path:
    """A copy of the small fixture site in tests/fixtures/site, free to break."""
    target = tmp_path / "site"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site", target)
    return target


@dataclass
class PageWatch:
    """What a page did: console messages, page errors and requests to other hosts."""

    origin: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        own = urlsplit(self.origin).netloc
        return [
            url for url in self.requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own
        ]

    def assert_clean(self) -> None:
        assert self.console == [], f"console messages: {self.console}"
        assert self.errors == [], f"page errors: {self.errors}"
        assert self.foreign_requests == [], f"requests to other hosts: {self.foreign_requests}"


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session: the system's, or Playwright's own."""
    from playwright.sync_api import sync_playwright

    from tests.browsers import launch_options

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        yield browser
        browser.close()


def _watched_page(chromium, site_url, **context_options):
    context = chromium.new_context(**context_options)
    page = context.new_page()
    watch = PageWatch(site_url)
    page.on("console", lambda message: watch.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("request", lambda request: watch.requests.append(request.url))
    # Anything addressed to another host is stopped here, and recorded above.
    page.route(
        lambda url: urlsplit(url).netloc != urlsplit(site_url).netloc and urlsplit(url).scheme in ("http", "https"),
        lambda route: route.abort(),
    )
    return context, page, watch


@pytest.fixture
def browser_page(chromium, site_url):
    """A fresh page at 1280px, and the PageWatch recording what it does."""
    context, page, watch = _watched_page(chromium, site_url, viewport={"width": 1280, "height": 900})
    yield page, watch
    context.close()


@pytest.fixture
def open_page(chromium, site_url):
    """Factory for pages with other viewports, colour schemes or JavaScript settings."""
    contexts = []

    def make(**options):
        context, page, watch = _watched_page(chromium, site_url, **options)
        contexts.append(context)
        return page, watch

    yield make
    for context in contexts:
        context.close()
