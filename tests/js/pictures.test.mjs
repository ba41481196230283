// The pictures' scripts, their pure parts: the shade of a coverage cell
// (coverage.js, as draw.level in Python: the same cases as
// tests/unit/test_pictures.py), the choice of programmes to compare in a URL
// and in the tray (compare-tray.js), the rows of a comparison (compare.js)
// and the page's words as the pictures' scripts say them (shared.js's
// pageWords and sayer, the same as the search's). Runs alone (node --test
// tests/js/pictures.test.mjs) or with the others through tests/unit/test_engine_js.py.
import {test} from "node:test";
import assert from "node:assert/strict";

import {level} from "../../docs/assets/directory/coverage.js";
import {MAX, formatChoice, idOfUrl, parseChoice, readStored, toggleChoice, validId, writeStored}
  from "../../docs/assets/directory/compare-tray.js";
import {alignedRows} from "../../docs/assets/directory/compare.js";
import {pageWords, sayer} from "../../docs/assets/directory/shared.js";

// one text said as the pictures' scripts say their words: sayer(words, lang)(key, params)
const say = (text, params, lang = "en") => sayer({text}, lang)("text", params);

test("a cell is shaded by quarters of the largest, as draw.level", () => {
  const cases = [[0, 0, 0], [0, 5, 0], [1, 1, 4], [1, 4, 1], [1, 5, 1], [2, 5, 2], [3, 5, 3], [4, 5, 4], [5, 5, 4],
    [1, 100, 1], [25, 100, 1], [26, 100, 2], [50, 100, 2], [51, 100, 3], [75, 100, 3], [76, 100, 4]];
  for (const [n, most, shade] of cases) assert.equal(level(n, most), shade, `${n} of ${most}`);
});

test("the choice in a URL: ids once each, in order, at most four; anything else is no id", () => {
  assert.deepEqual(parseChoice(""), {ids: [], invalid: [], dropped: 0});
  assert.deepEqual(parseChoice("?p=b-1&p=a&p=b-1"), {ids: ["b-1", "a"], invalid: [], dropped: 0});
  assert.deepEqual(parseChoice("?p=a&p=b&p=c&p=d&p=e&p=f"), {ids: ["a", "b", "c", "d"], invalid: [], dropped: 2});
  assert.deepEqual(parseChoice("?p=../../etc&p=A&p=x%2Fy&p=&p=ok&q=zz"),
    {ids: ["ok"], invalid: ["../../etc", "A", "x/y", ""], dropped: 0});
  assert.equal(formatChoice(["a", "b-2"]), "p=a&p=b-2");
  assert.equal(formatChoice([]), "");
  const state = parseChoice(`?${formatChoice(["x", "y", "z"])}`);
  assert.deepEqual(state.ids, ["x", "y", "z"]); // one choice, one URL, both ways
  assert.equal(MAX, 4);
  for (const bad of ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "x".repeat(201), null, 3]) assert.ok(!validId(bad), bad);
});

test("choosing: add in order, remove, and refuse a fifth", () => {
  assert.deepEqual(toggleChoice([], "a", true), ["a"]);
  assert.deepEqual(toggleChoice(["a"], "a", true), ["a"]);
  assert.deepEqual(toggleChoice(["a", "b"], "a", false), ["b"]);
  assert.equal(toggleChoice(["a", "b", "c", "d"], "e", true), null);
  assert.deepEqual(toggleChoice(["a", "b", "c", "d"], "d", false), ["a", "b", "c"]);
});

test("a programme's id from its page's URL", () => {
  assert.equal(idOfUrl("http://site/programmes/sos-simba/"), "sos-simba");
  assert.equal(idOfUrl("../programmes/sos-simba/", "http://site/directory/"), "sos-simba");
  assert.equal(idOfUrl("http://site/sub/path/programmes/a-b/"), "a-b");
  assert.equal(idOfUrl("http://site/organisations/a/"), null);
  assert.equal(idOfUrl("http://site/programmes/"), null);
  assert.equal(idOfUrl("http://site/programmes/Bad_Id/"), null);
});

test("the choice kept in the tab's storage, and nothing when storage fails", () => {
  const store = new Map();
  const storage = {getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k)};
  assert.deepEqual(readStored(storage), []);
  writeStored(["a", "b"], storage);
  assert.deepEqual(readStored(storage), ["a", "b"]);
  store.set("directory.compare", JSON.stringify(["ok", "../x", 5, "a", "b", "c", "d"]));
  assert.deepEqual(readStored(storage), ["ok", "a", "b", "c"]); // ids only, at most four
  store.set("directory.compare", "{not json");
  assert.deepEqual(readStored(storage), []);
  writeStored([], storage);
  assert.equal(store.size, 0);
  const broken = {getItem() { throw new Error("off"); }, setItem() { throw new Error("off"); }, removeItem() {}};
  assert.deepEqual(readStored(broken), []);
  writeStored(["a"], broken); // no error
});

test("the rows of a comparison: every term once, each programme's in its order", () => {
  assert.deepEqual(alignedRows([["Kind", "Where", "Ages", "Last reviewed"], ["Kind", "Part of", "Where", "Legal basis", "Last reviewed"]]),
    ["Kind", "Part of", "Where", "Ages", "Legal basis", "Last reviewed"]);
  assert.deepEqual(alignedRows([["a", "b"], ["b", "c"], ["a", "c", "d"]]), ["a", "b", "c", "d"]);
  assert.deepEqual(alignedRows([]), []);
});

test("the page's words: placeholders and plural forms in the page's language", () => {
  const forms = {one: "{n} programme chosen", other: "{n} programmes chosen"};
  assert.equal(say(forms, {n: 1}), "1 programme chosen");
  assert.equal(say(forms, {n: 2345}), "2,345 programmes chosen");
  assert.equal(say({one: "{n} programma", other: "{n} programma's"}, {n: 2345}, "nl"), "2.345 programma's");
  assert.equal(say({one: "{n} program", other: "{n} programmer"}, {n: 0}, "da"), "0 programmer");
  assert.equal(say("Only the first {max} are compared.", {max: 4}), "Only the first 4 are compared.");
  assert.equal(say("No programme “{id}”", {id: "{n}"}), "No programme “{n}”"); // a value is never read as a placeholder
  assert.equal(say("Left {x} as it is"), "Left {x} as it is");
  const doc = {getElementById: (id) => (id === "w" ? {textContent: '{"a":"\\u003c/script\\u003e"}'} : id === "bad" ? {textContent: "{"} : null)};
  assert.deepEqual(pageWords("w", doc), {a: "</script>"});
  // a block that is broken or missing is the template's fault: said at once, never shown as empty words
  assert.throws(() => pageWords("bad", doc), SyntaxError);
  assert.throws(() => pageWords("none", doc), /no words block #none/);
});
