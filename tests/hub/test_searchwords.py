"""Checking content/search-words.yml: every rule, with a message that names the group."""

from pathlib import Path

import pytest
from hub.searchwords import index_form, load_search_words, search_words_from_data

PATH = "content/search-words.yml"


def problems_for(groups):
    words, problems = search_words_from_data({"groups": groups}, PATH)
    return [str(problem) for problem in problems]


def test_the_real_file_is_valid_and_has_at_least_forty_groups():
    root = Path(__file__).resolve().parents[2]
    words, problems = load_search_words(root / PATH, PATH)
    assert problems == []
    assert len(words.groups) >= 40


def test_entries_are_stored_as_the_index_holds_words():
    assert index_form("Apologise") == index_form("apologize") == "apolog"
    assert index_form("in-laws") == "law"  # "in" is a word search ignores
    assert index_form("taken for granted") == "taken grant"


def test_groups_ship_distinct_index_forms_in_file_order():
    words, problems = search_words_from_data({"groups": [["thanks", "thank", "gratitude"]]}, PATH)
    assert problems == []
    assert words.to_data() == {"related": [["thank", "gratitud"]], "filler": []}


def test_filler_words_ship_as_stems_and_may_not_be_in_a_group():
    words, problems = search_words_from_data({"groups": [["row", "fight"]], "filler": ["never", "really"]}, PATH)
    assert problems == [] and words.to_data()["filler"] == ["never", "realli"]
    found = problems_for_data({"groups": [["row", "fight"]], "filler": ["rows", "my", "Two words"]})
    assert any("'rows' is also in groups[1] (row)" in line for line in found)
    assert any("'my' is already ignored by search" in line for line in found)
    assert any("'Two words' is not one lower-case word" in line for line in found)


def problems_for_data(data):
    return [str(problem) for problem in search_words_from_data(data, PATH)[1]]


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        ([[]], "groups[1]: is empty; list at least two words"),
        ([["row"]], "groups[1] (row): has only one word"),
        ([["argue", "arguing"]], "groups[1] (argue): has only one word (forms of a word already meet)"),
        ([["Row", "fight"]], "groups[1] (Row): 'Row' has capital letters; write it in lower case"),
        ([["row", "fight!"]], "groups[1] (row): 'fight!' is not a plain word or a phrase of up to 3 words"),
        ([["row", "a b c d"]], "'a b c d' is not a plain word or a phrase of up to 3 words"),
        ([["row", 3]], "groups[1] (row): 3 is not a word"),
        ([["row", "row", "fight"]], "groups[1] (row): 'row' is listed twice; keep one"),
        ([["row", "says no"]], "'says no' is made only of words search ignores"),
        (
            [["stonewall", "walks off"]],
            "groups[1] (stonewall): 'walks off' is searched as 'walks' alone (search ignores its other words)",
        ),
        (
            [["row", "fight"], ["argue", "rows"]],
            "groups[2] (argue): 'rows' is also in groups[1] (row) (as 'row'); keep it in one group",
        ),
        (
            [["counselling", "therapy"], ["counseling", "help"]],
            "groups[2] (counseling): 'counseling' is also in groups[1] (counselling)",
        ),
    ],
)
def test_each_broken_rule_is_one_clear_line(groups, expected):
    found = problems_for(groups)
    assert any(expected in line for line in found), found
    assert all(line.startswith(PATH + ": ") for line in found)


@pytest.mark.parametrize("data", [None, [], {"words": []}, {"groups": []}, {"groups": "row"}])
def test_a_file_of_the_wrong_shape_says_what_it_must_hold(data):
    words, problems = search_words_from_data(data, PATH)
    assert words is None
    assert len(problems) == 1 and "groups" in problems[0].message
