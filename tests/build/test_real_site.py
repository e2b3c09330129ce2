"""Build tests on the real content: every page exists, links resolve, every page is complete."""

from __future__ import annotations

import re

import pytest

from tests.searchref import built_search, run_driver
from tests.sitefacts import REQUIRED_THEME_SLUGS, html_files, internal_references, page, resolve, soup

FIXED_URLS = ["", "tips/", "themes/", "articles/", "search/", "quiz/", "safety/", "about/"]
THEME_SLUGS = list(REQUIRED_THEME_SLUGS)


@pytest.mark.parametrize("url", FIXED_URLS + [f"themes/{slug}/" for slug in THEME_SLUGS])
def test_every_fixed_url_is_a_folder_with_an_index(built_site, url):
    assert resolve(built_site, url).is_file()


def test_every_tip_and_article_has_its_own_folder(built_site, project_root):
    for source in (project_root / "content" / "tips").glob("*.md"):
        assert (built_site / "tips" / source.stem / "index.html").is_file(), source.name
    for source in (project_root / "content" / "articles").glob("*.md"):
        assert (built_site / "articles" / source.stem / "index.html").is_file(), source.name


def test_every_internal_link_and_asset_resolves(built_site):
    missing = []
    for file, path, fragment in internal_references(built_site):
        target = resolve(built_site, path)
        if not target.is_file():
            missing.append(f"{file.relative_to(built_site)} -> {path}")
        elif fragment and target.suffix == ".html" and not soup(target).find(id=fragment):
            missing.append(f"{file.relative_to(built_site)} -> {path}#{fragment}")
    assert missing == []


def test_every_page_has_lang_one_h1_title_description_canonical_and_og(built_site):
    for file in html_files(built_site):
        doc = soup(file)
        name = file.relative_to(built_site)
        assert doc.html.get("lang") == "en", name
        assert len(doc.find_all("h1")) == 1, name
        assert doc.title and doc.title.string.strip(), name
        description = doc.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), name
        assert doc.find("link", rel="canonical"), name
        for prop in ("og:title", "og:description", "og:url", "og:type"):
            tag = doc.find("meta", property=prop)
            assert tag and tag["content"].strip(), f"{name}: {prop}"


def test_every_page_links_to_the_safety_page_in_its_footer(built_site):
    for file in html_files(built_site):
        footer = soup(file).find("footer", class_="site-footer")
        assert footer.find("a", href="/safety/"), file.relative_to(built_site)


# Pages with their own search box near the top, where a second one in the header would repeat it.
OWN_SEARCH_BOX = {"index.html": "home-search-q", "search/index.html": "search-q"}


def test_every_page_has_a_skip_link_landmarks_and_one_search_form(built_site):
    for file in html_files(built_site):
        doc = soup(file)
        assert doc.find("a", class_="skip-link")["href"] == "#main"
        assert doc.find("main", id="main") and doc.find("header") and doc.find("nav")
        own = OWN_SEARCH_BOX.get(file.relative_to(built_site).as_posix())
        forms = doc.find_all("form", role="search")
        assert len(forms) == 1, file
        assert forms[0]["action"] == "/search/" and forms[0]["method"] == "get"
        assert forms[0].find("label", attrs={"for": own or "site-search-q"}), file


def test_no_inline_scripts_styles_or_event_handlers(built_site):
    for file in html_files(built_site):
        doc = soup(file)
        for script in doc.find_all("script"):
            assert script.get("src") or script.get("type") in ("application/json", "application/ld+json"), file
        assert not doc.find_all("style"), file
        for tag in doc.find_all(True):
            assert not [a for a in tag.attrs if a.startswith("on")], f"{file}: {tag.name}"
            assert "style" not in tag.attrs, f"{file}: {tag.name} has a style attribute"


def test_article_pages_carry_one_article_tag_per_theme_and_related_tips(built_site, project_root):
    source = (project_root / "content/articles/rupture-and-repair.md").read_text()
    themes = [t.strip() for t in re.search(r"^Themes:(.*)$", source, re.M).group(1).split(",")]
    doc = page(built_site, "articles/rupture-and-repair/")
    assert [m["content"] for m in doc.find_all("meta", property="article:tag")] == themes
    assert doc.find("meta", property="og:type")["content"] == "article"
    assert len(doc.select(".related .tip-card")) == 3
    sources = doc.select_one(".sources")
    assert sources.h2.get_text(strip=True) == "Sources"
    assert sources.select("li a") and all(a["href"].startswith(("https://", "http://")) for a in sources.select("li a"))
    assert sources.select_one(".reviewed time")["datetime"]


def test_tip_pages_show_everything_a_card_needs(built_site):
    doc = page(built_site, "tips/reach-out-first/")
    assert doc.h1.get_text(strip=True)
    assert doc.select_one(".lede").get_text(strip=True)
    assert doc.select(".page-header .chips a[href^='/themes/']")
    assert doc.select_one(".sources")
    assert len(doc.select(".related .tip-card")) == 3
    assert doc.select_one(".back-link a")["href"] == "/tips/"
    assert doc.find_all("meta", property="article:tag")


def test_each_theme_page_lists_exactly_the_tips_tagged_with_it(built_site, project_root):
    tagged: dict[str, set[str]] = {slug: set() for slug in THEME_SLUGS}
    for source in (project_root / "content" / "tips").glob("*.md"):
        line = re.search(r"^Themes:(.*)$", source.read_text(), re.M).group(1)
        for slug in line.split(","):
            tagged[slug.strip()].add(f"/tips/{source.stem}/")
    for slug, expected in tagged.items():
        later = sorted((built_site / "themes" / slug / "page").glob("*/index.html"))
        paths = [f"themes/{slug}/"] + [p.parent.relative_to(built_site).as_posix() + "/" for p in later]
        listed = []
        for path in paths:
            doc = page(built_site, path)
            listed += [a["href"] for a in doc.select("section[aria-labelledby='theme-tips'] .card__title a")]
        assert sorted(listed) == sorted(expected), slug


def test_tip_index_groups_every_tip_once_under_its_main_theme(built_site, project_root):
    doc = page(built_site, "tips/")
    cards = [a["href"] for a in doc.select(".tip-group .card__title a")]
    assert sorted(cards) == sorted(f"/tips/{p.stem}/" for p in (project_root / "content/tips").glob("*.md"))
    filters = [a["href"] for a in doc.select(".theme-filter a")]
    assert filters == [f"/themes/{slug}/" for slug in THEME_SLUGS]


def test_tips_stay_out_of_the_article_list_and_home_article_list(built_site):
    articles = page(built_site, "articles/")
    assert not articles.select("a[href^='/tips/'].card__title")
    assert all(a["href"].startswith("/articles/") for a in articles.select(".card__title a"))
    home = page(built_site, "")
    assert all(
        a["href"].startswith("/articles/")
        for a in home.select("section[aria-labelledby='articles-title'] .card__title a")
    )


def test_search_files_are_in_a_hashed_folder_and_every_page_names_the_manifest(built_site):
    folder, _, _ = built_search(built_site)
    assert re.fullmatch(r"[0-9a-f]{10}", folder.name)
    form = page(built_site, "about/").find("form", class_="site-search")
    assert form["data-search-index"] == f"/search/{folder.name}/index.json"


def test_search_documents_hold_tips_articles_and_pages(built_site, project_root):
    docs = built_search(built_site)[2]
    urls = {d["url"] for d in docs}
    assert "/safety/" in urls and "/about/" in urls
    assert {d["type"] for d in docs} == {"tip", "article", "page"}
    assert len([d for d in docs if d["type"] == "tip"]) == len(list((project_root / "content/tips").glob("*.md")))


@pytest.mark.parametrize(
    ("query", "expected_url"),
    [
        ("repair", "/articles/rupture-and-repair/"),
        ("therapy", "/tips/raise-therapy-as-growth/"),
        ("safe", "/safety/"),
        ("phone", "/tips/phone-free-hour/"),
    ],
)
def test_the_engine_ranks_known_items_first(built_site, query, expected_url):
    folder, _, _ = built_search(built_site)
    (found,) = run_driver(folder, [[query, []]])
    assert found["results"][0]["url"] == expected_url


def test_every_word_of_an_article_body_is_searchable(built_site):
    """A word deep in an article body finds it (the old index kept 32 words per body)."""
    folder, _, _ = built_search(built_site)
    (found,) = run_driver(folder, [["phrase", []]])  # once, near the end of the article
    assert "/articles/rupture-and-repair/" in [r["url"] for r in found["results"]]


def test_lunr_js_2_3_9_and_its_licence_are_copied_into_the_output(built_site):
    assert 'version="2.3.9"' in (built_site / "theme/vendor/lunr/lunr.min.js").read_text()
    assert "Oliver Nightingale" in (built_site / "theme/vendor/lunr/LICENSE").read_text()


def test_search_widgets_read_their_sentences_from_the_page(built_site):
    """No sentence lives in search-ui.js: the header box and the search page carry them."""
    for path in ("", "search/"):
        for texts in page(built_site, path).select(".js-search-texts"):
            assert texts.has_attr("hidden")
            assert "{count}" in texts["data-many"] and "{query}" in texts["data-about"]
            assert texts["data-type-tip"] and texts["data-error"]
    assert len(page(built_site, "search/").select(".js-search-texts")) == 2  # header box and page
