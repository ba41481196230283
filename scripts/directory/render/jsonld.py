"""Linked data for the pages: schema.org in JSON-LD (issue 13).

Each programme and organisation page, and the home page, carries one
``<script type="application/ld+json">`` block (:func:`script`), written by
the partials ``_record_data.md.j2`` and ``_site_data.md.j2``. The types,
and why (the field reference says the same to its readers):

- a **programme** is a ``Service``: what the directory lists are services
  offered to children and families (a pilot, a plan's action and a course
  are offered the same way). Not ``GovernmentService``, which says that a
  government body operates it: the data does not say which organisations
  are public bodies, and a type must not guess it. Its ``provider`` is the
  organisations whose role is lead, implementer or course provider; its
  ``funder`` the organisations named as funder (by role or in the
  funding); ``areaServed`` the countries (``Country``), regions and
  municipalities (``AdministrativeArea``); ``audience`` a ``PeopleAudience``
  with the groups and the ages the source states; ``availableLanguage`` the
  languages it is offered in; ``category`` its themes; ``serviceType`` its
  kind; ``identifier`` its id.
- the **page** about it is an ``ItemPage`` whose ``mainEntity`` is the
  service: ``dateModified`` is the record's ``last_reviewed`` (the day an
  editor checked it against its sources: a page's date, not the service's),
  ``isBasedOn`` its sources as ``CreativeWork`` (their title, language,
  publisher, date and address where the data states them).
- an **organisation** is an ``Organization`` (``parentOrganization`` from
  ``part_of``, ``url`` its website only where a source gives it), on an
  ``ItemPage`` in the same way.
- the **home page** describes the ``WebSite`` and the ``Dataset`` with its
  downloads (``DataDownload``: the data package, the CSV tables, the JSON).

Only stated facts: a field the record leaves open is absent, never null.
Every URL is relative to the page (the site's address is not known to the
build), which JSON-LD resolves against the page's own address. A page in
Dutch or Danish (``nl/``, ``da/``) links to the pages of its own language,
names terms (kind, themes, places, groups) by their labels in it and says
its language (``inLanguage``); the records' texts keep the languages they
are written in, and the data files are one for all languages. Contacts
carry no linked data: they are people, and the directory does not make
their details easier to harvest than the page shows them.

The JSON is written with ``<``, ``>`` and ``&`` as ``\\u003c``, ``\\u003e``
and ``\\u0026``: a value can never end the script element (``</script>``)
nor open a comment, whatever the data holds; a JSON parser reads the same
text.
"""
from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..languages import DEFAULT
from ..model import Organisation, Programme, SourceRef, Texts, Vocabularies
from . import urls
from .i18n import catalogue

CONTEXT = "https://schema.org"
PROVIDER_ROLES = ("lead", "implementer", "provider")
FUNDER_ROLES = ("funder",)
DOWNLOADS = (  # (file under data/, media type, the catalogue's key of what it is)
    ("datapackage.json", "application/json", "opendata.download.package"),
    ("programmes.csv", "text/csv", "opendata.download.programmes"),
    ("directory.json", "application/json", "opendata.download.json"),
)

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script(data: dict[str, Any] | None) -> Markup:
    """The ``<script type="application/ld+json">`` element of ``data``, on one line."""
    if not data:
        return Markup("")
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(_ESCAPES)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _texts(texts: Texts | None) -> list[dict[str, str]] | None:
    """A text in each language it is given in, as language-tagged values."""
    if not texts:
        return None
    return [{"@value": value, "@language": lang} for lang, value in texts.by_lang.items()]


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    """The node without the properties that are not stated (None, empty)."""
    return {k: v for k, v in node.items() if v not in (None, [], {}, "")}


def _organisation_ref(o: Organisation, here: str, lang: str) -> dict[str, Any]:
    return _clean({"@type": "Organization", "@id": organisation_id(o, here, lang), "name": _texts(o.name),
                   "url": o.url})


def organisation_id(o: Organisation, here: str, lang: str = DEFAULT) -> str:
    """The organisation's node: on its page in ``lang``, relative to the page at ``here``."""
    return urls.relative_url(urls.record_page_url("organisation", o.id, lang) + "#organisation", here)


def _source(ref: SourceRef, here: str, lang: str) -> dict[str, Any]:
    s = ref.source
    date = s.date.iso() if s.date is not None and s.date.year is not None else None
    return _clean({"@type": "CreativeWork", "@id": urls.relative_url(urls.record_page_url("source", s.id, lang), here),
                   "name": {"@value": s.title, "@language": s.language}, "inLanguage": s.language,
                   "publisher": {"@id": organisation_id(s.publisher, here, lang)}, "datePublished": date,
                   "url": s.url})


def _sources(refs: list[SourceRef], here: str, lang: str) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for ref in refs:
        seen.setdefault(ref.source.id, _source(ref, here, lang))
    return list(seen.values())


def _places(record: Programme | Organisation, vocab: Vocabularies, lang: str) -> list[dict[str, Any]]:
    return ([{"@type": "Country", "name": vocab.label("countries", c, lang), "identifier": c}
             for c in record.countries]
            + [{"@type": "AdministrativeArea", "name": vocab.label("regions", r, lang), "identifier": r}
               for r in record.regions]
            + [{"@type": "AdministrativeArea", "name": m} for m in record.municipalities])


def _number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def _page(record: Programme | Organisation, here: str, entity: str, lang: str) -> dict[str, Any]:
    home = urls.page_url(urls.localized("index.md", lang))
    return _clean({"@type": "ItemPage", "@id": "./", "url": "./", "inLanguage": lang,
                   "mainEntity": {"@id": entity},
                   "dateModified": record.last_reviewed, "isBasedOn": _sources(record.sources, here, lang),
                   "isPartOf": {"@id": urls.relative_url(home, here) + "#website"}})


def programme(p: Programme, vocab: Vocabularies, here: str, lang: str = DEFAULT) -> dict[str, Any]:
    """The JSON-LD of the programme page at ``here`` (its path: programmes/<id>.md,
    nl/programmes/<id>.md), in ``lang``."""
    providers, funders = {}, {}
    for inv in p.organisations:
        if inv.role in PROVIDER_ROLES:
            providers.setdefault(inv.organisation.id, inv.organisation)
        if inv.role in FUNDER_ROLES:
            funders.setdefault(inv.organisation.id, inv.organisation)
    for f in p.funding:
        if f.funder is not None:
            funders.setdefault(f.funder.id, f.funder)
    audience = None
    if p.who or p.age_min is not None or p.age_max is not None:
        audience = _clean({"@type": "PeopleAudience",
                           "audienceType": [vocab.label("target_groups", w, lang) for w in p.who],
                           "suggestedMinAge": None if p.age_min is None else _number(p.age_min),
                           "suggestedMaxAge": None if p.age_max is None else _number(p.age_max)})
    entity = "./#programme"
    service = _clean({
        "@type": "Service", "@id": entity, "identifier": p.id, "url": "./",
        "name": _texts(p.name), "description": _texts(p.summary),
        "serviceType": vocab.label("kinds", p.kind, lang),
        "provider": [_organisation_ref(o, here, lang) for o in providers.values()],
        "funder": [_organisation_ref(o, here, lang) for o in funders.values()],
        "areaServed": _places(p, vocab, lang), "audience": audience,
        "availableLanguage": list(p.languages or []),
        "category": [vocab.label("themes", t, lang) for t in p.themes],
    })
    return {"@context": CONTEXT, "@graph": [_page(p, here, entity, lang), service]}


def organisation(o: Organisation, vocab: Vocabularies, here: str, lang: str = DEFAULT) -> dict[str, Any]:
    """The JSON-LD of the organisation page at ``here``, in ``lang``."""
    entity = "./#organisation"
    node = _clean({
        "@type": "Organization", "@id": entity, "identifier": o.id, "name": _texts(o.name),
        "description": _texts(o.summary), "url": o.url,
        "parentOrganization": _organisation_ref(o.part_of, here, lang) if o.part_of else None,
        "areaServed": _places(o, vocab, lang),
    })
    return {"@context": CONTEXT, "@graph": [_page(o, here, entity, lang), node]}


def record(record: Any, vocab: Vocabularies, here: str, lang: str = DEFAULT) -> dict[str, Any] | None:
    if isinstance(record, Programme):
        return programme(record, vocab, here, lang)
    if isinstance(record, Organisation):
        return organisation(record, vocab, here, lang)
    return None  # contacts: see the module's docstring


def site(name: str, description: str, modified: str | None, here: str, lang: str = DEFAULT) -> dict[str, Any]:
    """The JSON-LD of the home page in ``lang``: the web site (that
    language's) and the data set (one for all languages, at the root)."""
    t = catalogue(lang).t
    downloads = [{"@type": "DataDownload", "contentUrl": urls.relative_url(urls.data_path(file), here),
                  "encodingFormat": media, "name": t(key)} for file, media, key in DOWNLOADS]
    return {"@context": CONTEXT, "@graph": [
        {"@type": "WebSite", "@id": "./#website", "url": "./", "name": name, "inLanguage": lang},
        _clean({"@type": "Dataset", "@id": "./#dataset", "name": name, "description": description,
                "url": "./", "isPartOf": {"@id": "./#website"}, "dateModified": modified,
                "distribution": downloads}),
    ]}
