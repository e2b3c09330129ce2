"""Unit tests of the metadata rules for tips, articles and pages."""

import pytest
from hub.metadata import check_metadata, duplicate_slug_problems, split_list, split_sources

KNOWN = {"communication", "repair", "stress"}
GOOD_TIP = {
    "title": "A tip",
    "themes": "communication, repair",
    "summary": "One line.",
    "source": "An Expert, An Outlet",
}


def problems_for(meta, kind="tip"):
    return [(p.field, p.message) for p in check_metadata(meta, "content/tips/x.md", kind, KNOWN)]


def test_a_good_tip_has_no_problems():
    assert problems_for(GOOD_TIP) == []


@pytest.mark.parametrize("missing", ["title", "themes", "summary", "source"])
def test_each_required_tip_field_is_reported_when_missing(missing):
    meta = {k: v for k, v in GOOD_TIP.items() if k != missing}
    found = problems_for(meta)
    assert [field for field, _ in found] == [missing.capitalize()]
    assert "missing" in found[0][1]


def test_every_problem_is_reported_not_only_the_first():
    found = problems_for({"themes": "unknown", "summary": "x" * 161, "effort": "huge"})
    fields = sorted(field for field, _ in found)
    assert fields == ["Effort", "Source", "Summary", "Themes", "Title"]


@pytest.mark.parametrize(
    ("themes", "expected"),
    [
        ("communication", []),
        ("communication, repair, stress", []),
        ("communication, repair, stress, communication", ["lists 4 themes", "twice"]),
        ("romance", ["'romance' is not a theme"]),
        ("Communication", ["'Communication' is not a theme"]),
    ],
)
def test_theme_rules(themes, expected):
    messages = [message for _, message in problems_for({**GOOD_TIP, "themes": themes})]
    assert len(messages) == len(expected)
    for message, fragment in zip(messages, expected, strict=True):
        assert fragment in message


@pytest.mark.parametrize(("length", "ok"), [(159, True), (160, True), (161, False)])
def test_summary_length_limit(length, ok):
    assert (problems_for({**GOOD_TIP, "summary": "a" * length}) == []) is ok


@pytest.mark.parametrize(("effort", "ok"), [("easy", True), ("moderate", True), ("deep", True), ("hard", False)])
def test_effort_values(effort, ok):
    assert (problems_for({**GOOD_TIP, "effort": effort}) == []) is ok


@pytest.mark.parametrize(("choice", "ok"), [("hidden", True), ("boost", True), ("yes", False)])
def test_search_values(choice, ok):
    assert (problems_for({**GOOD_TIP, "search": choice}) == []) is ok


def test_pages_need_only_title_and_summary():
    assert problems_for({"title": "About", "summary": "What this is."}, kind="page") == []
    assert [f for f, _ in problems_for({"title": "About"}, kind="page")] == ["Summary"]


def test_articles_need_themes_and_source_too():
    assert sorted(f for f, _ in problems_for({"title": "T", "summary": "S"}, kind="article")) == ["Source", "Themes"]


def test_split_helpers():
    assert split_list(" a, b ,, c ") == ("a", "b", "c")
    assert split_list(None) == ()
    assert split_sources("One, Outlet; Two, Other ;") == ("One, Outlet", "Two, Other")


def test_duplicate_slugs_name_every_file_involved():
    found = duplicate_slug_problems([("a", "x/a.md"), ("a", "y/a.md"), ("b", "b.md")], "tip")
    assert sorted(p.path for p in found) == ["x/a.md", "y/a.md"]
    assert all("rename" in p.message for p in found)
