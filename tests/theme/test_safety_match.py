"""The danger list (content/safety-words.yml) against a table of phrasings, in Node with lunr's stemmer.

Readers in danger type their situation in their own words; each of these must bring up the
safety panel. Readers in a rut must not be met with it.
"""

from __future__ import annotations

import json

import pytest
from hub.dangerwords import load_danger_words

from tests.jsmodule import call_js

MUST_MATCH = [
    "he hits me",
    "she hits me",
    "my husband hit me",
    "my wife hurts me",
    "he hurt me last night",
    "she yells at me",
    "he screams at me all the time",
    "my boyfriend shouts at me",
    "scared of my husband",
    "I'm scared of her",
    "afraid of my boyfriend",
    "frightened",
    "violent",
    "my partner is violent",
    "my partner is controlling",
    "he controls my money",
    "she checks my phone",
    "he reads my messages",
    "he won't let me see my friends",
    "she won\u2019t let me go out",
    "he tells me what to wear",
    "he threatened to kill me",
    "she threatens to take the kids",
    "he said he would hurt the dog",
    "he threatens to kill himself if I leave",
    "she says she will hurt herself if I go",
    "he forces me to have sex",
    "pressured into sex",
    "he makes me have sex when I don't want to",
    "abuse",
    "domestic violence",
    "emotional abuse",
    "is this abuse?",
    "he pushed me",
    "she slapped me",
    "he choked me",
    "HE STRANGLED ME",
    "I'm not allowed to see my family",
    "he cut me off from my family",
    "she keeps me from my friends",
    "he takes my money",
    "I'm afraid to go home",
    "he throws things at me",
    "I'm terrified of him",
    "he tracks my location",
    "my partner beats me",
    "I feel unsafe at home",
    "he threatens me",
    "coercive control",
    "my girlfriend kicked me",
]

MUST_NOT_MATCH = [
    "we hit a rut",
    "we hit a wall",
    "stuck",
    "bored",
    "we never talk anymore",
    "feel like roommates",
    "how to spice things up",
    "date night ideas",
    "we argue about chores",
    "he is always on his phone",
    "she never listens",
    "lost the spark",
    "I'm scared we are drifting apart",
    "how to control my temper",
    "we fight about money",
    "hit the gym together",
    "my partner works shifts",
    "should we break up",
    "low libido",
    "we keep having the same fight",
    "jealousy",
    "how do I say sorry",
]


@pytest.fixture(scope="module")
def danger_data(project_root):
    words, problems = load_danger_words(project_root / "content" / "safety-words.yml", "content/safety-words.yml")
    assert problems == []
    return json.loads(words.matcher_json)


@pytest.fixture(scope="module")
def lunr_url(project_root):
    return (project_root / "node_modules" / "lunr" / "lunr.js").as_uri()


def test_the_table_is_big_enough():
    assert len(MUST_MATCH) >= 40
    assert len(MUST_NOT_MATCH) >= 20


def test_every_danger_phrasing_matches(danger_data, lunr_url):
    found = call_js("safety-match.js", "matchAll", danger_data, MUST_MATCH, lunr_url)
    assert [query for query, hit in zip(MUST_MATCH, found, strict=True) if not hit] == []


def test_no_rut_phrasing_matches(danger_data, lunr_url):
    found = call_js("safety-match.js", "matchAll", danger_data, MUST_NOT_MATCH, lunr_url)
    assert [query for query, hit in zip(MUST_NOT_MATCH, found, strict=True) if hit] == []


def test_words_may_stand_between_a_phrase_s_words_but_not_too_many(lunr_url):
    data = {"gap": 2, "groups": {"person": ["he"]}, "words": [], "phrases": [["{person}", "hit", "me"]]}
    queries = [
        "he hits me",
        "he sometimes really hits me",
        "he hits the wall over near me",
        "he said that yesterday he hit a rut with me",
    ]
    assert call_js("safety-match.js", "matchAll", data, queries, lunr_url) == [True, True, False, False]
