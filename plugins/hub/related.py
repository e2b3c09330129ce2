"""Related tip cards: chosen at build time by shared themes, the same way every build."""

from __future__ import annotations

import hashlib
from typing import Iterable, Sequence

from .tipcards import TipCard


def _stable_tiebreak(a: str, b: str) -> str:
    """A fixed pseudo-random order for a pair, so ties do not always favour the same tips."""
    return hashlib.sha1(f"{a}|{b}".encode()).hexdigest()


def related_tips(key: str, themes: Sequence[str], tips: Iterable[TipCard], count: int = 3) -> tuple[TipCard, ...]:
    """Return up to ``count`` tips sharing a theme with an item, most shared themes first.

    ``key`` identifies the item (a tip's slug excludes the tip itself); ties are broken by a
    hash of the pair of keys, which is stable across builds and machines.
    """
    wanted = set(themes)
    primary = themes[0] if themes else None
    scored = []
    for tip in tips:
        if tip.slug == key:
            continue
        shared = len(wanted.intersection(tip.themes))
        if shared:
            same_main = tip.main_theme == primary
            scored.append(((-shared, not same_main, _stable_tiebreak(key, tip.slug)), tip))
    scored.sort(key=lambda pair: pair[0])
    return tuple(tip for _, tip in scored[:count])
