"""Writing the search index into a folder, for the MkDocs hook.

The index itself is built by the ``directory.search`` package (its format:
search/FORMAT.md). This module only writes its files; it stays while the
hook calls ``build_search_index`` and goes when the site's one build returns
the index among its files (issue 11).
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Callable

from .model import Directory, Programme
from .search import INDEX_FOLDER, IndexStats, index_files

__all__ = ["INDEX_FOLDER", "IndexStats", "build_search_index"]


def build_search_index(directory: Directory, out: Path, url_of: Callable[[Programme], str]) -> IndexStats:
    """Write the index of ``directory``'s programmes under ``out`` (replacing it)."""
    start = time.perf_counter()
    files, stats = index_files(directory, url_of)
    _write(Path(out), files)
    stats.seconds = time.perf_counter() - start
    return stats


def _write(out: Path, files: dict[str, bytes]) -> None:
    if out.exists():
        shutil.rmtree(out)
    for folder in sorted({str(Path(name).parent) for name in files}):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
