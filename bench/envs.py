"""The separate virtualenv that holds pelican-lunr and Pagefind, pinned by requirements-bench.txt.

pelican-lunr pins an older beautifulsoup4 than the project's tests use, and neither tool is
part of the site, so they live in ``bench/work/venv-compare`` rather than in ``.venv``. The
venv is made once and remade whenever requirements-bench.txt changes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from . import BENCH_DIR, DEFAULT_WORK_DIR

REQUIREMENTS = BENCH_DIR / "requirements-bench.txt"
DEFAULT_VENV = DEFAULT_WORK_DIR / "venv-compare"
READY_MARKER = "bench-ready.txt"
PAGEFIND_GLOB = "{articles/*,tips/*,about,safety}/index.html"
PAGEFIND_EXCLUDED = "body > header, body > footer"


def _requirements_digest() -> str:
    return hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()


def venv_python(venv: Path = DEFAULT_VENV) -> Path:
    """The Python interpreter of the compare venv."""
    return venv / "bin" / "python"


def venv_ready(venv: Path = DEFAULT_VENV) -> bool:
    """Whether the venv exists and was installed from the current requirements-bench.txt."""
    marker = venv / READY_MARKER
    return marker.is_file() and marker.read_text().strip() == _requirements_digest()


def ensure_compare_venv(venv: Path = DEFAULT_VENV) -> Path:
    """Create (or re-create) the compare venv when needed; return its Python."""
    if venv_ready(venv):
        return venv_python(venv)
    shutil.rmtree(venv, ignore_errors=True)
    print(f"Creating {venv} from {REQUIREMENTS.name} (once)...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv_python(venv)), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
    (venv / READY_MARKER).write_text(_requirements_digest() + "\n")
    return venv_python(venv)


def pagefind_executable(venv: Path = DEFAULT_VENV) -> Path:
    """The Pagefind binary shipped inside the pagefind-bin wheel."""
    found = sorted(venv.glob("lib/python*/site-packages/pagefind_bin/pagefind"))
    if not found:
        raise FileNotFoundError(f"pagefind-bin is not installed in {venv}; run python -m bench --setup")
    return found[0]


def pagefind_command(venv: Path, site: Path) -> list[str]:
    """Index the content pages of a plain Pelican site (not its listings), without header and footer."""
    return [
        str(pagefind_executable(venv)),
        "--site",
        str(site),
        "--glob",
        PAGEFIND_GLOB,
        "--exclude-selectors",
        PAGEFIND_EXCLUDED,
        "--quiet",
    ]


def tool_versions(venv: Path = DEFAULT_VENV) -> dict[str, str]:
    """Versions of the packages in the compare venv, as pip reports them."""
    if not venv_ready(venv):
        return {}
    done = subprocess.run([str(venv_python(venv)), "-m", "pip", "freeze"], capture_output=True, text=True, check=True)
    pins = dict(line.split("==", 1) for line in done.stdout.splitlines() if "==" in line)
    return {name: pins[name] for name in ("pelican", "pelican-lunr", "pagefind_bin", "lunr") if name in pins}
