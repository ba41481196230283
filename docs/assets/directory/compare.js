// The Compare page: 2 to 4 programmes side by side, their facts in aligned
// rows, the rows where they differ marked "differs" (in words, a bar and a
// tint: never by colour alone), and a fact a programme's page does not
// state shown as "not stated".
//
//   compare/?p=<id>&p=<id>[&p=<id>[&p=<id>]]
//
// The address holds the choice (reload, Back and a shared link show the same
// comparison). The facts are the programmes' own pages, fetched from this
// site: the rows of their Facts list (.facts dl: one row a term, in the
// page's language, as the page words them) and their sources (the items
// that link to the Sources page), so the comparison says exactly what the
// pages say. Only text, links (to http(s), mailto, tel or this site) and
// language marks are copied from a fetched page; nothing in it runs. Every
// word comes from the page (#pic-compare-page-words).

import { MAX, MIN, formatChoice, parseChoice, writeStored } from "./compare-tray.js";
import { h, pageLanguage, pageWords, sayer } from "./shared.js";

const KEEP = new Set(["A", "SPAN", "STRONG", "EM", "CODE", "BR", "UL", "OL", "LI", "P", "ABBR"]);
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

const app = globalThis.document?.getElementById("pic-compare");
if (app) main(app);

async function main(app) {
  const words = pageWords("pic-compare-page-words");
  const say = sayer(words, pageLanguage() || "en");
  const programmes = new URL(app.dataset.programmes, location.href);
  const pages = new Map(); // id -> Promise of the page's facts (or an error)
  app.hidden = false;

  const load = (id) => {
    if (!pages.has(id)) pages.set(id, fetchProgramme(new URL(`${id}/`, programmes)).catch((err) => ({ error: err })));
    return pages.get(id);
  };

  async function draw() {
    const choice = parseChoice(location.search);
    const canonical = formatChoice(choice.ids);
    if (canonical !== location.search.replace(/^\?/, "")) {
      history.replaceState(null, "", location.pathname + (canonical ? `?${canonical}` : ""));
    }
    writeStored(choice.ids);
    app.dataset.state = "loading";
    app.setAttribute("aria-busy", "true");
    const messages = h("div", { class: "pic-compare-messages", role: "status" });
    app.replaceChildren(messages);
    if (!choice.ids.length) {
      messages.append(h("p", { class: "pic-compare-message", text: words.empty }));
      return done();
    }
    messages.append(h("p", { text: words.loading }));
    const found = await Promise.all(choice.ids.map(load));
    messages.replaceChildren();
    const shown = [];
    choice.ids.forEach((id, k) => {
      const page = found[k];
      if (page.error) messages.append(h("p", { class: "pic-compare-message",
        text: say(page.error.missing ? "missing" : "failed", { id }) }));
      else shown.push({ id, ...page });
    });
    for (const value of choice.invalid) messages.append(h("p", { class: "pic-compare-message",
      text: say("missing", { id: value }) }));
    if (choice.dropped) messages.append(h("p", { class: "pic-compare-message",
      text: say("tooMany", { max: MAX }) }));
    if (shown.length) app.append(table(shown, choice.ids));
    return done();
  }

  function done() {
    app.removeAttribute("aria-busy");
    app.dataset.state = "ready"; // the page shows the address's choice (tests wait for it)
  }

  function remove(id, ids) {
    const rest = ids.filter((x) => x !== id);
    history.pushState(null, "", location.pathname + (rest.length ? `?${formatChoice(rest)}` : ""));
    draw().then(() => app.querySelector("caption")?.focus());
  }

  function table(shown, ids) {
    const rows = alignedRows(shown.map((p) => p.facts.map(([key]) => key)));
    const head = h("tr", {}, h("th", { scope: "col", class: "pic-fact", text: words.fact }));
    for (const p of shown) {
      head.append(h("th", { scope: "col" },
        h("a", { href: p.url }, h("span", { lang: p.lang }, p.name)),
        h("button", { type: "button", class: "md-button pic-remove", onclick: () => remove(p.id, ids) },
          words.remove, h("span", { class: "pic-sr", lang: p.lang }, ` ${p.name}`))));
    }
    const body = h("tbody");
    const cells = (values) => values.map((nodes) => nodes
      ? h("td", {}, ...nodes.map((n) => n.cloneNode(true)))
      : h("td", {}, h("span", { class: "pic-not-stated", text: words.notStated })));
    for (const key of rows) {
      const values = shown.map((p) => p.facts.find(([k]) => k === key)?.[1] ?? null);
      body.append(row(key, values, cells(values)));
    }
    const sources = shown.map((p) => (p.sources.length ? [h("ul", {}, ...p.sources)] : null));
    body.append(row(words.sources, sources, cells(sources)));
    const caption = h("caption", { tabindex: "-1", text: say("caption", { n: shown.length }) });
    return h("table", { class: "pic-compare-table" }, caption, h("thead", {}, head), body);
  }

  function row(key, values, tds) {
    const differs = differ(values);
    const th = h("th", { scope: "row" }, key);
    if (differs) th.append(h("span", { class: "pic-differs-mark", text: words.differs }));
    return h("tr", { class: differs ? "pic-differs" : null }, th, ...tds);
  }

  function differ(values) {
    // a row differs when its texts are not all the same ("not stated" counts as a value)
    if (values.length < MIN) return false;
    return new Set(values.map((nodes) => (nodes ? textOf(nodes) : "\u0000"))).size > 1;
  }

  addEventListener("popstate", () => draw());
  await draw();
}

/** The words of nodes, spaces folded (what two programmes' cells are compared by). */
function textOf(nodes) {
  return nodes.map((n) => n.textContent).join(" ").replace(/\s+/g, " ").trim();
}

/** One row a key: every key of every programme once, each programme's keys
 * in their order; a key the others lack comes just before the next key of
 * its own list that they have (or last). */
export function alignedRows(lists) {
  const out = [];
  for (const keys of lists) {
    keys.forEach((key, i) => {
      if (out.includes(key)) return;
      const next = keys.slice(i + 1).find((k) => out.includes(k));
      if (next === undefined) out.push(key);
      else out.splice(out.indexOf(next), 0, key);
    });
  }
  return out;
}

/** A programme page's name, language and facts: [[term, [nodes]], ...] and source items. */
async function fetchProgramme(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (response.status === 404) throw Object.assign(new Error("no such programme"), { missing: true });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  const pageUrl = response.url || url.href;
  const article = doc.querySelector("article");
  const h1 = article?.querySelector("h1");
  const list = article?.querySelector(".facts dl");
  if (!h1 || !list) throw new Error("not a programme page");
  const heading = h1.cloneNode(true);
  heading.querySelectorAll(".headerlink").forEach((a) => a.remove());
  const facts = [];
  let current = null;
  for (const el of list.children) {
    if (el.tagName === "DT") {
      current = [el.textContent.replace(/\s+/g, " ").trim(), []];
      facts.push(current);
    } else if (el.tagName === "DD" && current) {
      if (current[1].length) current[1].push(document.createTextNode(" "));
      current[1].push(copy(el, pageUrl));
    }
  }
  const sources = [];
  for (const item of article.querySelectorAll("li")) {
    const link = [...item.querySelectorAll("a[href]")].find((a) => isSourceLink(a.getAttribute("href"), pageUrl));
    if (link && !item.querySelector("li")) sources.push(h("li", {}, copy(item, pageUrl)));
  }
  return {
    url: pageUrl,
    name: heading.textContent.replace(/\s+/g, " ").trim(),
    lang: LANG.test(h1.getAttribute("lang") || "") ? h1.getAttribute("lang") : null,
    facts,
    sources,
  };
}

function isSourceLink(href, base) {
  const url = new URL(href || "", base);
  return url.origin === location.origin && /\/sources\/$/.test(url.pathname) && url.hash.length > 1;
}

/** The content of `node` as a fragment of this document: text, and only the
 * elements of KEEP with a language mark and (links) a safe address. */
function copy(node, base) {
  const out = document.createDocumentFragment();
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.append(document.createTextNode(child.nodeValue));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      if (child.classList.contains("headerlink")) continue;
      if (!KEEP.has(child.tagName)) {
        out.append(copy(child, base));
        continue;
      }
      const el = document.createElement(child.tagName.toLowerCase());
      const lang = child.getAttribute("lang");
      if (lang && LANG.test(lang)) el.setAttribute("lang", lang);
      if (child.tagName === "A") {
        const href = safeHref(child.getAttribute("href"), base);
        if (href) el.setAttribute("href", href);
      }
      el.append(copy(child, base));
      out.append(el);
    }
  }
  return out;
}

function safeHref(href, base) {
  if (!href) return null;
  let url;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.origin === location.origin) return url.href;
  return ["http:", "https:", "mailto:", "tel:"].includes(url.protocol) ? url.href : null;
}
