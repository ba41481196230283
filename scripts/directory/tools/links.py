"""``python -m directory links``: check the directory's web addresses and list
the records that are due for review.

Every URL field of the schema (``SCHEMA.urls()``: sources' and
organisations' ``url``, the ``url`` of each of a programme's ``links``) is collected with the record, file,
line and column it stands at. Each distinct address is requested once, several
at a time: HEAD first, GET when the server refuses HEAD (405, 403 or 501),
following at most ``--max-redirects`` redirects. An address is

* working: it answers below 400, also after temporary redirects (302, 303, 307);
* moved: it starts with a permanent redirect (301, 308) to another address and
  that one works; the warning names the new address;
* broken: an HTTP error (4xx, 5xx), a host name that cannot be found, a refused
  connection, no answer within ``--timeout`` seconds, a TLS error, or too
  many redirects.

Records whose ``last_reviewed`` is more than 12 months before today
(``DIRECTORY_TODAY`` when set) are listed as due for review (``review.overdue``,
as the ``review-due`` rule finds them).

Problems are printed as ``path:line:col: warning: field: message [rule]``; a
Markdown report (``--report``) and JSON (``--json``) give the same findings.
Network trouble never fails the run: the exit status is 0, or 2 when the data
folder has errors (``make check`` explains them). ``--strict`` exits 1 when a
link is broken. Only the standard library is used.
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import re
import socket
import ssl
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote, urldefrag, urljoin, urlsplit, urlunsplit

from .. import review
from ..problems import WARNING, Problem, errors, field_path, summary
from ..validate import validate
from ..schema import SCHEMA
from ..schema.records import Context, Record, find
from ..words import plural

BROKEN, REDIRECTED, REVIEW = "link-broken", "link-redirected", "review-due"
OK, MOVED, FAILED = "ok", "redirected", "broken"

USER_AGENT = ("programme-directory-linkcheck/1.0 (+checks that the links of a programme "
              "directory still work; Python urllib)")
HEAD_REFUSED = {403, 405, 501}  # statuses after which the GET is tried
REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT = {301, 308}
DEFAULT_TIMEOUT = 15.0
DEFAULT_WORKERS = 8
DEFAULT_MAX_REDIRECTS = 5


# --- where the URLs are ---------------------------------------------------------------------

@dataclass(frozen=True)
class Use:
    """One place a URL stands in the data."""

    url: str
    record: str
    type: str
    path: str
    line: int
    col: int
    field: str


def _place(rec: Record, sub: tuple) -> tuple[str, str, str, int, int, str]:
    """(record, type, path, line, col, field) of the value at ``sub`` in ``rec``,
    as a Use and a Due say where they stand."""
    full = rec.path + tuple(sub)
    pos = rec.file.position(full)
    return rec.id or field_path(rec.path), rec.type, rec.file.path, pos.line, pos.col, field_path(full)


def _use(rec: Record, sub: tuple, url: str) -> Use:
    return Use(url, *_place(rec, sub))


def collect_urls(ctx: Context, fields: dict[str, list[tuple]] | None = None) -> list[Use]:
    """Every place a URL stands in the records: the URL fields of the schema
    (``fields``: record type -> their paths)."""
    fields = SCHEMA.urls() if fields is None else fields
    uses = []
    for rec in ctx.records:
        for pattern in fields.get(rec.type, []):
            for sub, url in find(rec.data, pattern):
                if isinstance(url, str) and url.strip():
                    uses.append(_use(rec, sub, url.strip()))
    return sorted(uses, key=lambda u: (u.path, u.line, u.col))


# --- checking one URL -------------------------------------------------------------------------

@dataclass
class Outcome:
    url: str  # as requested (without fragment)
    status: str  # ok, redirected, broken
    code: int | None = None  # the last HTTP status, None when there was no answer
    reason: str = ""
    final_url: str = ""
    moved_to: str | None = None  # the address of a permanent redirect
    redirects: list = field(default_factory=list)  # [[status, to], ...]


class _Broken(Exception):
    pass


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses: the checker follows them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirect())


def to_ascii(url: str) -> str:
    """An address as it goes over the wire: host in IDNA, the rest percent-encoded."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        host = host.encode("idna").decode("ascii")
    netloc = host if ":" not in host else f"[{host}]"
    if parts.port:
        netloc += f":{parts.port}"
    if parts.username is not None:
        userinfo = quote(parts.username, safe="%!$&'()*+,;=")
        if parts.password is not None:
            userinfo += ":" + quote(parts.password, safe="%!$&'()*+,;=")
        netloc = f"{userinfo}@{netloc}"
    safe = "%/:=&?~#+!$,;'@()*[]"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=safe),
                       quote(parts.query, safe=safe), ""))


def _phrase(code: int) -> str:
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def _describe(exc: BaseException, timeout: float) -> str:
    """Why a request got no answer, in words."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s (timed out)"
    if isinstance(reason, socket.gaierror):
        return "the host name cannot be found (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted: {reason.verify_message or reason.reason}"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {reason.reason or reason}"
    if isinstance(reason, http.client.RemoteDisconnected):  # a ConnectionResetError
        return "the server closed the connection without answering"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, http.client.HTTPException):
        return f"invalid answer from the server ({type(reason).__name__})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[0].lower() + reason.strerror[1:]
    return str(reason) or type(reason).__name__


def _request(opener, url: str, method: str, timeout: float) -> tuple[int, str | None]:
    """(status, Location) of one request; _Broken when there is no answer."""
    req = urllib.request.Request(url, method=method,
                                 headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, resp.headers.get("Location")
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers.get("Location") if exc.headers else None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        raise _Broken(_describe(exc, timeout)) from exc


def _fetch(opener, url: str, timeout: float) -> tuple[int, str | None]:
    try:
        code, location = _request(opener, url, "HEAD", timeout)
    except _Broken as exc:
        # some servers drop HEAD requests instead of refusing them
        if not isinstance(exc.__cause__, (http.client.RemoteDisconnected,
                                          http.client.BadStatusLine, ConnectionResetError)):
            raise
        code = 405
    if code in HEAD_REFUSED:
        code, location = _request(opener, url, "GET", timeout)
    return code, location


def check_url(url: str, timeout: float = DEFAULT_TIMEOUT,
              max_redirects: int = DEFAULT_MAX_REDIRECTS, opener=None) -> Outcome:
    """Request ``url`` (without its fragment) and say whether it works."""
    opener = opener or _opener()
    out = Outcome(url, FAILED, final_url=url)
    current = url
    try:
        while True:
            if urlsplit(current).scheme not in ("http", "https"):
                raise _Broken("not a web address (http or https)")
            try:
                target = to_ascii(current)
            except (ValueError, UnicodeError) as exc:
                raise _Broken(f"cannot be requested ({exc})") from exc
            out.code = None
            code, location = _fetch(opener, target, timeout)
            out.code, out.final_url = code, current
            if code not in REDIRECTS:
                break
            if not location:
                raise _Broken(f"{_phrase(code)} without a Location to go to")
            if len(out.redirects) >= max_redirects:
                raise _Broken(f"more than {plural(max_redirects, 'redirect')}")
            nxt = urldefrag(urljoin(current, location.strip())).url
            out.redirects.append([code, nxt])
            current = nxt
    except _Broken as exc:
        out.status, out.reason = FAILED, str(exc)
        if out.redirects:
            out.reason += f" (after a redirect to {out.redirects[-1][1]})"
        return out
    if code >= 400:
        out.status, out.reason = FAILED, _phrase(code)
        if out.redirects:
            out.reason += f" (after a redirect to {out.redirects[-1][1]})"
        return out
    moved = None
    for step_code, to in out.redirects:  # the leading run of permanent redirects
        if step_code not in PERMANENT:
            break
        moved = to
    if moved and moved != url:
        first = out.redirects[0][0]
        out.status, out.moved_to, out.reason = MOVED, moved, f"moved permanently ({_phrase(first)})"
    else:
        out.status, out.reason = OK, _phrase(code)
    return out


def check_urls(urls: list[str], timeout: float = DEFAULT_TIMEOUT,
               workers: int = DEFAULT_WORKERS,
               max_redirects: int = DEFAULT_MAX_REDIRECTS) -> dict[str, Outcome]:
    """Check each distinct address once, ``workers`` at a time."""
    distinct = list(dict.fromkeys(urls))
    if not distinct:
        return {}

    def check(url: str) -> Outcome:
        try:
            return check_url(url, timeout, max_redirects)
        except Exception as exc:  # noqa: BLE001 - a network failure never fails the run
            return Outcome(url, FAILED, reason=f"unexpected error ({type(exc).__name__}: {exc})",
                           final_url=url)

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(distinct)))) as pool:
        results = pool.map(check, distinct)
        return dict(zip(distinct, results))


# --- reviews ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Due:
    record: str
    type: str
    path: str
    line: int
    col: int
    field: str
    last_reviewed: str
    due: str


def overdue_reviews(ctx: Context, today: dt.date) -> list[Due]:
    """The records past their review date (``review.overdue``), where each stands."""
    out = []
    for found in review.overdue(ctx.records, today, lambda rec: rec.data.get("last_reviewed")):
        out.append(Due(*_place(found.record, ("last_reviewed",)), found.last_reviewed,
                       found.due.isoformat()))
    return sorted(out, key=lambda d: (d.path, d.line, d.col))


# --- the findings -----------------------------------------------------------------------------

def _with_fragment(new: str, old: str) -> str:
    fragment = urldefrag(old).fragment
    return f"{new}#{fragment}" if fragment and "#" not in new else new


@dataclass
class Findings:
    date: dt.date
    data: str
    uses: list[Use]
    outcomes: dict[str, Outcome]  # by address without fragment
    reviews: list[Due]

    def outcome(self, use: Use) -> Outcome:
        return self.outcomes[urldefrag(use.url).url]

    def of(self, status: str) -> list[tuple[Use, Outcome]]:
        return [(u, self.outcome(u)) for u in self.uses if self.outcome(u).status == status]

    def counts(self) -> dict[str, int]:
        def distinct(status):
            return sum(1 for o in self.outcomes.values() if o.status == status)

        return {"links": len(self.outcomes), "places": len(self.uses), "ok": distinct(OK),
                "redirected": distinct(MOVED), "broken": distinct(FAILED),
                "review_due": len(self.reviews)}

    def problems(self) -> list[Problem]:
        out = []
        for use, o in self.of(FAILED):
            out.append(Problem(use.path, use.line, use.col, WARNING, use.field,
                               f"'{use.url}' does not work: {o.reason}; check the address, "
                               "then correct it or remove it", BROKEN))
        for use, o in self.of(MOVED):
            new = _with_fragment(o.moved_to, use.url)
            out.append(Problem(use.path, use.line, use.col, WARNING, use.field,
                               f"'{use.url}' has {o.reason} to '{new}'; "
                               "use the new address", REDIRECTED))
        for d in self.reviews:
            out.append(Problem(d.path, d.line, d.col, WARNING, d.field,
                               f"last reviewed {d.last_reviewed}, due for review since {d.due}; "
                               "check the record against its sources and set last_reviewed to "
                               "the day you did", REVIEW))
        return sorted(out, key=lambda p: (p.path, p.line, p.col, p.rule))

    def to_json(self) -> dict:
        links = []
        for key, o in self.outcomes.items():
            item = asdict(o)
            item["uses"] = [asdict(u) for u in self.uses if urldefrag(u.url).url == key]
            links.append(item)
        return {"date": self.date.isoformat(), "data": self.data, "counts": self.counts(),
                "links": links, "reviews": [asdict(d) for d in self.reviews],
                "problems": [asdict(p) for p in self.problems()]}


# --- the Markdown report ----------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def _text(value: str) -> str:
    """Plain text in a Markdown table cell: nothing in it is markup or a mention."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def _link(url: str) -> str:
    if re.fullmatch(r"https?://[^\s<>`|\\]+", url):
        return f"<{url}>"
    return _text(url)


def _record(type_: str, record: str) -> str:
    return f"{type_} `{record.replace('`', '')}`"


def _where(path: str, line: int) -> str:
    return f"`{path.replace('`', '')}:{line}`"


def report_markdown(f: Findings, title: str = "Link and review report") -> str:
    c = f.counts()
    lines = [
        f"# {title}",
        "",
        f"Checked on {f.date.isoformat()} (data folder `{f.data}`): "
        f"{plural(c['links'], 'address', 'addresses')} in {plural(c['places'], 'place')}, "
        f"and the review dates of every record.",
        "",
        "| Result | Count |",
        "| --- | ---: |",
        f"| Working links | {c['ok']} |",
        f"| Moved permanently | {c['redirected']} |",
        f"| Broken links | {c['broken']} |",
        f"| Records due for review | {c['review_due']} |",
        "",
        "## Broken links",
        "",
    ]
    broken = f.of(FAILED)
    if broken:
        lines += ["| Record | File | URL | Reason |", "| --- | --- | --- | --- |"]
        lines += [f"| {_record(u.type, u.record)} | {_where(u.path, u.line)} | {_link(u.url)} "
                  f"| {_text(o.reason)} |" for u, o in broken]
        lines += ["", "Check each address: correct it, or remove it when the page is gone."]
    else:
        lines.append("No broken links.")
    lines += ["", "## Moved permanently", ""]
    moved = f.of(MOVED)
    if moved:
        lines += ["| Record | File | URL | New URL |", "| --- | --- | --- | --- |"]
        lines += [f"| {_record(u.type, u.record)} | {_where(u.path, u.line)} | {_link(u.url)} "
                  f"| {_link(_with_fragment(o.moved_to, u.url))} |" for u, o in moved]
        lines += ["", "Replace each address with its new one after checking that it is the "
                  "same document."]
    else:
        lines.append("No permanent redirects.")
    lines += ["", "## Due for review", ""]
    if f.reviews:
        lines += [f"- {_record(d.type, d.record)} ({_where(d.path, d.line)}): last reviewed "
                  f"{d.last_reviewed}, due {d.due}" for d in f.reviews]
        lines += ["", "Check each record against its sources and set `last_reviewed` to the "
                  "day you did."]
    else:
        lines.append("No record is due for review.")
    return "\n".join(lines) + "\n"


# --- the command ------------------------------------------------------------------------------

def run(folder: Path | str, timeout: float = DEFAULT_TIMEOUT, workers: int = DEFAULT_WORKERS,
        max_redirects: int = DEFAULT_MAX_REDIRECTS, today: dt.date | None = None):
    """(validation result, findings); findings is None when the data has errors."""
    day = today or review.today()
    result = validate(folder, today=day)
    if errors(result.problems):
        return result, None
    uses = collect_urls(result.context)
    outcomes = check_urls([urldefrag(u.url).url for u in uses], timeout, workers, max_redirects)
    findings = Findings(day, str(folder), uses, outcomes, overdue_reviews(result.context, day))
    return result, findings


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not value > 0:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number above 0")
        return value

    return parse


def _links(args) -> int:
    result, findings = run(args.data, args.timeout, args.workers, args.max_redirects)
    if findings is None:
        for p in errors(result.problems):
            print(p.format(), file=sys.stderr)
        print(f"{args.data}: {summary(result.problems)}; no links checked "
              "(make check explains the errors)", file=sys.stderr)
        return 2
    for p in findings.problems():
        print(p.format())
    if args.report:
        Path(args.report).write_text(report_markdown(findings), encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(findings.to_json(), ensure_ascii=False, indent=2)
                                   + "\n", encoding="utf-8")
    c = findings.counts()
    sys.stdout.flush()
    print(f"{args.data}: {plural(c['links'], 'address', 'addresses')} checked: {c['ok']} "
          f"working, {c['redirected']} moved, {c['broken']} broken; "
          f"{plural(c['review_due'], 'record')} due for review", file=sys.stderr)
    return 1 if args.strict and c["broken"] else 0


def add_command(sub) -> None:
    p = sub.add_parser("links", help="check the data's web addresses and list records due for "
                       "review (exit 0 unless the data has errors)",
                       description=__doc__.split("\n\n")[0].replace("``", "'"))
    p.add_argument("data", nargs="?", default="data")
    p.add_argument("--report", metavar="FILE.md", help="write a Markdown report")
    p.add_argument("--json", metavar="FILE", help="write the findings as JSON")
    p.add_argument("--timeout", type=_positive(float), default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"seconds to wait for each answer (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--workers", type=_positive(int), default=DEFAULT_WORKERS, metavar="N",
                   help=f"addresses checked at the same time (default {DEFAULT_WORKERS})")
    p.add_argument("--max-redirects", type=int, default=DEFAULT_MAX_REDIRECTS, metavar="N",
                   help=f"redirects followed per address (default {DEFAULT_MAX_REDIRECTS})")
    p.add_argument("--strict", action="store_true", help="exit 1 when a link is broken")
    p.set_defaults(func=_links)
