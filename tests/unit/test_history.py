"""What changed, when (issue 13): each record's last change and the change
feed, read from git, in a fixture repository of three commits."""
from __future__ import annotations

import os
import gzip
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest

from directory import history, site
from directory.render import Options
from directory.validate import validate
from support import FIXTURES, ROOT

GOLDEN = FIXTURES / "golden"
DAYS = ["2026-01-10", "2026-02-20", "2026-03-05"]

NEW_PROGRAMME = """
  - id: new-one
    kind: programme
    original_language: nl
    name: {nl: Nieuw aanbod, en: New offer}
    summary: {nl: Een nieuw aanbod., en: A new offer.}
    sources:
      - {source: doc-a, locator: slide 9}
    last_reviewed: "2026-03-01"
"""


def git(repo: Path, *args: str, day: str | None = None) -> str:
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    if day:
        env.update(GIT_AUTHOR_DATE=f"{day}T10:00:00+01:00", GIT_COMMITTER_DATE=f"{day}T10:00:00+01:00")
    return subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org",
                           "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def commit(repo: Path, day: str, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, day=day)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def repo(tmp_path) -> Path:
    """Three commits: the golden fixture; plan-a's funding and house-old's
    English summary changed; a programme added and action-b removed."""
    repo = tmp_path / "repo"
    data = repo / "data"
    shutil.copytree(GOLDEN, data)
    git(repo, "init", "-q")
    commit(repo, DAYS[0], "The golden fixture")
    edit(data / "programmes.yaml", "      - amount: 1000000\n", "      - amount: 1200000\n")
    edit(data / "programmes.yaml", "en: Residential offer for families with children aged 0-6.}",
         "en: A residential offer for families with children aged 0 to 6.}")
    commit(repo, DAYS[1], "Funding and a summary")
    text = (data / "programmes.yaml").read_text("utf-8")
    start = text.index("  - id: action-b\n")
    end = text.index("  - id: house-old\n")
    (data / "programmes.yaml").write_text(text[:start] + text[end:] + NEW_PROGRAMME, "utf-8")
    commit(repo, DAYS[2], "A new programme; action-b removed")
    assert validate(data).ok
    return data


def read(data: Path, commits: int = 100):
    return history.read(validate(data).context, data, commits)


def test_each_record_has_the_day_of_its_last_change(repo):
    h = read(repo)
    days = {key: c.day for key, c in h.last_changed.items()}
    assert days[("programme", "plan-a")] == DAYS[1]
    assert days[("programme", "house-old")] == DAYS[1]
    assert days[("programme", "new-one")] == DAYS[2]
    assert days[("programme", "action-a")] == DAYS[0]
    assert days[("organisation", "org-nl")] == DAYS[0]
    assert days[("contact", "person-a")] == DAYS[0]
    assert days[("source", "doc-a")] == DAYS[0]
    assert len(days) == len(validate(repo).context.records)


def test_the_changes_newest_first_with_what_changed(repo):
    h = read(repo)
    said = [(c.commit.day, c.type, c.id, c.what, tuple(f.field for f in c.fields), c.name) for c in h.changes]
    assert said[:4] == [
        (DAYS[2], "programme", "new-one", "added", (), None),
        (DAYS[2], "programme", "action-b", "removed", (), "Jongerenwerking"),
        (DAYS[1], "programme", "plan-a", "changed", ("funding",), None),
        (DAYS[1], "programme", "house-old", "changed", ("summary",), None),
    ]
    first = said[4:]
    assert {c[3] for c in first} == {"added"} and {c[0] for c in first} == {DAYS[0]}
    assert len(first) == len(validate(GOLDEN).context.records)


def test_the_feed_covers_only_the_newest_commits(repo):
    h = read(repo, commits=2)
    assert [c.commit.day for c in h.changes] == [DAYS[2]] * 2 + [DAYS[1]] * 2
    assert h.of("programme", "action-a").day == DAYS[0]  # the last change is still found further back


def test_the_feed_is_atom_with_an_entry_for_each_change(repo):
    built = site.build(repo, Options(history_commits=100, today=None))
    assert built.ok
    feed = feedparser.parse(built.files["feed.xml"], response_headers={
        "content-location": "https://site.test/feed.xml", "content-type": "application/atom+xml"})
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Programme directory for child and family welfare: what changed"
    assert feed.feed.updated == f"{DAYS[2]}T10:00:00+01:00"
    top = [(e.title, e.summary, next((x.href for x in e.get("links", []) if x.rel == "alternate"), None), e.updated[:10])
           for e in feed.entries[:4]]
    assert top == [
        ("Nieuw aanbod", "New programme", "https://site.test/programmes/new-one/", DAYS[2]),
        ("Jongerenwerking", "Programme removed", None, DAYS[2]),
        ("Actieplan A", "funding changed", "https://site.test/programmes/plan-a/", DAYS[1]),
        ("Familiehuset", "summary changed", "https://site.test/programmes/house-old/", DAYS[1]),
    ]
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids)) and all(i.startswith("urn:uuid:") for i in ids)
    again = feedparser.parse(site.build(repo, Options(history_commits=100)).files["feed.xml"])
    assert [e.id for e in again.entries] == ids  # an entry keeps its id from build to build


def test_pages_show_the_last_change_and_the_history_link(repo):
    built = site.build(repo, Options(history_commits=100, repository_url="https://github.com/o/r"))
    page = built.files["programmes/plan-a.md"]
    head = git(repo.parent, "rev-parse", "HEAD").strip()
    lines = re.search(r"/blame/[0-9a-f]{40}/data/programmes\.yaml#L(\d+)-L(\d+)", page)
    assert lines, page[-400:]
    assert f"Last changed on 2026\\-02\\-20 · [History](https://github.com/o/r/blame/{head}/data/programmes.yaml" \
        f"#L{lines[1]}-L{lines[2]}) · Data: [JSON](plan-a.json)" in page
    text = (repo / "programmes.yaml").read_text("utf-8").splitlines()
    assert text[int(lines[1]) - 1] == "  - id: plan-a"
    assert text[int(lines[2])].strip() == ""  # the record's last line of content, then the blank line
    assert built.lastmod["programmes/plan-a.md"] == DAYS[1]
    assert "last_changed" not in __import__("json").loads(site.build(repo).files["programmes/plan-a.json"])
    assert __import__("json").loads(built.files["programmes/plan-a.json"])["last_changed"] == DAYS[1]
    whats_new = built.files["whats-new.md"]
    assert "- [Actieplan A](programmes/plan-a.md): funding changed" in whats_new
    assert "- Jongerenwerking: Programme removed" in whats_new


def test_outside_git_the_line_is_left_out(repo, tmp_path):
    plain = tmp_path / "tarball" / "data"
    shutil.copytree(repo, plain)
    assert read(plain) is None
    built = site.build(plain, Options(history_commits=100))
    assert "Last changed" not in built.files["programmes/plan-a.md"]
    assert "Data: [JSON](plan-a.json)" in built.files["programmes/plan-a.md"]
    assert "not built from the directory&#39;s git repository" in built.files["whats-new.md"]
    assert feedparser.parse(built.files["feed.xml"]).entries == []
    assert built.lastmod == {}


def test_a_record_with_uncommitted_changes_has_no_date(repo):
    edit(repo / "programmes.yaml", "      - amount: 1200000\n", "      - amount: 1300000\n")
    h = read(repo)
    assert h.of("programme", "plan-a") is None
    assert h.of("programme", "house-old").day == DAYS[1]


@pytest.mark.site
def test_the_sitemap_carries_the_days(repo, tmp_path, monkeypatch):
    """With the site's address set (DIRECTORY_SITE_URL, as the publish
    workflow sets it), the sitemap lists every language's pages: the record
    pages' lastmod is the day git last changed the record."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("DIRECTORY_DATA", str(repo))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    out = tmp_path / "site"
    # the site's address as the publish workflow gives it (from GitHub Pages)
    monkeypatch.setenv("DIRECTORY_SITE_URL", "https://site.test")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True)
    config.plugins.on_startup(command="build", dirty=False)  # as the mkdocs command does
    build(config)
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    # every page of every language, a record's page with the day git last changed its record
    days = dict(re.findall(r"<url><loc>https://site\.test/([^<]*)</loc><lastmod>([^<]+)</lastmod></url>", sitemap))
    pages = [p.relative_to(out).parent.as_posix() + "/" for p in out.rglob("index.html") if p.parent != out]
    assert sorted(days) == sorted(["", *pages])
    for prefix in ("", "nl/", "da/"):
        assert days[f"{prefix}programmes/plan-a/"] == "2026-02-20"
        assert days[f"{prefix}programmes/new-one/"] == "2026-03-05"
    assert gzip.decompress((out / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 4 + len(validate(GOLDEN).context.records)


def test_hostile_names_are_text_in_the_feed(tmp_path):
    repo = tmp_path / "repo"
    data = repo / "data"
    shutil.copytree(FIXTURES / "hostile", data)
    git(repo, "init", "-q")
    commit(repo, DAYS[0], "The hostile fixture")
    built = site.build(data, Options(history_commits=100))
    feed = feedparser.parse(built.files["feed.xml"])
    assert not feed.bozo, feed.bozo_exception
    titles = {e.title for e in feed.entries}
    name = built.directory.programmes["title-break-out"].name.source
    assert "</script>" in name and name in titles
    assert b"<script>" not in built.files["feed.xml"]
    assert all(e.summary_detail.type == "text/plain" for e in feed.entries)


def test_a_sitemap_of_more_pages_than_a_file_may_hold_is_split_under_an_index():
    from xml.etree import ElementTree as ET

    from directory.render.sitemap import NAMESPACE, sitemap
    pages = [(f"programmes/p{n}/", f"2026-01-{n % 28 + 1:02d}") for n in range(5)] + [("", "2026-02-01")]
    files = sitemap("https://site.test", pages, limit=2)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    ns = {"s": NAMESPACE}
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{{{NAMESPACE}}}sitemapindex"
    assert [e.text for e in index.findall("s:sitemap/s:loc", ns)] == [
        "https://site.test/sitemap-1.xml", "https://site.test/sitemap-2.xml", "https://site.test/sitemap-3.xml"]
    listed = [(u.find("s:loc", ns).text, u.find("s:lastmod", ns).text)
              for name in ("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml")
              for u in ET.fromstring(files[name]).findall("s:url", ns)]
    assert sorted(listed) == sorted((f"https://site.test/{a}", d) for a, d in pages)
    # an index entry is dated by the newest of its pages
    assert [e.text for e in index.findall("s:sitemap/s:lastmod", ns)] == ["2026-02-01", "2026-01-03", "2026-01-05"]
    one = sitemap("https://site.test/", [("a/&b/", "2026-01-01")])
    assert list(one) == ["sitemap.xml"] and b"<loc>https://site.test/a/&amp;b/</loc>" in one["sitemap.xml"]
