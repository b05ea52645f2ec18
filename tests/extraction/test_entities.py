"""Unit tests of entity finding and story-wide alias merging."""

from __future__ import annotations

from timeline.extraction.entities import EntityIndex, find_entities, is_heading


def names(text: str) -> dict[str, str]:
    return {m.text: m.kind for m in find_entities(text)}


def index_of(*sentences: str) -> EntityIndex:
    found = []
    offset = 0
    for s in sentences:
        found.extend(find_entities(s, offset))
        offset += len(s) + 1
    return EntityIndex(found)


def test_person_from_role_cue():
    assert names("The deal was signed by chief executive Jane Doakes on Monday.")[
        "Jane Doakes"
    ] == ("person")


def test_organisation_from_suffix_and_context():
    found = names("Investors backed Northwind Labs and the startup Quillo this year.")
    assert found["Northwind Labs"] == "organisation"
    assert found["Quillo"] == "organisation"


def test_versioned_names_are_products():
    found = names("The team shipped Falcon 4 and later Zeta-X 2 to customers.")
    assert found["Falcon 4"] == "product"
    assert found["Zeta-X 2"] == "product"


def test_sentence_initial_common_word_is_dropped():
    found = names("Despite the delay, Quillo kept hiring.")
    assert "Despite" not in found
    assert "Quillo" in found


def test_offsets_are_absolute():
    text = "Shares of Quillo fell."
    (m,) = [m for m in find_entities(text, offset=100) if m.text == "Quillo"]
    assert (m.start, m.end) == (110, 116)


def test_surname_and_spelling_variants_merge_into_the_full_name():
    index = index_of(
        "Quillo hired founder Aleksandr Brandt on Monday.",
        "Aleksandr Brandt, who founded Vexo, will lead the lab.",
        "Critics said Aleksander Brandt was expensive.",
        "People close to Brandt said he agreed.",
    )
    assert index.canonical("Brandt") == "Aleksandr Brandt"
    assert index.canonical("Aleksander Brandt") == "Aleksandr Brandt"
    assert index.kind("Aleksandr Brandt") == "person"


def test_organisation_short_form_merges_with_suffixed_name():
    index = index_of(
        "Quillo invested in Vexo AI on Monday.",
        "Vexo AI was founded in 2016.",
        "The deal values Vexo at billions, said the firm.",
    )
    assert index.canonical("Vexo") == "Vexo AI"


def test_short_form_that_is_more_common_stays_separate():
    index = index_of(
        "Quillo said Quillo would grow.",
        "Quillo shares rose.",
        "Quillo AI is its assistant.",
    )
    assert index.canonical("Quillo") == "Quillo"


def test_only_sentence_initial_capitalised_word_is_not_an_entity():
    index = index_of("Benchmarks looked good.", "Benchmarks were false.")
    assert index.canonical("Benchmarks") is None


def test_heading_lines_are_recognised():
    assert is_heading("Internal Turmoil and Strategic Shifts")
    assert not is_heading("Quillo hired a new chief executive.")


def test_new_inside_a_sentence_starts_a_place_name():
    assert "New York" in names("The phone was unveiled at an event in New York on Tuesday.")
    assert "New" not in " ".join(names("New Quillo phones went on sale."))


def test_an_organisation_glued_to_a_person_in_run_on_text_is_split():
    found = names(
        "They hired Ann Lee, the former CEO of GitHub Daniel Gross, a former Acme employee."
    )
    assert found.get("GitHub") == "organisation"
    assert found.get("Daniel Gross") == "person"
    assert "GitHub Daniel Gross" not in found
    # Without a person cue after it, a longer organisation name stays whole.
    assert "IBM Watson Health" in names("He joined the IBM Watson Health unit.")


def test_acronyms_and_blends_learn_their_spelled_out_forms():
    index = index_of(
        "Quillo Inc. reorganised its GenAI unit and its FAIR lab.",
        "The GenAI team and the FAIR lab moved.",
    )
    index.learn_expansions(
        [
            "The vice president leading generative AI efforts left.",
            "The Fundamental AI Research group grew, funding after its rounds.",
        ]
    )
    text = "Its generative AI chief and the Fundamental AI Research lab."
    assert [name for _, name in index.expansions_in(text)] == ["GenAI", "FAIR"]
    assert index.expansions_in("an open AI model funding after its rounds") == []


def test_an_acronym_and_the_name_it_abbreviates_are_one_entity():
    text = (
        "Silicon Valley Bank failed on Friday. SVB had grown fast. "
        "The Federal Deposit Insurance Corporation took over, and the FDIC sold it."
    )
    index = index_of(text)
    assert index.canonical("SVB") == index.canonical("Silicon Valley Bank")
    assert index.canonical("FDIC") == index.canonical("Federal Deposit Insurance Corporation")


def test_an_institution_named_with_of_is_one_name():
    assert names("The Bank of England said on Wednesday it would buy bonds.") == {
        "Bank of England": "organisation"
    }
    assert "Directors Guild of America" in names(
        "The Directors Guild of America reached a tentative agreement with the studios."
    )
    assert "Alliance of Motion Picture and Television Producers" in names(
        "The Alliance of Motion Picture and Television Producers published its offer."
    )


def test_of_after_a_person_and_and_between_names_keep_two_names():
    found = names("Greg Becker of Quillo Bank met the University of Leeds and Vexo on Monday.")
    assert {"Greg Becker", "Quillo Bank", "University of Leeds", "Vexo"} <= set(found)


def test_a_nationality_before_a_noun_is_no_name():
    assert "British" not in names("She had the shortest tenure of any British prime minister.")
    assert "Chinese" not in names("Quillo sold Chinese phones in March.")


def test_a_long_institution_name_with_and_is_one_name():
    found = names("The U.S. Cybersecurity and Infrastructure Security Agency issued an alert.")
    assert "Cybersecurity and Infrastructure Security Agency" in found
    assert {"Fed", "Treasury Department"} <= set(names("The Fed and Treasury Department said."))
