"""Browser tests of search: lunr.js on the Python-built index, typing, filters, keys and escaping."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

RESULTS = "#search-results li a"


def titles(page):
    return page.locator(f"{RESULTS} .search-result__title").all_inner_texts()


def open_search_page(page, url):
    """Open a page and wait until its search widgets are listening."""
    page.goto(url)
    page.wait_for_selector("[data-search-ready]", state="attached")


def wait_for_results(page, at_least=1):
    page.wait_for_function("n => document.querySelectorAll('#search-results li').length >= n", arg=at_least)


def manifest_of(built_site):
    return json.loads(next((built_site / "search").glob("*/index.json")).read_text())


@pytest.mark.parametrize("query", ["repair", "phone", "therapy", "stress", "safe", "appreciation"])
def test_the_page_draws_the_engines_ranking(browser_page, site_url, query):
    """What the page draws is the engine's ranking (the engine equals lunr.js: test_search_parity.py)."""
    page, watch = browser_page
    open_search_page(page, site_url + "/search/?q=" + query)
    wait_for_results(page)
    page.wait_for_function("() => window.lunr")
    expected = page.evaluate(
        r"""async (q) => {
            const url = document.querySelector('[data-search-page]').dataset.searchIndex
            const { createSearchEngine } = await import(document.querySelector('script[src*="init"]').src
              .replace(/init(\.[0-9a-f]+)?\.js$/, 'search-engine.js'))
            const base = new URL(url, location.href)
            const load = (name) => fetch(new URL(name, base)).then((response) => response.json())
            const engine = createSearchEngine(window.lunr, await load(base), load)
            const { results } = await engine.search(q)
            return (await engine.documents(results.slice(0, 20).map((r) => r.ref))).map((d) => d.url)
        }""",
        query,
    )
    # The first results are drawn before the rest of the page: wait for the whole page.
    page.wait_for_selector("#search-results:not([aria-busy]) li a")
    shown = page.locator(RESULTS).evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert shown == expected and expected
    watch.assert_clean()


def test_typing_shows_ranked_results_as_links(browser_page, site_url):
    page, watch = browser_page
    open_search_page(page, site_url + "/search/")
    page.fill("#search-q", "phone free")
    wait_for_results(page)
    assert titles(page)[0] == "Make the last hour before bed phone-free"
    first = page.locator(RESULTS).first
    assert first.get_attribute("href") == "/tips/phone-free-hour/"
    assert "Tip" in first.locator(".search-result__meta").inner_text()
    assert first.locator("mark").count() >= 1
    assert "results for" in page.locator(".search-page .js-search-status").inner_text()
    watch.assert_clean()


def test_a_natural_question_finds_results(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/search/?q=" + quote("how do we stop fighting about chores"))
    wait_for_results(page, 3)
    # Items about both words (rows over housework) come before items about fights alone.
    chore_fights = {"/tips/agree-what-done-looks-like/", "/articles/sharing-the-load-at-home/"}
    assert chore_fights & {page.locator(RESULTS).nth(at).get_attribute("href") for at in range(3)}


@pytest.mark.parametrize("query", ["love:", "~", "^2", "-", "title:", "+", "*"])
def test_query_syntax_typed_by_accident_never_shows_an_error(browser_page, site_url, query):
    page, watch = browser_page
    open_search_page(page, site_url + "/search/")
    page.fill("#search-q", query)
    page.wait_for_function(
        "() => document.querySelector('.search-page .js-search-status').textContent.includes('result')"
    )
    watch.assert_clean()


@pytest.mark.parametrize(("typo", "expected"), [("aprecation", "Appreciation"), ("therpy", "therapy")])
def test_a_typo_still_finds_results(browser_page, site_url, typo, expected):
    page, _ = browser_page
    page.goto(site_url + "/search/?q=" + typo)
    wait_for_results(page)
    assert expected.lower() in " ".join(titles(page)[:3]).lower()
    assert "typos" in page.locator(".search-page .js-search-status").inner_text()


def test_british_and_american_spellings_find_the_same_things(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/search/?q=counselling")
    wait_for_results(page)
    british = titles(page)
    page.goto(site_url + "/search/?q=counseling")
    wait_for_results(page)
    assert titles(page) == british


def test_theme_filters_narrow_combine_and_count(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/search/?q=talk")
    wait_for_results(page)
    everything = page.locator(RESULTS).count()
    stress_count = int(page.locator(".js-theme-count[data-theme='stress']").inner_text().strip("()"))
    page.check("input[name='theme'][value='stress']")
    page.wait_for_function("n => document.querySelectorAll('#search-results li').length === n", arg=stress_count)
    help_count = int(page.locator(".js-theme-count[data-theme='professional-help']").inner_text().strip("()"))
    page.check("input[name='theme'][value='professional-help']")
    page.wait_for_function(
        "([lo, hi]) => { const n = document.querySelectorAll('#search-results li').length; return n >= lo && n <= hi }",
        arg=[max(stress_count, help_count), stress_count + help_count],
    )
    assert page.locator(RESULTS).count() <= everything
    assert "theme=stress" in page.url and "theme=professional-help" in page.url


def test_an_empty_query_with_a_theme_lists_everything_in_it(browser_page, site_url, built_site):
    manifest = manifest_of(built_site)
    expected = len([c for c in manifest["docCombos"] if "novelty" in manifest["combos"][c]])
    page, _ = browser_page
    page.goto(site_url + "/search/?theme=novelty")
    page.wait_for_function("n => document.querySelectorAll('#search-results li').length === n", arg=expected)


def test_the_url_restores_a_search_and_back_and_forward_work(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/search/?q=repair&theme=repair")
    wait_for_results(page)
    assert page.input_value("#search-q") == "repair"
    assert page.is_checked("input[name='theme'][value='repair']")
    page.fill("#search-q", "phone")
    page.press("#search-q", "Enter")
    page.wait_for_url("**q=phone**")
    page.go_back()
    page.wait_for_function("() => document.querySelector('#search-q').value === 'repair'")
    page.go_forward()
    page.wait_for_function("() => document.querySelector('#search-q').value === 'phone'")


def test_markup_in_a_query_is_shown_as_text_and_runs_nothing(browser_page, site_url):
    page, watch = browser_page
    page.add_init_script("window.__xss = 0")
    query = "<img src=x onerror=window.__xss=1>"
    page.goto(site_url + "/search/?q=" + quote(query))
    page.wait_for_function("() => document.querySelector('.search-page .js-search-status').textContent.length > 0")
    assert query in page.locator(".search-page .js-search-status").inner_text()
    assert page.locator("main img").count() == 0
    assert page.evaluate("window.__xss") == 0
    watch.assert_clean()


def test_keyboard_only_search_arrows_enter_and_escape(browser_page, site_url):
    page, _ = browser_page
    open_search_page(page, site_url + "/search/")
    page.focus("#search-q")
    page.keyboard.type("date night")
    # Wait for the whole query's results: an earlier keystroke's results are replaced when they come.
    page.wait_for_function(
        "() => document.querySelector('.search-page .js-search-status').textContent.includes('date night')"
    )
    wait_for_results(page)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('#search-results') !== null")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + second)
    page.go_back()
    # Back may reload the page: Escape is only heard once the widget is listening again and has
    # put the query from the URL back in the box.
    page.wait_for_selector("[data-search-page][data-search-ready]", state="attached")
    page.wait_for_function("() => document.querySelector('#search-q').value === 'date night'")
    page.focus("#search-q")
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.querySelector('#search-q').value === ''")


def test_header_search_shows_live_results_and_links_to_the_full_page(browser_page, site_url):
    page, watch = browser_page
    open_search_page(page, site_url + "/about/")
    page.fill("#site-search-q", "getaway")
    page.wait_for_selector(".site-search .search-result a")
    assert page.locator(".site-search .search-result").count() <= 5
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/search/?q=getaway")
    wait_for_results(page)
    watch.assert_clean()


def test_without_javascript_the_form_lands_on_a_useful_search_page(open_page, site_url):
    page, _ = open_page(java_script_enabled=False)
    page.goto(site_url + "/")
    page.fill("#home-search-q", "repair")
    page.press("#home-search-q", "Enter")
    page.wait_for_url("**/search/?q=repair")
    text = page.locator("main").inner_text()
    assert "needs JavaScript" in text
    assert page.locator("main a[href='/themes/repair/']").count() == 1


def test_long_result_lists_are_drawn_twenty_at_a_time(browser_page, site_url):
    page, watch = browser_page
    page.goto(site_url + "/search/?q=partner")
    wait_for_results(page, 20)
    status = page.locator(".search-page .js-search-status").inner_text()
    total = int(status.split()[0])
    assert total > 20
    assert page.locator("#search-results li").count() == 20
    page.get_by_role("button", name="Show more results").click()
    page.wait_for_function("n => document.querySelectorAll('#search-results li').length === n", arg=min(total, 40))
    assert page.evaluate("document.activeElement.closest('#search-results li') !== null")
    watch.assert_clean()


WAYS = ".search-page .js-search-ways"


def wait_for_status(page, text):
    page.wait_for_function(
        "t => document.querySelector('.search-page .js-search-status').textContent.includes(t)", arg=text
    )


def test_a_misspelt_word_says_so_and_shows_close_matches_then_other_ways_in(browser_page, site_url):
    page, watch = browser_page
    page.goto(site_url + "/search/?q=" + quote("gratitute"))
    wait_for_status(page, "Nothing matches “gratitute” exactly")
    wait_for_results(page)
    assert "/tips/thank-the-small-stuff/" in [page.locator(RESULTS).nth(at).get_attribute("href") for at in range(3)]
    ways = page.locator(WAYS)
    assert ways.is_visible()
    links = ways.locator("a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    assert "/quiz/" in links and "/themes/" in links and "/safety/" in links
    watch.assert_clean()


def test_a_search_with_no_results_is_never_a_dead_end(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/search/?q=" + quote("qqzx wvvk"))
    wait_for_status(page, "No results for “qqzx wvvk”.")
    assert page.locator("#search-results li").count() == 0
    assert page.locator(WAYS).is_visible()
    # An exact match hides the other ways in again.
    page.fill("#search-q", "phone")
    wait_for_results(page)
    page.wait_for_function("sel => document.querySelector(sel).hidden", arg=WAYS)


def test_a_page_load_fetches_no_search_code_until_the_reader_searches(browser_page, site_url):
    """The header's search box and safety panel load the engine, matcher and index on first focus, not before."""
    page, watch = browser_page
    page.goto(site_url + "/articles/what-is-a-rut/", wait_until="networkidle")
    search_code = ("search-engine.js", "search-meaning.js", "safety-match.js", "lunr.min.js", "/search/")
    loaded = [url for url in watch.requests if any(part in url for part in search_code)]
    assert loaded == []
    page.locator("#site-search-q").focus()
    page.wait_for_function("() => window.lunr")
    page.wait_for_load_state("networkidle")
    loaded = [url for url in watch.requests if any(part in url for part in search_code)]
    assert any("search-engine.js" in url for url in loaded) and any("safety-match.js" in url for url in loaded)
    watch.assert_clean()
