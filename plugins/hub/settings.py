"""The hub plugin's settings: HUB_* keys with their defaults, merged and checked once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Content locations, relative to PATH.
    "HUB_THEMES_FILE": "themes.yml",
    "HUB_TIPS_DIR": "tips",
    "HUB_QUIZ_FILE": "quiz/where-are-we-stuck.yml",
    "HUB_HELPLINES_FILE": "helplines.yml",
    "HUB_SAFETY_WORDS_FILE": "safety-words.yml",
    "HUB_SEARCH_WORDS_FILE": "search-words.yml",
    # Fixed URLs: search, the quiz and outside links rely on them.
    "TIP_URL": "tips/{slug}/",
    "TIP_SAVE_AS": "tips/{slug}/index.html",
    "HUB_TIPS_INDEX_SAVE_AS": "tips/index.html",
    "HUB_THEMES_INDEX_SAVE_AS": "themes/index.html",
    "HUB_THEME_URL": "themes/{slug}/",
    "HUB_THEME_SAVE_AS": "themes/{slug}/index.html",
    "HUB_QUIZ_SAVE_AS": "quiz/index.html",
    "HUB_SEARCH_DIR": "search",
    "HUB_TIPS_FEED_ATOM": None,
    # Long lists are split into numbered pages (URLs from Pelican's PAGINATION_PATTERNS): a
    # theme page shows this many tips and articles per page, the tip index this many tips.
    "HUB_THEME_TIPS_PER_PAGE": 24,
    "HUB_THEME_ARTICLES_PER_PAGE": 6,
    "HUB_TIPS_INDEX_PER_PAGE": 120,
    # How many related tip cards a tip or an article shows.
    "HUB_RELATED_COUNT": 3,
    # Sent as a meta tag on every page and in the host header files: scripts only from
    # the site itself, no inline script or style, nothing fetched from other hosts.
    "HUB_CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    ),
    # Where the safety page's quick-exit button goes: a neutral, everyday site.
    "HUB_QUICK_EXIT_URL": "https://www.bbc.com/weather",
    # Build the search index and write the hub's own pages in forked processes while Pelican
    # writes the rest, where the machine has two or more cores (see hub/forked.py); False
    # does everything in one process. The output is the same either way.
    "HUB_PARALLEL_BUILD": True,
    # The search index is one file while its compressed size stays under this (see
    # hub/search_index.py); 0 always splits it into shards.
    "HUB_SEARCH_SINGLE_FILE_MAX_BYTES": 80_000,
    # `invoke livereload` turns this on for its own builds: pages then load the local server's
    # live-reload script. Never set it in pelicanconf.py or publishconf.py.
    "HUB_LIVERELOAD": False,
    # Production passes (publishconf.py turns them on).
    "HUB_MINIFY": False,
    "HUB_FINGERPRINT": False,
    "HUB_SITEMAP": False,
    "HUB_HEADERS_FILE": "_headers",
    "HUB_MANIFEST_SAVE_AS": "manifest.webmanifest",
    # The date a tip without a Date line carries in the tips feed.
    "HUB_TIPS_DEFAULT_DATE": "2026-11-22",
    # Where npm puts browser libraries; the build copies them into the output.
    "HUB_NODE_MODULES": "node_modules",
}

REQUIRED_FORMAT_FIELDS = {
    "TIP_URL": "{slug}",
    "TIP_SAVE_AS": "{slug}",
    "HUB_THEME_URL": "{slug}",
    "HUB_THEME_SAVE_AS": "{slug}",
}


class SettingsError(ValueError):
    """A HUB_* setting has a value the plugin cannot use."""


def hub_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Return a new dict of Pelican's settings with the hub's defaults filled in."""
    merged = {**DEFAULTS, **settings}
    for key, placeholder in REQUIRED_FORMAT_FIELDS.items():
        if placeholder not in str(merged[key]):
            raise SettingsError(f"{key} must contain {placeholder}, got {merged[key]!r}")
    count = merged["HUB_RELATED_COUNT"]
    if not isinstance(count, int) or count < 0:
        raise SettingsError(f"HUB_RELATED_COUNT must be a whole number, got {count!r}")
    for key in ("HUB_THEME_TIPS_PER_PAGE", "HUB_THEME_ARTICLES_PER_PAGE", "HUB_TIPS_INDEX_PER_PAGE"):
        if not isinstance(merged[key], int) or isinstance(merged[key], bool) or merged[key] < 1:
            raise SettingsError(f"{key} must be a whole number of 1 or more, got {merged[key]!r}")
    return merged
