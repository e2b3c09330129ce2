"""Every page of the built site, local and production, passes the Nu HTML Checker with zero errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from hubtools.sitebuild import build_site
from tests.paths import ROOT
from tests.sitefacts import html_files

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(files: list[Path]) -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java 11+ is needed to run the Nu HTML Checker (vnu-jar); install a JRE")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]


def test_every_local_page_is_valid_html(built_site):
    files = html_files(built_site)
    assert len(files) > 60
    assert vnu_errors(files) == []


def test_every_production_page_is_valid_html(tmp_path):
    output = tmp_path / "output"
    build_site(
        ROOT / "publishconf.py",
        output,
        {"SITEURL": "https://example.org/hub", "FEED_DOMAIN": "https://example.org/hub"},
    )
    assert vnu_errors(html_files(output)) == []
