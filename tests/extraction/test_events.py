"""Unit tests of event-mention detection and dating."""

from __future__ import annotations

import datetime as dt

from timeline.extraction.entities import EntityIndex, find_entities
from timeline.extraction.events import detect_events, find_numbers, sentence_subjects
from timeline.extraction.passages import split_passages
from timeline.extraction.records import TimeMention
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


def detect_with(text: str, mentions, reference: dt.date | None = REF, deictic: bool = True):
    passages = split_passages(text)
    index = EntityIndex([m for p in passages for m in find_entities(p.text, p.start)])
    return detect_events("a", passages, mentions, index, reference, deictic=deictic)


def test_a_product_recall_is_an_action():
    m = one("Quillo recalled 2 million heaters on Friday after reports of fires.")
    assert m.action == "recall"
    assert m.date.iso == "2024-03-15"


def test_a_counted_duration_dates_by_its_anchor():
    text = "Quillo bought a warehouse two years later."
    at = text.index("two years")
    later = TimeMention(at, at + len("two years"), "two years", "DURATION", "P2Y", "", "2021")
    m = detect_with(text, [later])[0]
    assert m.date.iso == "2021" and m.date.precision == "year"


def test_a_date_that_modifies_a_noun_dates_nothing():
    # The date tells when the failure happened, not when the cancelling did.
    assert one("Delta cancelled flights after the March 8 software failure.").date is None
    assert one("Quillo apologised on Tuesday for Friday's outage.").date.iso == "2024-03-12"


def test_weekdays_do_not_date_under_an_inferred_reference():
    text = "Quillo on Wednesday published a preliminary review of the outage."
    dated = detect_with(text, tag(text, REF))
    assert dated[0].date is not None
    undated = detect_with(text, tag(text, REF), deictic=False)
    assert undated[0].date is None


def test_the_same_day_is_the_day_in_focus_never_a_modifier():
    dated = detect("Quillo sued Vexo on March 4, 2024. The same day, Vexo sued Quillo back.")
    assert [m.date.iso for m in dated] == ["2024-03-04", "2024-03-04"]
    text = "Quillo published a review of the March 4 outage. The same day, Vexo sued Quillo."
    found = detect(text)
    assert found[-1].date is None


def test_two_dated_clauses_are_two_happenings():
    found = detect(
        "Quillo Inc. went public on the Nasdaq in 2019 and moved its headquarters to Austin "
        "in 2021."
    )
    assert [m.date.iso for m in found] == ["2019", "2021"]
    assert found[1].quote.startswith("moved its headquarters")
    assert "Quillo Inc." in found[1].entities
    assert found[1].subject == "Quillo Inc."
    # One date: one happening, told with two verbs.
    assert len(detect("Quillo halted sales on Friday and announced a global recall.")) == 1


def test_what_is_reported_after_a_dated_reporting_verb_is_the_news():
    m = one(
        'A senior Quillo executive told lawmakers on Tuesday that the company was "deeply '
        'sorry" for the update that crashed computers two months ago.'
    )
    assert m.action == "statement"
    assert m.date.iso == "2024-03-12"
    m = one("Vexo said on Thursday that it estimates 8.5 million devices were knocked out.")
    assert m.date.iso == "2024-03-14"


def test_background_after_a_main_verb_is_not_news():
    text = (
        "Ann Lee, the president of Quillo, walked on stage to collect the prize, given for "
        "the update that crashed computers."
    )
    assert detect(text) == []


def test_a_verb_trigger_used_as_a_noun_is_no_report():
    text = "Revenue for the quarter, which included the days after the March 8 crash, rose 32%."
    assert detect(text) == []


def test_focus_is_the_date_of_the_happening_not_of_its_background():
    found = detect(
        "Quillo apologised on Tuesday for the update that crashed computers in January. "
        "Ann Lee testified before the committee."
    )
    assert found[-1].dated_by == "focus"
    assert found[-1].date.iso == "2024-03-12"


def test_a_sentence_with_its_own_stretch_of_time_takes_no_focus():
    found = detect(
        "Quillo hired Ann Lee on March 4, 2024. "
        "All told, Quillo cancelled 7,000 flights over five days."
    )
    assert found[-1].date is None


def test_promised_to_be_is_a_prediction_not_a_pledge():
    assert detect("For staff, the weekend promised to be a long one.") == []
    assert one("Quillo promised on Friday to refund every buyer.").action == "statement"


def test_a_deadline_dates_nothing():
    found = detect(
        "Quillo hired Ann Lee on March 4, 2024. "
        "Lawmakers asked Quillo to make Ms Lee available for a hearing and to respond by "
        "Wednesday. They noted that the outage had disrupted air travel."
    )
    assert all(m.date is None or m.date.iso == "2024-03-04" for m in found)


def test_stopping_production_is_a_disruption():
    assert one("Quillo discontinued the Zeta 7 phone on Tuesday.").action == "disruption"
    assert one("Quillo on Tuesday stopped making and selling the Zeta 7.").action == "disruption"


def test_a_dated_after_clause_is_its_own_happening():
    found = detect(
        "Quillo Inc. cut its profit estimate by $2 billion on Thursday, after it discontinued "
        "the Zeta 7 phone on Tuesday."
    )
    assert [m.date.iso for m in found] == ["2024-03-14", "2024-03-12"]
    assert found[1].action == "disruption" and found[1].subject == "Quillo Inc."


def test_a_conference_call_is_no_conference():
    assert detect("Quillo Inc. told analysts on a conference call that sales were strong.") == []


def test_a_hedged_noun_trigger_reports_nothing():
    assert detect("By investing, Quillo sidesteps potential backlash from regulators.") == []
    assert detect("Vexo AI weighed a possible acquisition of Zeta Labs in May.") == []


def test_a_present_perfect_or_recent_happening_takes_the_reference_month():
    m = one("Four senior engineers have already joined Quillo from Vexo Labs.")
    assert m.dated_by == "reference" and m.date.iso == "2024-03"
    assert m.date.precision == "month"
    assert one("Quillo recently acquired the startup Vexo Labs.").date.iso == "2024-03"
    # A plain past tense says nothing of when: it stays undated.
    assert one("Quillo acquired the startup Vexo Labs.").date is None
    assert one("Quillo has acquired the startup Vexo Labs.", reference=None).date is None


def test_a_spelled_out_acronym_names_the_acronym_entity():
    text = (
        "Quillo Inc. reorganised its GenAI unit in Ohio. "
        "The vice president leading Quillo's generative AI efforts was removed."
    )
    passages = split_passages(text)
    index = EntityIndex([m for p in passages for m in find_entities(p.text, p.start)])
    index.learn_expansions([p.text for p in passages])
    found = detect_events("a", passages, tag(text, None), index)
    removed = [m for m in found if "removed" in m.quote]
    assert "GenAI" in removed[0].entities


def test_the_month_may_is_no_modal():
    m = one("In May 2023, Quillo acquired the startup Vexo Labs.")
    assert m.action == "acquisition" and m.date.iso == "2023-05"
    assert detect("Quillo may acquire the startup Vexo Labs.") == []


def test_sentence_subjects_are_names_before_a_finite_verb():
    text = (
        "He said Vexo Airlines had no choice, and complained that Quillo Labs had offered "
        "little beyond advice from Zento Inc."
    )
    index = EntityIndex(find_entities(text))
    assert sentence_subjects(text, index) == ("Vexo Airlines", "Quillo Labs")
    plural = "American carriers including Vexo Airlines had already stopped."
    assert "American" not in sentence_subjects(plural, EntityIndex(find_entities(plural)))


def test_the_airline_refers_to_the_subject_before_not_the_most_named():
    found = detect(
        "Quillo Labs said its update crashed computers on Friday. Quillo Labs apologised. "
        "Vexo Airlines expects the Quillo Labs outage to cost it $500 million. "
        "On Monday the airline hired Ann Lee, a trial lawyer, to pursue damages from Quillo Labs."
    )
    hire = next(m for m in found if m.action == "hire")
    assert hire.subject == "Vexo Airlines"


def test_a_standing_partnership_is_no_deal_but_striking_one_is():
    standing = detect("Ann Lee said Quillo's partnership with Vexo remained stable.")
    assert all(m.action != "deal" for m in standing)
    assert one("Quillo struck a partnership with Vexo on Monday.").action == "deal"
    assert one("Quillo signed a new contract with Vexo on Monday.").action == "deal"


def test_signing_a_letter_is_a_statement_not_a_deal():
    m = one("More than 700 staff signed a letter on Monday urging the board to resign.")
    assert m.action == "statement"


def test_what_an_inquiry_concluded_is_a_report():
    m = one("Quillo said on Friday that an outside review had concluded that Ann Lee did no wrong.")
    assert m.action == "report"
    assert m.date.iso == "2024-03-15"


def test_removing_a_named_person_is_a_departure():
    assert one("Quillo's board removed Ann Lee on Friday.").action == "departure"


def test_a_report_released_told_document_first_is_no_launch():
    m = one("The review that Quillo released on Monday cleared its chief.")
    assert m.action == "report"


def test_what_a_law_firm_had_found_is_a_report():
    m = one("The summary said the law firm Brant & Co had found that Ann Lee did no wrong.")
    assert m.action == "report"


def test_done_by_a_day_dates_but_a_deadline_does_not():
    done = one("More than 700 staff had signed a letter by Monday afternoon.", dt.date(2024, 3, 13))
    assert done.date.iso == "2024-03-11"
    deadline = detect(
        "On Tuesday the panel asked Quillo to respond by Friday.", dt.date(2024, 3, 13)
    )
    assert all(m.date is None or m.date.iso == "2024-03-12" for m in deadline)


def test_the_ledes_day_reaches_a_report_two_short_paragraphs_on():
    text = (
        "Quillo's board removed Ann Lee as chief executive on Friday.\n\n"
        "The directors said she had not been candid with them.\n\n"
        "Bo Chan, the finance chief, was named interim chief executive.\n"
    )
    found = {m.action: m for m in detect(text, dt.date(2024, 3, 15))}
    assert found["hire"].date.iso == "2024-03-15" and found["hire"].dated_by == "focus"


def test_putting_a_service_online_is_a_launch_and_reinstating_a_hire():
    assert one("Quillo put its Vexo chatbot online on Monday.").action == "launch"
    assert one("Ann Lee was formally reinstated on Wednesday.").action == "hire"


def test_setting_up_and_beginning_life_are_foundings():
    assert one("Quillo was set up in 2015 as a research laboratory.").action == "founding"
    assert one("Quillo began life in 2015 as a research laboratory.").action == "founding"


def test_what_a_document_says_happened_is_not_dated_by_the_documents_day():
    text = (
        "Quillo said on Friday that an outside review had concluded that Ann Lee did no wrong.\n"
        "According to the summary, the old board acted within its powers when it dismissed "
        "Ann Lee.\n"
    )
    found = {m.action: m for m in detect(text, dt.date(2024, 3, 8))}
    assert found["report"].date.iso == "2024-03-08"
    assert found["departure"].date is None


def test_comment_and_manner_are_not_events():
    # A hedged main clause: its background clause is no news either.
    assert (
        detect(
            "Choosing an outsider may calm the board, but it is hard to see the move settling "
            "the staff, many of whom joined because of Ann Lee."
        )
        == []
    )
    # "the way they acted" is manner, "has left them looking isolated" a present state.
    assert (
        detect(
            "Whatever the directors' reasons, the way they acted on Friday has left them "
            "looking isolated."
        )
        == []
    )


def test_many_of_whom_opens_a_background_clause():
    m = one("Quillo hired 40 engineers on Monday, many of whom joined from Vexo.")
    assert m.action == "hire" and m.trigger.startswith("hired")


def test_closing_a_bank_is_a_closure_and_since_dates_nothing():
    m = one("Regulators seized Quillo Bank early on Monday.", dt.date(2024, 3, 11))
    assert m.action == "closure" and m.date.iso == "2024-03-11"
    m = one("Quillo Bank was closed by state regulators, the third lender to fail since March.")
    assert m.action == "closure" and m.date is None


def test_a_receiver_appointed_is_no_hire():
    found = detect("The regulator closed the bank and appointed the insurer as receiver.")
    assert all(m.action != "hire" for m in found)


def test_an_announcement_of_what_will_happen_is_an_event_of_its_day():
    m = one(
        "Federal officials said on Sunday that every depositor of Quillo Bank would be repaid.",
        dt.date(2024, 3, 12),
    )
    assert m.action == "statement" and m.date.iso == "2024-03-10"
    m = one(
        "Vexo will hire Ann Lee to run a new team, its chief executive said early on Monday.",
        dt.date(2024, 3, 12),
    )
    assert m.date.iso == "2024-03-11"


def test_a_future_aside_or_a_far_date_is_no_announcement():
    assert detect("The deposits placed in March would be repaid, Quillo said.") == []
    assert detect("Quillo said the deposits placed in March would be repaid.") == []
    assert detect("For the engineers, the weekend promised to be a long one.") == []


def test_banks_agreeing_on_a_day_to_place_deposits_is_a_deal():
    m = one("Eleven banks agreed on Thursday to place $30 billion of deposits in Quillo Bank.")
    assert m.action == "deal" and m.date.iso == "2024-03-14"


def test_a_malformed_amount_is_skipped_not_an_error():
    assert [n.text for n in find_numbers("It paid $385.20.0 and then $2.5 billion.")] == [
        "$2.5 billion"
    ]


def test_a_bare_failure_ending_its_clause_is_a_setback():
    assert one("The result was that the Falcon 4 model failed.").action == "setback"
    assert one("Quillo said the Falcon 4 model failed, and developers left.").action in (
        "setback",
        "statement",
    )


def test_releasing_a_report_is_a_report_and_removing_wreckage_no_demotion():
    assert one("The safety board released its preliminary report on Tuesday.").action == "report"
    found = detect("The span was removed on Monday with explosives.")
    assert all(m.action != "demotion" for m in found)


def test_an_announcement_dated_by_the_sentences_opening_phrase():
    text = (
        "The search was suspended on Tuesday evening.\n"
        "Earlier in the day, the governor said at a briefing that the state would rebuild "
        "the bridge.\n"
    )
    found = detect(text, dt.date(2024, 3, 26))
    said = [m for m in found if m.action == "statement"]
    assert said and said[0].date.iso == "2024-03-26"


def test_a_prosecutions_steps_are_classes_of_their_own():
    ref = dt.date(2024, 3, 15)
    assert one("Ann Lee was arrested in Nassau on Monday.", ref).action == "arrest"
    assert one("Prosecutors unsealed the indictment on Tuesday.", ref).action == "charge"
    assert one("Ann Lee pleaded not guilty on Wednesday.", ref).action == "plea"
    assert one("A jury found Ann Lee guilty on all counts on Thursday.", ref).action == "verdict"
    assert one("Ann Lee was sentenced to 25 years in prison on Friday.", ref).action == "sentence"


def test_walking_away_from_a_deal_is_a_cancellation():
    assert one("Vexo walked away from the deal on Wednesday.").action == "cancellation"


def test_a_kind_of_people_described_by_what_they_did_is_comment():
    assert detect("Investors who poured money into Quillo helped build the trust.") == []
    m = one("The Singapore companies that own the ship have agreed to pay $102 million.")
    assert m.action == "deal"


def test_a_past_happening_never_takes_a_date_after_its_article():
    found = detect(
        "The contract runs until May 1, 2026. Writers went back to work as soon as their "
        "strike was lifted, and talk shows returned to the air at the start of the month."
    )
    back = [m for m in found if "went back" in m.quote]
    assert back and back[0].date is None


def test_a_strike_and_a_ratification_are_classes_of_their_own():
    assert one("Thousands of writers went on strike on Tuesday.").action == "strike"
    assert one("The actors walked off the job on July 14, 2023.").action == "strike"
    assert one("Members ratified the new contract on Monday.").action == "ratification"


def test_an_open_question_is_not_an_event():
    assert not detect(
        "The real question for Quillo is not who replaces Ann Lee on Monday but whether "
        "anyone can restore its name."
    )


def test_a_year_inside_a_name_dates_nothing():
    m = one("Ann Lee resigned after a meeting with the chairman of the 1922 Committee.")
    assert m.date is None


def test_a_clause_after_a_semicolon_with_its_own_date_is_its_own_happening():
    found = detect("The board appointed Ann Lee on March 6; two days later Bo Chan resigned.")
    assert [(m.action, m.date.iso) for m in found] == [
        ("hire", "2024-03-06"),
        ("departure", "2024-03-08"),
    ]


def test_a_second_clause_shares_the_name_its_sentence_opens_with():
    found = detect(
        "Ann Lee was chief executive. Ms Lee was removed on March 6 and replaced by Bo "
        "Chan, who two days later cut 300 jobs."
    )
    assert found[-1].quote.startswith("replaced by") and found[-1].subject == "Ann Lee"


def test_the_end_of_a_year_range_dates_nothing():
    found = detect("Ann Lee set out tax rises worth about $55 billion a year by 2027-28.", None)
    assert not [m for m in found if m.date is not None]


def test_abandoning_ones_own_plan_is_a_cancellation():
    assert one("Ann Lee abandoned his plan to cut the top rate on Monday.").action == "cancellation"


def test_joining_a_walkout_is_no_hire_and_a_conference_named_as_a_when_no_event():
    assert one("The actors joined the walkout on July 14, 2023.").action != "hire"
    assert not detect("Members expect a new leader in place before the party's autumn conference.")


def test_a_judgement_and_a_framing_sentence_are_not_events():
    assert not detect("It is hard to apologise convincingly on Monday for a kiss you defended.")
    assert not detect(
        "His resignation comes after a fortnight in which every pillar of his support gave way."
    )


def test_a_scrubbed_launch_is_a_cancellation_and_perfect_verbs_keep_their_dates():
    assert one("The launch was scrubbed on Monday night.").action == "cancellation"
    found = detect(
        "Quillo undocked its capsule from the station without the crew it had carried "
        "there in June."
    )
    assert all(m.date is None for m in found)


def test_a_date_inside_a_comparison_dates_nothing():
    found = detect("The walkout lasted 148 days, longer than the strike of 2007 and 2008.", None)
    assert all(m.date is None for m in found)


def test_a_happening_named_after_since_takes_no_date_from_the_focus():
    found = detect(
        "Quillo cut its forecast on Wednesday morning. The actors have not met Quillo at all "
        "since their union, Vexo Guild, went on strike."
    )
    assert all(m.date is None for m in found if m.action == "strike")


def test_how_things_look_now_is_a_judgement_not_an_event():
    assert not detect(
        "Mr Lee's warnings in the summer now look prescient, and the members who rejected "
        "him on Monday have a leader imposed on them."
    )


def test_declaring_martial_law_or_an_emergency_is_a_declaration():
    assert one("Ann Lee declared martial law on Tuesday night.").action == "declaration"
    assert one("The governor declared a state of emergency on Tuesday.").action == "declaration"


def test_a_necessity_and_an_appositive_participle_are_not_happenings():
    for text in (
        "Ann Lee said on Monday that Bo Chan needed to be suspended quickly.",
        "The weeks in which a president, suspended from his duties, was able to defy the "
        "court ended on Monday.",
    ):
        assert all(m.action != "disruption" for m in detect(text)), text


def test_then_came_a_day_is_a_turn_of_the_story_not_an_event():
    assert not detect("Ann Lee resigned on Monday. Then came Wednesday.")[1:]
