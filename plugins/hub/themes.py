"""The theme taxonomy: read from one YAML file and checked for shape and duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datafiles import parse_yaml, read_yaml
from .problems import ContentProblem

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
THEME_FIELDS = ("slug", "name", "description")


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy, such as ``repair`` or ``quality-time``."""

    slug: str
    name: str
    description: str
    url: str


def parse_themes(
    text: str, path: str, url_pattern: str = "themes/{slug}/"
) -> tuple[tuple[Theme, ...], list[ContentProblem]]:
    """Parse the themes file's text into themes, collecting every problem found."""
    data, problems = parse_yaml(text, path)
    if problems:
        return (), problems
    return themes_from_data(data, path, url_pattern)


def themes_from_data(
    data: object, path: str, url_pattern: str = "themes/{slug}/"
) -> tuple[tuple[Theme, ...], list[ContentProblem]]:
    """Turn parsed YAML into themes, collecting every problem found."""
    if not isinstance(data, list) or not data:
        return (), [ContentProblem(path, "", "must be a non-empty list of themes with slug, name and description")]
    themes: list[Theme] = []
    problems: list[ContentProblem] = []
    seen: set[str] = set()
    for number, entry in enumerate(data, start=1):
        where = f"theme {number}"
        entry_problems = _entry_problems(entry, path, where, seen)
        problems += entry_problems
        if not entry_problems:
            seen.add(entry["slug"])
            themes.append(
                Theme(url=url_pattern.format(slug=entry["slug"]), **{k: entry[k].strip() for k in THEME_FIELDS})
            )
    return tuple(themes), problems


def _entry_problems(entry: object, path: str, where: str, seen: set[str]) -> list[ContentProblem]:
    """Return the problems of one theme entry."""
    if not isinstance(entry, dict):
        return [ContentProblem(path, where, "must be a mapping with slug, name and description")]
    problems = [
        ContentProblem(path, f"{where} {field}", "is missing or empty; add it")
        for field in THEME_FIELDS
        if not isinstance(entry.get(field), str) or not entry[field].strip()
    ]
    slug = entry.get("slug")
    if isinstance(slug, str) and slug:
        if not SLUG_PATTERN.match(slug):
            problems.append(
                ContentProblem(path, f"{where} slug", f"{slug!r} must use lower-case letters, digits and hyphens")
            )
        elif slug in seen:
            problems.append(ContentProblem(path, f"{where} slug", f"{slug!r} is listed twice; keep one"))
    return problems


def load_themes(path: Path, display_path: str, url_pattern: str) -> tuple[tuple[Theme, ...], list[ContentProblem]]:
    """Read and parse the themes file at ``path``."""
    data, problems = read_yaml(path, display_path)
    if problems:
        return (), problems
    return themes_from_data(data, display_path, url_pattern)
