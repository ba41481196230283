"""Amounts and ages have bounds: an absurd number is refused with its place,
never carried into float() or onto a page.

An amount above a million million (10^12) is a typing error in any currency
this directory meets; a whole number of hundreds of digits is one too, and
Python cannot even turn it into a float (OverflowError) or, past 4,300
digits, into text. Ages run from 0 to 120.
"""
from __future__ import annotations

import pytest

from directory import model
from directory.render import Options, render_pages
from directory.validate import validate

RECORD = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    funding:
      - {amount: AMOUNT, currency: EUR}
    target_group: {age_min: AGE_MIN, age_max: AGE_MAX}
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""


def _check(data_folder, amount="250000", age_min="0", age_max="12"):
    data_folder("programmes.yaml", RECORD.replace("AMOUNT", amount).replace("AGE_MIN", age_min)
                .replace("AGE_MAX", age_max))
    return validate("data")


def _lines(result) -> list[str]:
    return [p.format() for p in result.problems]


AMOUNT_AT = "data/programmes.yaml:8:18: error: programmes[0].funding[0].amount: "


@pytest.mark.parametrize("amount,shown", [
    ("1" + "0" * 400, "a number of about 401 digits"),
    ("1" + "0" * 4000, "a number of about 4001 digits"),
    ("1000000000001", "1000000000001"),
    ("1.5e+13", "15000000000000.0"),
])
def test_an_absurd_amount_is_refused(data_folder, amount, shown):
    assert _lines(_check(data_folder, amount=amount)) == [
        AMOUNT_AT + f"{shown} is out of range; it must be at most 1000000000000 [schema]"]


def test_a_negative_amount_is_refused(data_folder):
    assert _lines(_check(data_folder, amount="-5")) == [
        AMOUNT_AT + "-5 is out of range; it must be at least 0 [schema]"]


def test_the_largest_amount_reaches_the_page(data_folder):
    result = _check(data_folder, amount="1000000000000")
    assert _lines(result) == []
    page = render_pages(model.build(result.context), Options())["programmes/plan.md"]
    assert "EUR 1,000,000,000,000" in page


@pytest.mark.parametrize("field,value,at,message", [
    ("age_min", "121", "9:29", "121 is out of range; it must be at most 120"),
    ("age_max", "-1", "9:41", "-1 is out of range; it must be at least 0"),
    ("age_max", "1" + "0" * 400, "9:41",
     "a number of about 401 digits is out of range; it must be at most 120"),
])
def test_an_absurd_age_is_refused(data_folder, field, value, at, message):
    ages = {"age_min": "0", "age_max": "12", field: value}
    assert _lines(_check(data_folder, **ages)) == [
        f"data/programmes.yaml:{at}: error: programmes[0].target_group.{field}: {message} [schema]"]
