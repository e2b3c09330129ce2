"""Related words for search: the editor-kept groups of words that mean the same thing here.

content/search-words.yml lists groups such as ``[gratitude, appreciation, thanks]``. A
reader's word also finds the other words of its group, ranked below the word itself, and
``filler`` words ("never", "really") count for almost nothing when results are ranked by how
much of the query they cover (theme/static/js/search-meaning.js). This module checks the file and turns each
entry into the form the index stores (lower case, British spellings folded, each word
stemmed as lunr stems it), so the page compares like with like and ships no duplicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lunr.stemmer import porter_stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS

from .datafiles import read_yaml
from .problems import ContentProblem
from .text import fold_text

# A word is letters with inner apostrophes or hyphens ("won't", "in-laws"); an entry is one
# to three words.
_WORD = r"[a-z]+(?:['-][a-z]+)*"
ENTRY = re.compile(rf"^{_WORD}(?: {_WORD}){{0,2}}$")
MAX_ENTRY_WORDS = 3
# lunr's tokenizer splits on whitespace and hyphens, so "in-laws" is indexed as "in" "laws".
_SPLIT = re.compile(r"[\s\-]+")


@cache
def _stem(word: str) -> str:
    return porter_stemmer.stem(word)


def index_form(entry: str) -> str:
    """An entry as the index holds it: folded, split like lunr splits, stop words dropped, stemmed.

    Empty when every word is one search ignores ("says no").
    """
    words = [word.strip("'") for word in _SPLIT.split(fold_text(entry))]
    return " ".join(_stem(word) for word in words if word and word not in STOP_WORDS)


@dataclass(frozen=True)
class SearchWords:
    """The checked groups and filler words, as written, and in the form the page matches them."""

    groups: tuple[tuple[str, ...], ...]
    filler: tuple[str, ...] = ()

    def to_data(self) -> dict[str, list]:
        """Each group's distinct index forms in the file's order, and the filler stems: what the page needs."""
        return {
            "related": [list(dict.fromkeys(index_form(entry) for entry in group)) for group in self.groups],
            "filler": sorted({index_form(word) for word in self.filler}),
        }


def _label(number: int, group: Any) -> str:
    """How a problem names a group: its number and first word, e.g. ``groups[3] (gratitude)``."""
    first = group[0] if isinstance(group, list) and group and isinstance(group[0], str) else ""
    return f"groups[{number}]" + (f" ({first})" if first else "")


def _check_group(number: int, group: Any, path: str, problems: list[ContentProblem]) -> tuple[str, ...]:
    """One group's entries, lower-cased; every problem with it recorded."""
    where = _label(number, group)
    if not isinstance(group, list) or not group:
        problems.append(ContentProblem(path, where, "is empty; list at least two words, e.g. [row, argument]"))
        return ()
    entries = []
    for item in group:
        if not isinstance(item, str) or not item.strip():
            problems.append(ContentProblem(path, where, f"{item!r} is not a word; write plain words or short phrases"))
            continue
        entry = " ".join(item.split())
        if entry != entry.lower():
            problems.append(ContentProblem(path, where, f"{item!r} has capital letters; write it in lower case"))
        elif not ENTRY.match(entry):
            problems.append(
                ContentProblem(
                    path,
                    where,
                    f"{item!r} is not a plain word or a phrase of up to {MAX_ENTRY_WORDS} words; "
                    "use letters only (apostrophes and hyphens inside words are fine)",
                )
            )
        elif not index_form(entry):
            problems.append(
                ContentProblem(path, where, f"{item!r} is made only of words search ignores; use a more telling word")
            )
        elif " " in entry and len(index_form(entry).split()) == 1:
            # "walks off" would be searched as "walk" alone, and find every Sunday walk.
            kept = next(word for word in _SPLIT.split(entry) if index_form(word))
            problems.append(
                ContentProblem(
                    path,
                    where,
                    f"{item!r} is searched as {kept!r} alone (search ignores its other words); "
                    f"list {kept!r} only if it means the same on its own, or pick a more telling phrase",
                )
            )
        else:
            entries.append(entry)
    for entry in sorted({entry for entry in entries if entries.count(entry) > 1}):
        problems.append(ContentProblem(path, where, f"{entry!r} is listed twice; keep one"))
    entries = list(dict.fromkeys(entries))
    if len(entries) == 1 or (entries and len({index_form(entry) for entry in entries}) == 1):
        problems.append(
            ContentProblem(
                path, where, "has only one word (forms of a word already meet); add a word that means the same"
            )
        )
    return tuple(entries)


def _check_filler(raw: Any, path: str, problems: list[ContentProblem]) -> tuple[str, ...]:
    """The filler words: single plain lower-case words, each once."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(ContentProblem(path, "filler", "must be a list of words: [never, really]"))
        return ()
    words = []
    for item in raw:
        word = item.strip() if isinstance(item, str) else ""
        if not re.fullmatch(_WORD, word):
            message = f"{item!r} is not one lower-case word; list words one by one"
            problems.append(ContentProblem(path, "filler", message))
        elif not index_form(word):
            problems.append(ContentProblem(path, "filler", f"{item!r} is already ignored by search; leave it out"))
        else:
            words.append(word)
    for word in sorted({word for word in words if words.count(word) > 1}):
        problems.append(ContentProblem(path, "filler", f"{word!r} is listed twice; keep one"))
    return tuple(dict.fromkeys(words))


def search_words_from_data(data: Any, path: str) -> tuple[SearchWords | None, list[ContentProblem]]:
    """Check parsed YAML and turn it into SearchWords, collecting every problem."""
    if not isinstance(data, dict) or "groups" not in data or not set(data) <= {"groups", "filler"}:
        return None, [ContentProblem(path, "", "must hold `groups` (a list of word groups) and may hold `filler`")]
    raw = data["groups"]
    if not isinstance(raw, list) or not raw:
        return None, [ContentProblem(path, "groups", "must be a list of groups, one per line: - [row, argument]")]
    problems: list[ContentProblem] = []
    groups = [_check_group(number, group, path, problems) for number, group in enumerate(raw, start=1)]
    # The same word (in any form or spelling) in two groups would join them; say where.
    owner: dict[str, tuple[int, str]] = {}
    for number, group in enumerate(groups, start=1):
        for entry in group:
            form = index_form(entry)
            if form in owner and owner[form][0] != number:
                first, written = owner[form]
                problems.append(
                    ContentProblem(
                        path,
                        _label(number, list(group)),
                        f"{entry!r} is also in {_label(first, list(groups[first - 1]))} (as {written!r}); "
                        "keep it in one group, or merge the groups",
                    )
                )
            owner.setdefault(form, (number, entry))
    filler = _check_filler(data.get("filler"), path, problems)
    for word in filler:
        if index_form(word) in owner:
            number, written = owner[index_form(word)]
            problems.append(
                ContentProblem(
                    path,
                    "filler",
                    f"{word!r} is also in {_label(number, list(groups[number - 1]))} (as {written!r}); "
                    "a word is either filler or part of a group",
                )
            )
    if problems:
        return None, problems
    return SearchWords(tuple(groups), filler), []


def load_search_words(path: Path, display_path: str) -> tuple[SearchWords | None, list[ContentProblem]]:
    """Read and check content/search-words.yml."""
    data, problems = read_yaml(path, display_path)
    if problems:
        return None, problems
    return search_words_from_data(data, display_path)
