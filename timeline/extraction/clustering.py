"""Merge event mentions that report the same happening into one event.

Two mentions are the same happening when their actions are compatible (the same class,
or classes that describe one deal: an investment, a stake, an acquisition; people who
"jumped ship" to a company and its hiring spree, unless both name the same specific
participant: one person's appointment and exit are two happenings, even the
protagonist's removal and reinstatement; and unless their
dates differ and one names someone the other does not: a named hire dated apart from a
hiring spree is its own happening), their dates do not contradict each other, and they
share something specific: a key number ("$14.3 billion" / "$14 billion", "49%"), rare
entities, rare words, a month, or the very same words (pages repeat paragraphs).
Entities and words are weighted by rarity across the story's mentions, so sharing the
protagonist that appears everywhere counts for almost nothing: two different
happenings are never merged just because both involve it, and two mentions that each
name their own specific participant ("V-JEPA 2" / "Llama 4") are pushed apart (names
sharing a word, "Microsoft Windows" / "Windows", are one family, not a conflict). Two
statements by different speakers in different articles ("Microsoft estimated" /
"Parametrix estimated") are never one, and neither are two exits of different people,
two closures of different institutions or two deals with no party in common: no member
of a cluster may name another party, in either pass. Within one article, the next sentence or a
later mention of the same action that names nobody new continues the story, and so
does the sentence after an anonymous lede that names its actor ("A senior executive
apologised ..." / "Ann Lee appeared before the committee").

Clustering is greedy in a fixed order (dated, strong mentions first), so the result is
deterministic; a second pass lets a cluster with no date join the cluster it matches
best, under a stricter bar, because the greedy order may have met its link too late.
Candidates come from a blocking index (entity, number, month, rare word, exact text,
neighbouring sentence), each key keeping only its latest clusters, which keeps the
work near-linear on large corpora.

A cluster's date is the best-supported one: a candidate date is supported by the
evidence that states it or a coarser date containing it, sentence-dated evidence
weighing more than focus-dated, and that more than reference-dated; the most
supported, then most precise, wins and the dates that contradict it are kept as
alternatives. Dates are never averaged.

A happening told as simultaneous with the one before it ("Simultaneously, Meta opened
talks ...", "At the same time, ...") and dated by nothing else takes the date of that
preceding happening's event once the clusters are made (`date_simultaneous`): the
cue is the text's own claim, and the date it points to may come from other articles.

What it deliberately does not do: no title or summary (`titles`), no filtering of
weak events (`pipeline` decides what to publish).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.extraction.events import (
    EventMention,
    agreement_parties,
    closed_party,
    dates_agree,
    deal_parties,
    leaver,
)
from timeline.extraction.records import PRECISIONS, DateSpan

# Action classes that may describe the same happening from different angles.
_RELATED = [
    {"investment", "acquisition", "deal"},
    {"demotion", "reorganisation"},
    {"launch", "setback", "conference"},
    {"talks", "deal"},
    {"disruption", "setback", "recall"},
    {"legal", "talks"},
    # People who "jumped ship" to a company are the ones it hired.
    {"hire", "departure"},
]
_MAX_CANDIDATES = 30
# Actions moving people, whose named participants tell one hire from another.
_PEOPLE_MOVES = {"hire", "departure"}
# Actions that happen to a participant only once.
_ONCE = {"founding"}
# An entity named in at most a fifth of the mentions (log(5) = 1.6) identifies a
# happening; the story's protagonist, named everywhere, does not.
_SPECIFIC = 1.6
_MAX_COMPARED = 6
# How much a piece of evidence's date counts, by how it was dated (see `events`).
_DATING_WEIGHT = {"sentence": 1.0, "focus": 0.5, "simultaneous": 0.5, "reference": 0.3}
# Openings that put a sentence's happening at the time of the one told just before.
_SIMULTANEOUS = re.compile(
    r"^(?:simultaneously|concurrently|in parallel|(?:at |around |at around )the same time)\b",
    re.IGNORECASE,
)
# How many sentences back the preceding happening may be (one sentence of detail between).
_SIMULTANEOUS_REACH = 2
MERGE_THRESHOLD = 1.6
_WORD = re.compile(r"\w+")
_GENERIC_NAME_WORDS = {
    "inc", "corp", "ltd", "llc", "plc", "group", "labs", "lab", "the", "and", "of", "new",
    "company", "holdings", "technologies", "systems", "international", "global", "air",
    "lines", "airlines", "bank", "research", "university", "department", "committee",
    "house", "national", "united", "states", "north", "south", "east", "west", "city",
    "guild", "alliance", "union", "association", "federation", "society", "council",
    "america", "american", "britain", "british",
}  # fmt: skip


@dataclass(slots=True)
class Cluster:
    """Mentions believed to report one happening, with their pooled features."""

    members: list[EventMention] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    by_article: dict[str, list[EventMention]] = field(default_factory=dict)

    def add(self, mention: EventMention) -> None:
        self.members.append(mention)
        self.entities.update(mention.entities)
        self.actions.update(mention.actions)
        self.by_article.setdefault(mention.article, []).append(mention)

    @property
    def action(self) -> str:
        """The action class most members report, ties broken by the first member."""
        first = self.members[0].action
        return max(self.actions, key=lambda a: (self.actions[a], a == first, a))

    def dated(self) -> list[EventMention]:
        return [m for m in self.members if m.date is not None]


def compatible_actions(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions' main actions can describe one happening: the same class, or
    related classes ("investment" / "acquisition")."""
    if a.action == b.action:
        return True
    for generic, other in ((a, b), (b, a)):
        # A dated sentence with no known class ("v:clos", "Silicon Valley Bank, closed on
        # March 10") tells the same action as a class whose trigger is that verb.
        if generic.action.startswith("v:") and other.trigger.lower().startswith(generic.action[2:]):
            return True
    return any(a.action in group and b.action in group for group in _RELATED)


def _side_action(a: EventMention, b: EventMention) -> bool:
    """One's main action told in passing by the other ("approved an investment ... and
    brought on board its founder" / "hired its founder")."""
    return a.action in b.actions or b.action in a.actions


def _normal_text(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class MentionWeights:
    """Rarity of entities and content words among the mentions: log(N / document freq)."""

    def __init__(self, mentions: list[EventMention]):
        df: Counter[str] = Counter()
        wf: Counter[str] = Counter()
        # Per-mention features, computed once: similarity is called many times per mention.
        self._features: dict[int, tuple[str, frozenset[str]]] = {}
        for m in mentions:
            words = content_words(m.quote)
            self._features[id(m)] = (_normal_text(m.quote), frozenset(words))
            df.update(set(m.entities))
            wf.update(words)
        n = max(len(mentions), 1)
        self.weight = {e: max(0.0, math.log(n / c)) for e, c in df.items()}
        self._specific: dict[int, frozenset[str]] = {
            id(m): frozenset(e for e in m.entities if self.weight[e] >= _SPECIFIC) for m in mentions
        }
        self.word_weight = {w: max(0.0, math.log(n / c)) for w, c in wf.items()}
        # Words seen in a single mention cannot bring two mentions together.
        self.rare = math.log(n) - 1e-9

    def __call__(self, entity: str) -> float:
        return self.weight.get(entity, 0.0)

    def specific(self, m: EventMention) -> frozenset[str]:
        """The mention's entities rare enough to identify a happening."""
        found = self._specific.get(id(m))
        if found is None:
            found = frozenset(e for e in m.entities if self.weight.get(e, 0.0) >= _SPECIFIC)
        return found

    def features(self, m: EventMention) -> tuple[str, frozenset[str]]:
        """The normalised text and content words of a mention (cached when known)."""
        found = self._features.get(id(m))
        if found is None:
            found = (_normal_text(m.quote), frozenset(content_words(m.quote)))
        return found


_STOP = {
    "about", "after", "again", "against", "also", "among", "another", "around", "because",
    "been", "before", "being", "between", "both", "could", "does", "during", "each",
    "even", "every", "from", "further", "have", "having", "here", "into", "itself", "just",
    "last", "later", "like", "made", "make", "many", "more", "most", "much", "must",
    "never", "only", "other", "over", "said", "same", "says", "should", "since", "some",
    "still", "such", "than", "that", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "under", "until", "very", "were", "what", "when", "where",
    "which", "while", "will", "with", "would", "year", "years", "company", "month",
    "week", "time", "first", "according", "people", "told",
}  # fmt: skip


def content_words(text: str) -> set[str]:
    """Lower-cased content-word stems (first six letters) of a passage, for overlap."""
    return {w[:6] for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in _STOP}


def similarity(m: EventMention, other: EventMention, weights: MentionWeights) -> float:
    """How strongly two mentions look like one happening; 0 when they cannot be."""
    if m.date is not None and other.date is not None and not _told_as_news(m, other):
        # Sentence-stated dates that contradict each other: different happenings.
        if m.dated_by == "sentence" and other.dated_by == "sentence":
            return 0.0
        if (
            m.action in _PEOPLE_MOVES
            and other.action in _PEOPLE_MOVES
            and weights.specific(m) ^ weights.specific(other)
        ):
            # A named individual hire dated apart from a hiring spree (or from another
            # hire) is its own happening: one of them names someone the other does not.
            return 0.0
    if (
        m.action == other.action == "statement"
        and m.article != other.article
        and m.agent
        and other.agent not in ("", m.agent)
    ):
        # "Microsoft estimated" and "Parametrix estimated": two statements. Within one
        # article the speaker may be named twice ("the head of Acme" / "Ann Lee").
        return 0.0
    text, words = weights.features(m)
    other_text, other_words = weights.features(other)
    if text == other_text:
        return 10.0
    compatible = compatible_actions(m, other)
    if not compatible and not _side_action(m, other):
        return 0.0  # checked first: it is cheap and rules most pairs out
    own, theirs = weights.specific(m), weights.specific(other)
    if not compatible and not (own & theirs or _shares_number(m, other)):
        return 0.0
    if _different_parties(m, other):
        return 0.0
    if {m.action, other.action} == {"hire", "departure"}:
        exit_, arrival = (m, other) if m.action == "departure" else (other, m)
        leaving = leaver(exit_)
        if own & theirs or (leaving and leaving in arrival.entities):
            # One participant hired and leaving (even the story's protagonist: "the board
            # removed Ann Lee" / "Ann Lee was reinstated"): two happenings.
            return 0.0
    shared = set(m.entities) & set(other.entities)
    score = sum(min(weights(e), 2.5) for e in shared)
    families = _families(own) & _families(theirs)
    # A news lede keeps its actor anonymous and the next sentence names them ("A senior
    # Acme executive apologised ..." / "Ann Lee, its vice president, appeared ..."): the
    # next sentence telling the same action is no conflict of participants.
    lede = (
        m.article == other.article
        and abs(m.position - other.position) == 1
        and m.action == other.action
        and min(m.position, other.position) <= 2
    )
    conflict = bool(own and theirs and not families) and not lede
    if families - _families(own & theirs):
        score += 1.0  # "Llama 4" and "Llama AI models": the same product line
    if conflict:
        score -= 2.0  # each names its own specific participants: two happenings
    shared_words = words & other_words
    score += min(1.0, 0.2 * sum(weights.word_weight.get(w, 0.0) for w in shared_words))
    if _shares_number(m, other):
        score += 2.0
    elif m.numbers and other.numbers and score < 2.0:
        # Both cite amounts and none agrees: likely two different deals.
        score -= 1.0
    if m.action == other.action == "departure" and _leaver(m) & _leaver(other):
        # The same person leaving, told twice ("Rubiales quits" in the headline, "stepped
        # down late on Sunday" in the lede): one exit, whoever else the sentences name.
        score += 1.5
    if m.action == other.action:
        score += 0.5
        same_actor = bool(m.agent) and m.agent == other.agent  # "It began life" / "OpenAI was"
        if (
            m.action in _ONCE
            and (shared or same_actor)
            and m.date
            and other.date
            and dates_agree(m.date, other.date)
        ):
            score += 1.5  # a company is founded once: same subject, same year, same event
    if (
        m.article == other.article
        and not conflict
        and (m.date is None or other.date is None or _told_as_news(m, other))
        and (m.action == other.action or abs(m.position - other.position) <= 2)
    ):
        # Within one article, a second mention of the same action, or the next sentence,
        # that names nobody new ("Meta's investment gives it a 49% stake") continues
        # the same story.
        score += 1.2
    if m.date is not None and other.date is not None and dates_agree(m.date, other.date):
        # A shared date says more the finer it is: the same month is a real clue.
        fine = max(PRECISIONS.index(m.date.precision), PRECISIONS.index(other.date.precision))
        score += 0.8 if fine <= PRECISIONS.index("month") else 0.3
    return score


_PARTY_ACTIONS = frozenset({"departure", "closure", "acquisition", "investment"})


def _told_as_news(m: EventMention, other: EventMention) -> bool:
    """Whether two dated mentions' dates agree, a report in the present tense (dated by
    its article) counting as news of the day before too: "Rubiales quits" in a Monday
    article, "stepped down late on Sunday" in its lede."""
    if dates_agree(m.date, other.date):
        return True
    return any(
        news.dated_by == "reference"
        and told.date.precision == "day"
        and dt.timedelta(0) < news.date.start - told.date.start <= dt.timedelta(days=1)
        for news, told in ((m, other), (other, m))
    )


def _different_parties(m: EventMention, other: EventMention) -> bool:
    """Whether two mentions of a party-bound action name different parties.

    Two people leaving ("The board removed Ann Lee" / "Bo Chan quit"), two institutions
    closed ("Signature Bank was closed" / "seized First Republic Bank"), two deals with
    neither buyer nor bought in common are different happenings, whatever else they share.
    """
    if m.action == other.action == "deal":
        # The studios' deal with the directors and their deal with the writers: each
        # side names a party the other lacks. "The studios and the writers agreed" and
        # "the writers reached a deal" do not conflict (one set holds the other).
        parties, other_parties = (
            _families(agreement_parties(m)),
            _families(agreement_parties(other)),
        )
        return bool(parties and other_parties) and not (
            parties <= other_parties or other_parties <= parties
        )
    if m.action not in _PARTY_ACTIONS or other.action not in _PARTY_ACTIONS:
        return False
    if m.action == other.action == "departure":
        leaving, other_leaving = _leaver(m), _leaver(other)
        return bool(leaving and other_leaving and not leaving & other_leaving)
    closed = frozenset({closed_party(m)}) - {""}
    other_closed = frozenset({closed_party(other)}) - {""}
    return _no_name_in_common(closed, other_closed) or _no_name_in_common(
        deal_parties(m), deal_parties(other)
    )


def _no_name_in_common(names: frozenset[str], others: frozenset[str]) -> bool:
    """Both sides name someone, and no name word is shared ("Quillo Bank" / "Vexo Bank")."""
    return bool(names and others) and not _families(names) & _families(others)


def _leaver(m: EventMention) -> frozenset[str]:
    """The name words of who leaves in a departure mention, or nothing when unsure."""
    name = leaver(m)
    return _families(frozenset({name})) if name else frozenset()


def _cluster_families(cluster: Cluster, weights: MentionWeights) -> frozenset[str]:
    return frozenset().union(*(_families(weights.specific(m)) for m in cluster.members))


@lru_cache(maxsize=1 << 14)
def _families(names: frozenset[str]) -> frozenset[str]:
    """The name words of names: "Llama 4" and "Llama AI" are one family, and so are
    "Microsoft Windows" and "Windows"; not a conflict. Generic words ("AI", "Inc.") and
    numbers tie no family together."""
    return frozenset(
        w
        for n in names
        for w in (word.lower().strip(".,") for word in n.split())
        if len(w) > 2 and not w[0].isdigit() and w not in _GENERIC_NAME_WORDS
    )


def _shares_number(a: EventMention, b: EventMention) -> bool:
    return any(x.matches(y) for x in a.numbers for y in b.numbers)


def _block_keys(m: EventMention, weights: MentionWeights) -> list[tuple[str, str]]:
    """Keys under which a mention may meet its candidates: text, entities, numbers, month,
    rare words. Each key keeps only its most recent clusters, which bounds the work."""
    keys = [("text", weights.features(m)[0])]
    keys += [("entity", e) for e in m.entities]
    keys += [("number", f"{n.kind}:{round(math.log10(max(n.value, 1e-9)), 1)}") for n in m.numbers]
    if m.date is not None and PRECISIONS.index(m.date.precision) <= PRECISIONS.index("month"):
        keys.append(("month", m.date.start.isoformat()[:7]))
    if m.action in _ONCE and m.date is not None:
        # A founding in a given year is a strong key: a company is founded once.
        keys.append(("once", f"{m.action}:{m.date.start.year}"))
    words = sorted(
        (w for w in weights.features(m)[1] if weights.word_weight.get(w, 0.0) < weights.rare),
        key=lambda w: (-weights.word_weight.get(w, 0.0), w),
    )
    keys += [("word", w) for w in words[:4]]
    return keys


def cluster_mentions(mentions: list[EventMention]) -> list[Cluster]:
    """Group mentions into clusters of one happening each, deterministically."""
    weights = MentionWeights(mentions)
    order = sorted(
        mentions,
        key=lambda m: (
            m.dated_by != "sentence",
            m.date is None,
            -m.strength,
            m.article,
            m.position,
        ),
    )
    clusters: list[Cluster] = []
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for m in order:
        hits: Counter[int] = Counter()
        keys = _block_keys(m, weights)
        # Neighbouring sentences of the same article are always candidates.
        near = [("at", f"{m.article}\x00{m.position + d}") for d in (-2, -1, 1, 2)]
        for key in keys + near:
            # A protagonist or a common word alone is a weak key: it must be seconded.
            weight = (
                1 if key[0] == "word" or (key[0] == "entity" and weights(key[1]) < _SPECIFIC) else 2
            )
            for ci in index[key][-_MAX_CANDIDATES:]:
                hits[ci] += weight
        best, best_score = None, MERGE_THRESHOLD
        for ci in sorted(c for c, h in hits.items() if h >= 2):
            cluster = clusters[ci]
            if m.date is not None and not _fits_cluster_date(m, cluster):
                continue
            if m.date is None and _after_writing(cluster, m.written):
                continue
            seed = cluster.members[0]
            if not compatible_actions(m, seed) and not _shares_number(m, seed):
                continue  # joining through a side member would chain happenings
            if m.action in _PARTY_ACTIONS and any(
                _different_parties(m, o) for o in cluster.members
            ):
                continue  # a member names another person, institution or deal
            # The first members (the best dated and strongest) speak for the cluster, and
            # so do its members from the same article.
            compared = (
                cluster.members[:_MAX_COMPARED]
                + cluster.by_article.get(m.article, [])[:_MAX_COMPARED]
            )
            score = max(similarity(m, o, weights) for o in compared)
            if score > best_score:
                best, best_score = ci, score
        if best is None:
            clusters.append(Cluster())
            best = len(clusters) - 1
        clusters[best].add(m)
        for key in [*keys, ("at", f"{m.article}\x00{m.position}")]:
            if not index[key] or index[key][-1] != best:
                index[key].append(best)
    return _absorb_undated(clusters, index, weights)


def _absorb_undated(
    clusters: list[Cluster], index: dict[tuple[str, str], list[int]], weights: MentionWeights
) -> list[Cluster]:
    """Second pass: an undated cluster joins the cluster it matches best, if any.

    The greedy pass meets undated mentions last but in a fixed order, so one of them
    may have founded its own cluster before the mention that links it to a dated one
    arrived. Undated clusters carry no date to contradict, so moving them is safe.
    """
    owner = list(range(len(clusters)))
    for ci, cluster in enumerate(clusters):
        if cluster.dated():
            continue
        hits: Counter[int] = Counter()
        for m in cluster.members:
            for key in _block_keys(m, weights):
                for other in index[key][-_MAX_CANDIDATES:]:
                    hits[owner[other]] += 1
        # A stricter bar than the first pass: the undated cluster takes the date of
        # the one it joins.
        best, best_score = None, MERGE_THRESHOLD + 0.5
        for oi in sorted(hits):
            if oi == ci or owner[oi] != oi:
                continue
            target = clusters[oi]
            if not compatible_actions(cluster.members[0], target.members[0]):
                continue
            if any(_after_writing(target, m.written) for m in cluster.members):
                continue
            own, theirs = _cluster_families(cluster, weights), _cluster_families(target, weights)
            if own and theirs and not own & theirs:
                continue  # each names its own specific participants: two happenings
            if any(
                _different_parties(m, o)
                for m in cluster.members
                if m.action in _PARTY_ACTIONS
                for o in target.members
            ):
                continue
            score = max(
                similarity(cluster.members[0], o, weights) for o in target.members[:_MAX_COMPARED]
            )
            if score > best_score:
                best, best_score = oi, score
        if best is not None:
            for m in cluster.members:
                clusters[best].add(m)
            owner = [best if o == ci else o for o in owner]
    return [c for i, c in enumerate(clusters) if owner[i] == i]


def _after_writing(cluster: Cluster, written: dt.date | None) -> bool:
    """Whether a cluster's happening is dated after the day an article was written (a
    day's grace for time zones): that article cannot be reporting it. An April article's
    vote to authorise a strike is not September's vote to lift it."""
    seed = cluster.members[0]
    return (
        written is not None
        and seed.date is not None
        and seed.date.start > written + dt.timedelta(days=1)
    )


def _fits_cluster_date(m: EventMention, cluster: Cluster) -> bool:
    """A sentence-dated mention may not join a cluster whose stated date it contradicts."""
    if m.dated_by != "sentence":
        return True
    stated = [o.date for o in cluster.members if o.dated_by == "sentence" and o.date]
    return not stated or any(dates_agree(m.date, d) for d in stated)


def best_date(cluster: Cluster) -> tuple[DateSpan | None, list[DateSpan], EventMention | None]:
    """The best-supported date of a cluster, the contradicting alternatives, its source.

    A candidate date is supported by the evidence that states it or a coarser date
    containing it ("2025" supports "2025-04"), one vote per article and date (repeated
    paragraphs do not vote twice), sentence-dated evidence weighing 1, focus-dated 0.5
    and reference-dated 0.3. The most supported candidate wins, then the most precise:
    so the finest date that agrees with most sources.
    """
    dated = cluster.dated()
    if not dated:
        return None, [], None
    votes: dict[tuple[str, str], float] = {}
    for m in dated:
        w = _DATING_WEIGHT.get(m.dated_by, 0.3)
        key = (m.article, m.date.iso)
        votes[key] = max(votes.get(key, 0.0), w)
    spans = {m.date.iso: m.date for m in dated}

    def contains(outer: DateSpan, inner: DateSpan) -> bool:
        return outer.start <= inner.start and inner.end <= outer.end

    def support(span: DateSpan) -> float:
        # Evidence supports a date when it says the same or something coarser that
        # contains it; finer evidence inside a coarse date does not make it win.
        return sum(w for (_, iso), w in votes.items() if contains(spans[iso], span))

    def rank(iso: str) -> tuple:
        span = spans[iso]
        return (-support(span), PRECISIONS.index(span.precision), span.start, iso)

    chosen = spans[min(spans, key=rank)]
    alternatives = sorted(
        (s for s in spans.values() if not dates_agree(s, chosen)),
        key=lambda s: (s.start, s.precision),
    )
    source = min(
        (m for m in dated if m.date == chosen),
        key=lambda m: (m.dated_by != "sentence", m.article, m.position),
    )
    return chosen, alternatives, source


def date_simultaneous(clusters: list[Cluster]) -> None:
    """Date undated mentions that say they happened at the time of the preceding one.

    Runs after clustering, so the preceding happening's date may be one that other
    articles gave its event. Only clusters with no date of their own are touched, and a
    mention takes a date only from the nearest preceding mention of another cluster in
    its article, within `_SIMULTANEOUS_REACH` sentences.
    """
    home: dict[tuple[str, int], int] = {}
    for ci, cluster in enumerate(clusters):
        for m in cluster.members:
            home.setdefault((m.article, m.position), ci)
    dates = [best_date(c)[0] for c in clusters]
    for ci, cluster in enumerate(clusters):
        if dates[ci] is not None:
            continue
        for m in cluster.members:
            if not _SIMULTANEOUS.match(m.quote):
                continue
            for back in range(1, _SIMULTANEOUS_REACH + 1):
                before = home.get((m.article, m.position - back))
                if before is not None and before != ci:
                    if dates[before] is not None:
                        m.date, m.dated_by = dates[before], "simultaneous"
                    break
