// The search engine against indexes that tests/unit/test_engine_js.py builds:
// ENGINE_FIXTURE_INDEX (nine records, see PROGRAMMES there) and
// ENGINE_REAL_INDEX (the real data). Run through that wrapper:
//   .venv/bin/python -m pytest tests/unit/test_engine_js.py
import {test} from "node:test";
import assert from "node:assert/strict";

import {queryWords} from "../../docs/assets/directory/engine.js";
import {ids, open} from "./support.mjs";

const FIXTURE = process.env.ENGINE_FIXTURE_INDEX;
const REAL = process.env.ENGINE_REAL_INDEX;
const skip = FIXTURE && REAL ? false : "run through tests/unit/test_engine_js.py";

// Names in display (name) order, and record ids by name.
const ORDER = ["aanpak", "born", "course", "families", "gezin", "kurser", "kurset", "pleeggezin", "zorg"];
// The records with a theme, whose labels are words of them too
const FOSTER_CARE = ["aanpak", "born", "course", "kurser", "pleeggezin"]; // Pleegzorg, Plejefamilier
const FAMILY_STRENGTHENING = ["families", "gezin"]; // Family strengthening, Styrkelse af familier

const sorted = (list) => [...list].sort();

async function find(index, text, more = {}) {
  return index.search({text, limit: 100, ...more});
}

test("the manifest: records and facets in display order", {skip}, async () => {
  const {index} = await open(FIXTURE);
  assert.equal(index.count, 9);
  assert.deepEqual(index.facets.map(f => f.name),
    ["country", "region", "theme", "kind", "age", "status", "setting", "organisation", "language"]);
  const country = index.facets.find(f => f.name === "country");
  assert.deepEqual(country.values.map(v => [v.id, v.total]), [["BE", 3], ["NL", 3], ["DK", 4]]);
  assert.equal(country.values[0].label, "Belgium");
  const age = index.facets.find(f => f.name === "age");
  assert.deepEqual(age.values.map(v => [v.id, v.total]),
    [["prenatal", 1], ["0-3", 1], ["4-6", 1], ["7-12", 1], ["18-plus", 1], ["not-stated", 5]]);
  const org = index.facets.find(f => f.name === "organisation");
  assert.deepEqual(org.values.map(v => [v.id, v.label, v.lang, v.total]),
    [["org-dk", "Kommune DK", "da", 3], ["org-nl", "Organisatie NL", "nl", 4]]);
});

test("no text, no filters: every record in name order, counts are the totals", {skip}, async () => {
  const {index, fetched} = await open(FIXTURE);
  const result = await index.search({limit: 20});
  assert.equal(result.total, 9);
  assert.deepEqual(ids(result), ORDER);
  for (const f of index.facets) {
    assert.deepEqual(result.counts[f.name], Object.fromEntries(f.values.map(v => [v.id, v.total])));
  }
  // no facet data, no text shard
  assert.ok(fetched[0] === "manifest.json" && fetched.slice(1).every(f => f.startsWith("meta/")), fetched.join());
});

test("stemming: each form finds the records of its stem's other forms", {skip}, async () => {
  const {index} = await open(FIXTURE);
  // [records with a form of its stem in their texts, records that have it only in a term's label]
  const cases = {
    plejefamilie: [["born", "kurser"], ["aanpak", "course", "pleeggezin"]], // plejefamilierne (da); Plejefamilier
    pleeggezinnen: [["aanpak", "pleeggezin"], []], // pleeggezin (nl)
    gezinnen: [["aanpak", "gezin", "zorg"], []], // gezin (nl)
    families: [["course", "families"], ["gezin"]], // family (en); Family strengthening
    kurset: [["kurser", "kurset"], []], // kurser (da)
  };
  for (const [word, [text, labels]] of Object.entries(cases)) {
    for (const query of [word, `${word} the`]) {
      // not only as the last word, which also matches as a prefix ("the" is
      // a stop word that begins no form here, so it is ignored)
      const found = ids(await find(index, query));
      assert.deepEqual(sorted(found), sorted([...text, ...labels]), query);
      assert.deepEqual(sorted(found.slice(0, text.length)), text, `${query}: the texts first`);
    }
  }
});

test("words: AND, the last also as a prefix, an unknown form falls back to a prefix", {skip}, async () => {
  const {index} = await open(FIXTURE);
  assert.deepEqual(ids(await find(index, "kurser plejefamilie")), ["kurser"]);
  // the names with "pleeg...", then the theme whose Dutch label is "Pleegzorg"
  assert.deepEqual(ids(await find(index, "pleeg")), ["aanpak", "pleeggezin", "born", "course", "kurser"]);
  // "foster" and "care..." in the name, then in the label "Foster care"
  assert.deepEqual(ids(await find(index, "foster car")), ["course", "aanpak", "born", "kurser", "pleeggezin"]);
  assert.deepEqual(ids(await find(index, "kurs plejefamilie")), ["kurser"]); // "kurs" is no form: prefix
  // "kurserne" is no form and begins none: the forms sharing all but its last two letters
  assert.deepEqual(sorted(ids(await find(index, "kurserne the"))), ["kurser", "kurset"]);
  assert.deepEqual(sorted(ids(await find(index, "kurserne"))), ["kurser", "kurset"]);
  assert.deepEqual(ids(await find(index, "de gezinnen")), ids(await find(index, "gezinnen"))); // stop word
  assert.deepEqual(ids(await find(index, "GEZINNEN")), ids(await find(index, "gezinnen")));
  assert.deepEqual(ids(await find(index, "geevalueerd")), ["pleeggezin"]); // without the diaeresis
  assert.deepEqual(ids(await find(index, "geëvalueerd")), ["pleeggezin"]);
  assert.equal((await find(index, "trauma")).total, 0, "links are not indexed");
});

test("an unknown word gives no results, not an error", {skip}, async () => {
  const {index} = await open(FIXTURE);
  for (const text of ["xyzzy", "gezinnen xyzzy", "xyzzy gezinnen"]) {
    const result = await find(index, text, {filters: {country: ["BE"]}});
    assert.equal(result.total, 0, text);
    assert.deepEqual(result.results, []);
    for (const f of index.facets) for (const v of f.values) assert.equal(result.counts[f.name][v.id], 0);
  }
});

test("special characters in queries are safe", {skip}, async () => {
  const {index} = await open(FIXTURE);
  const nasty = ["<script>alert(1)</script>", "'\"; DROP TABLE", ".*+?^${}()|[]\\", "%00 \u0000 \uffff",
    "\ud800", "💥🦄", "__proto__ constructor", "toString", "a".repeat(10000), "gezin".repeat(50) + " ".repeat(50),
    Array(200).fill("gezin").join(" "), "\u202e\u200b", "-", "*", "?"];
  for (const text of nasty) {
    const result = await find(index, text);
    assert.ok(Number.isInteger(result.total) && result.total >= 0 && result.total <= 9, text);
    assert.equal(result.results.length, result.total, text);
  }
  assert.equal((await find(index, "((( )))")).total, 9, "no words: all records");
  assert.equal((await find(index, "__proto__")).total, 0);
  assert.equal((await index.search({text: null, filters: null})).total, 9);
});

test("filters: OR within a facet, AND across facets and with the text", {skip}, async () => {
  const {index} = await open(FIXTURE);
  const where = (filters, text = "") => find(index, text, {filters}).then(ids);
  assert.deepEqual(await where({country: ["DK"]}), ["born", "course", "kurser", "kurset"]);
  assert.deepEqual(await where({country: "DK"}), ["born", "course", "kurser", "kurset"]);
  assert.deepEqual(await where({country: ["DK", "BE"]}),
    ["born", "course", "families", "gezin", "kurser", "kurset", "pleeggezin"]);
  assert.deepEqual(await where({country: ["DK"], theme: ["foster-care"]}), ["born", "course", "kurser"]);
  assert.deepEqual(await where({country: ["DK"], theme: ["foster-care", "parenting-support"]}),
    ["born", "course", "kurser", "kurset"]);
  assert.deepEqual(await where({country: ["DK"]}, "kurset"), ["kurser", "kurset"]);
  assert.deepEqual(await where({country: ["NL"]}, "kurset"), []);
  assert.deepEqual(await where({age: ["not-stated"], status: ["not-stated"]}),
    ["course", "kurser", "kurset", "pleeggezin", "zorg"]);
  assert.deepEqual(await where({age: ["0-3", "prenatal"]}), ["born", "gezin"]);
  assert.deepEqual(await where({organisation: ["org-nl"], kind: ["programme"]}), ["aanpak", "zorg"]);
  assert.deepEqual(await where({language: ["en"]}), ["course", "families"]);
  assert.deepEqual(await where({region: ["BE-VLG"], setting: ["home-based"]}), ["gezin"]);
  assert.deepEqual(await where({country: ["XX"]}), [], "an unknown value matches nothing");
  assert.deepEqual(await where({country: []}), ORDER, "no values: no filter");
  assert.deepEqual(await where({nonsense: ["x"]}), ORDER, "an unknown facet is ignored");
});

test("counts: each facet's own filter removed", {skip}, async () => {
  const {index} = await open(FIXTURE);
  const result = await index.search({filters: {country: ["DK"], theme: ["foster-care"]}});
  assert.equal(result.total, 3);
  // countries of the foster-care records (the country filter itself removed)
  assert.deepEqual(result.counts.country, {BE: 1, NL: 1, DK: 3});
  // themes of the DK records (the theme filter removed)
  assert.deepEqual(result.counts.theme,
    {"family-strengthening": 0, "foster-care": 3, "child-poverty": 0, "parenting-support": 2});
  // other facets: the whole selection
  assert.deepEqual(result.counts.kind, {programme: 0, pilot: 0, initiative: 1, course: 2});
  assert.deepEqual(result.counts.organisation, {"org-dk": 2, "org-nl": 0});
  const text = await index.search({text: "gezinnen", filters: {country: ["BE"]}});
  assert.deepEqual(text.counts.country, {BE: 1, NL: 2, DK: 0});
  assert.equal(text.total, 1);
});

test("ordering: by score (name, summary, elsewhere), then name; paging", {skip}, async () => {
  const {index} = await open(FIXTURE);
  // gezin and zorg have the stem in their names, aanpak in its summary
  assert.deepEqual(ids(await find(index, "gezinnen")), ["gezin", "zorg", "aanpak"]);
  assert.deepEqual(ids(await index.search({text: "gezinnen", offset: 1, limit: 1})), ["zorg"]);
  assert.deepEqual(ids(await find(index, "kurser")), ["kurser", "kurset"]);
  const pages = [];
  for (let offset = 0; offset < 9; offset += 2) {
    const page = await index.search({offset, limit: 2});
    assert.equal(page.total, 9);
    pages.push(...ids(page));
  }
  assert.deepEqual(pages, ORDER);
  assert.deepEqual((await index.search({offset: 9, limit: 5})).results, []);
  assert.deepEqual((await index.search({offset: 100})).results, []);
  assert.deepEqual((await index.search({limit: 0})).results, []);
  assert.deepEqual(ids(await index.search({offset: -3, limit: 1})), ["aanpak"]);
});

test("results: display data, URLs under the site's sub-path", {skip}, async () => {
  const {index, base} = await open(FIXTURE);
  const [gezin] = (await find(index, "centraal")).results;
  assert.deepEqual({...gezin, id: undefined}, {
    id: undefined,
    url: new URL("../programmes/gezin/", base).href, path: "programmes/gezin/",
    name: "Gezin centraal", lang: "nl", nameEn: "The household first",
    kind: "pilot", kindLabel: "Pilot",
    summary: "Help at home.", summaryLang: "en",
    countries: ["Belgium"], countryIds: ["BE"],
    reasons: [],
  });
  const [aanpak] = (await find(index, "aanpak")).results;
  assert.equal(aanpak.nameEn, null);
  assert.equal(aanpak.summaryLang, "nl");
});

test("loads lazily: text shards only for text, facet data only for filters or counts", {skip}, async () => {
  {
    const {index, fetched} = await open(FIXTURE);
    await index.search({text: "gezin", counts: false});
    assert.ok(!fetched.includes("facets.bin"), fetched.join());
    assert.ok(fetched.some(f => f.startsWith("text/")), fetched.join());
  }
  {
    const {index, fetched} = await open(FIXTURE);
    await index.search({filters: {country: ["BE"]}});
    assert.ok(fetched.includes("facets.bin"));
    assert.ok(!fetched.some(f => f.startsWith("text/") || f.startsWith("wide/")), fetched.join());
  }
  {
    const {index, fetched} = await open(FIXTURE);
    await Promise.all([index.search({text: "gezin"}), index.search({text: "gezin"})]);
    assert.equal(new Set(fetched).size, fetched.length, `each file once: ${fetched.join()}`);
  }
});

test("a category typed as words finds its records, and the results say why", {skip}, async () => {
  const {index} = await open(FIXTURE);
  for (const query of ["pleegzorg", "Plejefamilier", "foster care", "FOSTER"]) {
    const result = await find(index, query);
    assert.deepEqual(sorted(ids(result)), FOSTER_CARE, query);
    for (const r of result.results) {
      assert.deepEqual(r.reasons, [{group: "theme", id: "foster-care", label: "Foster care"}], `${query}: ${r.name}`);
    }
  }
  // ranked with the other matches: the name first, the theme's label as a summary
  assert.deepEqual(ids(await find(index, "gezin")), ["gezin", "zorg", "aanpak"]);
  const strengthening = await find(index, "styrkelse");
  assert.deepEqual(ids(strengthening), FAMILY_STRENGTHENING);
  // a query word's own records come first; a term reason only where a word matched the label
  const gezinnen = await find(index, "gezinnen");
  assert.ok(gezinnen.results.every(r => r.reasons.length === 0));
  // kinds and settings too
  assert.deepEqual(ids(await find(index, "pilootproject")), ["gezin"]);
  assert.deepEqual((await find(index, "pilootprojecten")).results[0].reasons,
    [{group: "kind", id: "pilot", label: "Pilot"}]);
  assert.deepEqual(ids(await find(index, "undervisning")), ["course"]); // setting training (da)
  // the reasons of a record: every matched term it carries, once
  const [course] = (await find(index, "foster care training")).results;
  assert.deepEqual(course.reasons.map(r => r.id), ["foster-care", "training"]);
  // a word being typed names no term before it has COMPOUND_MIN letters
  assert.ok((await find(index, "ple")).results.every(r => r.reasons.length === 0));
  assert.ok((await find(index, "pleeg")).results.some(r => r.reasons.length === 1));
});

test("labels in the reader's language, English where it has none", {skip}, async () => {
  for (const [lang, theme, be, notStated, pilot, reasons] of [
    ["nl", "Thema", "België", "Niet vermeld", "Pilootproject", ["Pleegzorg", "Kinderen"]],
    ["da", "Tema", "Belgien", "Ikke oplyst", "Pilotprojekt", ["Plejefamilier", "Børn"]],
    ["en", "Theme", "Belgium", "Not stated", "Pilot", ["Foster care", "Children"]],
    ["xx", "Theme", "Belgium", "Not stated", "Pilot", ["Foster care", "Children"]],
  ]) {
    const {index} = await open(FIXTURE, {lang});
    assert.equal(index.lang, lang === "xx" ? "en" : lang);
    const facet = (name) => index.facets.find(f => f.name === name);
    assert.equal(facet("theme").label, theme);
    assert.equal(facet("country").values.find(v => v.id === "BE").label, be);
    assert.equal(facet("age").values.find(v => v.id === "not-stated").label, notStated);
    assert.ok(facet("country").values.every(v => v.lang === undefined), "labels in the reader's language");
    // organisations keep their names, in their language
    assert.deepEqual(facet("organisation").values.map(v => [v.label, v.lang]), [["Kommune DK", "da"], ["Organisatie NL", "nl"]]);
    const [gezin] = (await find(index, "centraal")).results;
    assert.equal(gezin.kindLabel, pilot);
    assert.deepEqual(gezin.countries, [be]);
    // "børn" is also the Danish label of the target group Children
    const [born] = (await find(index, "børn plejefamilier")).results;
    assert.deepEqual(born.reasons.map(r => r.label), reasons);
  }
});

test("result URLs: the pages option places them, the index is the same", {skip}, async () => {
  const {index, base} = await open(FIXTURE, {lang: "nl", pages: (languages) => {
    assert.deepEqual(languages, ["en", "nl", "da"]);
    return "nl/";
  }});
  const [gezin] = (await find(index, "centraal")).results;
  assert.equal(gezin.url, new URL("../nl/programmes/gezin/", base).href);
  assert.equal(gezin.path, "programmes/gezin/");
});

test("queryWords: lowercased NFC runs of letters and digits", () => {
  assert.deepEqual(queryWords("Pleeg-Gezin, 0–3 jaar; café"), ["pleeg", "gezin", "0", "3", "jaar", "café"]);
  assert.deepEqual(queryWords("cafe\u0301"), ["café"]);
  assert.deepEqual(queryWords(undefined), []);
});

test("real data: every record reachable, filter totals agree with the manifest", {skip}, async () => {
  const {index} = await open(REAL);
  const seen = [];
  for (let offset = 0; offset < index.count; offset += 25) {
    seen.push(...(await index.search({offset, limit: 25, counts: false})).results.map(r => r.url));
  }
  assert.equal(seen.length, index.count);
  assert.equal(new Set(seen).size, index.count);
  for (const f of index.facets) {
    for (const v of f.values) {
      const result = await index.search({filters: {[f.name]: [v.id]}, limit: 0});
      assert.equal(result.total, v.total, `${f.name}=${v.id}`);
      assert.equal(result.counts[f.name][v.id], v.total);
    }
  }
  const result = await index.search({text: "kompetencekursus"});
  assert.ok(result.total >= 1);
  // issue 12: "early childhood" found nothing, though records have the theme Early childhood
  const early = index.facets.find(f => f.name === "theme").values.find(v => v.id === "early-childhood");
  for (const text of ["early childhood", "jonge kinderen", "småbørn"]) {
    const found = await index.search({text, filters: {theme: ["early-childhood"]}, limit: 0, counts: false});
    assert.equal(found.total, early.total, text);
  }
});
