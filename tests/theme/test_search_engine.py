"""Unit tests of the search modules, run in Node: the pure helpers, and the engine over the
files the Python build writes (one file and many shards)."""

import json

import pytest
from hub.search_index import build_search_files, document_for

from tests.jsmodule import call_js
from tests.searchref import run_driver

THEMES = {"repair": "Repair after a fight", "quality-time": "Quality time", "stress": "Stress"}


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


def test_only_the_last_word_is_a_prefix_and_typos_only_when_fuzzy():
    exact = call_js("search-engine.js", "queryClauses", ["phone", "free"], False)
    assert [(c["term"], c.get("wildcard", False)) for c in exact] == [("phone", False), ("free", False), ("free", True)]
    fuzzy = call_js("search-engine.js", "queryClauses", ["therpy"], True)
    assert [c.get("editDistance") for c in fuzzy] == [None, None, 1, 1]


def test_postings_decode_from_gaps_and_thousandths():
    decoded = call_js("search-engine.js", "decodePostings", [[2, 1500, 3, 1], []])
    assert decoded == [{"docs": {"0": 2, "1": 5}, "weights": {"0": 1.5, "1": 0.001}}, {"docs": {}, "weights": {}}]


# search-terms.js
@pytest.mark.parametrize(("term", "shard"), [("", 0), ("apple", 0), ("m", 1), ("melon", 1), ("t", 2), ("zebra", 2)])
def test_shard_for_a_term_is_the_last_boundary_at_or_before_it(term, shard):
    assert call_js("search-terms.js", "shardFor", ["", "m", "t"], term) == shard


def test_a_prefix_may_span_several_shards():
    assert call_js("search-terms.js", "shardsForPrefix", ["", "ma", "mb", "mc", "t"], "m") == [0, 1, 2, 3]
    assert call_js("search-terms.js", "shardsForPrefix", ["", "ma", "mb", "mc", "t"], "tr") == [4]


def test_terms_with_a_prefix_and_front_decoding():
    assert call_js("search-terms.js", "withPrefix", ["bid", "bids", "big", "cat"], "bid") == ["bid", "bids"]
    assert call_js("search-terms.js", "frontDecode", "0bid\n3s\n2g") == ["bid", "bids", "big"]


# search-state.js
def test_state_round_trips_through_the_url():
    state = call_js("search-state.js", "stateFromSearch", "?q=date+night&theme=repair&theme=stress")
    assert state == {"query": "date night", "themes": ["repair", "stress"], "hasQuery": True}
    assert call_js("search-state.js", "urlForState", state, "/search/") == "?q=date+night&theme=repair&theme=stress"
    assert call_js("search-state.js", "urlForState", {"query": "  ", "themes": []}, "/search/") == "/search/"


def test_is_current_url():
    assert call_js("search-state.js", "isCurrentUrl", "?q=a", {"search": "?q=a", "pathname": "/search/"})
    assert call_js("search-state.js", "isCurrentUrl", "/search/", {"search": "", "pathname": "/search/"})
    assert not call_js("search-state.js", "isCurrentUrl", "?q=b", {"search": "?q=a", "pathname": "/search/"})


TEXTS = {"one": "{count} result", "many": "{count} results", "about": " for “{query}”", "fuzzy": " (typos)"}


@pytest.mark.parametrize(
    ("facts", "line"),
    [
        ({"count": 1, "query": "a", "themeCount": 0, "fuzzy": False}, "1 result for “a”"),
        ({"count": 3, "query": "", "themeCount": 1, "fuzzy": False}, "3 results"),
        ({"count": 2, "query": "tehrapy", "themeCount": 0, "fuzzy": True}, "2 results for “tehrapy” (typos)"),
        ({"count": 0, "query": "", "themeCount": 0, "fuzzy": False}, ""),
    ],
)
def test_the_status_line_is_made_from_the_pages_texts(facts, line):
    assert call_js("search-state.js", "describe", TEXTS, facts) == line


@pytest.mark.parametrize(
    ("facts", "page"),
    [
        ({"drawn": 0, "total": 45, "pageSize": 20, "limit": 0}, {"from": 0, "to": 20, "more": True}),
        ({"drawn": 40, "total": 45, "pageSize": 20, "limit": 0}, {"from": 40, "to": 45, "more": False}),
        ({"drawn": 0, "total": 45, "pageSize": 20, "limit": 5}, {"from": 0, "to": 5, "more": False}),
        ({"drawn": 0, "total": 0, "pageSize": 20, "limit": 0}, {"from": 0, "to": 0, "more": False}),
    ],
)
def test_paging(facts, page):
    assert call_js("search-state.js", "nextPage", facts) == page


def test_result_meta_uses_the_pages_names():
    separators = {"metaSeparator": " · ", "themeSeparator": ", "}
    meta = call_js(
        "search-state.js", "resultMeta", {"type": "tip", "themes": ["a", "b"]}, {"tip": "Tip"}, {"a": "A"}, separators
    )
    assert meta == "Tip · A, b"


# The engine over files the Python build writes.
def site_docs():
    docs = [
        document_for(
            "/tips/phone/",
            "Take a phone-free hour",
            "tip",
            ["quality-time"],
            "Phones away.",
            "<p>Put the phones in a drawer and talk.</p>",
            "",
        ),
        document_for(
            "/tips/sorry/",
            "Say sorry first",
            "tip",
            ["repair"],
            "Apologise well.",
            "<p>A real apology names what you did.</p>",
            "",
        ),
        document_for(
            "/articles/stress/",
            "Stress from work",
            "article",
            ["stress", "repair"],
            "Outside pressure.",
            "<p>Work stress leaks into the evening; talk about it.</p>",
            "",
        ),
        document_for("/about/", "About this site", "page", [], "What this is.", "<p>Plain advice for couples.</p>", ""),
    ]
    docs += [
        document_for(
            f"/tips/t{n}/",
            f"Filler tip {n}",
            "tip",
            ["stress"],
            "Filler.",
            f"<p>filler{n} evening walk together</p>",
            "",
        )
        for n in range(30)
    ]
    return docs


def run_engine(tmp_path, searches, **options):
    files = build_search_files(site_docs(), THEMES, **options)
    for name, data in files.files:
        (tmp_path / name).write_bytes(data)
    return run_driver(tmp_path, searches)


@pytest.fixture(params=[{}, {"shard_bytes": 200, "single_file_max": 0}], ids=["one-file", "sharded"])
def options(request):
    return request.param


def test_engine_finds_body_words_ranks_titles_first_and_counts_themes(tmp_path, options):
    talk, phone = run_engine(tmp_path, [["talk", []], ["phone", []]], **options)
    assert {r["url"] for r in talk["results"]} == {"/tips/phone/", "/articles/stress/"}
    assert talk["counts"] == {"quality-time": 1, "stress": 1, "repair": 1}
    assert phone["results"][0] == {
        "url": "/tips/phone/",
        "title": "Take a phone-free hour",
        "summary": "Phones away.",
        "type": "tip",
        "themes": ["quality-time"],
        "score": phone["results"][0]["score"],
        "terms": ["phone"],
    }


def test_engine_typos_british_spelling_and_prefixes(tmp_path, options):
    typo, british, prefix = run_engine(tmp_path, [["aplogy", []], ["apologising", []], ["wal", []]], **options)
    assert typo["fuzzy"] and typo["results"][0]["url"] == "/tips/sorry/"
    assert british["words"] == ["apologizing"] and british["results"][0]["url"] == "/tips/sorry/"
    assert not prefix["fuzzy"] and len(prefix["results"]) == 30


def test_engine_theme_filters_and_browse(tmp_path, options):
    filtered, browse = run_engine(tmp_path, [["talk", ["stress"]], ["", ["repair"]]], **options)
    assert [r["url"] for r in filtered["results"]] == ["/articles/stress/"]
    assert [r["url"] for r in browse["results"]] == ["/tips/sorry/", "/articles/stress/"]


def test_sharded_engine_fetches_only_what_a_query_needs(tmp_path):
    (phone,) = run_engine(tmp_path, [["phone", []]], shard_bytes=200, single_file_max=0)
    shards = [name for name in phone["fetched"] if name.startswith("s")]
    assert 1 <= len(shards) <= 2 and "terms.json" not in phone["fetched"]
    assert [name for name in phone["fetched"] if name.startswith("d")] == ["d3.json"]  # refs 24-31: tips by title


@pytest.mark.parametrize("single_file_max", [None, 0], ids=["one-file", "sharded"])
def test_a_related_word_met_only_in_bodies_is_found_nowhere(tmp_path, single_file_max):
    """ "sorry" is in a body only, so it is not in the group's postings: it matches nothing, and a
    sharded site does not fetch its shard to look for it there."""
    docs = [
        document_for("/tips/regret/", "Name a regret", "tip", [], "Out loud.", "<p>Then listen.</p>", ""),
        document_for("/tips/walk/", "Walk at dusk", "tip", [], "Slowly.", "<p>Say sorry first.</p>", ""),
        *[document_for(f"/tips/f{n}/", f"Filler {n}", "tip", [], "Filler.", f"<p>zz{n}</p>", "") for n in range(20)],
    ]
    words = {"related": [["apolog", "regret", "sorri"]], "filler": []}
    options = {} if single_file_max is None else {"shard_bytes": 200, "single_file_max": 0}
    for name, data in build_search_files(docs, THEMES, words, **options).files:
        (tmp_path / name).write_bytes(data)
    (found,) = run_driver(tmp_path, [["apology", []]])
    assert [result["url"] for result in found["results"]] == ["/tips/regret/"]
    if single_file_max == 0:
        (shard,) = [name for name in found["fetched"] if name.startswith("s")]  # the reader's word's
        assert "sorri" not in json.loads((tmp_path / shard).read_text())["terms"]
        assert "r0.json" in found["fetched"]


# search-ranking.js
def test_ranking_best_score_first_ties_in_build_order_partial_or_whole():
    refs = list(range(100))
    scores = [(n * 37) % 11 for n in refs]
    expected = sorted(refs, key=lambda at: (-scores[at], refs[at]))
    assert call_js("search-ranking.js", "rankHits", refs, scores) == expected
    assert call_js("search-ranking.js", "rankHits", refs, scores, 7) == expected[:7]  # heap
    assert call_js("search-ranking.js", "rankHits", refs, scores, 0) == []


MORE_TEXTS = {**TEXTS, "none": "No results for “{query}”.", "close": "Nothing matches “{query}” exactly."}


@pytest.mark.parametrize(
    ("facts", "line"),
    [
        ({"count": 0, "query": "qqzx", "themeCount": 0, "fuzzy": True, "exact": False}, "No results for “qqzx”."),
        (
            {"count": 4, "query": "gratitute", "themeCount": 0, "fuzzy": True, "exact": False},
            "Nothing matches “gratitute” exactly.",
        ),
        ({"count": 2, "query": "phone", "themeCount": 0, "fuzzy": False, "exact": True}, "2 results for “phone”"),
    ],
)
def test_without_an_exact_match_the_status_says_so_plainly(facts, line):
    assert call_js("search-state.js", "describe", MORE_TEXTS, facts) == line
