"""Writing the hub's pages and the index in forked processes changes nothing in the output.

Each build runs in a fresh Python process: the test process may run threads (a test server),
and a process with threads never forks (hub/forked.py).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.paths import ROOT
from tests.sitefacts import tree_digest

BUILD = """
import sys
sys.path[:0] = [{root!r}, {plugins!r}]
from hub import forked
from hubtools.sitebuild import build_site
print("forks" if forked.can_fork() else "one process")
build_site({conf!r}, {out!r}, {{"HUB_PARALLEL_BUILD": {parallel!r}, **{extra!r}}})
"""


def build_in_new_process(conf, out, parallel, extra):
    code = BUILD.format(
        root=str(ROOT), plugins=str(ROOT / "plugins"), conf=str(conf), out=str(out), parallel=parallel, extra=extra
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[0]


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_parallel_and_one_process_builds_are_byte_identical(tmp_path, settings):
    extra = (
        {"SITEURL": "https://example.org", "FEED_DOMAIN": "https://example.org"} if settings == "publishconf.py" else {}
    )
    how = build_in_new_process(ROOT / settings, tmp_path / "parallel", True, extra)
    build_in_new_process(ROOT / settings, tmp_path / "single", False, extra)
    if how != "forks":
        pytest.skip("this machine cannot fork a build (one core, or no os.fork)")
    assert tree_digest(tmp_path / "parallel") == tree_digest(tmp_path / "single")
