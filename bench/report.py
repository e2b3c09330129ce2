"""Writes the benchmark's Markdown report (bench/RESULTS.md): machine, targets, a table per size.

Every figure comes from one run of ``python -m bench``, so ratios compare like with like.
KB means 1,024 bytes; "compressed" is gzip level 6, or the file as stored when that is smaller.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .machine import MachineInfo
from .suite import VARIANTS, SizeResult, VariantResult
from .targets import TargetCheck, check_targets

DASH = "–"
MET = {True: "yes", False: "**no**", None: "measured"}


def kb(size: int | float) -> str:
    """Bytes as kilobytes with one decimal."""
    return f"{size / 1024:,.1f} KB"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def machine_section(machine: MachineInfo, command: str, loads: tuple[str, str]) -> list[str]:
    """Where and when the figures were taken."""
    versions = ", ".join(f"{name} {version}" for name, version in machine.versions.items())
    rows = [
        ("Date", machine.date),
        ("Command", f"`{command}`"),
        ("CPU", f"{machine.cpu}, {machine.cores} cores"),
        ("Memory", f"{machine.memory_gib} GiB"),
        ("System", machine.system),
        ("Commit", machine.commit),
        ("Load average (1, 5, 15 min) at start / end", f"{loads[0]} / {loads[1]}"),
        ("Versions", versions),
    ]
    return ["## Machine", "", *table(("", ""), rows), ""]


def targets_section(checks: Sequence[TargetCheck]) -> list[str]:
    """Each target of the issue with the figure measured and whether it was met."""
    rows = [(c.target, c.size, c.measured, c.limit, MET[c.met]) for c in checks]
    return ["## Targets", "", *table(("Target", "Size", "Measured", "Limit", "Met"), rows), ""]


def _cell(result: VariantResult | None, show: Callable[[VariantResult], str | None]) -> str:
    """One table cell: the figure, or a dash where it does not apply."""
    if result is None:
        return DASH
    try:
        shown = show(result)
    except AttributeError:  # a figure that was not taken (no search, no browser run)
        return DASH
    return shown if shown is not None else DASH


def _ratio(result: SizeResult, figure: Callable[[VariantResult], float], base: str) -> str:
    """Our figure divided by a baseline variant's, e.g. ``1.84x``."""
    ours, theirs = result.variants.get("hub"), result.variants.get(base)
    try:
        return f"{figure(ours) / figure(theirs):.2f}x vs {base}"
    except (AttributeError, TypeError, ZeroDivisionError):
        return DASH


def _build_rows(runs: int) -> list[tuple[str, Callable, Callable | None, str]]:
    """(label, how to show it, the number behind it for a ratio, the ratio's baseline)."""
    return [
        (f"Build wall time, median of {runs}", lambda r: f"{r.build.wall_s:.2f} s", lambda r: r.build.wall_s, "plain"),
        ("Build peak memory, median", lambda r: f"{r.build.peak_mib:.0f} MiB", lambda r: r.build.peak_mib, "plain"),
        ("Pagefind indexing alone (in the build time)", lambda r: f"{r.indexing.wall_s:.2f} s", None, ""),
        (
            "Search index, raw / compressed",
            lambda r: f"{kb(r.search.index.raw)} / {kb(r.search.index.compressed)}",
            lambda r: r.search.index.compressed,
            "pagefind",
        ),
        (
            "Search store, raw / compressed",
            lambda r: f"{kb(r.search.store.raw)} / {kb(r.search.store.compressed)}",
            lambda r: r.search.store.compressed,
            "pagefind",
        ),
        (
            "Search files / largest one, compressed",
            lambda r: f"{r.search.index.files + r.search.store.files} / {kb(r.search.largest_compressed)}",
            None,
            "",
        ),
    ]


def _browser_rows(cold_runs: int) -> list[tuple[str, Callable, Callable | None, str]]:
    """Rows taken in Chromium."""
    return [
        (
            "First-search download: files, raw / compressed",
            lambda r: _download(r),
            lambda r: r.browser.first_search.compressed,
            "pagefind",
        ),
        (
            f"Cold first result, median of {cold_runs}",
            lambda r: _ms(r.browser.cold_ms),
            lambda r: r.browser.cold_ms,
            "pagefind",
        ),
        ("Warm keystroke search p50 / p95", lambda r: _warm(r), lambda r: r.browser.warm_p95_ms, "pagefind"),
        (
            "Article page before search: HTML + CSS + JS, compressed",
            lambda r: kb(r.browser.article.total),
            lambda r: r.browser.article.total,
            "plain",
        ),
        ("Render-blocking scripts on the article page", lambda r: str(r.browser.article.blocking_scripts), None, ""),
    ]


def _download(result: VariantResult) -> str | None:
    first = result.browser.first_search
    return None if first is None else f"{first.files} files, {kb(first.raw)} / {kb(first.compressed)}"


def _ms(value: float | None) -> str | None:
    return None if value is None else f"{value:,.1f} ms"


def _warm(result: VariantResult) -> str | None:
    figures = result.browser
    if figures.warm_p50_ms is None:
        return None
    return f"{figures.warm_p50_ms:.2f} / {figures.warm_p95_ms:.2f} ms ({figures.warm_samples} searches)"


def size_section(result: SizeResult, runs: int, cold_runs: int) -> list[str]:
    """One table for one size: a row per figure, a column per variant, and our ratio."""
    size = result.size
    variants = [variant for variant in VARIANTS if variant in result.variants]
    rows = []
    for label, show, figure, base in _build_rows(runs) + _browser_rows(cold_runs):
        cells = [_cell(result.variants.get(variant), show) for variant in variants]
        if all(cell == DASH for cell in cells):
            continue
        ratio = _ratio(result, figure, base) if figure else DASH
        rows.append((label, *cells, ratio))
    title = f"## {size.name}: {size.articles:,} articles + {size.tips:,} tips"
    query = f"Cold search query: `{result.cold_query}`." if result.cold_query else ""
    return [title, "", *table(("Figure", *variants, "hub ratio"), rows), "", query, ""]


REBUILD_INTRO = (
    "CACHE_CONTENT and LOAD_CONTENT_CACHE on, CACHE_PATH under bench/work/. One sentence is added to "
    "one tip before each rebuild; the output folder is kept between builds."
)
REBUILD_HEADER = (
    "Size",
    "Variant",
    "Build that fills the cache",
    "Rebuild after editing one tip (median)",
    "Build without cache (median)",
    "Tip edited",
)
SCALING_INTRO = (
    "Our index and store are one file each, fetched whole on the first search. Titles, themes and summaries "
    "are indexed whole; each body adds only its 32 most distinctive words, so the index grows with the number "
    "of documents (about 0.3 KB compressed each) rather than with every word written, and stays one file under "
    "2 MB compressed at 6,000 documents. pelican-lunr's single script grows with every word. Pagefind splits "
    "its index into chunks by word and its results into one fragment per page, so a first search fetches a "
    "few chunks and fragments whatever the size of the site; its download grows only with the runtime and the "
    "chunks a query touches."
)
SCALING_HEADER = (
    "Size",
    "Variant",
    "Files",
    "All search files, compressed",
    "Per document",
    "Largest file",
    "First search downloads",
)


def rebuild_section(results: Sequence[SizeResult]) -> list[str]:
    """The rebuild after editing one tip, with Pelican's content cache on."""
    rows = []
    for result in results:
        for rebuild in result.rebuilds:
            full = result.variants[rebuild.variant].build
            rows.append(
                (
                    result.size.name,
                    rebuild.variant,
                    f"{rebuild.filling_build.wall_s:.2f} s",
                    f"{rebuild.after_edit.wall_s:.2f} s",
                    f"{full.wall_s:.2f} s" if full else DASH,
                    f"`{rebuild.edited_file}`",
                )
            )
    return ["## Rebuild after one edit", "", REBUILD_INTRO, "", *table(REBUILD_HEADER, rows), ""] if rows else []


def _scaling_row(result: SizeResult, variant: str, found: VariantResult) -> tuple[str, ...]:
    """One variant's search files at one size: count, total, per document, largest, first download."""
    search = found.search
    documents = result.size.articles + result.size.tips + 2  # the two standing pages
    total = search.index.compressed + search.store.compressed
    largest = f"{kb(search.largest_compressed)} (`{search.largest_name}`)"
    files = str(search.index.files + search.store.files)
    return (result.size.name, variant, files, kb(total), kb(total / documents), largest, _download_kb(found))


def scaling_section(results: Sequence[SizeResult]) -> list[str]:
    """How each variant's search files grow with the corpus, per size."""
    rows = [
        _scaling_row(result, variant, found)
        for result in results
        for variant in ("hub", "pelican-lunr", "pagefind")
        if (found := result.variants.get(variant)) is not None and found.search is not None
    ]
    return ["## How the index scales", "", SCALING_INTRO, "", *table(SCALING_HEADER, rows), ""] if rows else []


def _download_kb(result: VariantResult) -> str:
    first = result.browser.first_search if result.browser else None
    return kb(first.compressed) if first else DASH


METHOD = """## Method

- **Corpus**: `bench/corpus.py` writes tips (60 to 180 words) and articles (about 800 words) in our content
  format, with words drawn from `bench/wordlist.txt` (the site's own vocabulary, weighted by frequency) by a
  seeded random generator, so every run builds the same files. `themes.yml`, the quiz and the two standing
  pages are copied from `content/`.
- **Variants**: *plain* is Pelican with no plugins and its `simple` theme over the same files (tips read as
  articles, same URLs, same Markdown settings); *pelican-lunr* is plain plus that plugin from PyPI (the folder
  name becomes each item's tag, as the plugin fails without tags); *pagefind* is plain's output indexed by
  `pagefind-bin` (content pages only, header and footer excluded; its build time is plain's plus indexing);
  *hub* is `hubtools.sitebuild.build_site` with our plugin and theme, as `invoke build` runs it. pelican-lunr and
  Pagefind run from their own venv, pinned in `bench/requirements-bench.txt`.
- **Builds** run one at a time in a child process, round-robin across variants; wall time from start to exit,
  peak memory from `wait4`'s `ru_maxrss` for that process; the output folder is removed first.
- **Browser**: headless Chromium, each site served by `python -m http.server` in its own process.
  *Cold first result*: a fresh browser context opens the search page with `?q=` and a one-word query
  found in about 5% of the documents (named under each table); the figure is `performance.now()` when
  the first result link is added to the page, so it includes loading the page, the scripts and the
  index. Ours is our real `/search/` page, which draws every result; the others are bare pages in
  `bench/harness/` that draw 10 (pelican-lunr) or 5 (Pagefind) results. Cold runs alternate between
  variants. *First-search download*: everything fetched in that cold run except the HTML, styles and
  images (ours includes `init.js` and `search-ui.js`, which every page loads anyway). *Warm keystroke
  latency*: on a loaded page, 30 queries typed a letter at a time, every prefix searched through the
  variant's own API (our `createSearchEngine(...).search`, `lunr.Index.search`, `pagefind.search` plus
  the first result's data); drawing the results is not included. *Article page*: the first article,
  loaded until the network is idle, before any search; render-blocking scripts are classic scripts
  with a `src` and neither `async` nor `defer`.
- **Noise**: the machine may run other work; the load averages above show how busy it was. Re-run with
  `invoke bench` to check a figure.
"""


def render_report(
    results: Sequence[SizeResult], machine: MachineInfo, command: str, runs: int, cold_runs: int, loads: tuple[str, str]
) -> str:
    """The whole report as Markdown text."""
    lines = [
        "# Benchmark results",
        "",
        "Written by `python -m bench` (`invoke bench`); re-run it rather than editing this file. Issue #8 asks for "
        "these figures: our hub against plain Pelican, pelican-lunr and Pagefind, on a synthetic corpus of "
        "three sizes.",
        "",
    ]
    lines += machine_section(machine, command, loads)
    lines += targets_section(check_targets(results))
    for result in results:
        lines += size_section(result, runs, cold_runs)
    lines += rebuild_section(results)
    lines += scaling_section(results)
    lines.append(METHOD)
    return "\n".join(lines)


def write_report(path: Path, text: str) -> Path:
    """Write the report, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
