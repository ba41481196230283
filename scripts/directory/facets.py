"""The directory's facets: their names in a directory URL's order, and the
age bands a programme's stated ages fall in.

One definition for every consumer: the search index's facets
(search/build.py), the Coverage matrix (pictures/coverage.py) and its
filters' links (render/pictures.py). Their labels are interface words
(``search.facet.<name>``, ``search.age.<id>`` in render/locales)."""
from __future__ import annotations

FACETS = ("country", "region", "theme", "kind", "age", "status", "setting", "organisation", "language")

NOT_STATED = "not-stated"
AGE_BANDS = (  # id, first year, last year (None: open); labels: search.age.<id>
    ("0-3", 0, 3),
    ("4-6", 4, 6),
    ("7-12", 7, 12),
    ("13-17", 13, 17),
    ("18-plus", 18, None),
)
PRENATAL = "prenatal"


def age_bands(age_min: float | None, age_max: float | None, prenatal: bool) -> list[str]:
    """The bands of a target group's ages.

    A range is in band [a, b] when it overlaps it: age_min <= b and age_max
    >= a, age_min defaulting to 0 and age_max to no limit when only the other
    is given. A band's last year counts whole (3.5 is in "0-3"), so fractional
    ages fall in no gap. No ages stated (and not before birth): only
    "not-stated", never a guessed band."""
    bands = [PRENATAL] if prenatal else []
    if age_min is None and age_max is None:
        return bands or [NOT_STATED]
    lo = 0 if age_min is None else age_min
    hi = float("inf") if age_max is None else age_max
    for band, first, last in AGE_BANDS:
        if (last is None or lo < last + 1) and hi >= first:
            bands.append(band)
    return bands
