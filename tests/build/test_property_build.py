"""Property: whatever an editor (or an attacker) writes, a build succeeds or names the file; never a traceback.

Hypothesis writes random metadata lines into a tip, an article or a page, and random YAML
documents into themes.yml or the quiz, then builds the fixture site. Each build either
succeeds or fails with problems that all name a content file; after a failure output/ is
byte-identical, and no staging folder is left behind. Examples are few and derandomised, so
CI on two cores stays quick and repeatable.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubtools.sitebuild import BuildFailed
from tests.build.fixture_build import build_fixture
from tests.paths import ROOT
from tests.sitefacts import tree_digest

# A longer, random exploration: HUB_PROPERTY_EXAMPLES=500 pytest -s tests/build/test_property_build.py
EXAMPLES = int(os.environ.get("HUB_PROPERTY_EXAMPLES", "25"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="HUB_PROPERTY_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

KEYS = ["Title", "Themes", "Summary", "Source", "Date", "Modified", "Slug", "Status", "Effort", "Search", "Time"]
KEYS += ["Search_words"]
KEYS += ["Template", "Save_as", "URL", "title", "THEMES", "Lang", "Category", "Tags", "Authors", "X-Custom"]
TRICKY = [
    "",
    " ",
    "communication",
    "repair, stress",
    "communication, communication",
    "romance",
    "2026-11-22",
    "2026-02-30",
    "not-a-date",
    "draft",
    "hidden",
    "../../etc/passwd",
    "search",
    "a/b",
    "<script>alert(1)</script>",
    "{filename}/tips/weekly-check-in.md",
    "x" * 1200,
    "\x00",
    "\u202e",
    "'quoted'",
    '"double"',
    "a: b: c",
    "- item",
]
BODIES = [
    "A body of plain words.",
    "## Heading\n\n- one\n- two",
    "<p onclick='x()'>Hi</p>",
    "[x](javascript:alert(1))",
    '<aside class="try-this-week" markdown="1">\n\n## Try this week\n\n- One.\n\n</aside>',
    "<meta http-equiv='refresh' content='0'>",
    "See the [safety page]({filename}/pages/safety.md).",
    "[broken]({filename}/nowhere.md)",
    "",
]

values = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40))
metadata_line = st.one_of(
    st.tuples(st.sampled_from(KEYS), values).map(lambda pair: f"{pair[0]}: {pair[1]}"),
    st.text(max_size=40),
)
# A valid head for each kind of file; examples add, replace or drop lines, so some builds pass.
HEADS = {
    "tips/fuzz.md": ["Title: A tip", "Themes: repair", "Summary: One line.", "Source: An Expert, An Outlet"],
    "articles/fuzz.md": [
        "Title: An article",
        "Date: 2026-11-22",
        "Themes: stress",
        "Summary: One line.",
        "Source: An Expert, An Outlet",
    ],
    "pages/fuzz.md": ["Title: A page", "Slug: fuzz-page", "Summary: One line."],
}


def _edit_lines(head: list[str], edits: list[tuple[int, str, str]]) -> list[str]:
    lines = list(head)
    for position, action, line in edits:
        index = position % (len(lines) + 1)
        if action == "add":
            lines.insert(index, line)
        elif lines and action == "replace":
            lines[index % len(lines)] = line
        elif lines:
            del lines[index % len(lines)]
    return lines


edits = st.lists(st.tuples(st.integers(0, 20), st.sampled_from(["add", "replace", "drop"]), metadata_line), max_size=3)
markdown_file = st.tuples(st.sampled_from(sorted(HEADS)), edits, st.sampled_from(BODIES)).map(
    lambda parts: (parts[0], "\n".join(_edit_lines(HEADS[parts[0]], parts[1])) + "\n\n" + parts[2] + "\n")
)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.sampled_from(TRICKY), st.text(max_size=30))
structures = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(TRICKY + KEYS), children, max_size=4)
    ),
    max_leaves=20,
)
YAML_TOKENS = ["- ", ": ", "&a ", "*a", "!!str ", "<<: ", "{", "}", "[", "]", "\n", "\n  ", "slug", "id", "'", '"']
YAML_TOKENS += ["communication", "answers:", "questions:", "text: ", "\x00", "? ", "---\n", "...\n", "#", "\t"]
raw_yaml = st.lists(st.sampled_from(YAML_TOKENS), max_size=30).map("".join)
YAML_FILES = ["themes.yml", "quiz/where-are-we-stuck.yml"]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "site" / "content"


def _replace_value(relative: str, position: int, value: str) -> str:
    """The fixture's YAML file with the value on one "key: value" line replaced."""
    lines = (FIXTURE_CONTENT / relative).read_text(encoding="utf-8").split("\n")
    keyed = [n for n, line in enumerate(lines) if ": " in line]
    number = keyed[position % len(keyed)]
    key = lines[number].split(": ", 1)[0]
    lines[number] = f"{key}: {value}"
    return "\n".join(lines)


dumped = structures.map(lambda data: yaml.safe_dump(data, allow_unicode=True, default_flow_style=True).strip())
yaml_file = st.one_of(
    st.tuples(st.sampled_from(YAML_FILES), st.one_of(structures.map(yaml.safe_dump), raw_yaml)),
    st.tuples(st.sampled_from(YAML_FILES), st.integers(0, 200), st.one_of(dumped, raw_yaml, values)).map(
        lambda parts: (parts[0], _replace_value(*parts))
    ),
)


class Site:
    """The fixture site built once; each example edits one file, builds, checks and restores it."""

    def __init__(self, folder: Path):
        shutil.copytree(ROOT / "tests" / "fixtures" / "site", folder)
        self.folder = folder
        self.output = build_fixture(folder)
        self.digest = tree_digest(self.output)
        self.tally = {"accepted": 0, "rejected": 0}

    def try_file(self, relative: str, text: str) -> None:
        path = self.folder / "content" / relative
        original = path.read_bytes() if path.exists() else None
        path.write_bytes(text.encode("utf-8"))
        try:
            self._build_and_check()
        finally:
            if original is None:
                path.unlink()
            else:
                path.write_bytes(original)

    def _build_and_check(self) -> None:
        try:
            build_fixture(self.folder)
        except BuildFailed as failure:
            self.tally["rejected"] += 1
            assert failure.content_problems, f"no file named: {failure.problems}"
            assert all(p.path.startswith("content/") for p in failure.content_problems), failure.problems
            assert "Traceback" not in str(failure)
            assert tree_digest(self.output) == self.digest
        else:
            self.tally["accepted"] += 1
            self.digest = tree_digest(self.output)
        assert [p.name for p in self.folder.iterdir() if p.name.startswith(".output-building")] == []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = Site(tmp_path_factory.mktemp("property") / "site")
    yield built
    print(f"\nproperty builds: {built.tally}")  # shown with -s


@SETTINGS
@given(markdown_file)
def test_random_metadata_lines_build_or_name_the_file(site, case):
    site.try_file(*case)


@SETTINGS
@given(yaml_file)
def test_random_yaml_documents_build_or_name_the_file(site, case):
    site.try_file(*case)
