"""`python -m directory links`: every kind of answer a link can get, from a
local server; the problem lines, the Markdown report and the JSON.

Only 127.0.0.1 is contacted: the data folder is written here (no copied file
that could hold a real address) and every connection is checked."""
from __future__ import annotations

import http.client
import http.server
import json
import re
import socket
import ssl
import threading
import time
import urllib.error

import pytest

from support import unused_port
from directory.tools import links as linkcheck
from directory.__main__ import main

TIMEOUT = 1.0  # seconds to wait for an answer; the slow path never answers in time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    ROUTES = {
        "/ok": (200, None),
        "/new": (200, None),
        "/missing": (404, None),
        "/error": (500, None),
        "/old": (301, "/new"),
        "/temporary": (302, "/ok"),
        "/loop": (308, "/loop"),
        "/gone-away": (301, "/missing"),
        "/to-file": (301, "file:///etc/passwd"),
        "/to-ok": (307, "/ok"),
        "/chain": (301, "/to-ok"),
    }

    def _answer(self, body: bool) -> None:
        self.server.requests.append((self.command, self.path, self.headers.get("User-Agent")))
        path = self.path.split("?")[0]
        if path == "/slow":
            self.server.release.wait(5)
            code, location = 200, None
        elif path == "/no-head":
            code, location = (405, None) if self.command == "HEAD" else (200, None)
        else:
            code, location = self.ROUTES.get(path, (404, None))
        text = b"answer\n"
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        if body:
            self.wfile.write(text)

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the slow answer goes to a client that stopped waiting


@pytest.fixture
def server():
    srv = Server(("127.0.0.1", 0), Handler)
    srv.requests, srv.release = [], threading.Event()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.release.set()
    srv.shutdown()
    srv.server_close()


@pytest.fixture(autouse=True)
def local_only(monkeypatch):
    """No proxy, and a connection anywhere but 127.0.0.1 fails the test."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                 "ALL_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    real = socket.create_connection

    def create_connection(address, *args, **kwargs):
        assert address[0] == "127.0.0.1", f"the test tried to reach {address}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)


ORGANISATIONS = """\
organisations:
  - id: opgroeien
    name: {nl: Opgroeien}
    original_language: nl
    url: "{base}/old"
    sources:
      - {source: local-ok, locator: home}
    last_reviewed: "2026-11-01"

  - id: sos-kinderdorpen
    name: {nl: SOS Kinderdorpen}
    original_language: nl
    url: "{base}/ok"
    sources:
      - {source: local-ok, locator: home}
    last_reviewed: "2025-10-31"
"""

SOURCES = """\
sources:
  - id: local-ok
    title: Working page
    publisher: opgroeien
    language: nl
    url: "{base}/ok"

  - id: local-missing
    title: Missing page
    publisher: opgroeien
    language: nl
    url: "{base}/missing"

  - id: local-missing-again
    title: The same missing page, at another place
    publisher: opgroeien
    language: nl
    url: "{base}/missing#section"

  - id: local-error
    title: Server error
    publisher: opgroeien
    language: nl
    url: "{base}/error"

  - id: local-temporary
    title: Temporary redirect
    publisher: opgroeien
    language: nl
    url: "{base}/temporary"

  - id: local-no-head
    title: Refuses HEAD
    publisher: opgroeien
    language: nl
    url: "{base}/no-head"

  - id: local-slow
    title: Slow page
    publisher: opgroeien
    language: nl
    url: "{base}/slow"

  - id: local-refused
    title: Nobody listens
    publisher: opgroeien
    language: nl
    url: "http://127.0.0.1:{closed}/page"

  - id: local-loop
    title: Redirect loop
    publisher: opgroeien
    language: nl
    url: "{base}/loop"

  - id: local-gone-away
    title: Moved to a missing page
    publisher: opgroeien
    language: nl
    url: "{base}/gone-away"
"""

PROGRAMMES = """\
programmes:
  - id: local-programme
    kind: programme
    original_language: nl
    name: {nl: Lokaal programma, en: Local programme}
    summary: {nl: Een programma., en: A programme.}
    links:
      - {title: {nl: Oud adres}, url: "{base}/old#contact"}
      - {title: {nl: Werkt}, url: "{base}/ok"}
    sources:
      - {source: local-ok, locator: home}
    last_reviewed: "2024-02-29"
"""


@pytest.fixture
def folder(data_folder, server):
    closed_port = unused_port()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for name, text in (("organisations.yaml", ORGANISATIONS), ("sources.yaml", SOURCES),
                       ("programmes.yaml", PROGRAMMES), ("contacts.yaml", "contacts: []\n")):
        data_folder(name, text.replace("{base}", base).replace("{closed}", str(closed_port)))
    data_folder.base, data_folder.closed = base, closed_port
    return data_folder


def links(*args):
    return main(["links", "data", "--timeout", str(TIMEOUT), "--workers", "4", *args])


def test_problem_lines_report_and_json(folder, server, capsys, tmp_path):
    base, closed = folder.base, folder.closed
    start = time.monotonic()
    code = links("--report", "report.md", "--json", "report.json")
    elapsed = time.monotonic() - start
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert elapsed < 4 * TIMEOUT + 3, f"the check took {elapsed:.1f} s"

    fix = "check the address, then correct it or remove it"
    review = "check the record against its sources and set last_reviewed to the day you did"
    assert out.splitlines() == [
        f"data/organisations.yaml:5:10: warning: organisations[0].url: '{base}/old' has moved "
        f"permanently (HTTP 301 Moved Permanently) to '{base}/new'; use the new address "
        "[link-redirected]",
        "data/organisations.yaml:16:20: warning: organisations[1].last_reviewed: last reviewed "
        f"2025-10-31, due for review since 2026-10-31; {review} [review-due]",
        "data/programmes.yaml:8:39: warning: programmes[0].links[0].url: "
        f"'{base}/old#contact' has moved permanently (HTTP 301 Moved Permanently) to "
        f"'{base}/new#contact'; use the new address [link-redirected]",
        "data/programmes.yaml:12:20: warning: programmes[0].last_reviewed: last reviewed "
        f"2024-02-29, due for review since 2025-02-28; {review} [review-due]",
        f"data/sources.yaml:12:10: warning: sources[1].url: '{base}/missing' does not work: "
        f"HTTP 404 Not Found; {fix} [link-broken]",
        f"data/sources.yaml:18:10: warning: sources[2].url: '{base}/missing#section' does not "
        f"work: HTTP 404 Not Found; {fix} [link-broken]",
        f"data/sources.yaml:24:10: warning: sources[3].url: '{base}/error' does not work: "
        f"HTTP 500 Internal Server Error; {fix} [link-broken]",
        f"data/sources.yaml:42:10: warning: sources[6].url: '{base}/slow' does not work: "
        f"no answer within {TIMEOUT:g} s (timed out); {fix} [link-broken]",
        f"data/sources.yaml:48:10: warning: sources[7].url: 'http://127.0.0.1:{closed}/page' "
        f"does not work: connection refused; {fix} [link-broken]",
        f"data/sources.yaml:54:10: warning: sources[8].url: '{base}/loop' does not work: "
        f"more than 5 redirects (after a redirect to {base}/loop); {fix} [link-broken]",
        f"data/sources.yaml:60:10: warning: sources[9].url: '{base}/gone-away' does not work: "
        f"HTTP 404 Not Found (after a redirect to {base}/missing); {fix} [link-broken]",
    ]
    assert err == ("data: 10 addresses checked: 3 working, 1 moved, 6 broken; "
                   "2 records due for review\n")

    # each distinct address once (the fragment is not part of it), HEAD before GET
    seen = [(method, path) for method, path, _ in server.requests]
    assert seen.count(("HEAD", "/missing")) == 2  # /missing and /gone-away's target
    assert seen.count(("HEAD", "/old")) == 1
    assert seen.count(("HEAD", "/ok")) == 2  # and once after /temporary
    assert ("GET", "/ok") not in seen
    assert seen.count(("HEAD", "/no-head")) == 1 and seen.count(("GET", "/no-head")) == 1
    assert seen.count(("HEAD", "/loop")) == 6  # the address and 5 redirects
    assert {agent for _, _, agent in server.requests} == {linkcheck.USER_AGENT}

    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report == f"""\
# Link and review report

Checked on 2026-11-23 (data folder `data`): 10 addresses in 14 places, and the review dates of every record.

| Result | Count |
| --- | ---: |
| Working links | 3 |
| Moved permanently | 1 |
| Broken links | 6 |
| Records due for review | 2 |

## Broken links

| Record | File | URL | Reason |
| --- | --- | --- | --- |
| source `local-missing` | `data/sources.yaml:12` | <{base}/missing> | HTTP 404 Not Found |
| source `local-missing-again` | `data/sources.yaml:18` | <{base}/missing#section> | HTTP 404 Not Found |
| source `local-error` | `data/sources.yaml:24` | <{base}/error> | HTTP 500 Internal Server Error |
| source `local-slow` | `data/sources.yaml:42` | <{base}/slow> | no answer within {TIMEOUT:g} s (timed out) |
| source `local-refused` | `data/sources.yaml:48` | <http://127.0.0.1:{closed}/page> | connection refused |
| source `local-loop` | `data/sources.yaml:54` | <{base}/loop> | more than 5 redirects (after a redirect to {base}/loop) |
| source `local-gone-away` | `data/sources.yaml:60` | <{base}/gone-away> | HTTP 404 Not Found (after a redirect to {base}/missing) |

Check each address: correct it, or remove it when the page is gone.

## Moved permanently

| Record | File | URL | New URL |
| --- | --- | --- | --- |
| organisation `opgroeien` | `data/organisations.yaml:5` | <{base}/old> | <{base}/new> |
| programme `local-programme` | `data/programmes.yaml:8` | <{base}/old#contact> | <{base}/new#contact> |

Replace each address with its new one after checking that it is the same document.

## Due for review

- organisation `sos-kinderdorpen` (`data/organisations.yaml:16`): last reviewed 2025-10-31, due 2026-10-31
- programme `local-programme` (`data/programmes.yaml:12`): last reviewed 2024-02-29, due 2025-02-28

Check each record against its sources and set `last_reviewed` to the day you did.
"""

    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["date"] == "2026-11-23"
    assert data["counts"] == {"links": 10, "places": 14, "ok": 3, "redirected": 1, "broken": 6,
                              "review_due": 2}
    by_url = {item["url"]: item for item in data["links"]}
    assert {u: by_url[f"{base}{u}"]["status"] for u in ("/ok", "/temporary", "/no-head")} == \
        {"/ok": "ok", "/temporary": "ok", "/no-head": "ok"}
    assert by_url[f"{base}/temporary"]["redirects"] == [[302, f"{base}/ok"]]
    assert by_url[f"{base}/temporary"]["final_url"] == f"{base}/ok"
    assert by_url[f"{base}/old"]["moved_to"] == f"{base}/new"
    assert by_url[f"{base}/missing"]["code"] == 404
    assert by_url[f"http://127.0.0.1:{closed}/page"]["code"] is None
    assert [(u["record"], u["line"]) for u in by_url[f"{base}/missing"]["uses"]] == \
        [("local-missing", 12), ("local-missing-again", 18)]
    assert [p["rule"] for p in data["problems"]].count("link-broken") == 7
    assert [(r["record"], r["due"]) for r in data["reviews"]] == \
        [("sos-kinderdorpen", "2026-10-31"), ("local-programme", "2025-02-28")]


def test_strict_fails_only_on_broken_links(folder, capsys):
    assert links("--strict") == 1
    folder("sources.yaml", SOURCES.split("\n\n")[0].replace("{base}", folder.base) + "\n")
    folder("organisations.yaml", ORGANISATIONS.replace("{base}/old", "{base}/ok")
           .replace("{base}", folder.base))
    folder("programmes.yaml", PROGRAMMES.split("    links:")[0].replace("{base}", folder.base)
           + "    sources:\n      - {source: local-ok, locator: home}\n"
           + '    last_reviewed: "2026-11-01"\n')
    capsys.readouterr()
    assert links("--strict") == 0
    out, err = capsys.readouterr()
    # left: one record due for review, which never fails a run
    assert out.splitlines() == [
        "data/organisations.yaml:16:20: warning: organisations[1].last_reviewed: last reviewed "
        "2025-10-31, due for review since 2026-10-31; check the record against its sources and "
        "set last_reviewed to the day you did [review-due]"]
    assert err == ("data: 1 address checked: 1 working, 0 moved, 0 broken; "
                   "1 record due for review\n")


def test_no_links_and_nothing_due(data_folder, tmp_path, capsys):
    def without_urls(text):
        return re.sub(r"\n +url: .*", "", text)

    data_folder("organisations.yaml",
                without_urls(ORGANISATIONS).replace("2025-10-31", "2026-11-01"))
    data_folder("sources.yaml", without_urls(SOURCES.split("\n\n")[0]) + "\n")
    data_folder("contacts.yaml", "contacts: []\n")
    data_folder("programmes.yaml", "programmes: []\n")
    assert links("--report", "report.md", "--strict") == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("data: 0 addresses checked: 0 working, 0 moved, 0 broken; "
                   "0 records due for review\n")
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "No broken links.\n" in report and "No permanent redirects.\n" in report
    assert "No record is due for review.\n" in report


def test_data_with_errors_exits_2_without_checking(folder, server, capsys, tmp_path):
    folder("programmes.yaml", "programmes:\n  - id: X\n")
    assert links("--report", "report.md") == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("data/programmes.yaml:2:5: error: programmes[0]: ")
    assert err.splitlines()[-1].endswith("; no links checked (make check explains the errors)")
    assert server.requests == [] and not (tmp_path / "report.md").exists()


def test_every_url_field_of_the_schema_is_checked():
    from directory.schema import SCHEMA
    from directory.validate.rules import urls

    assert SCHEMA.urls() == urls.FIELDS == {
        "programme": [("links", "*", "url")], "organisation": [("url",)], "source": [("url",)]}


@pytest.mark.parametrize("url, wire", [
    ("https://example.org/børn?q=æ ø", "https://example.org/b%C3%B8rn?q=%C3%A6%20%C3%B8"),
    ("https://bücher.example/a%20b", "https://xn--bcher-kva.example/a%20b"),
    ("http://127.0.0.1:8000/x#frag", "http://127.0.0.1:8000/x"),
])
def test_addresses_go_over_the_wire_as_ascii(url, wire):
    assert linkcheck.to_ascii(url) == wire


def test_markdown_cells_are_plain_text():
    assert linkcheck._text("a | b <script> [x](y) *z* `c`\nd") == \
        r"a \| b \<script\> \[x\](y) \*z\* \`c\` d"
    assert linkcheck._link("https://example.org/a|b") == r"https://example.org/a\|b"


def test_redirects_are_followed_with_care(server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    to_file = linkcheck.check_url(f"{base}/to-file", TIMEOUT)
    assert (to_file.status, to_file.reason) == (
        "broken", "not a web address (http or https) (after a redirect to file:///etc/passwd)")
    # permanent, then temporary: the address to use is the permanent redirect's
    chain = linkcheck.check_url(f"{base}/chain", TIMEOUT)
    assert (chain.status, chain.moved_to, chain.final_url, chain.code) == (
        "redirected", f"{base}/to-ok", f"{base}/ok", 200)
    assert chain.redirects == [[301, f"{base}/to-ok"], [307, f"{base}/ok"]]
    assert linkcheck.check_url(f"{base}/chain", TIMEOUT, max_redirects=1).reason == (
        f"more than 1 redirect (after a redirect to {base}/to-ok)")
    assert linkcheck.check_url(f"{base}/ok", TIMEOUT, max_redirects=0).status == "ok"


def _cert_error():
    exc = ssl.SSLCertVerificationError(1, "certificate verify failed")
    exc.verify_message = "certificate has expired"
    return exc


@pytest.mark.parametrize("exc, reason", [
    (urllib.error.URLError(socket.gaierror(-2, "Name or service not known")),
     "the host name cannot be found (DNS lookup failed)"),
    (urllib.error.URLError(_cert_error()), "TLS certificate not accepted: certificate has expired"),
    (urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")), "connection refused"),
    (TimeoutError("timed out"), "no answer within 2 s (timed out)"),
    (http.client.RemoteDisconnected("Remote end closed connection without response"),
     "the server closed the connection without answering"),
])
def test_failures_in_words(exc, reason):
    assert linkcheck._describe(exc, 2.0) == reason
