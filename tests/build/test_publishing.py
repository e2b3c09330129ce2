"""The production build: feeds, sitemap, robots, JSON-LD, manifest, hashed and minified assets, headers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from hubtools.sitebuild import build_site
from tests.paths import ROOT
from tests.sitefacts import html_files, internal_references, page, resolve

SITEURL = "https://example.org/hub"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("published") / "output"
    build_site(ROOT / "publishconf.py", output, {"SITEURL": SITEURL, "FEED_DOMAIN": SITEURL})
    return output


def test_the_article_feed_lists_every_article_and_no_tip(published):
    feed = feedparser.parse((published / "feeds/articles.atom.xml").read_bytes())
    assert not feed.bozo
    links = {entry.link for entry in feed.entries}
    assert links == {f"{SITEURL}/articles/{p.stem}/" for p in (ROOT / "content/articles").glob("*.md")}


def test_the_tips_feed_lists_every_tip(published):
    feed = feedparser.parse((published / "feeds/tips.atom.xml").read_bytes())
    assert not feed.bozo
    links = {entry.link for entry in feed.entries}
    assert links == {f"{SITEURL}/tips/{p.stem}/" for p in (ROOT / "content/tips").glob("*.md")}
    assert all(entry.summary for entry in feed.entries)


def test_every_page_links_both_feeds(published):
    head = page(published, "").head
    feeds = [link["href"] for link in head.find_all("link", rel="alternate")]
    assert feeds == [f"{SITEURL}/feeds/articles.atom.xml", f"{SITEURL}/feeds/tips.atom.xml"]


def test_the_sitemap_lists_every_page_and_nothing_else(published):
    text = (published / "sitemap.xml").read_text()
    urls = re.findall(r"<loc>([^<]+)</loc>", text)
    assert len(urls) == len(set(urls))
    expected = set()
    for file in html_files(published):
        relative = file.relative_to(published).as_posix()
        if relative != "404.html":
            expected.add(f"{SITEURL}/{relative.removesuffix('index.html')}")
    assert set(urls) == expected
    for url in urls:
        assert resolve(published, urlsplit(url).path.removeprefix("/hub")).is_file()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in (published / "robots.txt").read_text()


def test_articles_carry_json_ld(published):
    doc = page(published, "articles/making-time/")
    data = json.loads(doc.find("script", type="application/ld+json").string)
    assert data["@type"] == "Article"
    assert data["headline"] == doc.h1.get_text(strip=True)
    assert data["url"] == f"{SITEURL}/articles/making-time/"


def test_the_manifest_and_favicon_are_linked_and_exist(published):
    head = page(published, "tips/").head
    manifest_url = head.find("link", rel="manifest")["href"]
    assert manifest_url == f"{SITEURL}/manifest.webmanifest"
    manifest = json.loads((published / "manifest.webmanifest").read_text())
    assert (published / manifest["icons"][0]["src"]).is_file()
    assert head.find("link", rel="icon")


def test_css_and_js_have_content_hashed_names_and_pages_use_them(published):
    assets = [p for p in (published / "theme").rglob("*") if p.suffix in (".css", ".js")]
    assert assets
    for asset in assets:
        assert re.search(r"\.[0-9a-f]{10}\.(css|js)$", asset.name), asset.name
    for file, path, _ in internal_references(published, SITEURL):
        assert resolve(published, path).is_file(), f"{file}: {path}"


def test_pages_css_and_js_are_minified(published):
    html = (published / "index.html").read_text()
    assert "\n  <" not in html
    css = next((published / "theme/css").glob("site.*.css")).read_text()
    assert "\n" not in css.strip()


def test_host_headers_file_sets_csp_and_security_headers(published):
    headers = (published / "_headers").read_text()
    for header in (
        "Content-Security-Policy: default-src 'self'",
        "Referrer-Policy:",
        "X-Content-Type-Options: nosniff",
        "Permissions-Policy:",
    ):
        assert header in headers
    assert "unsafe-inline" not in headers and "unsafe-eval" not in headers
    assert "/theme/js/*\n  Cache-Control: public, max-age=31536000, immutable" in headers


def test_a_published_site_has_no_trace_of_live_reload(published, built_site):
    for site in (published, built_site):
        files = [path for path in site.rglob("*") if path.is_file()]
        assert files
        assert not [path for path in files if b"__livereload" in path.read_bytes()]
