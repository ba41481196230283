"""The README opens with exactly two commands: one builds and serves the site,
one runs the whole test suite (each sets itself up)."""
from support import ROOT


def test_the_readme_opens_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.startswith("```sh\n")
    block = text[len("```sh\n"):text.index("```", 6)]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make serve", "make test"]
