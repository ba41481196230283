// Search and filter engine of the programme directory.
//
// Queries the static index that scripts/directory/search/ writes to
// <site>/directory-index/. Its format is written down once, in
// scripts/directory/search/FORMAT.md. Plain ES module: no dependencies, no
// eval, no state outside the index objects, no words of its own (labels come
// from the index, in the reader's language); every file is fetched relative
// to the index's base URL, so the site works under any sub-path.
//
//   const index = await openIndex(new URL("directory-index/", siteRoot), {lang: "nl", pages});
//   index.count, index.facets, index.languages
//   await index.search({text: "pleegzorg", filters: {country: ["BE"]}, limit: 10, offset: 0})
//     -> {total, counts: {facet: {value: n}}, results: [{url, name, reasons, ...}]}
//   counts: false skips the facet counts (for a search box that shows only
//   results): without filters, the facet data is then not loaded at all.
//   lang: the reader's language: the labels of facets, values, kinds,
//   countries and reasons are in it (English, the index's first language,
//   where a label has none). pages: where the record paths of the results
//   resolve, a URL or a function of the index's languages that gives one
//   (shared.js: the site of the reader's language); the site root by default.
//
// Semantics: query words are lowercased NFC runs of letters and digits; every
// word must match (AND). A word matches the records of every stem its form
// stands for in the corpus (its own forms), and the records of the forms it
// begins: always for the last word (type-ahead), and for any word of at least
// COMPOUND_MIN letters, which opens compounds ("plejefamilie" finds
// "plejefamilieområdet", "pleegzorg" "pleegzorgbegeleiding"). A form the
// corpus does not have falls back to its diacritic-free spelling, then to
// the forms it begins, then to the forms that share all but its last one or
// two letters (at least four). Stop words that match nothing are ignored.
// The words of a record include the labels, in every language, of the terms
// it carries (themes, kind, settings, target groups): "pleegzorg" finds the
// records with the theme Foster care, and a result's reasons name the terms
// whose labels the query matched.
// Values of one facet are ORed, facets are ANDed with each other and with the
// text. Counts of a facet's values are computed with that facet's own filter
// removed. With text, results are ordered by score, then by name; without, by
// name. A record's score adds up, for every query word, the weight of the best
// tier it has the word in (name, summary, term labels, the rest of its page;
// manifest "weights"), or, when it has only forms the word begins (or near
// forms), the lower weight of that tier (manifest "partWeights"): whole words
// rank above compounds and prefixes.

const WORD = /[\p{L}\p{N}_]+/gu;
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g; // combining marks: folding as FORMAT.md ("Text") defines it
const MAX_WORDS = 12; // words of a query past this are ignored
const NO_TEXT = null;
const FORMAT = 2;

/** Letters a query word needs to match the compounds it opens (as a prefix
 * of longer forms) when it is not the last word: shorter words would begin
 * too many unrelated ones. FORMAT.md ("Compounds"); the same in tokens.py. */
export const COMPOUND_MIN = 5;

/** Whether a query word also finds the forms it begins, not being the last. */
export function opensCompounds(word) {
  return [...word].length >= COMPOUND_MIN;
}

/** Open the index whose files are under `baseUrl` (absolute, or relative to
 * the document). `options.fetch` replaces the global fetch (tests). */
export async function openIndex(baseUrl, options = {}) {
  let href = String(baseUrl);
  if (!href.endsWith("/")) href += "/";
  const base = new URL(href, globalThis.document?.baseURI);
  const fetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const response = await fetchFn(new URL("manifest.json", base).href, {cache: "no-cache"});
  if (!response.ok) throw new Error(`directory index: manifest.json: HTTP ${response.status}`);
  return new DirectoryIndex(base, await response.json(), fetchFn, options);
}

/** Words of a query or text, as the index builder splits them. */
export function queryWords(text) {
  return (String(text ?? "").normalize("NFC").toLowerCase().match(WORD) ?? []);
}

export function fold(word) {
  return word.normalize("NFD").replace(MARKS, "").normalize("NFC");
}

class DirectoryIndex {
  #base; #fetch; #manifest; #files = new Map(); #words; #wide; #stop; #labels; #pages; #terms; #tiers;

  constructor(base, manifest, fetchFn, {lang, pages} = {}) {
    if (manifest.format !== FORMAT) throw new Error(`directory index: unknown format ${manifest.format}`);
    this.#base = base;
    this.#fetch = fetchFn;
    this.#manifest = manifest;
    this.#words = Math.ceil(manifest.count / 32);
    this.#wide = new Map(manifest.wide.map((prefix, j) => [prefix, j]));
    this.#stop = new Set(manifest.stop);
    this.#tiers = manifest.weights.length;
    this.count = manifest.count;
    this.languages = manifest.languages;
    this.lang = this.languages.includes(lang) ? lang : this.languages[0];
    const root = new URL(manifest.root, base);
    const where = typeof pages === "function" ? pages(this.languages) : pages;
    this.#pages = where ? new URL(String(where), root) : root;
    this.facets = manifest.facets.map(f => ({
      name: f.name,
      ...this.#label(f.label),
      values: f.values.map(([id, label, total, lang]) => ({id, ...this.#label(label, lang), total})),
    }));
    this.#labels = Object.fromEntries(this.facets.map(f => [f.name, new Map(f.values.map(v => [v.id, v.label]))]));
    this.#terms = manifest.terms.map(([group, id, labels]) => ({group, id, ...this.#label(labels)}));
  }

  /** {label} in the reader's language, or {label, lang} in the one it has: a
   *  name as its source wrote it (with its language), or English where a
   *  label has no text in the reader's language. */
  #label(label, lang) {
    if (typeof label === "string") return lang ? {label, lang} : {label};
    if (label[this.lang]) return {label: label[this.lang]};
    const first = this.languages[0];
    return {label: label[first] ?? "", lang: first};
  }

  /** Records matching `text` and `filters`, `results` being records
   * offset..offset+limit of them in order. `counts: false` skips the facet
   * counts (and, without filters, loading the facet data). */
  async search({text = "", filters = {}, limit = 10, offset = 0, counts = true} = {}) {
    const active = this.#activeFilters(filters);
    const needFacets = active.length > 0 || (counts && queryWords(text).length > 0);
    [offset, limit] = [clampInt(offset), clampInt(limit)];
    const [match, facetSets] = await Promise.all([
      this.#matchText(text),
      needFacets ? this.#loadFacets() : null,
    ]);
    const all = match === NO_TEXT ? fullSet(this.count, this.#words) : match.set;
    const filterSets = active.map(([name, values]) => {
      const set = new Uint32Array(this.#words);
      for (const v of values) {
        const bits = facetSets.get(name).get(v);
        if (bits) orInto(set, bits);
      }
      return [name, set];
    });
    const selection = all.slice();
    for (const [, set] of filterSets) andInto(selection, set);
    const total = popcount(selection);
    const order = match === NO_TEXT ? null : this.#ranked(selection, match.words);
    const ids = order ? order.slice(offset, offset + limit) : firstBits(selection, offset, limit);
    return {
      total,
      counts: counts ? this.#counts(all, filterSets, selection, facetSets) : {},
      results: await this.#results(ids, match === NO_TEXT ? new Set() : match.terms),
    };
  }

  #activeFilters(filters) {
    const out = [];
    for (const f of this.facets) {
      let values = filters?.[f.name];
      if (values == null) continue;
      if (!Array.isArray(values)) values = [values];
      values = [...new Set(values.map(String))];
      if (values.length) out.push([f.name, values]);
    }
    return out;
  }

  #counts(all, filterSets, selection, facetSets) {
    const counts = {};
    if (!facetSets) { // neither text nor filters: the totals
      for (const f of this.facets) counts[f.name] = Object.fromEntries(f.values.map(v => [v.id, v.total]));
      return counts;
    }
    for (const f of this.facets) {
      let base = selection;
      if (filterSets.some(([name]) => name === f.name)) {
        base = all.slice();
        for (const [name, set] of filterSets) if (name !== f.name) andInto(base, set);
      }
      const sets = facetSets.get(f.name);
      counts[f.name] = Object.fromEntries(f.values.map(v => [v.id, popcountAnd(base, sets.get(v.id))]));
    }
    return counts;
  }

  // -- text ---------------------------------------------------------------

  /** NO_TEXT for a query without (usable) words, else {set, words: [match], terms}. */
  async #matchText(text) {
    let words = queryWords(text).slice(0, MAX_WORDS);
    if (!words.length) return NO_TEXT;
    const last = words[words.length - 1];
    words = [...new Set(words.slice(0, -1))].filter(w => w !== last && w.length > 1);
    const matches = await Promise.all([...words.map(w => this.#wordMatch(w, false)), this.#wordMatch(last, true)]);
    const used = matches.filter(m => m !== null);
    if (!used.length) return NO_TEXT;
    const set = fullSet(this.count, this.#words);
    for (const m of used) andInto(set, orInto(union(m.whole), union(m.part)));
    const terms = new Set(used.flatMap(m => m.terms));
    return {set, words: used, terms};
  }

  /** A query word's match, null to ignore it: {whole, part, terms}: the
   *  records by tier that have one of its own forms (whole), those that have
   *  only forms it begins or near forms (part), and the terms whose labels
   *  it matched (not through a prefix shorter than COMPOUND_MIN: a word being
   *  typed is no reason to name a term). */
  async #wordMatch(word, isLast) {
    const folded = fold(word);
    const stop = this.#stop.has(word);
    let spelling = word;
    let own = await this.#exactEntry(word);
    if (!own && folded !== word) {
      own = await this.#exactEntry(folded);
      if (own) spelling = folded;
    }
    let begun = null;
    if (isLast || (!stop && (!own || opensCompounds(spelling)))) {
      begun = await this.#prefixEntry(spelling);
      if (!begun && !own && folded !== word) begun = await this.#prefixEntry(folded);
    }
    if (!own && !begun && !stop) begun = await this.#nearEntry(word);
    if (!own && !begun) return stop ? null : {whole: this.#noTiers(), part: this.#noTiers(), terms: []};
    const whole = own ? own.tiers : this.#noTiers();
    const part = begun ? begun.tiers.map(t => andNotInto(t.slice(), union(whole))) : this.#noTiers();
    const terms = [...(own ? own.terms : []), ...(begun && opensCompounds(spelling) ? begun.terms : [])];
    return {whole, part, terms};
  }

  #noTiers() {
    return Array.from({length: this.#tiers}, () => new Uint32Array(this.#words));
  }

  /** A form the corpus lacks and begins no form ("kurser" when only "kurset" and
   *  "kursus" occur): the forms that share all but its last one or two letters,
   *  never fewer than four ("kurse" finds "kurset"). Another inflection of the
   *  same word usually differs only in its ending. */
  async #nearEntry(word) {
    const chars = [...word];
    for (let cut = 1; cut <= 2 && chars.length - cut >= 4; cut++) {
      const entry = await this.#prefixEntry(chars.slice(0, -cut).join(""));
      if (entry) return entry;
    }
    return null;
  }

  /** The entry ({tiers, terms}) of the stems of a form, null when the corpus lacks it. */
  async #exactEntry(word) {
    const shard = await this.#shard(this.#shardOf(word));
    const stems = shard.stemsOf(word);
    return stems ? unionEntries(stems.map(s => shard.entry(s)), this.#words, this.#tiers) : null;
  }

  /** The entry of every form that begins with `prefix` (the form itself included), or null. */
  async #prefixEntry(prefix) {
    const j = this.#wide.get(prefix);
    if (j !== undefined) {
      const data = await this.#bytes(`wide/${j}.bin`);
      return readEntry(data, 0, this.#words, this.#tiers).entry;
    }
    const lo = this.#shardOf(prefix), hi = this.#shardOf(prefix + "\uffff");
    const shards = await Promise.all(range(lo, hi + 1).map(i => this.#shard(i)));
    const found = shards.flatMap(shard => shard.stemsWithPrefix(prefix).map(s => shard.entry(s)));
    return found.length ? unionEntries(found, this.#words, this.#tiers) : null;
  }

  #shardOf(word) { // the last shard whose key is <= word
    const keys = this.#manifest.shards;
    let lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= word) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  #shard(i) {
    return this.#cached(`shard:${i}`, async () => new Shard(await this.#bytes(`text/${i}.bin`), this.#words, this.#tiers));
  }

  #ranked(selection, words) {
    const {weights, partWeights} = this.#manifest;
    const scores = new Float64Array(this.count);
    for (const {whole, part} of words) {
      for (let t = 0; t < this.#tiers; t++) {
        for (const r of bits(and(whole[t], selection))) scores[r] += weights[t];
        for (const r of bits(and(part[t], selection))) scores[r] += partWeights[t];
      }
    }
    const ids = [...bits(selection)];
    return ids.sort((a, b) => scores[b] - scores[a] || a - b);
  }

  // -- facets and display data ------------------------------------------------

  #loadFacets() {
    return this.#cached("facets", async () => {
      const data = await this.#bytes("facets.bin");
      const sets = new Map();
      let pos = 0;
      for (const f of this.#manifest.facets) {
        const values = new Map();
        for (const [id] of f.values) {
          const read = readSet(data, pos, this.#words);
          values.set(id, read.set);
          pos = read.end;
        }
        sets.set(f.name, values);
      }
      return sets;
    });
  }

  /** The display data of records `ids`; `terms`: the numbers of the terms the
   *  query matched, which a record's reasons name where it carries them. */
  async #results(ids, terms) {
    const size = this.#manifest.metaChunk;
    const chunks = await Promise.all([...new Set(ids.map(id => Math.floor(id / size)))].map(async k =>
      [k, await this.#cached(`meta:${k}`, async () => JSON.parse(new TextDecoder().decode(await this.#bytes(`meta/${k}.json`))))]));
    const byChunk = new Map(chunks);
    return ids.map(id => {
      const [path, name, lang, nameEn, kind, summary, summaryLang, countries, carried] =
        byChunk.get(Math.floor(id / size))[id % size];
      return {
        id, path, url: new URL(path, this.#pages).href, name, lang, nameEn, kind,
        kindLabel: this.#labels.kind.get(kind) ?? kind,
        summary, summaryLang,
        countries: countries.map(c => this.#labels.country.get(c) ?? c),
        countryIds: countries,
        reasons: carried.filter(n => terms.has(n)).map(n => ({...this.#terms[n]})),
      };
    });
  }

  // -- fetching -----------------------------------------------------------------

  #bytes(name) {
    return this.#cached(`file:${name}`, async () => {
      const url = new URL(`${name}?v=${encodeURIComponent(this.#manifest.v)}`, this.#base).href;
      const response = await this.#fetch(url);
      if (!response.ok) throw new Error(`directory index: ${name}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
  }

  #cached(key, load) {
    let promise = this.#files.get(key);
    if (!promise) {
      promise = load();
      this.#files.set(key, promise);
      promise.catch(() => this.#files.delete(key)); // a failed fetch may be retried
    }
    return promise;
  }
}

/** A text shard: its forms (sorted) with their stems, stems' entries decoded on use. */
class Shard {
  #data; #words; #tiers; #stemAt; #decoded = new Map(); #forms = []; #stemsOf = []; #index = new Map();

  constructor(data, words, tiers) {
    this.#data = data;
    this.#words = words;
    this.#tiers = tiers;
    let [count, pos] = readVarint(data, 0);
    this.#stemAt = new Array(count);
    for (let s = 0; s < count; s++) {
      this.#stemAt[s] = pos;
      pos = skipEntry(data, pos, tiers);
    }
    let forms;
    [forms, pos] = readVarint(data, pos);
    const decoder = new TextDecoder();
    let previous = "";
    for (let f = 0; f < forms; f++) {
      let shared, length, m;
      [shared, pos] = readVarint(data, pos);
      [length, pos] = readVarint(data, pos);
      const form = previous.slice(0, shared) + decoder.decode(data.subarray(pos, pos + length));
      pos += length;
      [m, pos] = readVarint(data, pos);
      const stems = new Array(m);
      for (let k = 0; k < m; k++) [stems[k], pos] = readVarint(data, pos);
      this.#forms.push(form);
      this.#stemsOf.push(stems);
      this.#index.set(form, f);
      previous = form;
    }
  }

  stemsOf(form) {
    const f = this.#index.get(form);
    return f === undefined ? null : this.#stemsOf[f];
  }

  stemsWithPrefix(prefix) {
    const forms = this.#forms;
    let lo = 0, hi = forms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (forms[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    const stems = new Set();
    for (let f = lo; f < forms.length && forms[f].startsWith(prefix); f++) {
      for (const s of this.#stemsOf[f]) stems.add(s);
    }
    return [...stems];
  }

  entry(stem) {
    let entry = this.#decoded.get(stem);
    if (!entry) {
      entry = readEntry(this.#data, this.#stemAt[stem], this.#words, this.#tiers).entry;
      this.#decoded.set(stem, entry);
    }
    return entry;
  }
}

// -- binary decoding (FORMAT.md) -------------------------------------------------

function readVarint(data, pos) {
  let value = 0, scale = 1, byte;
  do {
    if (pos >= data.length) throw new Error("directory index: truncated file");
    byte = data[pos++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80);
  return [value, pos];
}

function skipSet(data, pos) {
  const [header, start] = readVarint(data, pos);
  return start + Math.floor(header / 2);
}

function skipEntry(data, pos, tiers) {
  for (let t = 0; t < tiers; t++) pos = skipSet(data, pos);
  let count;
  [count, pos] = readVarint(data, pos);
  for (let k = 0; k < count; k++) [, pos] = readVarint(data, pos);
  return pos;
}

/** A set as a bitset of `words` 32-bit words, and the position after it. */
function readSet(data, pos, words) {
  const set = new Uint32Array(words);
  let header;
  [header, pos] = readVarint(data, pos);
  const end = pos + Math.floor(header / 2);
  if (header & 1) {
    const n = Math.min(end - pos, words * 4);
    for (let i = 0; i < n; i++) set[i >> 2] |= data[pos + i] << ((i & 3) * 8);
  } else {
    let r = -1, delta;
    while (pos < end) {
      [delta, pos] = readVarint(data, pos);
      r = r < 0 ? delta : r + delta;
      if (r < words * 32) set[r >>> 5] |= 1 << (r & 31);
    }
  }
  return {set, end};
}

/** An entry: {tiers: a set a tier, terms: term numbers}, and the position after it. */
function readEntry(data, pos, words, count) {
  const tiers = [];
  for (let t = 0; t < count; t++) {
    const read = readSet(data, pos, words);
    tiers.push(read.set);
    pos = read.end;
  }
  let n;
  [n, pos] = readVarint(data, pos);
  const terms = new Array(n);
  for (let k = 0; k < n; k++) [terms[k], pos] = readVarint(data, pos);
  return {entry: {tiers, terms}, end: pos};
}

// -- bitsets ---------------------------------------------------------------------

function fullSet(count, words) {
  const set = new Uint32Array(words).fill(0xffffffff);
  if (count % 32) set[words - 1] = (2 ** (count % 32)) - 1;
  return set;
}

function orInto(a, b) { for (let i = 0; i < a.length; i++) a[i] |= b[i]; return a; }
function andInto(a, b) { for (let i = 0; i < a.length; i++) a[i] &= b[i]; return a; }
function andNotInto(a, b) { for (let i = 0; i < a.length; i++) a[i] &= ~b[i]; return a; }
function and(a, b) { return andInto(a.slice(), b); }
function union(tiers) {
  const out = tiers[0].slice();
  for (let t = 1; t < tiers.length; t++) orInto(out, tiers[t]);
  return out;
}

/** Several stems' entries as one word's: each record in its best tier, every term. */
function unionEntries(list, words, count) {
  const tiers = Array.from({length: count}, () => new Uint32Array(words));
  const terms = new Set();
  for (const entry of list) {
    for (let t = 0; t < count; t++) orInto(tiers[t], entry.tiers[t]);
    for (const n of entry.terms) terms.add(n);
  }
  const better = new Uint32Array(words);
  for (let t = 0; t < count; t++) {
    andNotInto(tiers[t], better);
    orInto(better, tiers[t]);
  }
  return {tiers, terms: [...terms]};
}

function popcount32(v) {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function popcount(a) {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += popcount32(a[i]);
  return n;
}

function popcountAnd(a, b) {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += popcount32(a[i] & b[i]);
  return n;
}

/** The records of a bitset, ascending. */
function* bits(a) {
  for (let w = 0; w < a.length; w++) {
    let x = a[w];
    while (x !== 0) {
      const low = x & -x;
      yield w * 32 + 31 - Math.clz32(low);
      x ^= low;
    }
  }
}

function firstBits(a, skip, take) {
  const out = [];
  if (take <= 0) return out;
  for (const r of bits(a)) {
    if (skip > 0) { skip--; continue; }
    out.push(r);
    if (out.length >= take) break;
  }
  return out;
}

function clampInt(n) {
  n = Math.floor(Number(n));
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function range(from, to) {
  return Array.from({length: Math.max(0, to - from)}, (_, i) => from + i);
}
