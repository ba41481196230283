"""The directory as typed records with their relations resolved.

Built only from data that passed validation, so every reference resolves and
every date parses. Which record type a reference names is the schema's to
say (``SCHEMA.references``). Lists of records are sorted by name with
``sort_key`` (case folded, then id) wherever they are shown. Nothing here
knows about pages or MkDocs.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .languages import LANGUAGES
from .names import library_name
from .schema import SCHEMA, dates
from .schema.dates import PartialDate
from .schema.records import RECORD_LISTS, Context, Record


class Fields:
    """Read a record's other fields by their names: ``p.languages``.

    The typed attributes below are the fields the model reads its own way;
    every other field the schema gives the record type is kept in ``other``,
    read as the schema says (:func:`_read_field`): a text in several
    languages as Texts, a date as a PartialDate, the id of another record as
    that record, lists of them as lists, anything else as it is. A field the
    record leaves out reads as None. So a new field needs the schema and the
    template that shows it, nothing here."""

    KIND = ""  # the record type in the schema

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        other = self.__dict__.get("other") or {}
        if name in other:
            return other[name]
        if name in _schema_fields(self.KIND):
            return None
        raise AttributeError(f"{type(self).__name__} has no field {name!r}")


def _schema_fields(kind: str) -> frozenset[str]:
    return frozenset(f.key for f in SCHEMA.fields(kind) if len(f.path) == 1)


@dataclass(frozen=True)
class Texts:
    """One text in several languages; ``original`` is the source's language."""

    by_lang: dict[str, str]
    original: str

    @property
    def source(self) -> str:
        return self.by_lang.get(self.original) or next(iter(self.by_lang.values()), "")

    @property
    def en(self) -> str | None:
        return self.by_lang.get("en")

    def translations(self) -> list[tuple[str, str]]:
        """(lang, text) other than the original, English first."""
        others = [(k, v) for k, v in self.by_lang.items() if k != self.original]
        return sorted(others, key=lambda kv: (kv[0] != "en", kv[0]))

    def __bool__(self) -> bool:
        return bool(self.by_lang)


def _texts(value: Any, original: str) -> Texts:
    return Texts(dict(value or {}), original)


@dataclass(frozen=True)
class Term:
    """A term of a vocabulary. ``label`` has the term's name in each of the
    site's languages: as the data writes it, or for a country or region
    that leaves a language out, as the CLDR or pycountry name it
    (:mod:`directory.names`; the vocabulary-labels rule sees that none is
    missing)."""

    id: str
    label: Texts
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def en(self) -> str:
        return self.label.en or self.id

    def name(self, lang: str) -> str:
        """The label in ``lang``."""
        return self.label.by_lang.get(lang) or self.en

    def plural(self, lang: str) -> str:
        """A kind's name in the plural, in ``lang``."""
        plural = self.extra.get("plural") or {}
        return plural.get(lang) or plural.get("en") or self.en

    def description(self, lang: str) -> str | None:
        """What the term means, in ``lang``, where the vocabulary says."""
        texts = self.extra.get("description") or {}
        return texts.get(lang) or None


@dataclass
class Vocabularies:
    terms: dict[str, dict[str, Term]]

    def term(self, vocab: str, term_id: str) -> Term:
        return self.terms[vocab][term_id]

    def label(self, vocab: str, term_id: str, lang: str = "en") -> str:
        return self.terms[vocab][term_id].name(lang)

    def ordered(self, vocab: str) -> list[Term]:
        return list(self.terms.get(vocab, {}).values())


@dataclass
class Location:
    """Where a record stands in the data, for 'edit this record'."""

    path: str
    line: int


@dataclass
class Organisation(Fields):
    KIND = "organisation"

    id: str
    name: Texts
    summary: Texts
    countries: list[str]
    regions: list[str]
    municipalities: list[str]
    url: str | None
    sources: list[SourceRef]
    last_reviewed: str
    location: Location
    part_of: Organisation | None = None
    url_as_stated: str | None = None  # a website the source gives without its scheme
    # field name -> what its value is derived from (a fact the source states)
    derived: dict[str, Texts] = field(default_factory=dict)
    other: dict[str, Any] = field(default_factory=dict, repr=False)  # see Fields

    @property
    def sort_key(self) -> tuple[str, str]:
        """Alphabetical by name as the source gives it (then id), as programmes."""
        return (self.name.source.casefold(), self.id)


@dataclass
class Source(Fields):
    KIND = "source"

    id: str
    title: str
    publisher: Organisation
    language: str
    format: str | None
    date: PartialDate | None
    date_as_stated: str | None
    url: str | None
    capture: str | None
    other: dict[str, Any] = field(default_factory=dict, repr=False)  # see Fields


@dataclass
class SourceRef:
    source: Source
    locator: str | None


@dataclass
class Contact(Fields):
    KIND = "contact"

    id: str
    name: str | None
    organisation: Organisation
    unit: str | None
    role: Texts
    email: str | None
    phone: str | None
    source: SourceRef
    location: Location
    other: dict[str, Any] = field(default_factory=dict, repr=False)  # see Fields

    @property
    def title(self) -> str:
        return self.name or self.unit or f"Contact at {self.organisation.name.source}"

    @property
    def date(self) -> PartialDate | None:
        """A contact is as current as the source that published it."""
        return self.source.source.date

    @property
    def sort_key(self) -> tuple[str, str]:
        """Alphabetical by the name the page gives it (then id), as programmes."""
        return (self.title.casefold(), self.id)


@dataclass
class Involvement:
    organisation: Organisation
    role: str
    note: Texts


@dataclass
class Funding:
    """One funding item. ``amount`` is the record's own money unless ``pool``
    is true (then it is a total shared among several records); a share of a
    pool held by another record has ``share_of`` (and an amount only when the
    source states the share)."""

    amount: float | None
    currency: str | None
    funder: Organisation | None
    start: PartialDate | None
    end: PartialDate | None
    scope: Texts
    pool: bool = False
    shared_among: int | None = None
    share_of: Programme | None = None

    @property
    def own_amount(self) -> float | None:
        """The amount that is the record's own money: not a pool's total."""
        return None if self.pool else self.amount

    @property
    def pools(self) -> list[Funding]:
        """For a share: the pools of the record it is a share of."""
        return [f for f in self.share_of.funding if f.pool] if self.share_of else []


@dataclass
class Evaluation:
    status: str | None
    due: PartialDate | None
    by: Organisation | None
    note: Texts


@dataclass
class Dated:
    date: PartialDate | None
    text: Texts


@dataclass
class Programme(Fields):
    KIND = "programme"

    id: str
    kind: str
    original_language: str
    name: Texts
    summary: Texts
    description: Texts
    countries: list[str]
    regions: list[str]
    municipalities: list[str]
    scope: str | None
    organisations: list[Involvement]
    who: list[str]
    prenatal: bool
    age_min: float | None
    age_max: float | None
    target_note: Texts
    themes: list[str]
    settings: list[str]
    start: PartialDate | None
    end: PartialDate | None
    period_note: Texts
    status: str | None
    funding: list[Funding]
    evaluation: Evaluation | None
    legal_basis: list[Dated]
    milestones: list[Dated]
    contacts: list[Contact]
    links: list[tuple[Texts, str]]
    sources: list[SourceRef]
    last_reviewed: str
    location: Location
    parent: Programme | None = None
    replaced_by: Programme | None = None
    children: list[Programme] = field(default_factory=list)
    replaces: list[Programme] = field(default_factory=list)
    # the records whose funding names this one's pool in share_of
    pool_shares: list[Programme] = field(default_factory=list)
    # field name -> what its value is derived from (a fact the source states)
    derived: dict[str, Texts] = field(default_factory=dict)
    other: dict[str, Any] = field(default_factory=dict, repr=False)  # see Fields

    @property
    def ancestors(self) -> list[Programme]:
        """From the top of the hierarchy down to the parent."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    @property
    def sort_key(self) -> tuple[str, str]:
        """Alphabetical by name as the source gives it (then id): the order of
        every list of programmes, on pages and in the search index."""
        return (self.name.source.casefold(), self.id)

    @property
    def has_ages(self) -> bool:
        return self.prenatal or self.age_min is not None or self.age_max is not None


@dataclass
class Directory:
    programmes: dict[str, Programme]
    organisations: dict[str, Organisation]
    contacts: dict[str, Contact]
    sources: dict[str, Source]
    vocab: Vocabularies
    roots: list[Programme] = field(default_factory=list)
    # the other directions of the references, built once
    _by_org: dict[str, list[tuple[Programme, str]]] = field(init=False, repr=False)
    _by_contact: dict[str, list[Programme]] = field(init=False, repr=False)
    _by_source: dict[str, list[Programme]] = field(init=False, repr=False)
    _contacts_by_org: dict[str, list[Contact]] = field(init=False, repr=False)

    def programmes_of(self, org: Organisation) -> list[tuple[Programme, str]]:
        return self._by_org.get(org.id, [])

    def programmes_with(self, contact: Contact) -> list[Programme]:
        return self._by_contact.get(contact.id, [])

    def records_from(self, source: Source) -> list[Programme]:
        return self._by_source.get(source.id, [])

    def contacts_at(self, org: Organisation) -> list[Contact]:
        return self._contacts_by_org.get(org.id, [])

    def __post_init__(self) -> None:
        by_org: dict[str, list] = defaultdict(list)
        by_contact: dict[str, list] = defaultdict(list)
        by_source: dict[str, list] = defaultdict(list)
        contacts_by_org: dict[str, list] = defaultdict(list)
        for p in self.programmes.values():
            for inv in p.organisations:
                by_org[inv.organisation.id].append((p, inv.role))
            for c in p.contacts:
                by_contact[c.id].append(p)
            for source_id in dict.fromkeys(ref.source.id for ref in p.sources):
                by_source[source_id].append(p)
        for c in self.contacts.values():
            contacts_by_org[c.organisation.id].append(c)
        self._by_org, self._by_contact = dict(by_org), dict(by_contact)
        self._by_source, self._contacts_by_org = dict(by_source), dict(contacts_by_org)


def _date(value: Any) -> PartialDate | None:
    if value is None:
        return None
    parsed = dates.parse(value)
    return parsed if isinstance(parsed, PartialDate) else None


def _derived(d: dict, lang: str) -> dict[str, Texts]:
    return {name: _texts(note, lang) for name, note in (d.get("derived") or {}).items()}


# fields the typed model reads into several attributes of their own
_SPREAD = {"programme": frozenset({"target_group", "period"})}


class _FieldReader:
    """Reads the fields of a record type that its typed class does not name
    (see Fields), as the schema says each holds."""

    def __init__(self, kind: str, cls: type, ref: Any):
        self.kind, self.ref = kind, ref
        self.known = {f.name for f in dataclasses.fields(cls)} | _SPREAD.get(kind, frozenset())
        self.texts = set(SCHEMA.language_maps(kind))
        self.dates = set(SCHEMA.dates(kind))
        self.references = {pattern for pattern, _ in SCHEMA.references(kind)}

    def read(self, data: dict, lang: str) -> dict[str, Any]:
        return {key: self._value((key,), value, lang) for key, value in data.items()
                if key not in self.known}

    def _value(self, pattern: tuple, value: Any, lang: str) -> Any:
        if isinstance(value, list):
            return [self._value(pattern + ("*",), item, lang) for item in value]
        if pattern in self.texts:
            return _texts(value, lang)
        if pattern in self.dates:
            return _date(value)
        if pattern in self.references:
            return self.ref(self.kind, pattern, value)
        return value


def _labels(vocab: str, term_id: str, label: Any) -> dict[str, str]:
    """A term's label in each of the site's languages: the data's, and for a
    language it leaves out, the name a library gives a country or region."""
    out = dict(label or {})
    for lang in LANGUAGES:
        if not out.get(lang):
            name = library_name(vocab, term_id, lang)
            if name:
                out[lang] = name
    return out


def _location(rec: Record) -> Location:
    return Location(rec.file.path, rec.file.position(rec.path).line)


def build(ctx: Context) -> Directory:
    """The directory from a validated context (call only when it has no errors)."""
    vocab = Vocabularies({
        name: {tid: Term(tid, _texts(_labels(name, tid, t.get("label")), "en"),
                         {k: v for k, v in t.items() if k not in ("id", "label")})
               for tid, t in terms.items()}
        for name, terms in ctx.vocab.items()
    })
    recs = {t: [r for r in ctx.records if r.type == t] for t in RECORD_LISTS.values()}
    built: dict[str, dict[str, Any]] = {t: {} for t in recs}  # record type -> id -> object
    targets = {t: dict(SCHEMA.references(t)) for t in recs}

    def ref(type_: str, pattern: tuple, value: Any) -> Any:
        """What the reference ``value`` at ``pattern`` of a ``type_`` record names
        (the schema says a record of which type); None for no value."""
        return None if value is None else built[targets[type_][pattern]][value]

    orgs: dict[str, Organisation] = built["organisation"]
    for r in recs["organisation"]:
        d = r.data
        orgs[r.id] = Organisation(
            r.id, _texts(d["name"], d["original_language"]), _texts(d.get("summary"), d["original_language"]),
            list(d.get("countries", [])), list(d.get("regions", [])), list(d.get("municipalities", [])),
            d.get("url"), [], d["last_reviewed"], _location(r), url_as_stated=d.get("url_as_stated"),
            derived=_derived(d, d["original_language"]))
    for r in recs["organisation"]:
        if r.data.get("part_of"):
            orgs[r.id].part_of = ref("organisation", ("part_of",), r.data["part_of"])

    sources: dict[str, Source] = built["source"]
    for r in recs["source"]:
        sources[r.id] = Source(
            r.id, r.data["title"], ref("source", ("publisher",), r.data["publisher"]),
            r.data["language"], r.data.get("format"), _date(r.data.get("date")),
            r.data.get("date_as_stated"), r.data.get("url"), r.data.get("capture"))

    def refs(type_: str, pattern: tuple, items: list[dict]) -> list[SourceRef]:
        """The sources ``items`` (at ``pattern + ('source',)``) name, with their locators."""
        return [SourceRef(ref(type_, pattern + ("source",), i["source"]), i.get("locator"))
                for i in items]

    for r in recs["organisation"]:
        orgs[r.id].sources = refs("organisation", ("sources", "*"), r.data["sources"])

    contacts: dict[str, Contact] = built["contact"]
    for r in recs["contact"]:
        source = refs("contact", ("source",), [r.data["source"]])[0]
        contacts[r.id] = Contact(
            r.id, r.data.get("name"), ref("contact", ("organisation",), r.data["organisation"]),
            r.data.get("unit"), _texts(r.data.get("role"), source.source.language),
            r.data.get("email"), r.data.get("phone"), source, _location(r))

    programmes: dict[str, Programme] = built["programme"]
    for r in recs["programme"]:
        d, lang = r.data, r.data["original_language"]
        tg = d.get("target_group", {})
        period = d.get("period", {})
        ev = d.get("evaluation")
        programmes[r.id] = Programme(
            id=r.id, kind=d["kind"], original_language=lang,
            name=_texts(d["name"], lang), summary=_texts(d["summary"], lang),
            description=_texts(d.get("description"), lang),
            countries=list(d.get("countries", [])), regions=list(d.get("regions", [])),
            municipalities=list(d.get("municipalities", [])), scope=d.get("scope"),
            organisations=[Involvement(ref("programme", ("organisations", "*", "id"), o["id"]),
                                       o["role"], _texts(o.get("note"), lang))
                           for o in d.get("organisations", [])],
            who=list(tg.get("who", [])), prenatal=bool(tg.get("prenatal", False)),
            age_min=tg.get("age_min"), age_max=tg.get("age_max"), target_note=_texts(tg.get("note"), lang),
            themes=list(d.get("themes", [])), settings=list(d.get("settings", [])),
            start=_date(period.get("start")), end=_date(period.get("end")),
            period_note=_texts(period.get("note"), lang), status=d.get("status"),
            funding=[Funding(f.get("amount"), f.get("currency"),
                             ref("programme", ("funding", "*", "funder"), f.get("funder")),
                             _date(f.get("period", {}).get("start")), _date(f.get("period", {}).get("end")),
                             _texts(f.get("scope"), lang), f.get("pool") is True, f.get("shared_among"))
                     for f in d.get("funding", [])],
            evaluation=(Evaluation(ev.get("status"), _date(ev.get("due")),
                                   ref("programme", ("evaluation", "by"), ev.get("by")),
                                   _texts(ev.get("note"), lang)) if ev else None),
            legal_basis=[Dated(_date(x.get("in_force")), _texts(x["text"], lang)) for x in d.get("legal_basis", [])],
            milestones=[Dated(_date(x["date"]), _texts(x["event"], lang)) for x in d.get("milestones", [])],
            contacts=[ref("programme", ("contacts", "*"), c) for c in d.get("contacts", [])],
            links=[(_texts(x["title"], lang), x["url"]) for x in d.get("links", [])],
            sources=refs("programme", ("sources", "*"), d["sources"]), last_reviewed=d["last_reviewed"], location=_location(r),
            derived=_derived(d, lang),
        )
    for r in recs["programme"]:
        p = programmes[r.id]
        if r.data.get("parent"):
            p.parent = ref("programme", ("parent",), r.data["parent"])
            p.parent.children.append(p)
        if r.data.get("replaced_by"):
            p.replaced_by = ref("programme", ("replaced_by",), r.data["replaced_by"])
            p.replaced_by.replaces.append(p)
        for f, item in zip(p.funding, r.data.get("funding", [])):
            if item.get("share_of"):
                f.share_of = ref("programme", ("funding", "*", "share_of"), item["share_of"])
                if all(other is not p for other in f.share_of.pool_shares):
                    f.share_of.pool_shares.append(p)

    classes = {"organisation": Organisation, "source": Source, "contact": Contact, "programme": Programme}
    languages = {  # the language of a record's texts
        "organisation": lambda d: d["original_language"], "programme": lambda d: d["original_language"],
        "source": lambda d: d["language"], "contact": lambda d: sources[d["source"]["source"]].language,
    }
    for type_, cls in classes.items():
        reader = _FieldReader(type_, cls, ref)
        for r in recs[type_]:
            built[type_][r.id].other = reader.read(r.data, languages[type_](r.data))

    kind_order = {k: i for i, k in enumerate(vocab.terms.get("kinds", {}))}

    def order(p: Programme):
        return (kind_order.get(p.kind, 99), p.location.path, p.location.line)

    for p in programmes.values():
        p.children.sort(key=order)
    return Directory(
        programmes=dict(sorted(programmes.items())),
        organisations=dict(sorted(orgs.items())),
        contacts=dict(sorted(contacts.items())),
        sources=dict(sorted(sources.items())),
        vocab=vocab,
        roots=sorted((p for p in programmes.values() if p.parent is None), key=lambda p: p.sort_key),
    )
