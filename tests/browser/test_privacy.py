"""Privacy and security in Chromium: no CSP violations, no other hosts, no cookies, no storage, quiet console."""

from __future__ import annotations

import json

import pytest

from tests.browser.pagetypes import PAGE_TYPES

pytestmark = pytest.mark.browser

# Counts what the page does that the policy forbids or that would leave a trace.
WATCH_SCRIPT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
window.__stored = 0;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (...args) { window.__stored++; return setItem.apply(this, args) };
const openDb = indexedDB.open.bind(indexedDB);
indexedDB.open = (...args) => { window.__stored++; return openDb(...args) };
"""


def assert_private(page, watch):
    assert page.evaluate("window.__csp") == []
    assert page.evaluate("window.__stored") == 0
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert page.context.cookies() == []
    if page.url.endswith("/no-such-page/"):
        # The browser itself logs the 404 status of the page it was asked for.
        watch.console[:] = [m for m in watch.console if "404" not in m]
    watch.assert_clean()


@pytest.fixture
def private_page(open_page):
    page, watch = open_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(WATCH_SCRIPT)
    return page, watch


@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES))
def test_every_page_type_is_private_and_within_its_policy(private_page, site_url, page_type):
    page, watch = private_page
    path, ready = PAGE_TYPES[page_type]
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    if ready:
        ready(page)
    assert_private(page, watch)


def test_searching_and_filtering_stay_private(private_page, site_url):
    page, watch = private_page
    page.goto(site_url + "/about/")  # the home page has no header search (issue 17)
    page.wait_for_selector(".site-search[data-search-ready]", state="attached")
    page.fill("#site-search-q", "repair")
    page.wait_for_selector(".site-search .search-result a")
    page.press("#site-search-q", "Enter")
    page.wait_for_selector("#search-results li")
    page.check("input[name='theme'][value='repair']")
    page.fill("#search-q", "aprecation")
    page.wait_for_function(
        "() => document.querySelector('.search-page .js-search-status').textContent.includes('typos')"
    )
    assert_private(page, watch)


def test_taking_the_quiz_stays_private(private_page, site_url):
    page, watch = private_page
    page.goto(site_url + "/quiz/")
    page.wait_for_selector(".quiz-option input")
    for _ in range(len(json.loads(page.locator(".js-quiz-data").text_content())["questions"])):
        page.locator(".quiz-option input").first.check()
        page.click(".quiz button[type=submit]")
    page.wait_for_selector("#quiz-result-title")
    page.get_by_role("button", name="Retake the quiz").click()
    assert_private(page, watch)


def test_the_csp_meta_tag_is_strict(built_site):
    from tests.sitefacts import page

    policy = page(built_site, "").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert "unsafe" not in policy


def test_an_inline_script_would_be_blocked(private_page, site_url):
    """The policy really holds in the browser: an injected inline script is refused and reported."""
    page, _ = private_page
    page.goto(site_url + "/about/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = 1'; document.body.append(s) }"
    )
    page.wait_for_function("() => window.__csp.length > 0")
    assert page.evaluate("window.__ran") is None
