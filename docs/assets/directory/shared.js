// What the directory page (filter.js) and the header search box
// (header-search.js) share: where the site's root is, the search index
// (engine.js and the index are loaded once a page, on first use, whichever
// of the two asks first), and how a result and a number read.
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

/** engine.js (openIndex, queryWords, fold), loaded once. */
export function loadEngine() {
  engine ??= import(new URL("engine.js", import.meta.url).href);
  return engine;
}

/** The directory's search index (engine.js's openIndex of <root>/directory-index/), opened once. */
export function openDirectoryIndex() {
  index ??= loadEngine().then(({ openIndex }) => openIndex(new URL("directory-index/", siteRoot()).href));
  return index;
}

/** A number as the pages write it: 1,234. */
export const formatNumber = (n) => n.toLocaleString("en");

/** "1 programme", "2,345 programmes". */
export const plural = (n, one, many) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** The line under a result's name: its kind and countries ("Pilot · Belgium, Netherlands"). */
export const resultMeta = (r) => [r.kindLabel, r.countries.join(", ")].filter(Boolean).join(" · ");

/** The English name shown under a result's name, or null when it has none of its own. */
export const englishName = (r) => (r.nameEn && r.nameEn !== r.name ? r.nameEn : null);
