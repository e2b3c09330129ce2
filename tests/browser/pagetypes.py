"""Every page type of the site, with what to wait for before it is ready to inspect."""

from __future__ import annotations

# The profile from issue 17: a result with reflections and the "Getting support" line.
QUIZ_SUPPORT_ANSWERS = (
    "#talk=screens&time=cannot-remember&after-a-fight=go-quiet&noticed=taken-for-granted&pressure=heavy"
    "&closeness=flatmates&where-you-look=at-partner&tension=little-things&how-long=a-year-or-more&safety=feel-safe"
)
QUIZ_ANSWERS = (
    "#talk=flat&time=this-week&after-a-fight=talk-soon&noticed=valued&pressure=light&closeness=warm&tension=little-things"
    "&where-you-look=at-myself&how-long=weeks&safety=feel-safe"
)


def _wait(selector):
    return lambda page: page.wait_for_selector(selector)


def _no_results(page):
    # No results: the status says so and the other ways in (quiz, themes, safety page) show.
    page.wait_for_function(
        "() => document.querySelector('.search-page .js-search-status').textContent.startsWith('No results')"
        " && !document.querySelector('.search-page .js-search-ways').hidden"
    )


PAGE_TYPES = {
    "home": ("/", None),
    "article": ("/articles/rupture-and-repair/", None),
    "tip": ("/tips/date-night/", None),
    "tip index": ("/tips/", _wait(".theme-filter button")),
    "theme": ("/themes/intimacy/", None),
    "theme, a later page": ("/themes/communication/page/2/", None),
    "search with results": ("/search/?q=phone", _wait("#search-results li")),
    "search with none": ("/search/?q=zzzzqqqq", _no_results),
    "quiz question": ("/quiz/", _wait("#quiz-question-title")),
    "quiz result": ("/quiz/" + QUIZ_ANSWERS, _wait("#quiz-result-title")),
    "quiz result with support": ("/quiz/" + QUIZ_SUPPORT_ANSWERS, _wait(".quiz-support:not([hidden])")),
    "safety": ("/safety/", None),
    "about": ("/about/", None),
    "404": ("/no-such-page/", None),
}
