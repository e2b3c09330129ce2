"""Where the project is, and the settings that build the small fixture site with the real theme and plugin.

The one definition of both: conftest's `project_root` fixture returns ROOT, and every helper that
builds the fixture site starts from `fixture_settings`.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fixture_settings(site: Path) -> dict:
    """Pelican overrides that build ``site/content`` with this project's theme, plugin and npm packages."""
    return {
        "PATH": str(site / "content"),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "HUB_NODE_MODULES": str(ROOT / "node_modules"),
    }
