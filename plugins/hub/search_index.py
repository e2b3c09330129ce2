"""The search index: documents from the catalog, a prebuilt lunr index and a small store.

The index is built here with lunr.py and loaded in the browser by lunr.js 2.3.9, so the
browser never builds it. Both files are written compact, with sorted keys, and named by a
hash of their bytes, so a cached page can never pair with an index from another build.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from lunr import lunr
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stemmer import porter_stemmer, stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

from .text import SPELLING_PREFIXES, fold_text, html_to_text

# Field weights: a word in the title counts most, then the themes, then the summary.
FIELDS = (
    {"field_name": "title", "boost": 10},
    {"field_name": "themes", "boost": 5},
    {"field_name": "summary", "boost": 3},
    {"field_name": "body", "boost": 1},
)
BOOSTED_ITEM_WEIGHT = 3
STORE_VERSION = 1
# How many words of each body go into the index. Titles, themes and summaries are indexed
# whole; a body contributes its most distinctive words (most frequent in this item, rarest
# across the site). This keeps the index, its build time and each keystroke's work
# proportional to the number of items rather than to every word ever written.
BODY_TERMS = 32
_BODY_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
# lunr's tokenizer splits on whitespace and hyphens; splitting here, once, in C, lets lunr.py
# skip its character-by-character loop.
_LUNR_SEPARATOR = re.compile(r"[\s\-]+")


@cache
def _stem(word: str) -> str:
    return porter_stemmer.stem(word)


def cached_stemmer(token, i=None, tokens=None):
    """lunr's Porter stemmer, remembering each word: a site repeats the same words a lot."""
    return token.update(lambda text, metadata=None: _stem(text))


Pipeline.register_function(cached_stemmer, "hub-cached-stemmer")


def _builder() -> Builder:
    """lunr's default builder, with the cached stemmer; the search pipeline is lunr's own."""
    builder = Builder()
    builder.pipeline.add(trimmer, stop_word_filter, cached_stemmer)
    builder.search_pipeline.add(stemmer)
    return builder


def _words(text: str) -> list[str]:
    return [word for word in _LUNR_SEPARATOR.split(text) if word]


@dataclass(frozen=True)
class SearchDocument:
    """One searchable item: what the index reads and what a result shows."""

    url: str
    title: str
    type: str
    themes: tuple[str, ...]
    summary: str
    body: str
    boosted: bool = False


def document_for(
    url: str, title: str, kind: str, themes: Sequence[str], summary: str, body_html: str, search: str
) -> SearchDocument | None:
    """Make a search document, or None when the editor asked to keep the item out."""
    if search == "hidden":
        return None
    return SearchDocument(url, title, kind, tuple(themes), summary, html_to_text(body_html), search == "boost")


def _theme_words(slugs: Iterable[str], theme_names: Mapping[str, str]) -> list[str]:
    """The words of each theme's slug and name, as plain strings lunr indexes one by one."""
    words: list[str] = []
    for slug in slugs:
        words += slug.split("-") + theme_names.get(slug, "").split()
    return [fold_text(word) for word in words if word]


def body_keywords(bodies: Sequence[str], limit: int = BODY_TERMS) -> list[list[str]]:
    """For each folded body text, its ``limit`` most distinctive words (tf-idf), sorted."""
    words = [[w for w in _BODY_WORD.findall(body) if w not in STOP_WORDS] for body in bodies]
    document_frequency = Counter(word for item in words for word in set(item))
    count = len(bodies)
    chosen = []
    for item in words:
        frequency = Counter(item)
        ranked = sorted(frequency, key=lambda w: (-frequency[w] * math.log((1 + count) / document_frequency[w]), w))
        chosen.append(sorted(ranked[:limit]))
    return chosen


def build_index(
    documents: Sequence[SearchDocument], theme_names: Mapping[str, str], body_terms: int = BODY_TERMS
) -> dict[str, Any]:
    """Build the lunr index; each document's ref is its position in the store."""
    rows = []
    bodies = body_keywords([fold_text(doc.body) for doc in documents], body_terms)
    for ref, doc in enumerate(documents):
        fields = {
            "id": str(ref),
            "title": _words(fold_text(doc.title)),
            "themes": _theme_words(doc.themes, theme_names),
            "summary": _words(fold_text(doc.summary)),
            "body": bodies[ref],
        }
        rows.append((fields, {"boost": BOOSTED_ITEM_WEIGHT} if doc.boosted else {}))
    return lunr(ref="id", fields=list(FIELDS), documents=rows, builder=_builder()).serialize()


def build_store(
    documents: Sequence[SearchDocument], theme_names: Mapping[str, str], words: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The data a result needs, in index ref order, plus theme names, spelling folds and search words."""
    return {
        "version": STORE_VERSION,
        "docs": [
            {"url": d.url, "title": d.title, "type": d.type, "themes": list(d.themes), "summary": d.summary}
            for d in documents
        ],
        "themes": dict(theme_names),
        "spellings": SPELLING_PREFIXES,
        # content/search-words.yml, as hub.searchwords ships it: groups of stems, filler stems.
        "related": list((words or {}).get("related", [])),
        "filler": list((words or {}).get("filler", [])),
    }


def to_json_bytes(data: Any) -> bytes:
    """Serialise deterministically: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


INDEX_FORMAT = f"hub-index-{STORE_VERSION}-body{BODY_TERMS}"


def search_files_hash(
    documents: Sequence[SearchDocument], theme_names: Mapping[str, str], words: Mapping[str, Any] | None = None
) -> str:
    """A hash of everything the index and store are built from, and of how they are built.

    Naming the files by their inputs (not their bytes) lets pages that link them be written
    while the index is still being built; any change to a document changes the name.
    """
    import lunr as lunr_package

    inputs = {
        "format": INDEX_FORMAT,
        "lunr": lunr_package.__VERSION__,
        "themes": dict(theme_names),
        "spellings": SPELLING_PREFIXES,
        "words": dict(words or {}),
        "docs": [vars(doc) for doc in _ordered(documents)],
    }
    return hashlib.sha256(to_json_bytes(inputs)).hexdigest()[:10]


@dataclass(frozen=True)
class SearchFiles:
    """The two files the browser fetches for search, with their names."""

    index_name: str
    index_bytes: bytes
    store_name: str
    store_bytes: bytes


def search_file_names(
    documents: Sequence[SearchDocument], theme_names: Mapping[str, str], words: Mapping[str, Any] | None = None
) -> tuple[str, str]:
    """The names of the index and store files, e.g. ``index.3f2a9c1b7d.json``."""
    digest = search_files_hash(documents, theme_names, words)
    return f"index.{digest}.json", f"store.{digest}.json"


def _ordered(documents: Sequence[SearchDocument]) -> list[SearchDocument]:
    return sorted(documents, key=lambda doc: doc.url)


def build_search_files(
    documents: Sequence[SearchDocument], theme_names: Mapping[str, str], words: Mapping[str, Any] | None = None
) -> SearchFiles:
    """Build the index and store for documents sorted by URL, ready to write."""
    ordered = _ordered(documents)
    index_name, store_name = search_file_names(ordered, theme_names, words)
    index_bytes = to_json_bytes(build_index(ordered, theme_names))
    store_bytes = to_json_bytes(build_store(ordered, theme_names, words))
    return SearchFiles(index_name, index_bytes, store_name, store_bytes)
