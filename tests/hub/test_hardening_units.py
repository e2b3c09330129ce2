"""Units behind issue 15: the source-file scan, metadata lines, strict YAML, slugs and the body allow-list."""

from __future__ import annotations

import os

import pytest
from hub.bodyhtml import body_html_problems, removed_markup
from hub.datafiles import parse_yaml
from hub.metalines import metadata_line_problems, metadata_lines
from hub.slugs import reserved_slugs, slug_problems
from hub.sourcefiles import IGNORED_NAMES, is_ignored, source_file_problems, text_problems

# --- names that are ignored ---


@pytest.mark.parametrize(
    "name", [".env", ".DS_Store", ".git", ".#tip.md", "tip.md~", "#tip.md#", ".tip.md.swp", "a.bak", "a.orig", "a.swp"]
)
def test_hidden_backup_and_lock_names_are_ignored(name):
    assert is_ignored(name, IGNORED_NAMES)


@pytest.mark.parametrize("name", ["tip.md", "photo.jpg", "themes.yml", "a.b.c.png", "swp.md", "bak"])
def test_ordinary_names_are_not_ignored(name):
    assert not is_ignored(name, IGNORED_NAMES)


# --- the content tree ---


def test_the_scan_names_links_special_and_oversized_files_and_skips_ignored_ones(tmp_path):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "tips").mkdir()
    os.symlink("/etc/passwd", content / "images/passwd")
    os.symlink("/etc", content / "images/etc")
    os.symlink("missing", content / "tips/.#lock.md")  # ignored: an editor's lock file
    os.mkfifo(content / "images/fifo")
    (content / "tips/big.md").write_bytes(b"x" * (256 * 1024 + 1))
    (content / "images/photo.png").write_bytes(b"\x00\x01binary is fine")
    (content / "tips/fine.md").write_text("Title: Fine\n\nBody.\n")
    found = {(p.path, p.message.split(";")[0]) for p in source_file_problems(content, tmp_path, IGNORED_NAMES)}
    assert found == {
        ("content/images/passwd", "is a symbolic link, which could publish a file from outside the content folder"),
        ("content/images/etc", "is a symbolic link, which could publish a file from outside the content folder"),
        ("content/images/fifo", "is not a regular file (a pipe, socket or device)"),
        ("content/tips/big.md", "is 256 KB"),
    }


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/x.md").write_bytes("Title: Caf\xe9\n".encode("latin-1"))
    [problem] = source_file_problems(tmp_path / "content", tmp_path, IGNORED_NAMES)
    assert str(problem) == "content/x.md: is not UTF-8 text; save it as UTF-8"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("fine\ttabs\r\nand CRLF\n", []),
        ("a\x00b", [("line 1", "has a control character (U+0000) that no editor types; delete it")]),
        ("ok\nbell\x07", [("line 2", "has a control character (U+0007) that no editor types; delete it")]),
        ("c1 \x9b here", [("line 1", "has a control character (U+009B) that no editor types; delete it")]),
    ],
)
def test_control_characters_are_named_by_line(text, expected):
    assert text_problems(text, markdown=False) == expected


def test_many_lines_of_control_characters_are_summed_up():
    problems = text_problems("\x00\n" * 1000, markdown=False)
    assert len(problems) == 6 and problems[-1][0] == ""


# --- metadata lines ---


def test_metadata_lines_follow_python_markdown():
    text = "---\nTitle: A\nSource: One;\n    Two\nSummary: S.\n---\nBody: not metadata\n"
    assert [(m.key, m.line, m.value) for m in metadata_lines(text)] == [
        ("Title", 2, "A"),
        ("Source", 3, "One; Two"),
        ("Summary", 5, "S."),
    ]
    assert metadata_lines("No metadata here\n\nTitle: x\n") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Title: A\nSummary: B\n\nTitle: body text\n", []),
        ("Title: A\nTITLE: B\n\n", [("line 2", "'TITLE:' repeats the one on line 1; keep one and delete the other")]),
        ("Date: 2026-11-22\nModified: 2026-11-22 10:30\n\n", []),
        (
            "Date: 2026-02-30\n\n",
            [("line 1", "'Date:' '2026-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22")],
        ),
        ("Slug: ok-slug-2\n\n", []),
        (
            "Slug: ../x\n\n",
            [("line 1", "'Slug:' '../x' must use lower-case letters, digits and hyphens (no '/' or '..')")],
        ),
        (
            "Save_as: index.html\n\n",
            [("line 1", "'Save_as:' is not used here; a page's address comes from 'Slug:'; delete it")],
        ),
        (
            "Category: x\n\n",
            [
                (
                    "line 1",
                    "'Category:' is not used here; themes take the place of categories, tags and authors; delete it",
                )
            ],
        ),
        ("Title: " + "x" * 1001 + "\n\n", [("line 1", "'Title:' is 1,001 characters; the limit is 1,000; shorten it")]),
    ],
)
def test_metadata_line_problems(text, expected):
    assert metadata_line_problems(text) == expected


# --- strict YAML ---


@pytest.mark.parametrize(
    "text, field, message",
    [
        ("a: &x 1\nb: *x\n", "line 1", "uses a YAML anchor or alias (& or *); write each value out in full"),
        ("a: [1]\nb: *x\n", "line 2", "uses a YAML anchor or alias (& or *); write each value out in full"),
        ("a: 1\nb: 2\na: 3\n", "line 3", "repeats the key 'a' from line 1; keep one"),
        ("a: !!str 5\n", "line 1", "uses a YAML tag (!!str); remove it and write a plain value"),
        (
            "a: !!python/object:os.system x\n",
            "line 1",
            "uses a YAML tag (!!python/object:os.system); remove it and write a plain value",
        ),
        ("<<: {b: 2}\n", "line 1", "uses a YAML merge key (<<); write the values out in full"),
        ("? [a]\n: 1\n", "line 1", "has a key that is a list or mapping; use a plain word as the key"),
        ("[" * 9 + "]" * 9, "line 1", "nests lists and mappings more than 8 deep; flatten it"),
        ("a: " + "x" * 2001, "line 1", "has a text of 2,001 characters; the limit is 2,000; shorten it"),
        ("a: 1\n---\nb: 2\n", "line 2", "is not valid YAML (but found another document); fix the syntax"),
    ],
)
def test_yaml_constructs_content_never_needs_are_refused_with_their_line(text, field, message):
    data, problems = parse_yaml(text, "content/x.yml")
    assert data is None
    assert [(p.path, p.field, p.message) for p in problems] == [("content/x.yml", field, message)]


def test_plain_yaml_still_loads():
    text = "- slug: a\n  name: 'A name'\n  weights: {x: 1, y: 2}\n  list: [safety]\n  text: >\n    folded\n"
    assert parse_yaml(text, "x.yml") == (
        [{"slug": "a", "name": "A name", "weights": {"x": 1, "y": 2}, "list": ["safety"], "text": "folded\n"}],
        [],
    )


def test_an_impossible_date_in_yaml_is_just_text_never_a_crash():
    # Found by the property test: PyYAML built dates implicitly and raised ValueError.
    assert parse_yaml("slug: 2026-02-30\nwhen: 2026-11-22\n", "x.yml") == (
        {"slug": "2026-02-30", "when": "2026-11-22"},
        [],
    )


def test_a_yaml_file_too_big_to_be_real_is_refused_before_parsing():
    _, [problem] = parse_yaml("a: b\n" * 60000, "x.yml")
    assert problem.message == "is 300,000 characters; the limit is 262,144"


# --- slugs ---


def test_slug_problems_name_empty_malformed_and_reserved_slugs():
    problems = slug_problems([("", "a.md"), ("a/b", "b.md"), ("search", "c.md"), ("fine-1", "d.md")], {"search"})
    assert [(p.path, p.field) for p in problems] == [("a.md", "Slug"), ("b.md", "Slug"), ("c.md", "Slug")]


def test_reserved_slugs_come_from_what_the_settings_write():
    settings = {
        "SEARCH_SAVE_AS": "search/index.html",
        "TIP_SAVE_AS": "tips/{slug}/index.html",
        "PAGE_SAVE_AS": "{slug}/index.html",
        "CATEGORY_SAVE_AS": "",
        "FEED_ALL_ATOM": None,
        "TIPS_FEED_ATOM": "feeds/tips.atom.xml",
        "THEME_STATIC_DIR": "theme",
        "STATIC_PATHS": ["images"],
        "DIRECT_TEMPLATES": ["index", "404"],
    }
    assert reserved_slugs(settings) == {"search", "tips", "feeds", "theme", "images", "index", "404"}


# --- the body allow-list ---


def test_what_python_markdown_emits_for_articles_passes():
    import markdown

    source = (
        "Text[^1] *HTML* **b** `c`\n\n*[HTML]: Hyper\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nT\n: d\n\n"
        "```\ncode <b>\n```\n\n## H {: #id .cls }\n\n> quote\n\n1. one\n2. two\n\n---\n\n"
        '<aside class="try-this-week" markdown="1">\n\n- x\n\n</aside>\n\n[^1]: note\n'
    )
    html = markdown.markdown(source, extensions=["extra", "md_in_html", "sane_lists"], output_format="html5")
    assert removed_markup(html) == []


def test_problems_point_at_the_source_line():
    source = "Title: T\n\nIntro.\n\n<p>fine</p>\n\n<a href='JavaScript:x()'>x</a>\n"
    [problem] = body_html_problems("<p>Intro.</p><p>fine</p><a href='JavaScript:x()'>x</a>", source, "t.md")
    assert (problem.path, problem.field) == ("t.md", "line 7")
