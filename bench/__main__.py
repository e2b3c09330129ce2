"""Command line: ``python -m bench --sizes small,medium,large --runs 3 --out bench/RESULTS.md``.

``--sizes tiny --runs 1`` is the quick smoke run the test suite uses. pelican-lunr and Pagefind
need their own venv (made on first use, or with ``--setup``); ``--variants plain,hub`` skips them.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from dataclasses import replace
from pathlib import Path

from . import BENCH_DIR, DEFAULT_WORK_DIR
from .corpus import SIZES
from .envs import DEFAULT_VENV, ensure_compare_venv, tool_versions
from .machine import describe_machine, load_average
from .report import render_report, update_readme, write_report
from .suite import COMPARE_VARIANTS, VARIANTS, BenchConfig, run_benchmark
from .targets import check_targets

DESCRIPTION = "Benchmark the hub against plain Pelican, pelican-lunr and Pagefind; write a Markdown report."


def _names(text: str, known, what: str) -> tuple[str, ...]:
    """Split a comma-separated option and check every name."""
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in known]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {what}: {', '.join(unknown)}; use {', '.join(known)}")
    return names


def size_list(text: str) -> tuple[str, ...]:
    """A --sizes value: names from SIZES."""
    return _names(text, SIZES, "size")


def variant_list(text: str) -> tuple[str, ...]:
    """A --variants value: names from VARIANTS."""
    return _names(text, VARIANTS, "variant")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The options, with defaults for the full benchmark."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=DESCRIPTION)
    add = parser.add_argument
    add("--sizes", type=size_list, default=("small", "medium", "large", "xlarge"), help=", ".join(SIZES))
    add("--variants", type=variant_list, default=VARIANTS, help=", ".join(VARIANTS))
    add("--runs", type=int, default=3, help="builds per variant and size (median taken)")
    add("--cold-runs", type=int, default=5, help="cold searches per variant and size (median taken)")
    add("--rebuild-sizes", type=size_list, default=("large",), help="sizes to time a one-edit rebuild at ('' for none)")
    add("--out", type=Path, default=BENCH_DIR / "RESULTS.md", help="the Markdown report")
    add("--work", type=Path, default=DEFAULT_WORK_DIR, help="where generated files go")
    add("--venv", type=Path, default=DEFAULT_VENV, help="the venv holding pelican-lunr and Pagefind")
    add("--no-browser", action="store_true", help="skip the Chromium measurements")
    add("--wait-quiet", type=float, default=0.0, metavar="MINUTES", help="wait for a low load average before each size")
    add("--setup", action="store_true", help="only create the pelican-lunr/Pagefind venv")
    add("--readme", type=Path, default=None, help="also rewrite the headline table in this README")
    add("--skip", default="", help="variant@size pairs to leave out, comma-separated (e.g. pelican-lunr@xlarge)")
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace) -> BenchConfig:
    """Turn options into a run configuration (Pagefind needs the plain build it indexes)."""
    variants = args.variants
    if "pagefind" in variants and "plain" not in variants:
        variants = ("plain", *variants)
    return BenchConfig(
        sizes=tuple(SIZES[name] for name in args.sizes),
        variants=tuple(v for v in VARIANTS if v in variants),
        runs=max(1, args.runs),
        cold_runs=max(1, args.cold_runs),
        rebuild_sizes=args.rebuild_sizes,
        work=args.work.resolve(),
        venv=args.venv.resolve(),
        browser=not args.no_browser,
        wait_quiet_minutes=args.wait_quiet,
        skip=tuple(pair.strip() for pair in args.skip.split(",") if pair.strip()),
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report; print the targets at the end."""
    args = parse_args(argv)
    if args.setup:
        ensure_compare_venv(args.venv.resolve())
        return 0
    config = config_from(args)
    if any(variant in COMPARE_VARIANTS for variant in config.variants):
        ensure_compare_venv(config.venv)
    start_load, machine = load_average(), describe_machine(tool_versions(config.venv))
    command = "python -m bench " + shlex.join(argv if argv is not None else sys.argv[1:])
    results = []
    # One size at a time, the report rewritten after each: a long run that stops keeps what it measured.
    for size in config.sizes:
        results += run_benchmark(replace(config, sizes=(size,)))
        if results[0].chromium:
            machine.versions["Chromium"] = results[0].chromium
        text = render_report(results, machine, command, config.runs, config.cold_runs, (start_load, load_average()))
        print(f"Wrote {write_report(args.out, text, results)}", flush=True)
    if args.readme and update_readme(args.readme, results):
        print(f"Updated the headline table in {args.readme}")
    for check in check_targets(results):
        print(f"  {check.target} [{check.size}]: {check.measured} (limit {check.limit})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
