"""Texts carry the original language.

A record's name, and a programme's summary and description (where given),
must include a text in the record's original_language, the language of its
source, so that the site never shows only a translation. (An organisation's
summary is the directory's own and may be in English only.)
"""
from ...schema.records import Context
from .common import at

ID = "original-language"
LEVEL = "error"


def check(ctx: Context):
    for rec in ctx.valid():
        lang = rec.data.get("original_language")
        if lang is None:
            continue
        keys = ("name", "summary", "description") if rec.type == "programme" else ("name",)
        for key in keys:
            texts = rec.data.get(key)
            if isinstance(texts, dict) and lang not in texts:
                yield at(rec, (key,), (
                    f"no text in the original language '{lang}'; add '{lang}:' with the text "
                    f"as the source gives it (found: {', '.join(sorted(texts))})"))
