"""The schema VS Code checks the data files with knows the vocabularies.

The data files name schema/editor.schema.json on their first line. VS Code's
YAML extension checks them against it as you type: it lists the terms of each
vocabulary, so a new term is flagged as unknown until the file is made again
from data/vocabularies.yaml. After adding, removing or relabelling a term, run
`make schema` and commit schema/editor.schema.json with the change. No need in
GitHub's web editor: this is a warning, it never blocks a pull request, the
published site always carries an up-to-date schema, and a maintainer can run
`make schema` later.
"""
from __future__ import annotations

from pathlib import Path

from ...schema.records import Context
from .common import Finding, at_file, terms

ID = "editor-schema"
LEVEL = "warning"


def check(ctx: Context):
    from ...load import display_path
    from ...schema import SCHEMA, SCHEMA_PATH
    from ...schema import editor
    from .vocabulary import NOUNS

    named: dict[Path, object] = {}  # schema file -> the first data file that names it
    for file in ctx.files:
        target = editor.named_schema(Path(file.path))
        if target is not None:
            named.setdefault(target, file)
    fresh = None
    for target, first in named.items():
        committed = editor.load_generated(target)
        if committed is None:  # not a generated schema (or none at all): nothing to compare
            continue
        if fresh is None:
            fresh = editor.generate(SCHEMA.root, ctx.vocabularies())
        if committed == fresh:
            continue
        shown = display_path(target)
        todo = (f"run {editor.COMMAND} and commit {shown} (or leave it to a maintainer: "
                "this warning never blocks a pull request)")
        told = False
        old_terms, new_terms = editor.terms_of(committed), editor.terms_of(fresh)
        for vocab, fresh_terms in new_terms.items():
            old = old_terms.get(vocab, {})
            if vocab not in ctx.vocab_at or old == fresh_terms:
                continue
            file, path = ctx.vocab_at[vocab]
            where: dict = {}  # term id -> its path in the file (the first term with the id)
            for _, term_path, term in terms(ctx, vocab):
                where.setdefault(term.get("id"), term_path)
            noun = NOUNS.get(vocab, "term")
            for i, (tid, described) in enumerate(fresh_terms.items()):
                if tid not in old:
                    what = f"the {noun} '{tid}' is not yet in {shown}, so VS Code flags it as unknown"
                elif old[tid] != described:
                    what = f"{shown} has an old label for the {noun} '{tid}'"
                else:
                    continue
                told = True
                yield at_file(file, where.get(tid, path + (i,)) + ("id",), f"{what}; {todo}")
            gone = [tid for tid in old if tid not in fresh_terms]
            if gone:
                told = True
                listed = ", ".join(f"'{tid}'" for tid in gone)
                yield at_file(file, path, f"{shown} still offers the {vocab.replace('_', ' ')} "
                              f"{listed}, which this vocabulary no longer has; {todo}")
        if not told or editor.skeleton(committed) != editor.skeleton(fresh):
            yield Finding(first.path, 1, 1, "(file)",
                          f"{shown}, which this file names for VS Code, is not what {editor.COMMAND} "
                          f"makes of schema/{SCHEMA_PATH.name} and the vocabularies; {todo}")

