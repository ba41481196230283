"""The search and filter index of the programmes: static files that
``docs/assets/directory/engine.js`` queries in the browser.

    files, stats = index_files(directory, url_of)   # {path under INDEX_FOLDER: bytes}

The format of the files is written down once, in FORMAT.md beside this
module. ``build`` decides what the index holds (records, facets, texts by
tier, what a result shows), ``tokens`` makes the words (splitting, stop
words, folding, stemming) and ``encode`` the bytes (varints, sets, shards).
``tokens.json`` holds the cases the builder's and the engine's tokenizers are
both tested against (tests/unit/test_search_tokens.py, tests/js/tokens.test.mjs).
"""
from .build import INDEX_FOLDER, IndexStats, index_files

__all__ = ["INDEX_FOLDER", "IndexStats", "index_files"]
