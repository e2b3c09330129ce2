"""Turning rendered HTML into plain text, and normalising words for search."""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
_PREFIXES_LONGEST_FIRST = sorted(SPELLING_PREFIXES, key=len, reverse=True)
_WORD = re.compile(r"[A-Za-z]+")
_SPACE = re.compile(r"\s+")


def fold_spelling(word: str) -> str:
    """Return a lower-case word with a British spelling prefix replaced by the American one."""
    word = word.lower()
    for prefix in _PREFIXES_LONGEST_FIRST:
        if word.startswith(prefix):
            return SPELLING_PREFIXES[prefix] + word[len(prefix) :]
    return word


def fold_text(text: str) -> str:
    """Fold every word of a text (see fold_spelling) and straighten curly apostrophes."""
    return _WORD.sub(lambda match: fold_spelling(match.group()), text.replace("\u2019", "'"))


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, skipping scripts and styles."""

    SKIPPED = {"script", "style", "template"}
    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div", "section", "aside", "blockquote", "td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIPPED:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED and self._skipping:
            self._skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML fragment, whitespace collapsed."""
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return _SPACE.sub(" ", "".join(extractor.parts)).strip()
