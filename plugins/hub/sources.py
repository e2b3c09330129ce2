"""Sources and review dates: the ``Source`` links and ``Reviewed`` day of tips, articles and pages.

A reader must be able to check where an idea comes from, so every source is a Markdown link
``[credit](https://...)`` to the page the editor read, and every tip and article says on which
day its sources were last checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

# Which kinds of item must carry each field; a page may carry Reviewed, and then it is checked.
MUST_HAVE_SOURCES = ("tip", "article")
MUST_HAVE_REVIEWED = ("tip", "article")

LINK = re.compile(r"\[(?P<credit>[^\[\]]+)\]\((?P<url>\S+)\)")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Addresses reserved for examples (RFC 2606): the scaffold's placeholder, never a real source.
PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net")
HOW_TO_WRITE = "write each source as [credit](https://address-of-the-page), separated by '; '"


@dataclass(frozen=True)
class SourceLink:
    """One source: who and what is credited, and the address of the page."""

    credit: str
    url: str


def _entries(value: Any) -> list[str]:
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def parse_source_link(entry: str) -> SourceLink | None:
    """The link in one ``[credit](https://...)`` entry, or None when the entry is not such a link."""
    match = LINK.fullmatch(entry.strip())
    if not match or _entry_problem(1, entry.strip(), draft=True):
        return None
    return SourceLink(" ".join(match["credit"].split()), match["url"])


def source_links(value: Any) -> tuple[SourceLink, ...]:
    """Every well-formed link of a Source value, in the order written."""
    return tuple(link for link in map(parse_source_link, _entries(value)) if link)


def _entry_problem(number: int, entry: str, draft: bool) -> str | None:
    shown = entry if len(entry) <= 60 else entry[:57] + "..."
    match = LINK.fullmatch(entry)
    if not match:
        return f"entry {number} ({shown!r}) is not a Markdown link; {HOW_TO_WRITE}"
    parts = urlsplit(match["url"])
    # http is allowed: a link must be the address the editor actually read, and some small sites
    # have no https version. An https address is preferred wherever the page has one.
    if parts.scheme not in ("https", "http"):
        return f"entry {number} links to {match['url']!r}; use the page's web address (https:// or http://)"
    host = (parts.hostname or "").lower()
    if "." not in host:
        return f"entry {number} links to {match['url']!r}, which has no web address; {HOW_TO_WRITE}"
    if not draft and any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS):
        return f"entry {number} still links to the placeholder {host}; link the page you read"
    return None


def source_problems(meta: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
    """Problems with the Source line of a tip or article (a missing line is reported elsewhere)."""
    if kind not in MUST_HAVE_SOURCES or not str(meta.get("source") or "").strip():
        return []
    draft = str(meta.get("status") or "").strip() == "draft"
    found = [_entry_problem(n, entry, draft) for n, entry in enumerate(_entries(meta["source"]), start=1)]
    return [("Source", message) for message in found if message]


def reviewed_day(value: Any) -> date | None:
    """The day a ``Reviewed: YYYY-MM-DD`` value names, or None when it is not such a day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def reviewed_problems(meta: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
    """Problems with the Reviewed line: required on tips and articles, optional on pages."""
    value = meta.get("reviewed")
    if value is None or not str(value).strip():
        if kind in MUST_HAVE_REVIEWED:
            return [("Reviewed", "is missing; add a 'Reviewed: YYYY-MM-DD' line: the day you last checked the sources")]
        return []
    if reviewed_day(value) is None:
        return [("Reviewed", f"{str(value).strip()!r} is not a date; write it as YYYY-MM-DD, for example 2026-11-22")]
    return []
