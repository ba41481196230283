"""A problem found in the data, and how it is printed."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file, at a line and column (both 1-based)."""

    path: str
    line: int
    col: int
    level: str
    field: str
    message: str
    rule: str

    def format(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.col}: {self.level}: "
            f"{self.field}: {self.message} [{self.rule}]"
        )

    def github(self) -> str:
        """A GitHub Actions workflow command: an annotation on the file's line."""
        return (f"::{self.level} file={_gh_property(self.path)},line={self.line},col={self.col},"
                f"title={_gh_property(self.rule)}::{_gh_data(f'{self.field}: {self.message}')}")


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == WARNING]


def summary(problems: list[Problem]) -> str:
    n_err, n_warn = len(errors(problems)), len(warnings(problems))
    return f"{n_err} error{'s' * (n_err != 1)}, {n_warn} warning{'s' * (n_warn != 1)}"


def field_path(path: tuple) -> str:
    """('programmes', 3, 'name', 'nl') -> 'programmes[3].name.nl'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"
