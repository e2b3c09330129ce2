"""Tip cards: the hub's own content type, as plain data for templates, feeds and search."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pelican.contents import Page

from .metadata import search_words, split_list
from .sources import SourceLink, reviewed_day, source_links


class Tip(Page):
    """Pelican content class for a tip card; its URL comes from TIP_URL and TIP_SAVE_AS."""

    default_template = "tip"


@dataclass(frozen=True)
class TipCard:
    """One tip card, with its metadata checked and its body rendered to HTML."""

    slug: str
    title: str
    summary: str
    themes: tuple[str, ...]
    sources: tuple[SourceLink, ...]
    url: str
    body_html: str
    source_path: str
    time: str = ""
    effort: str = ""
    date: str = ""
    search: str = ""
    search_words: tuple[str, ...] = ()
    reviewed: datetime.date | None = None

    @property
    def main_theme(self) -> str:
        """The first theme listed, under which the tip index groups the card."""
        return self.themes[0]


def tip_card_from_content(content: Page, source_path: str) -> TipCard:
    """Make a TipCard from a Pelican content object whose metadata already passed the checks."""
    meta: Mapping[str, Any] = content.metadata
    day = meta.get("date")
    return TipCard(
        slug=content.slug,
        title=str(meta["title"]).strip(),
        summary=str(meta["summary"]).strip(),
        themes=split_list(meta["themes"]),
        sources=source_links(meta["source"]),
        url=content.url,
        body_html=content.content,
        source_path=source_path,
        time=str(meta.get("time") or "").strip(),
        effort=str(meta.get("effort") or "").strip(),
        date=day.strftime("%Y-%m-%d") if day else "",
        search=str(meta.get("search") or "").strip(),
        search_words=search_words(meta),
        reviewed=reviewed_day(meta.get("reviewed")),
    )


def tip_groups(themes: Sequence[Any], tips: Sequence[TipCard]) -> list[tuple[Any, list[TipCard]]]:
    """Tips grouped under their main theme, in the themes' order; themes with no tip here are left out."""
    by_theme: dict[str, list[TipCard]] = {}
    for tip in tips:
        by_theme.setdefault(tip.main_theme, []).append(tip)
    return [(theme, by_theme[theme.slug]) for theme in themes if theme.slug in by_theme]
