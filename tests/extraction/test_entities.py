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
