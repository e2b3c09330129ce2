"""Published under a sub-path (a GitHub Pages project site): links, assets, search and the quiz all work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubtools.localserver import make_server
from hubtools.sitebuild import build_site
from tests.sitefacts import internal_references, resolve, soup

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=["pelicanconf.py", "publishconf.py"])
def subpath_site(request, tmp_path_factory):
    """The real site built for http://127.0.0.1:<port>/hub and served there."""
    import threading

    output = tmp_path_factory.mktemp("subpath") / "output"
    server = make_server(output, port=0, prefix="/hub/")
    siteurl = f"http://127.0.0.1:{server.server_address[1]}/hub"
    build_site(ROOT / request.param, output, {"SITEURL": siteurl, "FEED_DOMAIN": siteurl})
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield output, siteurl
    server.shutdown()


def test_every_internal_link_fragment_and_asset_resolves(subpath_site):
    output, siteurl = subpath_site
    references = internal_references(output, siteurl)
    assert len(references) > 1000
    missing = [f"{file.name}: {path}" for file, path, fragment in references if not resolve(output, path).is_file()]
    missing += [
        f"{file.name}: {path}#{fragment}"
        for file, path, fragment in references
        if fragment and resolve(output, path).suffix == ".html" and not soup(resolve(output, path)).find(id=fragment)
    ]
    assert missing == []


def test_search_and_quiz_work_under_the_sub_path(subpath_site, chromium):
    _, siteurl = subpath_site
    context = chromium.new_context()
    page = context.new_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text))
    page.on("response", lambda response: problems.append(response.url) if response.status >= 400 else None)
    page.goto(siteurl + "/search/?q=phone")
    page.wait_for_selector("#search-results li a")
    href = page.locator("#search-results li a").first.get_attribute("href")
    assert href.startswith(siteurl + "/tips/")
    page.locator("#search-results li a").first.click()
    page.wait_for_url(href)
    page.goto(siteurl + "/quiz/")
    page.wait_for_selector(".quiz-option input")
    for _ in range(len(json.loads(page.locator(".js-quiz-data").text_content())["questions"])):
        page.locator(".quiz-option input").first.check()
        page.click(".quiz .js-next")
    page.wait_for_selector(".plan-list a")
    assert all(
        a.startswith(siteurl + "/tips/") for a in page.locator(".plan-list a").evaluate_all("l => l.map(a => a.href)")
    )
    context.close()
    assert problems == []
