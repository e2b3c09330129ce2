"""Turning rendered HTML into plain text, and normalising words for search."""

from __future__ import annotations

import re

from markupsafe import Markup

# British spellings folded into American ones, applied to word beginnings on both sides
# of search (here when indexing, in search-engine.js when querying), so either spelling
# finds the other. Folding a word that is not really British is harmless: both sides agree.
SPELLING_PREFIXES: dict[str, str] = {
    "apologis": "apologiz",
    "behaviour": "behavior",
    "cancell": "cancel",
    "centre": "center",
    "colour": "color",
    "counsell": "counsel",
    "criticis": "criticiz",
    "emphasis": "emphasiz",
    "endeavour": "endeavor",
    "favour": "favor",
    "flavour": "flavor",
    "fulfilment": "fulfillment",
    "harbour": "harbor",
    "honour": "honor",
    "humour": "humor",
    "judgement": "judgment",
    "labour": "labor",
    "licence": "license",
    "minimis": "minimiz",
    "neighbour": "neighbor",
    "organis": "organiz",
    "personalis": "personaliz",
    "practis": "practic",
    "prioritis": "prioritiz",
    "realis": "realiz",
    "recognis": "recogniz",
    "rumour": "rumor",
    "socialis": "socializ",
    "sympathis": "sympathiz",
    "theatre": "theater",
    "travell": "travel",
    "vapour": "vapor",
}
# One pattern for every prefix at the start of a word, longest first: a single regex pass
# is what keeps folding cheap for thousands of documents.
_FOLD = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SPELLING_PREFIXES), key=len, reverse=True)) + ")")


def fold_text(text: str) -> str:
    """Lower-case a text, straighten curly apostrophes and fold British spellings into American."""
    return _FOLD.sub(lambda match: SPELLING_PREFIXES[match.group(1)], text.lower().replace("\u2019", "'"))


def fold_spelling(word: str) -> str:
    """Return a lower-case word with a British spelling prefix replaced by the American one."""
    return fold_text(word)


# Scripts, styles and templates hold no reader-visible words; MarkupSafe's striptags would
# keep their text, so they go first.
_SKIPPED = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# striptags joins the words on either side of a tag; block tags mark word breaks, so they
# become spaces first ("<p>a</p><p>b</p>" is "a b", not "ab").
_BLOCK_TAG = re.compile(
    r"</?(?:p|li|ul|ol|h[1-6]|br|hr|div|section|aside|blockquote|table|tr|td|th|pre)\b[^>]*>", re.IGNORECASE
)


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML fragment, whitespace collapsed (comments and entities handled)."""
    return Markup(_BLOCK_TAG.sub(" ", _SKIPPED.sub(" ", html or ""))).striptags()
