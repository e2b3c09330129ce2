"""Writing the hub's pages and the index in forked processes changes nothing in the output.

Each build runs in a fresh Python process: the test process may run threads (a test server),
and a process with threads never forks (hub/forked.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.paths import ROOT
from tests.sitefacts import tree_digest

BUILD = """
import sys
sys.path[:0] = [{root!r}, {plugins!r}]
from hub import forked
from hubtools.sitebuild import BuildFailed, build_site
print("forks" if forked.can_fork() else "one process")
try:
    build_site({conf!r}, {out!r}, {{"HUB_PARALLEL_BUILD": {parallel!r}, **{extra!r}}})
except BuildFailed as failure:
    for problem in failure.problems:
        for line in problem.splitlines():
            print("problem:", line)
"""


def build_in_new_process(conf, out, parallel, extra):
    code = BUILD.format(
        root=str(ROOT), plugins=str(ROOT / "plugins"), conf=str(conf), out=str(out), parallel=parallel, extra=extra
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    how, *lines = done.stdout.splitlines()
    return how, [line for line in lines if line.startswith("problem:")]


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_parallel_and_one_process_builds_are_byte_identical(tmp_path, settings):
    extra = (
        {"SITEURL": "https://example.org", "FEED_DOMAIN": "https://example.org"} if settings == "publishconf.py" else {}
    )
    how, problems = build_in_new_process(ROOT / settings, tmp_path / "parallel", True, extra)
    _, single_problems = build_in_new_process(ROOT / settings, tmp_path / "single", False, extra)
    assert problems == single_problems == []
    if how != "forks":
        pytest.skip("this machine cannot fork a build (one core, or no os.fork)")
    assert tree_digest(tmp_path / "parallel") == tree_digest(tmp_path / "single")


def test_bad_tips_are_reported_the_same_way(tmp_path):
    """Tips converted ahead in another process are checked, and reported, as the build reads them."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "tips" / "no-summary.md").write_text("Title: No summary\nThemes: repair\n\nA body.\n", encoding="utf-8")
    (content / "tips" / "odd-theme.md").write_text(
        "Title: Odd theme\nThemes: no-such-theme\nSummary: One line.\n\nA body.\n", encoding="utf-8"
    )
    extra = {"PATH": str(content)}
    how, parallel = build_in_new_process(ROOT / "pelicanconf.py", tmp_path / "parallel", True, extra)
    _, single = build_in_new_process(ROOT / "pelicanconf.py", tmp_path / "single", False, extra)
    assert parallel == single
    assert any("no-summary.md" in line for line in parallel) and any("odd-theme.md" in line for line in parallel)
    if how != "forks":
        pytest.skip("this machine cannot fork a build (one core, or no os.fork)")
