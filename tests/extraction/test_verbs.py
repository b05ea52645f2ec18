"""Unit tests of the verb vocabulary the extraction stages share."""

from __future__ import annotations

from timeline.extraction.verbs import AUXILIARY_PAST, NEWS_PAST, OTHER_PAST, REPORTING


def test_each_irregular_past_is_listed_once():
    # A past form in both groups would get whichever present the merge saw last.
    assert not NEWS_PAST.keys() & OTHER_PAST.keys()
    assert not (NEWS_PAST.keys() | OTHER_PAST.keys()) & AUXILIARY_PAST.keys()


def test_presents_are_third_person_singular():
    lexical = NEWS_PAST | OTHER_PAST | REPORTING
    assert all(present.endswith("s") for present in lexical.values())
    assert all(not past.endswith("s") for past in lexical)
