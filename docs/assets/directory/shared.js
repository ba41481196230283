// What the directory page (filter.js) and the header search box
// (header-search.js) share: where the site's root is, the reader's language
// and the site in it, the words the page gives the scripts, the search index
// (engine.js and the index are loaded once a page, on first use, whichever
// of the two asks first), and how a result and a number read.
//
// No text a reader sees is written here: the page's template writes the
// scripts' words in its language (a JSON block, <script type="application/json">:
// scripts/directory/search/words.py), and labels come from the index.
//
// Importing this module loads nothing else: the engine comes with the first
// openDirectoryIndex().

let engine = null; // Promise of engine.js
let index = null; // Promise of the opened index

/** The site's root URL. Material writes the page's relative base_url into
 * #__config ("." on the home page, ".." a level down). */
export function siteRoot(doc = globalThis.document, here = globalThis.location?.href) {
  const config = doc?.getElementById("__config");
  let base;
  try {
    base = JSON.parse(config?.textContent ?? "null")?.base;
  } catch { /* reported below */ }
  if (typeof base !== "string") throw new Error("directory: the page has no #__config with the site's base");
  return new URL(base.replace(/\/?$/, "/"), here);
}

/** The page's language (<html lang>, its primary subtag), "" when it has none. */
export function pageLanguage(doc = globalThis.document) {
  return String(doc?.documentElement?.lang ?? "").trim().toLowerCase().split("-")[0];
}

/** The root of the site in `lang`, of the sites in `languages` (the index's):
 * the first language's site is the site root, each other's is the folder
 * named by its code ("nl/", "da/"). A language that is none of them reads
 * the first's. The one place the scripts know where a language's pages are. */
export function languageRoot(root, lang, languages) {
  const base = new URL(String(root));
  if (!languages.includes(lang) || lang === languages[0]) return base;
  return new URL(`${lang}/`, base);
}

/** engine.js (openIndex, queryWords, fold), loaded once. */
export function loadEngine() {
  engine ??= import(new URL("engine.js", import.meta.url).href);
  return engine;
}

/** The directory's search index (engine.js's openIndex of <root>/directory-index/),
 * opened once, in the page's language: its labels in that language and its
 * results linking to that language's pages. */
export function openDirectoryIndex() {
  index ??= loadEngine().then(({ openIndex }) => {
    const root = siteRoot();
    const lang = pageLanguage();
    return openIndex(new URL("directory-index/", root).href,
      { lang, pages: (languages) => languageRoot(root, lang, languages) });
  });
  return index;
}

/** An element: h("a", {href, class, text, onclick, hidden: true}, ...children).
 * Attributes null, undefined or false are left out; text is set as text. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** The words a page's template wrote for a script: the JSON block with id `id`. */
export function pageWords(id, doc = globalThis.document) {
  const block = doc?.getElementById(id);
  if (!block) throw new Error(`directory: the page has no words block #${id}`);
  return JSON.parse(block.textContent);
}

function locale(lang) {
  try {
    return Intl.getCanonicalLocales(lang || "en")[0];
  } catch {
    return "en";
  }
}

/** A number as the pages write it in `lang`: 1,234 in English, 1.234 in Dutch and Danish. */
export const formatNumber = (n, lang = "en") => new Intl.NumberFormat(locale(lang)).format(n);

/** say(key, params) for a page's words in `lang`: the text of `key` with its
 * {placeholders} filled (numbers formatted for `lang`). A text that counts
 * something is a map of plural categories; params.n picks the one
 * Intl.PluralRules gives, the CLDR rules Babel applies to the same
 * catalogue in Python. A missing key is an error, never the key shown. */
export function sayer(words, lang = "en") {
  const tag = locale(lang);
  const plurals = new Intl.PluralRules(tag);
  const numbers = new Intl.NumberFormat(tag);
  return function say(key, params = {}) {
    let text = Object.hasOwn(words, key) ? words[key] : undefined;
    if (text && typeof text === "object") text = text[plurals.select(params.n)] ?? text.other;
    if (typeof text !== "string") throw new Error(`directory: no words for ${key}`);
    return text.replace(/\{(\w+)\}/g, (whole, name) => {
      if (!Object.hasOwn(params, name)) return whole;
      const value = params[name];
      return typeof value === "number" ? numbers.format(value) : String(value);
    });
  };
}

/** The line under a result's name: its kind and countries ("Pilot · Belgium, Netherlands"). */
export const resultMeta = (r) => [r.kindLabel, r.countries.join(", ")].filter(Boolean).join(" · ");

/** Why a result matched, where a term's label did: "theme: Foster care · target group: Foster families". */
export const resultReasons = (r, say) => (r.reasons ?? []).map((t) => say(`search.why.${t.group}`, { label: t.label })).join(" · ");

/** The English name shown under a result's name, or null when it has none of its own. */
export const englishName = (r) => (r.nameEn && r.nameEn !== r.name ? r.nameEn : null);
