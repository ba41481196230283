// The directory page's state in its URL (docs/assets/directory/url-state.js).
// Runs alone (node --test tests/js/url-state.test.mjs) or with the others
// through tests/unit/test_engine_js.py.
import {test} from "node:test";
import assert from "node:assert/strict";

import {MAX_PAGE, formatState, parseState, toggleValue} from "../../docs/assets/directory/url-state.js";

// as the engine gives them: facets and values in the index's order
const FACETS = [
  {name: "country", values: [{id: "BE"}, {id: "NL"}, {id: "DK"}]},
  {name: "theme", values: [{id: "foster-care"}, {id: "reunification"}, {id: "child-poverty"}]},
  {name: "organisation", values: [{id: "org-b"}, {id: "org-a"}, {id: "o&rg=1 ?#"}]},
];
const EMPTY = {q: "", filters: {}, page: 1};

test("an empty query string is the empty state, and back", () => {
  for (const search of ["", "?", "?q=", "?q=%20%20", "?page=1"]) assert.deepEqual(parseState(search, FACETS), EMPTY, search);
  assert.equal(formatState(EMPTY, FACETS), "");
});

test("text, filters and page", () => {
  const state = parseState("?q=pleeg&country=DK&theme=foster-care&theme=reunification&page=2", FACETS);
  assert.deepEqual(state, {q: "pleeg", filters: {country: ["DK"], theme: ["foster-care", "reunification"]}, page: 2});
  assert.equal(formatState(state, FACETS), "q=pleeg&country=DK&theme=foster-care&theme=reunification&page=2");
  assert.deepEqual(parseState("q=pleeg&country=DK", FACETS), parseState("?q=pleeg&country=DK", FACETS));
});

test("one list, one URL: values in the index's order, once, parameters in facet order", () => {
  const state = parseState("?theme=child-poverty&country=DK&theme=foster-care&country=BE&country=DK&q=x", FACETS);
  assert.deepEqual(state.filters, {country: ["BE", "DK"], theme: ["foster-care", "child-poverty"]});
  assert.equal(formatState(state, FACETS), "q=x&country=BE&country=DK&theme=foster-care&theme=child-poverty");
  const again = parseState(formatState(state, FACETS), FACETS);
  assert.deepEqual(again, state);
});

test("what the index does not know is left out", () => {
  assert.deepEqual(parseState("?country=XX&nonsense=1&theme=&utm_source=mail&Country=BE", FACETS), EMPTY);
  assert.deepEqual(parseState("?country=XX&country=NL", FACETS).filters, {country: ["NL"]});
  assert.deepEqual(parseState("?__proto__=x&constructor=y&toString=z", FACETS), EMPTY);
  // a state with a value the index lacks writes it anyway: only parsing filters
  assert.equal(formatState({q: "", filters: {country: ["NL"], other: ["x"]}, page: 1}, FACETS), "country=NL");
});

test("the page: a whole number from 1 to MAX_PAGE", () => {
  const page = (p) => parseState(`?page=${p}`, FACETS).page;
  assert.equal(MAX_PAGE, 50);
  assert.equal(page("3"), 3);
  assert.equal(page("50"), 50);
  assert.equal(page("51"), 50);
  assert.equal(page("99999999999999999999"), 50);
  for (const p of ["0", "-2", "x", "", "NaN", "Infinity"]) assert.equal(page(p), 1, p);
  assert.equal(page("2.9"), 2);
  assert.equal(page("7abc"), 7); // parseInt: the leading number
  assert.equal(formatState({...EMPTY, page: 1}, FACETS), "");
  assert.equal(formatState({...EMPTY, page: 4}, FACETS), "page=4");
});

test("text: trimmed, any characters, encoded both ways", () => {
  const q = "  café & co = 100% ?#/+ 💥 <b>  ";
  const search = formatState({q: q.trim(), filters: {organisation: ["o&rg=1 ?#"]}, page: 1}, FACETS);
  assert.ok(!search.includes("#") && !search.includes(" "), search);
  assert.deepEqual(parseState(search, FACETS), {q: q.trim(), filters: {organisation: ["o&rg=1 ?#"]}, page: 1});
  assert.equal(parseState("?q=+pleeg+zorg+", FACETS).q, "pleeg zorg");
  assert.equal(parseState("?q=%C2%A0x%E3%80%80", FACETS).q, "x", "no-break and ideographic spaces trimmed");
  assert.equal(parseState("?q=%E2%80%8B", FACETS).q, "\u200b", "a zero-width space is no white space: kept");
});

test("toggleValue: on and off, in the index's order, the facet gone when empty", () => {
  const [country, theme] = FACETS;
  let filters = {};
  filters = toggleValue(filters, country, "DK", true);
  filters = toggleValue(filters, country, "BE", true);
  filters = toggleValue(filters, theme, "reunification", true);
  assert.deepEqual(filters, {country: ["BE", "DK"], theme: ["reunification"]});
  const before = structuredClone(filters);
  const off = toggleValue(filters, country, "BE", false);
  assert.deepEqual(off, {country: ["DK"], theme: ["reunification"]});
  assert.deepEqual(filters, before, "the filters given are not changed");
  assert.deepEqual(toggleValue(off, country, "DK", false), {theme: ["reunification"]});
  assert.deepEqual(toggleValue(off, country, "DK", true), off, "on twice: once");
  assert.deepEqual(toggleValue({}, country, "XX", true), {}, "an unknown value");
});
