"""Slugs checked before anything is written: present, plain, and not taken by a page the site builds.

Pelican reports a bad slug only when it writes, and names the staging file rather than the
source ("FileOverwriteFailedError", "would be written outside output path").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .problems import ContentProblem
from .themes import SLUG_PATTERN


def reserved_slugs(settings: Mapping[str, Any]) -> frozenset[str]:
    """First path parts of everything the site writes besides pages: search, tips, themes, quiz, 404..."""
    paths = [value for key, value in settings.items() if key.endswith(("_SAVE_AS", "_FEED_ATOM", "_FEED_RSS"))]
    paths += [settings.get("THEME_STATIC_DIR"), settings.get("HUB_SEARCH_DIR"), *settings.get("STATIC_PATHS", ())]
    firsts = {str(path).strip("/").split("/")[0] for path in paths if path}
    firsts |= set(settings.get("DIRECT_TEMPLATES", ()))
    return frozenset(name for name in firsts if name and "{" not in name)


def slug_problems(items: Iterable[tuple[str, str]], reserved: Iterable[str] = ()) -> list[ContentProblem]:
    """Given (slug, shown path) pairs, report empty, malformed and reserved slugs."""
    taken = frozenset(reserved)
    problems = []
    for slug, path in items:
        if not slug:
            message = "its file name gives an empty slug; rename the file with letters, digits and hyphens"
        elif not SLUG_PATTERN.match(slug):
            message = (
                f"{slug!r} cannot be a slug: use lower-case letters, digits and hyphens only (no '/' or '..'); "
                "fix the 'Slug:' line or rename the file"
            )
        elif slug in taken:
            message = f"{slug!r} is the address of a page the site builds (/{slug}/); choose another slug"
        else:
            continue
        problems.append(ContentProblem(path, "Slug", message))
    return problems
