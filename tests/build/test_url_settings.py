"""Every URL setting is obeyed: move each page type and every internal link still resolves."""

from __future__ import annotations

from tests.build.fixture_build import build_fixture
from tests.sitefacts import internal_references, resolve

MOVED = {
    "HUB_TIPS_INDEX_SAVE_AS": "all-tips/index.html",
    "HUB_THEMES_INDEX_SAVE_AS": "topics/index.html",
    "HUB_QUIZ_SAVE_AS": "take-the-quiz/index.html",
    "SEARCH_SAVE_AS": "find/index.html",
    "ARCHIVES_SAVE_AS": "reading/index.html",
    "PAGE_URL": "p/{slug}/",
    "PAGE_SAVE_AS": "p/{slug}/index.html",
    "TIP_URL": "tip/{slug}/",
    "TIP_SAVE_AS": "tip/{slug}/index.html",
    "HUB_THEME_URL": "topic/{slug}/",
    "HUB_THEME_SAVE_AS": "topic/{slug}/index.html",
    "ARTICLE_URL": "read/{slug}/",
    "ARTICLE_SAVE_AS": "read/{slug}/index.html",
}


def test_moving_every_page_type_keeps_every_internal_link_working(fixture_site):
    output = build_fixture(fixture_site, **MOVED)
    for save_as in ("all-tips/", "topics/", "take-the-quiz/", "find/", "reading/", "p/safety/", "p/about/"):
        assert resolve(output, save_as).is_file(), save_as
    for old in ("tips/", "themes/", "quiz/", "search/", "safety/", "about/"):
        assert not resolve(output, old).exists(), f"{old} is still written"
    references = internal_references(output)
    assert len(references) > 100
    broken = sorted(
        {(str(page.relative_to(output)), path) for page, path, _ in references if not resolve(output, path).is_file()}
    )
    assert broken == []
    # The navigation points at the moved pages.
    home = (output / "index.html").read_text(encoding="utf-8")
    for moved in (
        'href="/all-tips/"',
        'href="/topics/"',
        'href="/take-the-quiz/"',
        'action="/find/"',
        'href="/p/safety/"',
    ):
        assert moved in home
