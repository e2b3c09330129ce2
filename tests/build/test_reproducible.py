"""Same input, same output: the real site built twice is byte-identical, locally and for production."""

from __future__ import annotations

import pytest

from hubtools.sitebuild import build_site
from tests.paths import ROOT
from tests.sitefacts import tree_digest


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_two_builds_are_byte_identical(tmp_path, settings):
    overrides = (
        {"SITEURL": "https://example.org", "FEED_DOMAIN": "https://example.org"} if settings == "publishconf.py" else {}
    )
    first = build_site(ROOT / settings, tmp_path / "first", overrides).output_path
    second = build_site(ROOT / settings, tmp_path / "second", overrides).output_path
    assert sorted(p.relative_to(first) for p in first.rglob("*")) == sorted(
        p.relative_to(second) for p in second.rglob("*")
    )
    assert tree_digest(first) == tree_digest(second)
