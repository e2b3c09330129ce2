"""Tasks for building, serving, testing and publishing the site: run `invoke --list`."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from hubtools.localserver import make_server  # noqa: E402
from hubtools.sitebuild import report_build  # noqa: E402

SETTINGS = {"local": ROOT / "pelicanconf.py", "production": ROOT / "publishconf.py"}
OUTPUT = ROOT / "output"
WATCHED = ["content", "theme", "plugins", "hubtools", "pelicanconf.py", "publishconf.py"]
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "8000"))


# While watching, Pelican's content cache skips re-reading files that did not change.
CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(ROOT / "cache")}


def _build(settings: Path, overrides: dict | None = None) -> bool:
    """Build atomically; print every problem and return False if the build failed."""
    # report_build never raises, so livereload keeps serving the last good build whatever happens.
    return report_build(settings, OUTPUT, overrides)


@task
def clean(c):
    """Remove the generated site (output/)."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task
def build(c):
    """Build the site for local use into output/ (all or nothing)."""
    if not _build(SETTINGS["local"]):
        sys.exit(1)


@task(clean, build)
def rebuild(c):
    """Remove output/ and build the site again from scratch."""


@task
def serve(c):
    """Serve output/ at http://127.0.0.1:8000 (PORT and HOST change it)."""
    server = make_server(OUTPUT, HOST, PORT, quiet=False)
    print(f"Serving {OUTPUT.relative_to(ROOT)}/ at http://{HOST}:{PORT}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(build, serve)
def reserve(c):
    """Build the site, then serve it."""


def _watch_and_rebuild(settings: Path, overrides: dict | None = None, on_success=None) -> None:
    """Rebuild whenever a watched file changes; a failed build keeps the last good one."""
    from watchfiles import watch

    paths = [ROOT / name for name in WATCHED]
    for _changes in watch(*paths, watch_filter=lambda change, path: "__pycache__" not in path):
        print("Change seen; rebuilding...")
        if _build(settings, {**CACHED, **(overrides or {})}) and on_success:
            on_success()


@task
def regenerate(c):
    """Rebuild output/ whenever content, theme or settings change (no server)."""
    _build(SETTINGS["local"])
    _watch_and_rebuild(SETTINGS["local"])


@task
def livereload(c):
    """Serve the site and rebuild on save; open pages reload after each good build, errors print here."""
    import threading

    from hubtools.livereload import BuildSignal

    # Only this task's builds carry the reload script: `build`, `preview` and `publish` never do.
    overrides = {"HUB_LIVERELOAD": True}
    _build(SETTINGS["local"], overrides)
    signal = BuildSignal()
    server = make_server(OUTPUT, HOST, PORT, reload=signal)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving at http://{HOST}:{PORT}/; pages reload after each successful rebuild (Ctrl+C stops)", flush=True)
    try:
        _watch_and_rebuild(SETTINGS["local"], overrides, on_success=signal.built)
    except KeyboardInterrupt:
        server.shutdown()


@task
def preview(c):
    """Build the production site (publishconf.py) into output/."""
    if not _build(SETTINGS["production"]):
        sys.exit(1)


@task
def publish(c):
    """Build the production site into output/, ready to upload; SITEURL comes from the environment."""
    if not os.environ.get("SITEURL"):
        print("Set SITEURL first, e.g. SITEURL=https://user.github.io/repo invoke publish", file=sys.stderr)
        sys.exit(2)
    if not _build(SETTINGS["production"]):
        sys.exit(1)


@task(publish)
def gh_pages(c):
    """Publish, then push output/ to the gh-pages branch with ghp-import."""
    c.run(f"ghp-import --no-jekyll --push --force --message 'Publish site' {OUTPUT}")


@task
def test(c, k=""):
    """Run every test, browser tests included (-k selects tests by name)."""
    from tests.browsers import ensure_browser

    ensure_browser()
    if not k:
        # Lint and formatting are part of "every test": a CI run fails on either.
        c.run(f"{sys.executable} -m ruff check .", pty=False)
        c.run(f"{sys.executable} -m ruff format --check .", pty=False)
    args = ["-k", k] if k else []
    c.run(" ".join([sys.executable, "-m", "pytest", *args]), pty=False)


def _known_themes() -> list[str]:
    """Theme slugs, read by the plugin's own loader: a broken themes.yml is one clear line, not a traceback."""
    from hub.themes import load_themes

    themes, problems = load_themes(ROOT / "content" / "themes.yml", "content/themes.yml", "themes/{slug}/")
    if problems:
        print("\n".join(str(problem) for problem in problems), file=sys.stderr)
        sys.exit(1)
    return [theme.slug for theme in themes]


def _new_content(kind: str, title: str, themes: str) -> None:
    from datetime import date

    from hubtools.scaffold import ScaffoldError, new_content_file

    slugs = [slug.strip() for slug in themes.split(",") if slug.strip()]
    try:
        path = new_content_file(kind, title, slugs, _known_themes(), ROOT / "content", date.today().isoformat())
    except ScaffoldError as error:
        print(f"Not created: {error}", file=sys.stderr)
        sys.exit(1)
    print(f"Created {path.relative_to(ROOT)} as a draft: fill it in, then remove its Status line.")


@task(help={"title": "The tip's title", "themes": "1 to 3 theme slugs, comma-separated"})
def new_tip(c, title, themes):
    """Create content/tips/<slug>.md from the template, as a draft."""
    _new_content("tip", title, themes)


@task(help={"title": "The article's title", "themes": "1 to 3 theme slugs, comma-separated"})
def new_article(c, title, themes):
    """Create content/articles/<slug>.md from the template, as a draft."""
    _new_content("article", title, themes)


@task
def check(c):
    """Check all content (metadata, themes, quiz, links, reading level, originality) without writing the site."""
    from hubtools.contentcheck import check_content

    lines = check_content(SETTINGS["local"], ROOT, ROOT / "content")
    if lines:
        print(f"{len(lines)} problem(s):", file=sys.stderr)
        print("\n".join(lines), file=sys.stderr)
        sys.exit(1)
    print("All content checks passed.")


@task
def audit(c):
    """Run Lighthouse on the home, article, tip, search and quiz pages; reports go to reports/."""
    from hubtools.audit import run_audit

    summary = run_audit(ROOT, ROOT / "reports")
    print(summary.read_text())


@task(
    help={
        "sizes": "comma-separated: tiny, small, medium, large, xlarge",
        "runs": "builds per variant and size (median)",
    }
)
def bench(c, sizes="small,medium,large,xlarge", runs=3):
    """Benchmark builds and search against plain Pelican, pelican-lunr and Pagefind; write bench/RESULTS.md and
    the README's headline table."""
    from tests.browsers import ensure_browser

    ensure_browser()
    with c.cd(str(ROOT)):
        c.run(
            f"{sys.executable} -m bench --sizes {sizes} --runs {runs} --wait-quiet 5 --out bench/RESULTS.md"
            " --readme README.md --skip pelican-lunr@large,pelican-lunr@xlarge",
            pty=False,
        )


@task
def relevance(c):
    """Measure search relevance on the real content: hub, Pagefind, pelican-lunr; write bench/RELEVANCE.md."""
    from tests.browsers import ensure_browser

    ensure_browser()
    with c.cd(str(ROOT)):
        c.run(f"{sys.executable} -m bench.relevance_run", pty=False)
