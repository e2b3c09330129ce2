"""Phone first: at 375 × 667 the things a reader came for are in the first screen (issue 17)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
WIDE = {"width": 1280, "height": 900}


def in_first_screen(locator, height=PHONE["height"]):
    """Whether an element is shown and wholly inside the first screen, before any scrolling."""
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def search_for(page, site_url, query):
    page.goto(f"{site_url}/search/?q={query}")
    page.wait_for_selector("#search-results li")


def test_on_a_phone_the_first_search_result_is_in_the_first_screen(open_page, site_url):
    page, watch = open_page(viewport=PHONE)
    search_for(page, site_url, "talk")
    first = page.locator("#search-results li").first
    assert in_first_screen(first.locator(".search-result__title"))
    assert first.locator(".search-result__title").inner_text()
    # The theme boxes are folded away behind one button.
    toggle = page.locator(".search-filters-toggle__summary")
    assert toggle.is_visible()
    assert not page.locator(".js-search-filters input[name=theme]").first.is_visible()
    watch.assert_clean()


def test_the_folded_filters_say_how_many_are_on(open_page, site_url):
    page, _ = open_page(viewport=PHONE)
    search_for(page, site_url, "talk")
    toggle = page.locator(".search-filters-toggle__summary")
    assert toggle.inner_text().strip() == "Filter by theme"
    toggle.click()
    boxes = page.locator(".js-search-filters input[name=theme]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    assert toggle.inner_text().strip() == "Filter by theme (2 on)"
    boxes.nth(0).uncheck()
    assert toggle.inner_text().strip() == "Filter by theme (1 on)"


def test_a_theme_from_the_address_is_counted_too(open_page, site_url):
    page, _ = open_page(viewport=PHONE)
    page.goto(f"{site_url}/search/?q=talk&theme=repair")
    page.wait_for_selector("#search-results li")
    page.wait_for_function("() => document.querySelector('.js-filter-count').textContent === '(1 on)'")


def test_on_a_wide_screen_the_theme_filters_stay_open(open_page, site_url):
    page, _ = open_page(viewport=WIDE)
    search_for(page, site_url, "talk")
    assert not page.locator(".search-filters-toggle__summary").is_visible()
    boxes = page.locator(".js-search-filters input[name=theme]")
    assert boxes.count() >= 9
    assert all(boxes.nth(n).is_visible() for n in range(boxes.count()))


def test_the_home_page_shows_one_search_box_in_the_first_screen(open_page, site_url):
    page, _ = open_page(viewport=PHONE)
    page.goto(site_url + "/")
    boxes = page.locator("input[type=search]")
    shown = [n for n in range(boxes.count()) if in_first_screen(boxes.nth(n))]
    assert len(shown) == 1
    assert page.locator("#site-search-q").count() == 0
    # The quiz is still the first thing to do, right under the search box.
    quiz = page.get_by_role("link", name=re.compile("Take the 2-minute quiz"))
    assert quiz.bounding_box()["y"] < PHONE["height"]


@pytest.mark.parametrize("path", ["/about/", "/tips/", "/themes/repair/", "/quiz/"])
def test_other_pages_keep_the_header_search(open_page, site_url, path):
    page, _ = open_page(viewport=PHONE)
    page.goto(site_url + path)
    assert page.locator("#site-search-q").is_visible()


def test_quiz_result_on_a_phone_opens_with_what_the_reader_said(open_page, site_url):
    page, watch = open_page(viewport=PHONE)
    page.goto(
        site_url + "/quiz/#talk=screens&time=cannot-remember&after-a-fight=go-quiet&noticed=taken-for-granted"
        "&pressure=heavy&closeness=flatmates&where-you-look=at-partner&how-long=a-year-or-more&safety=feel-safe"
    )
    page.wait_for_selector("#quiz-result-title")
    # "instant": the site scrolls smoothly, and the position is read right after.
    page.evaluate("document.querySelector('#quiz-result-title').scrollIntoView({block: 'start', behavior: 'instant'})")
    assert in_first_screen(page.locator(".quiz-reflection"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    watch.assert_clean()


@pytest.mark.parametrize("path", ["/tips/", "/themes/communication/", "/themes/communication/page/2/"])
def test_tip_cards_label_time_and_effort(open_page, site_url, path):
    page, _ = open_page(viewport=PHONE)
    page.goto(site_url + path)
    metas = page.locator(".tip-card .tip-meta").all_inner_texts()
    assert metas
    for meta in metas:
        text = " ".join(meta.split())
        assert re.fullmatch(r"(Time: [^·]+)?( · )?(Effort: (easy|moderate|deep))?", text), text


def test_a_tip_page_labels_time_and_effort(open_page, site_url):
    page, _ = open_page(viewport=PHONE)
    page.goto(site_url + "/tips/date-night/")
    meta = " ".join(page.locator(".tip .tip-meta").inner_text().split())
    assert re.fullmatch(r"Time: .+ · Effort: (easy|moderate|deep)", meta), meta
