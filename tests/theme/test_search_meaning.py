"""Unit tests of search-meaning.js in Node: related words, typos near a group word, coverage ranking."""

import pytest

from tests.jsmodule import call_js

# Relative to theme/static/js, where call_js looks.
HELPERS = "../../../tests/theme/meaning_helpers.mjs"

DATA = {
    "related": [
        ["thank", "gratitud", "appreci", "taken grant"],
        ["fight", "row", "argument"],
        ["long distanc", "live apart", "miles"],
    ],
    "filler": ["never", "anymor"],
}


def related(stems, typos=False):
    return call_js(HELPERS, "relatedFor", stems, DATA, typos)


@pytest.mark.parametrize(
    ("stems", "typos", "expected"),
    [
        (["gratitud"], False, [["thank", "appreci"]]),
        (["row", "thank"], False, [["fight", "argument"], ["gratitud", "appreci"]]),
        (["taken", "grant"], False, [["thank", "gratitud", "appreci"], ["thank", "gratitud", "appreci"]]),
        (["talk"], False, [[]]),
        (["gratitut"], False, [[]]),
        (["gratitut"], True, [["thank", "gratitud", "appreci"]]),
    ],
)
def test_a_word_looks_for_the_single_words_of_its_group(stems, typos, expected):
    assert related(stems, typos) == expected


@pytest.mark.parametrize(
    ("a", "b", "most", "expected"),
    [
        ("gratitud", "gratitut", 1, True),
        ("jelou", "jealou", 1, True),
        ("talk", "walk", 0, False),
        ("ab", "abcd", 1, False),
    ],
)
def test_within_edits(a, b, most, expected):
    assert call_js(HELPERS, "withinEdits", a, b, most) is expected


def plan(*words):
    return [
        {"typed": typed, "stem": stem, "relatedStems": extra, "relatedPhrases": [], "span": -1}
        for typed, stem, extra in words
    ]


def order(scores, matched, words, filler=(), count=100):
    return call_js(HELPERS, "coverageOrder", scores, matched, words, list(filler), count)


def test_covering_more_meaningful_words_beats_a_higher_score_on_one_word():
    words = plan(("talk", "talk", ["convers"]), ("never", "never", []))
    # 0: matches only the filler word, with a high score; 1: talk; 2: a related word only.
    assert order([9.0, 2.0, 1.0], [["never"], ["talk"], ["convers"]], words, ["never"]) == [1, 2, 0]


def test_the_readers_word_ranks_above_a_related_word_and_prefixes_count_as_the_word():
    words = plan(("apologise", "apolog", ["sorri"]))
    assert order([5.0, 1.0], [["sorri"], ["apologi"]], words) == [1, 0]


def test_within_the_same_coverage_lunr_score_decides():
    words = plan(("phone", "phone", ["screen"]), ("free", "free", []))
    assert order([1.0, 3.0, 2.0], [["phone", "free"], ["phone", "free"], ["screen", "free"]], words) == [1, 0, 2]


def test_credits_from_postings_equal_credits_from_each_hits_terms():
    words = plan(("apologise", "apolog", ["sorri"]), ("never", "never", []))
    matched = [["apologi", "never@body"], ["sorri"], ["sorri", "apolog@body"], [], ["sorri@body", "never@body"]]
    from_terms, from_postings = call_js(HELPERS, "creditsBothWays", matched, words)
    assert from_terms == from_postings == pytest.approx([1, 0.35, 0.6, 0, 0.6, 0, 0, 0, 0.6 * 0.35, 0.35])


def test_a_related_phrase_counts_outside_the_body_only_when_all_its_words_are():
    words = [{"typed": "divorce", "stem": "divorc", "relatedStems": [], "relatedPhrases": [["stai", "go"]], "span": -1}]
    matched = [["stai", "go"], ["go", "stai@body"], ["stai@body", "go@body"], ["go"]]
    from_terms, from_postings = call_js(HELPERS, "creditsBothWays", matched, words)
    assert from_terms == from_postings == pytest.approx([0.6, 0.6 * 0.35, 0.6 * 0.35, 0])


def test_a_title_match_outranks_a_body_only_match_of_the_same_words():
    words = plan(("money", "monei", []), ("fight", "fight", []))
    assert order([9.0, 1.0], [["monei@body", "fight@body"], ["monei", "fight"]], words) == [1, 0]


def test_a_readers_phrase_is_one_idea_and_a_related_phrase_counts_only_whole():
    words = call_js(HELPERS, "planFor", ["long", "distanc"], DATA, False)
    assert [w["span"] for w in words] == [0, 0]
    assert words[0]["relatedStems"] == ["miles"]
    assert words[0]["relatedPhrases"] == [["live", "apart"]]
    # 0: "long" in a title, "distance" only in the body; 1: "live apart" in a title;
    # 2: only "live"; the reader's phrase counts as its weakest word.
    matched = [["long", "distanc@body"], ["live", "apart"], ["live", "long"]]
    assert order([5.0, 1.0, 3.0], matched, words) == [1, 0, 2]


def test_a_group_looks_only_for_the_entries_the_build_chose_but_any_entry_finds_it():
    data = {**DATA, "relatedTargets": [[2], [0, 1], []]}
    assert call_js(HELPERS, "relatedFor", ["gratitud"], data, False) == [["appreci"]]
    assert call_js(HELPERS, "relatedFor", ["argument"], data, False) == [["fight", "row"]]
    assert call_js(HELPERS, "planFor", ["miles"], data, False)[0]["relatedPhrases"] == []


def test_a_readers_word_is_stemmed_as_the_index_stems_it(project_root):
    """lunr.js and lunr.py's Porter stemmers disagree on a final "y" ("play": "play" / "plai")."""
    import re

    from lunr.stemmer import porter_stemmer

    words = {"play", "plays", "played", "playing", "playful", "money", "always", "try", "trying", "tried", "sky"}
    words |= {"holiday", "annoyance", "eye", "goodbye", "toyings", "says", "why", "by", "worry", "happy", "days"}
    for path in (project_root / "content").rglob("*.md"):
        words |= set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    words = sorted(words)
    assert call_js(HELPERS, "indexStems", words) == [porter_stemmer.stem(word) for word in words]
