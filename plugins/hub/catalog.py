"""The catalog: themes, tips and articles cross-referenced once, for every template to read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from .metadata import split_list
from .related import related_finder
from .sources import SourceLink, reviewed_day, source_links
from .themes import Theme
from .tipcards import TipCard

STARTER_COUNT = 6


@dataclass(frozen=True)
class HubCatalog:
    """Read-only lookups between themes, tip cards and articles, keyed by URL or slug."""

    themes: tuple[Theme, ...]
    tips: tuple[TipCard, ...]
    starter_tips: tuple[TipCard, ...]
    themes_by_slug: Mapping[str, Theme]
    tips_by_theme: Mapping[str, tuple[TipCard, ...]]
    articles_by_theme: Mapping[str, tuple[Any, ...]]
    item_themes: Mapping[str, tuple[Theme, ...]] = field(repr=False)
    related: Mapping[str, tuple[TipCard, ...]] = field(repr=False)
    item_sources: Mapping[str, tuple[SourceLink, ...]] = field(repr=False, default_factory=dict)
    item_reviewed: Mapping[str, date] = field(repr=False, default_factory=dict)

    def theme(self, slug: str) -> Theme:
        """Return the theme with this slug."""
        return self.themes_by_slug[slug]

    def themes_of(self, item: Any) -> tuple[Theme, ...]:
        """Return the themes of a tip card or article, in the order the editor listed them."""
        return self.item_themes.get(item.url, ())

    def sources_of(self, item: Any) -> tuple[SourceLink, ...]:
        """Return the linked sources of the ideas in a tip card or article."""
        return self.item_sources.get(item.url, ())

    def reviewed_of(self, item: Any) -> date | None:
        """Return the day a tip card's, article's or page's sources were last checked, if given."""
        return self.item_reviewed.get(item.url)

    def related_to(self, item: Any) -> tuple[TipCard, ...]:
        """Return the tip cards related to a tip card or article."""
        return self.related.get(item.url, ())

    def tips_in(self, slug: str) -> tuple[TipCard, ...]:
        """Return every tip tagged with a theme, sorted by title."""
        return self.tips_by_theme.get(slug, ())

    def articles_in(self, slug: str) -> tuple[Any, ...]:
        """Return every article tagged with a theme, newest first."""
        return self.articles_by_theme.get(slug, ())

    def tips_led_by(self, slug: str) -> tuple[TipCard, ...]:
        """Return the tips whose main (first) theme is this one, for the grouped tip index."""
        return tuple(tip for tip in self.tips_in(slug) if tip.main_theme == slug)


def _pick_starters(themes: Sequence[Theme], tips_by_theme: Mapping[str, tuple[TipCard, ...]]) -> tuple[TipCard, ...]:
    """One easy tip led by each theme in taxonomy order, for a reader who arrives stuck."""
    starters: list[TipCard] = []
    for theme in themes:
        led = [tip for tip in tips_by_theme.get(theme.slug, ()) if tip.main_theme == theme.slug]
        led.sort(key=lambda tip: (tip.effort != "easy", tip.title))
        if led:
            starters.append(led[0])
    return tuple(starters[:STARTER_COUNT])


def _reviewed_days(tips: Sequence[TipCard], others: Sequence[Any]) -> dict[str, date]:
    """The Reviewed day of every item that gives one, keyed by URL."""
    days = {tip.url: tip.reviewed for tip in tips if tip.reviewed}
    days.update({item.url: reviewed_day(item.metadata.get("reviewed")) for item in others})
    return {url: day for url, day in days.items() if day}


def build_catalog(
    themes: Sequence[Theme],
    tips: Sequence[TipCard],
    articles: Sequence[Any],
    related_count: int = 3,
    pages: Sequence[Any] = (),
) -> HubCatalog:
    """Cross-reference checked themes, tips and Pelican articles into a catalog."""
    by_slug = {theme.slug: theme for theme in themes}
    tips = sorted(tips, key=lambda tip: (tip.title.lower(), tip.slug))
    tips_by_theme = {theme.slug: tuple(tip for tip in tips if theme.slug in tip.themes) for theme in themes}
    article_themes = {article.url: split_list(article.metadata.get("themes")) for article in articles}
    articles_by_theme = {
        theme.slug: tuple(article for article in articles if theme.slug in article_themes[article.url])
        for theme in themes
    }
    item_themes = {tip.url: tuple(by_slug[s] for s in tip.themes) for tip in tips}
    item_themes.update({url: tuple(by_slug[s] for s in slugs if s in by_slug) for url, slugs in article_themes.items()})
    find_related = related_finder(tips)
    related = {tip.url: find_related(tip.slug, tip.themes, related_count) for tip in tips}
    related.update({url: find_related(f"article:{url}", slugs, related_count) for url, slugs in article_themes.items()})
    return HubCatalog(
        themes=tuple(themes),
        tips=tuple(tips),
        starter_tips=_pick_starters(themes, tips_by_theme),
        themes_by_slug=MappingProxyType(by_slug),
        tips_by_theme=MappingProxyType(tips_by_theme),
        articles_by_theme=MappingProxyType(articles_by_theme),
        item_themes=MappingProxyType(item_themes),
        related=MappingProxyType(related),
        item_sources=MappingProxyType(
            {tip.url: tip.sources for tip in tips}
            | {article.url: source_links(article.metadata.get("source")) for article in articles}
        ),
        item_reviewed=MappingProxyType(_reviewed_days(tips, [*articles, *pages])),
    )
