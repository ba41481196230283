"""Paths and helpers shared by the tests (fixtures live in conftest.py)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def run_mkdocs(data: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the site from another data folder."""
    env = dict(os.environ, DIRECTORY_DATA=str(data), NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=str(ROOT / "scripts"))
    env.pop("GITHUB_REPOSITORY", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out), *extra],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


def directory_of(folder: Path, programmes: str | None = None):
    """The model of a data folder. With ``programmes`` (YAML text), the folder
    is made first: the golden fixture's vocabularies, organisations and
    sources, and these programmes."""
    import shutil

    from directory import model
    from directory.validate import validate

    if programmes is not None:
        folder.mkdir(parents=True)
        for name in ("vocabularies.yaml", "organisations.yaml", "sources.yaml"):
            shutil.copy(FIXTURES / "golden" / name, folder / name)
        (folder / "programmes.yaml").write_text(dedent(programmes), encoding="utf-8")
    result = validate(folder)
    assert result.ok, [p.format() for p in result.problems]
    return model.build(result.context)


@__import__("functools").cache
def real_directory():
    """The model of the real data, built once per test session."""
    return directory_of(DATA)


def unused_port() -> int:
    """A local port nothing listens on (the OS's pick, released again)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_index(directory, out: Path):
    """The search index of ``directory`` written under ``out``, as the site
    publishes it under directory-index/ (directory.site.build); its IndexStats."""
    from directory.render import urls
    from directory.search import index_files

    files, stats = index_files(directory, urls.programme_url)
    for path, content in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(content)
    return stats


def schema_nodes(schema) -> list[dict]:
    """Every schema node (dict) of ``schema``, in document order; enums,
    constants and examples are values, not nodes, and are not entered."""
    found: list[dict] = []

    def walk(node):
        if isinstance(node, dict):
            found.append(node)
            for key, value in node.items():
                if key not in ("enum", "const", "examples"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    return found


def nodes_with_examples(schema) -> list[dict]:
    """Every schema node (dict) with ``examples``, in document order."""
    return [node for node in schema_nodes(schema) if "examples" in node]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path):
    """A built site served on a free local port, as a static host serves it:
    yields its root URL (``http://127.0.0.1:<port>``)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def values(value):
    """``value`` and every value nested in it (JSON-like: dicts and lists), depth first."""
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from values(v)
    elif isinstance(value, list):
        for v in value:
            yield from values(v)
