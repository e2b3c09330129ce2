"""Calling the site's pure JavaScript modules from pytest, through Node.js."""

from __future__ import annotations

import json
import subprocess

import pytest

from hubtools.nodejs import node_executable
from tests.paths import ROOT

JS_DIR = ROOT / "theme" / "static" / "js"


def call_js(module: str, function: str, *args):
    """Import theme/static/js/<module> in Node, call one export with JSON args, return its JSON result."""
    node = node_executable()
    if node is None:
        pytest.fail("Node.js is needed (it also installs the browser libraries with npm ci)")
    script = (
        f"const m = await import({json.dumps((JS_DIR / module).as_uri())});"
        f"const args = JSON.parse(process.argv[1]);"
        f"process.stdout.write(JSON.stringify(await m[{json.dumps(function)}](...args)));"
    )
    done = subprocess.run(
        [node, "--input-type=module", "-e", script, json.dumps(args)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
