"""The pictures' models: coverage (age bands, countries, filters), the
timeline (partial dates, open periods, events, rows, axis, aggregation) and
the geometry of both drawings (directory.pictures)."""
from __future__ import annotations

import datetime as dt

import pytest

from directory.pictures import coverage as cov, draw, timeline as tl
from directory.schema.dates import PartialDate
from support import directory_of

TODAY = dt.date(2026, 11, 23)


def record(pid: str, extra: str = "", kind: str = "programme") -> str:
    lines = [f"  - id: {pid}", f"    kind: {kind}", "    original_language: en",
             f"    name: {{en: {pid.title()}}}", "    summary: {en: A summary.}"]
    lines += [f"    {line}" for line in extra.strip().splitlines()] if extra.strip() else []
    lines += ["    sources: [{source: doc-a}]", '    last_reviewed: "2026-11-23"']
    return "\n".join(lines)


def directory(tmp_path, *records: str):
    return directory_of(tmp_path / "data", "programmes:\n" + "\n\n".join(records) + "\n")


# -- coverage: the age bands are the search index's --------------------------------------

AGES = [  # target group -> the age columns it counts in
    ("{age_min: 0, age_max: 3}", ["0-3"]),
    ("{age_min: 3, age_max: 4}", ["0-3", "4-6"]),  # a band's first and last years count whole
    ("{age_min: 3.5, age_max: 3.5}", ["0-3"]),  # 3.5 is still "3": no age falls in a gap
    ("{age_min: 6.5, age_max: 7}", ["4-6", "7-12"]),
    ("{age_min: 2, age_max: 2}", ["0-3"]),
    ("{age_min: 13}", ["13-17", "18-plus"]),  # no upper age: every band from 13 on
    ("{age_max: 5}", ["0-3", "4-6"]),  # no lower age: from 0
    ("{age_min: 18, age_max: 25}", ["18-plus"]),
    ("{prenatal: true}", ["prenatal"]),  # before birth only: not 'not stated'
    ("{prenatal: true, age_min: 0, age_max: 6}", ["prenatal", "0-3", "4-6"]),
    ("{who: [children]}", ["not-stated"]),  # no age stated: only 'not stated', never a guess
    (None, ["not-stated"]),
]


@pytest.mark.parametrize("target, columns", AGES, ids=[str(a) for a, _ in AGES])
def test_a_programme_counts_in_every_band_its_ages_overlap_and_only_there(tmp_path, target, columns):
    extra = "themes: [foster-care]" + (f"\ntarget_group: {target}" if target else "")
    d = directory(tmp_path, record("pp", extra))
    m = cov.coverage(d).by_age
    assert m.columns == ["prenatal", "0-3", "4-6", "7-12", "13-17", "18-plus", "not-stated"]
    counted = [c for c in m.columns if m.count("foster-care", c)]
    assert counted == columns
    assert all(m.count("foster-care", c) == 1 for c in counted)
    assert m.totals["foster-care"] == 1
    assert cov.ages_of(d.programmes["pp"]) == columns  # the search index's own values


def test_the_matrices_count_each_theme_band_and_country_once_a_programme(tmp_path):
    d = directory(
        tmp_path,
        record("aa", "countries: [BE, DK]\ntarget_group: {age_min: 0, age_max: 12}\nthemes: [foster-care, siblings]"),
        record("bb", "countries: [DK]\ntarget_group: {age_min: 4, age_max: 6}\nthemes: [foster-care]\nstatus: active"),
        record("cc", "countries: [NL]"),  # no theme: in no row
    )
    c = cov.coverage(d)
    ages, countries = c.by_age, c.by_country
    assert ages.rows == [t.id for t in d.vocab.ordered("themes")]  # every theme: an empty row is a finding
    assert (ages.count("foster-care", "0-3"), ages.count("foster-care", "4-6"),
            ages.count("foster-care", "7-12")) == (1, 2, 1)
    assert ages.count("siblings", "4-6") == 1 and ages.count("siblings", "not-stated") == 0
    assert ages.totals == {**dict.fromkeys(ages.rows, 0), "foster-care": 2, "siblings": 1}
    assert countries.columns == ["BE", "NL", "DK"]
    assert [countries.count("foster-care", x) for x in countries.columns] == [1, 0, 2]
    assert countries.count("siblings", "DK") == 1
    assert ages.most == 2 and countries.most == 2
    assert ages.gaps == len(ages.rows) * len(ages.columns) - 6  # foster care and siblings: 0-3, 4-6, 7-12
    assert (c.programmes, c.without_theme) == (3, 1)
    # the filters offer the values the data has, as the index lists them
    assert cov.filter_values(d) == {"country": ["BE", "NL", "DK"], "kind": ["programme"],
                                    "status": ["active", "not-stated"]}


# -- the timeline: a date covers what it states ----------------------------------------------

def year(y: float) -> float:
    return y


@pytest.mark.parametrize("date, span", [
    (PartialDate(2019), (2019.0, 2020.0)),  # a year: the whole year
    (PartialDate(2019, 7), (2019 + 181 / 365, 2019 + 212 / 365)),  # July: its first to its last day
    (PartialDate(2020, 2), (2020 + 31 / 366, 2020 + 60 / 366)),  # a leap February: 29 days
    (PartialDate(2019, 12), (2019 + 334 / 365, 2020.0)),
    (PartialDate(2019, 7, 1), (2019 + 181 / 365, 2019 + 182 / 365)),  # a day: that day
    (PartialDate(2019, 12, 31), (2019 + 364 / 365, 2020.0)),
    (PartialDate(None, 2, 2), None),  # --02-02: no year, no place on the axis
    (None, None),
])
def test_a_date_covers_the_time_it_states(date, span):
    got = tl.date_span(date)
    if span is None:
        assert got is None
    else:
        assert got == pytest.approx(span)


def test_a_period_runs_from_the_start_of_its_start_to_the_end_of_its_end():
    assert tl.period_span(PartialDate(2018), PartialDate(2021, 6)) == tl.Span(2018.0, pytest.approx(2021 + 181 / 365))
    # an open side stays open, never closed at a guessed date
    assert tl.period_span(PartialDate(2019), None) == tl.Span(2019.0, None)
    assert tl.period_span(None, PartialDate(2021)) == tl.Span(None, 2022.0)
    assert tl.period_span(None, None) is None
    span = tl.period_span(PartialDate(2019, 7), None)
    assert (span.first, span.last) == (PartialDate(2019, 7), None)  # the dates as stated, for the words
    # an open side's picture starts or ends with the stated side's whole date
    assert (span.earliest, span.latest) == (pytest.approx(2019.5, abs=0.01), pytest.approx(2019 + 212 / 365))
    span = tl.period_span(None, PartialDate(2015))
    assert (span.earliest, span.latest) == (2015.0, 2016.0)


def test_a_row_holds_the_period_funding_and_dated_events_and_lists_the_undated(tmp_path):
    d = directory(tmp_path, record("pp", """
period: {start: "2018"}
funding:
  - {amount: 10, currency: EUR, period: {start: "2018", end: "2020-06"}}
  - {amount: 20, currency: EUR}
evaluation: {status: planned, due: "2023"}
legal_basis:
  - {text: {en: A law}, in_force: "2019-07-01"}
  - {text: {en: No date}}
milestones:
  - {date: "--02-02", event: {en: Approved}}
  - {date: "2019-03", event: {en: Started}}
"""))
    r = tl.row(d.programmes["pp"])
    assert r.period == tl.Span(2018.0, None)  # the end is not stated: open
    assert r.funding == [tl.Span(2018.0, pytest.approx(2020.5, abs=0.01))]  # to the end of June 2020
    assert [(e.kind, e.date.iso()) for e in r.events] == [
        ("milestone", "2019-03"), ("law", "2019-07-01"), ("evaluation", "2023")]  # in time order
    assert [(e.kind, e.date.iso()) for e in r.undated] == [("milestone", "--02-02")]
    assert r.drawn and r.stated and r.open_end and not r.open_start
    assert (r.earliest, r.latest) == (2018.0, 2024.0)


def test_a_record_without_a_dated_fact_is_not_drawn(tmp_path):
    d = directory(tmp_path, record("pp", 'milestones: [{date: "--02-02", event: {en: x}}]'), record("qq"))
    assert not tl.row(d.programmes["pp"]).drawn and not tl.row(d.programmes["qq"]).drawn
    timeline = tl.timeline(d, TODAY)
    assert timeline.groups == [] and timeline.drawn == 0
    assert [(p.id, e.date.iso()) for p, e in timeline.undated] == [("pp", "--02-02")]


def test_the_axis_runs_from_the_first_stated_year_to_the_last_and_to_today_for_an_open_end(tmp_path):
    d = directory(tmp_path,
                  record("closed", 'period: {start: "2014", end: "2016"}'),
                  record("open-end", 'period: {start: "2019-07"}'),
                  record("open-start", 'period: {end: "2015"}'))
    rows = {p: tl.row(d.programmes[p]) for p in ("closed", "open-end", "open-start")}
    assert tl.axis([rows["closed"]], TODAY) == tl.Axis(2014, 2017, (2014, 2015, 2016, 2017), tl.position(TODAY))
    a = tl.axis([rows["closed"], rows["open-end"]], TODAY)
    assert (a.lo, a.hi) == (2014, 2027)  # up to today (2026-11-23), whole years
    a = tl.axis([rows["open-start"]], TODAY)
    assert (a.lo, a.hi) == (2014, 2016)  # a year before the first date, to draw the start open
    assert tl.axis([], TODAY).lo == 2026
    long = tl.Axis(1990, 2026, tuple(range(1990, 2027, 5)), 0)
    assert tl.axis([tl.Row(d.programmes["closed"], tl.Span(1990.0, 2026.0), [], [], [])], TODAY).ticks == long.ticks


def test_an_open_end_is_drawn_up_to_today_and_open_past_it(tmp_path):
    d = directory(tmp_path, record("pp", 'period: {start: "2019"}'), record("qq", 'period: {start: "2030"}'))
    rows = [tl.row(d.programmes[x]) for x in ("pp", "qq")]
    axis = tl.axis(rows, TODAY)
    assert tl.open_end_until(rows[0].period, axis) == pytest.approx(tl.position(TODAY))
    assert tl.open_end_until(rows[1].period, axis) == 2031.0  # a start ahead: a year, then open
    drawing = draw.timeline_drawing(rows, axis, ["P", "Q"])
    bar = drawing.rows[0].bar
    assert bar.open_end and not bar.open_start
    assert bar.x1 == drawing.today  # the bar stops at today
    (line, arrow), = bar.open_parts()  # and goes on dashed, with an arrow
    assert line[0] == bar.x1 and line[2] > bar.x1
    assert arrow.split()[1].split(",")[0] == str(draw.r1(bar.x1 + draw.OPEN_TAIL))


def test_a_year_only_start_and_end_draw_the_whole_years(tmp_path):
    d = directory(tmp_path, record("pp", """
period: {start: "2018", end: "2021"}
evaluation: {due: "2023"}
legal_basis: [{text: {en: A law}, in_force: "2019-07-01"}]
"""))
    r = tl.row(d.programmes["pp"])
    axis = tl.axis([r], TODAY)
    assert (axis.lo, axis.hi) == (2018, 2024)
    drawing = draw.timeline_drawing([r], axis, ["P"])
    x = dict(drawing.ticks)
    bar = drawing.rows[0].bar
    assert (bar.x0, bar.x1) == (x[2018], x[2022])  # 2018 to the end of 2021
    evaluation, = [m for m in drawing.rows[0].marks if m.kind == "evaluation"]
    assert (evaluation.x0, evaluation.x1) == (x[2023], x[2024]) and evaluation.ranged
    law, = [m for m in drawing.rows[0].marks if m.kind == "law"]
    assert not law.ranged and x[2019] < law.x < (x[2019] + x[2020]) / 2 + 1


def test_the_timeline_groups_by_country_and_aggregates_a_large_country_by_organisation(tmp_path):
    d = directory(
        tmp_path,
        record("aa", 'countries: [DK]\norganisations: [{id: org-dk, role: lead}]\nperiod: {start: "2019"}'),
        record("bb", 'countries: [DK]\norganisations: [{id: org-dk, role: lead}, {id: org-nl, role: partner}]\n'
                    'period: {start: "2015", end: "2017"}'),
        record("cc", 'countries: [DK, BE]\nperiod: {start: "2016", end: "2016-06"}'),
        record("dd", 'evaluation: {due: "2024"}'),  # no country, an event only
    )
    timeline = tl.timeline(d, TODAY)
    assert [(g.id, [r.programme.id for r in g.rows]) for g in timeline.groups] == [
        ("be", ["cc"]), ("dk", ["bb", "cc", "aa"]), ("no-country", ["dd"])]  # by first date
    assert not any(g.aggregated for g in timeline.groups)
    assert timeline.drawn == 4
    dk = tl.timeline(d, TODAY, max_rows=2).groups[1]
    assert dk.aggregated
    assert [(o.organisation.id if o.organisation else None, [r.programme.id for r in o.rows])
            for o in dk.by_organisation] == [("org-dk", ["bb", "aa"]), ("org-nl", ["bb"]), (None, ["cc"])]
    org_dk = dk.by_organisation[0]
    assert org_dk.span == tl.Span(2015.0, None)  # aa's end is open
    assert (org_dk.first_year, org_dk.last_year, org_dk.stated) == (2015, None, True)
    assert (dk.by_organisation[1].first_year, dk.by_organisation[1].last_year) == (2015, 2017)


def test_a_programme_page_draws_the_programme_and_its_parts_up_to_a_limit(tmp_path):
    parts = [record(f"part-{k}", f'parent: plan\nperiod: {{start: "{2010 + k}"}}', kind="action")
             for k in range(5)]
    d = directory(tmp_path, record("plan", "", kind="action-plan"), *parts,
                  record("lonely", 'evaluation: {due: "2024"}'))
    small = tl.programme_timeline(d.programmes["plan"], TODAY, limit=3)
    # the plan states no date itself: its parts, by their first date, up to the limit
    assert [r.programme.id for r in small.rows] == ["part-0", "part-1", "part-2"]
    assert small.more == 2
    own = tl.programme_timeline(d.programmes["part-3"], TODAY)
    assert [r.programme.id for r in own.rows] == ["part-3"]
    # a record with an event but no period has no timeline of its own
    assert tl.programme_timeline(d.programmes["lonely"], TODAY) is None


def test_an_organisation_page_draws_its_programmes(tmp_path):
    d = directory(tmp_path,
                  record("aa", 'organisations: [{id: org-dk, role: lead}]\nperiod: {start: "2019"}'),
                  record("bb", 'organisations: [{id: org-dk, role: funder}, {id: org-dk, role: lead}]\n'
                              'period: {start: "2015", end: "2017"}'),
                  record("cc", 'organisations: [{id: org-nl, role: lead}]\nevaluation: {due: "2024"}'))
    small = tl.organisation_timeline(d, d.organisations["org-dk"], TODAY)
    assert [r.programme.id for r in small.rows] == ["bb", "aa"]  # once each
    assert tl.organisation_timeline(d, d.organisations["org-nl"], TODAY) is None


# -- the drawings' geometry --------------------------------------------------------------------

# shared with tests/js/pictures.test.mjs: coverage.js shades as draw.level
LEVELS = [(0, 0, 0), (0, 5, 0), (1, 1, 4), (1, 4, 1), (1, 5, 1), (2, 5, 2), (3, 5, 3), (4, 5, 4), (5, 5, 4),
          (1, 100, 1), (25, 100, 1), (26, 100, 2), (50, 100, 2), (51, 100, 3), (75, 100, 3), (76, 100, 4)]


@pytest.mark.parametrize("n, most, shade", LEVELS)
def test_a_cell_is_shaded_by_quarters_of_the_largest(n, most, shade):
    assert draw.level(n, most) == shade


def test_labels_are_shortened_to_their_room():
    assert draw.fit("Foster care", 200) == "Foster care"
    assert draw.fit("A very long name of a programme that runs on", 66) == "A very lo…"
    assert draw.fit("  spaces   folded ", 200) == "spaces folded"
    assert draw.wrap("Before birth", 70) == ["Before", "birth"]
    assert draw.wrap("Not stated", 80) == ["Not stated"]
    assert draw.wrap("one two three four five", 40, lines=2) == ["one", "two t…"]
    assert draw.r1(2.0) == 2 and draw.r1(2.25) == 2.2 and draw.r1(1 / 3) == 0.3


def test_a_matrix_drawing_places_every_cell(tmp_path):
    d = directory(tmp_path, record("aa", "themes: [foster-care]\ntarget_group: {age_min: 0, age_max: 3}"))
    m = cov.coverage(d).by_age
    labels = {r: r for r in m.rows}
    drawing = draw.matrix_drawing(m, labels, {c: c for c in m.columns})
    assert len(drawing.cells) == len(m.rows) * len(m.columns)
    cell, = [c for c in drawing.cells if c.count]
    assert (cell.row, cell.column, cell.level) == ("foster-care", "0-3", 4)
    assert {c.level for c in drawing.cells if not c.count} == {0}
    assert drawing.width >= max(c.x for c in drawing.cells) + drawing.cell_w
    assert drawing.height >= max(c.y for c in drawing.cells) + drawing.cell_h
