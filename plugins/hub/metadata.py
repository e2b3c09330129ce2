"""Checks on the metadata of tips, articles and pages: small rules, every problem collected."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from .problems import ContentProblem
from .sources import reviewed_problems, source_problems
from .text import fold_text

SUMMARY_MAX_CHARS = 160
MAX_THEMES = 3
EFFORTS = ("easy", "moderate", "deep")
SEARCH_CHOICES = ("hidden", "boost")
# Search_words: a few readers' phrasings, not a second body. More would drown the item's own words.
SEARCH_WORDS_MAX = 12
SEARCH_WORDS_MAX_WORDS = 4
# A plain word: letters or digits, with an apostrophe or hyphen inside ("won't", "in-laws").
PLAIN_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_LETTERS = re.compile(r"[^\W_]+")


def _word_set(text: str) -> set[str]:
    """The words of a text as search folds them (case, British spellings), split at any punctuation."""
    return set(_LETTERS.findall(fold_text(text)))


# Which fields each kind of item must carry.
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "tip": ("title", "themes", "summary", "source"),
    "article": ("title", "themes", "summary", "source"),
    "page": ("title", "summary"),
}

HOW_TO_FILL = {
    "title": "add a 'Title:' line",
    "themes": "add a 'Themes:' line with 1 to 3 theme slugs from themes.yml",
    "summary": f"add a one-sentence 'Summary:' line of at most {SUMMARY_MAX_CHARS} characters",
    "source": "add a 'Source:' line of links, [credit](https://address-of-the-page), separated by '; '",
}


def split_list(value: Any) -> tuple[str, ...]:
    """Split a comma-separated metadata value into trimmed, non-empty parts."""
    if value is None:
        return ()
    parts = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return tuple(part.strip() for part in parts if str(part).strip())


def split_sources(value: Any) -> tuple[str, ...]:
    """Split a Source value on semicolons: several sources may share one line."""
    return tuple(part.strip() for part in str(value or "").split(";") if part.strip())


def _is_blank(value: Any) -> bool:
    return value is None or not str(value).strip()


def _check_required(meta: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
    return [
        (field, f"is missing; {HOW_TO_FILL[field]}") for field in REQUIRED_FIELDS[kind] if _is_blank(meta.get(field))
    ]


def _check_summary(meta: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
    summary = str(meta.get("summary") or "").strip()
    if len(summary) > SUMMARY_MAX_CHARS:
        return [("Summary", f"is {len(summary)} characters; shorten it to {SUMMARY_MAX_CHARS} or fewer")]
    return []


def _checker_for_themes(known: Collection[str]) -> Callable[[Mapping[str, Any], str], list[tuple[str, str]]]:
    def check(meta: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
        if _is_blank(meta.get("themes")) or kind == "page":
            return []
        themes = split_list(meta.get("themes"))
        found = []
        if len(themes) > MAX_THEMES:
            found.append(("Themes", f"lists {len(themes)} themes; keep the {MAX_THEMES} that fit best"))
        if len(set(themes)) != len(themes):
            found.append(("Themes", "lists a theme twice; list each once"))
        for slug in themes:
            if slug not in known:
                found.append(
                    ("Themes", f"{slug!r} is not a theme in themes.yml; use one of: {', '.join(sorted(known))}")
                )
        return found

    return check


def _check_effort(meta: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
    effort = meta.get("effort")
    if effort is not None and str(effort).strip() not in EFFORTS:
        return [("Effort", f"{effort!r} is not allowed; use one of: {', '.join(EFFORTS)}")]
    return []


def _check_search(meta: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
    choice = meta.get("search")
    if choice is not None and str(choice).strip() not in SEARCH_CHOICES:
        return [("Search", f"{choice!r} is not allowed; use one of: {', '.join(SEARCH_CHOICES)}")]
    return []


def _search_words_entry_problem(entry: str, title_words: set[str]) -> str | None:
    words = entry.split()
    if not all(PLAIN_WORD.fullmatch(word) for word in words):
        return f"{entry!r} is not plain words; use letters, with an apostrophe or hyphen inside a word"
    if len(words) > SEARCH_WORDS_MAX_WORDS:
        return f"{entry!r} has {len(words)} words; keep each entry to 1 to {SEARCH_WORDS_MAX_WORDS} words"
    if _word_set(entry) <= title_words:
        return f"{entry!r} is already in the title; remove it"
    return None


def _check_search_words(meta: Mapping[str, Any], kind: str) -> list[tuple[str, str]]:
    entries = split_list(meta.get("search_words"))
    found = []
    if len(entries) > SEARCH_WORDS_MAX:
        found.append(("Search_words", f"lists {len(entries)} entries; keep the {SEARCH_WORDS_MAX} readers type most"))
    title_words = _word_set(str(meta.get("title") or ""))
    seen: set[str] = set()
    for entry in entries:
        key = " ".join(_LETTERS.findall(fold_text(entry)))
        problem = _search_words_entry_problem(entry, title_words)
        if problem is None and key in seen:
            problem = f"lists {entry!r} twice; list each once"
        seen.add(key)
        if problem:
            found.append(("Search_words", problem))
    return found


def search_words(meta: Mapping[str, Any]) -> tuple[str, ...]:
    """The Search_words entries of an item's metadata (already checked), for the search index."""
    return split_list(meta.get("search_words"))


def check_metadata(
    meta: Mapping[str, Any], path: str, kind: str, known_themes: Collection[str]
) -> list[ContentProblem]:
    """Return every problem in one item's metadata (keys lower-case, as Pelican gives them)."""
    checks = (
        _check_required,
        _check_summary,
        _checker_for_themes(known_themes),
        _check_effort,
        _check_search,
        _check_search_words,
        source_problems,
        reviewed_problems,
    )
    found = [problem for check in checks for problem in check(meta, kind)]
    return [ContentProblem(path, field.capitalize() if field.islower() else field, message) for field, message in found]


def duplicate_slug_problems(items: list[tuple[str, str]], kind: str) -> list[ContentProblem]:
    """Given (slug, path) pairs, report every path whose slug another item already uses."""
    owners: dict[str, list[str]] = {}
    for slug, path in items:
        owners.setdefault(slug, []).append(path)
    return [
        ContentProblem(
            path, "Slug", f"{slug!r} is used by {len(paths)} {kind}s ({', '.join(sorted(paths))}); rename one file"
        )
        for slug, paths in owners.items()
        if len(paths) > 1
        for path in paths
    ]
