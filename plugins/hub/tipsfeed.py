"""The tips' own Atom feed, kept apart from the article feed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from feedgenerator import Atom1Feed

from .tipcards import TipCard


def _date(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc)


def tips_feed(
    tips: Sequence[TipCard], siteurl: str, sitename: str, tips_url: str, feed_path: str, default_date: str
) -> str:
    """An Atom feed of every tip, newest first; tips without a Date use ``default_date``."""
    dated = sorted(tips, key=lambda tip: (tip.date or default_date, tip.title), reverse=True)
    feed = Atom1Feed(
        title=f"{sitename}: tips",
        link=f"{siteurl}/{tips_url}",
        feed_url=f"{siteurl}/{feed_path}",
        description="Practical tips for couples in a rut.",
        language="en",
    )
    for tip in dated:
        feed.add_item(
            title=tip.title,
            link=f"{siteurl}/{tip.url}",
            unique_id=f"{siteurl}/{tip.url}",
            description=tip.summary,
            content=tip.body_html,
            pubdate=_date(tip.date or default_date),
            updateddate=_date(tip.date or default_date),
            categories=list(tip.themes),
        )
    return feed.writeString("utf-8")
