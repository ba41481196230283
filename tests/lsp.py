"""A language-server client for the tests: yaml-language-server driven as VS Code drives it.

The server runs under node over stdio and speaks JSON-RPC with Content-Length
framing. The client answers the server's requests as VS Code does: the
settings come from the repository's ``.vscode/settings.json`` (``yaml.schemas``
and the rest), asked for by the server with ``workspace/configuration``; only
the schema store and the Kubernetes catalogue are switched off, so that the
server never goes to the network. Schemas are read from the files the data
files name (a path next to the file) or the settings map (a path in the
workspace), as in the editor.
"""
from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from support import ROOT

SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = ROOT / ".vscode" / "settings.json"
# what the tests add to the project's settings: nothing from the network
OFFLINE = {"schemaStore": {"enable": False, "url": ""}, "kubernetesCRDStore": {"enable": False}}
TIMEOUT = 60.0


def vscode_settings(path: Path = SETTINGS) -> dict[str, Any]:
    """settings.json's dotted keys as the nested sections VS Code hands a server:
    {"yaml.schemas": ...} -> {"yaml": {"schemas": ...}}; "[yaml]" stays as it is."""
    flat = json.loads(path.read_text(encoding="utf-8"))
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        if key.startswith("["):
            nested[key] = value
            continue
        *parents, last = key.split(".")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return nested


class Server:
    """One yaml-language-server process, initialised with a workspace folder."""

    def __init__(self, root: Path = ROOT, settings: dict[str, Any] | None = None):
        node = shutil.which("node")
        if node is None:
            pytest.fail("node is missing: install Node.js (Debian: apt-get install nodejs npm)")
        if not SERVER.is_file():
            pytest.fail("yaml-language-server is missing: run 'npm ci --no-audit --no-fund' in the repository")
        self.root = root
        self.settings = settings if settings is not None else vscode_settings()
        yaml_settings = dict(self.settings.get("yaml", {}))
        yaml_settings.update(OFFLINE)
        self.settings["yaml"] = yaml_settings
        self.proc = subprocess.Popen([node, str(SERVER), "--stdio"], cwd=root, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue[dict] = queue.Queue()
        self.diagnostics: dict[str, list[dict]] = {}
        self.responses: dict[int, dict] = {}
        self.notes: list[str] = []  # what the server said on its way (for failure messages)
        self.lock = threading.Lock()
        self.next_id = 0
        self.settled = False
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self._initialise()

    # -- the wire -------------------------------------------------------------

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        with self.lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self.inbox.put(json.loads(out.read(length).decode("utf-8")))

    def _drain_stderr(self) -> None:
        for line in self.proc.stderr:
            self.notes.append(line.decode("utf-8", "replace").rstrip())

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        self.wait(lambda: ident in self.responses, f"the answer to {method}")
        answer = self.responses.pop(ident)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result")

    def _configuration(self, item: dict) -> Any:
        section = item.get("section")
        if section in self.settings:
            return self.settings[section]
        return {} if section in ("http", "editor") else None

    def _handle(self, message: dict) -> None:
        method = message.get("method")
        if method is None:  # an answer to one of ours
            self.responses[message["id"]] = message
            return
        if "id" in message:  # the server asks: answer as VS Code does
            result = None
            if method == "workspace/configuration":
                result = [self._configuration(item) for item in message["params"]["items"]]
            self._send({"id": message["id"], "result": result})
            return
        if method == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif method == "yaml/schema/store/initialized":
            self.settled = True
        elif method in ("window/logMessage", "window/showMessage"):
            self.notes.append(message["params"].get("message", ""))

    def wait(self, done, what: str, timeout: float = TIMEOUT) -> None:
        end = time.monotonic() + timeout
        while not done():
            left = end - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                pytest.fail(f"yaml-language-server: no {what} within {timeout:.0f} s; it said:\n"
                            + "\n".join(self.notes[-20:]))
            try:
                self._handle(self.inbox.get(timeout=min(left, 0.5)))
            except queue.Empty:
                pass

    # -- the session ----------------------------------------------------------

    def _initialise(self) -> None:
        root_uri = self.root.as_uri()
        self.info = self.request("initialize", {
            "processId": None,
            "clientInfo": {"name": "tests (as Visual Studio Code)"},
            "locale": "en",
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": self.root.name}],
            "capabilities": {
                "workspace": {"configuration": True, "workspaceFolders": True,
                              "didChangeConfiguration": {"dynamicRegistration": True}},
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True},
                    "completion": {"completionItem": {"documentationFormat": ["markdown", "plaintext"],
                                                      "snippetSupport": True}},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                },
            },
        })
        # as the VS Code extension does: the server says when the settings are in force
        self.notify("yaml/supportSchemaSelection", {})
        self.notify("initialized", {})
        # the server asks for the settings (workspace/configuration) and applies them
        self.wait(lambda: self.settled, "settings applied (yaml/schema/store/initialized)")

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": version, "text": text}})

    def close(self, uri: str) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def diagnose(self, documents: dict[str, str]) -> dict[str, list[dict]]:
        """{uri: text} opened at once; {uri: the diagnostics the server published}."""
        for uri, text in documents.items():
            self.open(uri, text)
        self.wait(lambda: all(uri in self.diagnostics for uri in documents),
                  f"diagnostics for {len(documents)} documents")
        found = {uri: self.diagnostics[uri] for uri in documents}
        for uri in documents:
            self.close(uri)
        return found

    def stop(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001 - a server that hangs is ended
            self.proc.kill()
            self.proc.wait()
