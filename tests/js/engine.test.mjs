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
  const cases = {
    plejefamilie: ["born", "kurser"], // plejefamilierne (da)
    pleeggezinnen: ["aanpak", "pleeggezin"], // pleeggezin (nl)
    gezinnen: ["aanpak", "gezin", "zorg"], // gezin (nl)
    families: ["course", "families"], // family (en)
    kurset: ["kurser", "kurset"], // kurser (da)
  };
  for (const [word, expected] of Object.entries(cases)) {
    assert.deepEqual(sorted(ids(await find(index, word))), expected, word);
    // not only as the last word, which also matches as a prefix ("the" is
    // a stop word that begins no form here, so it is ignored)
    assert.deepEqual(sorted(ids(await find(index, `${word} the`))), expected, `${word} the`);
  }
});

test("words: AND, the last also as a prefix, an unknown form falls back to a prefix", {skip}, async () => {
  const {index} = await open(FIXTURE);
  assert.deepEqual(ids(await find(index, "kurser plejefamilie")), ["kurser"]);
  assert.deepEqual(ids(await find(index, "pleeg")), ["aanpak", "pleeggezin"]);
  assert.deepEqual(ids(await find(index, "foster car")), ["course"]);
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
    url: new URL("../programmes/gezin/", base).href,
    name: "Gezin centraal", lang: "nl", nameEn: "The household first",
    kind: "pilot", kindLabel: "Pilot",
    summary: "Help at home.", summaryLang: "en",
    countries: ["Belgium"], countryIds: ["BE"],
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
});
