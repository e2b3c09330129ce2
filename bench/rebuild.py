"""Rebuild after editing one tip, with Pelican's content cache (CACHE_CONTENT, LOAD_CONTENT_CACHE).

The site is built once with an empty cache, which fills it. Then, ``runs`` times, one tip
gets one more sentence and the site is rebuilt; each rebuild is timed. The tip is put back
as it was at the end, so the corpus stays the one the other figures were taken on.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .builders import build_argv
from .corpus import Corpus
from .measure import MedianFigures, RunFigures, run_measured

EDIT = "\n\nOne more line, added for the rebuild benchmark (edit {number}).\n"


@dataclass(frozen=True)
class RebuildFigures:
    """The build that filled the cache, and the median rebuild after a one-tip edit."""

    variant: str
    filling_build: RunFigures
    after_edit: MedianFigures
    edited_file: str


def measure_rebuild(python: Path | str, variant: str, corpus: Corpus, work: Path, runs: int) -> RebuildFigures:
    """Fill the cache with one build, then time ``runs`` rebuilds, each after editing one tip."""
    cache, output = work / f"cache-{variant}", work / f"out-{variant}-cached"
    for folder in (cache, output):
        shutil.rmtree(folder, ignore_errors=True)
    argv = build_argv(python, variant, corpus.content, output, cache)
    tip = corpus.tip_path(corpus.tip_slugs[len(corpus.tip_slugs) // 2])
    original = tip.read_text(encoding="utf-8")
    try:
        filling = run_measured(argv)
        rebuilds = []
        for number in range(1, runs + 1):
            tip.write_text(original.rstrip("\n") + EDIT.format(number=number), encoding="utf-8")
            rebuilds.append(run_measured(argv))
    finally:
        tip.write_text(original, encoding="utf-8")
    return RebuildFigures(variant, filling, MedianFigures.of(rebuilds), str(tip.relative_to(corpus.content)))
