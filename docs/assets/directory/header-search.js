// The search box in the header of every page (overrides/partials/header.html).
//
// Without JavaScript it is a plain form: Enter opens the directory page with
// ?q=... . With JavaScript, the ten best matches show below the box as the
// reader types (ARIA combobox with a listbox popup): ArrowDown/ArrowUp move
// through them, Enter opens the active one (or, with none active, submits the
// form), Escape closes the list; the number of matches is announced. The last
// option is "All N results", the directory page for the query.
//
// The engine and the index load on first use (focus or typing), never with
// the page; shared.js opens them once a page (the directory page's form uses
// the same).
//
// Every word it shows comes from the page, in the page's language: the
// header's JSON block #dir-hsearch-words (search.header.* and search.why.*
// of the catalogue render/locales/<lang>/search.yaml), and the index's labels.

import { englishName, openDirectoryIndex, pageLanguage, pageWords, resultMeta, resultReasons, sayer } from "./shared.js";

const LIMIT = 10;
const TYPING_DELAY = 150; // ms

const form = document.querySelector("form.dir-hsearch");
if (form) setUp(form);

function setUp(form) {
  const input = form.querySelector("input[name=q]");
  if (!input) return;
  const say = sayer(pageWords("dir-hsearch-words"), pageLanguage() || "en");
  const actionURL = new URL(form.getAttribute("action") || "directory/", location.href);

  const listId = "dir-hsearch-list";
  const panel = document.createElement("div");
  panel.className = "dir-hsearch__panel";
  panel.hidden = true;
  const list = document.createElement("div");
  list.id = listId;
  list.className = "dir-hsearch__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", say("search.header.list"));
  panel.append(list);
  const live = document.createElement("div");
  live.className = "dir-sr";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  form.append(panel, live);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let timer = 0;
  let seq = 0;
  let options = [];
  let active = -1;
  let shownFor = null; // the query whose results the list shows

  let loading = null; // Promise of the index
  function load() {
    if (!loading) {
      loading = openDirectoryIndex();
      loading.catch((err) => console.error(err));
    }
    return loading;
  }

  function open() {
    if (!options.length) return;
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    activate(-1);
  }

  function activate(i) {
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = i;
    if (i >= 0 && options[i]) {
      options[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function option(href, id, ...parts) {
    const a = document.createElement("a");
    a.href = href;
    a.id = id;
    a.tabIndex = -1;
    a.className = "dir-hsearch__option";
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.append(...parts);
    return a;
  }

  function span(cls, text, lang) {
    const s = document.createElement("span");
    s.className = cls;
    s.textContent = text;
    if (lang) s.lang = lang;
    return s;
  }

  function draw(query, res) {
    options = res.results.map((r, i) => {
      const parts = [span("dir-hsearch__name", r.name, r.lang)];
      const nameEn = englishName(r);
      if (nameEn) parts.push(span("dir-hsearch__en", nameEn, "en"));
      const meta = resultMeta(r);
      if (meta) parts.push(span("dir-hsearch__meta", meta));
      const why = resultReasons(r, say);
      if (why) parts.push(span("dir-hsearch__why", why));
      return option(r.url, `dir-hsearch-opt-${i}`, ...parts);
    });
    const all = new URL(actionURL);
    all.search = new URLSearchParams({ q: query }).toString();
    const last = res.total > 0 ? say("search.header.all", { n: res.total }) : say("search.header.none_link");
    options.push(option(all.href, "dir-hsearch-opt-all", span("dir-hsearch__all", last)));
    list.replaceChildren(...options);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    shownFor = query;
    live.textContent = res.total === 0 ? say("search.header.none")
      : res.total > LIMIT ? say("search.header.found_first", { n: res.total, limit: LIMIT })
        : say("search.header.found", { n: res.total });
    if (document.activeElement === input || form.contains(document.activeElement)) open();
  }

  async function update() {
    const query = input.value.trim();
    const mine = ++seq;
    if (!query) {
      options = [];
      list.replaceChildren();
      shownFor = null;
      live.textContent = "";
      close();
      return;
    }
    try {
      const index = await load();
      const res = await index.search({ text: query, filters: {}, limit: LIMIT, offset: 0, counts: false });
      if (mine === seq) draw(query, res);
    } catch (err) {
      if (mine === seq) live.textContent = say("search.header.unavailable");
    }
  }

  input.addEventListener("focus", () => {
    load();
    if (shownFor !== null && shownFor === input.value.trim()) open();
  });

  input.addEventListener("input", () => {
    load();
    clearTimeout(timer);
    timer = setTimeout(update, TYPING_DELAY);
  });

  input.addEventListener("keydown", (ev) => {
    if (ev.isComposing) return;
    switch (ev.key) {
      case "ArrowDown":
      case "ArrowUp": {
        ev.preventDefault();
        if (panel.hidden) {
          if (shownFor !== input.value.trim()) { clearTimeout(timer); update(); return; }
          open();
        }
        if (!options.length) return;
        const n = options.length;
        const next = ev.key === "ArrowDown"
          ? (active + 1) % n
          : (active <= 0 ? n - 1 : active - 1);
        activate(next);
        break;
      }
      case "Enter":
        if (!panel.hidden && active >= 0 && options[active]) {
          ev.preventDefault();
          location.assign(options[active].href);
        }
        break; // otherwise the form submits to the directory page
      case "Escape":
        if (!panel.hidden) {
          ev.preventDefault(); // keep the text (a search box clears on Escape)
          close();
        }
        break;
      default:
    }
  });

  form.addEventListener("focusout", (ev) => {
    if (!ev.relatedTarget || !form.contains(ev.relatedTarget)) close();
  });

  // an option clicked with the mouse is a link; keep the focus on the box
  list.addEventListener("mousedown", (ev) => ev.preventDefault());

  form.addEventListener("submit", () => {
    clearTimeout(timer);
  });
}
