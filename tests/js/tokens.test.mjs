// The engine's tokenizer against the shared cases of the builder's
// (scripts/directory/search/tokens.json, also read by
// tests/unit/test_search_tokens.py), and an index of those texts, one
// record a text, that tests/unit/test_engine_js.py builds (ENGINE_TOKENS_INDEX):
// every word the builder indexed is found by typing it, with the records of
// every form of its stem; a word opens the compounds the cases say it does.
// Run through that wrapper:
//   .venv/bin/python -m pytest tests/unit/test_engine_js.py
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";

import {fold, opensCompounds, queryWords} from "../../docs/assets/directory/engine.js";
import {ids, open} from "./support.mjs";

const CASES = JSON.parse(readFileSync(new URL("../../scripts/directory/search/tokens.json", import.meta.url), "utf8"));
const TOKENS = process.env.ENGINE_TOKENS_INDEX;
const skip = TOKENS ? false : "run through tests/unit/test_engine_js.py";

test("queryWords: the query words of each text", () => {
  for (const c of CASES.texts) {
    assert.deepEqual(queryWords(c.text), c.query, c.about);
    for (const word of c.words) assert.deepEqual(queryWords(word), [word], `${c.about}: ${word}`);
  }
});

test("fold: the same as the builder's", () => {
  for (const [word, folded] of CASES.fold) assert.equal(fold(word), folded, word);
});

// -- the index of the texts (record i: texts[i], id t<i>) -----------------------------

/** Every word of the texts with its stem and record: what the builder indexed. */
const FORMS = CASES.texts.flatMap((c, i) => c.words.map(word => ({word, folded: fold(word), stem: c.stems[word], id: `t${i}`})));

/** The record ids with a form of any stem of the forms `matches` selects. */
function recordsOf(matches) {
  const stems = new Set(FORMS.filter(f => matches(f.word) || (f.folded !== f.word && matches(f.folded))).map(f => f.stem));
  return new Set(FORMS.filter(f => stems.has(f.stem)).map(f => f.id));
}

const exact = (word) => recordsOf(form => form === word);
const prefix = (word) => recordsOf(form => form.startsWith(word));
const sorted = (set) => [...set].sort();

test("every indexed word finds the records of its stem (as a prefix, as the last word)", {skip}, async () => {
  const {index} = await open(TOKENS);
  assert.equal(index.count, CASES.texts.length);
  for (const {word, folded, id} of FORMS) {
    const found = ids(await index.search({text: word, limit: 100, counts: false}));
    assert.ok(found.includes(id), `${word} finds ${id}`);
    assert.deepEqual(sorted(found), sorted(prefix(word)), word);
    if (folded !== word) {
      assert.deepEqual(sorted(ids(await index.search({text: folded, limit: 100, counts: false}))),
        sorted(prefix(folded)), `${word} folded`);
    }
  }
});

/** The records a word that is not the last of a query finds: those of its own
 *  forms, and of the forms it begins when it opens compounds or has no form. */
const inner = (word) => (exact(word).size && !opensCompounds(word) ? exact(word) : prefix(word));

test("the words of a text together find it (exact forms or compounds, the last as a prefix)", {skip}, async () => {
  const {index} = await open(TOKENS);
  for (const [i, c] of CASES.texts.entries()) {
    const last = c.words[c.words.length - 1];
    let expected = prefix(last);
    for (const word of c.words.slice(0, -1)) expected = new Set([...expected].filter(id => inner(word).has(id)));
    const found = ids(await index.search({text: c.words.join(" "), limit: 100, counts: false}));
    assert.ok(found.includes(`t${i}`), c.about);
    assert.deepEqual(sorted(found), sorted(expected), c.about);
    // typed in capitals with decomposed letters: the same query words, the same records
    const typed = c.words.join(" ").normalize("NFD").toUpperCase();
    if (JSON.stringify(queryWords(typed)) === JSON.stringify(c.words)) {
      assert.deepEqual(ids(await index.search({text: typed, limit: 100, counts: false})), found, `${c.about}: ${typed}`);
    }
  }
});

test("stems are shared across texts and languages", {skip}, async () => {
  const {index} = await open(TOKENS);
  const find = async (text) => sorted(ids(await index.search({text, limit: 100, counts: false})));
  const having = (...words) => sorted(new Set(FORMS.filter(f => words.includes(f.word)).map(f => f.id)));
  // English families and Danish familie share no prefix, only the stem "famili"
  assert.deepEqual(await find("families"), having("family", "families", "familie"));
  assert.ok(!having("family", "families").includes(having("familie")[0]));
  // Dutch gezinnen: the stem of gezin, not of pleeggezin
  assert.deepEqual(await find("gezinnen"), having("gezin", "gezinnen"));
  assert.deepEqual(await find("pleeggezinnen"), having("pleeggezin", "pleeggezinnen"));
  assert.notDeepEqual(having("pleeggezinnen"), having("pleeggezin"));
});

test("compounds: which forms a word opens, the same as the builder's", () => {
  for (const [word, form, opens] of CASES.compounds) {
    assert.equal(opensCompounds(word) && form !== word && form.startsWith(word), opens, `${word} ${form}`);
  }
});

test("compounds: a word finds the compounds it opens, below the records that have the word", {skip}, async () => {
  const {index} = await open(TOKENS);
  const find = async (text) => ids(await index.search({text, limit: 100, counts: false}));
  for (const [word, form] of CASES.compounds) {
    const [holder] = FORMS.filter(f => f.word === form).map(f => f.id);
    const text = CASES.texts[Number(holder.slice(1))];
    // the last word of a query: every form it begins, whole words first
    const found = await find(word);
    assert.equal(found.includes(holder), form.startsWith(word), `${word}: ${form}`);
    const whole = exact(word);
    assert.deepEqual(sorted(found.slice(0, whole.size)), sorted(whole), `${word}: whole words first`);
    // not the last: only with COMPOUND_MIN letters (or without a form of its own)
    const other = text.words.find(w => w !== form && !w.startsWith(word));
    if (other) {
      const both = await find(`${word} ${other}`);
      assert.equal(both.includes(holder), inner(word).has(holder) && exact(other).has(holder), `${word} ${other}`);
    }
  }
  // the cases of FORMAT.md
  assert.deepEqual(await find("pleegzorg"), [...having("pleegzorg"), ...having("pleegzorgbegeleiding")]);
  assert.deepEqual(await find("pleegzorg pleeggezinnen"), having("pleegzorgbegeleiding"));
  assert.deepEqual(await find("plejefamilie handleplan"), having("plejefamilieområdet"));
  assert.deepEqual(await find("kind eerst"), [], "four letters open no compound");
  assert.deepEqual(await find("eerst kind"), having("kinderen"), "the last word opens any");
});

function having(...words) {
  return sorted(new Set(FORMS.filter(f => words.includes(f.word)).map(f => f.id)));
}
