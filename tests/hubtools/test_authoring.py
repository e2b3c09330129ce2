"""Editor tools: new tips and articles from the template, and the content check."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubtools.contentcheck import check_content
from hubtools.scaffold import ScaffoldError, new_content_file
from tests.build.fixture_build import ROOT

KNOWN = ["communication", "repair", "stress"]
OK = "Source: [X, Y](https://y.test/x)\nReviewed: 2026-11-22\n"


def check(site: Path) -> list[str]:
    overrides = {
        "PATH": str(site / "content"),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "HUB_NODE_MODULES": str(ROOT / "node_modules"),
    }
    return check_content(ROOT / "pelicanconf.py", site, site / "content", overrides)


def test_new_tip_and_article_pass_the_check(fixture_site):
    before = check(fixture_site)  # the fixture's own tips are shorter than the house standard
    tip = new_content_file(
        "tip", "Walk together on Sunday", ["communication", "stress"], KNOWN, fixture_site / "content", "2026-11-22"
    )
    article = new_content_file("article", "A new article", ["repair"], KNOWN, fixture_site / "content", "2026-11-22")
    assert tip.name == "walk-together-on-sunday.md" and article.parent.name == "articles"
    text = tip.read_text()
    for field in (
        "Title:",
        "Themes: communication, stress",
        "Summary:",
        "Source: [",
        "Reviewed: 2026-11-22",
        "Time:",
        "Effort:",
        "Status: draft",
    ):
        assert field in text
    assert check(fixture_site) == before


def test_scaffolding_refuses_unknown_themes_and_taken_slugs(fixture_site):
    with pytest.raises(ScaffoldError, match="romance"):
        new_content_file("tip", "Anything", ["romance"], KNOWN, fixture_site / "content", "2026-11-22")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_content_file("tip", "Weekly check in", ["communication"], KNOWN, fixture_site / "content", "2026-11-22")


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        (
            "tips/bad-theme.md",
            "Title: T\nThemes: romance\nSummary: S.\n" + OK + "\n" + "Plain words here. " * 20,
            "tips/bad-theme.md:2: Themes",
        ),
        (
            "tips/no-source.md",
            "Title: T\nThemes: repair\nSummary: S.\n\n" + "Plain words here. " * 20,
            "tips/no-source.md:1: Source",
        ),
        (
            "tips/too-short.md",
            "Title: T\nThemes: repair\nSummary: S.\n" + OK + "\nToo short.\n",
            "tips/too-short.md:1: body: has 2 words",
        ),
        (
            "tips/hard.md",
            "Title: T\nThemes: repair\nSummary: S.\n"
            + OK
            + "\n"
            + "Interpersonal communicative difficulties necessitate comprehensive collaborative methodologies. " * 8,
            "reads at Flesch",
        ),
        (
            "tips/link.md",
            "Title: T\nThemes: repair\nSummary: S.\n"
            + OK
            + "\n[x]({filename}/tips/none.md) "
            + "Plain words here. " * 20,
            "tips/link.md:1: link",
        ),
        (
            "tips/plain-source.md",
            "Title: T\nThemes: repair\nSummary: S.\nSource: X, Y\nReviewed: 2026-11-22\n\n" + "Plain words here. " * 20,
            "tips/plain-source.md:4: Source: entry 1 ('X, Y') is not a Markdown link",
        ),
        (
            "tips/bad-day.md",
            "Title: T\nThemes: repair\nSummary: S.\nSource: [X](https://y.test/)\nReviewed: 22 Nov\n\n"
            + "Plain words here. " * 20,
            "tips/bad-day.md:5: Reviewed: '22 Nov' is not a date; write it as YYYY-MM-DD",
        ),
        ("quiz/where-are-we-stuck.yml", "title: [broken\n", "where-are-we-stuck.yml:2: is not valid YAML"),
    ],
)
def test_check_reports_each_kind_of_problem_with_file_and_line(fixture_site, relative, text, expected):
    (fixture_site / "content" / relative).write_text(text, encoding="utf-8")
    problems = check(fixture_site)
    assert any(expected in line for line in problems), problems


def test_check_lists_every_problem_at_once(fixture_site):
    (fixture_site / "content/tips/a.md").write_text("Title: A\nThemes: romance\nSummary: S.\nSource: X\n\nShort.\n")
    (fixture_site / "content/tips/b.md").write_text("Title: B\nThemes: repair\nSummary: S.\n\nShort.\n")
    problems = check(fixture_site)
    assert any("tips/a.md" in p and "Themes" in p for p in problems)
    assert any("tips/b.md" in p and "Source" in p for p in problems)
    assert any("tips/a.md" in p and "words" in p for p in problems)
    assert not (fixture_site / "output").exists()


def test_the_check_reports_a_repeated_title_with_its_line(fixture_site):
    tip = fixture_site / "content/tips/weekly-check-in.md"
    tip.write_text(tip.read_text().replace("Time:", "Title: A second title\nTime:"))
    lines = check(fixture_site)
    assert (
        "content/tips/weekly-check-in.md:6: 'Title:' repeats the one on line 1; keep one and delete the other" in lines
    )


def test_the_check_survives_an_editors_lock_file(fixture_site):
    import os

    before = check(fixture_site)
    os.symlink("user@host.123:1700000000", fixture_site / "content/tips/.#weekly-check-in.md")
    assert check(fixture_site) == before
