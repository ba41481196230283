"""Every term is labelled in each of the site's languages: English, Dutch and Danish.

The site is published in English, Dutch and Danish, and shows every term of
the vocabularies (kinds, themes, settings, statuses, target groups, roles,
scopes, languages, countries, regions) in the reader's language. So a term's
`label` gives all three, `{en: Foster care, nl: Pleegzorg, da: Plejefamilier}`,
and so does a kind's `plural` and a term's `description` where it has one.

Countries and regions may leave out Dutch or Danish where the site already
knows the name: a country's name comes from the CLDR's territory names
(through Babel), a region's from the translations of ISO 3166-2 names that
pycountry ships. A label written in the data always wins. A missing English
label is reported by `vocabulary-terms`.
"""
from ...languages import DEFAULT, ENGLISH_NAMES, LANGUAGES
from ...names import library_name
from ...schema.records import Context
from .common import at_file, terms

ID = "vocabulary-labels"
LEVEL = "error"

# the texts of a term shown on the site, and what each is, for the message
TEXTS = {"label": "label", "plural": "plural", "description": "description"}


def _listed(words: list[str], last: str) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {last} " + words[-1]


# where a term's name in another language may come from, by vocabulary
LIBRARIES = {"countries": "the CLDR", "regions": "pycountry"}


def check(ctx: Context):
    for name in ctx.vocab_at:
        for file, term_path, term in terms(ctx, name):
            tid = term.get("id")
            for key, what in TEXTS.items():
                texts = term.get(key)
                if not isinstance(texts, dict):
                    continue  # absent, or the schema's to report
                named = key == "label" and isinstance(tid, str)
                missing = [lang for lang in LANGUAGES
                           if not (key == "label" and lang == DEFAULT)  # vocabulary-terms says so
                           and not texts.get(lang)
                           and not (named and library_name(name, tid, lang))]
                if not missing:
                    continue
                languages = [ENGLISH_NAMES[lang] for lang in missing]
                message = (f"the {what} has no "
                           + _listed([f"{ENGLISH_NAMES[lang]} ({lang})" for lang in missing], "or") + " text")
                if named and name in LIBRARIES:
                    message += f", and {LIBRARIES[name]} knows no {_listed(languages, 'or')} name of '{tid}'"
                message += (f"; add {_listed([f'{lang}:' for lang in missing], 'and')} with the {what} in "
                            + _listed(languages, "and"))
                yield at_file(file, term_path + (key,), message)
