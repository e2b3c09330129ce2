"""Print: tips and articles carry the site's name and address on paper; the quiz prints a one-page plan."""

from __future__ import annotations

import re

import pytest

from tests.browser.pagetypes import QUIZ_SUPPORT_ANSWERS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/tips/date-night/", "/articles/rupture-and-repair/"])
def test_tips_and_articles_print_with_the_site_name_and_address(open_page, site_url, path):
    page, _ = open_page()
    page.goto(site_url + path)
    source = page.locator(".print-source")
    assert not source.is_visible()  # on screen the header says it already
    page.emulate_media(media="print")
    assert source.is_visible()
    assert source.inner_text() == f"Rut to Groove · {path}"
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".safety-bar").is_visible()


def open_plan(open_page, site_url):
    page, watch = open_page()
    page.goto(site_url + "/quiz/" + QUIZ_SUPPORT_ANSWERS)
    page.wait_for_selector("#quiz-result-title")
    return page, watch


def test_the_printed_plan_has_the_site_address_date_and_each_tips_steps(open_page, site_url):
    page, watch = open_plan(open_page, site_url)
    header = page.locator(".plan-print-header")
    assert not header.is_visible()
    page.emulate_media(media="print")
    text = header.inner_text()
    # The quiz's own address, never the answers in it.
    assert text.startswith(f"Rut to Groove · {site_url}/quiz/ · ")
    assert re.search(r" · \d{1,2} [A-Z][a-z]+ \d{4}$", text), text
    tips = page.locator(".plan-list > li")
    assert 3 <= tips.count() <= 5
    for n in range(tips.count()):
        assert tips.nth(n).locator(".plan-steps li").count() >= 1
        assert tips.nth(n).locator(".plan-steps").is_visible()
    assert page.locator(".quiz-support").is_visible()
    assert not page.locator(".quiz-actions").is_visible()
    assert not page.locator(".page-header").is_visible()
    watch.assert_clean()


def test_the_plan_fits_on_one_printed_page(open_page, site_url):
    page, _ = open_plan(open_page, site_url)
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1


def test_printing_the_plan_writes_nothing(open_page, site_url):
    page, _ = open_plan(open_page, site_url)
    before = page.evaluate("history.length")
    page.evaluate("window.print = () => { window.__printed = true }")
    page.get_by_role("button", name="Print our plan").click()
    assert page.evaluate("window.__printed") is True
    assert page.evaluate("history.length") == before
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
