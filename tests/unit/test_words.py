"""The small pieces of English the messages, reports and pages share (directory.words)."""
from directory.words import article, plural, sentence


def test_sentence():
    assert sentence("the id of a record") == "The id of a record."
    assert sentence("  Done!  ") == "Done!"
    assert sentence("Is it?") == "Is it?"
    assert sentence("Allowed: 2019, 2019-07.") == "Allowed: 2019, 2019-07."
    assert sentence("") == "" and sentence("   ") == ""


def test_plural():
    assert [plural(n, "file") for n in (0, 1, 2)] == ["0 files", "1 file", "2 files"]
    assert plural(3, "address", "addresses") == "3 addresses"
    assert plural(1, "address", "addresses") == "1 address"
    assert plural(1200, "place") == "1200 places"  # counts as the reports always wrote them


def test_article():
    assert [article(w) for w in ("organisation", "programme", "action", "source", "")] == \
        ["an", "a", "an", "a", "a"]
