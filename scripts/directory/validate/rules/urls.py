"""Web addresses are complete http or https URLs.

A URL must start with https:// (or http://), name a host and contain no
spaces. Give a URL only where the source states it; an address without a
scheme such as www.example.org is completed only when the right scheme is
known, otherwise leave it out of url. An organisation's website that the
source gives without a scheme goes into url_as_stated, exactly as written
(the page shows it as text); with its https:// or http:// it belongs in url.
"""
from urllib.parse import urlsplit

from ...schema import SCHEMA
from ...schema.patterns import URL, ecma
from ...schema.records import Context, find
from .common import at

ID = "urls"
LEVEL = "error"

# record type -> the paths of its URL fields, from the schema (#/$defs/url)
FIELDS = SCHEMA.urls()


# The form every URL has (directory.schema.patterns.URL), which the schema for
# editors checks as they type. problem_with() says which part is wrong, and
# checks the host and port too.
PATTERN = URL
_FORM = ecma(PATTERN)


def problem_with(url: str) -> str | None:
    if any(c.isspace() for c in url):
        return "contains white space; encode spaces as %20"
    if not _FORM.search(url):
        return "must start with https:// or http://"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"cannot be read as a URL ({exc})"
    host = parts.hostname or ""
    if "." not in host and host != "localhost":
        return "has no valid host name (such as www.example.org)"
    try:
        parts.port
    except ValueError:
        return "has an invalid port number"
    return None


def check(ctx: Context):
    for rec in ctx.valid("organisation"):
        stated = rec.data.get("url_as_stated")
        if isinstance(stated, str) and stated.strip().lower().startswith(("http://", "https://")):
            yield at(rec, ("url_as_stated",), f"'{stated}' has its http:// or https://; write it "
                     "as url instead of url_as_stated")
    for rec in ctx.valid():
        for pattern in FIELDS.get(rec.type, []):
            for sub, url in find(rec.data, pattern):
                wrong = problem_with(url)
                if wrong:
                    yield at(rec, sub, f"'{url}' {wrong}; allowed: an absolute http(s) URL "
                             "such as https://example.org/page")
