// The recall queries of the benchmark (bench/recall.py), run by an engine
// (docs/assets/directory/engine.js, or the baseline's) on an index folder:
//
//   node recall.mjs ENGINE_JS INDEX_FOLDER QUERIES_JSON
//
// QUERIES_JSON: [text, ...]. Prints a JSON list, one object a query:
// {records: the record numbers of every result, first: {kb, files, ms}}, where
// first is what the directory page's first results cost: a search with its
// facet counts and the first 20 results, on a freshly opened index (every
// file fetched once: its bytes are counted). Files are read from disk.
import {readFile} from "node:fs/promises";
import {fileURLToPath, pathToFileURL} from "node:url";
import path from "node:path";

const [enginePath, folder, queriesPath] = process.argv.slice(2);
const {openIndex} = await import(pathToFileURL(path.resolve(enginePath)).href);
const queries = JSON.parse(await readFile(queriesPath, "utf8"));
const base = pathToFileURL(path.resolve(folder) + path.sep).href;

function fileFetch(log) {
  return async (url) => {
    const data = await readFile(fileURLToPath(url)); // drops the ?v= query
    log.push(data.length);
    return {
      ok: true, status: 200,
      json: async () => JSON.parse(data.toString("utf8")),
      arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
    };
  };
}

const out = [];
for (const text of queries) {
  const log = [];
  const start = performance.now();
  const first = await openIndex(base, {fetch: fileFetch(log)});
  await first.search({text, limit: 20});
  const ms = performance.now() - start;
  const all = await openIndex(base, {fetch: fileFetch([])});
  const result = await all.search({text, limit: all.count, counts: false});
  out.push({
    records: result.results.map(r => r.id),
    first: {kb: log.reduce((a, b) => a + b, 0) / 1024, files: log.length, ms},
  });
}
process.stdout.write(JSON.stringify(out));
