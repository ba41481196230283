// What the directory page and the header search share
// (docs/assets/directory/shared.js). The index part runs through
// tests/unit/test_engine_js.py (ENGINE_FIXTURE_INDEX), as do the cases the
// Python side wrote for the words (ENGINE_WORDS_CASES: Babel's plural forms
// and numbers, render/urls.py's language folders).
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {fileURLToPath, pathToFileURL} from "node:url";
import path from "node:path";

import {
  englishName, formatNumber, languageRoot, loadEngine, openDirectoryIndex, pageLanguage, pageWords, resultMeta,
  resultReasons, sayer, siteRoot,
} from "../../docs/assets/directory/shared.js";

const FIXTURE = process.env.ENGINE_FIXTURE_INDEX;
const skip = FIXTURE ? false : "run through tests/unit/test_engine_js.py";
const WORDS = process.env.ENGINE_WORDS_CASES;
const skipWords = WORDS ? false : "run through tests/unit/test_engine_js.py";

/** A document whose #__config holds `text`. */
const page = (text) => ({getElementById: (id) => (id === "__config" && text !== null ? {textContent: text} : null)});

test("siteRoot: Material's base, relative to the page", () => {
  const here = "https://example.org/sub/directory/";
  assert.equal(siteRoot(page('{"base": ".."}'), here).href, "https://example.org/sub/");
  assert.equal(siteRoot(page('{"base": "../"}'), here).href, "https://example.org/sub/");
  assert.equal(siteRoot(page('{"base": "."}'), "https://example.org/sub/").href, "https://example.org/sub/");
  assert.equal(siteRoot(page('{"base": "../.."}'), "https://example.org/sub/programmes/x/").href, "https://example.org/sub/");
  for (const broken of [null, "", "{", "null", '{"base": 1}', '{"other": "."}']) {
    assert.throws(() => siteRoot(page(broken), here), /#__config/, String(broken));
  }
});

test("numbers and plurals", () => {
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(1234567), "1,234,567");
  assert.equal(formatNumber(1234567, "nl"), "1.234.567");
  assert.equal(formatNumber(1234567, "da"), "1.234.567");
  assert.equal(formatNumber(12, "not a language!"), "12");
  const words = {
    "search.page.count": {one: "{n} programme", other: "{n} programmes"},
    "search.page.matches": {one: "{n} match.", other: "{n} matches."},
    "search.page.showing": "Showing {shown} of {total}.",
  };
  const say = sayer(words, "en");
  assert.equal(say("search.page.count", {n: 1}), "1 programme");
  assert.equal(say("search.page.count", {n: 0}), "0 programmes");
  assert.equal(say("search.page.matches", {n: 12345}), "12,345 matches.");
  assert.equal(say("search.page.showing", {shown: 20, total: 1234}), "Showing 20 of 1,234.");
  assert.equal(say("search.page.showing", {shown: "<b>"}), "Showing <b> of {total}.", "text as it is; unknown placeholders stay");
  assert.throws(() => say("search.page.missing"), /no words for search.page.missing/);
  assert.throws(() => say("toString"), /no words/);
  const nl = sayer({"search.page.count": {one: "{n} programma", other: "{n} programma's"}}, "nl");
  assert.deepEqual([1, 2, 1234].map(n => nl("search.page.count", {n})), ["1 programma", "2 programma's", "1.234 programma's"]);
  const da = sayer({"search.page.count": {one: "{n} program", other: "{n} programmer"}}, "da");
  assert.deepEqual([1, 2, 1234].map(n => da("search.page.count", {n})), ["1 program", "2 programmer", "1.234 programmer"]);
});

test("plural forms and numbers: the same as Babel's, for every language and count", {skip: skipWords}, () => {
  const cases = JSON.parse(readFileSync(WORDS, "utf8"));
  let checked = 0;
  for (const [lang, {words, counts}] of Object.entries(cases.languages)) {
    const say = sayer(words, lang);
    for (const [key, n, expected] of counts) {
      assert.equal(say(key, {n}), expected, `${lang} ${key} ${n}`);
      checked++;
    }
  }
  assert.ok(checked > 100);
});

test("the site of a language: the same rule as render/urls.py's", {skip: skipWords}, () => {
  const cases = JSON.parse(readFileSync(WORDS, "utf8"));
  const root = "https://example.org/sub/";
  for (const [path, lang, expected] of cases.paths) {
    assert.equal(new URL(path, languageRoot(root, lang, cases.order)).href, new URL(expected, root).href, `${lang} ${path}`);
  }
});

test("the page's language and words", () => {
  const doc = (lang, blocks = {}) => ({
    documentElement: {lang},
    getElementById: (id) => (id in blocks ? {textContent: blocks[id]} : null),
  });
  assert.equal(pageLanguage(doc("nl")), "nl");
  assert.equal(pageLanguage(doc("da-DK")), "da");
  assert.equal(pageLanguage(doc("")), "");
  assert.equal(pageLanguage(undefined), "");
  const words = {"search.page.more": "Meer tonen </script>"};
  assert.deepEqual(pageWords("dir-words", doc("nl", {"dir-words": JSON.stringify(words).replace(/</g, "\\u003c")})), words);
  assert.throws(() => pageWords("dir-words", doc("nl")), /no words block #dir-words/);
  const root = new URL("https://example.org/sub/");
  assert.equal(languageRoot(root, "nl", ["en", "nl", "da"]).href, "https://example.org/sub/nl/");
  assert.equal(languageRoot(root, "en", ["en", "nl", "da"]).href, "https://example.org/sub/");
  assert.equal(languageRoot(root, "fr", ["en", "nl", "da"]).href, "https://example.org/sub/");
  assert.equal(languageRoot(root, "", ["en", "nl", "da"]).href, "https://example.org/sub/");
});

test("a result's lines", () => {
  const r = {name: "Gezin centraal", nameEn: "The household first", kindLabel: "Pilot", countries: ["Belgium", "Netherlands"]};
  assert.equal(resultMeta(r), "Pilot · Belgium, Netherlands");
  assert.equal(resultMeta({...r, countries: []}), "Pilot");
  assert.equal(resultMeta({...r, kindLabel: "", countries: ["Denmark"]}), "Denmark");
  assert.equal(resultMeta({...r, kindLabel: null, countries: []}), "");
  assert.equal(englishName(r), "The household first");
  assert.equal(englishName({...r, nameEn: null}), null);
  assert.equal(englishName({...r, nameEn: r.name}), null);
  const say = sayer({"search.why.theme": "thema: {label}", "search.why.who": "doelgroep: {label}"}, "nl");
  assert.equal(resultReasons({reasons: [{group: "theme", id: "foster-care", label: "Pleegzorg"},
    {group: "who", id: "foster-families", label: "Pleeggezinnen"}]}, say), "thema: Pleegzorg · doelgroep: Pleeggezinnen");
  assert.equal(resultReasons({reasons: []}, say), "");
  assert.equal(resultReasons({}, say), "");
});

test("the engine and the index are loaded once, however often asked", {skip}, async () => {
  const site = path.dirname(FIXTURE); // the index is <site>/directory-index/
  const fetched = [];
  const nodeFetch = globalThis.fetch;
  globalThis.document = page('{"base": "."}');
  globalThis.location = {href: pathToFileURL(site + path.sep).href};
  globalThis.fetch = async (url) => {
    fetched.push(url);
    const data = await readFile(fileURLToPath(url));
    return {ok: true, status: 200, json: async () => JSON.parse(data.toString("utf8")),
      arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)};
  };
  try {
    const [a, b] = await Promise.all([openDirectoryIndex(), openDirectoryIndex()]);
    assert.equal(a, b);
    assert.equal(await openDirectoryIndex(), a);
    assert.equal(await loadEngine(), await loadEngine());
    assert.equal(a.count, 9);
    assert.deepEqual(fetched.map(u => path.relative(site, fileURLToPath(u))), [path.join("directory-index", "manifest.json")]);
  } finally {
    delete globalThis.document;
    delete globalThis.location;
    globalThis.fetch = nodeFetch;
  }
});
