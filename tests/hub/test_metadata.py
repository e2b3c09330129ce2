"""Unit tests of the metadata rules for tips, articles and pages."""

from datetime import date

import pytest
from hub.metadata import check_metadata, duplicate_slug_problems, split_list, split_sources
from hub.sources import SourceLink, parse_source_link, reviewed_day, source_links

KNOWN = {"communication", "repair", "stress"}
GOOD_TIP = {
    "title": "A tip",
    "themes": "communication, repair",
    "summary": "One line.",
    "source": "[An Expert, An Outlet](https://outlet.test/page)",
    "reviewed": "2026-11-22",
}


def problems_for(meta, kind="tip"):
    return [(p.field, p.message) for p in check_metadata(meta, "content/tips/x.md", kind, KNOWN)]


def test_a_good_tip_has_no_problems():
    assert problems_for(GOOD_TIP) == []


@pytest.mark.parametrize("missing", ["title", "themes", "summary", "source", "reviewed"])
def test_each_required_tip_field_is_reported_when_missing(missing):
    meta = {k: v for k, v in GOOD_TIP.items() if k != missing}
    found = problems_for(meta)
    assert [field for field, _ in found] == [missing.capitalize()]
    assert "missing" in found[0][1]


def test_every_problem_is_reported_not_only_the_first():
    found = problems_for({"themes": "unknown", "summary": "x" * 161, "effort": "huge"})
    fields = sorted(field for field, _ in found)
    assert fields == ["Effort", "Reviewed", "Source", "Summary", "Themes", "Title"]


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
    found = sorted(f for f, _ in problems_for({"title": "T", "summary": "S"}, kind="article"))
    assert found == ["Reviewed", "Source", "Themes"]


def test_split_helpers():
    assert split_list(" a, b ,, c ") == ("a", "b", "c")
    assert split_list(None) == ()
    assert split_sources("One, Outlet; Two, Other ;") == ("One, Outlet", "Two, Other")


def test_duplicate_slugs_name_every_file_involved():
    found = duplicate_slug_problems([("a", "x/a.md"), ("a", "y/a.md"), ("b", "b.md")], "tip")
    assert sorted(p.path for p in found) == ["x/a.md", "y/a.md"]
    assert all("rename" in p.message for p in found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("[A, “Title”, Outlet, 2024](https://outlet.test/a)", []),
        ("[A](https://a.test/x); [B, Other](https://b.test/y?p=1&q=2)", []),
        ("[A](https://a.test/x);", []),
        ("[Wiki](https://en.wikipedia.test/wiki/Rut_(relationship))", []),
        ("An Expert, An Outlet", ["entry 1 ('An Expert, An Outlet') is not a Markdown link"]),
        ("[A](https://a.test/x); Someone, HuffPost", ["entry 2 ('Someone, HuffPost') is not a Markdown link"]),
        ("[A](http://a.test/x)", []),  # the address the editor read, even without https
        ("[A](ftp://a.test/x)", ["entry 1 links to 'ftp://a.test/x'; use the page's web address"]),
        ("[A](https://localhost/x)", ["has no web address"]),
        ("[A](www.a.test/x)", ["use the page's web address"]),
        ("[A] (https://a.test/x)", ["is not a Markdown link"]),
        ("[A](https://example.org/page)", ["placeholder example.org"]),
        ("[A](https://www.example.com/page)", ["placeholder www.example.com"]),
    ],
)
def test_source_must_be_linked_entries(source, expected):
    messages = [message for field, message in problems_for({**GOOD_TIP, "source": source}) if field == "Source"]
    assert len(messages) == len(expected), messages
    for message, fragment in zip(messages, expected, strict=True):
        assert fragment in message


def test_a_draft_may_keep_the_placeholder_source():
    assert problems_for({**GOOD_TIP, "source": "[A](https://example.org/x)", "status": "draft"}) == []


def test_source_links_are_parsed_in_order_and_tidied():
    value = "[A,  “T”\n Outlet](https://a.test/x) ; not a link; [B](https://b.test/)"
    assert source_links(value) == (SourceLink("A, “T” Outlet", "https://a.test/x"), SourceLink("B", "https://b.test/"))
    assert parse_source_link("[B](ftp://b.test/)") is None


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2026-11-22", True), ("2026-02-30", False), ("22/11/2026", False), ("2026-1-2", False), ("soon", False)],
)
def test_reviewed_must_be_an_iso_day(value, ok):
    found = problems_for({**GOOD_TIP, "reviewed": value})
    assert (found == []) is ok
    if not ok:
        assert found == [("Reviewed", f"{value!r} is not a date; write it as YYYY-MM-DD, for example 2026-11-22")]


def test_reviewed_is_optional_on_pages_but_checked_when_given():
    page = {"title": "About", "summary": "What this is."}
    assert problems_for({**page, "reviewed": "2026-11-22"}, kind="page") == []
    assert [f for f, _ in problems_for({**page, "reviewed": "Nov 2026"}, kind="page")] == ["Reviewed"]
    assert reviewed_day("2026-11-22") == date(2026, 11, 22)
    assert reviewed_day(date(2026, 1, 2)) == date(2026, 1, 2)
    assert reviewed_day(None) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("in-laws, mother-in-law, his parents", []),
        ("won't talk, he’s distant, GP", []),
        (", ".join(f"word{n}" for n in range(13)), ["lists 13 entries; keep the 12"]),
        ("too many words in this one", ["has 6 words"]),
        ("in-laws, In-Laws", ["'In-Laws' twice"]),
        ("tip", ["'tip' is already in the title"]),
        ("a tip, tip ideas", ["'a tip' is already in the title"]),
        ("buy the milk!", ["not plain words"]),
        ("<b>bold</b>", ["not plain words"]),
    ],
)
def test_search_words_rules(value, expected):
    found = problems_for({**GOOD_TIP, "search_words": value})
    assert [field for field, _ in found] == ["Search_words"] * len(expected)
    for (_, message), fragment in zip(found, expected, strict=True):
        assert fragment in message
