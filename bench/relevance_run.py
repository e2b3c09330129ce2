"""Relevance of search on our real content: the hub, Pagefind and pelican-lunr side by side.

``python -m bench.relevance_run`` (or ``invoke relevance``) builds content/ three ways (our
plugin; plain Pelican, then Pagefind over its output; pelican-lunr), runs every query of
bench/relevance/queries.yml through each engine, and writes bench/RELEVANCE.md: hit@3, MRR,
nDCG@5 and the zero-result count (bench/judged.py says how each is computed), then each
query the hub misses. Nothing here is timed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from . import BENCH_DIR, DEFAULT_WORK_DIR, PROJECT_ROOT
from .builders import build_argv
from .envs import DEFAULT_VENV, ensure_compare_venv, pagefind_command, tool_versions
from .judged import JudgedQuery, QueryScore, Summary, evaluate, load_queries, slug_of
from .searchers import browser_results, hub_results

ENGINES = ("hub", "pagefind", "pelican-lunr")
REPORT = BENCH_DIR / "RELEVANCE.md"


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


def run_engines(sites: Mapping[str, Path], queries: Sequence[JudgedQuery]) -> dict[str, dict[str, list[str]]]:
    """Every engine's first results (URLs) for every query."""
    from playwright.sync_api import sync_playwright

    from .browser import install_search_page, launch_chromium, serve_site

    texts = [query.text for query in queries]
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


def report(
    queries: Sequence[JudgedQuery],
    summaries: Mapping[str, Summary],
    scores: Mapping[str, list[QueryScore]],
    results: Mapping[str, Mapping[str, Sequence[str]]],
    versions: Mapping[str, str],
) -> str:
    """The Markdown report: the table, how it was measured, and the hub's misses."""
    lines = [
        "# Search relevance on our own content",
        "",
        "Written by `invoke relevance` (bench/relevance_run.py); do not edit by hand.",
        f"{len(queries)} judged queries from `bench/relevance/queries.yml`, over the real `content/` folder.",
        "",
        "| Engine | hit@3 | MRR | nDCG@5 | Zero results | any@3 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for engine in ENGINES:
        s = summaries[engine]
        row = (
            f"| {engine} | {_number(s.hit3)} | {_number(s.mrr)} | {_number(s.ndcg5)} | {s.zero_results}"
            f" | {_number(s.any3)} |"
        )
        lines.append(row)
    tools = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
    lines += [
        "",
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
        "## Queries the hub misses (no item judged 2 in its first three)",
        "",
        "| Query | Hub's first three | Judged 2 |",
        "| --- | --- | --- |",
    ]
    for query, score in zip(queries, scores["hub"], strict=True):
        if score.hit3:
            continue
        shown = ", ".join(slug_of(url) for url in results["hub"][query.text][:3]) or "(nothing)"
        wanted = ", ".join(slug for slug, grade in query.grades.items() if grade == 2)
        lines.append(f"| {query.text.replace('|', '/')} | {shown} | {wanted} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: build, search, score, write the report."""
    parser = argparse.ArgumentParser(description="Measure search relevance on the real content.")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK_DIR / "relevance")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV)
    parser.add_argument("--out", type=Path, default=REPORT)
    args = parser.parse_args(argv)
    queries = load_queries()
    sites = build_sites(args.work, args.venv)
    results = run_engines(sites, queries)
    summaries, scores = {}, {}
    for engine in ENGINES:
        summaries[engine], scores[engine] = evaluate(queries, results[engine])
        print(engine, summaries[engine], flush=True)
    args.out.write_text(report(queries, summaries, scores, results, tool_versions(args.venv)), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
