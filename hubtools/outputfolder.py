"""The output folder's file operations: an atomic swap, permissions, and removing old trees.

A folder swapped in one step never stops existing while a new site takes its place.

Two renames (``output`` aside, the new folder in) leave a moment with no ``output`` at all,
and a server or an upload polling it would find nothing. Linux's ``renameat2(RENAME_EXCHANGE)``
and macOS's ``renamex_np(RENAME_SWAP)`` exchange two paths atomically; the standard library
offers neither, so they are called through ctypes. Elsewhere (or on a file system that cannot
exchange) the two renames remain, and the caller is told.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h
RENAME_SWAP = 2  # macOS sys/stdio.h
# Errors meaning "this kernel or file system cannot exchange": fall back to two renames.
UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _libc():
    return ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def _exchange_call(first: bytes, second: bytes) -> int | None:
    """Run the platform's exchange; the errno on failure, 0 on success, None if there is none."""
    try:
        libc = _libc()
        if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
            result = libc.renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE)
        elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
            result = libc.renamex_np(first, second, RENAME_SWAP)
        else:
            return None
    except OSError:  # no C library to load
        return None
    return 0 if result == 0 else ctypes.get_errno()


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False when the system cannot (nothing was changed).

    Raises OSError for a real failure (permissions, a missing path).
    """
    code = _exchange_call(os.fsencode(first), os.fsencode(second))
    if code is None or code in UNSUPPORTED:
        return False
    if code:
        raise OSError(code, os.strerror(code), str(first), None, str(second))
    return True


def replace_folder(new: Path, target: Path, retired: Path) -> bool:
    """Put ``new`` at ``target``; the old ``target`` (if any) ends up at ``retired``.

    True when ``target`` never went missing; False when two renames were needed.
    """
    if not target.exists() and not target.is_symlink():
        new.rename(target)
        return True
    if exchange(new, target):
        new.rename(retired)
        return True
    target.rename(retired)
    new.rename(target)
    return False


def remove_tree(path: Path) -> list[str]:
    """Delete a folder, making read-only folders in it writable first; a note if it cannot be removed."""

    def make_writable_and_retry(function, target, _error):
        os.chmod(os.path.dirname(target), 0o755)
        function(target)

    if not path.exists() and not path.is_symlink():
        return []
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink()
        elif sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=make_writable_and_retry)
        else:
            shutil.rmtree(path, onerror=make_writable_and_retry)
    except OSError as error:
        return [f"Note: could not remove the leftover folder {path} ({error.strerror}); delete it by hand"]
    return []


def normalise_permissions(root: Path) -> None:
    """Folders 0755, files 0644, whatever the umask or mkdtemp's 0700: every host and server can read them."""
    os.chmod(root, 0o755)
    for folder, folders, files in os.walk(root):
        for name in folders:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
