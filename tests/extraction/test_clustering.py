"""Unit tests of clustering mentions into events and choosing their dates."""

from __future__ import annotations

import datetime as dt

from timeline.extraction.clustering import best_date, cluster_mentions, date_simultaneous
from timeline.extraction.events import EventMention, find_numbers, leaver
from timeline.extraction.records import DateSpan

D = dt.date
MONTH = {
    "2025-04": DateSpan(D(2025, 4, 1), D(2025, 4, 30), "month"),
    "2025-06": DateSpan(D(2025, 6, 1), D(2025, 6, 30), "month"),
    "2025-07": DateSpan(D(2025, 7, 1), D(2025, 7, 31), "month"),
    "2025": DateSpan(D(2025, 1, 1), D(2025, 12, 31), "year"),
}


def mention(
    article, quote, action, entities=(), date=None, dated_by="sentence", position=0, trigger=""
):
    return EventMention(
        article=article,
        start=0,
        end=len(quote),
        quote=quote,
        position=position,
        action=action,
        actions=(action,),
        trigger=trigger,
        trigger_start=quote.index(trigger) if trigger else 0,
        entities=tuple(entities),
        numbers=find_numbers(quote),
        date=MONTH.get(date) if date else None,
        dated_by=dated_by if date else "",
    )


def background(n: int) -> list[EventMention]:
    """Unrelated mentions that all name the protagonist, as a real story does."""
    return [
        mention(f"bg{i}", f"Quillo did thing number {i} for clients.", "launch", ["Quillo"])
        for i in range(n)
    ]


def groups(clusters) -> list[set[str]]:
    return [{m.article for m in c.members} for c in clusters]


def test_same_deal_told_with_rounded_numbers_merges():
    a = mention(
        "a", "Quillo invested $14.3 billion in Vexo AI.", "investment", ["Quillo", "Vexo AI"]
    )
    b = mention("b", "Quillo's $14 billion bet on Vexo AI.", "investment", ["Quillo", "Vexo AI"])
    clusters = cluster_mentions([a, b, *background(8)])
    assert {"a", "b"} in groups(clusters)


def test_shared_protagonist_alone_does_not_merge():
    a = mention("a", "Quillo hired a new chief scientist.", "hire", ["Quillo"])
    b = mention("b", "Quillo hired more sales staff in Ohio.", "hire", ["Quillo"])
    clusters = cluster_mentions([a, b, *background(8)])
    assert {"a"} in groups(clusters) and {"b"} in groups(clusters)


def test_repeated_paragraph_merges():
    text = "Quillo cut its forecast sharply."
    a = mention("a", text, "market", ["Quillo"], position=1)
    b = mention("a", text, "market", ["Quillo"], position=9)
    assert len(cluster_mentions([a, b])) == 1


def test_contradicting_stated_dates_never_merge():
    a = mention("a", "Quillo acquired Vexo in April.", "acquisition", ["Quillo", "Vexo"], "2025-04")
    b = mention("b", "Quillo acquired Vexo in June.", "acquisition", ["Quillo", "Vexo"], "2025-06")
    assert len(cluster_mentions([a, b])) == 2


def test_different_actions_do_not_merge():
    a = mention("a", "Vexo was founded in 2016.", "founding", ["Vexo"])
    b = mention("b", "Quillo invested in Vexo.", "investment", ["Quillo", "Vexo"])
    assert len(cluster_mentions([a, b, *background(6)])) == 8


def test_best_date_is_the_most_precise_that_most_sources_support():
    members = [
        mention("a", "x", "launch", date="2025"),
        mention("b", "y", "launch", date="2025-04"),
        mention("c", "z", "launch", date="2025-04", dated_by="focus"),
        mention("d", "w", "launch", date="2025-06", dated_by="focus"),
    ]
    cluster = cluster_mentions(members[:1])[0]
    cluster.members = members
    date, alternatives, source = best_date(cluster)
    assert date.iso == "2025-04"
    assert [a.iso for a in alternatives] == ["2025-06"]
    assert source.article == "b"


def test_undated_cluster_has_no_date():
    cluster = cluster_mentions([mention("a", "x", "launch")])[0]
    assert best_date(cluster) == (None, [], None)


def test_clustering_is_deterministic():
    ms = background(12) + [mention("z", "Quillo invested $2 billion in Vexo.", "investment")]
    first = [[(m.article, m.position) for m in c.members] for c in cluster_mentions(ms)]
    again = [[(m.article, m.position) for m in c.members] for c in cluster_mentions(ms[::-1])]
    assert sorted(first) == sorted(again)


def test_statements_by_different_speakers_do_not_merge():
    a = mention(
        "a", "Vexo estimated that 8.5 million Zeta devices failed.", "statement", ["Vexo", "Zeta"]
    )
    b = mention(
        "b", "Vexo has estimated that 8.5m Zeta devices failed.", "statement", ["Vexo", "Zeta"]
    )
    a.agent, b.agent = "Vexo", "Vexo"
    assert {"a", "b"} in groups(cluster_mentions([a, b, *background(8)]))
    b.agent = "Parix"  # "the insurer Parix estimated ...": another statement
    assert {"a"} in groups(cluster_mentions([a, b, *background(8)]))


def test_a_recall_and_a_halt_of_sales_may_be_one_happening():
    a = mention(
        "a",
        "Quillo halted sales of the Zeta 7 phone.",
        "disruption",
        ["Quillo", "Zeta 7"],
        "2025-06",
    )
    b = mention("b", "Quillo recalled the Zeta 7 phone.", "recall", ["Quillo", "Zeta 7"], "2025-06")
    assert {"a", "b"} in groups(cluster_mentions([a, b, *background(8)]))


def test_a_name_and_its_longer_form_are_no_conflict():
    a = mention(
        "a", "Updates sent Vexo Windows computers into a crash loop.", "disruption",
        ["Quillo", "Vexo Windows"], "2025-06", position=0,
    )  # fmt: skip
    b = mention(
        "a", "Machines crashed to the Windows blue screen.", "disruption", ["Windows"],
        "2025-06", "focus", position=2,
    )  # fmt: skip
    assert {"a"} in groups(cluster_mentions([a, b, *background(8)]))
    assert len([g for g in groups(cluster_mentions([a, b, *background(8)])) if g == {"a"}]) == 1


def test_the_sentence_after_an_anonymous_lede_names_its_actor():
    lede = mention(
        "a", "A senior Vexo executive apologised to the Zeta Windows panel.", "statement",
        ["Zeta Windows"], "2025-06", position=1,
    )  # fmt: skip
    named = mention(
        "a", "Ann Lee appeared before the Omega Committee.", "statement",
        ["Ann Lee", "Omega Committee"], "2025-06", "focus", position=2,
    )  # fmt: skip
    assert {"a"} in groups(cluster_mentions([lede, named, *background(8)]))
    named.position = 5  # deep in the story, other names tell another happening
    assert (
        len([g for g in groups(cluster_mentions([lede, named, *background(8)])) if g == {"a"}]) == 2
    )


def test_one_article_may_name_its_speaker_twice():
    a = mention(
        "a", "The head of Vexo apologised on Friday.", "statement", ["Vexo"], "2025-06", position=1
    )
    b = mention(
        "a", "Ann Lee told reporters Vexo was deeply sorry.", "statement", ["Ann Lee", "Vexo"],
        "2025-06", "focus", position=2,
    )  # fmt: skip
    a.agent, b.agent = "Vexo", "Ann Lee"
    assert {"a"} in groups(cluster_mentions([a, b, *background(8)]))


def test_people_who_left_for_a_company_are_its_hires():
    hires = mention(
        "a", "Recruiters courted 45 researchers from Vexo Labs.", "hire",
        ["Vexo Labs"], "2025-06", position=3,
    )  # fmt: skip
    left = mention(
        "a", "Four scientists have jumped ship, underscoring Quillo's spending.", "departure",
        ["Quillo"], position=4,
    )  # fmt: skip
    assert {"a"} in groups(cluster_mentions([hires, left, *background(8)]))


def test_a_persons_hiring_and_departure_are_two_happenings():
    hired = mention("a", "Ann Lee was appointed head of research.", "hire", ["Ann Lee"], position=1)
    left = mention("a", "Ann Lee left the company.", "departure", ["Ann Lee"], position=2)
    clusters = cluster_mentions([hired, left, *background(8)])
    assert len([g for g in groups(clusters) if g == {"a"}]) == 2


def test_a_named_hire_dated_apart_from_a_hiring_spree_stays_apart():
    spree = mention(
        "a", "This month recruiters courted 45 researchers from Vexo Labs.", "hire",
        ["Quillo", "Vexo Labs"], "2025-06", dated_by="focus", position=3,
    )  # fmt: skip
    named = mention(
        "b", "Quillo hired Ann Lee, the head of Vexo Labs models, in July.", "hire",
        ["Quillo", "Ann Lee", "Vexo Labs"], "2025-07",
    )  # fmt: skip
    clusters = cluster_mentions([spree, named, *background(8)])
    assert {"a"} in groups(clusters) and {"b"} in groups(clusters)


def test_incompatible_dates_from_other_articles_are_alternatives():
    members = [
        mention("a", "x", "hire", date="2025-06"),
        mention("b", "y", "hire", date="2025-06", dated_by="focus"),
        mention("c", "z", "hire", date="2025-07", dated_by="reference"),
    ]
    cluster = cluster_mentions(members[:1])[0]
    cluster.members = members
    date, alternatives, _ = best_date(cluster)
    assert date.iso == "2025-06"
    assert [a.iso for a in alternatives] == ["2025-07"]


def _story_with_a_simultaneous_sentence(opening: str, gap: int = 1) -> list:
    """A deal dated by another article, then an undated sentence in the undated one."""
    return cluster_mentions(
        [
            mention(
                "dated",
                "Quillo bought Brightwave for $2 billion in June.",
                "acquisition",
                ["Quillo", "Brightwave"],
                date="2025-06",
            ),
            mention(
                "undated",
                "Quillo bought Brightwave for $2 billion.",
                "acquisition",
                ["Quillo", "Brightwave"],
                position=4,
            ),
            mention(
                "undated",
                f"{opening} Quillo opened talks with Corvid.",
                "talks",
                ["Quillo", "Corvid"],
                position=4 + gap,
            ),
            *background(6),
        ]
    )


def _talks_date(clusters):
    (talks,) = [c for c in clusters if "Corvid" in c.entities]
    return best_date(talks)[0]


def test_a_simultaneous_happening_takes_the_date_of_the_one_before():
    clusters = _story_with_a_simultaneous_sentence("Simultaneously,")
    assert _talks_date(clusters) is None
    date_simultaneous(clusters)
    assert _talks_date(clusters) == MONTH["2025-06"]
    (talks,) = [c for c in clusters if "Corvid" in c.entities]
    assert talks.members[0].dated_by == "simultaneous"


def test_at_the_same_time_is_a_cue_and_also_is_not():
    clusters = _story_with_a_simultaneous_sentence("At the same time,")
    date_simultaneous(clusters)
    assert _talks_date(clusters) == MONTH["2025-06"]
    clusters = _story_with_a_simultaneous_sentence("Quillo also said that")
    date_simultaneous(clusters)
    assert _talks_date(clusters) is None


def test_a_cue_far_from_any_happening_dates_nothing():
    clusters = _story_with_a_simultaneous_sentence("Simultaneously,", gap=4)
    date_simultaneous(clusters)
    assert _talks_date(clusters) is None


def test_two_people_leaving_on_one_day_are_two_departures():
    removed = mention(
        "a",
        "Quillo's board removed Ann Lee as chief.",
        "departure",
        ["Quillo", "Ann Lee"],
        date="2025-06",
        trigger="removed",
    )
    quit_ = mention(
        "b",
        "Bo Chan quit in protest at Ann Lee's treatment.",
        "departure",
        ["Bo Chan", "Ann Lee"],
        date="2025-06",
        trigger="quit",
    )
    again = mention(
        "c",
        "The board of Quillo removed Ms Lee after a review.",
        "departure",
        ["Quillo", "Ann Lee"],
        date="2025-06",
        trigger="removed",
    )
    assert (leaver(removed), leaver(quit_), leaver(again)) == ("Ann Lee", "Bo Chan", "Ann Lee")
    clusters = cluster_mentions([removed, quit_, again, *background(6)])
    assert {"a", "c"} in groups(clusters) and {"b"} in groups(clusters)


def test_a_persons_removal_and_reinstatement_are_two_happenings_even_for_the_protagonist():
    removed = mention(
        "a",
        "Quillo's board removed Ann Lee as chief executive of Quillo.",
        "departure",
        ["Quillo", "Ann Lee"],
        date="2025-06",
        dated_by="focus",
        trigger="removed",
    )
    back = mention(
        "b",
        "Ann Lee was reinstated as chief executive of Quillo by the board.",
        "hire",
        ["Ann Lee", "Quillo"],
        date="2025-06",
        dated_by="focus",
    )
    crowd = [
        mention(f"bg{i}", f"Ann Lee did thing {i}.", "launch", ["Ann Lee", "Quillo"])
        for i in range(6)
    ]
    clusters = cluster_mentions([removed, back, *crowd])
    assert {"a"} in groups(clusters) and {"b"} in groups(clusters)


def test_one_company_founded_told_twice_without_shared_names_is_one_event():
    year = DateSpan(D(2015, 1, 1), D(2015, 12, 31), "year")
    a = mention(
        "a",
        "Quillo was set up in 2015 by a group of engineers and investors.",
        "founding",
        ["Quillo", "Ann Lee", "Bo Chan"],
    )
    b = mention("b", "It began life in 2015 as a nonprofit laboratory.", "founding")
    for m in (a, b):
        m.date, m.dated_by, m.agent = year, "sentence", "Quillo"
    clusters = cluster_mentions([a, b, *background(8)])
    assert {"a", "b"} in groups(clusters)


def test_two_banks_closed_are_two_closures():
    first = mention(
        "a",
        "Regulators seized Quillo Bank early on Monday.",
        "closure",
        ["Quillo Bank"],
        date="2025-06",
        trigger="seized",
    )
    second = mention(
        "b",
        "Vexo Bank was closed by the state regulator.",
        "closure",
        ["Vexo Bank"],
        trigger="was closed by",
    )
    second.agent = "Vexo Bank"
    clusters = cluster_mentions([first, second, *background(6)])
    assert {"a"} in groups(clusters) and {"b"} in groups(clusters)


def test_an_undated_mention_never_joins_a_happening_after_its_article_was_written():
    lifted = mention(
        "sep",
        "Vexo Guild leaders voted to lift the strike of 97.85 percent.",
        "civic",
        ["Vexo Guild"],
        "2025-07",
    )
    authorised = mention(
        "apr",
        "Vexo Guild members voted by 97.85 percent to authorise a strike.",
        "civic",
        ["Vexo Guild"],
    )
    together = cluster_mentions([lifted, authorised, *background(6)])
    assert any(set(m.article for m in c.members) == {"sep", "apr"} for c in together)
    authorised.written = D(2025, 4, 18)
    apart = cluster_mentions([lifted, authorised, *background(6)])
    assert not any({"sep", "apr"} <= {m.article for m in c.members} for c in apart)


def test_the_person_removed_in_a_passive_is_the_one_named_before_the_verb():
    passive = mention(
        "a",
        "Jorge Vilda, the coach, was dismissed on Sept. 5, and Ann Lee has taken his place.",
        "departure",
        ["Jorge Vilda", "Ann Lee"],
        date="2025-06",
        trigger="dismissed",
    )
    assert leaver(passive) == "Jorge Vilda"


def test_a_headline_in_the_present_and_the_lede_of_the_day_before_are_one_exit():
    headline = mention(
        "a",
        "Ann Lee quits as head of the Quillo Guild",
        "departure",
        ["Ann Lee"],
        date="2025-06",
        trigger="quits",
    )
    headline.date = DateSpan(D(2025, 6, 11), D(2025, 6, 11), "day")
    headline.dated_by = "reference"
    lede = mention(
        "a",
        "Ann Lee stepped down as head of the guild late on Sunday, after Vexo Ltd asked.",
        "departure",
        ["Ann Lee", "Vexo Ltd"],
        date="2025-06",
        position=1,
        trigger="stepped down",
    )
    lede.date = DateSpan(D(2025, 6, 10), D(2025, 6, 10), "day")
    clusters = cluster_mentions([headline, lede, *background(6)])
    assert any({m.position for m in c.members} == {0, 1} and len(c.members) == 2 for c in clusters)


def test_whose_resignation_it_is_names_who_leaves():
    recap = mention(
        "a",
        "Ann Lee won the leadership after a contest triggered by Bo Chan's resignation in July.",
        "departure",
        ["Ann Lee", "Bo Chan"],
        date="2025-07",
        trigger="resignation",
    )
    recap.agent = "Ann Lee"  # the sentence's actor is not the one leaving
    assert leaver(recap) == "Bo Chan"
