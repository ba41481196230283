"""Browser timings of the directory's search for the benchmark (bench.run).

    measure(site_dir) -> {"queries": [...], "max_ms": ..., "max_kb": ...}

Serves the built site with a threaded ``http.server`` on 127.0.0.1 and drives
Debian's chromium (never a downloaded browser) with Playwright. Every
measurement runs in a new browser context, so with a cold cache, and records:

ms        from the start (navigation start of the directory page; the moment
          before the header search box is focused) to the moment the results
          are in the DOM: a MutationObserver installed before any page script
          takes ``performance.now()`` when the condition first holds, so the
          time does not depend on how often Python polls.
kb        bytes on the wire of every request of the measurement (CDP
          ``Network.loadingFinished`` encodedDataLength: bodies and headers),
          counted until the network is quiet after the results. The local
          server does not compress; ``kb_gzip`` estimates the bodies gzipped
          (level 6), as most static hosts would send them.
index_kb  the part of kb under /directory-index/.
results   the total the page reports (the count text, "All N results").

Measurements:

text-nl, text-da, text-en   /directory/?q=<word>: until the result list holds
                            min(10, total) items and the count shows the total
facets                      /directory/?country=<c>&theme=<t> likewise
header                      on a programme page, already loaded: focus the
                            header search box and type a word, until the
                            dropdown lists its options for that word (this
                            includes the box's 150 ms typing delay; the index
                            loads on first focus)

A measurement that shows no results within TIMEOUT_S raises SearchError with
what the page showed; the server and the browser are closed in every case.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import shutil
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

try:
    from playwright.sync_api import Error as _PlaywrightError
    from playwright.sync_api import TimeoutError as _PlaywrightTimeout
except ImportError:  # measure() says so
    class _PlaywrightError(Exception):
        pass

    class _PlaywrightTimeout(_PlaywrightError):
        pass

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
TIMEOUT_S = 30.0
VIEWPORT = {"width": 1280, "height": 900}
INDEX_PATH = "/directory-index/"

# words the generator (bench/words.py) writes in every folder, even a small
# one: content words of high rank in each language (and the search also
# matches their other forms: pleeggezin, plejefamilie(r), family)
WORDS = [("text-nl", "pleeggezinnen"), ("text-da", "plejefamilierne"), ("text-en", "families")]
HEADER_WORD = "families"
COUNTRY = "DK"

# Installed in every page before its own scripts. window.__bench.check()
# returns the total once the results are shown (else null); the observer
# stores the time of the first mutation after which it holds.
INIT_SCRIPT = """
(() => {
  const spec = %s;
  const B = window.__bench = {done: null, total: null, check: null, failed: false};
  const number = (s) => Number(s.replace(/,/g, ""));
  B.directory = () => {
    const app = document.getElementById("dir-app");
    if (app && app.dataset.state === "failed") B.failed = true; // the page says why
    if (!app || app.dataset.state !== "ready") return null;
    const status = document.getElementById("dir-count");
    const m = status && /^([\\d,]+) programmes?$/.exec(status.textContent.trim());
    if (!m) return null;
    const total = number(m[1]);
    const items = app.querySelectorAll("ol.dir-results > li.dir-result").length;
    return items >= Math.min(10, total) ? total : null;
  };
  B.header = (word) => () => {
    const form = document.querySelector("form.dir-hsearch");
    const panel = form && form.querySelector(".dir-hsearch__panel");
    if (!panel || panel.hidden) return null;
    const all = document.getElementById("dir-hsearch-opt-all");
    if (!all || new URL(all.href).searchParams.get("q") !== word) return null;
    const m = /All ([\\d,]+) results?/.exec(all.textContent);
    const total = m ? number(m[1]) : 0;
    const options = panel.querySelectorAll("[role=option]").length - 1; // without "All N results"
    return options >= Math.min(10, total) ? total : null;
  };
  if (spec.mode === "directory") B.check = B.directory;
  new MutationObserver(() => {
    if (B.done !== null || !B.check) return;
    const total = B.check();
    if (total !== null) {
      B.done = performance.now();
      B.total = total;
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
"""

DONE = "() => window.__bench && (window.__bench.done !== null || window.__bench.failed)"


class SearchError(RuntimeError):
    """A search measurement failed (timeout, no browser, no index...)."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(site_dir: Path):
    """The site on http://127.0.0.1:<free port>, in a background thread."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="bench-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# -- what to search for -------------------------------------------------------------------

def facet_filter(site_dir: Path) -> tuple[str, str]:
    """(country, theme): DK (or the first country of the index) and the theme
    with the most programmes in it, from the published directory.json; without
    it, the theme with the most programmes overall."""
    manifest = json.loads((site_dir / "directory-index" / "manifest.json").read_text(encoding="utf-8"))
    facets = {f["name"]: f["values"] for f in manifest["facets"]}
    countries = [v[0] for v in facets.get("country", [])]
    themes = {v[0]: v[2] for v in facets.get("theme", [])}
    if not countries or not themes:
        raise SearchError("the search index has no country or theme values to filter by")
    country = COUNTRY if COUNTRY in countries else countries[0]
    try:
        data = json.loads((site_dir / "data" / "directory.json").read_text(encoding="utf-8"))
        counts = Counter(t for p in data["programmes"] if country in (p.get("countries") or [])
                         for t in p.get("themes") or [] if t in themes)
    except (OSError, ValueError, KeyError, TypeError):
        counts = Counter()
    if not counts:
        counts = Counter(themes)
    theme = min(counts, key=lambda t: (-counts[t], t))
    return country, theme


def programme_page(site_dir: Path) -> str:
    pages = sorted(site_dir.glob("programmes/*/index.html"))
    if not pages:
        raise SearchError(f"no programme pages in {site_dir}")
    return f"/programmes/{pages[0].parent.name}/"


# -- network accounting -----------------------------------------------------------------

class Traffic:
    """Bytes of every request a page makes (CDP Network events), from start()."""

    def __init__(self, context, page, site_dir: Path):
        self.site_dir = site_dir
        self.urls: dict[str, str] = {}
        self.status: dict[str, int] = {}
        self.bytes: dict[str, int] = {}
        self.failed: dict[str, str] = {}
        self.counting = True
        self.cdp = context.new_cdp_session(page)
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.loadingFailed", self._failed)
        self.cdp.send("Network.enable")

    def start(self) -> None:
        """Forget what was loaded so far (the page load before a measurement)."""
        for seen in (self.urls, self.status, self.bytes, self.failed):
            seen.clear()

    def _sent(self, ev):
        url = ev["request"]["url"]
        if url.startswith("http"):
            self.urls[ev["requestId"]] = url

    def _response(self, ev):
        if ev["requestId"] in self.urls:
            self.status[ev["requestId"]] = ev["response"]["status"]

    def _finished(self, ev):
        if ev["requestId"] in self.urls:
            self.bytes[ev["requestId"]] = int(ev.get("encodedDataLength") or 0)

    def _failed(self, ev):
        if ev["requestId"] in self.urls:
            self.failed[ev["requestId"]] = ev.get("errorText", "failed")

    def problems(self) -> list[str]:
        out = [f"{self.urls[r]}: HTTP {s}" for r, s in self.status.items() if s >= 400]
        out += [f"{self.urls[r]}: {e}" for r, e in self.failed.items()]
        return out

    def summary(self) -> dict:
        total = sum(self.bytes.values())
        index = sum(b for r, b in self.bytes.items() if INDEX_PATH in urlsplit(self.urls[r]).path)
        gz = sum(_gzipped(self.site_dir, urlsplit(self.urls[r]).path) for r in self.bytes)
        return {"kb": round(total / 1024, 1), "index_kb": round(index / 1024, 1),
                "kb_gzip": round(gz / 1024, 1), "requests": len(self.bytes)}


@functools.lru_cache(maxsize=4096)
def _gzipped(site_dir: Path, path: str) -> int:
    file = site_dir / unquote(path).lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    try:
        return len(gzip.compress(file.read_bytes(), 6))
    except OSError:
        return 0


# -- the measurements ----------------------------------------------------------------------

class _Deadline:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def ms(self) -> float:
        left = (self.end - time.monotonic()) * 1000
        if left <= 0:
            raise TimeoutError
        return left


def _diagnose(page, errors: list[str], traffic: Traffic | None) -> str:
    try:
        shown = page.evaluate("""() => ({
            url: location.href,
            state: document.getElementById("dir-app")?.dataset.state ?? null,
            count: document.getElementById("dir-count")?.textContent ?? null,
            items: document.querySelectorAll("ol.dir-results > li.dir-result").length,
            dropdown: document.querySelector(".dir-hsearch__panel")?.hidden === false,
            options: document.querySelectorAll(".dir-hsearch__list [role=option]").length,
        })""")
    except Exception as exc:  # the page itself may be gone
        shown = {"page": f"not readable ({exc.__class__.__name__})"}
    parts = [f"the page showed {json.dumps(shown, ensure_ascii=False)}"]
    if traffic and traffic.problems():
        parts.append("failed requests: " + "; ".join(traffic.problems()[:5]))
    if errors:
        parts.append("page errors: " + "; ".join(errors[:5]))
    return ", ".join(parts)


def _new_page(browser, base: str, site_dir: Path, mode: str):
    context = browser.new_context(viewport=VIEWPORT, base_url=base)
    context.add_init_script(INIT_SCRIPT % json.dumps({"mode": mode}))
    context.set_default_timeout(TIMEOUT_S * 1000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    traffic = Traffic(context, page, site_dir)
    return context, page, errors, traffic


def _settle(page, deadline: _Deadline) -> None:
    """Let the requests started by the results finish (at most a few seconds)."""
    try:
        page.wait_for_load_state("networkidle", timeout=min(5000, deadline.ms()))
    except Exception:
        pass
    page.evaluate("0")  # a round trip: the CDP events before it are in


def measure_directory(browser, base: str, site_dir: Path, kind: str, query: dict) -> dict:
    """Open /directory/?<query> cold and time it until the first results show."""
    path = "/directory/?" + urlencode(query, doseq=True)
    context, page, errors, traffic = _new_page(browser, base, site_dir, "directory")
    try:
        deadline = _Deadline(TIMEOUT_S)
        try:
            page.goto(path, wait_until="commit", timeout=deadline.ms())
            page.wait_for_function(DONE, polling=20, timeout=deadline.ms())
        except (TimeoutError, _PlaywrightTimeout):
            raise SearchError(f"{kind}: {path}: the first results did not show within {TIMEOUT_S:.0f} s; "
                              + _diagnose(page, errors, traffic)) from None
        except _PlaywrightError as exc:
            raise SearchError(f"{kind}: {path}: {exc}") from exc
        done = page.evaluate("() => ({ms: window.__bench.done, total: window.__bench.total})")
        if done["ms"] is None:
            raise SearchError(f"{kind}: {path}: the search failed; " + _diagnose(page, errors, traffic))
        _settle(page, deadline)
        row = {"kind": kind, "query": path.split("?", 1)[1], "ms": round(done["ms"], 1),
               **traffic.summary(), "results": done["total"]}
        if traffic.problems():
            row["failed"] = traffic.problems()
        return row
    finally:
        context.close()


def measure_header(browser, base: str, site_dir: Path, page_path: str, word: str) -> dict:
    """On a loaded programme page: focus the header search, type, until the dropdown shows."""
    context, page, errors, traffic = _new_page(browser, base, site_dir, "none")
    try:
        deadline = _Deadline(TIMEOUT_S)
        try:
            page.goto(page_path, wait_until="load", timeout=deadline.ms())
            try:
                page.wait_for_load_state("networkidle", timeout=min(5000, deadline.ms()))
            except Exception:
                pass
            page.evaluate("0")
            traffic.start()
            box = page.locator("form.dir-hsearch input[name=q]")
            box.wait_for(state="visible", timeout=deadline.ms())
            t0 = page.evaluate("(word) => { window.__bench.check = window.__bench.header(word); "
                               "return performance.now(); }", word)
            box.focus(timeout=deadline.ms())
            box.press_sequentially(word, timeout=deadline.ms())
            page.wait_for_function(DONE, polling=20, timeout=deadline.ms())
        except (TimeoutError, _PlaywrightTimeout):
            raise SearchError(f"header: {page_path}: the dropdown did not show '{word}' within "
                              f"{TIMEOUT_S:.0f} s; " + _diagnose(page, errors, traffic)) from None
        done = page.evaluate("() => ({ms: window.__bench.done, total: window.__bench.total})")
        _settle(page, deadline)
        row = {"kind": "header", "query": word, "page": page_path, "ms": round(done["ms"] - t0, 1),
               **traffic.summary(), "results": done["total"]}
        if traffic.problems():
            row["failed"] = traffic.problems()
        return row
    finally:
        context.close()


def measure(site_dir: Path, words=WORDS, header_word: str = HEADER_WORD) -> dict:
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "directory-index" / "manifest.json").is_file():
        raise SearchError(f"{site_dir} has no directory-index/manifest.json")
    country, theme = facet_filter(site_dir)
    page_path = programme_page(site_dir)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise SearchError(f"Playwright is not installed ({exc})") from None
    if not Path(CHROMIUM).exists():
        raise SearchError(f"no chromium at {CHROMIUM} (make browser installs Debian's)")

    queries = []
    try:
        with serve(site_dir) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, timeout=TIMEOUT_S * 1000)
            try:
                # warm-up, not measured: the browser's own processes start once
                context = browser.new_context(viewport=VIEWPORT, base_url=base)
                try:
                    context.new_page().goto("/", wait_until="load", timeout=TIMEOUT_S * 1000)
                finally:
                    context.close()
                for kind, word in words:
                    queries.append(measure_directory(browser, base, site_dir, kind, {"q": word}))
                queries.append(measure_directory(browser, base, site_dir, "facets",
                                                 {"country": country, "theme": theme}))
                queries.append(measure_header(browser, base, site_dir, page_path, header_word))
            finally:
                browser.close()
    except _PlaywrightError as exc:  # launching chromium, the warm-up, a lost page
        raise SearchError(f"chromium: {exc}") from exc
    return {
        "queries": queries,
        "max_ms": max(q["ms"] for q in queries),
        "max_kb": max(q["kb"] for q in queries),
    }
