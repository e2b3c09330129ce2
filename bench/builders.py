"""The build variants, each run as ``python -m bench.builders VARIANT CONTENT OUTPUT``.

* ``plain``: Pelican with no plugins and its built-in ``simple`` theme, over the same files.
  Tips are read as articles (an extra ARTICLE_PATHS entry) and keep the hub's URLs.
* ``pelican-lunr``: ``plain`` plus the pelican-lunr plugin from PyPI. It runs inside the
  separate bench virtualenv (see bench/envs.py), so the project's own packages stay pinned.
* ``hub``: our plugin and theme, through ``hubtools.sitebuild.build_site`` like ``invoke build``.

Pagefind is not a Pelican build: bench/envs.py runs its binary over ``plain``'s output.
Each variant runs in its own process, so bench/measure.py can time it and read its peak memory.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from . import BENCH_DIR, PROJECT_ROOT

PELICANCONF = PROJECT_ROOT / "pelicanconf.py"
PLAIN_TEMPLATES = BENCH_DIR / "plain_templates"
LUNR_INDEX_FILE = "search/lunr-index.js"
PELICAN_VARIANTS = ("plain", "pelican-lunr", "hub")


def plain_overrides(content: Path) -> dict[str, Any]:
    """pelicanconf.py's settings turned into a plain Pelican site over the same content."""
    import pelican
    from pelican.settings import DEFAULT_CONFIG

    return {
        "PATH": str(content),
        # Our theme autoescapes everything; the simple theme expects Pelican's default.
        "JINJA_ENVIRONMENT": DEFAULT_CONFIG["JINJA_ENVIRONMENT"],
        "THEME": str(Path(pelican.__file__).parent / "themes" / "simple"),
        # pages/safety.md asks for a "safety" template; the simple theme's page.html serves it.
        "THEME_TEMPLATES_OVERRIDES": [str(PLAIN_TEMPLATES)],
        "PLUGINS": [],
        "PLUGIN_PATHS": [],
        "ARTICLE_PATHS": ["articles", "tips"],
        # The folder becomes a "kind" field, so tips keep their /tips/<slug>/ URLs.
        "PATH_METADATA": r"(?P<kind>articles|tips)/.*",
        "ARTICLE_URL": "{kind}/{slug}/",
        "ARTICLE_SAVE_AS": "{kind}/{slug}/index.html",
        "DIRECT_TEMPLATES": ["index", "archives"],
        # Real tips carry no Date line (the hub does not need one); as Pelican articles they
        # must have one, so undated items get a fixed date (the synthetic corpus dates all).
        "DEFAULT_DATE": (2026, 11, 22),
    }


def lunr_overrides(content: Path) -> dict[str, Any]:
    """``plain`` plus pelican-lunr, which writes one JavaScript file: the index and the documents.

    pelican-lunr 0.3.0 fails on an article without tags, and our format has none, so the
    folder name (``tips`` or ``articles``) becomes each item's one tag.
    """
    return {
        **plain_overrides(content),
        "PLUGINS": ["pelican.plugins.pelican_lunr"],
        "LUNR_INDEX_FILE": LUNR_INDEX_FILE,
        "PATH_METADATA": r"(?P<kind>(?P<tags>articles|tips))/.*",
    }


def hub_overrides(content: Path) -> dict[str, Any]:
    """Our plugin and theme over the corpus, exactly as the build tests configure them."""
    return {
        "PATH": str(content),
        "THEME": str(PROJECT_ROOT / "theme"),
        "PLUGIN_PATHS": [str(PROJECT_ROOT / "plugins")],
        "HUB_NODE_MODULES": str(PROJECT_ROOT / "node_modules"),
    }


def cache_overrides(cache: Path | None) -> dict[str, Any]:
    """Pelican's content cache, for the rebuild-after-one-edit measurement (off without a folder)."""
    if cache is None:
        return {}
    return {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(cache)}


class _ErrorCounter(logging.Handler):
    """Counts errors Pelican logs and carries on after (an unreadable file, a missing template)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message of one logged error."""
        self.messages.append(record.getMessage())


def run_pelican(overrides: dict[str, Any], output: Path) -> list[str]:
    """Build with pelicanconf.py and ``overrides`` into ``output``; return the errors logged."""
    from pelican import Pelican
    from pelican.settings import read_settings

    counter = _ErrorCounter()
    logging.getLogger().addHandler(counter)
    try:
        settings = read_settings(str(PELICANCONF), override={**overrides, "OUTPUT_PATH": str(output)})
        Pelican(settings).run()
    finally:
        logging.getLogger().removeHandler(counter)
    return counter.messages


def run_hub(overrides: dict[str, Any], output: Path) -> list[str]:
    """Build with our plugin, all or nothing; return the problems if the build failed."""
    sys.path[:0] = [str(PROJECT_ROOT), str(PROJECT_ROOT / "plugins")]
    from hubtools.sitebuild import BuildFailed, build_site

    try:
        build_site(PELICANCONF, output, overrides)
    except BuildFailed as failure:
        return failure.problems
    return []


def build_variant(variant: str, content: Path, output: Path, cache: Path | None = None) -> list[str]:
    """Build one variant in this process; return the problems (empty when it worked)."""
    if variant == "hub":
        return run_hub({**hub_overrides(content), **cache_overrides(cache)}, output)
    if variant == "plain":
        return run_pelican({**plain_overrides(content), **cache_overrides(cache)}, output)
    if variant == "pelican-lunr":
        return run_pelican({**lunr_overrides(content), **cache_overrides(cache)}, output)
    raise ValueError(f"unknown variant {variant!r}; use one of {', '.join(PELICAN_VARIANTS)}")


def build_argv(python: Path | str, variant: str, content: Path, output: Path, cache: Path | None = None) -> list[str]:
    """The command that builds one variant in a child process of ``python``."""
    argv = [str(python), "-m", "bench.builders", variant, str(content), str(output)]
    return argv + (["--cache", str(cache)] if cache else [])


def main(argv: list[str] | None = None) -> int:
    """Command line: build one variant; exit 1 and print the problems if it failed."""
    parser = argparse.ArgumentParser(description="Build one benchmark variant.")
    parser.add_argument("variant", choices=PELICAN_VARIANTS)
    parser.add_argument("content", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--cache", type=Path, default=None, help="turn on Pelican's content cache in this folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    problems = build_variant(args.variant, args.content, args.output, args.cache)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
