"""The reusing Markdown reader gives exactly what Pelican's own reader gives, file after file."""

from __future__ import annotations

import pytest
from hub.markdownreader import ReusingMarkdownReader
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from tests.paths import ROOT

FILES = sorted((ROOT / "content").rglob("*.md"))

FOOTNOTES_AND_ABBREVIATIONS = """Title: One
Summary: A *formatted* summary.

Text with a note[^1] and an HTML word.

*[HTML]: Hyper Text Markup Language

[^1]: The note.

## A heading {#own-id}
"""

PLAIN = """Title: Two
Summary: Plain.

No note here, and HTML is just a word.
"""


def settings():
    return read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(ROOT / "content")})


def test_every_content_file_reads_the_same_in_one_reader():
    assert FILES
    ours = ReusingMarkdownReader(settings())
    for path in FILES:
        assert ours.read(str(path)) == MarkdownReader(settings()).read(str(path)), path


@pytest.mark.parametrize("order", [(FOOTNOTES_AND_ABBREVIATIONS, PLAIN), (PLAIN, FOOTNOTES_AND_ABBREVIATIONS, PLAIN)])
def test_nothing_leaks_from_one_file_to_the_next(tmp_path, order):
    """Footnotes, abbreviations and metadata of one file never show up in the next."""
    ours = ReusingMarkdownReader(settings())
    for number, text in enumerate(order):
        path = tmp_path / f"{number}.md"
        path.write_text(text, encoding="utf-8")
        assert ours.read(str(path)) == MarkdownReader(settings()).read(str(path))
    content, metadata = ours.read(str(tmp_path / f"{len(order) - 1}.md"))
    assert "footnote" not in content and "<abbr" not in content and "own-id" not in content
    assert set(metadata) == {"title", "summary"}
