// The directory page ("Find programmes"): a text search, one fieldset of
// checkboxes per facet with counts, the result count and the results, paged
// with "Show more". All state lives in the URL query string:
//
//   ?q=pleeg&country=DK&theme=foster-care&theme=reunification&page=2
//
// Each change pushes a history entry (typing pushes one entry, then replaces
// it while the reader keeps typing); Back/Forward (popstate) and a reload
// restore the same list. Parameters or values the index does not know are
// ignored; url-state.js reads and writes the state. The search itself is
// engine.js, opened through shared.js (one index a page, shared with the
// header search box); this module only draws the page. Without JavaScript
// the page keeps its links to the browse pages.
//
// Every word it shows comes from the page, in the page's language: the
// template's JSON block #dir-words (search.page.* and search.why.* of the
// catalogue render/locales/<lang>/search.yaml), and the index's labels.

import {
  englishName, formatNumber, h, loadEngine, openDirectoryIndex, pageLanguage, pageWords, resultMeta, resultReasons, sayer,
} from "./shared.js";
import { formatState, parseState, toggleValue } from "./url-state.js";

const PAGE_SIZE = 20;
const TYPING_DELAY = 150; // ms of quiet before a typed query runs
const TOP_VALUES = 10; // values shown of a long facet (organisations) before filtering
const LONG_FACET = 30; // facets with more values than this (and organisations) get a filter box
const MAX_MATCHES = 50; // values shown for a long facet's filter text

const app = document.getElementById("dir-app");
const lang = pageLanguage() || "en";
if (app) main(app, sayer(pageWords("dir-words"), lang));

// -- small helpers -----------------------------------------------------------

function collator() {
  try {
    return new Intl.Collator(lang, { sensitivity: "base", numeric: true });
  } catch {
    return new Intl.Collator("en", { sensitivity: "base", numeric: true });
  }
}

const byLabel = collator();

function lower(s) {
  try {
    return s.toLocaleLowerCase(lang);
  } catch {
    return s.toLowerCase();
  }
}

// -- the page ------------------------------------------------------------------

async function main(app, say) {
  const status = h("p", { class: "dir-count", id: "dir-count", role: "status", "aria-live": "polite", "aria-atomic": "true" },
    say("search.page.loading"));
  app.hidden = false;
  app.replaceChildren(status);

  let index, fold;
  try {
    [index, { fold }] = await Promise.all([openDirectoryIndex(), loadEngine()]);
  } catch (err) {
    console.error(err);
    status.textContent = say("search.page.load_failed");
    status.classList.add("dir-error");
    return;
  }
  // a value filter's text matches labels with accents and case ignored
  const labelKey = (s) => fold(lower(s));
  new DirectoryPage(app, status, index, labelKey, say).start();
}

class DirectoryPage {
  constructor(app, status, index, labelKey, say) {
    this.app = app;
    this.status = status;
    this.index = index;
    this.labelKey = labelKey;
    this.say = say;
    this.facets = index.facets.filter((f) => f.values && f.values.length);
    this.state = { q: "", filters: {}, page: 1 };
    this.counts = {};
    this.total = 0;
    this.shown = 0;
    this.seq = 0; // the latest search; older answers are dropped
    this.typingEntry = false; // the current history entry was pushed by typing
    this.timer = 0;
  }

  // -- state <-> URL --

  readURL() {
    return parseState(location.search, this.facets);
  }

  url(state) {
    const qs = formatState(state, this.facets);
    return location.pathname + (qs ? "?" + qs : "");
  }

  record(how) {
    // how: "push" (a click), "type" (typing: one entry per typing spell)
    const url = this.url(this.state);
    if (how === "type" && this.typingEntry) {
      history.replaceState(null, "", url);
    } else if (url !== location.pathname + location.search) {
      history.pushState(null, "", url);
    }
    this.typingEntry = how === "type";
  }

  // -- building the form --

  start() {
    this.build();
    this.state = this.readURL();
    this.syncControls();
    this.run({ keepPage: true });
    addEventListener("popstate", () => {
      clearTimeout(this.timer);
      this.typingEntry = false;
      this.state = this.readURL();
      this.syncControls();
      this.run({ keepPage: true });
    });
  }

  build() {
    const qId = "dir-q";
    this.input = h("input", {
      id: qId, class: "dir-q__input", type: "search", name: "q", autocomplete: "off",
      spellcheck: "false", enterkeyhint: "search", "aria-describedby": "dir-q-hint",
    });
    this.input.addEventListener("input", () => this.typed());
    const say = this.say;
    const form = h("form", { class: "dir-q", role: "search", "aria-label": say("search.page.form") },
      h("label", { for: qId, class: "dir-q__label", text: say("search.page.label") }),
      this.input,
      h("p", { id: "dir-q-hint", class: "dir-q__hint", text: say("search.page.hint") }));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.typed(0);
    });

    this.toggle = h("button", {
      type: "button", class: "dir-filters__toggle md-button", "aria-expanded": "false", "aria-controls": "dir-facets",
    }, say("search.page.filters"));
    this.toggle.addEventListener("click", () => {
      const open = this.toggle.getAttribute("aria-expanded") !== "true";
      this.toggle.setAttribute("aria-expanded", String(open));
      this.app.classList.toggle("dir-app--filters-open", open);
    });
    this.clear = h("button", { type: "button", class: "dir-clear md-button", text: say("search.page.clear") });
    this.clear.addEventListener("click", () => {
      this.state = { q: this.state.q, filters: {}, page: 1 };
      this.syncControls();
      this.record("push");
      this.run();
    });

    this.facetEls = new Map();
    const facetsBox = h("div", { class: "dir-facets", id: "dir-facets" });
    for (const f of this.facets) facetsBox.append(this.buildFacet(f));
    const aside = h("div", { class: "dir-filters", role: "group", "aria-labelledby": "dir-filters-h" },
      h("h2", { id: "dir-filters-h", class: "dir-filters__title", text: say("search.page.filters") }),
      this.toggle,
      h("div", { class: "dir-filters__body" }, this.clear, facetsBox));

    this.list = h("ol", { class: "dir-results", "aria-labelledby": "dir-results-h" });
    this.more = h("button", { type: "button", class: "dir-more md-button", text: say("search.page.more") });
    this.more.addEventListener("click", () => this.showMore());
    this.shownNote = h("p", { class: "dir-shown" });
    this.empty = h("p", { class: "dir-empty", hidden: true }, say("search.page.empty"));
    const results = h("section", { class: "dir-main", "aria-labelledby": "dir-results-h" },
      h("h2", { id: "dir-results-h", class: "dir-sr", text: say("search.page.results") }),
      this.status, this.empty, this.list, this.shownNote, this.more);

    this.app.replaceChildren(form, aside, results);
  }

  buildFacet(f) {
    const long = f.name === "organisation" || f.values.length > LONG_FACET;
    const fs = h("fieldset", { class: "dir-facet" + (long ? " dir-facet--long" : ""), "data-facet": f.name },
      h("legend", { lang: f.lang ?? null }, f.label));
    const rows = new Map();
    const list = h("div", { class: "dir-facet__values" });
    f.values.forEach((v) => {
      const id = `dir-f-${f.name}-${v.id}`.replace(/[^A-Za-z0-9_-]/g, "_");
      const box = h("input", { type: "checkbox", id, name: f.name, value: v.id });
      box.addEventListener("change", () => this.clicked(f, v.id, box.checked));
      const n = h("span", { class: "dir-n" });
      const text = v.lang ? h("span", { lang: v.lang }, v.label) : v.label; // organisation names; English where a label has no text in the page's language
      const row = h("div", { class: "dir-opt" }, box, h("label", { for: id }, text, " ", n));
      rows.set(v.id, { row, box, n, label: v.label, folded: this.labelKey(v.label) });
      list.append(row);
    });
    const entry = { facet: f, fs, list, rows, long };
    if (long) {
      const fid = `dir-ff-${f.name}`;
      entry.find = h("input", { type: "search", id: fid, class: "dir-facet__find", autocomplete: "off",
        "aria-describedby": `${fid}-note` });
      entry.note = h("p", { id: `${fid}-note`, class: "dir-facet__note", "aria-live": "polite" });
      entry.find.addEventListener("input", () => this.drawLongFacet(entry));
      entry.find.addEventListener("keydown", (ev) => { if (ev.key === "Enter") ev.preventDefault(); });
      fs.append(h("label", { for: fid, class: "dir-facet__find-label",
        text: this.say("search.page.find", { facet: lower(f.label) }) }), entry.find, entry.note);
    }
    fs.append(list);
    this.facetEls.set(f.name, entry);
    return fs;
  }

  syncControls() {
    if (this.input.value.trim() !== this.state.q) this.input.value = this.state.q;
    for (const [name, entry] of this.facetEls) {
      const on = new Set(this.state.filters[name] || []);
      for (const [id, r] of entry.rows) r.box.checked = on.has(id);
    }
  }

  // -- reader actions --

  typed(delay = TYPING_DELAY) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const q = this.input.value.trim();
      if (q === this.state.q) return;
      this.state = { ...this.state, q, page: 1 };
      this.record("type");
      this.run();
    }, delay);
  }

  clicked(facet, id, on) {
    const filters = toggleValue(this.state.filters, facet, id, on);
    // a click also takes whatever has been typed but not yet run
    clearTimeout(this.timer);
    this.state = { q: this.input.value.trim(), filters, page: 1 };
    this.record("push");
    this.run();
  }

  async showMore() {
    this.state = { ...this.state, page: Math.floor(this.shown / PAGE_SIZE) + 1 };
    this.record("push");
    const seq = ++this.seq;
    const offset = this.shown;
    this.app.dataset.state = "loading";
    const res = await this.search(offset, this.state.page * PAGE_SIZE - offset);
    if (seq !== this.seq) return;
    if (!res) {
      this.app.dataset.state = "failed";
      return;
    }
    const first = this.appendResults(res.results);
    this.afterResults(res.total);
    this.app.dataset.state = "ready";
    if (first) first.focus(); // keyboard readers continue where the new results start
  }

  // -- searching and drawing --

  async search(offset, limit) {
    try {
      return await this.index.search({ text: this.state.q, filters: this.state.filters, limit, offset });
    } catch (err) {
      console.error(err);
      this.status.textContent = this.say("search.page.failed");
      return null;
    }
  }

  async run({ keepPage = false } = {}) {
    const seq = ++this.seq;
    if (!keepPage) this.state.page = 1;
    this.app.setAttribute("aria-busy", "true");
    this.app.dataset.state = "loading";
    const res = await this.search(0, this.state.page * PAGE_SIZE);
    if (seq !== this.seq) return;
    this.app.removeAttribute("aria-busy");
    if (!res) {
      this.app.dataset.state = "failed";
      return;
    }
    this.total = res.total;
    this.counts = res.counts || {};
    this.list.replaceChildren();
    this.shown = 0;
    this.appendResults(res.results);
    this.afterResults(res.total);
    this.drawCounts();
    this.app.dataset.state = "ready"; // the list shows the URL's state (tests wait for it)
  }

  afterResults(total) {
    const say = this.say;
    this.status.textContent = say("search.page.count", { n: total });
    this.empty.hidden = total !== 0;
    this.more.hidden = this.shown >= total;
    this.shownNote.hidden = total === 0;
    this.shownNote.textContent = this.shown >= total ? "" : say("search.page.showing", { shown: this.shown, total });
    const active = Object.values(this.state.filters).reduce((n, v) => n + v.length, 0);
    this.toggle.textContent = active ? say("search.page.filters_selected", { n: active }) : say("search.page.filters");
  }

  appendResults(results) {
    let first = null;
    for (const r of results) {
      const li = this.resultItem(r);
      this.list.append(li);
      first = first || li.querySelector("a");
    }
    this.shown += results.length;
    return first;
  }

  resultItem(r) {
    const meta = resultMeta(r);
    const why = resultReasons(r, this.say);
    const nameEn = englishName(r);
    const name = h("a", { class: "dir-result__name", href: r.url, lang: r.lang || null }, r.name);
    const li = h("li", { class: "dir-result" }, h("p", { class: "dir-result__title" }, name));
    if (nameEn) li.append(h("p", { class: "dir-result__en", lang: "en" }, nameEn));
    if (meta) li.append(h("p", { class: "dir-result__meta" }, meta));
    if (why) li.append(h("p", { class: "dir-result__why" }, why));
    if (r.summary) li.append(h("p", { class: "dir-result__summary", lang: r.summaryLang || null }, r.summary));
    return li;
  }

  drawCounts() {
    for (const [name, entry] of this.facetEls) {
      const counts = this.counts[name] || {};
      for (const [id, r] of entry.rows) {
        const n = counts[id] ?? 0;
        r.count = n;
        r.n.textContent = `(${formatNumber(n, lang)})`;
        r.row.classList.toggle("dir-opt--zero", n === 0 && !r.box.checked);
      }
      if (entry.long) this.drawLongFacet(entry);
    }
  }

  drawLongFacet(entry) {
    // the top values by count and every checked one; with filter text, the
    // values whose label contains it (accents and case ignored)
    const text = this.labelKey(entry.find.value.trim());
    const all = [...entry.rows.values()];
    const order = (a, b) => (b.count ?? 0) - (a.count ?? 0) || byLabel.compare(a.label, b.label);
    let shown;
    if (text) {
      const matches = all.filter((r) => r.folded.includes(text)).sort(order);
      shown = matches.slice(0, MAX_MATCHES);
      for (const r of all) if (r.box.checked && !shown.includes(r)) shown.push(r);
      entry.note.textContent = matches.length === 0 ? this.say("search.page.no_match")
        : matches.length > MAX_MATCHES ? this.say("search.page.matches_capped", { shown: MAX_MATCHES, total: matches.length })
          : this.say("search.page.matches", { n: matches.length });
    } else {
      const top = all.filter((r) => r.count > 0).sort(order).slice(0, TOP_VALUES);
      shown = [...all.filter((r) => r.box.checked && !top.includes(r)).sort(order), ...top];
      const key = shown.length > top.length ? "search.page.top_selected" : "search.page.top";
      entry.note.textContent = all.length > shown.length
        ? this.say(key, { n: top.length, rest: all.length - shown.length })
        : "";
    }
    const focused = document.activeElement;
    const want = new Set(shown);
    for (const r of all) r.row.hidden = !want.has(r);
    // reorder only when needed; moving a focused checkbox would lose focus
    const current = [...entry.list.children];
    const target = shown.map((r) => r.row);
    if (current.slice(0, target.length).some((row, i) => row !== target[i])) {
      entry.list.prepend(...target);
      if (focused && entry.list.contains(focused) && document.activeElement !== focused) focused.focus();
    }
  }
}
