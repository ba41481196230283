// The words a page writes for its scripts: a JSON block
// <script type="application/json" id="..."> that the page's template fills
// from the site's catalogue in the page's language (render/i18n.py), so that
// no script has a word of its own. A text may have {placeholders}, and a
// text that counts has plural forms ({one, other}), chosen with the page's
// language. Tested under node (tests/js/pictures.test.mjs).

/** The words a page wrote in the JSON block `id`, {} when it has none. */
export function pageWords(id, doc = globalThis.document) {
  try {
    return JSON.parse(doc?.getElementById(id)?.textContent || "{}");
  } catch {
    return {};
  }
}

/** A text with its {placeholders} filled (numbers written as `lang` writes
 * them); a text with plural forms is chosen by `params.n`. */
export function say(text, params = {}, lang = "en") {
  if (text && typeof text === "object") {
    const forms = text;
    text = forms[new Intl.PluralRules(lang).select(params.n ?? 0)] ?? forms.other;
  }
  return String(text ?? "").replace(/\{(\w+)\}/g, (m, key) =>
    key in params ? (typeof params[key] === "number" ? params[key].toLocaleString(lang) : String(params[key])) : m);
}
