"""The whole benchmark for each size: corpus, builds, search files, browser, rebuild.

Builds run round-robin (plain, pelican-lunr, hub, then again), so background load on the
machine falls on every variant alike and ratios come from the same run. Pagefind indexes the
last plain build's output; its build time is plain Pelican's plus its own indexing.
"""

from __future__ import annotations

import compileall
import sys
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import PROJECT_ROOT
from .browser import BrowserFigures, launch_chromium, measure_sites
from .builders import build_argv
from .corpus import Corpus, CorpusSize, generate_corpus
from .envs import DEFAULT_VENV, pagefind_command, venv_python
from .indexfiles import SearchFiles, search_files
from .machine import wait_for_quiet
from .measure import MedianFigures, RunFigures, remove_output, run_measured
from .rebuild import RebuildFigures, measure_rebuild

VARIANTS = ("plain", "pelican-lunr", "pagefind", "hub")
COMPARE_VARIANTS = ("pelican-lunr", "pagefind")
REBUILD_VARIANTS = ("plain", "hub")


@dataclass(frozen=True)
class BenchConfig:
    """What to run: sizes, variants, repetitions and where to put generated files."""

    sizes: tuple[CorpusSize, ...]
    variants: tuple[str, ...] = VARIANTS
    runs: int = 3
    cold_runs: int = 5
    rebuild_sizes: tuple[str, ...] = ("large",)
    work: Path = Path("bench/work")
    venv: Path = DEFAULT_VENV
    browser: bool = True
    wait_quiet_minutes: float = 0.0
    # "variant@size" pairs left out, e.g. pelican-lunr at the largest sizes, whose builds take
    # several times the others' and whose figures no target needs.
    skip: tuple[str, ...] = ()

    def at_size(self, size: str) -> BenchConfig:
        """This configuration without the variants skipped at one size."""
        return replace(self, variants=tuple(v for v in self.variants if f"{v}@{size}" not in self.skip))

    def python_for(self, variant: str) -> str:
        """The interpreter that builds a variant: pelican-lunr lives in the compare venv."""
        return str(venv_python(self.venv)) if variant == "pelican-lunr" else sys.executable


@dataclass
class VariantResult:
    """Every figure of one variant at one size (None where it does not apply)."""

    build: MedianFigures | None = None
    indexing: MedianFigures | None = None
    search: SearchFiles | None = None
    browser: BrowserFigures | None = None


@dataclass
class SizeResult:
    """Every variant's figures at one corpus size, and the rebuild figures if taken."""

    size: CorpusSize
    variants: dict[str, VariantResult] = field(default_factory=dict)
    rebuilds: list[RebuildFigures] = field(default_factory=list)
    chromium: str = ""
    cold_query: str = ""


def output_of(work: Path, variant: str) -> Path:
    """Where a variant's site is built; Pagefind indexes plain Pelican's output in place."""
    return work / ("out-plain" if variant == "pagefind" else f"out-{variant}")


def measure_builds(config: BenchConfig, corpus: Corpus, work: Path) -> dict[str, MedianFigures]:
    """Build every Pelican variant ``config.runs`` times, round-robin; median per variant."""
    pelican_variants = [v for v in config.variants if v != "pagefind"]
    runs: dict[str, list[RunFigures]] = {variant: [] for variant in pelican_variants}
    for _ in range(config.runs):
        for variant in pelican_variants:
            output = output_of(work, variant)
            remove_output(output)
            runs[variant].append(run_measured(build_argv(config.python_for(variant), variant, corpus.content, output)))
    return {variant: MedianFigures.of(figures) for variant, figures in runs.items()}


def measure_pagefind(config: BenchConfig, work: Path) -> MedianFigures:
    """Index the plain site with Pagefind ``config.runs`` times; median of the indexing alone."""
    site = output_of(work, "pagefind")
    figures = []
    for _ in range(config.runs):
        remove_output(site / "pagefind")
        figures.append(run_measured(pagefind_command(config.venv, site)))
    return MedianFigures.of(figures)


def run_size(config: BenchConfig, size: CorpusSize, playwright) -> SizeResult:
    """Every measurement at one size."""
    config = config.at_size(size.name)
    work = config.work / size.name
    if config.wait_quiet_minutes:
        wait_for_quiet(config.wait_quiet_minutes)
    print(f"[{size.name}] generating {size.articles} articles and {size.tips} tips", flush=True)
    corpus = generate_corpus(size, work)
    print(f"[{size.name}] building {', '.join(config.variants)} x{config.runs}", flush=True)
    builds = measure_builds(config, corpus, work)
    result = SizeResult(size, {variant: VariantResult(build=builds.get(variant)) for variant in config.variants})
    if "pagefind" in config.variants:
        result.variants["pagefind"].indexing = measure_pagefind(config, work)
        result.variants["pagefind"].build = builds["plain"].plus(result.variants["pagefind"].indexing)
    for variant in config.variants:
        result.variants[variant].search = search_files(variant, output_of(work, variant))
    if config.browser:
        print(f"[{size.name}] measuring in Chromium", flush=True)
        _measure_in_browser(config, corpus, work, result, playwright)
    if size.name in config.rebuild_sizes:
        print(f"[{size.name}] rebuild after one edit, with the content cache", flush=True)
        for variant in (v for v in REBUILD_VARIANTS if v in config.variants):
            result.rebuilds.append(measure_rebuild(config.python_for(variant), variant, corpus, work, config.runs))
    return result


def _measure_in_browser(config: BenchConfig, corpus: Corpus, work: Path, result: SizeResult, playwright) -> None:
    """Fill in each variant's browser figures."""
    browser = launch_chromium(playwright)
    result.chromium = browser.version
    try:
        sites = {variant: output_of(work, variant) for variant in config.variants}
        article = f"/articles/{corpus.article_slugs[0]}/"
        result.cold_query = corpus.cold_query()
        for variant, figures in measure_sites(browser, sites, article, result.cold_query, config.cold_runs).items():
            result.variants[variant].browser = figures
    finally:
        browser.close()


def compile_project() -> None:
    """Compile the project's own modules to bytecode once, before any build is timed.

    pip compiles Pelican and every installed package when it installs them; the plugin and
    the tools are plain source files, and with PYTHONDONTWRITEBYTECODE set (as on some
    machines) each timed build would compile them again. Compiled first, every variant runs
    from bytecode alike.
    """
    for folder in ("plugins", "hubtools", "bench"):
        compileall.compile_dir(PROJECT_ROOT / folder, quiet=1)


def run_benchmark(config: BenchConfig) -> list[SizeResult]:
    """Run every size in turn; generated files stay under ``config.work``."""
    from playwright.sync_api import sync_playwright

    config.work.mkdir(parents=True, exist_ok=True)
    compile_project()
    with sync_playwright() if config.browser else nullcontext() as playwright:
        return [run_size(config, size, playwright) for size in config.sizes]
