"""Rut to Groove's Pelican plugin: tip cards, themes, the search index and the quiz."""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from .bodyhtml import checked_body
from .generator import HubGenerator
from .markdownreader import use_reusing_reader
from .problems import raise_if_any
from .publishing import finish_output
from .sourcefiles import source_file_problems


def check_source_files(pelican_object):
    """Before anything is read: refuse links, special, oversized and garbled files in the content folder."""
    content = Path(pelican_object.settings["PATH"])
    raise_if_any(source_file_problems(content, content.parent, pelican_object.settings["IGNORE_FILES"]))


def sanitise_body(content):
    """As each tip, article or page is created: keep nh3's body, and what it refused for finalize()."""
    raw = getattr(content, "_content", None)
    if not isinstance(raw, str) or not raw:  # static files and empty bodies have nothing to check
        return
    source_path = content.source_path or ""
    shown = os.path.relpath(source_path, Path(content.settings["PATH"]).parent) if source_path else "content"
    content._content, content.hub_body_problems = checked_body(raw, lambda: _text_of(source_path), shown)


def _text_of(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def get_generators(pelican_object):
    """Add the hub's generator to Pelican's list."""
    return HubGenerator


def finalize_hub(generators):
    """Once every generator has read its content, check it all and build the catalog."""
    hub = next(g for g in generators if isinstance(g, HubGenerator))
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    hub.finalize(
        list(articles.articles),
        list(pages.pages) + list(pages.hidden_pages),
        drafts=(list(articles.drafts), list(pages.draft_pages)),
    )


def finish_site(pelican_object):
    """After every page is written: host files, sitemap, minified and hashed assets."""
    finish_output(pelican_object.output_path, pelican_object.settings)


def register():
    """Connect the plugin's receivers to Pelican's signals."""
    signals.initialized.connect(check_source_files)
    signals.readers_init.connect(use_reusing_reader)
    signals.content_object_init.connect(sanitise_body)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(finalize_hub)
    signals.finalized.connect(finish_site)
