"""Unit tests of reading the theme taxonomy."""

from hub.themes import Theme, parse_themes

GOOD = """
- slug: repair
  name: Repair
  description: After a fight.
- slug: quality-time
  name: Quality time
  description: Time together.
"""


def test_parses_themes_in_file_order_with_urls():
    themes, problems = parse_themes(GOOD, "themes.yml")
    assert problems == []
    assert themes == (
        Theme("repair", "Repair", "After a fight.", "themes/repair/"),
        Theme("quality-time", "Quality time", "Time together.", "themes/quality-time/"),
    )


def test_broken_yaml_is_one_problem_with_a_line_number():
    themes, problems = parse_themes("- slug: a\n  name: [unclosed\n", "themes.yml")
    assert themes == ()
    assert len(problems) == 1
    assert problems[0].path == "themes.yml" and problems[0].field.startswith("line ")
    assert "not valid YAML" in problems[0].message


def test_every_bad_entry_is_reported():
    text = """
- slug: Bad Slug
  name: X
  description: Y
- slug: ok
  name: ""
  description: Y
- slug: dup
  name: A
  description: B
- slug: dup
  name: A
  description: B
- just a string
"""
    _, problems = parse_themes(text, "themes.yml")
    fields = sorted(p.field for p in problems)
    assert fields == ["theme 1 slug", "theme 2 name", "theme 4 slug", "theme 5"]


def test_not_a_list_is_a_problem():
    _, problems = parse_themes("slug: a\n", "themes.yml")
    assert "list" in problems[0].message
