"""Unit tests of choosing related tip cards."""

from hub.related import related_tips
from hub.tipcards import TipCard


def tip(slug, *themes):
    return TipCard(
        slug=slug, title=slug, summary="", themes=themes, sources=(), url=f"tips/{slug}/", body_html="", source_path=""
    )


TIPS = [
    tip("a", "repair", "communication"),
    tip("b", "repair"),
    tip("c", "communication"),
    tip("d", "repair", "communication"),
    tip("e", "stress"),
    tip("f", "communication", "repair"),
]


def test_most_shared_themes_first_and_never_itself():
    related = related_tips("a", ("repair", "communication"), TIPS, 3)
    assert [t.slug for t in related][:2] in (["d", "f"], ["f", "d"])
    assert "a" not in [t.slug for t in related]
    assert len(related) == 3


def test_only_tips_sharing_a_theme():
    assert [t.slug for t in related_tips("e", ("stress",), TIPS, 3)] == []
    assert {t.slug for t in related_tips("x", ("stress",), TIPS, 3)} == {"e"}


def test_the_same_input_gives_the_same_order_whatever_the_input_order():
    first = related_tips("b", ("repair",), TIPS, 3)
    second = related_tips("b", ("repair",), list(reversed(TIPS)), 3)
    assert first == second


def test_count_is_respected():
    assert len(related_tips("a", ("repair", "communication"), TIPS, 1)) == 1
    assert related_tips("a", ("repair",), TIPS, 0) == ()
