"""Benchmark harness for issue #8: our hub against plain Pelican, pelican-lunr and Pagefind.

Run it as ``python -m bench --sizes small,medium,large --runs 3 --out bench/RESULTS.md``
(or ``invoke bench``). It generates a synthetic corpus in our content format, builds it
four ways, measures every build in a subprocess, drives headless Chromium for search and
page weight, and writes a Markdown report. Everything generated goes under ``bench/work/``.

This package imports nothing heavy at the top level: ``bench.builders`` also runs inside
the separate virtualenv that holds pelican-lunr and Pagefind.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_ROOT / "bench"
DEFAULT_WORK_DIR = BENCH_DIR / "work"
