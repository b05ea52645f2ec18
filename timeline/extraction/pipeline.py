"""The extraction pipeline's entry points: one article read, or a whole timeline built.

`read_article` splits an article into passages and tags its time expressions against
its reference date (the `published` date it came with, else the date it states at its
top). `extract_timeline` reads every article, infers a reference date for the
articles that have none, detects event mentions, clusters them into events, titles
them and returns them sorted by date (undated last).

Inferring a missing reference date: an undated article that reports the same
happenings as dated articles was most likely written around the same time, so each
such partner's date is a candidate, scored by how many happenings they share. The
article is re-tagged as of each candidate ("this past April", "this month alone"
resolve) and the candidate gains for each resolved date that agrees with a partner's
date for the same happening, and loses for each that contradicts one or that would
put a past happening after the article's own date; a candidate under which a relative
date set beside an absolute one ("last Friday's July 19") names another day is ruled
out. The best positive-scoring candidate, when the article shares at least two
mentions with dated articles (or one and a resolved date that agrees), becomes the
reference (`source="inferred"`, with the reason); with less the article stays undated,
because a guessed date would silently misdate every relative expression. Under an
inferred reference, days named only relative to it ("on Wednesday", "last week") date
nothing: the inferred date may be days off. Partners are found once, on the article's
undated reading, so a candidate that misdates a shared happening counts against itself.
An article that stays undated still gets the story's year for its year-less dates ("On
March 10, regulators closed the bank"), when one year puts them within the span of the
dated articles (`_settle_years`).

Publishing: a cluster becomes an event when it is dated, or reported by two articles,
or (for a strong action) told in the past tense with a specific participant (someone
other than the story's protagonist, or an amount); a weak one (a statement, talks, a
setback) needs a date stated in its own sentence or a second article. A cluster only
one article tells whose every clause lacks a concrete actor (a fragment opening on
"This"/"It", a figure of speech) gets no headline and is dropped as commentary.
Acronyms spelled out in the story ("generative AI" for "GenAI") are learnt before
event detection, so every mention of the unit shares one entity.

Robustness: an article that raises is recorded in `errors` and skipped; the output is
deterministic (every ordering has a total tie-break).

What it deliberately does not do: no Django, no storage, no editor decisions; it
proposes events and the Django side reconciles them with what editors kept.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from timeline.extraction.clustering import (
    MERGE_THRESHOLD,
    Cluster,
    MentionWeights,
    best_date,
    cluster_mentions,
    date_simultaneous,
    similarity,
)
from timeline.extraction.document_date import find_reference_date
from timeline.extraction.entities import EntityIndex, find_entities
from timeline.extraction.events import EventMention, dates_agree, detect_events, is_weak
from timeline.extraction.passages import split_passages
from timeline.extraction.records import (
    PRECISIONS,
    ArticleInput,
    ArticleReading,
    EventRecord,
    Evidence,
    ReferenceDate,
    TimelineExtraction,
    TimeMention,
)
from timeline.extraction.temporal import tag
from timeline.extraction.timex import span_of
from timeline.extraction.timex_lexicon import FULL_WEEKDAYS, weekday_number
from timeline.extraction.titles import MAX_TITLE, make_summary, make_title, representative

_MAX_REFERENCE_CANDIDATES = 4
# A year-less date of an undated article: "XXXX-03-10", "XXXX-04" (a clock time may follow).
_YEARLESS = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?(?:T[\d:]+)?$")
_DIGIT = re.compile(r"\d")
_LATE_BEFORE = re.compile(r"\blate\s+(?:on\s+)?$", re.IGNORECASE)
_LATE_IN = re.compile(r"\b(?:night|evening)\b", re.IGNORECASE)
_LOOKS_BACK = re.compile(r"\b(?:last|past|previous)\b|’s|'s", re.IGNORECASE)
_WEEKDAY_NAMED = re.compile(rf"\b(?:{'|'.join(FULL_WEEKDAYS)})\b", re.I)
# How far outside the span of the story's dated articles the year's guess may put a date.
_YEAR_REACH_DAYS = 200
_MAX_PARTNER_CANDIDATES = 30
_MIN_SUPPORT = 2


def read_article(article: ArticleInput) -> ArticleReading:
    """Passages, time mentions and reference date of one article on its own."""
    text = article.text
    if article.published is not None:
        source = article.published_source if article.published_source != "unknown" else "header"
        reference: ReferenceDate | None = ReferenceDate(date=article.published, source=source)
    else:
        reference = find_reference_date(text)
    passages = split_passages(text)
    mentions = tag(text, reference.date if reference else None)
    return ArticleReading(
        key=article.key, passages=passages, mentions=mentions, reference=reference
    )


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or "no message"
    return f"{type(exc).__name__}: {message}"[:300]


def extract_timeline(articles: Sequence[ArticleInput]) -> TimelineExtraction:
    """Read every article, infer missing dates, and build the timeline's events."""
    readings: dict[str, ArticleReading] = {}
    texts: dict[str, str] = {}
    errors: dict[str, str] = {}
    for article in articles:
        try:
            readings[article.key] = read_article(article)
            texts[article.key] = article.text
        except Exception as exc:  # noqa: BLE001 - one bad article must never abort the batch
            errors[article.key] = _one_line(exc)

    index = _entity_index(readings)
    mentions: dict[str, list[EventMention]] = {}
    for key, reading in readings.items():
        reference = reading.reference.date if reading.reference else None
        stated = reading.reference is None or reading.reference.source != "inferred"
        _detect(key, reading, reading.mentions, index, reference, stated, mentions, errors)
    for key in sorted(errors):
        readings.pop(key, None)
        mentions.pop(key, None)

    _infer_references(readings, texts, mentions, index, errors)
    settled = _settle_years(readings)
    pinned = _pin_weeks(readings, texts, mentions, index, errors)
    for key in sorted(settled - pinned):
        _detect(key, readings[key], readings[key].mentions, index, None, False, mentions, errors)

    all_mentions = [m for key in sorted(mentions) for m in mentions[key]]
    clusters = cluster_mentions(all_mentions)
    date_simultaneous(clusters)
    events = [
        e for c in clusters if _publishable(c, index) if (e := _event(c, index, errors)).title
    ]
    events.sort(key=_event_order)
    return TimelineExtraction(readings=readings, events=events, errors=errors)


def _detect(
    key: str,
    reading: ArticleReading,
    tagged: list[TimeMention],
    index: EntityIndex,
    reference: dt.date | None,
    deictic: bool,
    mentions: dict[str, list[EventMention]],
    errors: dict[str, str],
) -> bool:
    """Detect an article's event mentions from `tagged` into `mentions`; a failure is
    recorded in `errors` and the batch goes on."""
    try:
        mentions[key] = detect_events(
            key, reading.passages, tagged, index, reference, deictic=deictic
        )
    except Exception as exc:  # noqa: BLE001 - recorded, the batch goes on
        errors[key] = _one_line(exc)
        return False
    return True


def _entity_index(readings: dict[str, ArticleReading]) -> EntityIndex:
    found = []
    texts = []
    for key in sorted(readings):
        for p in readings[key].passages:
            if not p.boilerplate:
                found.extend(find_entities(p.text, p.start))
                texts.append(p.text)
    index = EntityIndex(found)
    index.learn_expansions(texts)
    return index


def _infer_references(
    readings: dict[str, ArticleReading],
    texts: dict[str, str],
    mentions: dict[str, list[EventMention]],
    index: EntityIndex,
    errors: dict[str, str],
) -> None:
    """Give undated articles the date of the dated articles they share happenings with."""
    dated = [k for k in sorted(readings) if readings[k].reference is not None]
    undated = [k for k in sorted(readings) if readings[k].reference is None]
    if not dated or not undated:
        return
    pool = [m for k in dated for m in mentions[k]]
    weights = MentionWeights(pool + [m for k in undated for m in mentions[k]])
    blocks: dict[str, list[EventMention]] = {}
    for m in pool:
        for e in m.entities:
            blocks.setdefault(e, []).append(m)
    for key in undated:
        try:
            inferred = _best_reference(
                key, readings, texts[key], mentions[key], blocks, weights, index
            )
        except Exception as exc:  # noqa: BLE001 - recorded, the batch goes on
            errors[key] = _one_line(exc)
            continue
        if inferred is None:
            continue
        reference, tagged, found = inferred
        readings[key].reference = reference
        readings[key].mentions = tagged
        mentions[key] = found


def _settle_years(readings: dict[str, ArticleReading]) -> set[str]:
    """Give the story's year to the year-less dates of articles that stay undated; the
    keys of the articles whose dates changed (their events are to be detected again).

    "On March 10, California regulators closed Silicon Valley Bank" in an article with no
    date of its own: a reader takes the year of the story the other articles date, and so
    does this, when one year puts the date inside (or nearest) the span of those dates.
    Only explicit month-days and months change; relative expressions stay unresolved.
    """
    dated = sorted(r.reference.date for r in readings.values() if r.reference is not None)
    if not dated:
        return set()
    first, last = dated[0], dated[-1]
    changed = set()
    for key in sorted(readings):
        reading = readings[key]
        if reading.reference is not None:
            continue
        settled = [_with_story_year(tm, first, last) for tm in reading.mentions]
        if any(a is not b for a, b in zip(settled, reading.mentions, strict=True)):
            reading.mentions = settled
            changed.add(key)
    return changed


def _pin_weeks(
    readings: dict[str, ArticleReading],
    texts: dict[str, str],
    mentions: dict[str, list[EventMention]],
    index: EntityIndex,
    errors: dict[str, str],
) -> set[str]:
    """Read an article with no date of its own as of the day its lede names by weekday;
    the keys of the articles so read.

    "The Bank of England said on Wednesday, Sept. 28, that ...": once the story's year
    makes Sept. 28 a Wednesday, the lede has fixed the week the article speaks from, so
    "on Tuesday evening" and "the following Monday" can be resolved against that day, as
    a reader does. Only a weekday-and-date in the first two sentences counts (a news peg,
    not background), and only when the calendar agrees with the weekday.
    """
    pinned = set()
    for key in sorted(readings):
        reading = readings[key]
        if reading.reference is not None and reading.reference.source != "inferred":
            continue
        lede = _lede_day(reading)
        if lede is None:
            continue
        day, named = lede
        # News of late in the day is written up the next: after "late on Sunday, March 26"
        # the article's "shares rose on Monday" is that Monday, not the one before.
        late = _LATE_BEFORE.search(texts[key], max(0, named.start - 12), named.start)
        written = day + dt.timedelta(days=1 if late or _LATE_IN.search(named.text) else 0)
        try:
            tagged = tag(texts[key], written)
        except Exception as exc:  # noqa: BLE001 - recorded, the batch goes on
            errors[key] = _one_line(exc)
            continue
        if not _detect(key, reading, tagged, index, written, True, mentions, errors):
            continue
        reading.reference = ReferenceDate(
            date=written,
            source="inferred",
            start=named.start,
            end=named.end,
            reason=f"its lede names {named.text}, a {day:%A} in the story's year",
        )
        reading.mentions = tagged
        pinned.add(key)
    return pinned


def _lede_day(reading: ArticleReading) -> tuple[dt.date, TimeMention] | None:
    """The day a weekday-and-date in the article's first two sentences names, if the
    calendar agrees with the weekday ("Wednesday, Sept. 28" in 2022)."""
    lede = [p for p in reading.passages if not p.boilerplate][:2]
    if not lede:
        return None
    end = lede[-1].end
    for tm in reading.mentions:
        if tm.start >= end:
            break
        weekday = _WEEKDAY_NAMED.search(tm.text)
        # The weekday and the date both, as written ("Wednesday, Sept. 28"): a weekday
        # alone was resolved against a guess, and "last Friday's July 19" looks back.
        if weekday is None or not _DIGIT.search(tm.text) or _LOOKS_BACK.search(tm.text):
            continue
        span = span_of(tm.value)
        if span and span.precision == "day" and _is_weekday(span.start, weekday.group(0)):
            return span.start, tm
    return None


def _is_weekday(day: dt.date, name: str) -> bool:
    """Whether `day` falls on the weekday `name` ("Wednesday"), whatever the locale."""
    return weekday_number(name) == day.isoweekday()


def _with_story_year(tm: TimeMention, first: dt.date, last: dt.date) -> TimeMention:
    """`tm` with the year that puts its month (and day) nearest the span first..last."""
    m = _YEARLESS.match(tm.value)
    if m is None:
        return tm
    month, day = int(m.group(1)), int(m.group(2) or 15)
    weekday = _WEEKDAY_NAMED.search(tm.text) if m.group(2) else None
    ranked = []
    for year in range(first.year - 1, last.year + 2):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return tm
        if weekday and not _is_weekday(when, weekday.group(0)):
            continue  # "Thursday, March 28": only a year in which it is a Thursday
        outside = min(abs((when - first).days), abs((when - last).days))
        distance = 0 if first <= when <= last else outside
        ranked.append((distance, year))
    if not ranked:
        return tm
    ranked.sort()
    best, year = ranked[0]
    if best > _YEAR_REACH_DAYS or (len(ranked) > 1 and ranked[1][0] == best):
        return tm
    return replace(tm, value=f"{year}{tm.value[4:]}")


def _appositions_disagree(tagged: list[TimeMention], untagged: list[TimeMention]) -> int:
    """Relative dates set beside absolute ones ("last Friday's July 19") that the
    candidate reference resolves to another day: each is proof the candidate is wrong."""
    relative = {(tm.start, tm.end) for tm in untagged if "X" in tm.value}
    ordered = sorted(tagged, key=lambda tm: tm.start)
    wrong = 0
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start - a.end > 3 or not {(a.start, a.end), (b.start, b.end)} & relative:
            continue
        sa, sb = span_of(a.value), span_of(b.value)
        if sa and sb and sa.precision == sb.precision == "day" and sa != sb:
            wrong += 1
    return wrong


def _partners(
    m: EventMention, blocks: dict[str, list[EventMention]], weights: MentionWeights
) -> list[EventMention]:
    """Mentions of dated articles that plausibly report the same happening as `m`."""
    seen: set[int] = set()
    out = []
    for e in m.entities:
        # The latest mentions per participant suffice: the protagonist is in everything.
        for other in blocks.get(e, ())[-_MAX_PARTNER_CANDIDATES:]:
            if id(other) not in seen:
                seen.add(id(other))
                if similarity(m, other, weights) > MERGE_THRESHOLD:
                    out.append(other)
    return out


def _best_reference(
    key: str,
    readings: dict[str, ArticleReading],
    text: str,
    found0: list[EventMention],
    blocks: dict[str, list[EventMention]],
    weights: MentionWeights,
    index: EntityIndex,
) -> tuple[ReferenceDate, list[TimeMention], list[EventMention]] | None:
    """The partner date under which the article's own dates agree best, if any does."""
    shared: Counter[str] = Counter()
    # Partners are found once, on the undated reading: read as of a wrong candidate, a
    # mention's date would contradict its true partner's and hide it, hiding the proof.
    partners0: dict[tuple[int, int], list[EventMention]] = {}
    for m in found0:
        partners = partners0[(m.start, m.end)] = _partners(m, blocks, weights)
        shared.update({o.article for o in partners})
    if not shared:
        return None
    by_date: Counter[dt.date] = Counter()
    for article, n in shared.items():
        by_date[readings[article].reference.date] += n
    ranked = sorted(by_date, key=lambda d: (-by_date[d], d))
    # The two best supported dates, and any that ties the second (up to a few): reading
    # the article again as of each candidate is the costly part of inference.
    floor = by_date[ranked[min(1, len(ranked) - 1)]]
    candidates = [d for d in ranked if by_date[d] >= floor][:_MAX_REFERENCE_CANDIDATES]
    reading = readings[key]
    best = None
    # Without an underspecified expression the candidate changes no time value: the
    # article need not be tagged again.
    relative = any("X" in tm.value or tm.value.endswith("_REF") for tm in reading.mentions)
    for candidate in candidates:
        tagged = tag(text, candidate) if relative else reading.mentions
        if _appositions_disagree(tagged, reading.mentions):
            continue  # the article's own words rule this date out
        found = detect_events(key, reading.passages, tagged, index, candidate, deictic=False)
        agree = disagree = late = 0
        for m in found:
            if m.date is None or m.dated_by == "reference":
                continue
            if m.date.start > candidate and m.tense in ("past", "perfect"):
                late += 1  # a past happening after the article was written: impossible
            known = partners0.get((m.start, m.end))
            for other in known if known is not None else _partners(m, blocks, weights):
                if other.date is not None and other.dated_by != "reference":
                    if dates_agree(m.date, other.date):
                        agree += 1
                    else:
                        disagree += 1
        score = by_date[candidate] + agree - 2 * (disagree + late)
        if by_date[candidate] + agree < _MIN_SUPPORT:
            continue  # one shared mention is too thin a clue to date a whole article by
        if disagree + late and disagree + late >= agree:
            continue  # its own dates contradict the candidate as often as they agree
        if score > 0 and (best is None or score > best[0]):
            partners = sorted(a for a in shared if readings[a].reference.date == candidate)
            reason = (
                f"shares {by_date[candidate]} event mention(s) with {', '.join(partners)} "
                f"dated {candidate.isoformat()}; read as of that date, {agree} dated "
                f"event(s) agree and {disagree + late} contradict"
            )
            best = (score, candidate, reason, tagged, found)
    if best is None:
        return None
    _, candidate, reason, tagged, found = best
    return ReferenceDate(date=candidate, source="inferred", reason=reason), tagged, found


def _publishable(cluster: Cluster, index: EntityIndex) -> bool:
    """Whether a cluster is solid enough to show.

    A weak action (a statement, a setback, talks) needs a date stated in its own
    sentence or a second article; a strong one needs a date or a second article, or a
    past-tense report that names a specific participant (someone or something other
    than the story's protagonist, or an amount). Anything else is commentary: an
    undated sentence of one article about the protagonist alone ("the company has
    faced criticism") is a generic statement, not a happening.
    """
    members = cluster.members
    articles = {m.article for m in members}
    if all(is_weak(m.action) for m in members):
        return len(articles) >= 2 or any(m.dated_by == "sentence" for m in members)
    if len(articles) >= 2 or any(m.date is not None for m in members):
        return True
    return any(
        m.tense != "present" and (m.numbers or any(not index.is_protagonist(e) for e in m.entities))
        for m in members
    )


def _event(cluster: Cluster, index: EntityIndex, errors: dict[str, str]) -> EventRecord:
    date, alternatives, _ = best_date(cluster)
    members = cluster.members
    evidence = {}
    for m in sorted(members, key=lambda m: (m.article, m.start)):
        k = (m.article, m.start, m.end)
        if k in evidence:
            continue
        tm = m.time
        evidence[k] = Evidence(
            article=m.article,
            start=m.start,
            end=m.end,
            quote=m.quote,
            time_text=tm.text if tm else "",
            time_start=tm.start if tm else None,
            time_end=tm.end if tm else None,
            time_value=tm.value if tm else "",
        )
    names = sorted(cluster.entities, key=lambda n: (-cluster.entities[n], n))
    action = cluster.action
    # One article telling a fragment with no concrete actor ("This frustration is
    # compounded by ...", "Reality came knocking ...") is commentary: no headline, no
    # event. A happening two articles report keeps its best clause whatever it is.
    single = len({m.article for m in members}) < 2
    try:
        title, summary = make_title(action, members, index, strict=single), make_summary(members)
    except Exception as exc:  # noqa: BLE001 - a headline bug must not cost the event
        # The happening and its passages are still right; the reader gets the sentence
        # itself, and the error is reported with the article it came from.
        told = representative(members)
        errors.setdefault(told.article, f"headline not written: {_one_line(exc)}")
        title = summary = textwrap.shorten(told.quote, MAX_TITLE, placeholder=" …")
    return EventRecord(
        title=title,
        summary=summary,
        date=date,
        evidence=list(evidence.values()),
        entities=[index.record(n) for n in names],
        alternatives=alternatives,
        kind=action,
    )


def _event_order(event: EventRecord) -> tuple:
    if event.date is None:
        return (1, dt.date.max, 0, event.title, event.evidence[0].article)
    return (
        0,
        event.date.start,
        PRECISIONS.index(event.date.precision),
        event.title,
        event.evidence[0].article,
    )
