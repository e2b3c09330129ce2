"""Danger words: the editor-kept list that makes search show help before any rut advice.

content/safety-words.yml holds single words, ordered phrases (with ``{group}`` placeholders
such as ``{person}``) and the panel's own words. This module checks the file's shape; the
matching itself runs in the page (theme/static/js/safety-match.js) on each query, after the
same normalisation search uses, so the list is shipped to the page as JSON.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .datafiles import read_yaml
from .problems import ContentProblem
from .text import SPELLING_PREFIXES

WORD = re.compile(r"^[a-z][a-z']*$")
PLACEHOLDER = re.compile(r"^\{([a-z]+)\}$")
MAX_GAP = 2


@dataclass(frozen=True)
class DangerWords:
    """The checked list, and the words the safety panel says."""

    heading: str
    text: str
    groups: dict[str, tuple[str, ...]]
    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @cached_property
    def matcher_json(self) -> str:
        """What the page's matcher needs, compact and in a stable order (made once: every page carries it)."""
        data = {
            "gap": MAX_GAP,
            "groups": {name: list(words) for name, words in sorted(self.groups.items())},
            "words": list(self.words),
            "phrases": [list(phrase) for phrase in self.phrases],
            # Queries are folded as search folds them, so "behaviour" meets "behavior".
            "spellings": SPELLING_PREFIXES,
        }
        return json.dumps(data, separators=(",", ":"), sort_keys=True)


def _words_list(value: Any, where: str, path: str, problems: list[ContentProblem]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        problems.append(ContentProblem(path, where, "must be a non-empty list of words"))
        return ()
    found = []
    for item in value:
        if not isinstance(item, str) or not WORD.match(item.strip().lower()):
            problems.append(ContentProblem(path, where, f"{item!r} is not one lower-case word; write words one by one"))
            continue
        found.append(item.strip().lower())
    for word in sorted({w for w in found if found.count(w) > 1}):
        problems.append(ContentProblem(path, where, f"{word!r} is listed twice; keep one"))
    return tuple(dict.fromkeys(found))


def _phrase(value: Any, groups: dict[str, tuple[str, ...]], path: str, problems: list[ContentProblem]):
    where = "phrases"
    if not isinstance(value, str) or not value.strip():
        problems.append(ContentProblem(path, where, f"{value!r} is not a phrase; write the words in quotes"))
        return None
    parts = value.strip().lower().split()
    if len(parts) < 2:
        problems.append(ContentProblem(path, where, f"{value!r} has one word; put single words under `words`"))
        return None
    for part in parts:
        placeholder = PLACEHOLDER.match(part)
        if placeholder and placeholder.group(1) not in groups:
            known = ", ".join(sorted(groups)) or "none yet"
            problems.append(
                ContentProblem(path, where, f"{value!r} uses {part} but there is no such group; use one of: {known}")
            )
            return None
        if not placeholder and not WORD.match(part):
            problems.append(ContentProblem(path, where, f"{value!r}: {part!r} is not a plain word; drop punctuation"))
            return None
    if all(PLACEHOLDER.match(part) for part in parts):
        problems.append(
            ContentProblem(path, where, f"{value!r} has only placeholders; add the words that signal danger")
        )
        return None
    return tuple(parts)


def danger_words_from_data(data: Any, path: str) -> tuple[DangerWords | None, list[ContentProblem]]:
    """Check parsed YAML and turn it into DangerWords, collecting every problem."""
    problems: list[ContentProblem] = []
    if not isinstance(data, dict):
        return None, [ContentProblem(path, "", "must hold `panel`, `groups`, `words` and `phrases`")]
    for key in data:
        if key not in ("panel", "groups", "words", "phrases"):
            problems.append(ContentProblem(path, str(key), "is not a known section; use panel, groups, words, phrases"))
    panel = data.get("panel")
    heading = text = ""
    if not isinstance(panel, dict):
        problems.append(ContentProblem(path, "panel", "must have a `heading` and a `text` for the safety panel"))
    else:
        heading, text = (str(panel.get(key) or "").strip() for key in ("heading", "text"))
        for key, value in (("heading", heading), ("text", text)):
            if not value or not isinstance(panel.get(key), str):
                problems.append(ContentProblem(path, f"panel.{key}", "is missing; write it in plain words"))
    raw_groups = data.get("groups") or {}
    groups: dict[str, tuple[str, ...]] = {}
    if not isinstance(raw_groups, dict):
        problems.append(ContentProblem(path, "groups", "must map a group name to a list of words"))
    else:
        for name, words in raw_groups.items():
            if not isinstance(name, str) or not re.match(r"^[a-z]+$", name):
                problems.append(ContentProblem(path, "groups", f"{name!r} is not a lower-case name"))
                continue
            groups[name] = _words_list(words, f"groups.{name}", path, problems)
    words = _words_list(data.get("words"), "words", path, problems)
    raw_phrases = data.get("phrases")
    if not isinstance(raw_phrases, list) or not raw_phrases:
        problems.append(ContentProblem(path, "phrases", "must be a non-empty list of phrases"))
        raw_phrases = []
    phrases = [p for value in raw_phrases if (p := _phrase(value, groups, path, problems)) is not None]
    for phrase in sorted({p for p in phrases if phrases.count(p) > 1}):
        problems.append(ContentProblem(path, "phrases", f"{' '.join(phrase)!r} is listed twice; keep one"))
    if problems:
        return None, problems
    return DangerWords(heading, text, groups, words, tuple(dict.fromkeys(phrases))), []


def load_danger_words(path: Path, display_path: str) -> tuple[DangerWords | None, list[ContentProblem]]:
    """Read and check content/safety-words.yml."""
    data, problems = read_yaml(path, display_path)
    if problems:
        return None, problems
    return danger_words_from_data(data, display_path)
