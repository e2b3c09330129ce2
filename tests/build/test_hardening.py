"""Issue 15, findings 1 to 6 and 8, reproduced on the fixture site: refused, the file named, output/ kept.

Finding 7 (the swap into output/) is in tests/hubtools/test_sitebuild.py.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hubtools.sitebuild import BuildFailed
from tests.build.fixture_build import ROOT, build_fixture
from tests.sitefacts import tree_digest

QUIZ = "quiz/where-are-we-stuck.yml"


def _write(site: Path, relative: str, text: str | bytes) -> Path:
    path = site / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _edit(site: Path, relative: str, old: str, new: str) -> None:
    path = site / "content" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """The fixture site and its output, built once for the module."""
    site = tmp_path_factory.mktemp("baseline") / "site"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site", site)
    output = build_fixture(site)
    return site, tree_digest(output)


@pytest.fixture
def built(baseline, tmp_path):
    """A fresh copy of the built fixture site, free to break: (site, output, digest of the good output)."""
    source, digest = baseline
    site = tmp_path / "site"
    shutil.copytree(source, site, ignore=shutil.ignore_patterns(".output-lock"))
    return site, site / "output", digest


def refused(site: Path, output: Path, digest: str) -> BuildFailed:
    """Build again: it must fail with named problems, no traceback, and output/ untouched."""
    with pytest.raises(BuildFailed) as failure:
        build_fixture(site)
    assert failure.value.content_problems, failure.value.problems
    assert all(p.path.startswith("content/") for p in failure.value.content_problems)
    assert "Traceback" not in str(failure.value)
    assert tree_digest(output) == digest
    return failure.value


def problem_lines(failure: BuildFailed) -> list[str]:
    return [str(problem) for problem in failure.content_problems]


# Finding 1: a symlink in content/ published files from the build machine.


@pytest.mark.parametrize(
    "relative, target",
    [
        ("images/env.txt", "/proc/self/environ"),
        ("images/passwd", "/etc/passwd"),
        ("images/outside", "/etc"),  # a folder
        ("tips/linked.md", "../../../outside.md"),
    ],
)
def test_1_a_symlink_in_content_is_refused_by_name_and_nothing_leaks(built, relative, target):
    site, output, digest = built
    (site / "outside.md").write_text("Title: Outside\n\nSecret\n")
    link = site / "content" / relative
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link)
    failure = refused(site, output, digest)
    assert problem_lines(failure) == [f"content/{relative}: {failure.content_problems[0].message}"]
    assert "symbolic link" in failure.content_problems[0].message
    assert not list(output.rglob(Path(relative).name))


def test_1_a_fifo_in_content_is_refused_rather_than_read(built):
    site, output, digest = built
    (site / "content/images").mkdir()
    os.mkfifo(site / "content/images/pipe.png")
    failure = refused(site, output, digest)
    assert problem_lines(failure) == [
        "content/images/pipe.png: is not a regular file (a pipe, socket or device); delete it"
    ]


# Finding 2: a YAML alias bomb in the quiz, and values of the wrong type turned into strings.

BOMB = 'x: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("  text: Fixture question 1?\n", "  text: Fixture question 1?\n  hint: &h [lol, lol]\n", "anchor or alias"),
        ("  - id: a\n", "  - id: *h\n", "anchor or alias"),
        ("title: Fixture quiz\n", "title: Fixture quiz\n" + BOMB, "anchor or alias"),
        ("  text: Fixture question 1?\n", "  text: Fixture question 1?\n  hint: [a, b]\n", "hint: must be one line"),
        ("  - id: a\n", "  - id: {x: 1}\n", "id: is missing or not a word"),
        ("      communication: 2\n", "      communication: 2\n    signals: safety\n", "signals: must be a list"),
        ("      communication: 2\n", "      communication: 2\n    signals: [[safety]]\n", "signals: must be a list"),
        ("title: Fixture quiz\n", "title: !!binary aGk=\n", "YAML tag (!!binary)"),
        ("intro: A fixture quiz.\n", "intro: A fixture quiz.\ntitle: Again\n", "repeats the key 'title'"),
    ],
)
def test_2_quiz_yaml_is_loaded_strictly_and_typed_before_use(built, old, new, expected):
    site, output, digest = built
    _edit(site, QUIZ, old, new)
    failure = refused(site, output, digest)
    assert all(p.path == f"content/{QUIZ}" for p in failure.content_problems)
    assert any(expected in line for line in problem_lines(failure)), problem_lines(failure)


# Finding 3: hidden and backup files were published; a lock file broke the build.

IGNORED = [
    "images/.env",
    "images/.DS_Store",
    "images/.git/config",
    "images/.photo.jpg.swp",
    "images/old.md~",
    "images/#draft.md#",
    "images/photo.jpg.bak",
    "images/photo.jpg.orig",
    "images/photo.swp",
    "tips/.#weekly-check-in.md",
    "tips/weekly-check-in.md~",
    "tips/#weekly-check-in.md#",
    "tips/.weekly-check-in.md.swp",
    "tips/weekly-check-in.md.bak",
    "tips/weekly-check-in.md.orig",
]


def test_3_hidden_backup_and_lock_files_are_neither_read_nor_published(built):
    site, output, _ = built
    tips_before = sorted(p.parent.name for p in output.glob("tips/*/index.html"))
    (site / "content/images").mkdir()
    _write(site, "images/photo.png", b"\x89PNG\r\n")
    copy = (site / "content/tips/weekly-check-in.md").read_text().replace("Hold a weekly", "A second")
    for relative in IGNORED:
        _write(site, relative, copy if relative.startswith("tips/") else "SECRET=1\n")
    # An editor's lock file: a dangling symbolic link, as Emacs makes them.
    os.symlink("user@host.1234:1700000000", site / "content/tips/.#reach-out-first.md")
    build_fixture(site)
    published = {p.name for p in output.rglob("*")}
    assert (output / "images/photo.png").is_file()
    for relative in IGNORED:
        assert Path(relative).name not in published, relative
    assert ".git" not in published and ".#reach-out-first.md" not in published
    assert sorted(p.parent.name for p in output.glob("tips/*/index.html")) == tips_before
    assert "A second" not in (output / "tips/index.html").read_text()


def test_3_pelicanconf_ignores_the_same_names_the_source_check_skips():
    from hub.sourcefiles import IGNORED_NAMES

    import pelicanconf

    assert tuple(pelicanconf.IGNORE_FILES) == IGNORED_NAMES


# Finding 4: repeated metadata keys.


@pytest.mark.parametrize(
    "relative, old, new, line",
    [
        ("tips/weekly-check-in.md", "Time:", "Title: A second title\nTime:", 6),
        ("tips/weekly-check-in.md", "Time:", "Summary: A second summary.\nTime:", 6),
        ("tips/weekly-check-in.md", "Time:", "Themes: repair\nTime:", 6),
        ("tips/weekly-check-in.md", "Time:", "title: lower case counts too\nTime:", 6),
        ("articles/first-article.md", "Date:", "Title: Another\nDate:", 2),
        ("pages/about.md", "Slug:", "Summary: Two.\nSlug:", 4),
    ],
)
def test_4_a_repeated_metadata_key_is_refused_with_its_line(built, relative, old, new, line):
    site, output, digest = built
    _edit(site, relative, old, new)
    failure = refused(site, output, digest)
    [problem] = failure.content_problems
    assert (problem.path, problem.field) == (f"content/{relative}", f"line {line}")
    assert "repeats the one on line" in problem.message


# Finding 5: every problem names its source file and says what to do.


def test_5_an_empty_slug_names_the_file(built):
    site, output, digest = built
    _write(site, "tips/✓✓.md", (site / "content/tips/weekly-check-in.md").read_text())
    failure = refused(site, output, digest)
    assert problem_lines(failure) == [
        "content/tips/✓✓.md: Slug: its file name gives an empty slug; rename the file with letters, digits and hyphens"
    ]


@pytest.mark.parametrize("slug", ["search", "quiz", "tips", "themes", "articles", "404", "theme", "images", "index"])
def test_5_a_page_slug_that_clashes_with_a_built_page_names_the_file(built, slug):
    site, output, digest = built
    _edit(site, "pages/about.md", "Slug: about", f"Slug: {slug}")
    failure = refused(site, output, digest)
    assert problem_lines(failure) == [
        f"content/pages/about.md: Slug: {slug!r} is the address of a page the site builds (/{slug}/); "
        "choose another slug"
    ]


@pytest.mark.parametrize("slug", ["../../x", "a/b", "..", "Upper", "a b"])
def test_5_a_slug_with_a_slash_or_dots_names_the_file_and_line(built, slug):
    site, output, digest = built
    _edit(site, "pages/about.md", "Slug: about", f"Slug: {slug}")
    failure = refused(site, output, digest)
    [problem] = failure.content_problems
    assert (problem.path, problem.field) == ("content/pages/about.md", "line 2")
    assert "lower-case letters, digits and hyphens" in problem.message


@pytest.mark.parametrize("date", ["not-a-date", "2026-13-45", "22/11/2026", ""])
def test_5_an_invalid_date_names_the_file_and_the_expected_format(built, date):
    site, output, digest = built
    _edit(site, "articles/first-article.md", "Date: 2026-10-01", f"Date: {date}")
    failure = refused(site, output, digest)
    [problem] = failure.content_problems
    assert (problem.path, problem.field) == ("content/articles/first-article.md", "line 2")
    assert "write it as YYYY-MM-DD" in problem.message


def test_5_a_broken_themes_file_reports_its_own_cause_without_the_cascade(built):
    site, output, digest = built
    _write(site, "themes.yml", "- slug: repair\n  name: [unclosed\n")
    failure = refused(site, output, digest)
    assert problem_lines(failure) == [
        "content/themes.yml: line 3: is not valid YAML (did not find expected ',' or ']'); fix the syntax"
    ]
    assert len(failure.problems) == 1 and failure.problems[0].count("\n") == 1


# Finding 6: no limits, NUL bytes written raw, duplicate YAML keys.


def test_6_a_50_mb_theme_description_is_refused_with_size_and_limit(built):
    site, output, digest = built
    big = "- slug: communication\n  name: Talking\n  description: " + "x" * (50 * 1024 * 1024) + "\n"
    _write(site, "themes.yml", big)
    failure = refused(site, output, digest)
    assert problem_lines(failure) == ["content/themes.yml: is 50.0 MB; the limit is 256 KB; shorten or shrink it"]


def test_6_a_long_yaml_text_is_refused_with_its_line_size_and_limit(built):
    site, output, digest = built
    _edit(site, "themes.yml", "description: Fixture theme about repair.", "description: " + "y" * 5000)
    failure = refused(site, output, digest)
    assert problem_lines(failure) == [
        "content/themes.yml: line 6: has a text of 5,000 characters; the limit is 2,000; shorten it"
    ]


def test_6_a_long_metadata_value_is_refused_with_its_line(built):
    site, output, digest = built
    _edit(site, "tips/weekly-check-in.md", "Summary: Ten minutes", "Summary: " + "z" * 3000)
    failure = refused(site, output, digest)
    [problem] = failure.content_problems
    assert problem.field == "line 3" and "the limit is 1,000" in problem.message


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\x85", "\x0c"])
def test_6_control_characters_are_refused_with_their_line(built, character):
    site, output, digest = built
    _edit(site, "tips/weekly-check-in.md", "Keep it short.", f"Keep{character} it short.")
    failure = refused(site, output, digest)
    [problem] = failure.content_problems
    assert (problem.path, problem.field) == ("content/tips/weekly-check-in.md", "line 9")
    assert f"U+{ord(character):04X}" in problem.message


def test_6_a_nul_byte_in_yaml_is_refused_with_its_line(built):
    site, output, digest = built
    _edit(site, "themes.yml", "Fixture theme about stress.", "Fixture\x00 theme about stress.")
    failure = refused(site, output, digest)
    assert [(p.path, p.field) for p in failure.content_problems] == [("content/themes.yml", "line 9")]


def test_6_duplicate_yaml_keys_are_refused_not_silently_the_last_one(built):
    site, output, digest = built
    _edit(site, "themes.yml", "  name: Outside stress\n", "  name: Outside stress\n  name: Another name\n")
    failure = refused(site, output, digest)
    assert problem_lines(failure) == ["content/themes.yml: line 9: repeats the key 'name' from line 8; keep one"]


# Finding 8: raw HTML in bodies was trusted.

HTML_BREAKS = {
    "script": ('<script src="/x.js"></script>', "<script> is not allowed"),
    "inline script": ("<script>alert(1)</script>", "<script> is not allowed"),
    "handler": ('<p onclick="alert(1)">Tap</p>', "onclick attribute on <p> runs a script"),
    "image handler": ('<img src="/a.png" onerror="alert(1)" alt="A">', "onerror attribute on <img>"),
    "javascript link": ('<a href="javascript:alert(1)">x</a>', "'javascript:alert(1)' is not allowed as a href"),
    "markdown javascript link": ("[x](javascript:alert(1))", "'javascript:alert(1)' is not allowed as a href"),
    "data link": ('<a href="data:text/html,hi">x</a>', "'data:text/html,hi' is not allowed as a href"),
    "form": ('<form action="/x"><button>Go</button></form>', "<form> is not allowed"),
    "srcdoc": ('<iframe srcdoc="<b>x</b>"></iframe>', "<iframe> is not allowed"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://example.org">', "<meta> is not allowed"),
    "foreign image": ('<img src="https://example.org/a.png" alt="A">', "images must come from this site"),
    "style": ('<p style="position:fixed">x</p>', "style attribute on <p> is not allowed"),
    "svg": ("<svg><a href='#'>x</a></svg>", "<svg> is not allowed"),
    "data attribute": ('<div data-module="quiz">x</div>', "data-module attribute is not allowed on <div>"),
}


@pytest.mark.parametrize("case", sorted(HTML_BREAKS))
def test_8_html_outside_the_allow_list_is_refused_with_file_and_line(built, case):
    site, output, digest = built
    snippet, expected = HTML_BREAKS[case]
    _edit(site, "tips/weekly-check-in.md", "Keep it short.", f"Keep it short.\n\n{snippet}\n")
    failure = refused(site, output, digest)
    lines = problem_lines(failure)
    assert any(expected in line for line in lines), lines
    assert {(p.path, p.field) for p in failure.content_problems} == {("content/tips/weekly-check-in.md", "line 11")}


def test_8_the_markdown_an_article_uses_still_builds(built):
    site, output, _ = built
    body = (
        "\n\n## A heading {: #custom }\n\nText with a footnote[^1] and *HTML*.\n\n*[HTML]: HyperText\n\n"
        "| Left | Right |\n|:--|--:|\n| 1 | 2 |\n\nTerm\n: Definition\n\n"
        '<details markdown="1"><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n'
        '<figure><img src="{static}/images/photo.png" alt="A photo"><figcaption>Caption</figcaption></figure>\n\n'
        '<aside class="try-this-week" markdown="1">\n\n## Try this week\n\n- One thing.\n\n</aside>\n\n'
        "[Call](tel:08001234567), [write](mailto:a@example.org), [read](https://example.org/) "
        "or see the [safety page]({filename}/pages/safety.md).\n\n[^1]: The note.\n"
    )
    _write(site, "images/photo.png", b"\x89PNG\r\n")
    _edit(site, "articles/first-article.md", "Reviewed: 2026-11-01\n", "Reviewed: 2026-11-01\n" + body)
    build_fixture(site)
    html = (output / "articles/first-article/index.html").read_text()
    assert 'class="try-this-week"' in html and "<details>" in html and 'id="custom"' in html


@pytest.mark.parametrize(
    "snippet",
    [
        "<!--> <script>alert(1)</script> -->",  # a browser ends this comment at once; old parsers do not
        "<p>a<br/>b</p>",  # written differently, read the same: published as nh3 writes it
        "<table><tr><td>cell</td></tr></table>",
    ],
)
def test_8_the_published_body_is_always_what_nh3_lets_through(built, snippet):
    site, output, digest = built
    _edit(site, "tips/weekly-check-in.md", "Keep it short.", f"Keep it short.\n\n{snippet}\n")
    try:
        build_fixture(site)
    except BuildFailed as failure:
        assert [p.path for p in failure.content_problems] == ["content/tips/weekly-check-in.md"]
        assert tree_digest(output) == digest
        return
    html = (output / "tips/weekly-check-in/index.html").read_text()
    body = html[html.index("Keep it short.") : html.index('<footer class="item-footer">')]
    assert "<script" not in body  # as raw text: no parser's reading of odd markup involved


def test_a_warning_fails_every_build_in_the_same_process_not_only_the_first(built):
    # Pelican drops a warning it has logged before; livereload builds many times in one process.
    site, output, digest = built
    _write(site, "images/photo.png", b"\x89PNG\r\n")
    _edit(site, "tips/weekly-check-in.md", "Keep it short.", 'Keep it short.\n\n<img src="/images/photo.png" alt="">\n')
    first = refused(site, output, digest)
    second = refused(site, output, digest)
    assert problem_lines(first) == problem_lines(second) and "Empty alt attribute" in problem_lines(first)[0]
