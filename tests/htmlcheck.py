"""Parse HTML pages the way a browser reads their tags: what elements, attributes and links they hold."""
from __future__ import annotations

from html.parser import HTMLParser

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "svg", "style", "marquee", "blink", "img", "form",
                  "base", "meta", "link"}


# <link rel=...> kinds the browser fetches by itself (canonical, alternate: not)
FETCHED_LINKS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch",
                 "icon", "manifest"}


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.text_parts: list[str] = []
        self.ids: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id"):
            self.ids.add(attrs["id"])

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def links(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a" and a.get("href")]

    def resources(self) -> list[str]:
        """Everything the page makes the browser fetch."""
        out = []
        for tag, attrs in self.tags:
            if tag in ("script", "img", "iframe", "source", "audio", "video") and attrs.get("src"):
                out.append(attrs["src"])
            rels = set((attrs.get("rel") or "").lower().split())
            if tag == "link" and attrs.get("href") and rels & FETCHED_LINKS:
                out.append(attrs["href"])
        return out


def injected_markup(html: str, allowed_tags: set[str] = frozenset()) -> list[str]:
    """Tags, event-handler attributes and script links that data could have smuggled in."""
    page = Page(html)
    found = []
    for tag, attrs in page.tags:
        if tag in FORBIDDEN_TAGS - set(allowed_tags):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(("javascript:", "data:")):
                found.append(f"<{tag} {name}={value}>")
    return found
