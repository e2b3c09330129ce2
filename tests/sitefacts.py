"""Helpers that read facts out of a built site: its pages, links and the files they name."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup

# The theme slugs outside links and the quiz rely on, spelled exactly so.
REQUIRED_THEME_SLUGS = (
    "communication",
    "quality-time",
    "novelty",
    "appreciation",
    "repair",
    "self-reflection",
    "stress",
    "intimacy",
    "professional-help",
    "family-life",
    "trust",
)

LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action"))


def html_files(output: Path) -> list[Path]:
    """Every HTML file in the output, sorted."""
    return sorted(output.rglob("*.html"))


@lru_cache(maxsize=512)
def _parse(path: Path, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(path: Path) -> BeautifulSoup:
    """The parsed HTML of one file (cached while the file is unchanged)."""
    return _parse(path, path.stat().st_mtime)


def page(output: Path, url_path: str) -> BeautifulSoup:
    """The parsed page a site-relative URL such as 'tips/' or '' serves."""
    return soup(resolve(output, url_path))


def resolve(output: Path, url_path: str) -> Path:
    """The file a site-relative path is served from (a folder serves its index.html)."""
    target = output / url_path.lstrip("/")
    if url_path == "" or url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def internal_references(output: Path, siteurl: str = "") -> list[tuple[Path, str, str]]:
    """(page, site-relative path, fragment) for every same-site link or asset in the output."""
    base = urlsplit(siteurl)
    found = []
    for file in html_files(output):
        for tag, attribute in LINK_ATTRIBUTES:
            for element in soup(file).find_all(tag):
                value = element.get(attribute)
                if value is None:
                    continue
                url, fragment = urldefrag(value)
                parts = urlsplit(url)
                if parts.scheme in ("mailto", "tel", "sms"):
                    continue
                if parts.netloc and parts.netloc != base.netloc:
                    continue  # another site: not ours to resolve (and never fetched)
                if not url:
                    found.append((file, "/" + str(file.relative_to(output)), fragment))
                    continue
                path = parts.path
                if not path.startswith("/"):
                    path = "/" + str(file.parent.relative_to(output) / path)
                prefix = base.path.rstrip("/")
                assert path.startswith(prefix + "/"), f"{file}: {value} is outside the site's path {prefix}/"
                found.append((file, path[len(prefix) :], fragment))
    return found


def tree_digest(folder: Path) -> str:
    """A hash of every file's path and bytes under a folder: equal digests, equal trees."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
