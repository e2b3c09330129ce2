"""`invoke livereload`: a page open in the browser reloads itself after a successful rebuild."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.browser

PROJECT_PARTS = ("content", "theme", "plugins", "hubtools", "tasks.py", "pelicanconf.py", "publishconf.py")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def livereload_project(tmp_path, project_root):
    """A copy of the project, served by `invoke livereload` in its own process group."""
    project = tmp_path / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = project_root / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    (project / "node_modules").symlink_to(project_root / "node_modules")
    port = _free_port()
    log = open(tmp_path / "livereload.log", "w+", encoding="utf-8")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload"],
        cwd=project,
        env={**os.environ, "PORT": str(port), "PYTHONUNBUFFERED": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    yield project, f"http://127.0.0.1:{port}", log
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    log.close()


def wait_until(condition, what: str, log, timeout: float = 120.0) -> None:
    """Poll a condition until it holds (a build takes seconds); fail with the task's output if it never does."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            log.seek(0)
            pytest.fail(f"{what} did not happen; invoke livereload printed:\n{log.read()}")
        time.sleep(0.1)  # the interval between two looks, not a guess at how long the build takes


def serving(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def printed(log, text: str) -> bool:
    log.seek(0)
    return text in log.read()


def test_editing_a_tip_reloads_the_open_page(livereload_project, chromium):
    project, url, log = livereload_project
    wait_until(lambda: serving(url), "serving the first build", log)
    context = chromium.new_context()
    page = context.new_page()
    # The page is listening before the edit, so the reload proves the event reached it.
    with page.expect_request(lambda request: "/__livereload/events" in request.url):
        page.goto(url + "/tips/date-night/")
    tip = project / "content" / "tips" / "date-night.md"
    text = tip.read_text(encoding="utf-8")
    tip.write_text(text.replace("Title: ", "Title: A brand new title: ", 1), encoding="utf-8")
    page.wait_for_function(
        "() => document.querySelector('main h1').textContent.includes('A brand new title')", timeout=120_000
    )
    context.close()


def test_a_failed_rebuild_keeps_serving_the_last_good_site(livereload_project, chromium):
    project, url, log = livereload_project
    wait_until(lambda: serving(url), "serving the first build", log)
    tip = project / "content" / "tips" / "date-night.md"
    tip.write_text("Title: Broken\nThemes: no-such-theme\n\nToo short.\n", encoding="utf-8")
    wait_until(lambda: printed(log, "no-such-theme"), "reporting the broken tip", log)
    log.seek(0)
    text = log.read()
    assert "content/tips/date-night.md" in text and "Traceback" not in text
    context = chromium.new_context()
    page = context.new_page()
    assert page.goto(url + "/tips/date-night/").status == 200
    context.close()
