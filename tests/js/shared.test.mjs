// What the directory page and the header search share
// (docs/assets/directory/shared.js). The index part runs through
// tests/unit/test_engine_js.py (ENGINE_FIXTURE_INDEX).
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {fileURLToPath, pathToFileURL} from "node:url";
import path from "node:path";

import {
  englishName, formatNumber, loadEngine, openDirectoryIndex, plural, resultMeta, siteRoot,
} from "../../docs/assets/directory/shared.js";

const FIXTURE = process.env.ENGINE_FIXTURE_INDEX;
const skip = FIXTURE ? false : "run through tests/unit/test_engine_js.py";

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
  assert.equal(plural(1, "programme", "programmes"), "1 programme");
  assert.equal(plural(0, "programme", "programmes"), "0 programmes");
  assert.equal(plural(12345, "match", "matches"), "12,345 matches");
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
