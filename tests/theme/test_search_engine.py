"""Unit tests of the pure parts of search-engine.js, run in Node."""

import pytest

from tests.jsmodule import call_js


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("How do we stop fighting?", ["how", "do", "we", "stop", "fighting"]),
        ("love: ~2 ^boost -minus", ["love", "2", "boost", "minus"]),
        ("don\u2019t  phone-free", ["don't", "phone", "free"]),
        ("<img src=x onerror=alert(1)>", ["img", "src=x", "onerror=alert(1"]),
        ("", []),
    ],
)
def test_tokenize_matches_lunr_tokenizer_and_trimmer(text, words):
    assert call_js("search-engine.js", "tokenize", text) == words


@pytest.mark.parametrize(("word", "folded"), [("colour", "color"), ("apologising", "apologizing"), ("talk", "talk")])
def test_fold_spelling_uses_the_longest_prefix(word, folded):
    spellings = {"colour": "color", "apologis": "apologiz", "apolog": "WRONG"}
    assert call_js("search-engine.js", "foldSpelling", word, spellings) == folded


@pytest.mark.parametrize(("word", "distance"), [("fight", 1), ("therapy", 1), ("apreciation", 2)])
def test_edit_distance_grows_with_word_length(word, distance):
    assert call_js("search-engine.js", "editDistanceFor", word) == distance
