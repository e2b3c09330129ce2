"""Pelican's own log records about a content file become problems naming that file."""

from __future__ import annotations

import logging

from hubtools.pelicanlog import problem_from_record


def _record(message: str, *args) -> logging.LogRecord:
    return logging.LogRecord("pelican", logging.ERROR, __file__, 1, message, args, None)


def test_a_missing_title_names_the_file_and_the_field(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles/x.md").write_text("\n\nBody\n")
    record = _record("Skipping %s: could not find information about '%s'", str(content / "articles/x.md"), "title")
    problem = problem_from_record(record, content)
    assert str(problem) == "content/articles/x.md: Title: is missing; add a 'Title:' line at the top"


def test_a_relative_path_names_the_file(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles/x.md").write_text("x")
    problem = problem_from_record(_record("Could not process %s\n%s", "articles/x.md", "bad thing"), content)
    assert (problem.path, problem.message) == (
        "content/articles/x.md",
        "Pelican reports: Could not process content/articles/x.md bad thing; fix this in the file",
    )


def test_a_record_about_no_content_file_stays_a_message(tmp_path):
    assert problem_from_record(_record("Something about %s", "/etc/passwd"), tmp_path / "content") is None
    assert problem_from_record(_record("Plain words"), tmp_path / "content") is None


def test_a_path_inside_an_f_string_message_names_the_file(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles/x.md").write_text("x")
    message = f"Unknown status 'odd' for file {content / 'articles/x.md'}, skipping it."
    problem = problem_from_record(_record(message.replace("%", "%%")), content)
    assert problem.path == "content/articles/x.md"
    assert problem.message == (
        "Pelican reports: Unknown status 'odd' for file content/articles/x.md, skipping it.; fix this in the file"
    )
