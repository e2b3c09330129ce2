"""``invoke audit``: Lighthouse (from npm) on the production build of key pages, as a report."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from hubtools.localserver import serve_in_background
from hubtools.nodejs import node_executable
from hubtools.sitebuild import build_site

PAGES = {
    "home": "/",
    "article": "/articles/rupture-and-repair/",
    "tip": "/tips/date-night/",
    "search": "/search/?q=phone",
    "quiz": "/quiz/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 98
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)


def _chrome() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    raise RuntimeError("Lighthouse needs Chromium: install it (e.g. apt-get install chromium) or set CHROME_PATH")


def _lighthouse(project: Path, url: str, out_stem: Path) -> dict[str, int]:
    """Run Lighthouse on one URL, write its HTML and JSON reports, return the category scores."""
    # Run the CLI with our Node.js: its own `#!/usr/bin/env node` line would pick whichever is on PATH.
    cli = project / "node_modules" / "lighthouse" / "cli" / "index.js"
    node = node_executable()
    if node is None:
        raise RuntimeError("Lighthouse needs Node.js 22: run the README's test command to install it")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or _chrome()}
    subprocess.run(
        [
            node,
            str(cli),
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            "--output=html",
            f"--output-path={out_stem}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env=env,
        check=True,
    )
    report = json.loads(out_stem.with_name(out_stem.name + ".report.json").read_text())
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def run_audit(project: Path, reports: Path) -> Path:
    """Build for production, serve it locally, audit each page; write and return a summary."""
    reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "output"
        server, siteurl = serve_in_background(output)
        build_site(project / "publishconf.py", output, {"SITEURL": siteurl, "FEED_DOMAIN": siteurl})
        try:
            scores = {
                name: _lighthouse(project, siteurl + path, reports / f"lighthouse-{name}")
                for name, path in PAGES.items()
            }
        finally:
            server.shutdown()
    lines = [
        "# Lighthouse audit",
        "",
        f"Target: every score {TARGET} or more.",
        "",
        "| Page | " + " | ".join(CATEGORIES) + " |",
        "| --- |" + " --- |" * len(CATEGORIES),
    ]
    for name, row in scores.items():
        lines.append(
            f"| {name} | "
            + " | ".join(f"{row[c]}{'' if row[c] >= TARGET else ' (below target)'}" for c in CATEGORIES)
            + " |"
        )
    summary = reports / "lighthouse-summary.md"
    summary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return summary
