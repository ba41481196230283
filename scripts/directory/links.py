"""Where links in Markdown from the data point: the one definition that both
the markdown-safety rule (which tells the editor) and the renderer (which
neutralises anything that slipped through) use."""
import re

INLINE_LINK = re.compile(r"(\]\()\s*<?([^)\s>]*)>?")
REF_DEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)<?(\S+?)>?(?=\s|$)", re.M)
SAFE_TARGET = re.compile(r"^(?:https?://[^\s<>]+|mailto:[^\s<>]+@[^\s<>]+)$")


def targets(text: str) -> list[str]:
    """Every link destination in a Markdown text."""
    return [m.group(2) for m in INLINE_LINK.finditer(text)] + [m.group(2) for m in REF_DEF.finditer(text)]


def neutralise(text: str) -> str:
    """Replace every destination that is not http(s) or mailto with '#'."""
    def safe(m: re.Match) -> str:
        return m.group(1) + (m.group(2) if SAFE_TARGET.match(m.group(2)) else "#")

    return REF_DEF.sub(safe, INLINE_LINK.sub(safe, text))
