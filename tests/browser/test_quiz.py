"""Browser tests of the quiz, answered with the keyboard only."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.sitefacts import page as built_page

pytestmark = pytest.mark.browser

QUALITY_TIME = {
    "talk": "screens",
    "time": "cannot-remember",
    "after-a-fight": "talk-soon",
    "noticed": "rarely-say",
    "pressure": "light",
    "closeness": "quieter",
    "tension": "little-things",
    "where-you-look": "at-life",
    "how-long": "months",
    "safety": "feel-safe",
}
LONG_RUNNING_CONFLICT = {
    "talk": "tense",
    "time": "this-month",
    "after-a-fight": "same-fight",
    "noticed": "taken-for-granted",
    "pressure": "snapping",
    "closeness": "mismatch",
    "tension": "little-things",
    "where-you-look": "at-partner",
    "how-long": "years-same-arguments",
    "safety": "feel-safe",
}
AFRAID = {**LONG_RUNNING_CONFLICT, "safety": "sometimes"}
HOME_LIFE = {**QUALITY_TIME, "talk": "logistics", "pressure": "home-load", "tension": "chores-money"}
OLD_HURTS = {**QUALITY_TIME, "after-a-fight": "keep-a-list", "closeness": "guarded", "tension": "old-hurt"}
# The profile from issue 17: five themes tie on weight; the reader's own answers break the tie.
ISSUE_PROFILE = {
    "talk": "screens",
    "time": "cannot-remember",
    "after-a-fight": "go-quiet",
    "noticed": "taken-for-granted",
    "pressure": "heavy",
    "closeness": "flatmates",
    "where-you-look": "at-partner",
    "tension": "little-things",
    "how-long": "a-year-or-more",
    "safety": "feel-safe",
}


def quiz_data(page):
    return json.loads(page.locator(".js-quiz-data").text_content())


def answer_by_keyboard(page, answers):
    """Answer every question with Tab, arrow keys, Space and Enter only."""
    data = quiz_data(page)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")  # to <main>
    for number, question in enumerate(data["questions"], start=1):
        assert page.locator(".quiz-progress").inner_text() == f"{number} of {len(data['questions'])}"
        heading = page.locator("#quiz-question-title")
        assert heading.inner_text() == question["text"]
        if number > 1:
            assert page.evaluate("document.activeElement.id") == "quiz-question-title"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "radio"
        position = [a["id"] for a in question["answers"]].index(answers[question["id"]])
        if position == 0:
            page.keyboard.press("Space")
        for _ in range(position):
            page.keyboard.press("ArrowDown")
        assert page.evaluate("document.querySelector('input[name=answer]:checked').value") == answers[question["id"]]
        page.keyboard.press("Enter")
    page.wait_for_selector("#quiz-result-title")


def result_theme_names(page):
    return page.locator(".result-themes h3").all_inner_texts()


def tip_themes(built_site, href):
    doc = built_page(built_site, href)
    return {meta["content"] for meta in doc.find_all("meta", property="article:tag")}


EASE = {"easy": 0, "": 1, "moderate": 2, "deep": 3}


@pytest.mark.parametrize(
    ("answers", "expected", "support"),
    [
        (QUALITY_TIME, ["Quality time", "Talking and listening"], False),
        (LONG_RUNNING_CONFLICT, ["Repair after a fight", "Talking and listening", "Appreciation"], True),
        (ISSUE_PROFILE, ["Quality time", "Repair after a fight", "Appreciation"], True),
        (HOME_LIFE, ["Family and home life", "Talking and listening", "Quality time"], False),
        (OLD_HURTS, ["Quality time", "Trust and resentment", "Talking and listening"], False),
    ],
)
def test_keyboard_only_quiz_recommends_fitting_themes_and_tips(
    browser_page, site_url, built_site, answers, expected, support
):
    page, watch = browser_page
    page.goto(site_url + "/quiz/")
    page.wait_for_selector("#quiz-question-title")
    answer_by_keyboard(page, answers)
    assert page.evaluate("document.activeElement.id") == "quiz-result-title"
    assert result_theme_names(page) == expected
    data = quiz_data(page)
    slugs = {t["slug"] for t in data["themes"] if t["name"] in expected}
    tips = page.locator(".plan-list .js-tip-link")
    assert 3 <= tips.count() <= 5
    hrefs = tips.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for href in hrefs:
        assert tip_themes(built_site, href) & slugs, href
    # Easiest first: effort, then time.
    by_url = {tip["url"]: tip for theme in data["themes"] for tip in theme["tips"]}
    efforts = [EASE[by_url[href]["effort"]] for href in hrefs]
    assert efforts == sorted(efforts)
    assert page.locator(".quiz-result .link-list a").count() == 1
    support_line = page.locator(".quiz-support")
    assert support_line.is_visible() is support
    if support:
        assert support_line.locator("h3").inner_text() == "Getting support"
        assert support_line.locator("a[href='/themes/professional-help/']").count() == 1
    assert "Your result is ready" in page.locator(".quiz [role=status]").inner_text()
    assert "not a diagnosis" in page.locator(".quiz-result").inner_text()
    watch.assert_clean()


def test_the_result_says_back_what_the_reader_told_it(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/quiz/")
    page.wait_for_selector("#quiz-question-title")
    answer_by_keyboard(page, ISSUE_PROFILE)
    reflection = page.locator(".quiz-reflection").inner_text()
    assert reflection == (
        "You told us that you cannot remember your last real time together, "
        "you go quiet for a day or more after a fight and you feel taken for granted."
    )
    # The reflection comes before the themes: the result opens with it.
    assert page.locator(".quiz-result h2 ~ .quiz-reflection + p + .result-themes").count() == 1


def test_plan_tips_are_labelled_time_and_effort(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/quiz/")
    page.wait_for_selector("#quiz-question-title")
    answer_by_keyboard(page, QUALITY_TIME)
    metas = page.locator(".plan-list .tip-meta:visible").all_inner_texts()
    assert metas
    for meta in metas:
        assert meta.startswith(("Time: ", "Effort: ")), meta


def test_fear_puts_safety_first_without_tips_or_therapy(browser_page, site_url, project_root):
    page, watch = browser_page
    page.goto(site_url + "/quiz/")
    page.wait_for_selector("#quiz-question-title")
    answer_by_keyboard(page, AFRAID)
    result = page.locator(".quiz-result")
    first = result.locator("h2 + *").first
    assert "quiz-result-safety" in first.get_attribute("class")
    # The quick exit comes first, before any words.
    assert "js-quick-exit" in first.locator("a").first.get_attribute("class")
    helplines = yaml.safe_load((project_root / "content" / "helplines.yml").read_text(encoding="utf-8"))
    main = [contact for contact in helplines["contacts"] if contact.get("main") and contact.get("phone")]
    text = result.inner_text()
    for contact in main:
        assert contact["phone"] in text
    assert result.locator("a[href^='tel:']").count() >= len(main)
    assert result.locator("a[href='/safety/']").count() == 1
    assert result.locator(".plan-list, .result-themes").count() == 0
    assert "therap" not in text.lower().replace("not suggesting tips or couples sessions", "")
    # No link to this result and no print: nothing that could be found later.
    assert result.get_by_role("button", name="Link to this result").count() == 0
    assert result.get_by_role("button", name="Print our plan").count() == 0
    watch.assert_clean()


def test_back_returns_to_the_previous_answer(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/quiz/")
    page.check("input[value='flat']")
    page.click(".quiz .js-next")
    page.get_by_role("button", name="Back").click()
    assert page.is_checked("input[value='flat']")
    assert page.locator(".quiz-progress").inner_text().startswith("1 of")


def test_next_without_an_answer_explains_what_to_do(browser_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/quiz/")
    page.click(".quiz .js-next")
    assert page.locator(".quiz-error").is_visible()
    assert page.locator(".quiz-progress").inner_text().startswith("1 of")


def test_a_link_is_made_only_when_asked_and_restores_the_result(browser_page, open_page, site_url):
    page, _ = browser_page
    page.goto(site_url + "/quiz/")
    page.wait_for_selector("#quiz-question-title")
    answer_by_keyboard(page, LONG_RUNNING_CONFLICT)
    assert "how-long" not in page.url  # (the skip link the keyboard used adds #main)
    page.get_by_role("button", name="Link to this result").click()
    shared = page.locator(".quiz-share__url").input_value()
    assert "#" in shared and "how-long=years-same-arguments" in shared
    assert "how-long" not in page.url
    other, watch = open_page()
    other.goto(shared)
    other.wait_for_selector("#quiz-result-title")
    assert result_theme_names(other) == result_theme_names(page)
    other.get_by_role("button", name="Retake the quiz").click()
    assert other.locator(".quiz-progress").inner_text().startswith("1 of")
    assert "#" not in other.url
    watch.assert_clean()


def test_answering_makes_no_request_and_stores_nothing(browser_page, site_url):
    page, watch = browser_page
    page.goto(site_url + "/quiz/")
    page.wait_for_load_state("networkidle")
    before = list(watch.requests)
    answer_by_keyboard(page, QUALITY_TIME)
    # Chromium re-reads the page's icon when the hash changes; that carries no answers.
    new = [url for url in watch.requests[len(before) :] if not url.endswith("/favicon.svg")]
    assert new == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.context.cookies() == []


def test_without_javascript_the_questions_and_themes_are_readable(open_page, site_url, project_root):
    page, _ = open_page(java_script_enabled=False)
    page.goto(site_url + "/quiz/")
    questions = page.locator(".quiz-static-list > li")
    quiz = yaml.safe_load((project_root / "content/quiz/where-are-we-stuck.yml").read_text(encoding="utf-8"))
    assert questions.count() == len(quiz["questions"]) == 10
    assert questions.first.locator("li").count() >= 3
    themes = yaml.safe_load((project_root / "content" / "themes.yml").read_text(encoding="utf-8"))
    assert page.locator(".js-quiz-static a[href^='/themes/']").count() == len(themes)
    assert page.locator("main a[href='/safety/']").count() >= 1
