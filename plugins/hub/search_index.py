"""The search index: documents from the catalog, a prebuilt lunr index and a small store.

The index is built here with lunr.py and loaded in the browser by lunr.js 2.3.9, so the
browser never builds it. Both files are written compact, with sorted keys, and named by a
hash of their bytes, so a cached page can never pair with an index from another build.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from lunr import lunr

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


def document_for(url: str, title: str, kind: str, themes: Sequence[str], summary: str, body_html: str, search: str) -> SearchDocument | None:
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


def build_index(documents: Sequence[SearchDocument], theme_names: Mapping[str, str]) -> dict[str, Any]:
    """Build the lunr index; each document's ref is its position in the store."""
    rows = []
    for ref, doc in enumerate(documents):
        fields = {
            "id": str(ref),
            "title": fold_text(doc.title),
            "themes": _theme_words(doc.themes, theme_names),
            "summary": fold_text(doc.summary),
            "body": fold_text(doc.body),
        }
        rows.append((fields, {"boost": BOOSTED_ITEM_WEIGHT} if doc.boosted else {}))
    return lunr(ref="id", fields=list(FIELDS), documents=rows).serialize()


def build_store(documents: Sequence[SearchDocument], theme_names: Mapping[str, str]) -> dict[str, Any]:
    """The data a result needs, in index ref order, plus theme names and spelling folds."""
    return {
        "version": STORE_VERSION,
        "docs": [
            {"url": d.url, "title": d.title, "type": d.type, "themes": list(d.themes), "summary": d.summary}
            for d in documents
        ],
        "themes": dict(theme_names),
        "spellings": SPELLING_PREFIXES,
    }


def to_json_bytes(data: Any) -> bytes:
    """Serialise deterministically: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def hashed_name(stem: str, data: bytes) -> str:
    """A file name that changes whenever the bytes change, e.g. ``index.3f2a9c1b7d.json``."""
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.json"


@dataclass(frozen=True)
class SearchFiles:
    """The two files the browser fetches for search, with their hashed names."""

    index_name: str
    index_bytes: bytes
    store_name: str
    store_bytes: bytes


def build_search_files(documents: Sequence[SearchDocument], theme_names: Mapping[str, str]) -> SearchFiles:
    """Build the index and store for documents sorted by URL, ready to write."""
    ordered = sorted(documents, key=lambda doc: doc.url)
    index_bytes = to_json_bytes(build_index(ordered, theme_names))
    store_bytes = to_json_bytes(build_store(ordered, theme_names))
    return SearchFiles(hashed_name("index", index_bytes), index_bytes, hashed_name("store", store_bytes), store_bytes)
