"""The search index: every word of every item, weighted by lunr's rules and split by term.

Every field of every item is indexed in full (title, themes, summary, the editor's
``Search_words`` line and the whole body, headings included). search_weights computes lunr's
weights; search_shards cuts the sorted terms into shards. The page
(theme/static/js/search-engine.js) fetches the manifest, then only the shards that hold a
query's terms and the display chunks of the results it draws, and scores exactly as one
lunr.Index would (tests/theme/test_search_parity.py checks it).

Everything is written under ``search/<hash>/``, the hash being one of every input and of the
format, so a cached page can never pair with files from another build; the files are JSON
with sorted keys and no spaces, so two builds are byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .search_shards import Shard, front_code, js_order, split_shards
from .search_weights import field_postings, split_words, terms_of
from .text import SPELLING_PREFIXES, fold_text, html_to_text

# Field weights: a word in the title counts most, then the themes, then the summary. "words" is
# the editor's Search_words line (readers' own phrasings, never shown): it counts as the summary.
FIELDS = (("title", 10), ("themes", 5), ("summary", 3), ("words", 3), ("body", 1))
BOOSTED_ITEM_WEIGHT = 3
FORMAT_VERSION = 5
TYPE_ORDER = ("tip", "article", "page")
# About this many bytes of JSON per shard: a few tens of KB once compressed, and a shard is
# the unit a query fetches.
SHARD_BYTES = 48_000
# Results are drawn 20 at a time; display data comes in chunks this size, fetched for the
# results drawn.
CHUNK_DOCS = 8
# Below this many compressed bytes for the whole index, one file is faster than a manifest
# plus shards: at 10 Mbit/s it arrives in about the time of the two round trips shards add, and a new
# query then fetches nothing (see bench/RESULTS.md, "How the index scales"). Sites up to a few
# hundred items, this one included, get one file. HUB_SEARCH_SINGLE_FILE_MAX_BYTES changes it.
SINGLE_FILE_MAX_BYTES = 80_000
MANIFEST_NAME = "index.json"
# How many related words (or phrases) a query word looks for at most: see related_targets.
RELATED_TARGETS = 4
# A related word counts for at most this many items, those where it weighs most: related
# matches rank below the reader's own words, so past a few pages of results they are never
# read, and this keeps a group's postings the same small size however large the site grows.
RELATED_ITEMS = 200
INDEX_FORMAT = f"hub-index-{FORMAT_VERSION}-shard{SHARD_BYTES}-chunk{CHUNK_DOCS}-related{RELATED_ITEMS}"
SHARD_FILE = "s{}.json"
CHUNK_FILE = "d{}.json"
TERMS_FILE = "terms.json"
RELATED_FILE = "r{}.json"


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
    # Readers' phrasings from the Search_words line: indexed, never shown.
    search_words: tuple[str, ...] = ()


def document_for(
    url: str,
    title: str,
    kind: str,
    themes: Sequence[str],
    summary: str,
    body_html: str,
    search: str,
    search_words: Sequence[str] = (),
) -> SearchDocument | None:
    """Make a search document, or None when the editor asked to keep the item out."""
    if search == "hidden":
        return None
    body = html_to_text(body_html)
    return SearchDocument(url, title, kind, tuple(themes), summary, body, search == "boost", tuple(search_words))


def _theme_words(slugs: Iterable[str], theme_names: Mapping[str, str]) -> list[str]:
    """The words of each theme's slug and name, as plain strings lunr indexes one by one."""
    words: list[str] = []
    for slug in slugs:
        words += slug.split("-") + theme_names.get(slug, "").split()
    return [fold_text(word) for word in words if word]


def field_words(doc: SearchDocument, theme_names: Mapping[str, str]) -> list[list[str]]:
    """The lower-case words of each field, in FIELDS order: what lunr's tokenizer would produce."""
    return [
        split_words(fold_text(doc.title)),
        _theme_words(doc.themes, theme_names),
        split_words(fold_text(doc.summary)),
        split_words(fold_text(" ".join(doc.search_words))),
        split_words(fold_text(doc.body)),
    ]


def ordered(documents: Sequence[SearchDocument]) -> list[SearchDocument]:
    """Documents in browse order (tips, articles, pages; then by title): a document's ref is its place here."""
    rank = {kind: place for place, kind in enumerate(TYPE_ORDER)}
    return sorted(documents, key=lambda doc: (rank.get(doc.type, len(rank)), doc.title.casefold(), doc.url))


def to_json_bytes(data: Any) -> bytes:
    """Serialise deterministically: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def search_folder(
    documents: Sequence[SearchDocument],
    theme_names: Mapping[str, str],
    words: Mapping[str, Any] | None = None,
    single_file_max: int = SINGLE_FILE_MAX_BYTES,
) -> str:
    """The folder of this build's search files (e.g. ``3f2a9c1b7d``; the manifest is MANIFEST_NAME in it):
    a hash of everything the files are built from, and of how they are built.

    Naming the folder by its inputs (not its bytes) lets pages that link it be written while
    the index is still being built; any change to a document changes the name.
    """
    inputs = {
        "format": INDEX_FORMAT,
        "single": single_file_max,
        "themes": dict(theme_names),
        "spellings": SPELLING_PREFIXES,
        "words": dict(words or {}),
        "docs": [vars(doc) for doc in ordered(documents)],
    }
    return hashlib.sha256(to_json_bytes(inputs)).hexdigest()[:10]


@dataclass(frozen=True)
class SearchFiles:
    """The search files of one build: their folder name and each file's name and bytes."""

    folder: str
    files: tuple[tuple[str, bytes], ...]

    def file(self, name: str) -> bytes:
        """The bytes of one file, by name."""
        return dict(self.files)[name]


def _facets(docs: Sequence[SearchDocument]) -> dict[str, Any]:
    """Each document's type (as ranges of refs) and theme combination (one small number each)."""
    types: list[list[Any]] = []
    for ref, doc in enumerate(docs):
        if types and types[-1][0] == doc.type:
            types[-1][1] = ref + 1
        else:
            types.append([doc.type, ref + 1])
    combos: dict[tuple[str, ...], int] = {}
    doc_combos = [combos.setdefault(doc.themes, len(combos)) for doc in docs]
    return {"types": types, "combos": [list(combo) for combo in combos], "docCombos": doc_combos}


def _chunks(docs: Sequence[SearchDocument]) -> list[list[list[str]]]:
    """Display data (URL, title, summary), CHUNK_DOCS documents per chunk, in ref order."""
    rows = [[doc.url, doc.title, doc.summary] for doc in docs]
    return [rows[start : start + CHUNK_DOCS] for start in range(0, len(rows), CHUNK_DOCS)] or [[]]


def build_shards(docs: Sequence[SearchDocument], theme_names: Mapping[str, str], target_bytes: int) -> list[Shard]:
    """Weighted postings of every term, split into shards."""
    rows = [[terms_of(words) for words in field_words(doc, theme_names)] for doc in docs]
    boosts = [BOOSTED_ITEM_WEIGHT if doc.boosted else 1 for doc in docs]
    weighted = field_postings(rows, FIELDS, boosts)
    return split_shards(weighted.postings, target_bytes)


def build_search_files(
    documents: Sequence[SearchDocument],
    theme_names: Mapping[str, str],
    words: Mapping[str, Any] | None = None,
    shard_bytes: int = SHARD_BYTES,
    single_file_max: int = SINGLE_FILE_MAX_BYTES,
) -> SearchFiles:
    """Build the manifest, shards, display chunks and term list, ready to write."""
    docs = ordered(documents)
    folder = search_folder(docs, theme_names, words, single_file_max)
    shards = build_shards(docs, theme_names, shard_bytes)
    related = list((words or {}).get("related", []))
    chunks = _chunks(docs)
    manifest: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "fields": [name for name, _ in FIELDS],
        "count": len(docs),
        "themes": dict(theme_names),
        "spellings": SPELLING_PREFIXES,
        # content/search-words.yml, as hub.searchwords ships it: groups of stems, filler stems.
        "related": related,
        "relatedTargets": related_targets(related, shards),
        "relatedItems": RELATED_ITEMS,
        "filler": list((words or {}).get("filler", [])),
        "chunkDocs": CHUNK_DOCS,
        "files": {"shard": SHARD_FILE, "chunk": CHUNK_FILE, "terms": TERMS_FILE},
        **_facets(docs),
    }
    whole = [shard.data() for shard in shards]
    groups = related_postings(related, manifest["relatedTargets"], shards, FIELDS)
    # A group none of whose words is met outside the body has no file, and nothing to look for.
    with_postings = {number for number, _ in groups}
    manifest["relatedTargets"] = [
        positions if number in with_postings else [] for number, positions in enumerate(manifest["relatedTargets"])
    ]
    # A compressed shard is rarely under a fifth of its JSON: past that, one file cannot fit.
    if len(shards) * shard_bytes <= single_file_max * 5:
        phrased = phrase_items(related, manifest["relatedTargets"], shards)
        inline = {
            "shard": _merged(whole),
            "docs": [row for chunk in chunks for row in chunk],
            # The page takes each group's postings from the shard above, by related_postings' rule.
            "phrased": {word: _gaps(refs) for word, refs in phrased.items()},
        }
        single = to_json_bytes({**manifest, "shards": [""], "inline": inline})
        if len(gzip.compress(single, compresslevel=6, mtime=0)) <= single_file_max:
            return SearchFiles(folder, ((MANIFEST_NAME, single),))
    manifest["shards"] = [shard.terms[0] if number else "" for number, shard in enumerate(shards)]
    manifest["files"]["related"] = RELATED_FILE
    files = [(MANIFEST_NAME, to_json_bytes(manifest))]
    files += [(SHARD_FILE.format(number), to_json_bytes(data)) for number, data in enumerate(whole)]
    files += [(RELATED_FILE.format(number), to_json_bytes(data)) for number, data in groups]
    files += [(CHUNK_FILE.format(number), to_json_bytes(chunk)) for number, chunk in enumerate(chunks)]
    all_terms = [term for shard in shards for term in shard.terms]
    files.append((TERMS_FILE, to_json_bytes(front_code(all_terms))))
    return SearchFiles(folder, tuple(files))


def related_targets(groups: Sequence[Sequence[str]], shards: Sequence[Shard]) -> list[list[int]]:
    """For each group of related words, which entries a query looks for: at most RELATED_TARGETS.

    Every entry of a group finds the group (a reader may type a word no item uses), but only
    entries whose words are in the index can find anything, and each one looked for may cost
    the page a shard: so the page looks for the few used by the most items (single words
    before phrases), given here as positions in the group.
    """
    wanted = {word for group in groups for entry in group for word in entry.split()}
    frequency = {}
    for shard in shards:
        for term, per_field in zip(shard.terms, shard.postings, strict=True):
            if term in wanted:
                frequency[term] = len({ref for flat in per_field for ref in _refs(flat)})
    targets = []
    for group in groups:
        usable = [
            (len(entry.split()) > 1, -min(frequency[word] for word in entry.split()), position)
            for position, entry in enumerate(group)
            if all(word in frequency for word in entry.split())
        ]
        targets.append([position for *_, position in sorted(usable)[:RELATED_TARGETS]])
    return targets


def phrase_items(
    groups: Sequence[Sequence[str]],
    targets: Sequence[Sequence[int]],
    shards: Sequence[Shard],
    fields: Sequence[tuple[str, int]] = FIELDS,
) -> dict[str, list[int]]:
    """For each word a group looks for only as part of a phrase: the items that hold a phrase of it.

    A related phrase ("turn toward") counts where an item holds every one of its words outside
    the body, so its words are kept only there: "turn" alone says nothing about the group. A
    word some group also looks for on its own keeps all its postings outside the body, and is
    not listed. One rule for a word in every group, so a page holding two groups' postings
    reads it the same from either.
    """
    body = [name for name, _ in fields].index("body")
    postings = _term_postings(shards)
    entries = [
        group[position].split() for group, positions in zip(groups, targets, strict=True) for position in positions
    ]
    singles = {entry[0] for entry in entries if len(entry) == 1}
    outside: dict[str, set[int]] = {}
    for word in {word for entry in entries if len(entry) > 1 for word in entry}:
        outside[word] = {ref for field, flat in enumerate(postings[word]) if field != body for ref in _refs(flat)}
    items: dict[str, set[int]] = {}
    for phrase in (entry for entry in entries if len(entry) > 1):
        together = set.intersection(*(outside[word] for word in phrase))
        for word in phrase:
            if word not in singles:
                items.setdefault(word, set()).update(together)
    return {word: sorted(refs) for word, refs in sorted(items.items())}


def related_postings(
    groups: Sequence[Sequence[str]],
    targets: Sequence[Sequence[int]],
    shards: Sequence[Shard],
    fields: Sequence[tuple[str, int]] = FIELDS,
) -> list[tuple[int, dict]]:
    """For each group with entries to look for, the postings of their words outside the body.

    A related word stands for what an item is about, so it counts where the item says what it
    is about (title, themes, summary, search words) and not in passing in the body, which is
    also where nearly all of a word's postings are; a word looked for only within phrases
    counts only where the item holds a whole phrase (phrase_items); and each word counts for
    at most RELATED_ITEMS items, where it weighs most. Each group's postings make
    one small file a query word fetches beside its own shard, so related words rank the same
    on a sharded site as in one file, where the page takes them from the whole index by the
    same rule (search-engine.js, groupPostings).
    """
    body = [name for name, _ in fields].index("body")
    postings = _term_postings(shards)
    phrased = {word: set(refs) for word, refs in phrase_items(groups, targets, shards, fields).items()}
    files = []
    for number, (group, positions) in enumerate(zip(groups, targets, strict=True)):
        kept = {}
        for term in sorted({word for position in positions for word in group[position].split()}, key=js_order):
            entry = [[] if field == body else flat for field, flat in enumerate(postings[term])]
            entry = [_only(flat, _strongest(entry, phrased.get(term), RELATED_ITEMS)) for flat in entry]
            if any(entry):
                kept[term] = entry
        if kept:
            files.append((number, {"terms": list(kept), "postings": list(kept.values())}))
    return files


def _strongest(entry: Sequence[Sequence[int]], allowed: set[int] | None, most: int) -> set[int]:
    """The ``most`` items (of ``allowed``, if given) where a term weighs most over all fields; ties by item number."""
    totals: dict[int, int] = {}
    for flat in entry:
        for ref, weight in zip(_refs(flat), flat[1::2], strict=True):
            if allowed is None or ref in allowed:
                totals[ref] = totals.get(ref, 0) + weight
    return set(sorted(totals, key=lambda ref: (-totals[ref], ref))[:most])


def _term_postings(shards: Sequence[Shard]) -> dict[str, list[list[int]]]:
    """Every term's encoded postings, from all shards."""
    return {term: entry for shard in shards for term, entry in zip(shard.terms, shard.postings, strict=True)}


def _refs(flat: Sequence[int]) -> list[int]:
    """The item numbers of one field's encoded postings."""
    refs, ref = [], 0
    for gap in flat[0::2]:
        ref += gap
        refs.append(ref)
    return refs


def _gaps(refs: Sequence[int]) -> list[int]:
    """Sorted item numbers as gaps, as postings hold them."""
    return [ref - previous for previous, ref in zip([0, *refs], refs, strict=False)]


def _only(flat: list[int], keep: set[int]) -> list[int]:
    """One field's encoded postings, only for the items in ``keep``."""
    kept: list[int] = []
    previous = 0
    for ref, weight in zip(_refs(flat), flat[1::2], strict=True):
        if ref in keep:
            kept += (ref - previous, weight)
            previous = ref
    return kept


def _merged(shards: Sequence[dict]) -> dict:
    """All shards as one."""
    return {
        "terms": [term for shard in shards for term in shard["terms"]],
        "postings": [entry for shard in shards for entry in shard["postings"]],
    }
