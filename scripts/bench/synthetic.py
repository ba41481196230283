"""A synthetic data folder of N valid, realistic programme records.

    python -m bench.synthetic N OUT_FOLDER [--seed S]

writes OUT_FOLDER/{vocabularies,organisations,sources,contacts,programmes}.yaml:
the real vocabularies, about N/20 organisations, N/10 sources, N/50 contacts
and N programme records shaped like the real data:

* hierarchies that follow the kinds vocabulary's allowed parents: action plans
  with pillars (or strands with pillars) and actions, initiatives with courses
  and modules, programmes with pilots, and standalone programmes and pilots;
* records in Dutch, Danish or English (original_language) with English
  translations for most, descriptions of about 300 words in Markdown
  (paragraphs, lists, the odd heading, bold and link) drawn from child and
  family welfare word lists with a Zipf-like word distribution (bench.words);
* every field the schema knows, at rates like the real data's: geography
  (countries, regions and municipalities that agree), organisations with
  roles, target groups with ages, themes, settings, status, replaced_by,
  periods and other dates at every precision, funding, evaluation, legal
  basis, milestones, contacts, links and sources with locators;
* dates relative to "today" (``directory.review.today()``, so DIRECTORY_TODAY
  applies): records reviewed within the last 11 months and contacts cited from
  sources of the last 12 months, so that the folder validates with no errors
  and no warnings.

The same N, seed and day give byte-identical files. Nothing here is real: the
names of people and organisations are random combinations of common names.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import time
import unicodedata
from pathlib import Path
from random import Random

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from directory.review import today as directory_today
from directory.schema import SCHEMA

from . import words as W

ROOT = Path(__file__).resolve().parents[2]
VOCABULARIES = ROOT / "data" / "vocabularies.yaml"
FILES = ("vocabularies.yaml", "organisations.yaml", "sources.yaml", "contacts.yaml", "programmes.yaml")
LANGS = ("nl", "da", "en")
LI = {"nl": 0, "da": 1, "en": 2}

# Optional fields: how often a record has them. "top" records are programmes,
# pilots, initiatives, action plans and courses; "leaf" records are strands,
# pillars, actions and modules, which in the real data carry less.
RATES = {
    #                  top    leaf
    "description":    (0.85, 0.45),
    "target_group":   (0.80, 0.60),
    "settings":       (0.45, 0.20),
    "status":         (0.45, 0.10),
    "period":         (0.45, 0.12),
    "funding":        (0.18, 0.04),
    "evaluation":     (0.15, 0.03),
    "legal_basis":    (0.06, 0.01),
    "milestones":     (0.06, 0.01),
    "contacts":       (0.20, 0.08),
    "links":          (0.20, 0.05),
    "second_source":  (0.25, 0.10),
    "replaced":       (0.04, 0.00),
}
LEAF_KINDS = {"strand", "pillar", "action", "module"}
# A list of vocabulary terms that the code below does not write itself (a
# field added to the schema since): a term or two in this share of records,
# drawn from the second random stream, so the rest of the data stays the same.
OTHER_TERMS = 0.3
WRITTEN = {"themes", "settings", "countries", "regions"}  # the lists of terms written below
OTHER_TERM_LISTS = [(pattern[0], vocab) for pattern, vocab in SCHEMA.vocabulary_fields("programme")
                    if len(pattern) == 2 and pattern[1] == "*" and pattern[0] not in WRITTEN]
NAME_EN = 0.92          # a non-English record has an English name
DESCRIPTION_EN = 0.80   # ... and an English description next to its own
NOTE_EN = 0.85          # ... and English notes
DESCRIPTION_WORDS = (300, 60)  # mean and standard deviation
REVIEWED_WITHIN_DAYS = 330     # under 11 months: no review-due warnings
RECENT_DAYS = 364              # contacts' sources: no contact-age warnings
URN_SIZE = 2**16
TOPIC_SLOTS = URN_SIZE // 6
WORDS_PER_TOKEN = 1.9  # a content word and 0.9 function words on average


class _Full(Exception):
    """The programme budget is spent."""


class _ClusterFull(Exception):
    """The budget of one family of records is spent."""


# --- text ---------------------------------------------------------------------------

class Language:
    """Random text in one language with a Zipf-like word distribution.

    A text is a run of tokens, each a content word with, most of the time, one
    or two function words before it ("in de gemeente", "the families"). Both
    kinds of word are drawn by Zipf-Mandelbrot weights (rank r: 1 / (r + b),
    b = 2.7 for function words, 10 for content words) from an urn of 2**16 slots, each word in as many slots as its weight says,
    so that one 16-bit random number picks a word. The first sixth of the
    content slots stand for the record's own topic words: a text is about
    something, and texts differ from each other.
    """

    def __init__(self, lang: str):
        self.lang = lang
        self.function = W.FUNCTION[lang]
        self.content = [w for w in W.CONTENT[lang] if w not in self.function]
        self.content_urn = [""] * TOPIC_SLOTS + _urn(self.content, URN_SIZE - TOPIC_SLOTS, 10)
        words = _urn(self.function, URN_SIZE, 2.7)
        fixed = Random(0)  # the urn is the same for every seed
        self.prefix_urn = [
            "" if i < URN_SIZE * 0.25 else
            fixed.choice(words) + " " if i < URN_SIZE * 0.85 else
            fixed.choice(words) + " " + fixed.choice(words) + " "
            for i in range(URN_SIZE)]

    def tokens(self, rng: Random, words: int, topic: list[str]) -> list[str]:
        k = max(1, round(words / WORDS_PER_TOKEN))
        picks = memoryview(rng.getrandbits(32 * k).to_bytes(4 * k, sys.byteorder)).cast("H")
        prefix, content, n = self.prefix_urn, self.content_urn, len(topic)
        return [prefix[f] + (content[c] if c >= TOPIC_SLOTS else topic[c % n])
                for f, c in zip(picks[0::2], picks[1::2])]

    def sentences(self, rng: Random, toks: list[str]) -> list[str]:
        out: list[str] = []
        i, n = 0, len(toks)
        random = rng.random
        while i < n:
            length = 4 + int(random() * 8)  # 4 to 11 tokens: about 8 to 21 words
            part = toks[i:i + length]
            i += length
            if len(part) < 3 and out:
                out[-1] = out[-1][:-1] + " " + " ".join(part) + "."
                continue
            if len(part) > 5 and random() < 0.35:
                cut = 2 + int(random() * (len(part) - 3))
                text = " ".join(part[:cut]) + ", " + " ".join(part[cut:])
            else:
                text = " ".join(part)
            out.append(text[0].upper() + text[1:] + ".")
        return out

    def sentence(self, rng: Random, topic: list[str], lo: int, hi: int) -> str:
        return " ".join(self.sentences(rng, self.tokens(rng, rng.randint(lo, hi), topic)))

    def markdown(self, rng: Random, words: int, topic: list[str], link: str | None) -> str:
        """Paragraphs of 2-5 sentences; now and then a list, a level-3 heading,
        a bold phrase or a link."""
        sents = self.sentences(rng, self.tokens(rng, words, topic))
        paras: list[str] = []
        i = 0
        while i < len(sents):
            chunk = sents[i:i + rng.randint(2, 5)]
            i += len(chunk)
            r = rng.random()
            if r < 0.12 and len(chunk) >= 3:
                items = "\n".join(f"- {s[:-1]};" for s in chunk[1:])
                paras.append(chunk[0][:-1] + ":\n\n" + items[:-1] + ".")
                continue
            text = " ".join(chunk)
            if r < 0.20:
                first, _, rest = text.partition(" ")
                second, _, rest = rest.partition(" ")
                if rest:
                    text = f"**{first} {second}** {rest}"
            if r > 0.93 and paras:
                heading = rng.choice(W.TOPICS)[LI[self.lang]]
                text = f"### {heading}\n\n{text}"
            paras.append(text)
        if link:
            title = rng.choice(W.LINK_TITLES[self.lang])
            paras.append(f"[{title}]({link})")
        return "\n\n".join(paras) + "\n"


def _urn(words: list[str], size: int, offset: float) -> list[str]:
    """``size`` slots, shared among ``words`` by Zipf-Mandelbrot weights of
    their rank: 1 / (rank + offset)."""
    weights = [1.0 / (rank + offset) for rank in range(len(words))]
    total = sum(weights)
    counts = [max(1, round(weight * size / total)) for weight in weights]
    counts[0] += size - sum(counts)
    return [word for word, count in zip(words, counts) for _ in range(count)]


def slug(text: str) -> str:
    text = text.translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})


# --- YAML ---------------------------------------------------------------------------

_BASE_DUMPER = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper


class _Dumper(_BASE_DUMPER):
    """Multi-line texts as literal blocks, like the real data. Date strings such
    as "2019" or "2019-07-01" are quoted by the dumper itself (unquoted they
    would read as an integer or a timestamp)."""


    # PyYAML's generic representer (alias bookkeeping, type lookups) is most of
    # the time of writing 10,000 records; the records hold only dicts, lists,
    # strings, integers and booleans, so these take a short way.
    def represent_data(self, data):
        kind = type(data)
        if kind is str:
            return ScalarNode(_STR, data, style="|" if "\n" in data else None)
        if kind is dict:
            return MappingNode(_MAP, [(ScalarNode(_STR, k), self.represent_data(v)) for k, v in data.items()],
                               flow_style=False)
        if kind is list:
            return SequenceNode(_SEQ, [self.represent_data(v) for v in data], flow_style=False)
        return super().represent_data(data)

    def resolve(self, kind, value, implicit):
        # The emitter asks twice for every scalar whether it would read back as
        # a text. A text with a space that does not start with a digit is no
        # number, boolean, null or timestamp; short values repeat (keys, codes).
        if kind is not ScalarNode:
            return _SEQ if kind is SequenceNode else _MAP
        if not implicit[0] or (" " in value and not value[0].isdigit()):
            return _STR
        tag = _RESOLVED.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) < 40:
                _RESOLVED[value] = tag
        return tag


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_RESOLVED: dict[str, str] = {}


def _write(path: Path, key: str, records: list[dict], header: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(header)
        yaml.dump({key: records}, f, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                  width=10**9, default_flow_style=False)


# --- the generator --------------------------------------------------------------------

class _Generator:
    def __init__(self, n: int, seed: int, today: dt.date, vocab: dict):
        self.n, self.seed, self.today = n, seed, today
        self.rng = Random(seed)
        # pools, shares, derived values and websites without a scheme draw from
        # their own generator, so the rest of the data stays as it was
        self.extra = Random(seed + 1)
        self.left = n
        self.serial = 0
        self.width = max(4, len(str(n)))
        self.used: set[str] = set()
        self.lang = {lang: Language(lang) for lang in LANGS}
        self.kinds = {k["id"]: k for k in vocab["kinds"]}
        self.terms = {name: [t["id"] for t in terms] for name, terms in vocab.items()}
        region_country = {t["id"]: t["country"] for t in vocab["regions"]}
        countries = set(self.terms["countries"])
        # only places whose country and regions the vocabularies know
        self.places = {c: {regs: ps for regs, ps in groups.items()
                           if all(region_country.get(r) == c for r in regs)}
                       for c, groups in W.PLACES.items() if c in countries}
        self.organisations: list[dict] = []
        self.sources: list[dict] = []
        self.contacts: list[dict] = []
        self.programmes: list[dict] = []
        self.org_country: dict[str, str | None] = {}
        self.org_domain: dict[str, str] = {}
        # funding: the amounts of each record and the records above it (a
        # part never repeats its whole's amount), and the records holding a pool
        self.amounts_above: dict[str, frozenset] = {}
        self.pool_holders: set[str] = set()
        self.contacts_of: dict[str, list[str]] = {}

    # helpers
    def unique(self, base: str) -> str:
        base = base[:80].strip("-") or "record"
        candidate, i = base, 2
        while candidate in self.used:
            suffix = f"-{i}"
            candidate = base[:80 - len(suffix)].strip("-") + suffix
            i += 1
        self.used.add(candidate)
        return candidate

    def make_id(self, text: str, suffix: str = "") -> str:
        """A new id from a text (and a number that must survive truncation)."""
        base = slug(text)
        if suffix:
            base = f"{base[:79 - len(suffix)].strip('-')}-{suffix}"
        return self.unique(base)

    def days_ago(self, most: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(0, most))

    def partial(self, year: int, weights=(0.6, 0.25, 0.15)) -> str:
        r = self.rng.random()
        if r < weights[0]:
            return f"{year:04d}"
        month = self.rng.randint(1, 12)
        if r < weights[0] + weights[1]:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{self.rng.randint(1, 28):02d}"

    def country(self, international: float = 0.08) -> str | None:
        r = self.rng.random()
        if r < international:
            return None
        known = list(self.places)
        weights = {"BE": 0.36, "NL": 0.24, "DK": 0.40}
        return self.rng.choices(known, weights=[weights.get(c, 0.3) for c in known])[0]

    def place(self, country: str | None) -> tuple[tuple, str | None]:
        if country is None or not self.places.get(country):
            return (), None
        groups = self.places[country]
        regions = self.rng.choice(list(groups))
        return regions, self.rng.choice(groups[regions])

    def texts(self, lang: str, make, en: float) -> dict:
        """A language map: the text in ``lang`` and, at rate ``en``, in English."""
        out = {lang: make(lang)}
        if lang != "en" and self.rng.random() < en:
            out["en"] = make("en")
        return out

    # organisations, sources, contacts
    def make_organisations(self, count: int) -> None:
        rng = self.rng
        fixed = [c for c in ("BE", "NL", "DK") if c in self.places] + [None]
        names: set[str] = set()
        for i in range(count):
            country = fixed[i] if i < len(fixed) else self.country(0.08)
            lang = W.LANGUAGE_OF[country]
            regions, place = self.place(country)
            for attempt in range(20):
                stem = rng.choice(W.STEMS)[LI[lang]]
                pattern = rng.choice(W.ORG_PATTERNS[country])
                name = pattern.format(p=place or "", s=stem).strip()
                if name not in names:
                    break
            else:
                name = f"{name} {i + 1}"
            names.add(name)
            oid = self.make_id(name)
            rec: dict = {"id": oid, "name": {lang: name}, "original_language": lang}
            if lang != "en" and rng.random() < 0.15:
                rec["name"]["en"] = name  # proper names mostly stay as they are
            if rng.random() < 0.8:
                topic = rng.sample(self.lang["en"].content, 10) + [name]
                rec["summary"] = {"en": self.lang["en"].sentence(rng, topic, 12, 30)}
            if country and rng.random() < 0.85:
                rec["countries"] = [country]
                if regions and rng.random() < 0.6:
                    rec["regions"] = list(regions)
                if place and rng.random() < 0.4:
                    rec["municipalities"] = [place]
            same = [o["id"] for o in self.organisations if self.org_country[o["id"]] == country]
            if same and rng.random() < 0.08:
                rec["part_of"] = rng.choice(same)
            domain = f"{slug(name).replace('-', '')[:40]}.{W.TLD[country]}"
            if rng.random() < 0.4:
                rec["url"] = f"https://www.{domain}/"
            elif self.extra.random() < 0.2:
                rec["url_as_stated"] = f"www.{domain}"  # a source without http:// or https://
            if place and rec.get("countries") and self.extra.random() < 0.3:
                rec["derived"] = {"countries": {"en": f"{place}, the municipality named in the source"}}
            self.org_country[oid] = country
            self.org_domain[oid] = domain
            self.organisations.append(rec)

    def make_sources(self, count: int) -> None:
        rng = self.rng
        orgs = self.organisations
        for i in range(count):
            # the first sources are published in each country (and recent), so
            # every cluster and every contact finds one
            publisher = orgs[i] if i < min(4, len(orgs)) else rng.choice(orgs)
            lang = publisher["original_language"]
            year = rng.randint(2012, self.today.year)
            topic = rng.choice(W.TOPICS)
            title = rng.choice(W.SOURCE_TITLES[lang]).format(
                y=year, y2=year + rng.randint(1, 4), t=topic[LI[lang]], q=rng.choice(W.PLAN_SUBJECTS)[LI[lang]])
            sid = self.make_id(f"{publisher['id'][:40]} {title}", str(i + 1))
            rec: dict = {"id": sid, "title": title, "publisher": publisher["id"], "language": lang,
                         "format": rng.choice(W.SOURCE_FORMATS)}
            r = rng.random()
            if i < 4 or r < 0.5:  # recent: may be cited for contacts
                day = self.days_ago(RECENT_DAYS)
                rec["date"] = day.isoformat() if rng.random() < 0.6 else f"{day.year:04d}-{day.month:02d}"
                rec["recent"] = True
            elif r < 0.85:
                rec["date"] = self.partial(rng.randint(2012, self.today.year - 1))
            if "date" in rec and len(rec["date"]) == 10 and rng.random() < 0.5:
                d = dt.date.fromisoformat(rec["date"])
                rec["date_as_stated"] = W.DATE_AS_STATED[lang].format(
                    d=d.day, m=d.month, y=d.year, month=W.MONTHS_EN[d.month - 1])
            if rng.random() < 0.6:
                rec["url"] = f"https://www.{self.org_domain[publisher['id']]}/{slug(title)[:60]}"
            rec["capture"] = f"{i:03d}_{rng.getrandbits(64):016x}.txt"
            self.sources.append(rec)
        self.sources_by_lang = {lang: [s for s in self.sources if s["language"] == lang] for lang in LANGS}
        self.sources_by_country: dict = {}
        for s in self.sources:
            self.sources_by_country.setdefault(self.org_country[s["publisher"]], []).append(s)
        for org in self.organisations:
            own = [s["id"] for s in self.sources if s["publisher"] == org["id"]]
            pool = own or [s["id"] for s in self.sources_by_country.get(self.org_country[org["id"]], self.sources)]
            org["sources"] = [self.source_ref(rng.choice(pool), org["original_language"])]
            org["last_reviewed"] = self.days_ago(REVIEWED_WITHIN_DAYS).isoformat()

    def source_ref(self, sid: str, lang: str, topic: str | None = None) -> dict:
        rng = self.rng
        locator = rng.choice(W.LOCATORS[lang]).format(i=rng.randint(1, 40), j=rng.randint(1, 9),
                                                       t=topic or rng.choice(W.TOPICS)[LI[lang]])
        return {"source": sid, "locator": locator}

    def make_contacts(self, count: int) -> None:
        rng = self.rng
        recent = [s for s in self.sources if s.get("recent")]
        with_country = [o for o in self.organisations if self.org_country[o["id"]]] or self.organisations
        for _ in range(count):
            org = rng.choice(with_country)
            country = self.org_country[org["id"]]
            lang = W.LANGUAGE_OF[country]
            first, last = rng.choice(W.FIRST_NAMES[lang]), rng.choice(W.SURNAMES[lang])
            name = f"{first} {last}"
            rec: dict = {"id": self.make_id(name), "name": name, "organisation": org["id"]}
            if rng.random() < 0.5:
                rec["unit"] = rng.choice(W.ORG_UNITS[lang])
            if rng.random() < 0.7:
                role = rng.choice(W.ROLES)
                rec["role"] = {lang: role[LI[lang]]} | ({"en": role[2]} if lang != "en" else {})
            r = rng.random()
            if r < 0.75:
                local = f"{slug(first)}.{slug(last).replace('-', '')}"
                rec["email"] = f"{local.capitalize() if rng.random() < 0.3 else local}@{self.org_domain[org['id']]}"
            if r > 0.25 or "email" not in rec:
                rec["phone"] = self.phone(country)
            own = [s for s in recent if s["publisher"] == org["id"]]
            same = [s for s in recent if self.org_country[s["publisher"]] == country]
            source = rng.choice(own or same or recent)
            rec["source"] = {"source": source["id"],
                             "locator": rng.choice({"nl": ["Contact", "Info", "slide 17 (Info)"],
                                                    "da": ["Kontakt", "Kontaktpersoner"],
                                                    "en": ["Contact", "Contacts"]}[lang])}
            self.contacts.append(rec)
            self.contacts_of.setdefault(org["id"], []).append(rec["id"])

    def phone(self, country: str | None) -> str:
        d = lambda k: "".join(str(self.rng.randint(0, 9)) for _ in range(k))  # noqa: E731
        if country == "DK":
            return self.rng.choice([f"+45 {d(2)} {d(2)} {d(2)} {d(2)}", f"{d(2)} {d(2)} {d(2)} {d(2)}"])
        if country == "NL":
            return self.rng.choice([f"+31 20 {d(3)} {d(4)}", f"030 {d(3)} {d(2)} {d(2)}", f"06 {d(8)}"])
        return self.rng.choice([f"09 {d(3)} {d(2)} {d(2)}", f"+32 9 {d(3)} {d(2)} {d(2)}",
                                f"011 {d(2)} {d(2)} {d(2)}", f"+32 3 {d(3)} {d(2)} {d(2)}"])

    # programmes
    def make_programmes(self) -> None:
        rng = self.rng
        index = 0
        while self.left > 0:
            cluster = self.cluster(index)
            # no family takes more than a quarter of the records, so that a
            # small folder has several (and every language)
            cluster["left"] = max(3, self.n // 4)
            index += 1
            r = rng.random()
            try:
                if r < 0.5:
                    self.plan_cluster(cluster)
                elif r < 0.75:
                    self.initiative_cluster(cluster)
                else:
                    self.standalone(cluster)
            except _ClusterFull:
                continue
            except _Full:
                break

    def cluster(self, index: int) -> dict:
        """What the records of one source's family share: geography, language,
        organisations, sources, themes and topic words. The first three
        families are Dutch, Danish and English."""
        rng = self.rng
        if index < 3:
            country = [rng.choice([c for c in ("BE", "NL") if c in self.places] or [None]),
                       "DK" if "DK" in self.places else None, None][index]
            lang = W.LANGUAGE_OF[country]
        else:
            country = self.country(0.10)
            lang = W.LANGUAGE_OF[country] if rng.random() < 0.95 else "en"
        regions, place = self.place(country)
        scope_r = rng.random()
        if country is None:
            scope, countries, regions, places = "international", (
                rng.sample(list(self.places), rng.randint(2, len(self.places))) if rng.random() < 0.5 else []), (), []
        elif scope_r < 0.5 and place:
            scope, countries, places = "local", [country], [place]
            if rng.random() < 0.15:
                other = rng.choice(self.places[country][regions])
                if other != place:
                    places.append(other)
        elif scope_r < 0.72 and regions:
            scope, countries, places = "regional", [country], []
        else:
            scope, countries, regions, places = "national", [country], (), []
        local = [o["id"] for o in self.organisations if self.org_country[o["id"]] == country]
        orgs = rng.sample(local, min(len(local), rng.randint(1, 4))) if local else [rng.choice(self.organisations)["id"]]
        pool = self.sources_by_country.get(country) or self.sources_by_lang.get(lang) or self.sources
        sources = [s["id"] for s in rng.sample(pool, min(len(pool), rng.randint(1, 2)))]
        themes = rng.sample(self.terms["themes"], rng.randint(2, 5))
        contacts = [c for o in orgs for c in self.contacts_of.get(o, [])]
        topic = rng.sample(self.lang[lang].content, 25) + [p for p in places]
        topic_en = rng.sample(self.lang["en"].content, 25) + [p for p in places]
        return {"country": country, "lang": lang, "scope": scope, "countries": countries,
                "regions": list(regions), "places": places, "orgs": orgs, "sources": sources,
                "themes": themes, "contacts": contacts, "topic": {lang: topic, "en": topic_en},
                "stem": rng.choice(W.STEMS), "subject": rng.choice(W.PLAN_SUBJECTS),
                "qualifier": place or rng.choice(W.QUALIFIERS), "members": []}

    def plan_cluster(self, c: dict) -> None:
        rng = self.rng
        top = self.add("initiative", None, c) if rng.random() < 0.35 else None
        plan = self.add("action-plan", top, c)
        topics = rng.sample(W.TOPICS, len(W.TOPICS))
        if rng.random() < 0.3:
            for s in range(1, rng.randint(2, 3) + 1):
                strand = self.add("strand", plan, c, str(s), topics.pop())
                for p in range(1, rng.randint(2, 4) + 1):
                    pillar = self.add("pillar", strand, c, f"{s}.{p}", topics.pop())
                    for a in range(1, rng.randint(1, 6) + 1):
                        self.add("action", pillar, c, f"{s}.{p}.{a}", rng.choice(W.TOPICS))
                if rng.random() < 0.2:
                    self.add("action", strand, c, f"{s}.0", rng.choice(W.TOPICS))
        else:
            for p in range(1, rng.randint(3, 7) + 1):
                pillar = self.add("pillar", plan, c, str(p), topics.pop())
                for a in range(1, rng.randint(2, 8) + 1):
                    self.add("action", pillar, c, f"{p}.{a}", rng.choice(W.TOPICS))
        for _ in range(rng.randint(0, 2)):
            self.add(rng.choice(["programme", "pilot"]), plan, c)
        if top is not None:
            for _ in range(rng.randint(0, 2)):
                self.add(rng.choice(["programme", "pilot"]), top, c)

    def initiative_cluster(self, c: dict) -> None:
        rng = self.rng
        init = self.add("initiative", None, c)
        if rng.random() < 0.2:
            init = self.add("initiative", init, c)
        for _ in range(rng.randint(1, 3)):
            self.course(init, c)
        for _ in range(rng.randint(0, 3)):
            prog = self.add(rng.choice(["programme", "programme", "pilot"]), init, c)
            if prog["kind"] == "programme" and rng.random() < 0.2:
                self.course(prog, c)

    def course(self, parent: dict, c: dict, depth: int = 0) -> None:
        rng = self.rng
        course = self.add("course", parent, c, topic=rng.choice(W.TOPICS))
        topics = rng.sample(W.TOPICS, 8)
        for m in range(1, rng.randint(2, 6) + 1):
            self.add("module", course, c, str(m), topics[m])
        if depth == 0 and rng.random() < 0.15:
            self.course(course, c, depth + 1)

    def standalone(self, c: dict) -> None:
        rng = self.rng
        prog = self.add("programme" if rng.random() < 0.7 else "pilot", None, c)
        if prog["kind"] == "programme" and rng.random() < 0.25:
            for _ in range(rng.randint(1, 3)):
                kind = rng.choice(["pilot", "pilot", "programme", "course"])
                if kind == "course":
                    self.course(prog, c)
                else:
                    self.add(kind, prog, c)

    def name(self, kind: str, c: dict, number: str | None, topic: tuple | None) -> tuple[str, str]:
        """(name in the cluster's language, English name), both ending in the serial."""
        q = c["qualifier"]
        values = [dict(n=number or "", t=(topic or c["subject"])[i], s=c["stem"][i],
                       q=c["subject"][i], p=q if isinstance(q, str) else q[i]) for i in range(3)]
        serial = f"{self.serial:0{self.width}d}"
        lang = c["lang"]
        pattern = W.NAME_PATTERNS[kind]
        own = pattern[LI[lang]].format(**values[LI[lang]])
        return f"{own} {serial}", f"{pattern[2].format(**values[2])} {serial}"

    def add(self, kind: str, parent: dict | None, c: dict, number: str | None = None,
            topic: tuple | None = None) -> dict:
        if self.left <= 0:
            raise _Full
        if c["left"] <= 0:
            raise _ClusterFull
        c["left"] -= 1
        if parent is not None:
            allowed = self.kinds[kind].get("parents") or []
            assert parent["kind"] in allowed, f"{kind} under {parent['kind']}"
        rng = self.rng
        self.left -= 1
        self.serial += 1
        lang = c["lang"]
        tier = 1 if kind in LEAF_KINDS else 0
        rate = {k: v[tier] for k, v in RATES.items()}
        own_name, en_name = self.name(kind, c, number, topic)
        own_text, _, serial = own_name.rpartition(" ")
        rid = self.make_id(own_text, serial)
        topic_words = c["topic"]
        text = self.lang
        rec: dict = {"id": rid, "kind": kind, "original_language": lang}
        if parent is not None:
            rec["parent"] = parent["id"]
        rec["name"] = {lang: own_name}
        if lang != "en" and rng.random() < NAME_EN:
            rec["name"]["en"] = en_name
        # every record has an English summary (no english-summary warnings)
        rec["summary"] = {lang: text[lang].sentence(rng, topic_words[lang], 18, 45)}
        if lang != "en":
            rec["summary"]["en"] = text["en"].sentence(rng, topic_words["en"], 18, 45)
        if rng.random() < rate["description"]:
            words = max(120, min(520, int(rng.gauss(*DESCRIPTION_WORDS))))
            link = None
            if rng.random() < 0.03:
                link = f"https://www.{self.org_domain[c['orgs'][0]]}/{slug(own_name)[:50]}"
            rec["description"] = self.texts(
                lang, lambda lg: text[lg].markdown(rng, words + rng.randint(-20, 20), topic_words[lg], link),
                DESCRIPTION_EN)
        if c["countries"]:
            rec["countries"] = list(c["countries"])
        if c["regions"]:
            rec["regions"] = list(c["regions"])
        if c["places"]:
            rec["municipalities"] = list(c["places"])
        rec["scope"] = c["scope"]
        if c["places"] and c["countries"] and self.extra.random() < 0.5:
            fact = {"en": f"{c['places'][0]}, the municipality named in the source"}
            rec["derived"] = {"countries": fact, **({"regions": fact} if c["regions"] else {})}
        orgs = self.involvements(kind, c, lang)
        if orgs:
            rec["organisations"] = orgs
        if rng.random() < rate["target_group"]:
            rec["target_group"] = self.target_group(lang, topic_words, c)
        rec["themes"] = rng.sample(c["themes"], rng.randint(1, len(c["themes"])))
        if rng.random() < rate["settings"]:
            rec["settings"] = rng.sample(self.terms["settings"], rng.randint(1, 2))
        for name, vocab in OTHER_TERM_LISTS:
            if self.extra.random() < OTHER_TERMS:
                rec[name] = self.extra.sample(self.terms[vocab], min(2, len(self.terms[vocab])))
        start_year = rng.randint(2010, self.today.year)
        if rng.random() < rate["period"]:
            period: dict = {"start": self.partial(start_year)}
            if rng.random() < 0.6:
                period["end"] = self.partial(start_year + rng.randint(1, 5), (0.7, 0.2, 0.1))
            if rng.random() < 0.15:
                period["note"] = self.note(lang, topic_words)
            rec["period"] = period
        members = c["members"]
        successors = [m for m in members if m["kind"] == kind]
        if kind in ("programme", "pilot") and successors and rng.random() < rate["replaced"]:
            rec["status"] = "replaced"
            rec["replaced_by"] = rng.choice(successors)["id"]
        elif rng.random() < rate["status"]:
            rec["status"] = rng.choice([s for s in self.terms["statuses"] if s != "replaced"])
            if self.extra.random() < 0.05:
                rec.setdefault("derived", {})["status"] = {"en": "what the source says has happened"}
        above = self.amounts_above.get(parent["id"], frozenset()) if parent is not None else frozenset()
        funding = ([self.funding(c, lang, topic_words, start_year, above) for _ in range(rng.choice([1, 1, 1, 2]))]
                   if rng.random() < rate["funding"] else None)
        if parent is None and kind in ("initiative", "action-plan") and self.extra.random() < 0.2:
            rec["funding"] = [self.pool(c, start_year)]
            self.pool_holders.add(rid)
        elif parent is not None and parent["id"] in self.pool_holders and self.extra.random() < 0.3:
            rec["funding"] = [{"share_of": parent["id"]}]
        elif funding:
            rec["funding"] = funding
        own = {(f["amount"], f.get("currency")) for f in rec.get("funding", []) if "amount" in f and not f.get("pool")}
        self.amounts_above[rid] = above | own if own else above
        if rng.random() < rate["legal_basis"]:
            basis: dict = {"text": self.note(lang, topic_words)}
            if rng.random() < 0.6:
                basis["in_force"] = self.partial(rng.randint(2005, self.today.year), (0.3, 0.2, 0.5))
            rec["legal_basis"] = [basis]
        if rng.random() < rate["milestones"]:
            rec["milestones"] = [self.milestone(lang, topic_words) for _ in range(rng.randint(1, 3))]
        if rng.random() < rate["evaluation"]:
            rec["evaluation"] = self.evaluation(c, lang, topic_words)
        if c["contacts"] and rng.random() < rate["contacts"]:
            rec["contacts"] = rng.sample(c["contacts"], min(len(c["contacts"]), rng.randint(1, 2)))
        if rng.random() < rate["links"]:
            domain = self.org_domain[c["orgs"][0]]
            rec["links"] = [{"title": self.texts(lang, lambda lg: rng.choice(W.LINK_TITLES[lg]), NOTE_EN),
                             "url": f"https://www.{domain}/{slug(en_name)[:60]}{'/' + str(k) if k else ''}"}
                            for k in range(rng.choice([1, 1, 2]))]
        locator_topic = (topic or c["stem"])[LI[lang]]
        refs = [self.source_ref(c["sources"][0], lang, locator_topic)]
        if rng.random() < rate["second_source"]:
            refs.append(self.source_ref(rng.choice(c["sources"]), lang))
        rec["sources"] = refs
        rec["last_reviewed"] = self.days_ago(REVIEWED_WITHIN_DAYS).isoformat()
        self.programmes.append(rec)
        members.append(rec)
        return rec

    def note(self, lang: str, topic: dict) -> dict:
        return self.texts(lang, lambda lg: self.lang[lg].sentence(self.rng, topic[lg], 8, 22), NOTE_EN)

    def involvements(self, kind: str, c: dict, lang: str) -> list[dict]:
        rng = self.rng
        if rng.random() > 0.95:
            return []
        out = [{"id": c["orgs"][0], "role": "lead"}]
        roles = [r for r in self.terms["organisation_roles"] if r != "lead"]
        if kind not in ("course", "module"):
            roles = [r for r in roles if r != "provider"]
        for org in c["orgs"][1:]:
            if rng.random() < 0.6:
                item = {"id": org, "role": rng.choice(roles)}
                if rng.random() < 0.1:
                    item["note"] = self.note(lang, c["topic"])
                out.append(item)
        return out

    def target_group(self, lang: str, topic: dict, c: dict) -> dict:
        rng = self.rng
        who = rng.sample(self.terms["target_groups"], rng.randint(1, 3))
        group: dict = {"who": who}
        if ("pregnant-women" in who or "pregnancy" in c["themes"]) and rng.random() < 0.7:
            group["prenatal"] = True
        if rng.random() < 0.35:
            lo, hi = rng.choice([(0, 3), (0, 6), (0, 12), (3, 12), (6, 18), (12, 18), (12, 23), (16, 25),
                                 (18, 25), (0, 18)])
            group["age_min"], group["age_max"] = lo, hi
        if rng.random() < 0.7:
            group["note"] = self.note(lang, topic)
        return group

    def funding(self, c: dict, lang: str, topic: dict, year: int, above: frozenset = frozenset()) -> dict:
        """A record's own funding: never an amount of a record above it (the
        funding-pool rule refuses a part that repeats its whole's money)."""
        rng = self.rng
        item: dict = {}
        if rng.random() < 0.85:
            currency = W.CURRENCY[c["country"]]
            amount = rng.choice([rng.randint(5, 500) * 1000, rng.randint(1, 80) * 100_000])
            while (amount, currency) in above:
                amount += 1000
            item["amount"] = amount
            item["currency"] = currency
        if rng.random() < 0.7:
            item["funder"] = rng.choice(c["orgs"])
        if rng.random() < 0.5:
            item["period"] = {"start": str(year), "end": str(year + rng.randint(0, 4))}
        if rng.random() < 0.5 or not item:
            item["scope"] = self.note(lang, topic)
        return item

    def pool(self, c: dict, year: int) -> dict:
        """A pool shared among several initiatives: its amounts (10.7 to 99.7
        million) are above any record's own (at most 8 million), so no own
        amount is ever the same as a pool."""
        rng = self.extra
        item: dict = {"amount": rng.randint(10, 99) * 1_000_000 + 700_000,
                      "currency": W.CURRENCY[c["country"]], "pool": True}
        if rng.random() < 0.7:
            item["shared_among"] = rng.randint(2, 12)
        if rng.random() < 0.5:
            item["period"] = {"start": str(year), "end": str(year + rng.randint(1, 4))}
        return item

    def milestone(self, lang: str, topic: dict) -> dict:
        rng = self.rng
        if rng.random() < 0.25:
            date = f"--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        else:
            date = self.partial(rng.randint(2010, self.today.year), (0.3, 0.3, 0.4))
        return {"date": date, "event": self.note(lang, topic)}

    def evaluation(self, c: dict, lang: str, topic: dict) -> dict:
        rng = self.rng
        ev: dict = {"status": rng.choice(self.terms["evaluation_statuses"])}
        if rng.random() < 0.5:
            ev["due"] = self.partial(rng.randint(2015, self.today.year + 2), (0.7, 0.3, 0.0))
        if rng.random() < 0.3:
            ev["by"] = rng.choice(c["orgs"])
        if rng.random() < 0.7:
            ev["note"] = self.note(lang, topic)
        return ev


def generate(n: int, out: Path, seed: int = 1, today: dt.date | None = None) -> dict:
    """Write a data folder of ``n`` programme records (and their organisations,
    sources and contacts) into ``out``; return the number of records of each type."""
    if n < 1:
        raise ValueError("n must be at least 1")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    today = today or directory_today()
    vocab = yaml.load(VOCABULARIES.read_text(encoding="utf-8"),
                      Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["vocabularies"]
    gen = _Generator(n, seed, today, vocab)
    gen.make_organisations(max(5, round(n / 20)))
    gen.make_sources(max(4, round(n / 10)))
    gen.make_contacts(max(1, round(n / 50)))
    gen.make_programmes()
    for source in gen.sources:
        source.pop("recent", None)

    shutil.copyfile(VOCABULARIES, out / "vocabularies.yaml")
    header = (f"# Synthetic benchmark data (python -m bench.synthetic {n} --seed {seed}, "
              f"{today.isoformat()}): not real programmes, organisations or people.\n")
    _write(out / "organisations.yaml", "organisations", gen.organisations, header)
    _write(out / "sources.yaml", "sources", gen.sources, header)
    _write(out / "contacts.yaml", "contacts", gen.contacts, header)
    _write(out / "programmes.yaml", "programmes", gen.programmes, header)

    kinds: dict[str, int] = {}
    languages: dict[str, int] = {}
    for p in gen.programmes:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
        languages[p["original_language"]] = languages.get(p["original_language"], 0) + 1
    return {"programmes": len(gen.programmes), "organisations": len(gen.organisations),
            "sources": len(gen.sources), "contacts": len(gen.contacts),
            "kinds": dict(sorted(kinds.items())), "languages": dict(sorted(languages.items()))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of programme records")
    parser.add_argument("out", type=Path, help="the data folder to write")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    counts = generate(args.n, args.out, args.seed)
    seconds = time.perf_counter() - start
    print(f"{args.out}: {counts['programmes']} programmes, {counts['organisations']} organisations, "
          f"{counts['sources']} sources, {counts['contacts']} contacts in {seconds:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
