"""Writes the benchmark's Markdown report (bench/RESULTS.md): machine, targets, a table per size.

Every figure comes from one run of ``python -m bench``, so ratios compare like with like.
KB means 1,024 bytes; "compressed" is gzip level 6, or the file as stored when that is smaller.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .browser import THROTTLE_LABEL
from .chart import line_chart_svg
from .machine import MachineInfo
from .suite import VARIANTS, SizeResult, VariantResult
from .targets import TargetCheck, check_targets

CHART_NAME = "first-search.svg"
CHART_TITLE = "First-search download (compressed) against documents"
README_START = "<!-- bench:headline:start -->"
README_END = "<!-- bench:headline:end -->"

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
        (
            f"Cold first result, throttled ({THROTTLE_LABEL}), median of {cold_runs}",
            lambda r: _ms(r.browser.cold_throttled_ms),
            lambda r: r.browser.cold_throttled_ms,
            "pagefind",
        ),
        ("Warm keystroke search p50 / p95", lambda r: _warm(r), lambda r: r.browser.warm_p95_ms, "pagefind"),
        ("New query (fetches index parts) p50 / p95", lambda r: _new(r), lambda r: r.browser.new_p95_ms, "pagefind"),
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


def _new(result: VariantResult) -> str | None:
    figures = result.browser
    if figures.new_p50_ms is None:
        return None
    return f"{figures.new_p50_ms:.1f} / {figures.new_p95_ms:.1f} ms ({figures.new_samples} queries)"


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
    "Our index holds every word of every item, split by term: a small manifest (the shard map, each "
    "document's type and themes for the theme counts, the spelling folds, the related-word groups), shards of "
    "about 48 KB of JSON holding the postings of a range of sorted terms with lunr's weights, one small file per "
    "related-word group (its words' postings outside the body, at most 200 items a word, so the file stays the "
    "same size as the site grows), a front-coded term list fetched only when a "
    "search allows typos, and display chunks of 8 documents. A first search fetches the manifest, the shard(s) "
    "of its words and their groups' files, then the chunks of the first 5 results it draws and after them those "
    "of the other 15, so its download grows only with the manifest (about 1.7 bytes compressed per document, "
    "for the theme counts). A site whose whole index compresses under 80 KB gets one file "
    "(`HUB_SEARCH_SINGLE_FILE_MAX_BYTES`), from which the page takes the groups' postings itself. "
    "pelican-lunr's single script grows with every word. Pagefind splits its index into chunks by word and "
    "its results into one fragment per page."
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
    documents = _documents(result)
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
    if not rows:
        return []
    chart = f"![First-search download against documents]({CHART_NAME})" if scaling_chart(results) else ""
    return ["## How the index scales", "", SCALING_INTRO, "", chart, "", *table(SCALING_HEADER, rows), ""]


def _documents(result: SizeResult) -> int:
    return result.size.articles + result.size.tips + 2  # the two standing pages


def scaling_chart(results: Sequence[SizeResult]) -> str:
    """The SVG chart of first-search download (KB, compressed) against documents, per variant."""
    series: dict[str, list[tuple[int, float]]] = {}
    for variant in ("hub", "pagefind", "pelican-lunr"):
        for result in results:
            found = result.variants.get(variant)
            first = found.browser.first_search if found and found.browser else None
            if first is not None:
                series.setdefault(variant, []).append((_documents(result), first.compressed / 1024))
    return line_chart_svg(series, CHART_TITLE)


def headline_table(results: Sequence[SizeResult]) -> str:
    """The README's table: the figures a reader of the README wants, one column per size."""
    header = [""] + [f"{r.size.name} ({_documents(r):,} docs)" for r in results]

    def pair(show: Callable[[VariantResult], str | None], other: str = "pagefind") -> Callable[[SizeResult], str]:
        def cell(result: SizeResult) -> str:
            ours, theirs = _cell(result.variants.get("hub"), show), _cell(result.variants.get(other), show)
            return f"{ours} vs {theirs}"

        return cell

    def build(result: SizeResult) -> str:
        hub, plain = result.variants.get("hub"), result.variants.get("plain")
        if not (hub and plain and hub.build and plain.build):
            return DASH
        return f"{hub.build.wall_s:.1f} s vs {plain.build.wall_s:.1f} s = {hub.build.wall_s / plain.build.wall_s:.2f}x"

    rows = [
        ("Build time, hub vs plain Pelican (target 1.25x)", build),
        ("First-search download, gzip: hub vs Pagefind", pair(lambda r: kb(r.browser.first_search.compressed))),
        ("Cold first result, loopback: hub vs Pagefind", pair(lambda r: _ms(r.browser.cold_ms))),
        ("Cold first result, throttled: hub vs Pagefind", pair(lambda r: _ms(r.browser.cold_throttled_ms))),
        ("Warm keystroke p95: hub vs Pagefind", pair(lambda r: _ms(r.browser.warm_p95_ms))),
        ("New query p95 (fetches index parts): hub vs Pagefind", pair(lambda r: _ms(r.browser.new_p95_ms))),
        (
            "Largest search file, gzip: hub",
            lambda r: _cell(r.variants.get("hub"), lambda v: kb(v.search.largest_compressed)),
        ),
    ]
    lines = table(header, [(label, *(cell(result) for result in results)) for label, cell in rows])
    return "\n".join(lines)


def _largest_kb(result: VariantResult) -> str:
    return kb(result.search.largest_compressed)


def update_readme(path: Path, results: Sequence[SizeResult]) -> bool:
    """Replace the headline table between the README's markers; False when the markers are missing."""
    text = path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    before, rest = text.split(README_START, 1)
    _, after = rest.split(README_END, 1)
    path.write_text(f"{before}{README_START}\n{headline_table(results)}\n{README_END}{after}", encoding="utf-8")
    return True


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
  peak memory from `wait4`'s `ru_maxrss` for that process (Linux folds in the children it waited for, such
  as our index worker); the output folder is removed first.
- **Browser**: headless Chromium, each site served by `python -m http.server` in its own process.
  *Cold first result*: a fresh browser context opens the search page with `?q=` and a one-word query
  found in about 5% of the documents (named under each table); the figure is `performance.now()` when
  the first result link is added to the page, so it includes loading the page, the scripts and the
  index. Ours is our real `/search/` page, which draws its first 20 results; the others are bare pages in
  `bench/harness/` that draw 10 (pelican-lunr) or 5 (Pagefind) results. Cold runs alternate between
  variants. *Throttled*: the same cold search under Chromium's network emulation (DevTools protocol,
  `Network.emulateNetworkConditions`: 10 Mbit/s down, 5 Mbit/s up, 40 ms latency), hub and Pagefind.
  *First-search download*: everything fetched in the (loopback) cold run until the network is idle, except
  the HTML, styles and images (ours includes `init.js`, `search-ui.js` and the other search modules).
  *Warm keystroke latency*: on a loaded page, 30 queries typed a letter at a time, every prefix searched
  through the variant's own API with the first result's display data (our engine's `search` and
  `documents`, `lunr.Index.search`, `pagefind.search` plus the first result's `data()`); ours and
  Pagefind's search every prefix once untimed first, first result's display data included, so what each
  keystroke needs is loaded (our shards and display chunk, Pagefind's index chunks and fragment) and the
  figure is the search itself; fetching is what *New query* measures. Drawing the results is not
  included. *New query*: the 30 queries whole, with the HTTP cache off, three passes alternating
  between variants; ours with a fresh engine per query (only the manifest kept), so every query fetches
  its shards and its first result's chunk; Pagefind's one instance per pass keeps the chunks it loaded,
  as it does for a reader.
  *Article page*: the first article, loaded until the network is idle, before any search; render-blocking
  scripts are classic scripts with a `src` and neither `async` nor `defer`.
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
        "Written by `python -m bench` (`invoke bench`); re-run it rather than editing this file. Issues #8 and "
        "#13 ask for these figures: our hub against plain Pelican, pelican-lunr and Pagefind, on a synthetic "
        "corpus of up to 20,000 documents.",
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


def write_report(path: Path, text: str, results: Sequence[SizeResult] = ()) -> Path:
    """Write the report, creating its folder, and the scaling chart beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    chart = scaling_chart(results)
    if chart:
        (path.parent / CHART_NAME).write_text(chart, encoding="utf-8")
    return path
