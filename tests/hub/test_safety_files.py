"""content/helplines.yml and content/safety-words.yml are checked at build, every problem named."""

from __future__ import annotations

import copy

import pytest
from hub.dangerwords import danger_words_from_data
from hub.helplines import helplines_from_data

GOOD_HELPLINES = {
    "reviewed": "2026-11-22",
    "emergency": [{"country": "Testland", "number": "999", "verified_at": "https://gov.test/999"}],
    "contacts": [
        {
            "id": "a-line",
            "name": "A line",
            "for": "Anyone.",
            "country": "Testland",
            "phone": "0800 123 456",
            "url": "https://a.test/",
            "verified_at": "https://a.test/contact",
            "main": True,
        }
    ],
}


def helpline_problems(data):
    return [f"{p.field}: {p.message}" for p in helplines_from_data(data, "content/helplines.yml")[1]]


def test_a_good_helplines_file_gives_dialable_numbers():
    helplines, problems = helplines_from_data(GOOD_HELPLINES, "content/helplines.yml")
    assert problems == []
    assert helplines.main[0].dial == "0800123456"
    assert helplines.emergency[0].dial == "999"
    assert helplines.reviewed == "2026-11-22"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["contacts"][0].pop("verified_at"), "contact a-line.verified_at: is missing"),
        (
            lambda d: d["contacts"][0].update(phone="800-SAFE"),
            "contact a-line.dial: is missing and '800-SAFE' has letters",
        ),
        (lambda d: d["contacts"][0].update(url="a.test"), "contact a-line.url: 'a.test' is not a web address"),
        (lambda d: d["contacts"][0].update(main=False), "contacts: 0 are marked main: true"),
        (lambda d: d["contacts"][0].update(fax="1"), "contact a-line.fax: is not a known field"),
        (lambda d: d["contacts"][0].update(sms="88788"), "contact a-line.text: is missing"),
        (lambda d: d.update(reviewed="22/11/2026"), "reviewed: must be the date"),
        (lambda d: d["emergency"][0].update(number=999), "emergency 1.number: must be text in quotes"),
    ],
)
def test_each_helpline_problem_names_the_entry_and_field(change, expected):
    data = copy.deepcopy(GOOD_HELPLINES)
    change(data)
    assert any(problem.startswith(expected) for problem in helpline_problems(data)), helpline_problems(data)


GOOD_WORDS = {
    "panel": {"heading": "Are you safe?", "text": "Help is here."},
    "groups": {"person": ["he", "she"]},
    "words": ["abuse"],
    "phrases": ["{person} hits me"],
}


def word_problems(data):
    return [f"{p.field}: {p.message}" for p in danger_words_from_data(data, "content/safety-words.yml")[1]]


def test_a_good_danger_list_becomes_compact_json_with_the_spelling_folds():
    words, problems = danger_words_from_data(GOOD_WORDS, "content/safety-words.yml")
    assert problems == []
    assert '"phrases":[["{person}","hits","me"]]' in words.matcher_json
    assert '"spellings":' in words.matcher_json


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(phrases=["{someone} hits me"]), "uses {someone} but there is no such group"),
        (lambda d: d.update(phrases=["hits"]), "has one word; put single words under `words`"),
        (lambda d: d.update(phrases=["{person}"]), "has one word"),
        (lambda d: d.update(words=["abuse", "abuse"]), "'abuse' is listed twice"),
        (lambda d: d.update(words=["Two Words"]), "is not one lower-case word"),
        (lambda d: d.pop("panel"), "panel: must have a `heading` and a `text`"),
        (lambda d: d.update(extra=[]), "extra: is not a known section"),
    ],
)
def test_each_danger_list_problem_says_what_to_do(change, expected):
    data = copy.deepcopy(GOOD_WORDS)
    change(data)
    assert any(expected in problem for problem in word_problems(data)), word_problems(data)
