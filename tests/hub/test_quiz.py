"""Unit tests of the quiz file's validation and the plan helpers (scoring: tests/theme/test_quiz_engine.py)."""

from __future__ import annotations

import copy

import pytest
from hub.plan import time_minutes, tip_steps
from hub.quiz import quiz_from_data, script_safe_json

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
        "support_theme": "professional-help",
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


def test_a_reflection_is_a_short_lower_case_phrase_and_never_on_a_safety_answer():
    data = good_quiz()
    answers = data["questions"][0]["answers"]
    answers[0]["reflection"] = "you hardly talk these days"
    assert problems(data) == []
    answers[0]["reflection"] = "You hardly talk."
    answers[1]["reflection"] = "you " + "really " * 20 + "do"
    answers[2]["reflection"] = "  "
    data["questions"][5]["answers"][1]["reflection"] = "you are afraid"
    found = problems(data)
    assert any(p.startswith("question 1 answer 1 reflection") and "punctuation" in p for p in found)
    assert any(p.startswith("question 1 answer 1 reflection") and "lower case" in p for p in found)
    assert any(p.startswith("question 1 answer 2 reflection") and "80 or fewer" in p for p in found)
    assert any(p.startswith("question 1 answer 3 reflection") and "empty" in p for p in found)
    assert any(p.startswith("question 6 answer 2 reflection") and "safety" in p for p in found)


def test_the_support_theme_must_be_a_theme():
    data = good_quiz()
    data["support_theme"] = "therapy"
    assert any(p.startswith("support_theme:") and "'therapy'" in p for p in problems(data))
    del data["support_theme"]
    assert any(p.startswith("support_theme:") for p in problems(data))


@pytest.mark.parametrize(
    ("time", "minutes"),
    [
        ("20 minutes", 20),
        ("10 minutes a day", 10),
        ("1 minute", 1),
        ("a few minutes", 3),
        ("an evening", 180),
        ("1 to 2 hours", 120),
        ("10 minutes to an evening", 10),
        ("half a day", 240),
        ("up to five sessions", 300),
        ("a moment", 0.5),
        ("ongoing", None),
        ("", None),
    ],
)
def test_time_minutes_reads_how_long_one_go_takes(time, minutes):
    assert time_minutes(time) == minutes


def test_tip_steps_are_the_items_of_the_last_list():
    html = (
        "<p>Intro</p><ul><li>Not this</li></ul><h2>Start tonight</h2>"
        "<ul>\n<li>Agree on a <em>day</em>.</li>\n<li>Set a timer &amp; start.</li>\n</ul>"
    )
    assert tip_steps(html) == ["Agree on a day.", "Set a timer & start."]
    assert tip_steps("<p>No list</p>") == []
