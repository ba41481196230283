"""Whatever values the schema's fields hold, the check answers with located
one-line messages, never an exception, and what it lets through builds.

Records are made with odd values where values go wrong: ids the site reserves
(or with a line break after them), dates with years from 0000 to 9999, line
breaks and spaces around them, digits of other scripts, bare integer years
of any size, and amounts and ages from huge negative to hundreds of digits.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory import model
from directory.schema.dates import PartialDate, parse
from directory.exports import export_json
from directory.render import Options, render_pages
from directory.validate import validate
from directory.validate.rules.reserved_ids import RECORDS

RULES = {"schema", "yaml", "yaml-syntax", "reserved-ids", "unique-ids", "partial-dates",
         "date-order", "age-range", "references", "review-due", "contact-age", "parent-cycles",
         "part-of-cycles", "parent-kind", "replaced-by", "english-summary", "number-format",
         "funding-pool", "derived", "template-text", "editor-schema"}

DIGITS = {"arabic-indic": "٠١٢٣٤٥٦٧٨٩", "devanagari": "०१२३४५६७८९", "fullwidth": "０１２３４５６７８９",
          "ascii": "0123456789"}


def _in_digits(text: str, script: str) -> str:
    return text.translate(str.maketrans("0123456789", DIGITS[script]))


@st.composite
def odd_dates(draw):
    """A date as an editor might get it wrong, or right."""
    if draw(st.integers(0, 5)) == 0:  # a bare integer year, of any size
        return draw(st.one_of(st.integers(-10_000, 10_000), st.integers(-10**400, 10**400)))
    year = draw(st.one_of(st.integers(0, 9999), st.integers(990, 1010), st.integers(2090, 2110)))
    text = f"{year:04d}"
    if draw(st.booleans()):
        text += f"-{draw(st.integers(0, 13)):02d}"
        if draw(st.booleans()):
            text += f"-{draw(st.integers(0, 32)):02d}"
    elif draw(st.integers(0, 4)) == 0:
        text = f"--{draw(st.integers(0, 13)):02d}-{draw(st.integers(0, 32)):02d}"
    text = _in_digits(text, draw(st.sampled_from(["ascii", "ascii", "ascii", *DIGITS])))
    around = st.sampled_from(["", "", "", "\n", " ", "\t", "\u2028", "\u3000", "\r\n"])
    return draw(around) + text + draw(around)


def _mostly(valid, odd):
    """``valid`` eleven times in twelve: most examples have one or two odd values
    among right ones, and about a third are right throughout and build a site."""
    return st.integers(0, 11).flatmap(lambda n: odd if n == 0 else valid)


NUMBERS = st.one_of(st.integers(-10, 200), st.integers(-10**400, 10**400),
                    st.integers(10**11, 10**13), st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from([10**12, 10**12 + 1, 0, 120, 121, -1, 10**308, 2**1024]))
IDS = st.one_of(st.sampled_from(sorted({i for ids in RECORDS.values() for i in ids})),
                st.sampled_from(["plan", "plan\n", " plan", "pl an", "plan\u2028", "by-theme", "a"]),
                st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}\Z"))


def _yaml(value) -> str:
    """A value as YAML reads it back: texts double-quoted with escapes (JSON's)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    return repr(value) if isinstance(value, float) else str(value)


PROGRAMME = """\
programmes:
  - id: {id}
    kind: action-plan
    original_language: nl
    name: {{nl: Actieplan}}
    summary: {{nl: Een plan., en: A plan.}}
    target_group: {{age_min: {age_min}, age_max: {age_max}}}
    period: {{start: {start}, end: {end}}}
    funding:
      - {{amount: {amount}, currency: EUR, period: {{start: {funded}}}}}
    evaluation: {{status: planned, due: {due}}}
    legal_basis:
      - {{text: {{en: A law}}, in_force: {in_force}}}
    milestones:
      - {{date: {milestone}, event: {{en: Start}}}}
    contacts: [{contact}]
    sources:
      - source: {source}
    last_reviewed: {reviewed}
"""

OTHERS = """\
contacts:
  - id: {contact}
    organisation: ocmw-gent
    source: {{source: {source}}}
sources:
  - id: {source}
    title: A source
    publisher: ocmw-gent
    language: nl
    date: {source_date}
"""

DATE_FIELDS = ("start", "end", "funded", "due", "in_force", "milestone", "source_date")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(st.fixed_dictionaries({
    "id": _mostly(st.sampled_from(["plan", "a1", "plan-2019"]), IDS),
    "contact": _mostly(st.sampled_from(["someone", "c-1"]), IDS),
    "source": _mostly(st.sampled_from(["a-source", "s-1"]), IDS),
    "age_min": _mostly(st.sampled_from([0, 1.5, 3]), NUMBERS),
    "age_max": _mostly(st.sampled_from([3, 12, 120]), NUMBERS),
    "amount": _mostly(st.sampled_from([0, 0.5, 250000, 10**12]), NUMBERS),
    "start": _mostly(st.sampled_from(["1000", 1683, "2018-01", "2018"]), odd_dates()),
    "end": _mostly(st.sampled_from(["2021", 2100, "2100-12-31", "2021-06"]), odd_dates()),
    **{name: _mostly(st.sampled_from(["2019", "2019-07-01", 2019, "--02-29", "1000", "2100-12"]), odd_dates())
       for name in DATE_FIELDS if name not in ("start", "end")},
    "reviewed": _mostly(st.sampled_from(["2026-11-23", "2100-12-31", "1000-01-01"]), odd_dates()),
}))
def test_odd_values_give_located_messages_or_a_site(data_folder, values):
    written = {k: _yaml(v) for k, v in values.items()}
    data_folder("programmes.yaml", PROGRAMME.format(**written))
    data_folder("more.yaml", OTHERS.format(**written))
    result = validate("data")
    for problem in result.problems:
        line = problem.format()
        assert "\n" not in line and "\r" not in line and "\u2028" not in line, line
        assert problem.path.startswith("data/") and problem.line >= 1 and problem.col >= 1, line
        assert problem.rule in RULES, line
    if not result.ok:
        return
    # what passed is what the pages can show: dates in range, amounts in bounds, no reserved id
    for name in DATE_FIELDS + ("reviewed",):
        assert isinstance(parse(values[name]), PartialDate), (name, values[name])
    assert 0 <= values["amount"] <= 10**12 and 0 <= values["age_min"] <= values["age_max"] <= 120
    for kind, key in (("programme", "id"), ("contact", "contact"), ("source", "source")):
        assert values[key] not in RECORDS[kind]
    directory = model.build(result.context)
    pages = render_pages(directory, Options())
    assert f"programmes/{values['id']}.md" in pages and pages["programmes/index.md"].startswith("# All records")
    assert json.loads(export_json(result.context))["programmes"][0]["id"] == values["id"]


@settings(max_examples=300, deadline=None)
@given(odd_dates())
def test_parse_answers_every_date(value):
    found = parse(value)
    assert isinstance(found, (PartialDate, str))
    if isinstance(found, str):
        assert "\n" not in found and "\u2028" not in found
    elif found.year is not None:
        assert 1000 <= found.year <= 2100
