"""The site's own URLs, from settings: templates and feeds link through this one mapping.

Change ``HUB_QUIZ_SAVE_AS`` (or any ``*_SAVE_AS`` below) and every link follows; nothing in a
template spells a path of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def folder_url(save_as: str) -> str:
    """The pretty URL of a ``folder/index.html`` file: ``folder/``."""
    return save_as[: -len("index.html")] if save_as.endswith("index.html") else save_as


def hub_urls(settings: Mapping[str, Any]) -> dict[str, str]:
    """Paths (relative to SITEURL, as Pelican's ``url`` attributes are) of the site's fixed pages."""
    return {
        "home": "",
        "tips": folder_url(settings["HUB_TIPS_INDEX_SAVE_AS"]),
        "themes": folder_url(settings["HUB_THEMES_INDEX_SAVE_AS"]),
        "quiz": folder_url(settings["HUB_QUIZ_SAVE_AS"]),
        "search": folder_url(settings.get("SEARCH_SAVE_AS") or "search/index.html"),
        "articles": folder_url(settings.get("ARCHIVES_SAVE_AS") or "archives.html"),
    }
