"""The cross-record rules, one per module.

Each module has an ``ID`` (shown in brackets after each message), a ``LEVEL``
(``error`` blocks the build, ``warning`` does not) and a ``check(ctx)``
function yielding problems. Its docstring is its documentation for editors.
Rules only look into records that passed the schema.
"""
from __future__ import annotations

from types import ModuleType

from . import (
    age_range,
    confidential_contacts,
    contact_age,
    date_order,
    derived_values,
    editor_schema,
    english_summary,
    funding_pool,
    iso_codes,
    markdown_safety,
    number_format,
    original_language,
    parent_cycles,
    parent_kind,
    part_of_cycles,
    partial_dates,
    references,
    replaced_by,
    reserved_ids,
    review_due,
    template_text,
    unique_ids,
    urls,
    vocabulary,
    vocabulary_terms,
)

ALL: list[ModuleType] = [
    unique_ids,
    reserved_ids,
    references,
    vocabulary_terms,
    vocabulary,
    iso_codes,
    parent_kind,
    parent_cycles,
    part_of_cycles,
    partial_dates,
    date_order,
    age_range,
    funding_pool,
    derived_values,
    number_format,
    urls,
    markdown_safety,
    original_language,
    english_summary,
    confidential_contacts,
    replaced_by,
    review_due,
    contact_age,
    template_text,
    editor_schema,
]
