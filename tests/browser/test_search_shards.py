"""The search page over a sharded index draws what it draws over the one-file index.

The real site is small enough for one index file; this builds it again with the index split
into shards (HUB_SEARCH_SINGLE_FILE_MAX_BYTES = 0), as a large site is, and compares.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from hubtools.localserver import serve_in_background
from hubtools.sitebuild import build_site
from tests.paths import ROOT

pytestmark = pytest.mark.browser

QUERIES = ["phone", "repair", "apologize", "gratitute", "phone&theme=stress&theme=repair", "he hits me", "money"]


@pytest.fixture(scope="module")
def sharded_url(tmp_path_factory):
    output = tmp_path_factory.mktemp("sharded") / "output"
    server, siteurl = serve_in_background(output)
    build_site(ROOT / "pelicanconf.py", output, {"SITEURL": siteurl, "HUB_SEARCH_SINGLE_FILE_MAX_BYTES": 0})
    yield siteurl
    server.shutdown()


def drawn(chromium, base, query):
    """The paths of the results drawn for a query, once the whole first page is there, and the files fetched."""
    context = chromium.new_context()
    page = context.new_page()
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(f"{base}/search/?q={query}")
    page.wait_for_selector("#search-results li a")
    # The first results are drawn before the rest of the page; the list is busy until it is whole.
    page.wait_for_selector("#search-results:not([aria-busy]) li a")
    paths = page.locator("#search-results li a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    status = page.locator(".search-page .js-search-status").text_content()
    context.close()
    return paths, status, fetched


@pytest.mark.parametrize("query", QUERIES)
def test_sharded_and_one_file_searches_draw_the_same(chromium, site_url, sharded_url, query):
    one_file, one_status, one_fetched = drawn(chromium, site_url, query)
    sharded, sharded_status, sharded_fetched = drawn(chromium, sharded_url, query)
    assert sharded == one_file and one_file
    assert sharded_status == one_status
    search_files = lambda paths: sorted({p.rsplit("/", 1)[1] for p in paths if "/search/" in p and p.endswith(".json")})  # noqa: E731
    assert search_files(one_fetched) == ["index.json"]
    assert any(name.startswith("s") for name in search_files(sharded_fetched))
    assert any(name.startswith("d") for name in search_files(sharded_fetched))
