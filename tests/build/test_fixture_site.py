"""Build tests on a tiny fixture site: the good case, and each bad input stopping the build."""

from __future__ import annotations

import pytest

from hubtools.sitebuild import BuildFailed
from tests.build.fixture_build import build_fixture
from tests.searchref import built_search
from tests.sitefacts import page, tree_digest


def test_the_fixture_site_builds_with_tips_themes_quiz_and_search(fixture_site):
    output = build_fixture(fixture_site)
    assert (output / "tips/weekly-check-in/index.html").is_file()
    theme = page(output, "themes/repair/")
    listed = {a["href"] for a in theme.select("section[aria-labelledby='theme-tips'] .card__title a")}
    assert listed == {"/tips/reach-out-first/", "/tips/hidden-from-search/"}
    assert (output / "quiz/index.html").is_file()
    urls = {doc["url"] for doc in built_search(output)[2]}
    assert "/tips/weekly-check-in/" in urls and "/tips/hidden-from-search/" not in urls


def test_sources_show_as_a_list_of_links_with_the_review_date(fixture_site):
    output = build_fixture(fixture_site)
    tip = page(output, "tips/reach-out-first/").select_one(".sources")
    assert tip.h2.get_text() == "Sources"
    links = [(a.get_text(), a["href"]) for a in tip.select("li a")]
    assert links == [
        ("Fixture Expert, “Fixture page”, Fixture Outlet", "https://fixture.test/page"),
        ("Second Expert, Other Outlet", "https://other.test/guide?part=2"),
    ]
    assert not tip.select("a[target]")
    assert tip.select_one(".reviewed time")["datetime"] == "2026-11-02"
    assert tip.select_one(".reviewed").get_text(" ", strip=True) == "Last reviewed 2 November 2026"
    article = page(output, "articles/first-article/").select_one(".sources")
    assert [a["href"] for a in article.select("li a")] == ["https://fixture.test/page"]
    assert article.select_one(".reviewed time")["datetime"] == "2026-11-01"
    assert page(output, "about/").select_one(".reviewed time")["datetime"] == "2026-11-03"
    assert page(output, "safety/").select_one(".reviewed") is None


def test_two_builds_of_the_same_tree_are_byte_identical(fixture_site, tmp_path):
    first = build_fixture(fixture_site, tmp_path / "one")
    second = build_fixture(fixture_site, tmp_path / "two")
    assert tree_digest(first) == tree_digest(second)


def test_content_cache_rebuilds_an_edited_tip_and_matches_a_clean_build(fixture_site, tmp_path):
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache")}
    build_fixture(fixture_site, tmp_path / "warm", **cached)
    assert (tmp_path / "cache" / "HubGenerator-Readers").is_file()
    tip = fixture_site / "content/tips/weekly-check-in.md"
    tip.write_text(tip.read_text().replace("Hold a weekly check-in", "Hold a Sunday check-in"))
    rebuilt = build_fixture(fixture_site, tmp_path / "warm", **cached)
    assert page(rebuilt, "tips/weekly-check-in/").h1.get_text() == "Hold a Sunday check-in"
    clean = build_fixture(fixture_site, tmp_path / "clean")
    assert tree_digest(rebuilt) == tree_digest(clean)


def _break(site, relative, text=None, data=None):
    path = site / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if data is not None:
        path.write_bytes(data)
    else:
        path.write_text(text, encoding="utf-8")


TIP = (
    "Title: {title}\nThemes: {themes}\nSummary: {summary}\nSource: {source}\nReviewed: {reviewed}\n\n"
    "Body text for the tip.\n"
)
LINK = "[An Expert, An Outlet](https://outlet.test/page)"
OK = f"Source: {LINK}\nReviewed: 2026-11-22"


def tip(title="A tip", themes="communication", summary="One line.", source=LINK, reviewed="2026-11-22"):
    return TIP.format(title=title, themes=themes, summary=summary, source=source, reviewed=reviewed)


BAD_INPUTS = {
    "missing title": ("tips/no-title.md", "Themes: repair\nSummary: S.\n" + OK + "\n\nBody.\n", "Title"),
    "missing themes": ("tips/no-themes.md", "Title: T\nSummary: S.\n" + OK + "\n\nBody.\n", "Themes"),
    "missing summary": ("tips/no-summary.md", "Title: T\nThemes: repair\n" + OK + "\n\nBody.\n", "Summary"),
    "missing source": ("tips/no-source.md", tip().replace(f"Source: {LINK}\n", ""), "Source: is missing"),
    "source not a link": ("tips/plain-source.md", tip(source="An Expert, An Outlet"), "is not a Markdown link"),
    "source not on the web": ("tips/ftp.md", tip(source="[An Expert](ftp://outlet.test/)"), "web address"),
    "placeholder source": ("tips/example.md", tip(source="[Expert](https://example.org/x)"), "placeholder"),
    "missing reviewed": ("tips/no-reviewed.md", tip().replace("Reviewed: 2026-11-22\n", ""), "Reviewed: is missing"),
    "reviewed not a date": ("tips/bad-day.md", tip(reviewed="22/11/2026"), "write it as YYYY-MM-DD"),
    "page reviewed not a date": (
        "pages/bad-day.md",
        "Title: P\nSlug: bad-day\nSummary: S.\nReviewed: 2026-02-30\n\nText.\n",
        "'2026-02-30' is not a date",
    ),
    "unknown theme": ("tips/unknown-theme.md", tip(themes="romance"), "'romance' is not a theme"),
    "summary too long": ("tips/long-summary.md", tip(summary="x" * 161), "161 characters"),
    "malformed metadata": (
        "tips/malformed.md",
        "Title: T\nThemes: repair\nSummary: S.\n" + OK + "\nDate: not-a-date\n\nBody.\n",
        "malformed.md",
    ),
    "search words too long": (
        "tips/search-words.md",
        tip().replace("Reviewed:", "Search_words: in-laws, how do I cope with his parents\nReviewed:"),
        "Search_words: 'how do I cope with his parents' has 7 words",
    ),
    "empty file": ("tips/empty.md", "", "is empty"),
    "empty article": ("articles/empty.md", "", "empty.md"),
    "duplicate slug": ("tips/dupe.md", tip() + "", None),
    "broken link": (
        "tips/broken-link.md",
        tip().replace("Body text", "See [this]({filename}/tips/nowhere.md). Body text"),
        "tips/nowhere.md",
    ),
    "related words in two groups": (
        "search-words.yml",
        "groups:\n  - [sorry, apology]\n  - [stress, apologise]\n",
        "groups[2] (stress): 'apologise' is also in groups[1] (sorry)",
    ),
    "empty related-word group": ("search-words.yml", "groups:\n  - []\n", "groups[1]: is empty"),
    "broken themes file": ("themes.yml", "- slug: repair\n  name: [unclosed\n", "not valid YAML"),
    "article with unknown theme": (
        "articles/bad.md",
        "Title: A\nDate: 2026-01-01\nThemes: romance\nSummary: S.\n" + OK + "\n\nText.\n",
        "romance",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_stops_the_build_names_the_file_and_keeps_the_old_output(fixture_site, case):
    output = build_fixture(fixture_site)
    before = tree_digest(output)
    relative, text, expected = BAD_INPUTS[case]
    if case == "duplicate slug":
        _break(fixture_site, "tips/nested/weekly-check-in.md", tip(title="Same slug"))
        relative, expected = "tips/nested/weekly-check-in.md", "'weekly-check-in' is used by 2 tips"
    else:
        _break(fixture_site, relative, text)
    with pytest.raises(BuildFailed) as failure:
        build_fixture(fixture_site)
    message = str(failure.value)
    assert relative.split("/")[-1] in message
    assert expected in message
    assert tree_digest(output) == before


def test_a_file_that_is_not_utf8_stops_the_build(fixture_site):
    output = build_fixture(fixture_site)
    before = tree_digest(output)
    _break(fixture_site, "tips/latin1.md", data=tip(title="Caf\xe9").encode("latin-1"))
    with pytest.raises(BuildFailed) as failure:
        build_fixture(fixture_site)
    assert "latin1.md" in str(failure.value) and "UTF-8" in str(failure.value)
    assert tree_digest(output) == before


def test_every_bad_file_is_listed_in_one_failure(fixture_site):
    _break(fixture_site, "tips/one.md", tip(themes="romance"))
    _break(fixture_site, "tips/two.md", tip(source=""))
    _break(fixture_site, "tips/three.md", tip(summary="y" * 200))
    with pytest.raises(BuildFailed) as failure:
        build_fixture(fixture_site)
    message = str(failure.value)
    for name, field in (("one.md", "Themes"), ("two.md", "Source"), ("three.md", "Summary")):
        assert any(name in line and field in line for line in message.splitlines()), name


def test_a_failed_first_build_leaves_no_output_folder(fixture_site):
    _break(fixture_site, "tips/bad.md", tip(themes="romance"))
    with pytest.raises(BuildFailed):
        build_fixture(fixture_site)
    assert not (fixture_site / "output").exists()
    # Only the empty lock file stays: deleting it could let two builds hold two different locks.
    assert [p.name for p in fixture_site.iterdir() if p.name.startswith(".output")] == [".output-lock"]


QUIZ_BREAKS = {
    "unknown theme": (("stress: 3", "romance: 3"), "'romance' is not a theme"),
    "duplicate question id": (("id: q2", "id: q1"), "'q1' is used twice"),
    "question without answers": (
        (
            "id: q3\n  text: Fixture question 3?\n  answers:",
            "id: q3\n  text: Fixture question 3?\n  answers: []\n  old:",
        ),
        "question 3 answers",
    ),
    "does not parse": (("title: Fixture quiz", "title: [Fixture quiz"), "not valid YAML"),
}


@pytest.mark.parametrize("case", sorted(QUIZ_BREAKS))
def test_a_broken_quiz_stops_the_build_with_the_place_of_the_problem(fixture_site, case):
    output = build_fixture(fixture_site)
    before = tree_digest(output)
    quiz = fixture_site / "content/quiz/where-are-we-stuck.yml"
    (old, new), expected = QUIZ_BREAKS[case]
    text = quiz.read_text()
    assert old in text
    quiz.write_text(text.replace(old, new, 1))
    with pytest.raises(BuildFailed) as failure:
        build_fixture(fixture_site)
    assert "where-are-we-stuck.yml" in str(failure.value)
    assert expected in str(failure.value)
    assert tree_digest(output) == before
