// Shared by the node tests: an index folder opened through a file-backed fetch.
import {readFile} from "node:fs/promises";
import {fileURLToPath, pathToFileURL} from "node:url";
import path from "node:path";

import {openIndex} from "../../docs/assets/directory/engine.js";

/** The index in `folder` through a file-backed fetch that logs what it reads
 *  (`options`: openIndex's, but fetch). */
export async function open(folder, options = {}) {
  const base = pathToFileURL(folder + path.sep).href;
  const fetched = [];
  const fetch = async (url) => {
    const file = fileURLToPath(url); // drops the ?v= query
    fetched.push(path.relative(folder, file).split(path.sep).join("/"));
    try {
      const data = await readFile(file);
      return {
        ok: true, status: 200,
        json: async () => JSON.parse(data.toString("utf8")),
        arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      };
    } catch {
      return {ok: false, status: 404};
    }
  };
  const index = await openIndex(base, {...options, fetch});
  return {index, fetched, base};
}

/** The record ids of a search result (programme URLs end in programmes/<id>/). */
export const ids = (result) => result.results.map(r => r.url.match(/programmes\/([^/]+)\/$/)[1]);
