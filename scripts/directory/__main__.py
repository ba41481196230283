"""Command line: ``python -m directory check|render|fmt|new|links|schema …`` (``--help`` lists them).

Run with ``scripts/`` on PYTHONPATH (the Makefile does this).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from . import site
from .schema import editor
from .tools import fmt, links, new
from .problems import errors, summary
from .render import i18n
from .validate import validate


def _check(args) -> int:
    result = validate(args.data)
    # the site's own words too: a catalogue with problems stops the build as data errors do
    problems = sorted(result.problems + i18n.check())
    fmt = args.format
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if fmt == "json":
        json.dump([p.__dict__ for p in problems], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for p in problems:
            print(p.github() if fmt == "github" else p.format())
        if not problems:
            n = len(result.context.records)
            print(f"{args.data}: {n} records, no problems")
        else:
            sys.stdout.flush()
            print(f"{args.data}: {summary(problems)}", file=sys.stderr)
    return 1 if errors(problems) else 0


def _render(args) -> int:
    built = site.build(args.data, site.environment_options())
    for p in built.problems:
        print(p.format(), file=sys.stderr)
    if not built.ok:
        print(f"{args.data}: {summary(built.problems)}; nothing rendered", file=sys.stderr)
        return 1
    site.write(built.files, args.out)
    print(f"wrote {len(built.files)} pages and data files to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="directory", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a data folder; exit 1 on errors")
    check.add_argument("data", nargs="?", default="data")
    check.add_argument("--format", choices=["auto", "text", "github", "json"], default="auto")
    check.set_defaults(func=_check)
    render = sub.add_parser("render", help="write every generated file of the site (pages, open data, search "
                            "index) into a folder")
    render.add_argument("data", nargs="?", default="data")
    render.add_argument("out")
    render.set_defaults(func=_render)
    # editors' tools, one module each; each registers its own subcommand
    for tool in (fmt, new, links, editor):
        tool.add_command(sub)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
