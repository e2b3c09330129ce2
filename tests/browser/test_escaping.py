"""Markup in any content field shows as text everywhere: pages, feeds, the search index and results, the quiz."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import feedparser
import pytest

from hubtools.localserver import make_server
from tests.build.fixture_build import build_fixture
from tests.searchref import built_search
from tests.sitefacts import html_files, soup

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

TITLE = 'Say <script>window.__xss=1</script> "hi" \\ there'
SUMMARY = 'A summary "><img src=x onerror=window.__xss=2> with markup.'
THEME_NAME = "Repair <b onmouseover=window.__xss=3>bold</b>"
QUESTION = "Is <img src=x onerror=window.__xss=4> shown as text?"
CREDIT = 'Second <img src=x onerror=window.__xss=5> "Expert"'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The fixture site with markup in a tip title, summary and source credit, a theme name and a quiz question."""
    site = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(ROOT / "tests/fixtures/site", site)
    content = site / "content"
    tip = content / "tips/reach-out-first.md"
    text = tip.read_text().replace("Title: Reach out first after a fight", f"Title: {TITLE}")
    text = text.replace("[Second Expert, Other Outlet]", f"[{CREDIT}]")
    tip.write_text(text.replace("Summary: Make the first small move back towards each other.", f"Summary: {SUMMARY}"))
    themes = content / "themes.yml"
    themes.write_text(themes.read_text().replace("name: Repair after a fight", f"name: '{THEME_NAME}'"))
    quiz = content / "quiz/where-are-we-stuck.yml"
    quiz.write_text(quiz.read_text().replace("text: Fixture question 1?", f"text: '{QUESTION}'"))
    output = site / "output"
    server = make_server(output, port=0)
    siteurl = f"http://127.0.0.1:{server.server_address[1]}"
    build_fixture(
        site,
        output,
        SITEURL=siteurl,
        FEED_DOMAIN=siteurl,
        FEED_ALL_ATOM="feeds/articles.atom.xml",
        HUB_TIPS_FEED_ATOM="feeds/tips.atom.xml",
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield output, siteurl
    server.shutdown()


def test_pages_show_the_markup_as_text(hostile_site):
    output, _ = hostile_site
    seen = {"title": 0, "summary": 0, "theme": 0, "question": 0, "credit": 0}
    for file in html_files(output):
        doc = soup(file)
        assert not doc.find("img", src="x"), file
        assert not doc.find(attrs={"onmouseover": True}), file
        assert not [
            s for s in doc.find_all("script") if "__xss" in (s.string or "") and s.get("type") != "application/json"
        ], file
        text = doc.get_text()
        seen["title"] += TITLE in text
        seen["summary"] += SUMMARY in text
        seen["theme"] += THEME_NAME in text
        seen["question"] += QUESTION in text
        seen["credit"] += CREDIT in text
    assert all(seen.values()), seen


def test_feeds_keep_the_title_as_text(hostile_site):
    output, _ = hostile_site
    feed = feedparser.parse((output / "feeds/tips.atom.xml").read_bytes())
    assert TITLE in [entry.title for entry in feed.entries]


def test_the_search_store_keeps_titles_intact(hostile_site):
    output, _ = hostile_site
    _, manifest, docs = built_search(output)
    assert TITLE in [doc["title"] for doc in docs]
    assert THEME_NAME in manifest["themes"].values()


def test_search_results_and_quiz_show_markup_as_text_and_run_nothing(hostile_site, chromium):
    _, siteurl = hostile_site
    context = chromium.new_context()
    page = context.new_page()
    page.goto(siteurl + "/search/?q=summary")
    page.wait_for_selector("#search-results li")
    result = page.locator("#search-results li").first
    assert TITLE in result.locator(".search-result__title").inner_text()
    assert "Repair <b" in result.locator(".search-result__meta").inner_text()
    page.goto(siteurl + "/quiz/")
    page.wait_for_selector("#quiz-question-title")
    assert page.locator("#quiz-question-title").inner_text() == QUESTION
    page.goto(siteurl + "/tips/")
    page.hover("text=bold")
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img").count() == 0
    context.close()
