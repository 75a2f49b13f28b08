"""Expanding input paths into the list of files a distributed run partitions."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path


def expand_inputs(paths: Sequence[str]) -> list[str]:
    """Files named or found under directories (recursive, sorted, hidden files skipped); globs expand.

    A path that does not exist is kept as it is, so the worker that reads it records the failure.
    """
    return [f for p in paths for f in _expand(p)]


def _expand(path: str) -> Iterator[str]:
    if glob.has_magic(path):
        for match in sorted(glob.glob(path, recursive=True)):
            yield from _expand(match)
    elif Path(path).is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield os.path.join(root, name)
    else:
        yield path
