// The Coverage page: the filters above its two matrices (country, kind,
// status), which recount both without a page load, and a click on a cell of
// a drawing, which follows the cell's link in the table beside it.
//
//   coverage/?country=DK&kind=pilot&status=active
//
// The filters' state is in the URL, in the directory page's format
// (url-state.js), so a filtered picture can be bookmarked and shared; Back
// and reload restore it. The counts are the search index's (engine.js,
// opened through shared.js): for each theme, one search with the filters and
// that theme gives the theme's total and, as facet counts, its count in each
// age group and country, exactly what the cell's link to the directory page
// will list. The page drew every cell at build time (no filters); this
// module redraws the numbers, shades (draw.level in Python, level() here)
// and links. Every word comes from the page (#pic-coverage-words).

import { formatNumber, openDirectoryIndex, pageLanguage, pageWords, sayer } from "./shared.js";
import { formatState, parseState, toggleValue } from "./url-state.js";

export const FILTERS = ["country", "kind", "status"];
export const LEVELS = 4;

/** The shade of a cell of `n` when the largest has `most` (draw.level). */
export function level(n, most) {
  if (n <= 0 || most <= 0) return 0;
  return Math.min(LEVELS, 1 + Math.floor((LEVELS * n - 1) / most));
}

const root = globalThis.document?.getElementById("pic-coverage");
if (root) main(root);

async function main(root) {
  const words = pageWords("pic-coverage-words");
  const lang = pageLanguage() || "en";
  const say = sayer(words, lang);
  const status = document.getElementById("pic-status");
  const form = document.getElementById("pic-filters");
  const directory = new URL(root.dataset.directory, location.href);
  const tables = [...document.querySelectorAll("table.pic-matrix[data-matrix]")];
  const drawings = new Map([...document.querySelectorAll("svg[data-matrix]")].map((s) => [s.dataset.matrix, s]));

  // a click on a drawing's cell follows the same cell's link in the table
  for (const [name, svg] of drawings) {
    svg.addEventListener("click", (ev) => {
      const cell = ev.target.closest?.("[data-row][data-col]");
      const table = tables.find((t) => t.dataset.matrix === name);
      const link = cell && table && table.querySelector(
        `td[data-row="${CSS.escape(cell.dataset.row)}"][data-col="${CSS.escape(cell.dataset.col)}"] a`);
      if (link) link.click();
    });
  }
  markLinks();

  status.textContent = words.loading;
  let index;
  try {
    index = await openDirectoryIndex();
  } catch (err) {
    console.error(err);
    status.textContent = words.failed;
    return;
  }
  const facets = index.facets.filter((f) => FILTERS.includes(f.name));
  const urlFacets = index.facets; // the directory page's links name every facet in its order
  let seq = 0;

  const read = () => parseState(location.search, facets).filters;
  let filters = read();

  function sync() {
    for (const box of form.querySelectorAll("input[type=checkbox]")) {
      box.checked = (filters[box.name] || []).includes(box.value);
    }
  }

  async function update() {
    const mine = ++seq;
    root.dataset.state = "loading";
    const themes = [...new Set([...document.querySelectorAll("table.pic-matrix td[data-row]")].map((td) => td.dataset.row))];
    const [all, ...perTheme] = await Promise.all([
      index.search({ filters, limit: 0, counts: false }),
      ...themes.map((theme) => index.search({ filters: { ...filters, theme: [theme] }, limit: 0 })),
    ]);
    if (mine !== seq) return;
    const byTheme = new Map(themes.map((theme, k) => [theme, perTheme[k]]));
    for (const table of tables) redraw(table, byTheme);
    const any = Object.keys(filters).length > 0;
    status.textContent = say(any ? "shownFiltered" : "shownAll", { n: all.total });
    root.dataset.state = "ready"; // the tables show the URL's filters (tests wait for it)
  }

  function redraw(table, byTheme) {
    const facet = table.dataset.facet; // "age" or "country"
    const chosen = facet === "country" ? filters.country : null;
    const cells = [...table.querySelectorAll("td[data-row][data-col]")];
    const value = (td) => {
      const res = byTheme.get(td.dataset.row);
      if (!res) return 0;
      if (td.dataset.col === "all") return res.total;
      if (chosen && !chosen.includes(td.dataset.col)) return null; // left out by the filters
      return res.counts[facet]?.[td.dataset.col] ?? 0;
    };
    const values = new Map(cells.map((td) => [td, value(td)]));
    const most = Math.max(0, ...cells.filter((td) => td.dataset.col !== "all").map((td) => values.get(td) ?? 0));
    const gaps = cells.filter((td) => td.dataset.col !== "all" && values.get(td) === 0).length;
    const gapsLine = table.querySelector("caption .pic-gaps");
    if (gapsLine) gapsLine.textContent = say("gaps", { n: gaps });
    const svg = drawings.get(table.dataset.matrix);
    for (const td of cells) {
      const n = values.get(td);
      const { row, col } = td.dataset;
      const cellFilters = { ...filters, theme: [row] };
      if (col !== "all") cellFilters[facet] = [col];
      drawCell(td, n, link(cellFilters));
      const g = svg?.querySelector(`g[data-row="${CSS.escape(row)}"][data-col="${CSS.escape(col)}"]`);
      if (g) {
        g.setAttribute("class", `pic-cell ${n === null ? "pic-off" : `pic-l${level(n, most)}`}`);
        g.querySelector("text").textContent = n === null ? "–" : formatNumber(n, lang);
      }
    }
    markLinks();
  }

  function drawCell(td, n, href) {
    td.classList.toggle("pic-gap", n === 0);
    td.classList.toggle("pic-off", n === null);
    if (n === null) {
      td.replaceChildren("–", Object.assign(document.createElement("span"),
        { className: "pic-sr", textContent: ` ${words.filteredOut}` }));
    } else if (n === 0) {
      td.replaceChildren("0");
    } else {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = formatNumber(n, lang);
      td.replaceChildren(a);
    }
  }

  function link(cellFilters) {
    const qs = formatState({ q: "", filters: cellFilters, page: 1 }, urlFacets);
    return directory.pathname + (qs ? `?${qs}` : "");
  }

  function changed(box) {
    const facet = facets.find((f) => f.name === box.name);
    if (!facet) return;
    filters = toggleValue(filters, facet, box.value, box.checked);
    record();
    update();
  }

  function record() {
    const qs = formatState({ q: "", filters, page: 1 }, facets);
    const url = location.pathname + (qs ? `?${qs}` : "");
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
  }

  form.addEventListener("change", (ev) => {
    if (ev.target instanceof HTMLInputElement) changed(ev.target);
  });
  form.querySelector(".pic-clear").addEventListener("click", () => {
    filters = {};
    sync();
    record();
    update();
  });
  addEventListener("popstate", () => {
    filters = read();
    sync();
    update();
  });
  // values the index does not know (none of its programmes has them) cannot narrow anything
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    const facet = facets.find((f) => f.name === box.name);
    if (!facet || !facet.values.some((v) => v.id === box.value)) box.closest(".pic-opt").hidden = true;
  }
  form.hidden = false;
  sync();
  if (Object.keys(filters).length) {
    await update();
  } else { // the page's own numbers are the unfiltered ones
    status.textContent = say("shownAll", { n: index.count });
    root.dataset.state = "ready";
  }

  /** Cells of the drawings that have a link in the table take a click. */
  function markLinks() {
    for (const table of tables) {
      const svg = drawings.get(table.dataset.matrix);
      if (!svg) continue;
      for (const g of svg.querySelectorAll("g[data-row][data-col]")) {
        const td = table.querySelector(`td[data-row="${CSS.escape(g.dataset.row)}"][data-col="${CSS.escape(g.dataset.col)}"]`);
        g.classList.toggle("pic-link", Boolean(td?.querySelector("a")));
      }
    }
  }
}
