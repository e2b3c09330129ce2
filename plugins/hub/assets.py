"""Production asset pass: minify CSS, JS and HTML, and give CSS and JS content-hashed names.

Runs on the finished output folder. Modules import each other by relative path, so files
are renamed leaves first: a module's name is hashed only after the names it imports are
rewritten, and a change anywhere changes the names of everything that depends on it.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

# A relative module or script path inside JavaScript: './search-ui.js', '../vendor/x.js'
# (in any quotes: the minifier may turn strings into template literals).
JS_REFERENCE = re.compile(r"""(['"`])(\.{1,2}/[^'"`\s]+\.js)\1""")
HASHED_SUFFIXES = (".css", ".js")


class AssetError(RuntimeError):
    """The assets cannot be fingerprinted (for example, modules that import each other)."""


def minify_asset(text: str, suffix: str) -> str:
    """Minify one stylesheet or ES module with minify-html's CSS and JS minifiers."""
    import minify_html  # only production builds minify: a local build need not load it

    if suffix == ".css":
        wrapped = minify_html.minify(f"<style>{text}</style>", minify_css=True)
        return wrapped.removeprefix("<style>").removesuffix("</style>")
    wrapped = minify_html.minify(f'<script type="module">{text}</script>', minify_js=True)
    return wrapped[wrapped.index(">") + 1 :].removesuffix("</script>")


def minify_page(html: str) -> str:
    """Minify one HTML page, keeping html/head tags and closing tags for older parsers."""
    import minify_html  # see minify_asset

    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True)


def _references(path: Path, root: Path) -> dict[str, str]:
    """Map each relative JS path written in ``path`` to the output-relative file it names."""
    if path.suffix != ".js":
        return {}
    base = posixpath.dirname(path.relative_to(root).as_posix())
    return {
        match.group(2): posixpath.normpath(posixpath.join(base, match.group(2)))
        for match in JS_REFERENCE.finditer(path.read_text(encoding="utf-8"))
    }


def _hashed_name(relative: str, data: bytes) -> str:
    stem, dot, suffix = relative.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}{dot}{suffix}"


def fingerprint(root: Path, folder: str) -> dict[str, str]:
    """Rename every CSS and JS file under ``root/folder`` to a hashed name; return old → new paths."""
    pending = {
        p.relative_to(root).as_posix(): p for p in sorted((root / folder).rglob("*")) if p.suffix in HASHED_SUFFIXES
    }
    renamed: dict[str, str] = {}
    while pending:
        ready = [
            rel
            for rel, path in pending.items()
            if all(t in renamed or t not in pending for t in _references(path, root).values())
        ]
        if not ready:
            raise AssetError(f"these modules import each other, so they cannot be fingerprinted: {sorted(pending)}")
        for rel in ready:
            path = pending.pop(rel)
            text = path.read_text(encoding="utf-8")
            for written, target in _references(path, root).items():
                if target in renamed:
                    new = posixpath.relpath(renamed[target], posixpath.dirname(rel))
                    text = text.replace(written, new if new.startswith(".") else f"./{new}")
            data = text.encode("utf-8")
            renamed[rel] = _hashed_name(rel, data)
            (root / renamed[rel]).write_bytes(data)
            path.unlink()
    return renamed


def rewrite_pages(root: Path, renamed: dict[str, str], minify: bool) -> None:
    """Point every page at the renamed assets, minifying the page on the way if asked."""
    for page in sorted(root.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for old, new in renamed.items():
            html = html.replace(f'/{old}"', f'/{new}"')
        page.write_text(minify_page(html) if minify else html, encoding="utf-8")


def process_assets(root: Path, folder: str, minify: bool, hash_names: bool) -> dict[str, str]:
    """Minify and/or fingerprint the theme's assets and update the pages; return renames."""
    if minify:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in HASHED_SUFFIXES and not path.name.endswith(".min.js"):
                path.write_text(minify_asset(path.read_text(encoding="utf-8"), path.suffix), encoding="utf-8")
    renamed = fingerprint(root, folder) if hash_names else {}
    if minify or renamed:
        rewrite_pages(root, renamed, minify)
    return renamed
