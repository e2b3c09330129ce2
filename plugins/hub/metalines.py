"""The metadata lines at the top of a Markdown file, read as Python-Markdown reads them.

Pelican turns a repeated key into a list and an unreadable date into a bare "Could not
process" message, so the lines are checked here, before Pelican reads the file: each key
once, each value of a sane length, dates in the one format the site uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

# The same patterns as markdown.extensions.meta, so the lines found here are the ones Pelican reads.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")

# Far beyond any real title or summary; a value this long is a mistake or an attack. A Source line
# holds several linked credits (an article cites up to a dozen pages), so it has room for more.
MAX_VALUE_CHARS = 1000
MAX_CHARS_BY_KEY = {"source": 4000}
DATE_KEYS = ("date", "modified")
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")
DATE_EXAMPLE = "2026-11-22"
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Pelican lets these write a page anywhere in the output; here the address comes from the slug.
ADDRESS_KEYS = ("save_as", "url", "lang_save_as", "lang_url")
# Pelican's own taxonomies, unused here (themes replace them); a bad value only gave a warning naming no file.
TAXONOMY_KEYS = ("category", "tags", "author", "authors")


@dataclass(frozen=True)
class MetaLine:
    """One metadata key with the line it starts on and its whole value."""

    key: str
    line: int
    value: str


def metadata_lines(text: str) -> list[MetaLine]:
    """Every metadata key of a Markdown file, in order, repeats included."""
    lines = text.split("\n")
    start = 1 if lines and BEGIN_RE.match(lines[0]) else 0
    found: list[MetaLine] = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or END_RE.match(line):
            break
        head, more = META_RE.match(line), META_MORE_RE.match(line)
        if head:
            found.append(MetaLine(head.group("key"), number, head.group("value").strip()))
        elif more and found:
            last = found[-1]
            found[-1] = MetaLine(last.key, last.line, f"{last.value} {more.group('value').strip()}".strip())
        else:
            break
    return found


def _is_date(value: str) -> bool:
    for pattern in DATE_FORMATS:
        try:
            datetime.strptime(value, pattern)
        except ValueError:
            continue
        return True
    return False


def _value_problem(meta: MetaLine) -> str | None:
    """What is wrong with one key's value, or None."""
    name, label = meta.key.lower(), f"'{meta.key}:'"
    limit = MAX_CHARS_BY_KEY.get(name, MAX_VALUE_CHARS)
    if len(meta.value) > limit:
        return f"{label} is {len(meta.value):,} characters; the limit is {limit:,}; shorten it"
    if name in DATE_KEYS and not _is_date(meta.value):
        return f"{label} {meta.value!r} is not a date; write it as YYYY-MM-DD, e.g. {DATE_EXAMPLE}"
    if name == "slug" and not SLUG_PATTERN.match(meta.value):
        return f"{label} {meta.value!r} must use lower-case letters, digits and hyphens (no '/' or '..')"
    if name in ADDRESS_KEYS:
        return f"{label} is not used here; a page's address comes from 'Slug:'; delete it"
    if name in TAXONOMY_KEYS:
        return f"{label} is not used here; themes take the place of categories, tags and authors; delete it"
    return None


def metadata_line_problems(text: str) -> list[tuple[str, str]]:
    """(field, message) for each repeated key, over-long value, malformed date or slug, or address override."""
    problems: list[tuple[str, str]] = []
    first_seen: dict[str, int] = {}
    for meta in metadata_lines(text):
        name, where = meta.key.lower(), f"line {meta.line}"
        if name in first_seen:
            message = f"'{meta.key}:' repeats the one on line {first_seen[name]}; keep one and delete the other"
            problems.append((where, message))
        first_seen.setdefault(name, meta.line)
        value_problem = _value_problem(meta)
        if value_problem:
            problems.append((where, value_problem))
    return problems
