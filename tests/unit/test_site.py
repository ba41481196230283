"""The one pipeline (directory.site): every generated file from build(), the
same files from ``python -m directory render``, a folder written again that
keeps nothing of the earlier site, and one order for every list of names."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

from support import DATA, FIXTURES, ROOT
from directory import site
from directory.render import Options
from directory.search import INDEX_FOLDER


def as_bytes(files: dict[str, str | bytes]) -> dict[str, bytes]:
    return {path: c if isinstance(c, bytes) else c.encode("utf-8") for path, c in files.items()}


def written(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file() and p.name != site.WRITTEN}


def test_data_with_errors_builds_nothing(data_folder):
    data_folder("programmes.yaml", """
        programmes:
          - id: plan
            kind: pilar
            original_language: nl
            name: {nl: Actieplan}
            summary: {nl: Een plan.}
            sources: [{source: ocmw-gent-kinderarmoede-2014}]
            last_reviewed: "2026-11-23"
    """)
    built = site.build("data")
    assert not built.ok and built.directory is None and built.files == {} and built.index is None
    assert [p.format() for p in built.problems if p.level == "error"] == [
        "data/programmes.yaml:3:11: error: programmes[0].kind: unknown kind 'pilar'; "
        "did you mean 'pillar'? allowed: action, action-plan, course, initiative, module, pillar, "
        "pilot, programme, strand [vocabulary]"]


def test_render_writes_exactly_the_files_of_the_build(tmp_path):
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_REPOSITORY", "DIRECTORY_REPOSITORY_URL")}
    env["PYTHONPATH"] = str(ROOT / "scripts")
    run = subprocess.run([sys.executable, "-m", "directory", "render", str(FIXTURES / "golden"), str(out)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    # the command builds as the site does: with the history git gives (directory.history)
    built = site.build(FIXTURES / "golden", site.Options(history_commits=site.feed_commits()))
    assert run.stdout == f"wrote {len(built.files)} pages and data files to {out}\n"
    assert written(out) == as_bytes(built.files)
    assert f"{INDEX_FOLDER}/manifest.json" in built.files and "fields.md" in built.files


def test_options_today_is_the_day_of_the_check_and_of_the_pages():
    def review(day):
        built = site.build(FIXTURES / "golden", Options(today=day) if day else None)
        due = sum(p.rule == "review-due" for p in built.problems)
        return due, built.files["review.md"]

    due, page = review(dt.date(2030, 1, 2))
    assert "As of 2030\\-01\\-02:" in page and f"## Past their review date ({due})" in page and due == 8
    due, page = review(None)  # DIRECTORY_TODAY
    assert "As of 2026\\-11\\-23:" in page and f"## Past their review date ({due})" in page and due == 2


def test_a_folder_written_again_keeps_nothing_of_the_earlier_site(tmp_path):
    """The pages of removed records and the earlier index's files go; a file
    that write() did not write stays, and nothing outside the folder is touched."""
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    site.write(site.build(DATA).files, out)  # many more records, pages and index files
    assert (out / INDEX_FOLDER / "meta" / "3.json").is_file()
    (out / "mine.md").write_text("kept", encoding="utf-8")
    (tmp_path / "outside.md").write_text("kept", encoding="utf-8")
    listed = out / site.WRITTEN
    listed.write_text(listed.read_text(encoding="utf-8") + "../outside.md\n\n.\n", encoding="utf-8")

    smaller = site.build(FIXTURES / "golden").files
    site.write(smaller, out)
    site.write(smaller, fresh)
    assert written(out) == {**written(fresh), "mine.md": b"kept"} and written(fresh) == as_bytes(smaller)
    assert (tmp_path / "outside.md").read_text(encoding="utf-8") == "kept"
    folders = [p for p in out.rglob("*") if p.is_dir()]
    assert folders and all(any(f.iterdir()) for f in folders), "an empty folder is left"


def test_the_site_without_records():
    """What mkdocs serve shows (with the errors) when it starts on bad data."""
    files = site.without_records(Options(today=dt.date(2026, 11, 23))).files
    assert {"index.md", "programmes/index.md", "fields.md", "review.md", "data/directory.json",
            f"{INDEX_FOLDER}/manifest.json"} <= set(files)
    assert not [p for p in files if p.startswith("programmes/") and p != "programmes/index.md"]
    assert json.loads(files["data/directory.json"])["programmes"] == []
    assert json.loads(files[f"{INDEX_FOLDER}/manifest.json"])["count"] == 0


# -- one order for names ---------------------------------------------------------------------

# "Straßburg" casefolds to "strassburg", before "strasse"; lowercased it stays
# "straßburg", after "strasse" (ß sorts after every ASCII letter)
ORGANISATIONS = """
    organisations:
      - id: org-strasse
        name: {en: Strasse Zorg}
        original_language: en
        sources: [{source: ocmw-gent-kinderarmoede-2014}]
        last_reviewed: "2026-11-23"
      - id: org-strassburg
        name: {en: Straßburg Hilfe}
        original_language: en
        sources: [{source: ocmw-gent-kinderarmoede-2014}]
        last_reviewed: "2026-11-23"
"""


def programme(id_: str, name: str, org: str) -> str:
    return f"""
  - id: {id_}
    kind: programme
    original_language: nl
    name: {{nl: {name}}}
    summary: {{nl: Een programma.}}
    organisations: [{{id: {org}, role: lead}}]
    sources: [{{source: ocmw-gent-kinderarmoede-2014}}]
    last_reviewed: "2026-11-23"
"""


def test_every_list_of_names_is_in_one_order(data_folder):
    """Casefolded names, then ids: the programmes' tree and list, the organisations'
    list and the search index (its records and its organisation facet) agree."""
    data_folder("more-organisations.yaml", ORGANISATIONS)
    data_folder("programmes.yaml", "programmes:" + programme("p-strasse", "Strasse plan", "org-strasse")
                + programme("p-strassburg", "Straßburg plan", "org-strassburg"))
    built = site.build("data")
    assert built.ok, [p.format() for p in built.problems]
    assert [p.id for p in built.directory.roots] == ["p-strassburg", "p-strasse"]

    def order(page: str, *names: str) -> list[str]:
        return sorted(names, key=built.files[page].index)

    assert order("programmes/index.md", "Straßburg plan", "Strasse plan") == ["Straßburg plan", "Strasse plan"]
    assert order("organisations/index.md", "Straßburg Hilfe", "Strasse Zorg") == ["Straßburg Hilfe", "Strasse Zorg"]
    manifest = json.loads(built.files[f"{INDEX_FOLDER}/manifest.json"])
    facet = next(f for f in manifest["facets"] if f["name"] == "organisation")
    ours = [v[0] for v in facet["values"] if v[0].startswith("org-stras")]
    assert ours == ["org-strassburg", "org-strasse"]
    meta = json.loads(built.files[f"{INDEX_FOLDER}/meta/0.json"])
    assert [row[0] for row in meta] == ["programmes/p-strassburg/", "programmes/p-strasse/"]
