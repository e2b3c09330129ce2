"""Counting bytes as a reader's browser receives them: content size and size on the wire."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class FileBytes:
    """Bytes of a set of files: their content (unpacked, for files stored gzipped) and on the wire."""

    files: int
    raw: int
    compressed: int

    @classmethod
    def of(cls, paths: list[Path]) -> FileBytes:
        """Sum the sizes of files that exist (a URL with no file behind it counts nothing)."""
        return cls.of_blobs([path.read_bytes() for path in paths if path.is_file()])

    @classmethod
    def of_blobs(cls, blobs: list[bytes]) -> FileBytes:
        """Sum the sizes of byte strings, each one served as one file."""
        return cls(len(blobs), sum(content_size(blob) for blob in blobs), sum(wire_size(blob) for blob in blobs))


def content_size(data: bytes) -> int:
    """Size of the content: Pagefind stores its files gzipped, so those count unpacked."""
    return len(gzip.decompress(data)) if data[:2] == GZIP_MAGIC else len(data)


def wire_size(data: bytes) -> int:
    """What a static host sends: gzip (level 6) when it makes the file smaller, else the file."""
    return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))
