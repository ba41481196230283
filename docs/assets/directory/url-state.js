// The directory page's state in its URL's query string, both ways:
//
//   ?q=pleeg&country=DK&theme=foster-care&theme=reunification&page=2
//   <-> {q: "pleeg", filters: {country: ["DK"], theme: ["foster-care", "reunification"]}, page: 2}
//
// Pure functions of their arguments (tests/js/url-state.test.mjs). `facets`
// is the index's facet list ([{name, values: [{id}, ...]}, ...], engine.js):
// a state holds only facets and values it knows, each facet's values in the
// index's order, so one list has one URL.

export const MAX_PAGE = 50; // page=... is clamped to this (1,000 results)

/** The state of a query string ("?q=..." or "q=..."); parameters or values
 * the index does not know are left out, a page out of range is the nearest. */
export function parseState(search, facets) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const f of facets) {
    const values = inOrder(f, params.getAll(f.name));
    if (values.length) filters[f.name] = values;
  }
  const page = Number.parseInt(params.get("page") || "1", 10);
  return {
    q: (params.get("q") || "").trim(),
    filters,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The query string of a state, without "?" ("" for no text, no filters, page 1). */
export function formatState(state, facets) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const f of facets) for (const v of state.filters[f.name] || []) params.append(f.name, v);
  if (state.page > 1) params.set("page", String(state.page));
  return params.toString();
}

/** The filters with one value of a facet checked (`on`) or not. */
export function toggleValue(filters, facet, id, on) {
  const set = new Set(filters[facet.name] || []);
  if (on) set.add(id); else set.delete(id);
  const out = { ...filters };
  const values = inOrder(facet, set);
  if (values.length) out[facet.name] = values;
  else delete out[facet.name];
  return out;
}

/** The known ones of `ids` (once each), in the facet's order. */
function inOrder(facet, ids) {
  const wanted = new Set(ids);
  return facet.values.map((v) => v.id).filter((id) => wanted.has(id));
}
