// The choice of programmes to compare: a Compare box on every result of the
// directory page (added to each result filter.js draws) and on programme
// pages (written by the page, hidden until this module shows it), and the
// tray that says how many are chosen and links to the comparison:
//
//   compare/?p=<id>&p=<id>   (2 to 4 programme ids, in the order chosen)
//
// The choice lives in the tab's sessionStorage while the reader browses
// (nothing leaves the browser; it is gone when the tab closes); the
// comparison's own address holds it from then on, so a comparison can be
// bookmarked and shared (compare.js). Every word comes from the page: the
// JSON block #pic-compare-words (templates/pictures/compare_tray.html.j2,
// read with shared.js's pageWords and sayer).
// The pure functions below are tested under node (tests/js/compare.test.mjs).

import { pageLanguage, pageWords, sayer } from "./shared.js";

export const MAX = 4; // programmes a comparison holds at most
export const MIN = 2;
export const PARAM = "p";
const KEY = "directory.compare"; // the sessionStorage key
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/; // a record's id (the schema's form)

/** Whether `id` has a record id's form (anything else is never fetched). */
export const validId = (id) => typeof id === "string" && id.length <= 200 && ID.test(id);

/** The choice in a query string: {ids: valid ids, once each, at most `max`,
 * in order; invalid: the values that are no id; dropped: valid ids past `max`}. */
export function parseChoice(search, max = MAX) {
  const ids = [], invalid = [];
  let dropped = 0;
  for (const value of new URLSearchParams(search).getAll(PARAM)) {
    const id = value.trim();
    if (!validId(id)) invalid.push(value);
    else if (ids.includes(id)) continue;
    else if (ids.length < max) ids.push(id);
    else dropped++;
  }
  return { ids, invalid, dropped };
}

/** The query string of a choice, without "?": "p=a&p=b". */
export function formatChoice(ids) {
  const params = new URLSearchParams();
  for (const id of ids) params.append(PARAM, id);
  return params.toString();
}

/** The choice with `id` added (`on`) or removed; null when it is full. */
export function toggleChoice(ids, id, on, max = MAX) {
  if (!on) return ids.filter((x) => x !== id);
  if (ids.includes(id)) return ids;
  return ids.length >= max ? null : [...ids, id];
}

/** A programme's id from the URL of its page (…/programmes/<id>/), else null. */
export function idOfUrl(href, base = "http://x/") {
  const path = new URL(href, base).pathname.split("/").filter(Boolean);
  const id = path.length >= 2 && path[path.length - 2] === "programmes" ? path[path.length - 1] : null;
  return id && validId(id) ? id : null;
}

/** The choice kept in this tab, [] when there is none. */
export function readStored(storage = globalThis.sessionStorage) {
  try {
    const ids = JSON.parse(storage?.getItem(KEY) || "[]");
    return Array.isArray(ids) ? ids.filter(validId).slice(0, MAX) : [];
  } catch {
    return []; // storage switched off, or not ours
  }
}

export function writeStored(ids, storage = globalThis.sessionStorage) {
  try {
    if (ids.length) storage?.setItem(KEY, JSON.stringify(ids));
    else storage?.removeItem(KEY);
  } catch { /* storage switched off: the choice lasts this page */ }
}

// -- the tray and the boxes (pages that have #pic-tray) ------------------------

const tray = globalThis.document?.getElementById("pic-tray");
if (tray) new Tray(tray).start();

function Tray(tray) {
  const words = pageWords("pic-compare-words");
  const say = sayer(words, pageLanguage() || "en");
  const count = tray.querySelector(".pic-tray__count");
  const open = tray.querySelector(".pic-tray__open");
  const clear = tray.querySelector(".pic-tray__clear");
  const page = new URL(tray.dataset.comparePage, location.href);
  let ids = readStored();
  let note = "";

  const boxes = () => document.querySelectorAll("input[data-compare]");

  function draw() {
    for (const box of boxes()) box.checked = ids.includes(box.dataset.compare);
    tray.hidden = ids.length === 0;
    open.href = `${page.pathname}?${formatChoice(ids)}`;
    open.hidden = ids.length < MIN;
    const line = say("chosen", { n: ids.length });
    count.textContent = note || (ids.length < MIN ? `${line} ${words.needMore}` : line);
  }

  function changed(box) {
    const next = toggleChoice(ids, box.dataset.compare, box.checked);
    if (next === null) {
      box.checked = false;
      note = say("full", { max: MAX });
    } else {
      ids = next;
      note = "";
      writeStored(ids);
    }
    draw();
  }

  /** A Compare box for each result of the directory page that has none yet. */
  function boxResults(root) {
    for (const item of root.querySelectorAll(".dir-result:not([data-compare-box])")) {
      const link = item.querySelector("a.dir-result__name");
      const id = link && idOfUrl(link.href, location.href);
      item.dataset.compareBox = "";
      if (!id) continue;
      const box = document.createElement("input");
      box.type = "checkbox";
      box.dataset.compare = id;
      box.checked = ids.includes(id);
      const hidden = document.createElement("span");
      hidden.className = "pic-sr";
      hidden.textContent = ` ${link.textContent}`;
      const label = document.createElement("label");
      label.className = "pic-toggle-result";
      label.append(box, ` ${words.toggle}`, hidden);
      item.append(label);
    }
  }

  this.start = () => {
    document.addEventListener("change", (ev) => {
      if (ev.target instanceof HTMLInputElement && ev.target.dataset.compare !== undefined) changed(ev.target);
    });
    clear.addEventListener("click", () => {
      ids = [];
      note = "";
      writeStored(ids);
      draw();
    });
    for (const toggle of document.querySelectorAll(".pic-toggle[hidden]")) toggle.hidden = false;
    const results = document.getElementById("dir-app");
    if (results) {
      boxResults(results);
      new MutationObserver(() => boxResults(results)).observe(results, { childList: true, subtree: true });
    }
    // back to this page from the comparison (or another tab's change): the choice as stored now
    addEventListener("pageshow", () => {
      ids = readStored();
      draw();
    });
    draw();
  };
}
