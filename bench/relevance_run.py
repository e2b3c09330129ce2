"""Relevance of search on our real content: the hub, Pagefind and pelican-lunr side by side.

``python -m bench.relevance_run`` (or ``invoke relevance``) builds content/ three ways (our
plugin; plain Pelican, then Pagefind over its output; pelican-lunr), runs every query of
bench/relevance/queries.yml (the set search is tuned on) and bench/relevance/heldout.yml (a
held-out set nobody tunes on, to show whether a change generalises) through each engine, and
writes bench/RELEVANCE.md: per set, hit@3, MRR, nDCG@5 and the zero-result count
(bench/judged.py says how each is computed), then each query the hub misses. Nothing here is
timed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import BENCH_DIR, DEFAULT_WORK_DIR, PROJECT_ROOT
from .builders import build_argv
from .envs import DEFAULT_VENV, ensure_compare_venv, pagefind_command, tool_versions
from .judged import HELDOUT_FILE, QUERIES_FILE, JudgedQuery, QueryScore, Summary, evaluate, load_queries, slug_of
from .searchers import browser_results, hub_results

ENGINES = ("hub", "pagefind", "pelican-lunr")
REPORT = BENCH_DIR / "RELEVANCE.md"
# Each judged set: its name in the report, its file, and what it is for.
SETS = (
    ("Tuning set", QUERIES_FILE, "the set search is tuned on; the targets apply to it"),
    ("Held-out set", HELDOUT_FILE, "never tuned on: a gap between the two sets means a change only fits the first"),
)


def build_sites(work: Path, venv: Path) -> dict[str, Path]:
    """Build the real content for every engine; return each engine's site folder."""
    python = str(ensure_compare_venv(venv))
    content = PROJECT_ROOT / "content"
    sites = {"hub": work / "out-hub", "pagefind": work / "out-plain", "pelican-lunr": work / "out-pelican-lunr"}
    builds = (("hub", sys.executable, sites["hub"]), ("plain", sys.executable, sites["pagefind"]))
    for variant, interpreter, output in (*builds, ("pelican-lunr", python, sites["pelican-lunr"])):
        subprocess.run(["rm", "-rf", str(output)], check=True)
        print(f"building {variant}", flush=True)
        subprocess.run(build_argv(interpreter, variant, content, output), check=True, cwd=PROJECT_ROOT)
    subprocess.run(pagefind_command(venv, sites["pagefind"]), check=True)
    return sites


def run_engines(sites: Mapping[str, Path], texts: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    """Every engine's first results (URLs) for every query text."""
    from playwright.sync_api import sync_playwright

    from .browser import install_search_page, launch_chromium, serve_site

    results = {"hub": dict(zip(texts, hub_results(sites["hub"], texts), strict=True))}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for engine in ("pagefind", "pelican-lunr"):
                install_search_page(engine, sites[engine])
                with serve_site(sites[engine]) as url:
                    results[engine] = dict(zip(texts, browser_results(browser, url, engine, texts), strict=True))
        finally:
            browser.close()
    return results


def _number(value: float) -> str:
    return f"{value:.3f}"


@dataclass(frozen=True)
class SetResult:
    """One judged set's queries, and every engine's summary and per-query scores on it."""

    title: str
    path: Path
    purpose: str
    queries: Sequence[JudgedQuery]
    summaries: Mapping[str, Summary]
    scores: Mapping[str, list[QueryScore]]


def score_set(title: str, path: Path, purpose: str, results: Mapping[str, Mapping[str, Sequence[str]]]) -> SetResult:
    """Score every engine's results on one judged set."""
    queries = load_queries(path)
    summaries, scores = {}, {}
    for engine in ENGINES:
        summaries[engine], scores[engine] = evaluate(queries, results[engine])
    return SetResult(title, path, purpose, queries, summaries, scores)


def _table(result: SetResult) -> list[str]:
    lines = [
        f"## {result.title}: {len(result.queries)} queries from `bench/relevance/{result.path.name}`",
        "",
        f"{result.purpose[0].upper()}{result.purpose[1:]}.",
        "",
        "| Engine | hit@3 | MRR | nDCG@5 | Zero results | any@3 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for engine in ENGINES:
        s = result.summaries[engine]
        row = (
            f"| {engine} | {_number(s.hit3)} | {_number(s.mrr)} | {_number(s.ndcg5)} | {s.zero_results}"
            f" | {_number(s.any3)} |"
        )
        lines.append(row)
    return lines + [""]


def _misses(result: SetResult, results: Mapping[str, Mapping[str, Sequence[str]]]) -> list[str]:
    lines = [
        f"## {result.title}: queries the hub misses (no item judged 2 in its first three)",
        "",
        "| Query | Hub's first three | Judged 2 |",
        "| --- | --- | --- |",
    ]
    for query, score in zip(result.queries, result.scores["hub"], strict=True):
        if score.hit3:
            continue
        shown = ", ".join(slug_of(url) for url in results["hub"][query.text][:3]) or "(nothing)"
        wanted = ", ".join(slug for slug, grade in query.grades.items() if grade == 2)
        lines.append(f"| {query.text.replace('|', '/')} | {shown} | {wanted} |")
    return lines + [""]


def report(
    sets: Sequence[SetResult], results: Mapping[str, Mapping[str, Sequence[str]]], versions: Mapping[str, str]
) -> str:
    """The Markdown report: a table per judged set, how it was measured, and the hub's misses."""
    lines = [
        "# Search relevance on our own content",
        "",
        "Written by `invoke relevance` (bench/relevance_run.py); do not edit by hand.",
        "Judged queries over the real `content/` folder, in two sets, each scored on its own.",
        "",
    ]
    for result in sets:
        lines += _table(result)
    tools = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
    lines += [
        "- hit@3: share of queries with an item judged 2 (answers it) among the first three results.",
        "- MRR: mean of 1 / rank of the first item judged 2 in the first five (0 if none).",
        "- nDCG@5: gain 2^grade - 1, log2 discount, over the best order of the judged items.",
        "- Zero results: queries that showed nothing.",
        "- any@3 (for context): share of queries with any judged item (grade 1 or 2) among the first three.",
        "- The hub runs its own engine (theme/static/js) in Node over the built search files, with the"
        " danger matcher putting the safety page first as the search page does; Pagefind and"
        " pelican-lunr run in headless Chromium through their own JavaScript, on the benchmark's search"
        " pages (bench/harness). pelican-lunr indexes what the plugin indexes; Pagefind indexes the plain"
        " Pelican pages of tips, articles, about and safety.",
        f"- Tools: {tools or 'versions unknown'}.",
        "",
    ]
    for result in sets:
        lines += _misses(result, results)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: build, search, score, write the report."""
    parser = argparse.ArgumentParser(description="Measure search relevance on the real content.")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK_DIR / "relevance")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV)
    parser.add_argument("--out", type=Path, default=REPORT)
    args = parser.parse_args(argv)
    texts = list(dict.fromkeys(query.text for _, path, _ in SETS for query in load_queries(path)))
    sites = build_sites(args.work, args.venv)
    results = run_engines(sites, texts)
    sets = [score_set(title, path, purpose, results) for title, path, purpose in SETS]
    for result in sets:
        for engine in ENGINES:
            print(result.title, engine, result.summaries[engine], flush=True)
    args.out.write_text(report(sets, results, tool_versions(args.venv)), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
