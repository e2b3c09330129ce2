"""Content lives in content/: no helpline number, theme slug or page slug is written in scripts or Python."""

from __future__ import annotations

import re

import pytest
import yaml

PHONE = re.compile(r"\b\d{3,4}[ -]\d{3}[ -]\d{3,4}\b|\b1-8\d\d\b|\b(?:911|999|112)\b")


def _code_files(root):
    yield from sorted((root / "theme" / "static" / "js").glob("*.js"))
    yield from sorted((root / "plugins" / "hub").glob("*.py"))
    yield from sorted((root / "hubtools").glob("*.py"))
    yield from sorted((root / "hubtools").glob("*.js"))


@pytest.fixture(scope="module")
def content_slugs(project_root):
    """Theme slugs as strings, and page slugs as the paths a script would link to."""
    themes = yaml.safe_load((project_root / "content" / "themes.yml").read_text(encoding="utf-8"))
    pages = [path.stem for path in (project_root / "content" / "pages").glob("*.md")]
    return [rf"['\"`]{re.escape(theme['slug'])}['\"`]" for theme in themes] + [rf"/{re.escape(p)}/" for p in pages]


def test_no_phone_number_in_scripts_or_python(project_root):
    found = [
        f"{path.relative_to(project_root)}: {match.group(0)}"
        for path in _code_files(project_root)
        for match in PHONE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_theme_or_page_slug_in_scripts(project_root, content_slugs):
    found = []
    for path in sorted((project_root / "theme" / "static" / "js").glob("*.js")):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {pattern}" for pattern in content_slugs if re.search(pattern, text)]
    assert found == []


def test_no_helpline_number_in_templates(project_root):
    numbers = yaml.safe_load((project_root / "content" / "helplines.yml").read_text(encoding="utf-8"))
    shown = {entry["number"] for entry in numbers["emergency"]} | {
        contact["phone"] for contact in numbers["contacts"] if contact.get("phone")
    }
    templates = sorted((project_root / "theme" / "templates").rglob("*.html"))
    found = [f"{path.name}: {number}" for path in templates for number in shown if number in path.read_text()]
    assert found == []
