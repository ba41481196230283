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
