"""Search and page weight in headless Chromium, measured the same way for every variant.

* Cold first result: a fresh browser context (empty cache) opens the variant's search page
  with ``?q=``; the time is ``performance.now()`` when the first result link enters the DOM,
  so it covers fetching the page, the scripts and the index, loading them and the query.
* First-search download: every file fetched before that moment except the HTML page, its
  styles and images, sized from the built files: raw, and compressed as a static host would
  serve it (gzip level 6, or the file as it is when gzip does not make it smaller: Pagefind's
  files are already compressed).
* Warm latency: once loaded, each query is "typed" a letter at a time and every prefix is
  searched through the variant's own JavaScript API, timed with ``performance.now()``.
* Article page weight: one article page loaded until the network is idle, before any search.
"""

from __future__ import annotations

import json
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from . import BENCH_DIR, PROJECT_ROOT
from .bytesize import FileBytes, wire_size

HARNESS = BENCH_DIR / "harness"
LUNR_JS = PROJECT_ROOT / "node_modules" / "lunr" / "lunr.min.js"
TIMEOUT_MS = 60_000
# Thirty searches a reader might type; every word occurs in bench/wordlist.txt.
QUERIES = (
    "phone",
    "repair",
    "listen",
    "stress at work",
    "weekly check",
    "date night",
    "therapy",
    "appreciation",
    "argue",
    "money",
    "chores",
    "touch",
    "new hobby",
    "say sorry",
    "walk together",
    "kids",
    "family",
    "quiet evening",
    "feel lonely",
    "thank you",
    "plan a trip",
    "calm down",
    "bedroom",
    "counselling",
    "screens",
    "help",
    "laugh",
    "trust",
    "own your part",
    "bids",
)
# The 30 new queries are timed this many times, passes alternating between variants: the p95 of
# one pass is its second-slowest query, which one stall of the machine decides.
NEW_QUERY_PASSES = 3
# What the page itself loads, whether or not anyone searches: not counted as search download.
PAGE_RESOURCES = {"document", "stylesheet", "image", "font", "media", "manifest"}


@dataclass(frozen=True)
class SearchPage:
    """How a variant searches: its page (``?q=`` appended), its result links, its warm-up API."""

    path: str
    result_selector: str
    warm_script: str
    new_query_script: str | None = None


# The page has already searched once, so its modules are loaded; they are found by name,
# hashed (production build) or not, and imported again to reach the engine itself.
HUB_SETUP = """
  const loaded = (stem) => performance.getEntriesByType('resource').map((entry) => entry.name)
    .find((name) => new RegExp(`/${stem}(\\.[0-9a-f]+)?\\.js$`).test(name))
  const { createSearchEngine } = await import(loaded('search-engine'))
  const { loadLunr } = await import(loaded('lunr-loader'))
  const root = document.querySelector('[data-search-page]')
  const base = new URL(root.dataset.searchIndex, window.location.href)
  const json = (url) => fetch(url).then((response) => response.json())
  const load = (name) => json(new URL(name, base))
  const [lunr, manifest] = await Promise.all([loadLunr(), json(base)])
  const timed = async (engine, query) => {
    const t = performance.now()
    const { results } = await engine.search(query)
    if (results.length) await engine.documents([results.slice(0, 1)[0].ref])
    return performance.now() - t
  }
"""
# Warm: every keystroke is searched once untimed, with its first result's display data, then
# timed: the shards and the display chunk a keystroke needs are in memory, so the figure is the
# search itself. Fetching them is what the new-query figure measures.
HUB_WARM = (
    "async (queries) => {"
    + HUB_SETUP
    + """
  const engine = createSearchEngine(lunr, manifest, load)
  for (const query of queries) await timed(engine, query)
  const times = []
  for (const query of queries) times.push(await timed(engine, query))
  return times
}"""
)
# New query: a fresh engine for each query (nothing cached but the manifest, and the HTTP
# cache is off), so each search fetches its shards and the first result's chunk.
HUB_NEW = (
    "async (queries) => {"
    + HUB_SETUP
    + """
  const times = []
  for (const query of queries) times.push(await timed(createSearchEngine(lunr, manifest, load), query))
  return times
}"""
)
LUNR_WARM = """async (queries) => {
  window.benchSearch('the')
  return queries.map((query) => {
    const t = performance.now()
    window.benchSearch(query)
    return performance.now() - t
  })
}"""
PAGEFIND_TIMED = """
  const pagefind = await import('/pagefind/pagefind.js')
  const timed = async (query) => {
    const t = performance.now()
    const search = await pagefind.search(query)
    if (search.results.length) await search.results[0].data()
    return performance.now() - t
  }
"""
# Warm, as ours: every keystroke once untimed, so its index chunks and fragment are loaded.
PAGEFIND_WARM = (
    "async (queries) => {"
    + PAGEFIND_TIMED
    + """
  for (const query of queries) await timed(query)
  const times = []
  for (const query of queries) times.push(await timed(query))
  return times
}"""
)
# New query: Pagefind keeps the chunks it has loaded, as it does for a reader; the HTTP cache is off.
PAGEFIND_NEW = (
    "async (queries) => {"
    + PAGEFIND_TIMED
    + """
  await pagefind.search('the')
  const times = []
  for (const query of queries) times.push(await timed(query))
  return times
}"""
)
SEARCH_PAGES = {
    "hub": SearchPage("/search/?q=", "#search-results li a", HUB_WARM, HUB_NEW),
    "pelican-lunr": SearchPage("/bench-search/?q=", "#results li a", LUNR_WARM),
    "pagefind": SearchPage("/bench-search/?q=", "#results li a", PAGEFIND_WARM, PAGEFIND_NEW),
}
FIRST_RESULT_WATCH = """(() => {
  const selector = %s
  const observer = new MutationObserver(() => {
    if (window.__benchFirstResultAt === undefined && document.querySelector(selector)) {
      window.__benchFirstResultAt = performance.now()
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true })
})()"""


def file_for_url(site: Path, url: str) -> Path:
    """The built file behind a URL of the local server: ``/x/`` is ``x/index.html``."""
    path = unquote(urlsplit(url).path)
    if path.endswith("/"):
        path += "index.html"
    return site / path.lstrip("/")


def kind_of(path: Path) -> str:
    """document, css, js or other, by file name."""
    suffix = path.suffix.lower()
    return {".html": "document", ".css": "css", ".js": "js", ".mjs": "js"}.get(suffix, "other")


def install_search_page(variant: str, site: Path) -> None:
    """Add the benchmark's search page (and lunr.js) to a pelican-lunr or Pagefind site."""
    if variant not in ("pelican-lunr", "pagefind"):
        return
    target = site / "bench-search" / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HARNESS / f"{variant.replace('pelican-', '')}-search.html", target)
    if variant == "pelican-lunr":
        (site / "bench-vendor").mkdir(exist_ok=True)
        shutil.copyfile(LUNR_JS, site / "bench-vendor" / "lunr.min.js")


@dataclass(frozen=True)
class ColdSearch:
    """One cold search: ms to the first result, what was downloaded for it, and the related words' part."""

    first_result_ms: float
    download: FileBytes
    related_bytes: int = 0


# What related words (content/search-words.yml) add to the hub's index manifest, and to the
# part a one-file index carries inline (the groups' postings, or which items a phrase's words count for).
RELATED_MANIFEST_KEYS = ("related", "relatedTargets", "relatedItems", "filler")
RELATED_INLINE_KEYS = ("related", "phrased")


def related_word_bytes(paths: list[Path]) -> int:
    """The compressed bytes a hub search downloaded for related words: group files and their manifest part.

    The manifest part is what gzip saves when the groups, and in a one-file index what the
    page needs to take the groups' postings from it, are taken out of it.
    """
    total = 0
    for path in paths:
        if path.parent.parent.name != "search" or not path.is_file():
            continue
        if path.name.startswith("r") and path.name[1:-5].isdigit() and path.suffix == ".json":
            total += wire_size(path.read_bytes())
        elif path.name == "index.json":
            data = path.read_bytes()
            manifest = json.loads(data)
            bare = {key: value for key, value in manifest.items() if key not in RELATED_MANIFEST_KEYS}
            if "inline" in bare:  # one file: what the groups' postings need travels in it
                bare["inline"] = {key: value for key, value in bare["inline"].items() if key not in RELATED_INLINE_KEYS}
            without = json.dumps(bare, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
            total += max(0, wire_size(data) - wire_size(without))
    return total


# A phone on a busy network: Chromium's network emulation (DevTools protocol), applied to
# every request of the page, from the first byte of the HTML.
THROTTLE = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8, "uploadThroughput": 5_000_000 / 8}
THROTTLE_LABEL = "10 Mbit/s down, 5 Mbit/s up, 40 ms latency"


def cold_search(
    browser, base_url: str, site: Path, page_spec: SearchPage, query: str, throttle: bool = False
) -> ColdSearch:
    """Open the search page in a fresh context with ``?q=query``; time the first result."""
    context = browser.new_context()
    finished = []  # the context sees requests from workers too (Pagefind searches in one)
    context.on("requestfinished", lambda request: finished.append(request))
    try:
        context.add_init_script(FIRST_RESULT_WATCH % _js_string(page_spec.result_selector))
        page = context.new_page()
        if throttle:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", THROTTLE)
        url = base_url + page_spec.path + quote(query)
        # The figure is the first result's time; waiting for "load" as well only adds a way to
        # time out on a busy machine.
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        try:
            page.wait_for_function("() => window.__benchFirstResultAt !== undefined", timeout=TIMEOUT_MS)
        except PlaywrightTimeout as error:
            raise RuntimeError(f"{url} showed no result within {TIMEOUT_MS / 1000:.0f} s") from error
        elapsed = page.evaluate("window.__benchFirstResultAt")
        page.wait_for_load_state("networkidle")  # let every request event reach this process
    finally:
        context.close()
    searched = [file_for_url(site, request.url) for request in finished if request.resource_type not in PAGE_RESOURCES]
    return ColdSearch(elapsed, FileBytes.of(searched), related_word_bytes(searched))


def _js_string(text: str) -> str:
    """A JavaScript string literal."""
    return json.dumps(text)


def keystrokes(queries: tuple[str, ...] = QUERIES) -> list[str]:
    """Every prefix a reader types on the way to each query, one per keystroke."""
    return [query[:end] for query in queries for end in range(1, len(query) + 1) if not query[:end].endswith(" ")]


def warm_latencies(browser, base_url: str, page_spec: SearchPage, query: str) -> list[float]:
    """Milliseconds per keystroke search, after the search has loaded once."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + page_spec.path + quote(query))
        page.wait_for_selector(page_spec.result_selector, timeout=TIMEOUT_MS)
        return page.evaluate(page_spec.warm_script, keystrokes())
    finally:
        context.close()


def new_query_latencies(browser, base_url: str, page_spec: SearchPage, query: str) -> list[float]:
    """Milliseconds per whole new query (each of QUERIES) that must fetch index parts, cache off."""
    if page_spec.new_query_script is None:
        return []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + page_spec.path + quote(query))
        page.wait_for_selector(page_spec.result_selector, timeout=TIMEOUT_MS)
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        return page.evaluate(page_spec.new_query_script, list(QUERIES))
    finally:
        context.close()


@dataclass(frozen=True)
class PageWeight:
    """What an article page downloads before any search, compressed, and its blocking scripts."""

    html: int
    css: int
    js: int
    other: int
    blocking_scripts: int

    @property
    def total(self) -> int:
        """HTML, CSS and JavaScript together: the figure the 25 KB target is about."""
        return self.html + self.css + self.js


BLOCKING_SCRIPTS = "document.querySelectorAll('script[src]:not([async]):not([defer]):not([type=module])').length"


def article_weight(browser, base_url: str, site: Path, path: str) -> PageWeight:
    """Load one article page until the network is idle; sum what it fetched, by kind."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
        fetched = page.evaluate("performance.getEntriesByType('resource').map((entry) => entry.name)")
        blocking = page.evaluate(BLOCKING_SCRIPTS)
    finally:
        context.close()
    files = [file_for_url(site, base_url + path), *(file_for_url(site, url) for url in fetched)]
    by_kind = {
        kind: FileBytes.of([f for f in files if kind_of(f) == kind]).compressed
        for kind in ("document", "css", "js", "other")
    }
    return PageWeight(by_kind["document"], by_kind["css"], by_kind["js"], by_kind["other"], blocking)


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` (0..1) of the values fall (linear interpolation)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class BrowserFigures:
    """Everything measured in Chromium for one variant at one size (search figures None for plain)."""

    cold_ms: float | None
    first_search: FileBytes | None
    warm_p50_ms: float | None
    warm_p95_ms: float | None
    warm_samples: int
    article: PageWeight
    cold_throttled_ms: float | None = None
    new_p50_ms: float | None = None
    new_p95_ms: float | None = None
    new_samples: int = 0
    related_bytes: int | None = None


def measure_sites(
    browser, sites: dict[str, Path], article_path: str, query: str, cold_runs: int
) -> dict[str, BrowserFigures]:
    """Take every browser figure for each variant's site, cold runs interleaved across variants.

    Interleaving spreads any background load on the machine over all variants alike.
    """
    with ExitStack() as stack:
        urls = {}
        for variant, site in sites.items():
            install_search_page(variant, site)
            urls[variant] = stack.enter_context(serve_site(site))
        weights = {
            variant: article_weight(browser, urls[variant], site, article_path) for variant, site in sites.items()
        }
        searchable = [variant for variant in sites if variant in SEARCH_PAGES]
        # pelican-lunr fetches its whole index whatever the query: throttling it and timing
        # new queries would only repeat its cold figure.
        fetching = [variant for variant in searchable if SEARCH_PAGES[variant].new_query_script]
        colds: dict[str, list[ColdSearch]] = {variant: [] for variant in searchable}
        throttled: dict[str, list[ColdSearch]] = {variant: [] for variant in fetching}
        for _ in range(cold_runs):
            for variant in searchable:
                colds[variant] += _attempt(browser, urls[variant], sites[variant], SEARCH_PAGES[variant], query)
            for variant in fetching:
                throttled[variant] += _attempt(
                    browser, urls[variant], sites[variant], SEARCH_PAGES[variant], query, throttle=True
                )
        warm = {variant: warm_latencies(browser, urls[variant], SEARCH_PAGES[variant], query) for variant in searchable}
        new: dict[str, list[float]] = {variant: [] for variant in fetching}
        for _ in range(NEW_QUERY_PASSES):
            for variant in fetching:
                new[variant] += new_query_latencies(browser, urls[variant], SEARCH_PAGES[variant], query)
    return {
        variant: _figures(
            weights[variant], colds.get(variant), warm.get(variant), throttled.get(variant), new.get(variant)
        )
        for variant in sites
    }


def _attempt(*args, **options) -> list[ColdSearch]:
    """One cold search, tried twice: a busy machine can stall a page load. [] when both fail (printed)."""
    for attempt in (1, 2):
        try:
            return [cold_search(*args, **options)]
        except (PlaywrightTimeout, RuntimeError) as error:
            print(f"  a cold search failed (try {attempt} of 2): {str(error).splitlines()[0]}", flush=True)
    return []


def _figures(
    weight: PageWeight,
    colds: list[ColdSearch] | None,
    warm: list[float] | None,
    throttled: list[ColdSearch] | None = None,
    new: list[float] | None = None,
) -> BrowserFigures:
    """Medians and percentiles of one variant's raw browser measurements."""
    if not colds or not warm:
        return BrowserFigures(None, None, None, None, 0, weight)
    cold_ms = statistics.median(cold.first_result_ms for cold in colds)
    return BrowserFigures(
        cold_ms,
        colds[-1].download,
        percentile(warm, 0.5),
        percentile(warm, 0.95),
        len(warm),
        weight,
        statistics.median(cold.first_result_ms for cold in throttled) if throttled else None,
        percentile(new, 0.5) if new else None,
        percentile(new, 0.95) if new else None,
        len(new or []),
        colds[-1].related_bytes,
    )


@contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve a built site from a separate process (python -m http.server); yield its base URL.

    A server thread inside this process would share the GIL with Playwright's driver and
    add noise to every timing.
    """
    port = _free_port()
    argv = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_listening(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(port: int, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"the static server did not start on port {port}")


def launch_chromium(playwright):
    """Headless Chromium with the flags the browser tests use (system Chromium when present)."""
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    from tests.browsers import launch_options

    return playwright.chromium.launch(**launch_options())
