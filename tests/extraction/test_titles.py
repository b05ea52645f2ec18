"""Unit tests of headlines and summaries."""

from __future__ import annotations

from dataclasses import replace

from timeline.extraction.entities import EntityIndex, find_entities
from timeline.extraction.events import detect_events
from timeline.extraction.passages import split_passages
from timeline.extraction.temporal import tag
from timeline.extraction.titles import (
    MAX_TITLE,
    _complete,
    _fit,
    _present_clause,
    abbreviate_amounts,
    make_summary,
    make_title,
    present_tense,
)


def mentions(*texts: str):
    out = []
    found = []
    readings = []
    for text in texts:
        passages = split_passages(text)
        readings.append((text, passages))
        found.extend(m for p in passages for m in find_entities(p.text, p.start))
    index = EntityIndex(found)
    for i, (text, passages) in enumerate(readings):
        out.extend(detect_events(f"a{i}", passages, tag(text, None), index))
    return out, index


def test_amounts_are_abbreviated():
    assert abbreviate_amounts("a $14.3 billion deal, $100 million, 49 percent") == (
        "a $14.3B deal, $100M, 49%"
    )


def test_past_verbs_go_to_the_present():
    assert [present_tense(w) for w in ("approved", "stopped", "created", "left", "carried")] == [
        "approves",
        "stops",
        "creates",
        "leaves",
        "carries",
    ]
    assert present_tense("went", plural=True) == "go"
    assert [present_tense(w) for w in ("sought", "forecast", "froze")] == [
        "seeks",
        "forecasts",
        "freezes",
    ]
    assert present_tense("caught", plural=True) == "catch"


def test_investment_headline_uses_subject_verb_object_and_short_amount():
    ms, index = mentions(
        "Quillo Inc. invested $14.3 billion in the startup Vexo AI on Monday.",
        "The $14 billion investment by Quillo Inc. in Vexo AI surprised rivals.",
    )
    title = make_title("investment", ms, index)
    assert title == "Quillo Inc. invests $14.3B in Vexo AI"


def test_fallback_headline_drops_time_and_adverbials():
    ms, index = mentions("On Tuesday, the regulator fined the airline for late refunds.")
    title = make_title(ms[0].action, ms, index)
    assert title.startswith("The regulator fines the airline")
    assert "Tuesday" not in title


def test_passive_headline_drops_the_auxiliary():
    ms, index = mentions("Vexo Labs was founded in 2016 by two students.")
    assert make_title(ms[0].action, ms, index) == "Vexo Labs founded"


def test_headline_is_never_longer_than_the_limit():
    long = "Quillo Inc. acquired " + ", ".join(f"Unit{i} Labs" for i in range(30)) + " in 2020."
    ms, index = mentions(long)
    assert len(make_title(ms[0].action, ms, index)) <= MAX_TITLE


def test_summary_adds_a_second_source_with_new_facts():
    ms, _ = mentions(
        "Quillo Inc. invested $2 billion in Vexo AI.",
        "Quillo Inc. took a 49% stake in Vexo AI.",
    )
    summary = make_summary(ms)
    assert "$2 billion" in summary and "49%" in summary


def test_recall_headline():
    ms, index = mentions("Quillo Inc. recalled the Zeta 7 phone after fires.")
    assert make_title("recall", ms, index) == "Quillo Inc. recalls Zeta 7"


def test_second_clause_headline_takes_the_first_clause_subject():
    ms, index = mentions(
        "Quillo Inc. went public on the Nasdaq in 2019 and moved its headquarters to Austin "
        "in 2021."
    )
    assert len(ms) == 2
    assert make_title(ms[1].action, [ms[1]], index).startswith("Quillo Inc. moves its headquarters")


def test_a_cut_headline_never_ends_on_a_function_word():
    ms, index = mentions(
        "The head of Quillo Inc. apologised on Friday for the global computer failure set off "
        "by his company's software update in every market."
    )
    title = make_title(ms[0].action, ms, index)
    assert len(title) <= 90
    assert title.split()[-1].lower() not in {"his", "by", "the", "of"}


def test_a_demonstrative_gerund_headline_takes_the_antecedent_as_subject():
    ms, index = mentions(
        "Ann Lee is personally involved in reshaping the robotics strategy at Quillo Inc. "
        "This includes hand-picking engineers for a new “autonomy group” aimed at faster "
        "breakthroughs, a move that signals a shift, as reported by the Daily Ledger."
    )
    picked = [m for m in ms if "hand-picking" in m.quote]
    title = make_title(picked[0].action, picked, index, strict=True)
    assert title.startswith("Ann Lee hand-picks engineers for a new “autonomy group”")
    assert "Ledger" not in title and not title.endswith("aimed")


def test_a_fragment_or_a_figure_of_speech_gets_no_strict_headline():
    ms, index = mentions(
        "This anger is compounded by the departure of senior engineers who built the app.",
        "Trouble came knocking on Quillo Inc.'s plans for the Zeta phone in 2023.",
    )
    for m in ms:
        assert make_title(m.action, [m], index, strict=True) == "", m.quote
    # Without `strict` (a happening two articles report) the clause is kept.
    assert make_title(ms[0].action, [ms[0]], index) != ""


def test_a_definite_version_names_the_product_just_mentioned():
    ms, index = mentions(
        "Quillo Inc. builds the Zeta model for banks. The first version was released in 2021."
    )
    released = [m for m in ms if "first version" in m.quote]
    assert make_title(released[0].action, released, index) == "The first version of Zeta released"


def test_a_hiring_headline_names_the_people_hired():
    ms, index = mentions(
        "Quillo Inc. hired Ann Lee, the former head of Vexo Labs, and Bob Stone, a former "
        "Acme employee, in 2024."
    )
    assert make_title("hire", ms, index) == "Quillo Inc. hires Ann Lee and Bob Stone"


def test_the_company_in_a_headline_is_the_organisation_just_named():
    ms, index = mentions(
        "Quillo Inc. stopped making the Zeta phone on Friday. "
        "The company, which was founded in 1938 as a bakery, has weathered problems before."
    )
    founded = [m for m in ms if m.action == "founding"]
    assert make_title("founding", founded, index) == "Quillo Inc. founded"


def test_a_talks_headline_names_everyone_at_the_table():
    ms, index = mentions(
        "In May 2024, Quillo Inc. opened talks with Bob Stone, who runs Vexo, and Chris Nolan, "
        "who is the chief of Zeta Labs."
    )
    title = make_title("talks", ms, index)
    assert title == "Quillo Inc. holds talks with Bob Stone and Chris Nolan"


def _title_of(text: str, word: str, action: str | None = None) -> str:
    ms, index = mentions(text)
    m = next(m for m in ms if word in m.trigger or word in m.quote[m.trigger_start - m.start :])
    return make_title(action or m.action, [m], index)


def test_founding_is_titled_by_what_the_main_clause_creates():
    text = (
        "Quillo Labs entered research early. It was launched in 2013, when Vexo Media was "
        "still its name, and they created an AI lab."
    )
    assert _title_of(text, "launched", "founding") == "Quillo Labs creates AI lab"


def test_a_when_clause_names_no_participant_of_a_founding():
    text = "Vexo Labs was founded in 2013, when Quillo was still a small firm."
    assert _title_of(text, "founded", "founding") == "Vexo Labs founded"


def test_the_airline_is_the_subject_of_the_sentence_before():
    text = (
        "Quillo Labs said its update crashed computers. Quillo Labs apologised on Friday. "
        "Quillo Labs shares fell. Vexo Airlines expects the Quillo Labs outage to cost it "
        "$500 million. On July 29, 2024 the airline hired Ann Lee, a trial lawyer, to pursue "
        "damages from Quillo Labs."
    )
    assert _title_of(text, "hired") == "Vexo Airlines hires Ann Lee"


def test_a_clause_ending_on_its_verb_takes_the_when_clause():
    text = "The trouble began on July 19, 2024, when Quillo pushed a faulty file to its sensors."
    assert _title_of(text, "began") == "Quillo pushes a faulty file"


def test_a_participle_subject_takes_the_main_verb_and_its_object():
    text = "The update sent on July 19, 2024, known as File 291, contained a faulty rule."
    assert _title_of(text, "sent") == "The update contains a faulty rule"


def test_an_undated_clause_with_no_object_is_background():
    ms, index = mentions("The trouble began on July 19, 2024.")
    m = replace(ms[0], date=None, time=None, quote="The trouble began.", end=18)
    assert _complete("The trouble begins", m) == ""


def test_a_long_report_is_titled_by_the_reported_clause_not_a_comma_list():
    text = (
        "In Vexo, the national aviation regulator of the republic said Alpha Air, Beta Air and "
        "Gamma United had asked for ground stops early in the morning on July 19, 2024."
    )
    title = _title_of(text, "asked")
    assert title.startswith("Alpha Air, Beta Air and Gamma United ask for ground stops"), title


def test_a_coordinated_clause_with_its_own_subject_is_the_triggers_clause():
    text = (
        "Vexo Airlines expects a long recovery. Two days later its hubs in Rome and Oslo "
        "were still crowded with stranded passengers, and by the following Monday the "
        "airline had scrapped thousands more departures."
    )
    assert _title_of(text, "scrapped") == "Vexo Airlines scraps thousands more departures"


def test_verbs_ending_in_us_keep_their_e():
    assert present_tense("caused") == "causes"
    assert present_tense("focused") == "focuses"


def test_a_cut_headline_ends_on_no_possessive_and_no_open_that_clause():
    long = (
        "Lawyers for the company write to the airline rejecting suggestions that the firm had "
        "been negligent in every way"
    )
    assert _fit(long) == "Lawyers for the company write to the airline rejecting suggestions"
    review = "Acme on Wednesday publishes a preliminary post-incident review of the faults"
    cut = _fit(review + " of last Friday's update")
    assert not cut.endswith(("'s", "’s", "last", "of")), cut


def test_a_leading_conjunction_is_dropped():
    ms, index = mentions("But Quillo Labs cut its revenue forecast on August 28, 2024.")
    assert make_title(ms[0].action, ms, index).startswith("Quillo Labs cuts")


def test_a_leading_time_phrase_without_comma_is_dropped():
    ms, index = mentions("Last week the Vexo Aviation Authority warned passengers on June 3, 2024.")
    assert make_title(ms[0].action, ms, index).startswith("The Vexo Aviation Authority warns")


def test_a_two_word_trigger_puts_its_own_verb_in_the_present():
    ms, index = mentions("Quillo Labs' shares fell 8% in Oslo on October 11, 2016.")
    assert "shares fall 8%" in make_title(ms[0].action, ms, index)


def test_more_irregular_verbs_go_to_the_present():
    assert [present_tense(w) for w in ("withdrew", "spoke", "flew")] == [
        "withdraws",
        "speaks",
        "flies",
    ]


def test_a_scene_setting_clause_gives_way_to_its_when_clause():
    text = (
        "The most alarming came on October 5, 2016, when a replacement phone filled the cabin "
        "of a plane in Oslo with smoke."
    )
    assert _title_of(text, "came").startswith("A replacement phone fills the cabin")


def test_an_actorless_scene_clause_is_replaced_by_what_happened():
    text = "The worst came when a replacement phone filled a cabin with smoke on October 5, 2016."
    assert _title_of(text, "came") == "A replacement phone fills a cabin with smoke"


def test_a_long_headline_is_not_cut_at_a_comma_inside_a_list_nor_inside_a_name():
    title = _fit(
        "The regulator of Vexo said on Friday that the airlines Alpha Air, Beta Air and Gamma "
        "Air grounded their fleets"
    )
    assert title.endswith("Alpha Air, Beta Air and Gamma Air"), title
    named = _fit(
        "The regulator of the small republic of Vexo reported on Friday that its officials met "
        "Gamma Air Lines"
    )
    assert not named.endswith(("Gamma", "Air")), named


def test_a_mid_phrase_cut_drops_the_unfinished_prepositional_phrase():
    title = _fit(
        "Several senators publicly ask whether the federal agencies of Vexo depend too heavily "
        "on a small group of suppliers"
    )
    assert (
        title
        == "Several senators publicly ask whether the federal agencies of Vexo depend too heavily"
    )


def test_a_departure_headline_names_who_left_and_who_decided():
    ms, index = mentions(
        "Quillo Inc.'s board removed Ann Lee, its chief executive, on Friday.",
        "Bo Chan, the president, quit Quillo Inc. on Friday in protest at Ann Lee's treatment.",
    )
    removal = [m for m in ms if m.article == "a0"]
    protest = [m for m in ms if m.article == "a1"]
    assert make_title("departure", removal, index) == "Quillo Inc. removes Ann Lee"
    assert make_title("departure", protest, index) == "Bo Chan leaves Quillo Inc."


def test_a_description_between_commas_and_an_initial_do_not_cut_a_headline():
    ms, index = mentions(
        "Quillo Group, the parent company of Vexo Bank, said late on March 8, 2023, that it "
        "had sold nearly all of its bonds at a loss of $1.8 billion and would sell shares.",
        "The central bank said on March 13, 2023, that Ann B. Lee, its vice chair, would lead "
        "a review.",
    )
    first = make_title("statement", [m for m in ms if m.article == "a0"], index)
    assert first.startswith("Quillo Group says that it had sold nearly all of its bonds"), first
    second = make_title("statement", [m for m in ms if m.article == "a1"], index)
    assert "Ann B. Lee" in second and "vice chair" not in second and "would lead" in second, second


def test_plural_subjects_keep_are_and_a_name_given_is_no_hire():
    assert present_tense("were", plural=True) == "are"
    ms, _ = mentions("The crossing was named after the lawyer who wrote the anthem in 1814.")
    assert all(m.action != "hire" for m in ms)


def test_a_past_perfect_with_an_irregular_verb_goes_to_the_present():
    assert present_tense("said") == "says"
    assert _present_clause("Ann Lee had said that Vexo would sell its shares", 4) == (
        "Ann Lee says that Vexo would sell its shares"
    )


def test_present_tense_keeps_participles_and_restores_the_final_e():
    assert [present_tense(w) for w in ("promised", "resumed", "visited", "limited")] == [
        "promises",
        "resumes",
        "visits",
        "limits",
    ]
    assert [present_tense(w) for w in ("declared", "cleared", "appeared", "barred")] == [
        "declares",
        "clears",
        "appears",
        "bars",
    ]
    assert _present_clause("The record was held by a rival", 6) == "The record held by a rival"
    assert _present_clause("Conservative MPs narrowed the field", 5) == (
        "Conservative MPs narrow the field"
    )
    assert (
        _present_clause("Every household will be covered", 5) == "Every household will be covered"
    )


def test_the_dateline_place_is_no_participant_of_the_headline():
    ms, index = mentions(
        "LONDON, Oct. 20, 2022 — Ann Lee resigned as leader of the Quillo Party on Thursday.",
    )
    assert "LONDON" not in make_title("departure", ms, index)


def test_a_passive_sharing_its_auxiliary_stays_a_participle():
    assert _present_clause("replaced by Bo Chan", 3) == "replaced by Bo Chan"


def test_a_departure_names_the_body_left_not_one_named_elsewhere():
    ms, index = mentions(
        "Ann Lee stepped down as president of the national federation on Sunday, three "
        "weeks after Quillo Corp suspended her.",
    )
    title = make_title("departure", ms, index)
    assert "Quillo" not in title and title.startswith("Ann Lee steps down"), title


def test_a_clock_time_does_not_cut_a_headline_at_its_colon():
    ms, index = mentions(
        "Quillo's capsule docked with the station on Thursday, June 6, 2024, at 1:34 p.m. "
        "Eastern time, more than an hour later than planned."
    )
    title = make_title(ms[0].action, ms, index)
    assert title.startswith("Quillo's capsule docks with the station"), title


def test_a_headline_starts_the_trigger_clause_after_since():
    ms, index = mentions(
        "The talks, which resumed on Oct. 2, 2023, for the first time since the actors went "
        "on strike on July 14, 2023, were attended by studio chiefs."
    )
    strike = [m for m in ms if m.action == "strike"]
    assert make_title("strike", strike, index) == "The actors go on strike"


def test_a_long_opening_phrase_is_not_the_headline():
    ms, index = mentions(
        "Over six weeks of campaigning and hustings, Ann Lee promised immediate tax cuts on "
        "March 14, 2024."
    )
    assert make_title(ms[0].action, ms, index) == "Ann Lee promises immediate tax cuts"


def test_a_passive_with_its_agent_keeps_its_participle():
    clause = "Park Geun-hye removed from office by the Constitutional Court"
    assert _present_clause(clause, 3) == clause
