"""Coverage: how many programmes each theme has, by age band and by country.

A cell counts the programmes that state the theme and whose stated ages
overlap the band (the search index's rule, :func:`directory.search.build.age_bands`,
so that a cell's link to the directory page finds exactly its count). A
programme that states no age and no pregnancy counts in "not stated" only,
never in a guessed band. A programme in several bands or countries counts in
each. An empty cell is a finding (a gap), not something left out: every
theme of the vocabulary has a row, every band and every country of the
vocabulary a column.

The filters above the matrices (country, kind, status) are the directory
page's facets of the same names; :func:`filter_values` gives the values the
data has, as the search index lists them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import Directory, Programme
from ..facets import AGE_BANDS, NOT_STATED, PRENATAL, age_bands

# the age columns, in order: the search index's bands, with before birth first and not stated last
AGE_COLUMNS = (PRENATAL, *(band[0] for band in AGE_BANDS), NOT_STATED)
FILTER_FACETS = ("country", "kind", "status")  # the filters above the matrices, in the index's order


def ages_of(p: Programme) -> list[str]:
    """The age columns a programme counts in (the index's age facet values)."""
    return age_bands(p.age_min, p.age_max, p.prenatal)


def status_of(p: Programme) -> str:
    """The status facet's value of a programme (the index's: 'not-stated' when none)."""
    return p.status or NOT_STATED


@dataclass
class Matrix:
    """Themes (rows) by the values of one facet (columns)."""

    facet: str  # the directory page's facet of the columns: "age" or "country"
    rows: list[str]  # theme ids, in the vocabulary's order
    columns: list[str]
    counts: dict[tuple[str, str], int]  # (theme, column) -> programmes; missing: 0
    totals: dict[str, int]  # theme -> programmes that state it

    def count(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)

    @property
    def most(self) -> int:
        """The largest cell (the darkest shade); 0 for an empty matrix."""
        return max(self.counts.values(), default=0)

    @property
    def gaps(self) -> int:
        """Empty cells."""
        return sum(1 for r in self.rows for c in self.columns if not self.count(r, c))


def matrix(facet: str, themes: list[str], columns: list[str], programmes: Iterable[Programme],
           values: Callable[[Programme], list[str]]) -> Matrix:
    counts: dict[tuple[str, str], int] = {}
    totals = dict.fromkeys(themes, 0)
    for p in programmes:
        mine = [t for t in dict.fromkeys(p.themes) if t in totals]
        if not mine:
            continue
        cols = list(dict.fromkeys(values(p)))
        for theme in mine:
            totals[theme] += 1
            for col in cols:
                counts[(theme, col)] = counts.get((theme, col), 0) + 1
    return Matrix(facet, list(themes), list(columns), counts, totals)


@dataclass
class Coverage:
    by_age: Matrix
    by_country: Matrix
    programmes: int  # all programmes
    without_theme: int  # programmes that state no theme: in no row


def coverage(directory: Directory) -> Coverage:
    themes = [t.id for t in directory.vocab.ordered("themes")]
    countries = [t.id for t in directory.vocab.ordered("countries")]
    programmes = list(directory.programmes.values())
    return Coverage(
        by_age=matrix("age", themes, list(AGE_COLUMNS), programmes, ages_of),
        by_country=matrix("country", themes, countries, programmes, lambda p: p.countries),
        programmes=len(programmes),
        without_theme=sum(1 for p in programmes if not p.themes),
    )


def filter_values(directory: Directory) -> dict[str, list[str]]:
    """The values each filter offers: those some programme has, in the
    vocabulary's order, and 'not stated' for a status left out (as the index)."""
    programmes = directory.programmes.values()
    has = {
        "country": {c for p in programmes for c in p.countries},
        "kind": {p.kind for p in programmes},
        "status": {status_of(p) for p in programmes},
    }
    vocab = {"country": "countries", "kind": "kinds", "status": "statuses"}
    out = {}
    for facet in FILTER_FACETS:
        ordered = [t.id for t in directory.vocab.ordered(vocab[facet])]
        if facet == "status":
            ordered.append(NOT_STATED)
        out[facet] = [v for v in ordered if v in has[facet]]
    return out
