"""A smoke run of the benchmark (bench/) at its tiny size: it runs end to end and writes its report.

Timings belong to the benchmark, never to tests: nothing here checks a figure. Our hub and plain
Pelican always run; pelican-lunr and Pagefind join when their venv (bench/work/venv-compare,
made by ``python -m bench --setup``) is there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import SIZES
from bench.envs import venv_ready

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TINY = SIZES["tiny"]
SECTIONS = (
    "## Machine",
    "## Targets",
    f"## tiny: {TINY.articles} articles + {TINY.tips} tips",
    "## Rebuild after one edit",
    "## How the index scales",
    "![First-search download against documents](",
    "## Method",
)


@pytest.fixture(scope="module")
def variants() -> list[str]:
    """Our hub and plain Pelican, plus the tools we compare against when their venv exists."""
    return ["plain", "hub"] + (["pelican-lunr", "pagefind"] if venv_ready() else [])


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory, variants) -> Path:
    """Run ``python -m bench`` at the tiny size once; return its work folder (the report is beside it)."""
    folder = tmp_path_factory.mktemp("bench")
    argv = [
        sys.executable,
        "-m",
        "bench",
        "--sizes",
        "tiny",
        "--runs",
        "1",
        "--cold-runs",
        "1",
        "--rebuild-sizes",
        "tiny",
        "--variants",
        ",".join(variants),
        "--work",
        str(folder / "work"),
        "--out",
        str(folder / "RESULTS.md"),
    ]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def test_the_tiny_corpus_builds_with_our_plugin(smoke_run):
    site = smoke_run / "work" / "tiny" / "out-hub"
    assert len(list(site.glob("tips/*/index.html"))) == TINY.tips
    assert len(list(site.glob("articles/*/index.html"))) == TINY.articles
    assert list(site.glob("search/*/index.json"))


def test_plain_pelican_builds_the_same_files(smoke_run):
    site = smoke_run / "work" / "tiny" / "out-plain"
    assert len(list(site.glob("tips/*/index.html"))) == TINY.tips
    assert len(list(site.glob("articles/*/index.html"))) == TINY.articles


def test_the_report_has_every_section_and_variant(smoke_run, variants):
    report = (smoke_run / "RESULTS.md").read_text(encoding="utf-8")
    for heading in SECTIONS:
        assert heading in report
    header = next(line for line in report.splitlines() if line.startswith("| Figure |"))
    assert [cell.strip() for cell in header.strip("|").split("|")][1:-1] == [
        v for v in ("plain", "pelican-lunr", "pagefind", "hub") if v in variants
    ]
    chart = (smoke_run / "first-search.svg").read_text(encoding="utf-8")
    assert chart.startswith("<svg") and "<title" in chart and "hub" in chart
    for figure in (
        "Build wall time",
        "Cold first result",
        "Warm keystroke search",
        "New query",
        "Article page before search",
    ):
        assert f"| {figure}" in report
