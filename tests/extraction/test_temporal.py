"""Unit tests of the temporal tagger: extents, values, anaphora, traps, robustness."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction import temporal, timex_resolve
from timeline.extraction.records import TimeMention
from timeline.extraction.temporal import tag

REF = dt.date(2025, 6, 13)  # a Friday


def found(text: str, reference: dt.date | None = REF) -> dict[str, tuple[str, str]]:
    """Mention text -> (type, value), for compact assertions."""
    return {m.text: (m.type, m.value) for m in tag(text, reference)}


def test_time_mention_is_the_records_class():
    assert temporal.TimeMention is TimeMention


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The deal closed on June 11, 2025.", "June 11, 2025", "2025-06-11"),
        ("It was signed 3 March 2024 in Paris.", "3 March 2024", "2024-03-03"),
        ("Filed 2024-11-05 with regulators.", "2024-11-05", "2024-11-05"),
        ("The plant opened in September 2019.", "September 2019", "2019-09"),
        ("The company was founded in 2016.", "2016", "2016"),
        ("Sales doubled in the 1990s.", "the 1990s", "199"),
        ("Prices peaked in the second quarter of 2024.", "the second quarter of 2024", "2024-Q2"),
        ("Results for Q3 2024 were weak.", "Q3 2024", "2024-Q3"),
        ("It happened in the summer of 2021.", "the summer of 2021", "2021-SU"),
    ],
)
def test_absolute_dates(text, expected, value):
    assert found(text)[expected] == ("DATE", value)


def test_date_with_clock_time_is_a_time():
    assert found("Posted June 11, 2025, 10:01 pm by staff.")["June 11, 2025, 10:01 pm"] == (
        "TIME",
        "2025-06-11T22:01",
    )


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("06/11/2025", "2025-06-11"),
        ("25/12/2024", "2024-12-25"),
        ("2025/6/13", "2025-06-13"),
        ("13.06.2025", "2025-06-13"),
    ],
)
def test_numeric_dates_go_through_dateparser(written, value):
    assert found(f"The filing is dated {written} and signed.")[written] == ("DATE", value)


def test_numbers_with_slashes_that_are_not_dates():
    assert tag("Support is 24/7 and costs 1/2 of the old price; 31/31/2020 is no date.", REF) == []


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Shares fell yesterday.", "yesterday", "2025-06-12"),
        ("The vote is tomorrow.", "tomorrow", "2025-06-14"),
        ("Revenue rose last year.", "last year", "2024"),
        ("He will step down next month.", "next month", "2025-07"),
        ("Talks resumed last week.", "last week", "2025-W23"),
        ("It opened three years ago.", "three years ago", "2022"),
        ("This month alone, 45 people left.", "This month", "2025-06"),
        ("He predicted it earlier this year.", "earlier this year", "2025"),
        ("They will ship versions later this year.", "later this year", "2025"),
        ("Reality came knocking this past April.", "this past April", "2025-04"),
        ("The strike started last Thursday.", "last Thursday", "2025-06-12"),
        ("Talks ended Tuesday without a deal.", "Tuesday", "2025-06-10"),
        ("The court will rule Monday.", "Monday", "2025-06-16"),
        ("Growth slowed in the first quarter.", "the first quarter", "2025-Q1"),
        ("The firm expanded last fall.", "last fall", "2024-FA"),
    ],
)
def test_deictic_expressions_count_from_the_reference(text, expected, value):
    assert found(text)[expected][1] == value


def test_month_in_a_past_sentence_is_the_latest_such_month():
    assert found("The talks collapsed in October.")["October"] == ("DATE", "2024-10")


def test_month_in_a_future_sentence_is_the_next_such_month():
    assert found("The product will launch in February.")["February"] == ("DATE", "2026-02")


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("He has worked there for two weeks.", "two weeks", "P2W"),
        ("Output grew over the past two years.", "the past two years", "P2Y"),
        ("It was a five-hour meeting.", "five-hour", "PT5H"),
        ("Hiring will pick up in the coming months.", "the coming months", "PXM"),
        ("The loans run 18 months.", "18 months", "P18M"),
    ],
)
def test_durations(text, expected, value):
    assert found(text)[expected] == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Prices are set now.", "now", "PRESENT_REF"),
        ("It is currently under review.", "currently", "PRESENT_REF"),
        ("The firm recently hired staff.", "recently", "PAST_REF"),
        ("Robots will matter in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_document_relative_references(text, expected, value):
    assert found(text)[expected] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The paper is published daily.", "daily", "P1D"),
        ("Dividends are paid annually.", "annually", "P1Y"),
        ("They meet every Monday.", "every Monday", "XXXX-WXX-1"),
    ],
)
def test_sets(text, expected, value):
    assert found(text)[expected] == ("SET", value)


def test_modifiers_are_part_of_the_extent():
    m = {x.text: x for x in tag("Output should recover in early 2026 and late November.", REF)}
    assert (m["early 2026"].value, m["early 2026"].mod) == ("2026", "START")
    assert (m["late November"].value, m["late November"].mod) == ("2025-11", "END")


def test_end_of_year():
    m = tag("They want a product by year's end.", REF)
    assert [(x.text, x.value, x.mod) for x in m] == [("year's end", "2025", "END")]


def test_anaphora_follows_the_discourse_focus():
    text = (
        "The lab opened in March 2021. That same month, it hired staff. "
        "The following year, it moved. Right after that, it grew."
    )
    f = found(text)
    assert f["That same month"] == ("DATE", "2021-03")
    assert f["The following year"] == ("DATE", "2022")
    assert f["Right after that"] == ("DATE", "2022")
    assert [m.mod for m in tag(text, REF) if m.text == "Right after that"] == ["AFTER"]


def test_anaphora_chain_from_a_deictic_month():
    text = "The demo failed this past April. When the company met that same month, it lost."
    assert found(text)["that same month"] == ("DATE", "2025-04")


def test_a_year_earlier_shifts_the_focus():
    assert found("Profit rose in 2019. A year earlier it fell.")["A year earlier"][1] == "2018"


def test_no_reference_gives_underspecified_values():
    f = found(
        "It failed this past April. Shares fell yesterday and last year. It is busy now.",
        None,
    )
    assert f["this past April"] == ("DATE", "XXXX-04")
    assert f["yesterday"][1] == "XXXX-XX-XX"
    assert f["last year"][1] == "XXXX"
    assert f["now"][1] == "PRESENT_REF"


def test_no_reference_keeps_absolute_and_text_anchored_values():
    f = found("The lab opened in March 2021. That same month, it hired staff.", None)
    assert f["March 2021"][1] == "2021-03"
    assert f["That same month"][1] == "2021-03"


def test_no_reference_never_uses_today():
    values = [m.value for m in tag("It happened today, this week and in May.", None)]
    this_year = str(dt.date.today().year)
    assert not any(v.startswith(this_year) for v in values)


@pytest.mark.parametrize(
    "text",
    [
        "Investors may sell the shares.",
        "May I ask a question?",
        "Protesters march on the capital.",
        "Thousands will March on Washington.",
        "Meta paid $14.3 billion for the stake.",
        "The firm has 2,000 staff and 201-500 contractors.",
        "It laid off 2000 employees.",
        "Llama 3.1 and GPT-5 lag Gemini 3 and Opus 4.5.",
        "He ran Windows 2000 on the server.",
        "Prices fall when supply rises.",
        "The 28-year-old founder, who is 41 years old, spoke.",
    ],
)
def test_false_alarms(text):
    assert tag(text, REF) == []


def test_fact_box_dates_are_not_mentions():
    text = (
        "Acme raises money\n"
        "Location: United States, California\n"
        "Employees: 201-500\n"
        "Founded date: 2015\n"
        "Total raised: $58.21B\n"
        "The company said in 2019 it would grow.\n"
    )
    assert [m.text for m in tag(text, REF)] == ["2019"]


def test_offsets_slice_to_the_text():
    text = "On June 11, 2025, two days after the vote, prices rose; last week they fell."
    for m in tag(text, REF):
        assert text[m.start : m.end] == m.text


def test_mentions_are_in_text_order_and_disjoint():
    text = "Last year and this year, in April and May 2024, the next day and 10:30 a.m."
    mentions = tag(text, REF)
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start


def test_empty_text():
    assert tag("", REF) == []
    assert tag("", None) == []


_references = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
_words = st.sampled_from(
    "the last next this past April May March June 2025 1999 '90s Friday Monday a year "
    "ago earlier later that same month week quarter third early late mid- of in on , . "
    "\n : $ 14.3 2,000 201-500 Q2 10:01 pm today yesterday now every two days 31 29 Feb. "
    "following Right after fall summer the end of 12/31/2024 2024-02-30 Christmas 9999 0001 "
    "FY99 fiscal half a century-long weekend Mondays each July sixties 2007-2012 2012–13 "
    "noon 5 p.m. EST Nov. 9 year-ago year-earlier period 1 1/2".split(" ")
)
_texts = st.one_of(st.text(max_size=300), st.lists(_words, max_size=60).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(text=_texts, reference=_references)
def test_tag_never_raises_and_offsets_hold(text, reference):
    for m in tag(text, reference):
        assert text[m.start : m.end] == m.text
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        assert m.value


def test_year_range_gives_both_years():
    assert [(m.text, m.value) for m in tag("He led the firm from 2007-2012.", REF)] == [
        ("2007", "2007"),
        ("2012", "2012"),
    ]


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The park draws 20,000 visitors a year.", "a year", "P1Y"),
        ("The club meets on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("The festival returns every July.", "every July", "XXXX-07"),
        ("The paper comes out weekly.", "weekly", "P1W"),
    ],
)
def test_more_sets(text, expected, value):
    assert found(text)[expected] == ("SET", value)


def test_weekday_in_apposition_is_part_of_the_date():
    assert found("The deal was announced on Monday, March 18, 2013.") == {
        "Monday, March 18, 2013": ("DATE", "2013-03-18")
    }


def test_month_of_a_relative_year():
    f = found("Talks began in January this year and ended in June last year.")
    assert f["January this year"] == ("DATE", "2025-01")
    assert f["June last year"] == ("DATE", "2024-06")


def test_future_sentence_sends_a_weekday_forward():
    assert found("Banks will remain closed until Tuesday.")["Tuesday"][1] == "2025-06-17"


def test_reported_past_sends_a_weekday_back():
    assert found("The minister said Tuesday that talks would resume.")["Tuesday"][1] == (
        "2025-06-10"
    )


def test_comparison_period_keeps_the_focus():
    text = "Profit rose in the first quarter. In the year-ago quarter it fell. The quarter ended."
    f = [(m.text, m.value) for m in tag(text, REF)]
    assert ("the year-ago quarter", "2024-Q1") in f
    assert ("The quarter", "2025-Q1") in f


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("It lasted half a century.", "half a century", "P50Y"),
        ("It lasted a year and a half.", "a year and a half", "P18M"),
        ("A decades-long feud ended.", "decades-long", "PXDE"),
        ("After months of talks, they agreed.", "months", "PXM"),
    ],
)
def test_more_durations(text, expected, value):
    assert found(text)[expected] == ("DURATION", value)


def test_decade_words_and_holidays():
    f = found("It began in the sixties and ended on Thanksgiving Day 2019.")
    assert f["the sixties"][1] == "196"
    assert f["Thanksgiving Day 2019"][1] == "2019-11-28"


def test_the_day_after_counts_from_the_last_day_not_a_year():
    text = "He arrived on March 13 with plans through 2015, and left the day after."
    assert found(text)["the day after"][1] == "2025-03-14"


def test_later_stays_outside_the_duration():
    assert found("Three days later, he left.") == {"Three days": ("DURATION", "P3D")}


def test_no_reference_anaphora_keep_the_underspecified_month():
    text = "It failed this past April. That same month, he regrouped. Right after that, he hired."
    f = found(text, None)
    assert f["That same month"] == ("DATE", "XXXX-04")
    assert f["Right after that"] == ("DATE", "XXXX-04")


@pytest.mark.parametrize(
    "text",
    [
        'He said so on CBS\'s "60 Minutes" last night.',
        'It aired on ABC\'s "This Week," the talk show.',
        "They watched the film High Noon together.",
        "Iraq imports about three-quarters of its food.",
    ],
)
def test_titles_and_fractions_are_not_times(text):
    assert not {"60 Minutes", "This Week", "Noon", "three-quarters"} & set(found(text))


def test_headline_capitals_do_not_hide_times():
    assert found("Obama Visits Israel Next Week\nThe trip was planned.")["Next Week"] == (
        "DATE",
        "2025-W25",
    )


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Rivals struck back over the summer.", "the summer", "DATE"),
        ("Dealers bought heavily in the morning.", "the morning", "TIME"),
        ("Investors will watch the weeks ahead.", "the weeks ahead", "DURATION"),
        ("The firm was in trouble months ago.", "months ago", "DATE"),
        ("Profit returned after several quarters of losses.", "several quarters", "DURATION"),
        ("The bonds will be sold at a later date.", "a later date", "DATE"),
    ],
)
def test_vaguer_expressions(text, expected, value):
    assert found(text)[expected][0] == value


def test_latest_year_is_the_finished_one():
    assert found("Sales in the latest fiscal year rose 5%.")["the latest fiscal year"] == (
        "DATE",
        "2024",
    )


def test_weekday_picks_the_year_of_a_yearless_date():
    # Oct. 26 fell on a Saturday in 2024 and falls on a Sunday in 2025.
    assert found("The meeting is set for Saturday, Oct. 26.")["Saturday, Oct. 26"][1] == (
        "2024-10-26"
    )


def test_years_in_a_list():
    assert [m.value for m in tag("It happened in 1994, 1995 and 1997.", REF)] == [
        "1994",
        "1995",
        "1997",
    ]


def test_frequency_belongs_to_the_set():
    assert found("The board meets twice a week.") == {"twice a week": ("SET", "P1W")}


def test_the_week_of_a_date():
    assert found("The trial opens the week of March 6.")["the week of March 6"] == (
        "DATE",
        "2025-W10",
    )


def test_bare_units_before_after():
    assert found("Days after the vote, he quit.")["Days"] == ("DURATION", "PXD")


def test_clock_time_and_date_are_one_time():
    assert found("It ended at 3 p.m. local time on June 12, 2025.") == {
        "3 p.m. local time on June 12, 2025": ("TIME", "2025-06-12T15:00")
    }


def test_day_ranges_and_second_days():
    f = found("The summit runs March 16-17; talks were on April 24 and 25.")
    assert f["March 16-17"][1] == "2025-03-16"
    assert f["April 24"][1] == "2025-04-24"
    assert f["25"][1] == "2025-04-25"


def test_a_version_number_does_not_make_a_rate():
    f = found("Google answered with Gemini 1.5 Pro a week later.")
    assert f == {"a week": ("DURATION", "P1W")}


@pytest.mark.parametrize(
    "text",
    [
        "Windows 11, Office 365 and Apollo 11 are names.",
        "Room 2012 is booked; call 1-800-555-2025.",
        "Section 2024(b) applies to COVID-19 cases.",
    ],
)
def test_numbers_in_names_are_not_years(text):
    assert tag(text, REF) == []


# --- extents, anaphora and the anchor of "N days later" -------------------------------


def test_news_phrases_product_needs():
    f = found("The union voted in 2023. In the second quarter, output slipped.")
    assert f["2023"] == ("DATE", "2023")
    assert f["the second quarter"] == ("DATE", "2025-Q2")
    text = "The plant closed on March 3, 2024. That same month, the mayor resigned."
    assert found(text)["That same month"] == ("DATE", "2024-03")


def test_days_later_is_a_duration_with_an_anchor():
    text = "The ferry sank on May 2. Two days later, divers found it. The next day it was raised."
    mentions = {m.text: m for m in tag(text, REF)}
    later = mentions["Two days"]
    assert (later.type, later.value, later.anchor_value) == ("DURATION", "P2D", "2025-05-04")
    # The anchored day becomes the focus: "the next day" follows on from it.
    assert mentions["The next day"].value == "2025-05-05"


@pytest.mark.parametrize(
    ("text", "expected", "anchor"),
    [
        ("The vote was on June 3, 2024. A week later, he quit.", "A week", "2024-06-10"),
        (
            "The vote was on June 3, 2024. Three weeks afterwards, he quit.",
            "Three weeks",
            "2024-06-24",
        ),
        ("The bridge opened in March 2022. Two months later, it cracked.", "Two months", "2022-05"),
        ("The firm was founded in 2015. Three years later, it was sold.", "Three years", "2018"),
        ("The talks ended on May 9. Hours later, the strike began.", "Hours", "2025-05-09"),
    ],
)
def test_anchor_values_count_from_the_focus(text, expected, anchor):
    assert {m.text: m.anchor_value for m in tag(text, REF)}[expected] == anchor


@pytest.mark.parametrize(
    "text",
    [
        "Two days later, he left.",  # no date to count from
        "The shop opened in March. Two weeks later, it closed.",  # a month is too coarse
        "He was fired on May 5, two days after the audit.",  # counts from an event
        "The trial lasted two days.",
    ],
)
def test_no_anchor_without_a_countable_focus(text):
    assert all(m.anchor_value == "" for m in tag(text, REF))


def test_anchor_value_defaults_to_empty():
    assert TimeMention(0, 4, "2024", "DATE", "2024").anchor_value == ""


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The dam burst in nineteen eighty-one.", "nineteen eighty-one", "1981"),
        ("Trading resumed in August nineteen ninety-two.", "August nineteen ninety-two", "1992-08"),
        ("He vowed to finish by the year two thousand.", "the year two thousand", "2000"),
        (
            "It was cold in the spring of nineteen seventy-four.",
            "the spring of nineteen seventy-four",
            "1974-SP",
        ),
    ],
)
def test_years_in_words(text, expected, value):
    assert found(text)[expected] == ("DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "Some two thousand people marched.",
        "They walked nineteen hundred miles.",
        "Nineteen people were hurt.",
        "She finished a second novel.",
        "A second group of lawyers filed suit.",
        "The offices reopen at 8 a.m. (1300 GMT).",
    ],
)
def test_more_false_alarms(text):
    assert [m.text for m in tag(text, REF) if m.type in ("DATE", "DURATION")] == []


@pytest.mark.parametrize(
    ("text", "expected", "value", "mod"),
    [
        ("The rebels left about two years ago.", "about two years ago", "2023", "APPROX"),
        ("It closed almost three months ago.", "almost three months ago", "2025-03", "LESS_THAN"),
        ("It should take a week or so to fix.", "a week or so", "P1W", "APPROX"),
        (
            "Cuts will come over the next two years or so.",
            "the next two years or so",
            "P2Y",
            "APPROX",
        ),
        ("The vote is expected around Nov. 1.", "around Nov. 1", "2025-11-01", "APPROX"),
        ("The fire started around 7:15 p.m.", "around 7:15 p.m.", "2025-06-13T19:15", "APPROX"),
    ],
)
def test_vague_quantifiers_of_points_stay_inside(text, expected, value, mod):
    m = {m.text: m for m in tag(text, REF)}[expected]
    assert (m.value, m.mod) == (value, mod)


def test_around_a_possessive_is_a_preposition():
    assert [m.text for m in tag("They found a way around Monday's vote.", REF)] == ["Monday"]


def test_close_and_turn_need_of_to_be_modifiers():
    assert [m.text for m in tag("The sale is set to close Monday.", REF)] == ["Monday"]
    assert found("Skirts were short at the turn of the century.") == {
        "the turn of the century": ("DATE", "20")
    }


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Shares slid in mid-afternoon trading yesterday.", "mid-afternoon", "2025-06-13TAF"),
        ("Shares slid at mid-afternoon yesterday.", "mid-afternoon yesterday", "2025-06-12TAF"),
        ("The convoy will leave at 5 in the morning.", "5 in the morning", "2025-06-13T05:00"),
        ("Guests arrived at ten o'clock at night.", "ten o'clock at night", "2025-06-13T22:00"),
    ],
)
def test_parts_of_the_day(text, expected, value):
    assert found(text)[expected] == ("TIME", value)


def test_same_period_last_year_is_one_comparison_period():
    text = "Sales rose in the first quarter of 2025 from the same period last year."
    f = found(text)
    assert f["the same period last year"] == ("DATE", "2024-Q1")


def test_planned_weekday_in_a_past_sentence_looks_ahead():
    # REF is a Friday: "Saturday" in "planned ... on Saturday" is tomorrow, not last week.
    assert found("Organisers planned a march on Saturday.")["Saturday"][1] == "2025-06-14"
    assert found("Organisers held a march on Saturday.")["Saturday"][1] == "2025-06-07"


def test_reporting_verb_next_to_a_weekday_outweighs_a_later_will():
    # REF is a Friday; the statement was made on the Thursday just gone.
    text = "The ministry announced Thursday that the border will reopen."
    assert found(text)["Thursday"][1] == "2025-06-12"
    assert found("The border will reopen Thursday.")["Thursday"][1] == "2025-06-19"


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        # Saturday, Sunday: the weekend holding the reference; Monday: the one just ended.
        ("Crowds packed the harbour over the weekend.", dt.date(2024, 7, 20), "2024-W29-WE"),
        ("Crowds packed the harbour over the weekend.", dt.date(2024, 7, 21), "2024-W29-WE"),
        ("Crowds packed the harbour over the weekend.", dt.date(2024, 7, 22), "2024-W29-WE"),
        # After a late-week date, a past weekend is the one that followed it...
        (
            "The ferry broke down on Friday. Crowds packed the harbour over the weekend.",
            dt.date(2024, 7, 22),
            "2024-W29-WE",
        ),
        (
            "The ferry broke down on July 18. Crowds packed the harbour over the weekend.",
            dt.date(2024, 7, 22),
            "2024-W29-WE",
        ),
        # ... unless that one has not happened yet by the reference.
        (
            "The ferry broke down on Friday. Crowds packed the harbour over the weekend.",
            dt.date(2024, 7, 19),
            "2024-W28-WE",
        ),
        # A future weekend is the coming one.
        ("Crowds will pack the harbour over the weekend.", dt.date(2024, 7, 22), "2024-W30-WE"),
    ],
)
def test_past_weekend_is_the_one_just_held_or_ended(text, reference, value):
    assert found(text, reference)["the weekend"] == ("DATE", value)


def test_the_tense_of_an_expression_is_read_once(monkeypatch):
    # After a day still to come, "the weekend" asks whether it is past (to count from the
    # last day already told), then whether it is future.
    calls = []
    real = timex_resolve.tense
    monkeypatch.setattr(
        timex_resolve, "tense", lambda *args, **kw: calls.append(args[1:3]) or real(*args, **kw)
    )
    text = (
        "The union met on June 9. The strike starts on Friday, June 20. "
        "Talks failed over the weekend."
    )
    assert found(text, dt.date(2025, 6, 16))["the weekend"] == ("DATE", "2025-W23-WE")
    assert len(calls) == len(set(calls))


def test_weekday_takes_the_tense_of_its_own_verb_not_a_reported_clause():
    thursday = dt.date(2024, 8, 29)
    f = found(
        "The retailer cut its outlook on Wednesday, warning that the strike will weigh on sales.",
        thursday,
    )
    assert f["Wednesday"] == ("DATE", "2024-08-28")
    # The verb after the weekday still counts when its own clause has none before it.
    assert found("On Tuesday, the board will vote.", thursday)["Tuesday"] == ("DATE", "2024-09-03")
    # A participle after an auxiliary is no past verb: "will remain closed".
    assert found("The bridge will remain closed until Monday.", thursday)["Monday"] == (
        "DATE",
        "2024-09-02",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Owners must hand the scooters back by noon on Saturday.",
        "The swap scheme starts at noon on Saturday.",
        "The refund window is due to close at noon on Saturday.",
        "The refund window is set to close at noon on Saturday.",
        "Refunds are paid from noon on Saturday.",
    ],
)
def test_obligations_and_timetables_send_a_weekday_forward(text):
    monday = dt.date(2016, 10, 10)
    assert found(text, monday)["noon on Saturday"] == ("TIME", "2016-10-15T12:00")


def test_a_planned_weekday_does_not_pull_the_focus_back():
    monday = dt.date(2016, 10, 10)
    f = found("The swap scheme starts at noon on Saturday. The day after, stores reopen.", monday)
    assert f["noon on Saturday"] == ("TIME", "2016-10-15T12:00")
    assert f["The day after"] == ("DATE", "2016-10-16")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # TimeBank convention: a past weekday may be the reference day itself ...
        ("The minister resigned on Monday.", "2016-10-10"),
        ("The minister resigned on Thursday.", "2016-10-06"),
        # ... and a future one the next such day on or after it.
        ("The minister will resign on Thursday.", "2016-10-13"),
        ("The minister will resign on Sunday.", "2016-10-16"),
    ],
)
def test_weekday_direction_follows_the_governing_verb(text, value):
    monday = dt.date(2016, 10, 10)
    assert next(v for t, v in found(text, monday).values() if t == "DATE") == value


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The strike is expected to last two days.", "two days", "P2D"),
        ("Officials say the fighting could last several weeks.", "several weeks", "PXW"),
        ("The hearing will last about an hour.", "an hour", "PT1H"),
    ],
)
def test_the_verb_last_is_not_part_of_a_duration(text, expected, value):
    assert found(text)[expected] == ("DURATION", value)


def test_last_before_a_count_without_a_verb_stays_in_the_extent():
    assert found("Sales fell over the last three months.") == {
        "the last three months": ("DURATION", "P3M")
    }
    assert "last year" in found("Output rose to last year's level.")


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        (
            "Growth should pick up in the second half of the year.",
            "the second half of the year",
            "2025-H2",
        ),
        (
            "The plant opens in the first quarter of next year.",
            "the first quarter of next year",
            "2026-Q1",
        ),
        (
            "Profit fell in the third quarter of last year.",
            "the third quarter of last year",
            "2024-Q3",
        ),
    ],
)
def test_a_quarter_or_half_of_a_named_year_is_one_expression(text, expected, value):
    assert found(text) == {expected: ("DATE", value)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was the second day of the conclave.", "the second day"),
        ("On his first day in office, he signed the order.", "first day"),
    ],
)
def test_an_ordinal_day_of_an_event_is_a_date(text, expected):
    assert found(text) == {expected: ("DATE", "XXXX-XX-XX")}


def test_an_ordinal_day_needs_what_it_counts_in():
    assert found("The first day was calm.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The show starts at 7 p.m. Eastern.", "7 p.m. Eastern"),
        ("The launch is at 8:30 p.m. Eastern Standard Time.", "8:30 p.m. Eastern Standard Time"),
        ("Kickoff is at 9 a.m. Pacific time.", "9 a.m. Pacific time"),
    ],
)
def test_a_spelled_us_time_zone_belongs_to_the_clock_time(text, expected):
    assert list(found(text)) == [expected]


def test_a_capitalised_region_after_a_clock_time_is_not_a_zone():
    assert list(found("Shelling began at 6 a.m. Eastern Ukraine time.")) == ["6 a.m."]


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("A yearlong truce followed.", "yearlong", "P1Y"),
        ("The weeklong festival ends today.", "weeklong", "P1W"),
    ],
)
def test_one_word_unit_long_adjectives_are_durations(text, expected, value):
    assert found(text)[expected] == ("DURATION", value)


MONDAY = dt.date(2024, 7, 22)


def test_a_deadline_given_in_the_past_is_still_to_come():
    text = "On Monday the panel asked the firm to reply by Wednesday."
    assert found(text, MONDAY)["Wednesday"] == ("DATE", "2024-07-24")
    # A plain past report of the same weekday is the one just gone.
    assert found("The firm replied on Wednesday.", MONDAY)["Wednesday"] == ("DATE", "2024-07-17")


def test_a_past_anaphor_does_not_count_from_a_date_still_to_come():
    friday = dt.date(2016, 10, 14)
    text = (
        "The ban took effect on Friday. The order lapses at noon on Saturday. "
        "Two days earlier, the maker cut its forecast."
    )
    assert found(text, friday)["Two days earlier"] == ("DATE", "2016-10-12")
    # Told of the future, the same words count from the scheduled day.
    text = "The vote is set for Saturday. Two days earlier, the board will meet."
    assert found(text, friday)["Two days earlier"] == ("DATE", "2016-10-13")


def test_a_past_weekend_after_a_deadline_still_to_come_is_the_one_just_ended():
    text = (
        "The panel asked the firm to reply by Wednesday. Over the weekend the firm "
        "released a repair tool."
    )
    assert found(text, MONDAY)["the weekend"] == ("DATE", "2024-W29-WE")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # On a Thursday, "Thursday of last week" is a week back, not today.
        ("It did not recover until Thursday of last week.", "2024-07-25"),
        ("The fair opens on Monday of next week.", "2024-08-05"),
        ("The plant closed on July 3. On Friday of that week, it reopened.", "2024-07-05"),
    ],
)
def test_a_weekday_of_a_counted_week_is_one_date(text, expected):
    thursday = dt.date(2024, 8, 1)
    (mention,) = [m for m in tag(text, thursday) if " of " in m.text]
    assert mention.text.endswith(" week") and mention.text.split()[0].endswith("day")
    assert mention.value == expected


def test_a_weekday_of_a_counted_week_without_reference_is_underspecified():
    assert found("It reopened on Tuesday of last week.", None)["Tuesday of last week"] == (
        "DATE",
        "XXXX-WXX-2",
    )


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The chatbot went online on Nov. 30 last year.", "Nov. 30 last year", "2024-11-30"),
        ("The shop opened on March 3 this year.", "March 3 this year", "2025-03-03"),
        ("The shop will open on March 3, next year.", "March 3, next year", "2026-03-03"),
    ],
)
def test_a_day_of_a_counted_year_is_one_date(text, expected, value):
    assert found(text)[expected] == ("DATE", value)


def test_a_day_of_a_counted_year_without_reference_has_no_year():
    assert found("It opened on March 3 last year.", None)["March 3 last year"] == (
        "DATE",
        "XXXX-03-03",
    )


def test_a_counted_duration_off_the_calendar_has_no_anchor():
    found = tag('In Q1 "CENTURYLONG EARLIER', dt.date(100, 1, 1))
    assert [(m.type, m.anchor_value) for m in found if m.type == "DURATION"] == [("DURATION", "")]
