"""Unit tests of event-mention detection and dating."""

from __future__ import annotations

import datetime as dt

from timeline.extraction.entities import EntityIndex, find_entities
from timeline.extraction.events import detect_events, find_numbers
from timeline.extraction.passages import split_passages
from timeline.extraction.temporal import tag

REF = dt.date(2024, 3, 15)


def detect(text: str, reference: dt.date | None = REF):
    passages = split_passages(text)
    index = EntityIndex([m for p in passages for m in find_entities(p.text, p.start)])
    return detect_events("a", passages, tag(text, reference), index, reference)


def one(text: str, reference: dt.date | None = REF):
    found = detect(text, reference)
    assert len(found) == 1, [m.quote for m in found]
    return found[0]


def test_past_launch_is_an_event_with_its_class():
    m = one("Quillo launched its Falcon 4 model in January 2024.")
    assert m.action == "launch"
    assert m.date.iso == "2024-01"
    assert m.dated_by == "sentence"


def test_modal_and_future_are_not_events():
    assert detect("Quillo could launch a new model next year.") == []
    assert detect("Quillo plans to acquire Vexo in 2025.") == []


def test_questions_and_conditionals_are_not_events():
    assert detect("Will Quillo acquire Vexo after it launched the app in May?") == []
    assert detect("If Quillo acquired Vexo in May, prices would rise.") == []


def test_opinion_on_a_nominal_trigger_is_not_an_event():
    assert detect("The partnership with Vexo is a strategic masterstroke.") == []


def test_scene_setting_phrase_is_not_the_event():
    assert detect("Despite heavy investments in chips, the outlook is unclear.") == []


def test_boilerplate_and_headings_are_skipped():
    assert detect("Quillo Acquires Vexo\nFounded date: 2015\nEmployees: 201-500\n") == []


def test_precision_of_the_expression_is_kept():
    assert one("Quillo was founded in 2013 by two engineers.").date.precision == "year"
    assert one("On March 4, 2024, Quillo acquired Vexo.").date.iso == "2024-03-04"


def test_governing_date_is_in_the_triggers_own_clause():
    m = one("Quillo apologised on Tuesday for the outage that began on March 1.")
    assert m.date.iso == "2024-03-12"


def test_focus_dates_a_following_narrative_past_sentence():
    found = detect("In January, Quillo held its developer conference. The new model flopped badly.")
    assert [m.date.iso for m in found] == ["2024-01", "2024-01"]
    assert found[1].dated_by == "focus"


def test_focus_is_dropped_when_story_time_moves_on():
    found = detect("In January, Quillo held its developer conference. Then Quillo acquired Vexo.")
    assert found[-1].date is None


def test_undated_relative_expression_without_reference_stays_undated():
    assert one("Quillo acquired Vexo this past April.", reference=None).date is None


def test_present_tense_news_takes_the_reference_day():
    text = "Quillo is a big firm. Quillo’s latest offering, Falcon 4, is a model for robots."
    m = detect(text)[-1]
    assert m.dated_by == "reference"
    assert m.date.iso == REF.isoformat()


def test_year_modifier_sets_no_focus():
    found = detect("His firm argued the 2000 election dispute. Vexo cancelled 7,000 flights.")
    assert found[-1].date is None


def test_dated_past_verb_without_known_class_is_a_generic_event():
    m = one("On Tuesday, Quillo apologized to customers.")
    assert m.action == "statement" or m.action.startswith("v:")


def test_numbers_are_normalised():
    nums = find_numbers("a $14.3 billion deal for a 49% stake and 8.5 million devices")
    assert [(n.kind, n.value) for n in nums] == [
        ("money", 14.3e9),
        ("count", 8.5e6),
        ("percent", 49.0),
    ]
    assert nums[0].matches(find_numbers("$14 billion")[0])
