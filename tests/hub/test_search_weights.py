"""Every weight the hub computes equals the one lunr.py's Builder stores for the same documents."""

import pytest
from hub.search_index import BOOSTED_ITEM_WEIGHT, FIELDS, build_shards, field_words, ordered
from hub.search_shards import encode_postings, front_code, front_decode
from hub.search_weights import field_postings, term_for, terms_of
from lunr.index import Index

from tests.searchref import documents_from, lunr_py_index

THEMES = {"repair": "Repair after a fight", "stress": "Stress from outside"}


def lunr_weights(serialized):
    """(term, field, ref) -> weight, read from lunr.py's field vectors."""
    index = Index.load(serialized)
    names = {posting["_index"]: term for term, posting in serialized["invertedIndex"]}
    weights = {}
    for field_ref, vector in index.field_vectors.items():
        field, ref = field_ref.split("/", 1) if "/" in str(field_ref) else (field_ref.field_name, field_ref.doc_ref)
        elements = vector.elements
        for at in range(0, len(elements), 2):
            weights[(names[elements[at]], field, int(ref))] = elements[at + 1]
    return weights


def test_weights_equal_lunr_py_on_the_real_content(project_root):
    documents = documents_from(project_root / "content")
    expected = lunr_weights(lunr_py_index(documents, THEMES))
    docs = ordered(documents)
    rows = [[terms_of(words) for words in field_words(doc, THEMES)] for doc in docs]
    weighted = field_postings(rows, FIELDS, [BOOSTED_ITEM_WEIGHT if d.boosted else 1 for d in docs])
    mine = {
        (term, FIELDS[f][0], ref): weight
        for term, per_field in weighted.postings.items()
        for f, postings in enumerate(per_field)
        for ref, weight in postings
    }
    assert len(mine) > 5000
    assert mine == expected
    assert build_shards(docs, THEMES, 10_000)


@pytest.mark.parametrize(("word", "term"), [("fighting", "fight"), ("the", None), ("(hello)", "hello"), ("...", "...")])
def test_terms_go_through_lunrs_pipeline(word, term):
    assert term_for(word) == term


def test_postings_are_gaps_and_thousandths():
    assert encode_postings([[(2, 1.5), (5, 0.001)], []]) == [[2, 1500, 3, 1], []]


def test_front_coding_round_trips():
    terms = [
        "a",
        "ab",
        "abc",
        "abd",
        "b",
        "bcdefghijklmnopqrstuvwxyzabcdefghijklmnopq",
        "bcdefghijklmnopqrstuvwxyzabcdefghijklmnopz",
    ]
    assert front_decode(front_code(terms)) == terms
