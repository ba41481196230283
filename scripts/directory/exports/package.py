"""The records as CSV tables in a Frictionless Data Package.

``data/datapackage.json`` describes the tables beside it (``data/*.csv``):
one table a record type and one a list in a record, one row per fact (a
programme's themes are rows of ``programme_themes.csv``, never a list packed
into a cell), each with a Table Schema: the type of each column, which are
required, the allowed values of coded columns (the terms of the
vocabularies) and the foreign keys between the tables. The CSV files are
UTF-8 (names in their original language, ae, o and e with their marks
intact), comma separated, with a header row, and open in a spreadsheet as
one record per row.

A text the data gives in several languages has two columns: the text in
the record's original language (``name``) and in English (``name_en``,
empty when there is none); ``texts.csv`` holds every language of the
names, summaries and descriptions. What a record leaves open is an empty
cell, never a guess. Like every export, the tables are written from the
public view of the validated records (:func:`directory.exports.public_view`):
nothing for the editors only, no confidential contact.

Page URLs in the tables are relative to the data package
(``../programmes/<id>/``), as the Data Package standard reads paths.

A free-text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is written with an apostrophe before it (:func:`spreadsheet_text`):
a spreadsheet would run it as a formula (OWASP's "CSV injection"), and the
data comes from anyone's pull request. The apostrophe makes a spreadsheet
show the cell as text; the JSON exports carry every text exactly.
(defusedcsv does the same but also rewrites every ``|`` of such a cell,
which would break a Markdown table in a description.)
"""
from __future__ import annotations

import csv
import io
import json
import posixpath
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..render import urls
from ..schema.records import RECORD_LISTS

PACKAGE = "datapackage.json"


@dataclass
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, boolean, date
    description: str
    required: bool = False
    vocabulary: str | None = None  # the allowed values are the terms of this vocabulary
    pattern: str | None = None

    def descriptor(self, vocab: dict[str, dict]) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.vocabulary is not None:
            constraints["enum"] = list(vocab.get(self.vocabulary, {}))
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass
class Table:
    name: str  # the resource's name and file name without .csv
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[dict[str, Any]], Iterable[dict[str, Any]]]  # the public view -> rows
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[tuple[str, str]] = field(default_factory=list)  # (column, table whose id it holds)


PARTIAL_DATE = r"(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})"
_FOLDER = posixpath.dirname(urls.DATA_PACKAGE)


def _page(record_type: str, record_id: str) -> str:
    return posixpath.relpath(urls.record_page_url(record_type, record_id).partition("#")[0] or ".", _FOLDER) + \
        ("/" if record_type != "source" else "/#" + record_id)


def _original(texts: dict | None, lang: str | None) -> str | None:
    """A text in the record's original language (else the first it has)."""
    if not texts:
        return None
    return texts.get(lang) if lang in texts else next(iter(texts.values()))


def _en(texts: dict | None, lang: str | None) -> str | None:
    return (texts or {}).get("en")


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def _id(record_type: str) -> Column:
    return Column("id", "string", f"The {record_type}'s id: its address on the site.", required=True)


def _programme_rows(view):
    for p in view["programmes"]:
        lang = p.get("original_language")
        tg, period, ev = p.get("target_group") or {}, p.get("period") or {}, p.get("evaluation") or {}
        yield {"id": p["id"], "name": _original(p.get("name"), lang), "name_en": _en(p.get("name"), lang),
               "kind": p["kind"], "original_language": lang,
               "summary": _original(p.get("summary"), lang), "summary_en": _en(p.get("summary"), lang),
               "parent": p.get("parent"), "scope": p.get("scope"), "status": p.get("status"),
               "replaced_by": p.get("replaced_by"), "start": _date(period.get("start")),
               "end": _date(period.get("end")), "prenatal": tg.get("prenatal"),
               "age_min": tg.get("age_min"), "age_max": tg.get("age_max"),
               "evaluation_status": ev.get("status"), "evaluation_due": _date(ev.get("due")),
               "evaluation_by": ev.get("by"), "last_reviewed": p.get("last_reviewed"),
               "page": _page("programme", p["id"])}


def _list_rows(key: str, owner: str, column: str, field_name: str, *path: str):
    def rows(view):
        for record in view[key]:
            value = record
            for part in path:
                value = (value or {}).get(part)
            for item in (value if path else record.get(field_name)) or ():
                yield {owner: record["id"], column: item}
    return rows


def _programme_organisation_rows(view):
    for p in view["programmes"]:
        for inv in p.get("organisations") or ():
            yield {"programme": p["id"], "organisation": inv["id"], "role": inv["role"],
                   "note": _original(inv.get("note"), p.get("original_language")),
                   "note_en": _en(inv.get("note"), None)}


def _funding_rows(view):
    for p in view["programmes"]:
        for n, f in enumerate(p.get("funding") or (), start=1):
            yield {"programme": p["id"], "item": n, "amount": f.get("amount"), "currency": f.get("currency"),
                   "funder": f.get("funder"), "start": _date(f.get("start")), "end": _date(f.get("end")),
                   "pool": f.get("pool"), "shared_among": f.get("shared_among"), "share_of": f.get("share_of"),
                   "scope": _original(f.get("scope"), p.get("original_language")),
                   "scope_en": _en(f.get("scope"), None)}


def _source_ref_rows(key: str, owner: str):
    def rows(view):
        for record in view[key]:
            for ref in record.get("sources") or ():
                yield {owner: record["id"], "source": ref["source"], "locator": ref.get("locator")}
    return rows


def _organisation_rows(view):
    for o in view["organisations"]:
        lang = o.get("original_language")
        yield {"id": o["id"], "name": _original(o.get("name"), lang), "name_en": _en(o.get("name"), lang),
               "original_language": lang, "summary": _original(o.get("summary"), lang),
               "summary_en": _en(o.get("summary"), lang), "part_of": o.get("part_of"), "url": o.get("url"),
               "url_as_stated": o.get("url_as_stated"), "last_reviewed": o.get("last_reviewed"),
               "page": _page("organisation", o["id"])}


def _contact_rows(view):
    for c in view["contacts"]:
        source = c.get("source") or {}
        role = c.get("role")
        yield {"id": c["id"], "name": c.get("name"), "organisation": c["organisation"], "unit": c.get("unit"),
               "role": _original(role, None), "role_en": _en(role, None), "email": c.get("email"),
               "phone": c.get("phone"), "source": source.get("source"), "locator": source.get("locator"),
               "page": _page("contact", c["id"])}


def _source_rows(view):
    for s in view["sources"]:
        yield {"id": s["id"], "title": s["title"], "publisher": s["publisher"], "language": s["language"],
               "format": s.get("format"), "date": _date(s.get("date")), "date_as_stated": s.get("date_as_stated"),
               "url": s.get("url"), "capture": s.get("capture"), "page": _page("source", s["id"])}


def _text_rows(view):
    for key, type_ in RECORD_LISTS.items():
        for record in view[key]:
            for name in ("name", "summary", "description"):
                value = record.get(name)
                if isinstance(value, dict):
                    for lang, text in value.items():
                        yield {"record_type": type_, "record_id": record["id"], "field": name,
                               "language": lang, "text": text}


def _term_rows(view):
    for vocabulary, terms in view["vocabularies"].items():
        for term in terms:
            yield {"vocabulary": vocabulary, "term": term["id"], "label_en": (term.get("label") or {}).get("en"),
                   "label": json.dumps(term.get("label") or {}, ensure_ascii=False, sort_keys=True)}


def _c(name, type_, description, **kw) -> Column:
    return Column(name, type_, description, **kw)


_LANG = "A two-letter language code (ISO 639-1)."
_PAGE = "The record's page, relative to the data package."


def _owner(name: str, record_type: str) -> Column:
    return _c(name, "string", f"The id of the {record_type}.", required=True)


def _term_list(name: str, column: str, vocabulary: str, description: str) -> Table:
    key = name.split("_", 1)[1]
    return Table(name, f"Programmes: {key.replace('_', ' ')}", description,
                 [_owner("programme", "programme"), _c(column, "string", f"A term of the vocabulary {vocabulary}.",
                                                     required=True, vocabulary=vocabulary)],
                 _list_rows("programmes", "programme", column, key) if key != "target_groups"
                 else _list_rows("programmes", "programme", column, key, "target_group", "who"),
                 [], [("programme", "programmes")])


TABLES: list[Table] = [
    Table("programmes", "Programmes", "One programme (pilot, plan, action, course, ...) a row.", [
        _id("programme"),
        _c("name", "string", "The name in the original language.", required=True),
        _c("name_en", "string", "The name in English, where the data gives one."),
        _c("kind", "string", "What sort of record it is.", required=True, vocabulary="kinds"),
        _c("original_language", "string", _LANG, required=True, vocabulary="languages"),
        _c("summary", "string", "One or two sentences in the original language.", required=True),
        _c("summary_en", "string", "The summary in English."),
        _c("parent", "string", "The id of the programme this one is part of."),
        _c("scope", "string", "Geographic scope.", vocabulary="scopes"),
        _c("status", "string", "Status as the source states it.", vocabulary="statuses"),
        _c("replaced_by", "string", "The id of the programme that replaced this one."),
        _c("start", "string", "When it started, as precisely as the source states it (YYYY, YYYY-MM or "
                              "YYYY-MM-DD).", pattern=PARTIAL_DATE),
        _c("end", "string", "When it ended or ends, as precisely as the source states it.", pattern=PARTIAL_DATE),
        _c("prenatal", "boolean", "True when it starts before birth."),
        _c("age_min", "number", "Lowest age in years, where stated."),
        _c("age_max", "number", "Highest age in years, where stated."),
        _c("evaluation_status", "string", "How far an evaluation has come.", vocabulary="evaluation_statuses"),
        _c("evaluation_due", "string", "When the evaluation is due.", pattern=PARTIAL_DATE),
        _c("evaluation_by", "string", "The id of the evaluating organisation."),
        _c("last_reviewed", "date", "When an editor last checked the record against its sources.", required=True),
        _c("page", "string", _PAGE, required=True),
    ], _programme_rows, ["id"], [("parent", "programmes"), ("replaced_by", "programmes"),
                                 ("evaluation_by", "organisations")]),
    Table("programme_organisations", "Programmes: organisations", "One organisation's role in one programme a row.", [
        _owner("programme", "programme"), _owner("organisation", "organisation"),
        _c("role", "string", "Its role.", required=True, vocabulary="organisation_roles"),
        _c("note", "string", "What it does in the programme, in the source's language."),
        _c("note_en", "string", "The same in English."),
    ], _programme_organisation_rows, [], [("programme", "programmes"), ("organisation", "organisations")]),
    _term_list("programme_themes", "theme", "themes", "One theme of one programme a row."),
    _term_list("programme_settings", "setting", "settings", "One setting of one programme a row."),
    _term_list("programme_target_groups", "target_group", "target_groups", "One group a programme is for a row."),
    _term_list("programme_languages", "language", "languages", "One language a programme is offered in a row."),
    _term_list("programme_countries", "country", "countries", "One country a programme runs in a row."),
    _term_list("programme_regions", "region", "regions", "One region a programme runs in a row."),
    Table("programme_municipalities", "Programmes: municipalities",
          "One municipality a programme runs in a row, as the source names it.",
          [_owner("programme", "programme"), _c("municipality", "string", "As the source names it.", required=True)],
          _list_rows("programmes", "programme", "municipality", "municipalities"), [], [("programme", "programmes")]),
    Table("programme_contacts", "Programmes: contacts", "One contact of one programme a row.",
          [_owner("programme", "programme"), _owner("contact", "contact")],
          _list_rows("programmes", "programme", "contact", "contacts"), [],
          [("programme", "programmes"), ("contact", "contacts")]),
    Table("programme_funding", "Programmes: funding", "One funding item of one programme a row, as stated.", [
        _owner("programme", "programme"),
        _c("item", "integer", "The item's number in the record (1, 2, ...).", required=True),
        _c("amount", "number", "The amount in units of the currency (a pool's total when pool is true)."),
        _c("currency", "string", "ISO 4217 currency code.", pattern="[A-Z]{3}"),
        _c("funder", "string", "The id of the funding organisation."),
        _c("start", "string", "When the funding starts.", pattern=PARTIAL_DATE),
        _c("end", "string", "When it ends.", pattern=PARTIAL_DATE),
        _c("pool", "boolean", "True when the amount is a total shared among several programmes."),
        _c("shared_among", "integer", "How many share the pool, where stated."),
        _c("share_of", "string", "The id of the programme whose pool this is a share of."),
        _c("scope", "string", "What the amount covers, in the source's language."),
        _c("scope_en", "string", "The same in English."),
    ], _funding_rows, ["programme", "item"], [("programme", "programmes"), ("funder", "organisations"),
                                              ("share_of", "programmes")]),
    Table("programme_sources", "Programmes: sources", "One source of one programme a row.",
          [_owner("programme", "programme"), _owner("source", "source"),
           _c("locator", "string", "Where in the source: heading, section or slide.")],
          _source_ref_rows("programmes", "programme"), [], [("programme", "programmes"), ("source", "sources")]),
    Table("organisations", "Organisations", "One organisation a row.", [
        _id("organisation"),
        _c("name", "string", "The name in the organisation's own language.", required=True),
        _c("name_en", "string", "The name in English, where the data gives one."),
        _c("original_language", "string", _LANG, required=True, vocabulary="languages"),
        _c("summary", "string", "One or two sentences on the organisation, in its language."),
        _c("summary_en", "string", "The same in English."),
        _c("part_of", "string", "The id of the organisation it belongs to."),
        _c("url", "string", "Its website, where a source gives it.", pattern="https?://.+"),
        _c("url_as_stated", "string", "The website as the source writes it, without its scheme."),
        _c("last_reviewed", "date", "When an editor last checked the record against its sources.", required=True),
        _c("page", "string", _PAGE, required=True),
    ], _organisation_rows, ["id"], [("part_of", "organisations")]),
    Table("organisation_countries", "Organisations: countries", "One country an organisation works in a row.",
          [_owner("organisation", "organisation"),
           _c("country", "string", "A country code.", required=True, vocabulary="countries")],
          _list_rows("organisations", "organisation", "country", "countries"), [],
          [("organisation", "organisations")]),
    Table("organisation_regions", "Organisations: regions", "One region an organisation works in a row.",
          [_owner("organisation", "organisation"),
           _c("region", "string", "A region code.", required=True, vocabulary="regions")],
          _list_rows("organisations", "organisation", "region", "regions"), [], [("organisation", "organisations")]),
    Table("organisation_sources", "Organisations: sources", "One source of one organisation a row.",
          [_owner("organisation", "organisation"), _owner("source", "source"),
           _c("locator", "string", "Where in the source.")],
          _source_ref_rows("organisations", "organisation"), [],
          [("organisation", "organisations"), ("source", "sources")]),
    Table("contacts", "Contacts", "One published contact point a row: only what its source published.", [
        _id("contact"),
        _c("name", "string", "The person's name, as published."),
        _owner("organisation", "organisation"),
        _c("unit", "string", "Department or unit, as published."),
        _c("role", "string", "Job title or role, as published."),
        _c("role_en", "string", "The role in English."),
        _c("email", "string", "E-mail address, as published."),
        _c("phone", "string", "Phone number, as published."),
        _owner("source", "source"),
        _c("locator", "string", "Where in the source."),
        _c("page", "string", _PAGE, required=True),
    ], _contact_rows, ["id"], [("organisation", "organisations"), ("source", "sources")]),
    Table("sources", "Sources", "One document the records are taken from a row.", [
        _id("source"),
        _c("title", "string", "The title as the document gives it.", required=True),
        _owner("publisher", "publishing organisation"),
        _c("language", "string", _LANG, required=True, vocabulary="languages"),
        _c("format", "string", "What sort of document it is."),
        _c("date", "string", "The document's date, as precise as it states it.", pattern=PARTIAL_DATE),
        _c("date_as_stated", "string", "The date in the document's own words."),
        _c("url", "string", "The document's address, where known.", pattern="https?://.+"),
        _c("capture", "string", "The file name of the captured text the records were made from."),
        _c("page", "string", "The source's entry on the page of all sources, relative to the data package.",
           required=True),
    ], _source_rows, ["id"], [("publisher", "organisations")]),
    Table("texts", "Texts in every language",
          "One name, summary or description of a record in one language a row.", [
              _c("record_type", "string", "programme, organisation, contact or source.", required=True),
              _c("record_id", "string", "The record's id.", required=True),
              _c("field", "string", "name, summary or description.", required=True),
              _c("language", "string", _LANG, required=True, pattern="[a-z]{2}"),
              _c("text", "string", "The text (a description is Markdown).", required=True),
          ], _text_rows, ["record_type", "record_id", "field", "language"]),
    Table("terms", "Vocabularies", "One term of a vocabulary a row: the codes the other tables use.", [
        _c("vocabulary", "string", "The vocabulary (kinds, themes, ...).", required=True),
        _c("term", "string", "The code.", required=True),
        _c("label_en", "string", "The label in English.", required=True),
        _c("label", "string", "The label in every language, as a JSON object keyed by language code."),
    ], _term_rows, ["vocabulary", "term"]),
]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SPREADSHEET_NOTE = ("A text cell that begins with =, +, -, @, a tab or a carriage return has an apostrophe (') "
                    "before it, so that a spreadsheet shows it as text and never runs it as a formula; "
                    "directory.json and each record's JSON carry the exact text.")


def spreadsheet_text(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows and never runs: with an
    apostrophe before it when it begins as a formula does."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(table: Table, view: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = [c.name for c in table.columns]
    # free texts; a coded or patterned column (dates such as --02-14, ids, terms) holds no formula
    texts = {c.name for c in table.columns if c.type == "string" and c.pattern is None and c.vocabulary is None}
    writer.writerow(names)
    for row in table.rows(view):
        writer.writerow([spreadsheet_text(_cell(row.get(name))) if name in texts else _cell(row.get(name))
                         for name in names])
    return out.getvalue()


def _descriptor(table: Table, vocab: dict[str, dict]) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [c.descriptor(vocab) for c in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = table.primary_key
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": column, "reference": {"resource": target, "fields": "id"}}
                                 for column, target in table.foreign_keys]
    return {"name": table.name, "path": f"{table.name}.csv", "title": table.title,
            "description": table.description, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "schema": schema}


def package_files(view: dict[str, Any], vocab: dict[str, dict]) -> dict[str, str]:
    """{file name under data/: text}: the data package descriptor and its CSV tables.
    ``vocab`` is the validated vocabularies (name -> term id -> term)."""
    out = {f"{t.name}.csv": _csv(t, view) for t in TABLES}
    package = {
        "profile": "tabular-data-package",
        "name": "programme-directory",
        "title": "Programme directory for child and family welfare",
        "description": "The programmes, organisations, contacts and sources of the directory, one fact a row. "
                       "Written from the checked records; the schema of the records is ../schema/"
                       "directory.schema.json. " + SPREADSHEET_NOTE,
        "resources": [_descriptor(t, vocab) for t in TABLES],
    }
    out[PACKAGE] = json.dumps(package, ensure_ascii=False, indent=1) + "\n"
    return out
