"""Site-wide files for hosts and crawlers: sitemap.xml, robots.txt, _headers and the web manifest."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

NOT_IN_SITEMAP = {"404.html"}


def page_urls(root: Path, siteurl: str) -> list[str]:
    """The URL of every HTML page in the output, pretty folder URLs for index.html files."""
    urls = []
    for page in sorted(root.rglob("*.html")):
        relative = page.relative_to(root).as_posix()
        if relative in NOT_IN_SITEMAP:
            continue
        path = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        urls.append(f"{siteurl}/{path}")
    return urls


def sitemap_xml(urls: list[str]) -> str:
    """A sitemap listing each URL once."""
    entries = "".join(f"<url><loc>{escape(url)}</loc></url>" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n'


def robots_txt(siteurl: str) -> str:
    """Allow every crawler and point it at the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n"


def headers_file(policy: str, immutable_paths: list[str]) -> str:
    """Netlify and Cloudflare Pages ``_headers``: security headers everywhere, long caching for hashed files."""
    lines = [
        "/*",
        f"  Content-Security-Policy: {policy}; frame-ancestors 'none'",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  X-Frame-Options: DENY",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), browsing-topics=(), interest-cohort=()",
        "  Cross-Origin-Opener-Policy: same-origin",
    ]
    for path in immutable_paths:
        lines += [path, "  Cache-Control: public, max-age=31536000, immutable"]
    return "\n".join(lines) + "\n"


def web_manifest(name: str, short_name: str, description: str, icon: str) -> str:
    """A web app manifest; URLs are relative to the manifest, so a sub-path works."""
    manifest = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "browser",
        "background_color": "#fbf8f4",
        "theme_color": "#8a3510",
        "icons": [{"src": icon, "sizes": "any", "type": "image/svg+xml"}],
    }
    return json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
