from directory.schema.dates import PartialDate, parse


def test_forms():
    assert parse("2019") == PartialDate(2019)
    assert parse(2019) == PartialDate(2019)
    assert parse("2019-07") == PartialDate(2019, 7)
    assert parse("2019-07-01") == PartialDate(2019, 7, 1)
    assert parse("--02-02") == PartialDate(None, 2, 2)


def test_human_words_never_fill_in_what_is_missing():
    assert parse("--02-02").human() == "2 February (year not stated)"
    assert parse("2019-07").human() == "July 2019"
    assert parse("2021-04-14").human() == "14 April 2021"


def test_invalid_dates_say_what_is_allowed():
    assert parse("2019-02-30") == "'2019-02-30' is not a day in the calendar; check the day of the month"
    assert parse("2019-13") == "'2019-13' has no month 13; months are 01 to 12"
    assert parse("--02-30").startswith("'--02-30' is not a day of the year")
    assert parse("14-04-2021").startswith("'14-04-2021' is not a date; use a date as precise")
    assert parse(True).startswith("expected a date")


def test_ranges_compare_at_the_precision_given():
    assert parse("2018").earliest <= parse("2018-06").latest
    assert parse("2021").earliest > parse("2019").latest
