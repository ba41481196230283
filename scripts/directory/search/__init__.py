"""The search and filter index of the programmes, as the site build asks for it.

``index_files(directory, url_of)`` returns ``({path under INDEX_FOLDER: bytes},
IndexStats)``; :func:`directory.site.build` publishes the files under
INDEX_FOLDER. The builder itself is :mod:`directory.search_index` for now.
"""
from ..search_index import INDEX_FOLDER, IndexStats, index_files

__all__ = ["INDEX_FOLDER", "IndexStats", "index_files"]
