"""Related tip cards: chosen at build time by shared themes, the same way every build.

With thousands of tips, comparing every pair is too slow, so tips are grouped once by their
theme set and main theme (at most a few hundred groups, as there are few themes). An item
ranks the groups, not the tips: most shared themes first, then groups led by the item's
own main theme. Within a group, tips sit in a fixed hashed order and each item starts at
its own hashed position, so ties do not always favour the same few tips.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from .tipcards import TipCard

RelatedFinder = Callable[[str, Sequence[str], int], tuple[TipCard, ...]]


def _stable_hash(text: str) -> int:
    """A hash that is the same on every machine and every run (unlike hash())."""
    return int.from_bytes(hashlib.sha1(text.encode()).digest()[:8], "big")


def related_finder(tips: Iterable[TipCard]) -> RelatedFinder:
    """Prepare the tips once; return a function (key, themes, count) -> related tips."""
    groups: dict[tuple[frozenset[str], str], list[TipCard]] = defaultdict(list)
    for tip in tips:
        groups[(frozenset(tip.themes), tip.main_theme)].append(tip)
    ordered = {
        signature: sorted(members, key=lambda tip: (_stable_hash(tip.slug), tip.slug))
        for signature, members in sorted(groups.items(), key=lambda item: (sorted(item[0][0]), item[0][1]))
    }

    # The group order depends only on an item's theme set and main theme, and items share a few
    # hundred of those: rank the groups once per pair, not once per item.
    rankings: dict[tuple[frozenset[str], str | None], list[tuple[frozenset[str], str]]] = {}

    def ranked_groups(wanted: frozenset[str], primary: str | None) -> list[tuple[frozenset[str], str]]:
        if (wanted, primary) not in rankings:
            rankings[wanted, primary] = [
                signature
                for _, signature in sorted(
                    ((-len(wanted & theme_set), main != primary, position), (theme_set, main))
                    for position, (theme_set, main) in enumerate(ordered)
                    if theme_set & wanted
                )
            ]
        return rankings[wanted, primary]

    def find(key: str, themes: Sequence[str], count: int = 3) -> tuple[TipCard, ...]:
        chosen: list[TipCard] = []
        if count <= 0:
            return ()
        start = _stable_hash(key)
        for signature in ranked_groups(frozenset(themes), themes[0] if themes else None):
            members = ordered[signature]
            for step in range(len(members)):
                tip = members[(start + step) % len(members)]
                if tip.slug != key:
                    chosen.append(tip)
                if len(chosen) == count:
                    return tuple(chosen)
        return tuple(chosen)

    return find


def related_tips(key: str, themes: Sequence[str], tips: Iterable[TipCard], count: int = 3) -> tuple[TipCard, ...]:
    """Up to ``count`` tips sharing a theme with an item (``key`` excludes a tip itself)."""
    return related_finder(tips)(key, themes, count)
