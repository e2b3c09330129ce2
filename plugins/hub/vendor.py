"""Browser libraries from npm: found in node_modules and copied, with licences, into the output."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .problems import ContentProblem


@dataclass(frozen=True)
class VendorFile:
    """One file of an npm package that the site serves."""

    package: str
    file: str


# What the browser loads, and the licence that must travel with it.
VENDOR_FILES = (
    VendorFile("lunr", "lunr.min.js"),
    VendorFile("lunr", "LICENSE"),
)
VENDOR_DIR = "vendor"


def missing_vendor_files(node_modules: Path) -> list[ContentProblem]:
    """Report each needed npm file that is absent, with the command that fetches it."""
    return [
        ContentProblem(
            str(node_modules / item.package / item.file), "", "is missing; run `npm ci` in the project folder"
        )
        for item in VENDOR_FILES
        if not (node_modules / item.package / item.file).is_file()
    ]


def copy_vendor_files(node_modules: Path, output_static: Path) -> None:
    """Copy every vendor file to ``<output_static>/vendor/<package>/<file>``."""
    for item in VENDOR_FILES:
        target = output_static / VENDOR_DIR / item.package / item.file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(node_modules / item.package / item.file, target)
