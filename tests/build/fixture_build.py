"""Building the small fixture site (or a broken copy of it) with the real theme and plugin."""

from __future__ import annotations

from pathlib import Path

from hubtools.sitebuild import build_site

ROOT = Path(__file__).resolve().parents[2]


def build_fixture(site: Path, output: Path | None = None, **overrides) -> Path:
    """Build ``site/content`` into ``output`` (default ``site/output``) and return the output."""
    output = output or site / "output"
    settings = {
        "PATH": str(site / "content"),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "HUB_NODE_MODULES": str(ROOT / "node_modules"),
        **overrides,
    }
    build_site(ROOT / "pelicanconf.py", output, settings)
    return output
