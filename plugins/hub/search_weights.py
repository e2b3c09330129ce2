"""lunr's term weights for every field of every document, computed the way lunr.py's Builder does.

lunr.py's Builder walks every token through a chain of Python calls and keeps metadata the
hub never reads; on a site of 20,000 documents that is most of a minute. This module runs
the same pipeline (trimmer, stop-word filter, Porter stemmer, from lunr.py itself) once per
distinct word, counts terms with Counter, and applies lunr's BM25 formula with the same
operations in the same order, so every weight equals the one lunr.py would store
(tests/hub/test_search_weights.py compares them with lunr.py's own index).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lunr.stemmer import porter_stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.trimmer import full_re

# lunr's defaults (lunr.Builder: k1 = 1.2, b = 0.75).
K1 = 1.2
B = 0.75
STOP = frozenset(STOP_WORDS)
# lunr's tokenizer splits on whitespace and hyphens.
_SEPARATOR = re.compile(r"[\s\-]+")


@cache
def term_for(word: str) -> str | None:
    """One lower-case word through lunr's index pipeline: trimmed, stop words dropped, stemmed."""
    match = full_re.match(word)
    trimmed = match.group(1) if match else word
    if not trimmed or trimmed in STOP:
        return None
    return porter_stemmer.stem(trimmed)


def terms_of(words: Sequence[str]) -> list[str]:
    """The index terms of a field given as lower-case words, in order."""
    found = (term_for(word) for word in words if word)
    return [term for term in found if term]


def split_words(text: str) -> list[str]:
    """Split already folded (lower-case) text as lunr's tokenizer does."""
    return [word for word in _SEPARATOR.split(text) if word]


@dataclass(frozen=True)
class FieldPostings:
    """Every term's postings, field by field: term -> [(doc, weight), ...] with docs ascending."""

    fields: tuple[str, ...]
    postings: dict[str, list[list[tuple[int, float]]]]
    document_count: int


def idf(documents_with_term: int, document_count: int) -> float:
    """lunr.idf: documents_with_term counts a document once per field that holds the term."""
    x = (document_count - documents_with_term + 0.5) / (documents_with_term + 0.5)
    return math.log(1 + abs(x))


def field_postings(
    rows: Sequence[Sequence[list[str]]], fields: Sequence[tuple[str, float]], doc_boosts: Sequence[float]
) -> FieldPostings:
    """Weights for rows of field terms (one row per document, one term list per field).

    ``fields`` gives each field's name and boost, in the order of each row.
    """
    count = len(rows)
    frequencies: list[list[Counter]] = [[Counter(terms) for terms in row] for row in rows]
    lengths = [[len(terms) for terms in row] for row in rows]
    average = [sum(doc[f] for doc in lengths) / count if count else 0 for f in range(len(fields))]
    raw: dict[str, list[list[tuple[int, int]]]] = {}
    for ref, row in enumerate(frequencies):
        for f, counts in enumerate(row):
            for term, tf in counts.items():
                per_field = raw.get(term)
                if per_field is None:
                    per_field = raw[term] = [[] for _ in fields]
                per_field[f].append((ref, tf))
    postings: dict[str, list[list[tuple[int, float]]]] = {}
    for term, per_field in raw.items():
        weight = idf(sum(len(docs) for docs in per_field), count)
        postings[term] = [
            [(ref, _weight(weight, tf, lengths[ref][f], average[f], fields[f][1], doc_boosts[ref])) for ref, tf in docs]
            for f, docs in enumerate(per_field)
        ]
    return FieldPostings(tuple(name for name, _ in fields), postings, count)


def _weight(idf_value: float, tf: int, length: int, average: float, field_boost: float, doc_boost: float) -> float:
    """lunr.py's Builder._create_field_vectors, operation for operation."""
    score = idf_value * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average)) + tf)
    score *= field_boost
    score *= doc_boost
    return round(score, 3)
