"""Issue 15, finding 7: the swap into output/ is atomic, serialised, tidy, readable, and fails in one clear line."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hubtools import buildlock, outputfolder, sitebuild
from hubtools.buildlock import build_lock
from hubtools.sitebuild import BuildFailed, report_build
from tests.build.fixture_build import ROOT, build_fixture
from tests.sitefacts import tree_digest

WAIT_LIMIT = 120  # seconds: a generous bound for conditions that normally hold within one build


def _leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.iterdir() if p.name.startswith(".output") and p.name != ".output-lock")


def _wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_LIMIT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"


def _settings_file(site: Path) -> Path:
    """A settings file for the fixture site, for builds run as separate processes."""
    path = site / "fixtureconf.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(site / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nHUB_NODE_MODULES = {str(ROOT / 'node_modules')!r}\n"
    )
    return path


def _cli_build(site: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "plugins")])}
    command = [sys.executable, "-m", "hubtools.sitebuild", str(_settings_file(site)), "--output", str(site / "output")]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_output_is_never_missing_while_builds_swap_it(fixture_site):
    output = build_fixture(fixture_site)
    stop, misses, reads = threading.Event(), [], [0]

    def poll():
        while not stop.is_set():
            reads[0] += 1
            if not (output / "index.html").is_file():
                misses.append(reads[0])

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        results = [sitebuild.build_site(ROOT / "pelicanconf.py", output, _overrides(fixture_site)) for _ in range(3)]
    finally:
        stop.set()
        poller.join()
    assert reads[0] > 0 and misses == []
    assert all(result.atomic_swap for result in results)
    assert output.is_dir() and not output.is_symlink()  # a plain folder for ghp-import, Netlify, Pages
    assert _leftovers(fixture_site) == []


def _overrides(site: Path) -> dict:
    return {
        "PATH": str(site / "content"),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "HUB_NODE_MODULES": str(ROOT / "node_modules"),
    }


def test_six_builds_at_once_take_turns_and_all_succeed(fixture_site, tmp_path):
    builds = [_cli_build(fixture_site) for _ in range(6)]
    outcomes = [(build.wait(), *build.communicate()) for build in builds]
    assert [code for code, _, _ in outcomes] == [0] * 6, outcomes
    assert not any("Traceback" in err for _, _, err in outcomes)
    assert _leftovers(fixture_site) == []
    clean = build_fixture(fixture_site, tmp_path / "clean")
    assert tree_digest(fixture_site / "output") == tree_digest(clean)


def test_a_killed_build_leaves_nothing_the_next_build_does_not_clean(fixture_site):
    build = _cli_build(fixture_site)
    _wait_until(lambda: _leftovers(fixture_site), "the build's staging folder")
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert _leftovers(fixture_site)  # what SIGKILL leaves behind
    build_fixture(fixture_site)
    assert _leftovers(fixture_site) == []
    assert (fixture_site / "output/index.html").is_file()


def test_stale_folders_from_old_builds_do_not_stop_the_next_one(fixture_site):
    for name in (".output-previous", ".output-building-abc123", ".output-building-xyz-old"):
        (fixture_site / name / "sub").mkdir(parents=True)
        (fixture_site / name / "sub" / "file.html").write_text("old")
    (fixture_site / ".output-previous" / "sub").chmod(0o500)
    build_fixture(fixture_site)
    assert _leftovers(fixture_site) == []


def test_a_leftover_that_cannot_be_removed_is_a_note_not_a_failure(fixture_site, monkeypatch, capsys):
    stuck = fixture_site / ".output-previous"
    (stuck / "x").mkdir(parents=True)
    real_rmtree = outputfolder.shutil.rmtree

    def rmtree(path, *args, **kwargs):
        if Path(path) == stuck:
            raise PermissionError(13, "Permission denied", str(path))
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(outputfolder.shutil, "rmtree", rmtree)
    assert report_build(ROOT / "pelicanconf.py", fixture_site / "output", _overrides(fixture_site))
    err = capsys.readouterr().err
    assert f"could not remove the leftover folder {stuck} (Permission denied); delete it by hand" in err
    assert "Traceback" not in err


def test_a_read_only_output_folder_is_replaced(fixture_site):
    output = build_fixture(fixture_site)
    for folder, _, _ in os.walk(output):
        os.chmod(folder, 0o555)
    (fixture_site / "content/tips/reach-out-first.md").unlink()
    build_fixture(fixture_site)
    assert not (output / "tips/reach-out-first").exists()
    assert _leftovers(fixture_site) == []


def test_output_has_normal_permissions_whatever_the_umask(fixture_site):
    old = os.umask(0o077)
    try:
        output = build_fixture(fixture_site)
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [output, *output.rglob("*")] if p.is_dir()}
    assert modes == {0o755}
    assert {stat.S_IMODE(p.stat().st_mode) for p in output.rglob("*") if p.is_file()} == {0o644}


@pytest.mark.parametrize(
    "target, action",
    [
        ("replace_folder", "swap the new site into"),
        ("normalise_permissions", "set the permissions of the new site"),
    ],
)
def test_an_os_error_is_one_clear_line_and_output_is_kept(fixture_site, monkeypatch, target, action):
    output = build_fixture(fixture_site)
    before = tree_digest(output)

    def fail(*args):
        raise PermissionError(13, "Permission denied", "somewhere")

    monkeypatch.setattr(sitebuild, target, fail)
    with pytest.raises(BuildFailed) as failure:
        build_fixture(fixture_site)
    [line] = failure.value.problems
    assert line.startswith(f"Could not {action}") and "Permission denied" in line and "\n" not in line
    assert tree_digest(output) == before
    assert _leftovers(fixture_site) == []


def test_a_folder_where_nothing_can_be_created_is_one_clear_line(fixture_site, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sitebuild.tempfile, "mkdtemp", fail)
    with pytest.raises(BuildFailed) as failure:
        build_fixture(fixture_site)
    assert failure.value.problems == [
        f"Could not create a staging folder in {fixture_site}: No space left on device; "
        "check the folder's permissions and free space"
    ]


def test_a_build_waiting_too_long_for_the_lock_stops_with_a_clear_message(fixture_site, monkeypatch, capsys):
    monkeypatch.setattr(buildlock, "LOCK_WAIT_SECONDS", 0)
    with build_lock((fixture_site / "output").resolve()):
        with pytest.raises(BuildFailed) as failure:
            build_fixture(fixture_site)
    assert failure.value.problems == [
        "Another build has held output/ for 0 s; let it finish or stop it, then build again"
    ]
    assert "Another build is writing output/; waiting for it to finish." in capsys.readouterr().err


def test_report_build_never_raises_so_livereload_keeps_serving(fixture_site, monkeypatch, capsys):
    def crash(*args, **kwargs):
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(sitebuild, "build_site", crash)
    assert report_build(ROOT / "pelicanconf.py", fixture_site / "output") is False
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["Build failed (RuntimeError: something unexpected); the previous output was left as it was."]


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one").write_text("1")
    (second / "two").write_text("2")
    assert outputfolder.exchange(first, second)
    assert (first / "two").is_file() and (second / "one").is_file()
    with pytest.raises(OSError):
        outputfolder.exchange(first, tmp_path / "missing")


def test_a_reader_polling_during_a_hundred_swaps_never_finds_the_folder_missing(tmp_path):
    # With two renames instead of the exchange, this loop of 2,000 swaps saw index.html
    # missing 1,271 times; with the exchange, never.
    target = tmp_path / "output"
    target.mkdir()
    (target / "index.html").write_text("0")
    stop, misses, reads = threading.Event(), [], [0]

    def poll():
        while not stop.is_set():
            reads[0] += 1
            if not (target / "index.html").is_file():
                misses.append(reads[0])

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        for number in range(100):
            new = tmp_path / f"new-{number}"
            new.mkdir()
            (new / "index.html").write_text(str(number))
            assert outputfolder.replace_folder(new, target, tmp_path / "old")
            assert outputfolder.remove_tree(tmp_path / "old") == []
    finally:
        stop.set()
        poller.join()
    assert reads[0] > 0 and misses == []
    assert (target / "index.html").read_text() == "99"
