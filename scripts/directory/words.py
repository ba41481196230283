"""Small pieces of English for messages, reports and pages: one of each."""
from __future__ import annotations


def sentence(text: str) -> str:
    """``text`` as a sentence: its first letter a capital, a full stop at the
    end unless it ends with one (or with ! or ?); an empty text stays empty."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 file', '2 files', '0 addresses' (``words``: the plural where it is not word + s)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def article(word: str) -> str:
    """'a' or 'an' before ``word`` (by its first letter: 'an organisation', 'a programme')."""
    return "an" if word[:1] and word[0] in "aeiou" else "a"


SUMMARY_CHARS = 200  # a summary longer than this is shortened at a word


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with "…" when longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:.") + "…"
