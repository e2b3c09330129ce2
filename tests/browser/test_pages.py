"""Browser tests of plain pages: they load cleanly at phone and desktop widths, with and without JS."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/articles/what-is-a-rut/", "/tips/reach-out-first/", "/tips/", "/themes/repair/", "/safety/", "/about/"]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_an_empty_console_and_no_other_hosts(open_page, site_url, path, width):
    page, watch = open_page(viewport={"width": width, "height": 800})
    response = page.goto(site_url + path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    watch.assert_clean()
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "page scrolls sideways"


def test_plain_page_loads_do_not_fetch_the_search_index(browser_page, site_url):
    page, watch = browser_page
    page.goto(site_url + "/articles/making-time/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in watch.requests if "/search/" in url or "lunr.min.js" in url]
    page.focus("#site-search-q")
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/index.json'))")
    watch.assert_clean()


def test_the_skip_link_is_the_first_tab_stop_and_moves_to_main(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_the_safety_page_is_one_click_from_the_top_of_any_page(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/tips/date-night/")
    page.locator(".safety-bar__text a").click()
    page.wait_for_url(site_url + "/safety/")
    assert "afraid" in page.locator("main").inner_text().lower()


def test_quick_exit_leaves_the_site_and_replaces_the_history_entry(browser_page, site_url):
    page, watch = browser_page
    page.goto(site_url + "/about/")
    page.goto(site_url + "/safety/")
    exit_link = page.locator(".js-quick-exit")
    target = exit_link.get_attribute("href")
    assert target.startswith("https://")
    entries = page.evaluate("history.length")
    with page.expect_request(lambda request: request.url.startswith(target)):
        exit_link.click()
    # The site is left at once (the test's network guard stops the request), and the safety
    # page's history entry was replaced rather than added to.
    page.wait_for_function("n => history.length === n", arg=entries)


def test_tip_index_filters_in_place_with_javascript(browser_page, site_url):
    page, watch = browser_page
    page.goto(site_url + "/tips/")
    buttons = page.locator(".theme-filter button")
    buttons.first.wait_for()
    total = page.locator(".tip-group .card-grid > li:visible").count()
    page.get_by_role("button", name="Outside stress").click()
    stress = page.locator(".tip-group .card-grid > li:visible").count()
    assert 0 < stress < total
    page.get_by_role("button", name="Getting support").click()
    both = page.locator(".tip-group .card-grid > li:visible").count()
    assert stress < both < total
    assert page.get_by_role("button", name="Outside stress").get_attribute("aria-pressed") == "true"
    assert "Showing" in page.locator(".js-filter-status").inner_text()
    watch.assert_clean()


def test_without_javascript_the_tip_filter_links_to_theme_pages(open_page, site_url):
    page, _ = open_page(java_script_enabled=False)
    page.goto(site_url + "/tips/")
    page.get_by_role("link", name="Outside stress").first.click()
    page.wait_for_url(site_url + "/themes/stress/")
