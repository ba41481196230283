// Search and filter engine of the programme directory.
//
// Queries the static index that scripts/directory/search/ writes to
// <site>/directory-index/. Its format is written down once, in
// scripts/directory/search/FORMAT.md. Plain ES module: no dependencies, no
// eval, no state outside the index objects; every file is fetched relative
// to the index's base URL, so the site works under any sub-path.
//
//   const index = await openIndex(new URL("directory-index/", siteRoot));
//   index.count, index.facets
//   await index.search({text: "pleegzorg", filters: {country: ["BE"]}, limit: 10, offset: 0})
//     -> {total, counts: {facet: {value: n}}, results: [{url, name, ...}]}
//   counts: false skips the facet counts (for a search box that shows only
//   results): without filters, the facet data is then not loaded at all.
//
// Semantics: query words are lowercased NFC runs of letters and digits; every
// word must match (AND), the last one also as a prefix (type-ahead). A word
// matches the records of every stem its form stands for in the corpus; a
// form the corpus does not have falls back to its diacritic-free spelling,
// then to the forms it begins, then to the forms that share all but its last
// one or two letters (at least four). Stop words that match nothing are ignored.
// Values of one facet are ORed, facets are ANDed with each other and with the
// text. Counts of a facet's values are computed with that facet's own filter
// removed. With text, results are ordered by score (name 4, summary 2,
// elsewhere 1 per word; from the manifest), then by name; without, by name.

const WORD = /[\p{L}\p{N}_]+/gu;
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g; // combining marks: folding as FORMAT.md ("Text") defines it
const MAX_WORDS = 12; // words of a query past this are ignored
const NO_TEXT = null;

/** Open the index whose files are under `baseUrl` (absolute, or relative to
 * the document). `options.fetch` replaces the global fetch (tests). */
export async function openIndex(baseUrl, options = {}) {
  let href = String(baseUrl);
  if (!href.endsWith("/")) href += "/";
  const base = new URL(href, globalThis.document?.baseURI);
  const fetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const response = await fetchFn(new URL("manifest.json", base).href, {cache: "no-cache"});
  if (!response.ok) throw new Error(`directory index: manifest.json: HTTP ${response.status}`);
  return new DirectoryIndex(base, await response.json(), fetchFn);
}

/** Words of a query or text, as the index builder splits them. */
export function queryWords(text) {
  return (String(text ?? "").normalize("NFC").toLowerCase().match(WORD) ?? []);
}

export function fold(word) {
  return word.normalize("NFD").replace(MARKS, "").normalize("NFC");
}

class DirectoryIndex {
  #base; #fetch; #manifest; #files = new Map(); #words; #wide; #stop; #labels;

  constructor(base, manifest, fetchFn) {
    if (manifest.format !== 1) throw new Error(`directory index: unknown format ${manifest.format}`);
    this.#base = base;
    this.#fetch = fetchFn;
    this.#manifest = manifest;
    this.#words = Math.ceil(manifest.count / 32);
    this.#wide = new Map(manifest.wide.map((prefix, j) => [prefix, j]));
    this.#stop = new Set(manifest.stop);
    this.count = manifest.count;
    this.facets = manifest.facets.map(f => ({
      name: f.name,
      label: f.label,
      values: f.values.map(([id, label, total, lang]) => (lang ? {id, label, total, lang} : {id, label, total})),
    }));
    this.#labels = Object.fromEntries(this.facets.map(f => [f.name, new Map(f.values.map(v => [v.id, v.label]))]));
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
      results: await this.#results(ids),
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

  /** NO_TEXT for a query without (usable) words, else {set, words: [tiers]}. */
  async #matchText(text) {
    let words = queryWords(text).slice(0, MAX_WORDS);
    if (!words.length) return NO_TEXT;
    const last = words[words.length - 1];
    words = [...new Set(words.slice(0, -1))].filter(w => w !== last && w.length > 1);
    const tiers = await Promise.all([...words.map(w => this.#wordTiers(w, false)), this.#wordTiers(last, true)]);
    const used = tiers.filter(t => t !== null);
    if (!used.length) return NO_TEXT;
    const set = fullSet(this.count, this.#words);
    for (const t of used) andInto(set, union(t));
    return {set, words: used};
  }

  /** [name, summary, other] bitsets of a query word, null to ignore it. */
  async #wordTiers(word, isLast) {
    const folded = fold(word);
    let tiers;
    if (isLast) {
      tiers = await this.#prefixTiers(word);
      if (!tiers && folded !== word) tiers = await this.#prefixTiers(folded);
    } else {
      tiers = await this.#exactTiers(word);
      if (!tiers && folded !== word) tiers = await this.#exactTiers(folded);
      if (!tiers && !this.#stop.has(word)) tiers = await this.#prefixTiers(word);
    }
    if (!tiers && !this.#stop.has(word)) tiers = await this.#nearTiers(word);
    if (tiers) return tiers;
    return this.#stop.has(word) ? null : [new Uint32Array(this.#words), new Uint32Array(this.#words), new Uint32Array(this.#words)];
  }

  /** A form the corpus lacks and begins no form ("kurser" when only "kurset" and
   *  "kursus" occur): the forms that share all but its last one or two letters,
   *  never fewer than four ("kurse" finds "kurset"). Another inflection of the
   *  same word usually differs only in its ending. */
  async #nearTiers(word) {
    const chars = [...word];
    for (let cut = 1; cut <= 2 && chars.length - cut >= 4; cut++) {
      const tiers = await this.#prefixTiers(chars.slice(0, -cut).join(""));
      if (tiers) return tiers;
    }
    return null;
  }

  async #exactTiers(word) {
    const shard = await this.#shard(this.#shardOf(word));
    const stems = shard.stemsOf(word);
    return stems ? bestTiers(stems.map(s => shard.tiers(s)), this.#words) : null;
  }

  async #prefixTiers(prefix) {
    const j = this.#wide.get(prefix);
    if (j !== undefined) {
      const data = await this.#bytes(`wide/${j}.bin`);
      return readTiers(data, 0, this.#words).tiers;
    }
    const lo = this.#shardOf(prefix), hi = this.#shardOf(prefix + "\uffff");
    const shards = await Promise.all(range(lo, hi + 1).map(i => this.#shard(i)));
    const found = shards.flatMap(shard => shard.stemsWithPrefix(prefix).map(s => shard.tiers(s)));
    return found.length ? bestTiers(found, this.#words) : null;
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
    return this.#cached(`shard:${i}`, async () => new Shard(await this.#bytes(`text/${i}.bin`), this.#words));
  }

  #ranked(selection, words) {
    const weights = this.#manifest.weights;
    const scores = new Int32Array(this.count);
    for (const tiers of words) {
      tiers.forEach((tier, t) => {
        for (const r of bits(and(tier, selection))) scores[r] += weights[t];
      });
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

  async #results(ids) {
    const size = this.#manifest.metaChunk;
    const chunks = await Promise.all([...new Set(ids.map(id => Math.floor(id / size)))].map(async k =>
      [k, await this.#cached(`meta:${k}`, async () => JSON.parse(new TextDecoder().decode(await this.#bytes(`meta/${k}.json`))))]));
    const byChunk = new Map(chunks);
    const root = new URL(this.#manifest.root, this.#base);
    return ids.map(id => {
      const [path, name, lang, nameEn, kind, summary, summaryLang, countries] = byChunk.get(Math.floor(id / size))[id % size];
      return {
        id, url: new URL(path, root).href, name, lang, nameEn, kind,
        kindLabel: this.#labels.kind.get(kind) ?? kind,
        summary, summaryLang,
        countries: countries.map(c => this.#labels.country.get(c) ?? c),
        countryIds: countries,
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

/** A text shard: its forms (sorted) with their stems, stems decoded on use. */
class Shard {
  #data; #words; #stemAt; #decoded = new Map(); #forms = []; #stemsOf = []; #index = new Map();

  constructor(data, words) {
    this.#data = data;
    this.#words = words;
    let [count, pos] = readVarint(data, 0);
    this.#stemAt = new Array(count);
    for (let s = 0; s < count; s++) {
      this.#stemAt[s] = pos;
      for (let t = 0; t < 3; t++) pos = skipSet(data, pos);
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

  tiers(stem) {
    let tiers = this.#decoded.get(stem);
    if (!tiers) {
      tiers = readTiers(this.#data, this.#stemAt[stem], this.#words).tiers;
      this.#decoded.set(stem, tiers);
    }
    return tiers;
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

function readTiers(data, pos, words) {
  const tiers = [];
  for (let t = 0; t < 3; t++) {
    const read = readSet(data, pos, words);
    tiers.push(read.set);
    pos = read.end;
  }
  return {tiers, end: pos};
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
function union(tiers) { return orInto(orInto(tiers[0].slice(), tiers[1]), tiers[2]); }

/** Several stems' tiers as one word's: each record in its best tier. */
function bestTiers(list, words) {
  const out = [new Uint32Array(words), new Uint32Array(words), new Uint32Array(words)];
  for (const tiers of list) for (let t = 0; t < 3; t++) orInto(out[t], tiers[t]);
  andNotInto(out[1], out[0]);
  andNotInto(out[2], out[0]);
  andNotInto(out[2], out[1]);
  return out;
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
