"""Unit tests of HTML-to-text, spelling folds, link checks and the reading-level score."""

import pytest
from hub.links import broken_links, resolve_target
from hub.text import fold_spelling, fold_text, html_to_text


def test_html_to_text_keeps_words_apart_and_drops_scripts():
    html = "<h2>Title</h2><p>One <em>two</em></p><script>alert(1)</script><ul><li>three</li><li>four</li></ul>"
    assert html_to_text(html) == "Title One two three four"


def test_html_to_text_decodes_entities():
    assert html_to_text("<p>Tom &amp; Jerry &lt;3</p>") == "Tom & Jerry <3"


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("colour", "color"),
        ("Behaviour", "behavior"),
        ("apologise", "apologize"),
        ("counselling", "counseling"),
        ("prioritising", "prioritizing"),
        ("favourite", "favorite"),
        ("color", "color"),
        ("talk", "talk"),
    ],
)
def test_fold_spelling(british, american):
    assert fold_spelling(british) == american


def test_fold_text_straightens_apostrophes_and_folds_each_word():
    assert fold_text("Don\u2019t criticise the colour") == "don't criticize the color"


def test_link_targets_resolve_from_root_or_relative():
    assert resolve_target("tips/a.md", "/pages/safety.md") == "pages/safety.md"
    assert resolve_target("tips/a.md", "b.md") == "tips/b.md"
    assert resolve_target("tips/a.md", "../pages/x.md") == "pages/x.md"


def test_broken_links_are_reported_with_the_linking_file():
    html = '<a href="{filename}/tips/real.md">ok</a> <a href="{filename}/tips/missing.md">bad</a>'
    problems = broken_links("articles/a.md", "content/articles/a.md", html, {"tips/real.md"})
    assert len(problems) == 1
    assert problems[0].path == "content/articles/a.md"
    assert "tips/missing.md" in problems[0].message
