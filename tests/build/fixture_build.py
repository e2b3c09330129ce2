"""Building the small fixture site (or a broken copy of it) with the real theme and plugin."""

from __future__ import annotations

from pathlib import Path

from hubtools.sitebuild import build_site
from tests.paths import ROOT, fixture_settings


def build_fixture(site: Path, output: Path | None = None, **overrides) -> Path:
    """Build ``site/content`` into ``output`` (default ``site/output``) and return the output."""
    output = output or site / "output"
    settings = {**fixture_settings(site), **overrides}
    build_site(ROOT / "pelicanconf.py", output, settings)
    return output
