"""Unit tests of the search documents and the files the build writes: manifest, shards, chunks."""

import json

import pytest
from hub import search_index
from hub.search_index import MANIFEST_NAME, RELATED_ITEMS, build_search_files, document_for
from hub.search_shards import front_decode

THEMES = {"repair": "Repair after a fight", "quality-time": "Quality time"}


def docs():
    return [
        document_for("/tips/b/", "Reach out first", "tip", ["repair"], "Make the first move.", "<p>Say sorry.</p>", ""),
        document_for(
            "/tips/a/", 'Quotes " and \\ and <b>tags</b>', "tip", ["quality-time"], "Phones away.", "<p>Dinner.</p>", ""
        ),
        document_for("/about/", "About", "page", [], "What this is.", "<p>The hub.</p>", "boost"),
        document_for(
            "/articles/x/", "A long read", "article", ["repair", "quality-time"], "More.", "<p>Words.</p>", ""
        ),
    ]


def manifest(files):
    return json.loads(files.file(MANIFEST_NAME))


def test_hidden_items_are_left_out():
    assert document_for("/x/", "X", "tip", [], "", "", "hidden") is None


def test_a_small_site_is_one_file_with_everything_inline():
    files = build_search_files(docs(), THEMES)
    assert [name for name, _ in files.files] == [MANIFEST_NAME]
    data = manifest(files)
    assert data["shards"] == [""] and "inline" in data
    assert data["inline"]["docs"][0] == ["/tips/a/", 'Quotes " and \\ and <b>tags</b>', "Phones away."]


def test_refs_are_in_browse_order_with_types_and_themes_as_facets():
    data = manifest(build_search_files(docs(), THEMES))
    assert [row[0] for row in data["inline"]["docs"]] == ["/tips/a/", "/tips/b/", "/articles/x/", "/about/"]
    assert data["types"] == [["tip", 2], ["article", 3], ["page", 4]]
    assert [data["combos"][c] for c in data["docCombos"]] == [
        ["quality-time"],
        ["repair"],
        ["repair", "quality-time"],
        [],
    ]
    assert data["themes"] == THEMES and data["count"] == 4


def test_every_word_of_the_body_is_indexed():
    body = "<p>" + " ".join(f"word{n}" for n in range(500)) + " zebra</p>"
    extra = document_for("/tips/z/", "Z", "tip", [], "", body, "")
    terms = manifest(build_search_files([*docs(), extra], THEMES))["inline"]["shard"]["terms"]
    assert "zebra" in terms and "word499" in terms


def test_a_large_index_is_split_into_shards_chunks_and_a_term_list():
    many = [
        document_for(f"/tips/{n}/", f"Tip {n}", "tip", ["repair"], "Sum.", f"<p>term{n} common words here</p>", "")
        for n in range(40)
    ]
    files = build_search_files(many, THEMES, shard_bytes=300, single_file_max=0)
    data = manifest(files)
    names = [name for name, _ in files.files]
    assert len(data["shards"]) > 2 and data["shards"][0] == "" and data["shards"] == sorted(data["shards"])
    assert f"s{len(data['shards']) - 1}.json" in names and "d4.json" in names and "terms.json" in names
    terms = front_decode(json.loads(files.file("terms.json")))
    assert terms == sorted(terms) and "term39" in terms
    first = json.loads(files.file("s1.json"))
    assert first["terms"][0] == data["shards"][1]


def test_output_is_deterministic_and_named_by_its_inputs():
    first, second = build_search_files(docs(), THEMES), build_search_files(list(reversed(docs())), THEMES)
    assert first == second
    changed = build_search_files(docs()[:2], THEMES)
    assert changed.folder != first.folder and len(first.folder) == 10


def test_json_is_compact_with_sorted_keys():
    text = build_search_files(docs(), THEMES).file(MANIFEST_NAME).decode()
    assert json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False) == text


def test_search_words_go_in_the_manifest_and_change_the_folder_name():
    plain = build_search_files(docs(), THEMES)
    words = build_search_files(docs(), THEMES, {"related": [["sorri", "apolog"]], "filler": ["never"]})
    assert manifest(plain)["related"] == [] and manifest(plain)["filler"] == []
    assert manifest(words)["related"] == [["sorri", "apolog"]]
    assert manifest(words)["filler"] == ["never"]
    assert words.folder != plain.folder


def test_related_targets_are_the_entries_the_index_holds_most_single_words_first():
    extra = [
        document_for("/tips/c/", "Sorry", "tip", [], "Say sorry.", "<p>Sorry again.</p>", ""),
        document_for("/tips/d/", "Make up", "tip", [], "Make up after a fight.", "", ""),
    ]
    groups = [["apolog", "sorri", "make up", "reach"], ["nowher", "gone"]]
    data = manifest(build_search_files([*docs(), *extra], THEMES, {"related": groups, "filler": []}))
    # "sorri" is in three items, "reach" in one, "make up" is a phrase; "apolog" is in none.
    assert data["relatedTargets"] == [[1, 3, 2], []]


def test_related_words_carry_their_postings_outside_the_body():
    extra = [
        document_for("/tips/c/", "Sorry", "tip", [], "Say it.", "<p>Nothing else.</p>", ""),
        document_for("/tips/d/", "Talk", "tip", [], "Talk it through.", "<p>Then say sorry.</p>", ""),
    ]
    files = build_search_files(
        [*docs(), *extra], THEMES, {"related": [["apolog", "sorri"]], "filler": []}, single_file_max=0
    )
    data = manifest(files)
    group = json.loads(files.file("r0.json"))
    assert group["terms"] == ["sorri"]
    body = data["fields"].index("body")
    (postings,) = group["postings"]
    assert postings[body] == [] and postings[data["fields"].index("title")]  # only /tips/c/ says it outside the body


def _phrase_docs():
    return [
        *docs(),
        document_for("/tips/c/", "Turn toward a bid", "tip", [], "Notice it.", "", ""),
        document_for("/tips/d/", "Turn the music down", "tip", [], "Quiet.", "", ""),
        document_for("/tips/e/", "Turn off the phone", "tip", [], "Off.", "<p>Then turn toward them.</p>", ""),
        document_for("/tips/f/", "Move toward calm", "tip", [], "Breathe.", "", ""),
    ]


PHRASE_WORDS = {"related": [["bid", "turn toward"], ["calm", "toward"]], "filler": []}


def test_a_word_looked_for_only_in_a_phrase_keeps_the_items_holding_the_whole_phrase():
    files = build_search_files(_phrase_docs(), THEMES, PHRASE_WORDS, single_file_max=0)
    data = manifest(files)
    first = json.loads(files.file("r0.json"))
    turn = first["postings"][first["terms"].index("turn")]
    # /tips/c/ holds "turn toward" outside the body; /tips/d/ has only "turn", /tips/e/ "toward" in its body.
    assert [len(field) // 2 for field in turn] == [1, 0, 0, 0, 0]
    # "toward" is looked for alone by the second group, so it keeps every posting outside the body
    # in both files: a page holding both reads it the same from either.
    second = json.loads(files.file("r1.json"))
    toward = second["postings"][second["terms"].index("toward")]
    assert first["postings"][first["terms"].index("toward")] == toward
    assert sum(len(field) // 2 for field in toward) == 2 and toward[data["fields"].index("body")] == []


@pytest.mark.parametrize("most", [RELATED_ITEMS, 1])
def test_one_file_derives_each_group_file_from_the_whole_index(monkeypatch, most):
    """The page builds a one-file site's group postings (search-engine.js) exactly as a sharded site ships them."""
    from tests.jsmodule import call_js

    monkeypatch.setattr(search_index, "RELATED_ITEMS", most)
    sharded = build_search_files(_phrase_docs(), THEMES, PHRASE_WORDS, single_file_max=0)
    one = manifest(build_search_files(_phrase_docs(), THEMES, PHRASE_WORDS))
    assert one["relatedItems"] == most
    assert "related" not in one["inline"] and one["inline"]["phrased"]
    body = one["fields"].index("body")
    for number, group in enumerate(one["related"]):
        words = [word for position in one["relatedTargets"][number] for word in group[position].split()]
        derived = call_js(
            "search-engine.js", "groupPostings", one["inline"]["shard"], words, one["inline"]["phrased"], body, most
        )
        shipped = json.loads(sharded.file(f"r{number}.json"))
        assert derived == shipped
        for entry in shipped["postings"]:  # "toward" is in three items' titles, "turn" in three
            assert len({ref for flat in entry for ref in search_index._refs(flat)}) <= most


def test_search_words_are_indexed_in_their_own_field_but_never_shown():
    extra = document_for(
        "/tips/w/",
        "Meet halfway",
        "tip",
        [],
        "Find a middle way.",
        "<p>Talk.</p>",
        "",
        ("mother-in-law", "his parents"),
    )
    data = manifest(build_search_files([*docs(), extra], THEMES))
    assert data["fields"] == ["title", "themes", "summary", "words", "body"]
    shard = data["inline"]["shard"]
    words = data["fields"].index("words")
    postings = dict(zip(shard["terms"], shard["postings"], strict=True))
    assert postings["parent"][words] and not postings["parent"][data["fields"].index("body")]
    assert all("parents" not in " ".join(row) for row in data["inline"]["docs"])


def test_search_words_change_the_folder_name():
    plain = document_for("/tips/w/", "W", "tip", [], "", "", "")
    worded = document_for("/tips/w/", "W", "tip", [], "", "", "", ("in-laws",))
    assert build_search_files([plain], THEMES).folder != build_search_files([worded], THEMES).folder
