"""Unit tests of the search documents, the lunr index and the store."""

import json

from hub.search_index import build_search_files, document_for
from lunr.index import Index

THEMES = {"repair": "Repair after a fight", "quality-time": "Quality time"}


def docs():
    return [
        document_for("/tips/b/", "Reach out first", "tip", ["repair"], "Make the first move.", "<p>Say sorry.</p>", ""),
        document_for(
            "/tips/a/", 'Quotes " and \\ and <b>tags</b>', "tip", ["quality-time"], "Phones away.", "<p>Dinner.</p>", ""
        ),
        document_for("/about/", "About", "page", [], "What this is.", "<p>The hub.</p>", "boost"),
    ]


def load(files):
    return Index.load(json.loads(files.index_bytes)), json.loads(files.store_bytes)


def test_hidden_items_are_left_out():
    assert document_for("/x/", "X", "tip", [], "", "", "hidden") is None


def test_store_is_in_url_order_and_keeps_titles_intact():
    _, store = load(build_search_files(docs(), THEMES))
    assert [d["url"] for d in store["docs"]] == ["/about/", "/tips/a/", "/tips/b/"]
    assert store["docs"][1]["title"] == 'Quotes " and \\ and <b>tags</b>'
    assert store["themes"] == THEMES
    assert set(store["docs"][0]) == {"url", "title", "type", "themes", "summary"}


def test_titles_outrank_bodies_and_themes_are_searchable():
    index, store = load(build_search_files(docs(), THEMES))
    assert store["docs"][int(index.search("reach")[0]["ref"])]["url"] == "/tips/b/"
    assert store["docs"][int(index.search("quality")[0]["ref"])]["url"] == "/tips/a/"


def test_british_spelling_in_the_text_is_found_by_the_american_word():
    extra = document_for("/tips/c/", "Say sorry", "tip", [], "Apologise first.", "", "")
    index, store = load(build_search_files([*docs(), extra], THEMES))
    assert store["docs"][int(index.search("apologize")[0]["ref"])]["url"] == "/tips/c/"


def test_output_is_deterministic_and_named_by_content():
    first, second = build_search_files(docs(), THEMES), build_search_files(list(reversed(docs())), THEMES)
    assert first == second
    assert first.index_name.startswith("index.") and first.index_name.endswith(".json")
    changed = build_search_files(docs()[:2], THEMES)
    assert changed.index_name != first.index_name and changed.store_name != first.store_name


def test_json_is_compact_with_sorted_keys():
    files = build_search_files(docs(), THEMES)
    text = files.store_bytes.decode()
    assert ", " not in text and ": " not in text.replace('": "', "")
    assert json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False) == text


def test_related_words_go_in_the_store_and_change_the_file_names():
    plain = build_search_files(docs(), THEMES)
    related = build_search_files(docs(), THEMES, {"related": [["sorri", "apolog"]], "filler": ["never"]})
    assert json.loads(plain.store_bytes)["related"] == []
    assert json.loads(related.store_bytes)["related"] == [["sorri", "apolog"]]
    assert json.loads(related.store_bytes)["filler"] == ["never"]
    assert related.store_name != plain.store_name
