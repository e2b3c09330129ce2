"""Safety everywhere: danger queries bring help first, the quiz keeps nothing, quick exit on every page."""

from __future__ import annotations

import pytest
import yaml

from tests.browser.pagetypes import PAGE_TYPES
from tests.browser.test_quiz import AFRAID, quiz_data
from tests.theme.test_safety_match import MUST_MATCH, MUST_NOT_MATCH

pytestmark = pytest.mark.browser

EXIT_HOST = "https://www.bbc.com/"


def open_search(page, url):
    page.goto(url)
    page.wait_for_selector("[data-search-ready]", state="attached")


def settle(page, root, query):
    """Type a query and wait until the widget has drawn what it found for it."""
    page.fill(f"{root} .js-search-input", query)
    page.wait_for_function(
        """([root, query]) => {
            const status = document.querySelector(root + ' .js-search-status').textContent
            return status.includes(query.trim())
        }""",
        arg=[root, query],
    )


def first_result_href(page, root):
    return page.locator(f"{root} .js-search-results li a").first.get_attribute("href")


def panel_shown(page, root):
    return page.locator(f"{root} .js-safety-slot .safety-panel").count() == 1


@pytest.mark.parametrize("where", ["page", "header"])
def test_danger_phrasings_show_the_panel_and_the_safety_page_first(browser_page, site_url, where):
    page, watch = browser_page
    root = ".search-page" if where == "page" else ".site-search"
    open_search(page, site_url + ("/search/" if where == "page" else "/about/"))
    if where == "header":
        page.focus("#site-search-q")
    missed = []
    for query in MUST_MATCH:
        settle(page, root, query)
        if not (panel_shown(page, root) and first_result_href(page, root) == "/safety/"):
            missed.append(query)
    assert missed == []
    panel = page.locator(f"{root} .safety-panel")
    assert panel.locator("a[href^='tel:']").count() >= 3
    assert panel.locator("a[href='/safety/']").count() == 1
    assert panel.locator(".js-quick-exit").count() == 1
    watch.assert_clean()


@pytest.mark.parametrize("where", ["page", "header"])
def test_rut_phrasings_never_show_the_panel(browser_page, site_url, where):
    page, watch = browser_page
    root = ".search-page" if where == "page" else ".site-search"
    open_search(page, site_url + ("/search/" if where == "page" else "/about/"))
    if where == "header":
        page.focus("#site-search-q")
    shown = []
    for query in MUST_NOT_MATCH:
        settle(page, root, query)
        if panel_shown(page, root):
            shown.append(query)
    assert shown == []
    watch.assert_clean()


def test_results_still_show_beneath_the_panel(browser_page, site_url):
    page, _ = browser_page
    open_search(page, site_url + "/search/")
    settle(page, ".search-page", "my partner is controlling and I am afraid of him")
    assert panel_shown(page, ".search-page")
    assert page.locator("#search-results li").count() >= 2


def answer_by_clicking(page, answers):
    """Answer every question with the mouse (the keyboard helper's skip link adds #main to the URL)."""
    for question in quiz_data(page)["questions"]:
        page.wait_for_selector(f"#quiz-question-title:text-is({question['text']!r})")
        page.check(f"input[name=answer][value={answers[question['id']]!r}]")
        page.click(".quiz-form button[type=submit]")
    page.wait_for_selector("#quiz-result-title")


def test_a_quiz_that_ends_in_safety_keeps_nothing(browser_page, site_url):
    page, watch = browser_page
    page.goto(site_url + "/")
    page.goto(site_url + "/quiz/")
    page.wait_for_selector("#quiz-question-title")
    url = page.url
    length = page.evaluate("history.length")
    answer_by_clicking(page, AFRAID)
    assert page.locator(".quiz-result-safety").is_visible()
    assert page.url == url
    assert page.evaluate("history.length") == length
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    # Back leaves the quiz; it never shows the safety result again.
    page.go_back()
    page.wait_for_url(site_url + "/")
    page.go_forward()
    page.wait_for_selector("#quiz-question-title")
    assert page.locator(".quiz-result-safety").count() == 0
    watch.assert_clean()


def test_a_shared_link_with_a_fear_answer_shows_safety_and_writes_nothing(browser_page, site_url):
    page, watch = browser_page
    page.goto(site_url + "/quiz/")
    page.wait_for_selector("#quiz-question-title")
    hash_ = page.evaluate(
        """answers => '#' + new URLSearchParams(answers).toString()""",
        AFRAID,
    )
    page.goto(site_url + "/quiz/" + hash_)
    page.reload()
    page.wait_for_selector(".quiz-result-safety")
    length = page.evaluate("history.length")
    assert page.url.endswith(hash_)
    assert page.evaluate("history.length") == length
    watch.assert_clean()


def _route_exit(page):
    # Registered after the fixture's catch-all abort, so it is matched first: nothing leaves the machine.
    page.route(EXIT_HOST + "**", lambda route: route.fulfill(status=200, body="<title>Weather</title>Weather"))


@pytest.mark.parametrize("path", sorted({path.split("?")[0].split("#")[0] for path, _ in PAGE_TYPES.values()}))
def test_every_page_has_a_quick_exit_that_leaves_without_a_trace(open_page, site_url, path):
    page, _ = open_page(viewport={"width": 320, "height": 640})
    _route_exit(page)
    page.goto(site_url + "/articles/")  # a page before it in the history, to come back to
    page.goto(site_url + path)
    page.wait_for_selector(".safety-bar[data-module-started]", state="attached")
    exit_link = page.locator(".safety-bar .js-quick-exit")
    assert exit_link.is_visible()
    assert exit_link.get_attribute("href").startswith(EXIT_HOST)
    # It sits in the page's flow at the top, never over the content.
    box = exit_link.bounding_box()
    main_top = page.locator("main").bounding_box()["y"]
    assert box["y"] + box["height"] <= main_top
    assert page.evaluate("getComputedStyle(document.querySelector('.safety-bar')).position") == "static"
    length = page.evaluate("history.length")
    exit_link.click()
    page.wait_for_url(EXIT_HOST + "**")
    assert page.evaluate("history.length") == length
    page.go_back()
    page.wait_for_url(site_url + "/articles/")


def test_pressing_shift_three_times_leaves(browser_page, site_url):
    page, _ = browser_page
    _route_exit(page)
    page.goto(site_url + "/tips/")
    page.wait_for_selector(".safety-bar[data-module-started]", state="attached")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")  # another key starts the count again
    assert page.url.startswith(site_url)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_HOST + "**")


def test_without_javascript_the_quick_exit_is_a_plain_link(open_page, site_url):
    page, _ = open_page(java_script_enabled=False)
    page.goto(site_url + "/articles/")
    link = page.locator(".safety-bar .js-quick-exit")
    assert link.is_visible()
    assert link.get_attribute("href").startswith(EXIT_HOST)


def test_the_safety_page_leads_with_help_on_a_phone(open_page, site_url, project_root):
    page, watch = open_page(viewport={"width": 375, "height": 667})
    page.goto(site_url + "/safety/")
    heading = page.get_by_role("heading", name="If you are in danger now")
    assert heading.bounding_box()["y"] < 667
    helplines = yaml.safe_load((project_root / "content" / "helplines.yml").read_text(encoding="utf-8"))
    calls = page.locator(".help-now a[href^='tel:'], .help-now a[href^='sms:']")
    visible = [
        box for box in (calls.nth(n).bounding_box() for n in range(calls.count())) if box["y"] + box["height"] <= 667
    ]
    # The emergency numbers and the first main helplines are on the first screen.
    assert len(visible) >= len(helplines["emergency"]) + 2
    # Every number the file holds is on the page, and no other page text invents one.
    text = page.locator("main").inner_text()
    for contact in helplines["contacts"]:
        if contact.get("phone"):
            assert contact["phone"] in text
    watch.assert_clean()
