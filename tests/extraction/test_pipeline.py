"""Tests of the pipeline's entry points, including a property test on arbitrary text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extraction import pipeline
from timeline.extraction.pipeline import extract_timeline, read_article
from timeline.extraction.records import PRECISIONS, ArticleInput

DATED = ArticleInput(
    key="dated",
    text=(
        "Quillo buys Vexo AI\n\n"
        "Quillo Inc. said on Monday it had agreed to buy the startup Vexo AI for $2.1 billion. "
        "Vexo AI was founded in 2016 by two students.\n"
        "In April, Quillo launched its Falcon 4 model to a lukewarm reception."
    ),
    published=dt.date(2024, 6, 12),
    published_source="header",
)
UNDATED = ArticleInput(
    key="undated",
    text=(
        "Quillo Inc. agreed this month to acquire Vexo AI for $2.1 billion, people said. "
        "The company launched Falcon 4 this past April."
    ),
)


def header_dated(key: str, text: str, published: dt.date) -> ArticleInput:
    """An article whose header states its date."""
    return ArticleInput(key=key, text=text, published=published, published_source="header")


def test_read_article_uses_the_published_date_as_reference():
    reading = read_article(DATED)
    assert reading.reference.date == dt.date(2024, 6, 12)
    assert reading.reference.source == "header"
    assert all(DATED.text[p.start : p.end] == p.text for p in reading.passages)


def test_reference_is_inferred_from_events_shared_with_dated_articles():
    result = extract_timeline([DATED, UNDATED])
    reference = result.readings["undated"].reference
    assert reference is not None and reference.source == "inferred"
    assert reference.date == dt.date(2024, 6, 12)
    assert "dated" in reference.reason


def test_same_happening_in_two_articles_is_one_event_with_both_sources():
    result = extract_timeline([DATED, UNDATED])
    deals = [e for e in result.events if "2.1" in e.summary or "$2.1B" in e.title]
    assert len(deals) == 1
    assert {x.article for x in deals[0].evidence} == {"dated", "undated"}


def test_events_are_sorted_by_date_with_undated_last():
    result = extract_timeline([DATED, UNDATED])
    dates = [e.date.start for e in result.events if e.date]
    assert dates == sorted(dates)
    seen_undated = False
    for e in result.events:
        seen_undated = seen_undated or e.date is None
        assert not (seen_undated and e.date is not None)


def test_a_failing_article_is_reported_and_skipped(monkeypatch):
    real = pipeline.read_article

    def flaky(article):
        if article.key == "bad":
            raise ValueError("cannot\nparse this")
        return real(article)

    monkeypatch.setattr(pipeline, "read_article", flaky)
    bad = ArticleInput(key="bad", text="whatever")
    result = extract_timeline([DATED, bad])
    assert result.errors == {"bad": "ValueError: cannot parse this"}
    assert "dated" in result.readings and result.events


def test_output_is_deterministic():
    first = extract_timeline([DATED, UNDATED])
    again = extract_timeline([DATED, UNDATED])
    assert [(e.title, e.date, e.evidence) for e in first.events] == [
        (e.title, e.date, e.evidence) for e in again.events
    ]


WORDS = st.sampled_from(
    "Quillo Vexo AI Inc. acquired launched invested $14.3 billion 49% in on April 2024 "
    "Monday last week this month he said the and was founded . , ? ! “ ” \n \n\n U.S. "
    "Mr. Brandt CEO 7,000 2000 — : ; hired left demoted 2.5 Falcon 4 earlier this year".split(" ")
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(
        st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join)),
        min_size=1,
        max_size=3,
    ),
    published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_any_text_gives_a_valid_timeline(texts, published):
    articles = [
        ArticleInput(key=f"k{i}", text=t, published=published if i == 0 else None)
        for i, t in enumerate(texts)
    ]
    result = extract_timeline(articles)
    assert not result.errors
    by_key = {a.key: a.text for a in articles}
    for event in result.events:
        assert event.evidence and event.title
        for ev in event.evidence:
            assert by_key[ev.article][ev.start : ev.end] == ev.quote
        for span in [event.date, *event.alternatives]:
            if span is not None:
                assert isinstance(span.start, dt.date) and span.start <= span.end
                assert span.precision in PRECISIONS


def test_one_shared_mention_is_too_thin_to_infer_a_date():
    lone = ArticleInput(
        key="lone",
        text="Critics mocked Quillo Inc. after it agreed to acquire Vexo AI for $2.1 billion.",
    )
    result = extract_timeline([DATED, lone])
    assert result.readings["lone"].reference is None


def test_weekdays_of_an_article_with_an_inferred_date_stay_undated():
    undated = ArticleInput(
        key="undated",
        text=(
            "Quillo Inc. agreed this month to acquire Vexo AI for $2.1 billion, people said. "
            "The company launched Falcon 4 this past April. "
            "On Wednesday, Quillo Inc. sued the Zeta Group over patents."
        ),
    )
    result = extract_timeline([DATED, undated])
    assert result.readings["undated"].reference.source == "inferred"
    suits = [e for e in result.events if "Zeta" in e.summary]
    assert all(e.date is None for e in suits)


def test_one_unit_told_by_its_acronym_and_spelled_out_is_one_event():
    short = header_dated(
        "short",
        "Quillo Inc. chief Ann Lee's reorganization of the GenAI unit reflects urgency. "
        "She is splitting teams and appointing new leaders.",
        dt.date(2024, 6, 12),
    )
    spelled = ArticleInput(
        key="spelled",
        text=(
            "Quillo Inc. sells phones in Ohio. The vice president who was leading Quillo's "
            "generative AI efforts was removed from the role."
        ),
    )
    noise = [
        ArticleInput(key=f"n{i}", text=f"Quillo Inc. launched the Zeta {i} phone in {2000 + i}.")
        for i in range(12)
    ]
    result = extract_timeline([short, spelled, *noise])
    units = [e for e in result.events if {x.article for x in e.evidence} & {"short", "spelled"}]
    assert len(units) == 1, [e.title for e in units]
    assert {x.article for x in units[0].evidence} == {"short", "spelled"}


def test_commentary_and_metaphor_do_not_become_events():
    article = header_dated(
        "a",
        "Reality came knocking on Quillo Inc.'s ambitions for its phones in April 2024. "
        "This frustration is compounded by the departure of engineers who built them.",
        dt.date(2024, 6, 12),
    )
    assert extract_timeline([article]).events == []


def test_an_undated_analysis_is_dated_by_the_inquiry_it_discusses():
    """An inquiry's findings told in two articles date the undated one; the older
    removal it also recalls ("in November") must not pull it back to the autumn."""
    autumn = header_dated(
        "autumn",
        (
            "Quillo's board removed Ann Lee as chief executive on Friday, saying it had lost "
            "confidence in her. Earlier this month Quillo opened its first developer "
            "conference in Denver."
        ),
        dt.date(2023, 11, 17),
    )
    spring = header_dated(
        "spring",
        (
            "Quillo said on Friday that an outside review of Ann Lee's removal had concluded "
            "that her conduct did not require it. The review found that the board had acted "
            "within its powers."
        ),
        dt.date(2024, 3, 8),
    )
    later = ArticleInput(
        key="later",
        text=(
            "The review that Quillo released this month was meant to close the matter of Ann "
            "Lee's removal in November. The summary published on March 8 said the outside "
            "review had found that Ann Lee's removal was not required by her conduct."
        ),
    )
    reference = extract_timeline([autumn, spring, later]).readings["later"].reference
    assert reference is not None and reference.source == "inferred"
    assert reference.date == dt.date(2024, 3, 8)


def test_an_undated_articles_yearless_dates_take_the_storys_year():
    dated = header_dated(
        "dated",
        "Regulators closed Quillo Bank on Friday, March 10, 2023, after a run on deposits.",
        dt.date(2023, 3, 11),
    )
    later = header_dated(
        "later", "Vexo Bank was seized on May 1, 2023, and sold to a rival.", dt.date(2023, 5, 2)
    )
    undated = ArticleInput(
        key="undated",
        text=(
            "The report on the failure of Quillo Bank was released on April 28. "
            "Its authors said supervisors had moved too slowly."
        ),
    )
    result = extract_timeline([dated, later, undated])
    assert result.readings["undated"].reference is None
    values = {tm.text: tm.value for tm in result.readings["undated"].mentions}
    assert values["April 28"] == "2023-04-28"
    released = [e for e in result.events if any(x.article == "undated" for x in e.evidence)]
    assert released and released[0].date.iso == "2023-04-28"


def test_a_named_weekday_chooses_the_year_of_a_yearless_date():
    """The story runs from autumn 2022 to autumn 2023; "Thursday, March 28" is only a
    Thursday in 2024, so that is the year (2023 would put it inside the span)."""
    first = header_dated(
        "first",
        "Quillo collapsed on November 11, 2022, after a run on deposits.",
        dt.date(2022, 11, 12),
    )
    last = header_dated(
        "last", "Ann Lee was convicted on November 2, 2023, of fraud.", dt.date(2023, 11, 3)
    )
    undated = ArticleInput(
        key="undated", text="Ann Lee was sentenced to 25 years in prison on Thursday, March 28."
    )
    result = extract_timeline([first, last, undated])
    values = [tm.value for tm in result.readings["undated"].mentions]
    assert "2024-03-28" in values


def test_a_clause_without_its_own_subject_gets_no_headline_and_no_crash():
    text = (
        "The walkout lasted 148 days, longer than the strike of 2007, and ended in late "
        "September; writers ratified their contract in October."
    )
    result = extract_timeline([header_dated("a", text, dt.date(2023, 12, 6))])
    assert not result.errors
    assert all(len(e.title.split()) > 1 for e in result.events)


def test_an_undated_article_is_read_as_of_the_weekday_and_date_its_lede_names():
    dated = header_dated(
        "dated", "Quillo Bank cut its rates on Sept. 22, 2022, the bank said.", dt.date(2022, 9, 23)
    )
    undated = ArticleInput(
        key="undated",
        text=(
            "Quillo Bank said on Wednesday, Sept. 28, that it would buy bonds.\n\n"
            "On Tuesday evening the Vexo Fund urged the government to reconsider its tax cuts."
        ),
    )
    result = extract_timeline([dated, undated])
    assert result.readings["undated"].reference.date == dt.date(2022, 9, 28)
    urged = [e for e in result.events if "Vexo Fund" in e.title or "reconsider" in e.summary]
    assert urged and urged[0].date.iso == "2022-09-27"


def test_a_lede_looking_back_to_a_weekday_does_not_pin_the_week():
    dated = header_dated("dated", "Quillo Bank failed on July 19, 2024.", dt.date(2024, 7, 20))
    undated = ArticleInput(
        key="undated",
        text="Quillo Bank on Wednesday published a review of last Friday's July 19 failure.",
    )
    result = extract_timeline([dated, undated])
    reference = result.readings["undated"].reference
    assert reference is None or reference.date != dt.date(2024, 7, 19)


def test_an_article_whose_own_dates_contradict_a_candidate_is_not_dated_by_it():
    later = header_dated(
        "later",
        "Quillo Inc. agreed to acquire Vexo AI for $2.1 billion on March 3, 2025. "
        "Quillo Inc. hired Bo Chan as its chief on March 2, 2025. "
        "Quillo Inc. launched its $300 million Vexo X1 phone in Ohio on March 3, 2025.",
        dt.date(2025, 3, 4),
    )
    earlier = ArticleInput(
        key="earlier",
        text=(
            "Quillo Inc. agreed to acquire Vexo AI for $2.1 billion, people said. "
            "Quillo Inc. hired Bo Chan as its chief on March 2. "
            "Quillo Inc. launched its $300 million Vexo X1 phone in Ohio on Feb. 10."
        ),
    )
    result = extract_timeline([later, earlier])
    reference = result.readings["earlier"].reference
    assert reference is None, reference


def test_a_headline_that_fails_loses_neither_the_event_nor_the_batch(monkeypatch):
    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(pipeline, "make_title", broken)
    result = extract_timeline([DATED])
    assert result.events and all(e.title and e.evidence for e in result.events)
    assert result.errors == {"dated": "headline not written: IndexError: list index out of range"}
