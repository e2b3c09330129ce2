"""quiz-engine.js in Node: tie-breaks by the reader's own answers, reflections and the weekly plan."""

from __future__ import annotations

import pytest

from tests.jsmodule import call_js

THEMES = ["communication", "repair", "stress", "appreciation", "professional-help"]
EFFORTS = ["deep", "easy", "moderate", "", "easy"]
TIMES = [None, 30, 5, None, 10]


def answer(ident, reflection="", signals=(), **weights):
    return {
        "id": ident,
        "text": f"Answer {ident}",
        "weights": [[slug.replace("_", "-"), weight] for slug, weight in weights.items()],
        "signals": list(signals),
        "reflection": reflection,
    }


def quiz_data():
    """A small quiz shaped as the quiz page embeds it; themes listed in an order the tests must not follow."""
    questions = [
        {"id": "talk", "answers": [
            answer("quiet", "you hardly talk", communication=2),
            answer("rows", "small things turn into rows", repair=2, communication=1),
        ]},
        {"id": "fights", "answers": [
            answer("cold", "you go quiet for days", repair=3),
            answer("soon", "", communication=1),
        ]},
        {"id": "thanks", "answers": [
            answer("unseen", "you feel taken for granted", appreciation=3),
            answer("fine", "you both say thank you", communication=1),
        ]},
        {"id": "outside", "answers": [
            answer("heavy", "outside pressure is heavy", stress=3),
            answer("light", "", appreciation=1, stress=1),
        ]},
        {"id": "long", "answers": [
            answer("weeks", "", communication=1),
            answer("years", "it has felt stuck for years", signals=["seek-help"], professional_help=2),
        ]},
        {"id": "safety", "answers": [
            answer("safe", "", communication=1),
            {"id": "afraid", "text": "Afraid", "weights": [], "signals": ["safety"], "reflection": ""},
        ]},
    ]  # fmt: skip
    themes = []
    for slug in reversed(THEMES):
        tips = [
            {
                "url": f"/tips/{slug}-{n}/",
                "title": f"{slug} {n}",
                "summary": "S",
                "time": "",
                "effort": EFFORTS[n],
                "minutes": TIMES[n],
                "lead": slug,
                "steps": ["one", "two"],
            }
            for n in range(5)
        ]
        articles = [{"url": f"/articles/{slug}-{n}/", "title": f"{slug} {n}", "summary": "S"} for n in range(2)]
        themes.append({"slug": slug, "name": slug.title(), "url": f"/themes/{slug}/", "result": "R",
                       "tips": tips, "articles": articles})  # fmt: skip
    return {"supportTheme": "professional-help", "questions": questions, "themes": themes}


def run(answers):
    return call_js("quiz-engine.js", "quizResult", quiz_data(), {"safety": "safe", **answers})


# Profiles whose ties each rule has to break, with the themes the reader should get.
TIE_PROFILES = [
    pytest.param(
        {"talk": "rows", "fights": "soon", "thanks": "unseen", "outside": "heavy", "long": "weeks"},
        ["communication", "appreciation", "stress"],
        id="more-weight-wins",
    ),
    pytest.param(
        {"talk": "quiet", "fights": "cold", "thanks": "unseen", "outside": "heavy", "long": "years"},
        ["communication", "repair", "appreciation"],
        id="equal-weight-more-answers-win-then-the-earlier-answer",
    ),
    pytest.param(
        {"talk": "rows", "fights": "cold", "thanks": "unseen", "outside": "heavy", "long": "years"},
        ["repair", "appreciation", "stress"],
        id="equal-weight-and-count-earlier-strong-answer-wins",
    ),
    pytest.param(
        {"talk": "rows", "fights": "soon", "thanks": "fine", "outside": "light", "long": "weeks"},
        ["communication", "repair"],
        id="a-third-theme-only-at-half-the-first",
    ),
]


@pytest.mark.parametrize(("answers", "themes"), TIE_PROFILES)
def test_ties_are_broken_by_the_readers_own_answers(answers, themes):
    assert run(answers)["themes"] == themes


def test_the_order_of_themes_in_the_data_never_decides():
    data = quiz_data()
    answers = {"talk": "rows", "fights": "cold", "thanks": "unseen", "outside": "heavy", "long": "years"}
    answers["safety"] = "safe"
    flipped = {**data, "themes": list(reversed(data["themes"]))}
    first = call_js("quiz-engine.js", "quizResult", data, answers)
    assert first["themes"] == call_js("quiz-engine.js", "quizResult", flipped, answers)["themes"]


def test_compare_evidence_rule_by_rule():
    base = {"slug": "b", "total": 4, "count": 2, "strongest": 3, "first": 2, "place": 0}
    better = [
        {**base, "slug": "z", "total": 5},
        {**base, "slug": "z", "count": 3},
        {**base, "slug": "z", "strongest": 4},
        {**base, "slug": "z", "first": 1},
        {**base, "slug": "z", "place": -1},
        {**base, "slug": "a"},
    ]
    for item in better:
        assert call_js("quiz-engine.js", "compareEvidence", item, base) < 0, item


def test_the_result_reflects_the_strongest_answers_in_the_order_given():
    result = run({"talk": "quiet", "fights": "cold", "thanks": "unseen", "outside": "heavy", "long": "years"})
    assert result["themes"] == ["communication", "repair", "appreciation"]
    # "outside pressure" points to no theme of the result; of the rest, the three strongest.
    assert result["reflections"] == ["you hardly talk", "you go quiet for days", "you feel taken for granted"]


def test_answers_without_a_reflection_or_off_the_result_are_not_said_back():
    result = run({"talk": "rows", "fights": "soon", "thanks": "fine", "outside": "light", "long": "weeks"})
    assert result["reflections"] == ["small things turn into rows", "you both say thank you"]


@pytest.mark.parametrize(
    ("phrases", "sentence"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_join_phrases(phrases, sentence):
    assert call_js("quiz-engine.js", "joinPhrases", phrases, "and") == sentence


def test_fill_replaces_known_placeholders_only():
    assert call_js("quiz-engine.js", "fill", "{number} of {total} {x}", {"number": 2, "total": 9}) == "2 of 9 {x}"


def test_the_plan_holds_three_to_five_tips_from_the_themes_easiest_first():
    result = run({"talk": "rows", "fights": "cold", "thanks": "unseen", "outside": "heavy", "long": "years"})
    tips = result["tips"]
    assert 3 <= len(tips) <= 5
    assert len({tip["url"] for tip in tips}) == len(tips)
    assert {tip["lead"] for tip in tips} <= set(result["themes"])
    rank = {"easy": 0, "": 1, "moderate": 2, "deep": 3}
    keys = [(rank[tip["effort"]], tip["minutes"] if tip["minutes"] is not None else float("inf")) for tip in tips]
    assert keys == sorted(keys)
    assert result["article"]["url"] == "/articles/repair-0/"


def test_seek_help_is_its_own_line_never_a_theme_or_plan_tip():
    result = run({"talk": "quiet", "fights": "cold", "thanks": "unseen", "outside": "heavy", "long": "years"})
    assert result["support"] is True
    assert "professional-help" not in result["themes"]
    assert all(tip["lead"] != "professional-help" for tip in result["tips"])
    assert run({"talk": "quiet", "long": "weeks"})["support"] is False


def test_ease_order_effort_then_minutes():
    tips = [
        {"effort": "deep", "minutes": 5},
        {"effort": "easy", "minutes": None},
        {"effort": "easy", "minutes": 10},
        {"effort": "", "minutes": 1},
        {"effort": "moderate", "minutes": 1},
    ]
    order = call_js("quiz-engine.js", "sortedByEase", tips)
    assert order == [tips[2], tips[1], tips[3], tips[4], tips[0]]


def test_a_safety_answer_replaces_advice_and_never_suggests_support_or_therapy():
    result = run({"talk": "rows", "long": "years", "safety": "afraid"})
    assert result["safety"] is True
    assert result["tips"] == [] and result["article"] is None and result["themes"] == []
    assert result["support"] is False and result["reflections"] == []


def test_answers_round_trip_through_the_url_hash():
    answers = {"talk": "rows", "fights": "cold", "safety": "safe"}
    hash_ = call_js("quiz-engine.js", "encodeAnswers", quiz_data(), answers)
    assert hash_ == "#talk=rows&fights=cold&safety=safe"
    decoded = call_js("quiz-engine.js", "decodeAnswers", quiz_data(), hash_ + "&outside=unknown&evil=1")
    assert decoded == answers


@pytest.mark.parametrize("order", [["stress", "appreciation"], ["appreciation", "stress"]])
def test_the_last_tie_break_is_the_editors_order_inside_the_answer(order):
    data = quiz_data()
    data["questions"] = [
        {"id": "only", "answers": [{"id": "both", "text": "Both", "weights": [[slug, 1] for slug in order]}]}
    ]
    assert call_js("quiz-engine.js", "quizResult", data, {"only": "both"})["themes"] == order


REAL_QUIZ_PARTS = ("content", "quiz", "where-are-we-stuck.yml")
# A reader who feels fine and answers the neutral way everywhere, so each case changes only what it is about.
CALM = {
    "talk": "flat",
    "time": "this-week",
    "after-a-fight": "talk-soon",
    "noticed": "valued",
    "pressure": "light",
    "closeness": "warm",
    "tension": "little-things",
    "where-you-look": "not-sure",
    "how-long": "weeks",
    "safety": "feel-safe",
}


@pytest.fixture(scope="module")
def real_quiz(project_root):
    """The real quiz as the page embeds it (answer weights as ordered pairs), every theme offered, no tips."""
    import yaml

    quiz = yaml.safe_load(project_root.joinpath(*REAL_QUIZ_PARTS).read_text(encoding="utf-8"))
    themes = yaml.safe_load((project_root / "content" / "themes.yml").read_text(encoding="utf-8"))
    questions = [
        {
            "id": question["id"],
            "answers": [
                {
                    "id": a["id"],
                    "text": a["text"],
                    "weights": [[slug, weight] for slug, weight in (a.get("themes") or {}).items()],
                    "signals": a.get("signals") or [],
                    "reflection": a.get("reflection", ""),
                }
                for a in question["answers"]
            ],
        }
        for question in quiz["questions"]
    ]
    offered = [
        {
            "slug": t["slug"],
            "name": t["name"],
            "url": f"/themes/{t['slug']}/",
            "result": "R",
            "tips": [],
            "articles": [],
        }
        for t in themes
    ]
    return {"supportTheme": quiz["support_theme"], "questions": questions, "themes": offered}


@pytest.mark.parametrize(
    ("changes", "expected", "first"),
    [
        # One answer about home life or trust is enough to put the theme in the result...
        ({"tension": "chores-money"}, "family-life", False),
        ({"tension": "children-family"}, "family-life", False),
        ({"tension": "jealousy"}, "trust", False),
        # ...and when several answers point there, it leads.
        ({"tension": "children-family", "pressure": "home-load"}, "family-life", True),
        ({"talk": "logistics", "tension": "chores-money", "pressure": "home-load"}, "family-life", True),
        ({"talk": "tense", "tension": "old-hurt", "after-a-fight": "keep-a-list"}, "trust", True),
        ({"talk": "tense", "closeness": "guarded", "tension": "jealousy"}, "trust", True),
    ],
)
def test_the_real_quiz_leads_home_life_and_trust_answers_to_their_themes(real_quiz, changes, expected, first):
    result = call_js("quiz-engine.js", "quizResult", real_quiz, {**CALM, **changes})
    assert expected in result["themes"], result
    if first:
        assert result["themes"][0] == expected, result


def test_every_theme_of_the_real_quiz_can_be_weighted(project_root):
    import yaml

    quiz = yaml.safe_load(project_root.joinpath(*REAL_QUIZ_PARTS).read_text(encoding="utf-8"))
    weighted = {slug for q in quiz["questions"] for a in q["answers"] for slug in (a.get("themes") or {})}
    assert weighted == set(quiz["results"])
