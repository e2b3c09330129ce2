"""Which Chromium the browser tests use: the system's when there is one, else Playwright's own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Flags for a closed network: without them Chromium tries Google's hosts at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def system_chromium() -> str | None:
    """Path of a Chromium installed on the system, honouring CHROMIUM_PATH, or None."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in SYSTEM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_chromium_installed() -> bool:
    """Whether Playwright's own Chromium has been downloaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path).is_file()


def ensure_browser() -> None:
    """Make sure some Chromium exists, downloading Playwright's when the system has none."""
    if system_chromium() or playwright_chromium_installed():
        return
    print("No Chromium found; installing Playwright's (python -m playwright install chromium)")
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)


def launch_options() -> dict:
    """Keyword arguments for playwright.chromium.launch()."""
    options: dict = {"headless": True, "args": CHROMIUM_ARGS}
    path = system_chromium()
    if path:
        options["executable_path"] = path
    return options
