"""Unit tests of the quiz: validation in Python, scoring in quiz-engine.js (run in Node)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hub.quiz import quiz_from_data, script_safe_json

from tests.jsmodule import call_js

THEMES = ["communication", "repair", "stress", "professional-help"]


def answer(ident, **weights):
    return {"id": ident, "text": f"Answer {ident}", "themes": weights}


def question(ident, *answers):
    return {"id": ident, "text": f"Question {ident}?", "answers": list(answers)}


def good_quiz():
    questions = [
        question(f"q{n}", answer("a", communication=2), answer("b", repair=2), answer("c", stress=2))
        for n in range(1, 6)
    ]
    questions[4]["answers"][2] = {**answer("c", **{"professional-help": 2}), "signals": ["seek-help"]}
    questions.append(
        question(
            "safety",
            answer("no", communication=1),
            {"id": "yes", "text": "Yes", "signals": ["safety"]},
            {"id": "unsure", "text": "Not sure", "signals": ["safety"]},
        )
    )
    return {
        "title": "T",
        "intro": "I",
        "note": "N",
        "safety_result": "S",
        "questions": questions,
        "results": {slug: f"About {slug}." for slug in THEMES},
    }


def problems(data):
    quiz, found = quiz_from_data(data, "quiz.yml", THEMES)
    assert (quiz is None) == bool(found)
    return [f"{p.field}: {p.message}" for p in found]


def test_a_good_quiz_has_no_problems():
    assert problems(good_quiz()) == []


def test_unknown_theme_duplicate_ids_and_empty_questions_are_all_reported_with_their_place():
    data = good_quiz()
    data["questions"][0]["answers"][0]["themes"] = {"romance": 1}
    data["questions"][1]["id"] = "q1"
    data["questions"][2]["answers"] = []
    data["questions"][3]["answers"][1]["id"] = "a"
    found = problems(data)
    assert any(p.startswith("question 1 answer 1 themes") and "'romance'" in p for p in found)
    assert any(p.startswith("question 2 id") and "twice" in p for p in found)
    assert any(p.startswith("question 3 answers") and "no answers" in p for p in found)
    assert any(p.startswith("question 4 answer 2 id") for p in found)


@pytest.mark.parametrize(("count", "ok"), [(5, False), (6, True), (10, True), (11, False)])
def test_six_to_ten_questions(count, ok):
    data = good_quiz()
    extra = copy.deepcopy(data["questions"][0])
    data["questions"] = (
        data["questions"][:count]
        if count <= 6
        else data["questions"] + [{**copy.deepcopy(extra), "id": f"x{n}"} for n in range(count - 6)]
    )
    count_problems = [p for p in problems(data) if p.startswith("questions:") and "give it 6 to 10" in p]
    assert (count_problems == []) is ok


def test_every_answer_must_weight_a_theme_unless_it_is_a_safety_answer():
    data = good_quiz()
    data["questions"][0]["answers"][0]["themes"] = {}
    assert any("weights no theme" in p for p in problems(data))


def test_the_quiz_must_have_a_safety_answer_and_a_result_for_every_theme():
    data = good_quiz()
    data["questions"][5]["answers"] = [answer("a", communication=1), answer("b", repair=1), answer("c", stress=1)]
    del data["results"]["stress"]
    found = problems(data)
    assert any("'safety'" in p for p in found)
    assert any(p.startswith("results stress") for p in found)


def test_script_safe_json_cannot_close_the_script_element():
    assert "</script>" not in script_safe_json('{"t":"</script><b>&"}')


def page_data():
    """Quiz data shaped as the quiz page embeds it."""
    quiz = good_quiz()
    themes = []
    for slug in THEMES:
        tips = [
            {"url": f"/tips/{slug}-{n}/", "title": f"{slug} {n}", "summary": "S", "time": "", "effort": ""}
            for n in range(4)
        ]
        articles = [{"url": f"/articles/{slug}/", "title": slug, "summary": "S"}]
        themes.append(
            {
                "slug": slug,
                "name": slug.title(),
                "url": f"/themes/{slug}/",
                "result": "R",
                "tips": tips,
                "articles": articles,
            }
        )
    return {"questions": quiz["questions"], "themes": themes}


def run(answers):
    return call_js("quiz-engine.js", "quizResult", page_data(), answers)


def test_top_themes_follow_the_scores_and_tips_come_from_them():
    result = run({"q1": "b", "q2": "b", "q3": "b", "q4": "a", "q5": "a", "safety": "no"})
    assert result["themes"] == ["repair", "communication"]
    assert 3 <= len(result["tips"]) <= 6
    assert all(t["url"].startswith(("/tips/repair", "/tips/communication")) for t in result["tips"])
    assert len({t["url"] for t in result["tips"]}) == len(result["tips"])
    assert 1 <= len(result["articles"]) <= 2
    assert result["safety"] is False


def test_ties_are_broken_by_taxonomy_order_every_time():
    answers = {"q1": "a", "q2": "b", "q3": "c", "q4": "a", "q5": "b", "safety": "no"}
    first = run(answers)
    assert first == run(answers)
    assert first["themes"][:2] == ["communication", "repair"]


def test_a_safety_answer_replaces_advice_and_never_suggests_therapy():
    result = run({"q1": "a", "q2": "a", "q3": "a", "q4": "a", "q5": "c", "safety": "yes"})
    assert result["safety"] is True
    assert result["tips"] == [] and result["articles"] == []
    assert "professional-help" not in result["themes"]


def test_long_running_conflict_recommends_professional_help():
    result = run({"q1": "b", "q2": "b", "q3": "a", "q4": "a", "q5": "c", "safety": "no"})
    assert result["seekHelp"] is True
    assert "professional-help" in result["themes"]


def test_answers_round_trip_through_the_url_hash():
    answers = {"q1": "b", "q2": "a", "safety": "no"}
    hash_ = call_js("quiz-engine.js", "encodeAnswers", page_data(), answers)
    assert hash_ == "#q1=b&q2=a&safety=no"
    assert call_js("quiz-engine.js", "decodeAnswers", page_data(), hash_ + "&q3=unknown&evil=1") == answers


REAL_QUIZ = Path(__file__).resolve().parents[2] / "content" / "quiz" / "where-are-we-stuck.yml"
REAL_THEMES = Path(__file__).resolve().parents[2] / "content" / "themes.yml"
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


def real_result(answers):
    """The result of the real quiz for these answers, with every theme offered (tips are not the point here)."""
    quiz = yaml.safe_load(REAL_QUIZ.read_text(encoding="utf-8"))
    slugs = [theme["slug"] for theme in yaml.safe_load(REAL_THEMES.read_text(encoding="utf-8"))]
    themes = [{"slug": s, "name": s, "url": f"/themes/{s}/", "result": "R", "tips": [], "articles": []} for s in slugs]
    return call_js("quiz-engine.js", "quizResult", {"questions": quiz["questions"], "themes": themes}, answers)


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
def test_the_real_quiz_leads_home_life_and_trust_answers_to_their_themes(changes, expected, first):
    result = real_result({**CALM, **changes})
    assert expected in result["themes"], result["scores"]
    if first:
        assert result["themes"][0] == expected, result["scores"]


def test_every_theme_of_the_real_quiz_can_be_reached_first():
    quiz = yaml.safe_load(REAL_QUIZ.read_text(encoding="utf-8"))
    weighted = {slug for q in quiz["questions"] for a in q["answers"] for slug in a.get("themes", {})}
    assert weighted == set(quiz["results"])
