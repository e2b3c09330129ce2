"""Splitting weighted postings into term shards, and the compact encodings the page decodes.

Terms are sorted and cut into contiguous ranges ("shards") of about the same size, so an
exact word or a prefix needs only the shard(s) whose range covers it; the manifest lists the
first term of every shard. Each shard holds, for each of its terms, one posting list per
field: document numbers as gaps and weights in thousandths (lunr rounds weights to three
decimals, so ``w / 1000`` in the page is exactly the weight lunr.js would read).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


def encode_postings(per_field: Sequence[Sequence[tuple[int, float]]]) -> list[list[int]]:
    """One term's postings: per field, [gap, weight x 1000, gap, weight x 1000, ...]."""
    encoded = []
    for docs in per_field:
        flat: list[int] = []
        previous = 0
        for ref, weight in docs:
            flat += (ref - previous, round(weight * 1000))
            previous = ref
        encoded.append(flat)
    return encoded


@dataclass(frozen=True)
class Shard:
    """A contiguous range of sorted terms with their encoded postings."""

    terms: tuple[str, ...]
    postings: tuple[list[list[int]], ...]

    def data(self) -> dict:
        """The shard file's content."""
        return {"terms": list(self.terms), "postings": list(self.postings)}


def js_order(term: str) -> bytes:
    """Sort key matching JavaScript's string order (UTF-16 code units), so the page can binary-search."""
    return term.encode("utf-16-be")


def split_shards(postings: Mapping[str, Sequence[Sequence[tuple[int, float]]]], target_bytes: int) -> list[Shard]:
    """Cut the sorted terms into shards of about ``target_bytes`` of JSON each (a term is never split)."""
    shards: list[Shard] = []
    terms: list[str] = []
    encoded: list[list[list[int]]] = []
    size = 0
    for term in sorted(postings, key=js_order):
        entry = encode_postings(postings[term])
        entry_size = len(term) + 3 + len(json.dumps(entry, separators=(",", ":")))
        if terms and size + entry_size > target_bytes:
            shards.append(Shard(tuple(terms), tuple(encoded)))
            terms, encoded, size = [], [], 0
        terms.append(term)
        encoded.append(entry)
        size += entry_size
    if terms or not shards:
        shards.append(Shard(tuple(terms), tuple(encoded)))
    return shards


def front_code(terms: Sequence[str]) -> str:
    """Sorted terms as one string: each line is the shared prefix length (base 36, capped at 35), then the rest."""
    lines = []
    previous = ""
    for term in terms:
        shared = 0
        limit = min(len(term), len(previous), 35)
        while shared < limit and term[shared] == previous[shared]:
            shared += 1
        lines.append(_BASE36[shared] + term[shared:])
        previous = term
    return "\n".join(lines)


def front_decode(coded: str) -> list[str]:
    """The inverse of front_code (the page has its own copy; this one is for tests)."""
    terms: list[str] = []
    previous = ""
    for line in coded.split("\n") if coded else []:
        previous = previous[: _BASE36.index(line[0])] + line[1:]
        terms.append(previous)
    return terms


_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
