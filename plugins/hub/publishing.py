"""The last pass over a finished output folder: sitemap, robots.txt, _headers, asset processing."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .assets import process_assets
from .settings import hub_settings
from .sitefiles import headers_file, page_urls, robots_txt, sitemap_xml


def finish_output(output_path: str | Path, settings: Mapping[str, Any]) -> None:
    """Apply the production passes the settings ask for; always write the host headers file."""
    cfg = hub_settings(settings)
    root = Path(output_path)
    siteurl = cfg["SITEURL"]
    if cfg["HUB_SITEMAP"]:
        (root / "sitemap.xml").write_text(sitemap_xml(page_urls(root, siteurl)), encoding="utf-8")
        (root / "robots.txt").write_text(robots_txt(siteurl), encoding="utf-8")
    static = cfg["THEME_STATIC_DIR"]
    renamed = process_assets(root, static, minify=cfg["HUB_MINIFY"], hash_names=cfg["HUB_FINGERPRINT"])
    immutable = [f"/{cfg['HUB_SEARCH_DIR']}/*"]
    if renamed:
        immutable += [f"/{static}/css/*", f"/{static}/js/*", f"/{static}/vendor/*"]
    (root / cfg["HUB_HEADERS_FILE"]).write_text(
        headers_file(cfg["HUB_CONTENT_SECURITY_POLICY"], immutable), encoding="utf-8"
    )
