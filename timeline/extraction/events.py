"""Find the sentences of an article that report something happening, and date them.

An event mention is a passage with an action trigger (a verb or noun of a known action
class: investment, acquisition, deal, hire, departure, demotion, reorganisation,
founding, launch, report, closure, disruption, conference, delay, talks, statement,
setback, market, legal and civic actions) used as a report of a fact: not under a modal or future
("could", "will", "plans to"), not in a question or a conditional, not in a
scene-setting phrase ("Despite heavy investment, ..."), not a judgement on a noun
("The partnership is a masterstroke"), not in boilerplate or a heading. A trigger
inside a background clause (", who co-founded the company,"; "... for the update that
crashed computers") does not make the sentence's news; the main clause does. A
sentence with no known trigger but a past-tense verb and a date of its own is a
generic event ("v:<verb>"): in news that is almost always a happening. A sentence that
announces what will happen ("Officials said on Sunday that every depositor would be
repaid", "Vexo will hire Ann Lee ..., its chief said early on Monday") is a statement of
the day its reporting verb names, when that date follows the verb closely. Comment is
not news: a hedged main clause ("may calm the board, but ...") makes its background
clauses ("..., many of whom joined") no news either, and "the way they acted" is manner.

Dating, in order of trust:
1. the time expression that governs the trigger in the same sentence: the nearest
   DATE expression in the trigger's clause (never one inside a relative clause, a
   comparison baseline "from a year earlier", a dateline, a deadline "respond by
   Wednesday" (but "had signed a letter by Monday" is done by then, so it dates), the
   start of a span "since March", or a modifier "the 2000 election", "after the July 19
   failure", "Friday's incident"); "said on Saturday that it estimates" is dated Saturday;
   durations, sets and "now" never date an event, except a duration counted from the
   story's date ("two years later"), which dates by the tagger's anchor;
2. the discourse focus: the date of the last happening the article reported (else the
   last date it stated outside a relative clause), but only for a narrative past
   sentence close to it (same or next paragraph) that states no stretch of time of
   its own ("over five days"), and never once the story time moved on ("then", "after
   that", "within days") without a new anchor, and never for what a document says
   happened ("According to the summary, the board dismissed him"): the document's day is
   not the happening's. The focus reaches two short paragraphs when within three
   sentences. "The same day", "that evening" name the day in focus;
3. a strong action told in the present tense ("is hiring", "its latest offering")
   that names a specific participant is news of the article's own day, so it takes
   the reference date, with the least weight; one the text itself calls recent (the
   present perfect, "have already jumped ship", or "now", "recently", "just" before
   the verb) takes the reference's month, at month precision, with the same weight;
4. otherwise nothing: clustering may date it from another article's evidence.
The precision is the expression's own: "in April" stays a month, "in 2023" a year.
The month "May" is no modal.

Subjects for headlines (never a clustering clue): a leading pronoun ("it", "they",
"he") and "the company", "the airline" (also right before the trigger in a later
clause: "..., and by Monday the airline had scrapped ...") refer by grammatical role:
to the subject of the closest sentence before that has one of the right kind (a name
followed by its finite verb, "Delta expects ...", "said Delta had ..."), and only
failing that to the story's main actor among the names just mentioned; a leading
demonstrative ("This includes hand-picking ...") to the first actor of the sentence
before; "the first version" to the product just named.

When the article's own date was inferred rather than stated, days named only relative
to it ("on Wednesday", "last week") date nothing: an inferred date a few days off would
misdate each of them.

One sentence that tells two happenings with two contradicting dates ("went public in
2019 and moved its headquarters to Austin two years later"; "cut its forecast on
Thursday, after it discontinued the phone on Tuesday") becomes two mentions, one per
clause, the second sharing the first's subject; their evidence is the clause.

Parties (clustering reads them, never as a clue to merge, only to keep apart): who leaves
in a departure (`leaver`: the name after "removed/fired/ousted", else the actor before
"quit/resigned"), what a closure shuts (`closed_party`), who deals with whom in an
acquisition or investment (`deal_parties`).

What it deliberately does not do: no syntactic parse (clauses are approximated by
punctuation, relative pronouns and conjunctions), no event coreference (that is
`clustering`), no title (`titles`).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from timeline.extraction.anaphors import (
    DEFINITE_PART,
    DEMONSTRATIVE,
    ORG_ANAPHOR,
    SUBJECT_PRONOUN,
)
from timeline.extraction.entities import EntityIndex, find_entities, is_heading
from timeline.extraction.records import DateSpan, Passage, TimeMention
from timeline.extraction.timex import span_of
from timeline.extraction.timex_lexicon import FULL_WEEKDAYS, MONTHS
from timeline.extraction.verbs import (
    AUXILIARY_PAST,
    NEWS_PAST,
    REPORTING,
    REPORTING_EITHER_TENSE,
    SUBJECT_TO_VERB,
)

# Action classes and their triggers. The bool says whether the trigger is a verb (its
# own form tells the tense) or a noun (a nominalised report: the clause tells it).
_TRIGGERS: dict[str, list[tuple[str, bool]]] = {
    "investment": [
        # ("the companies they had invested in": a stranded "in" ends a relative clause.)
        (r"invest(?:s|ed)(?!\s+in\s*(?:to\b|[,.;]))", True),
        (r"investments?\s+(?:of|in)", False),
        (r"\$[\d.,]+\s*(?:billion|million|bn|m|b)?\s+investment", False),
        (r"(?:\d+(?:\.\d+)?\s?%|\bpercent)\s+stake", False),
        (r"stake\s+in", False),
        (r"funding\s+round", False),
        (r"raised\s+\$", True),
        (r"(?:poured|pours)", True),
    ],
    "acquisition": [
        (r"acquir(?:es|ed)", True),
        (
            r"agreed\s+(?:\S+\s+){0,3}?to\s+(?:buy|acquire|purchase|take\s+over|merge"
            r"|be\s+(?:bought|acquired|taken\s+over))",
            True,
        ),
        (r"acquisition\s+of", False),
        (r"(?:buys|bought)", True),
        (r"purchased", True),
        (r"merg(?:ed|es)", True),
        (r"takeover\s+of", False),
    ],
    "deal": [
        # The noun alone is often a standing state ("its partnership with Microsoft
        # remained stable"): a deal is news when someone makes it.
        (
            r"(?:signed|struck|reached|inked|sealed|clinched|forged|announced|unveiled|closed"
            r"|finalized|finalised|secured|entered\s+into)\s+(?:\S+\s+){0,3}?"
            r"(?:deal|agreement|partnership|contract|pact)s?\s+(?:with|to|for)",
            True,
        ),
        (
            r"(?:a|an)\s+new\s+(?:\S+\s+){0,2}?(?:deal|agreement|partnership|contract|pact)s?"
            r"\s+(?:with|to|for)",
            False,
        ),
        (r"signed(?!\s+(?:an?\s+|the\s+)?(?:open\s+)?(?:letter|petition|note|memo))", True),
        (r"agreed\s+(?:\S+\s+){0,3}?to\s+(?:a\s+)?(?:deal|terms|partner|sell)", True),
        (r"(?:partnered|teamed\s+up)", True),
        # A commitment agreed on a day: "eleven banks agreed on Thursday to place $30
        # billion of deposits in First Republic" (buying and selling are acquisitions).
        (
            r"agreed\s+(?:on\s+\w+\s+|late\s+on\s+\w+\s+|\w+ly\s+)?to\s+(?:place|provide|lend"
            r"|deposit|inject|invest|back|rescue|fund|support|guarantee|pay|settle|extend)\b",
            True,
        ),
    ],
    "hire": [
        (r"hir(?:es|ed)", True),
        (r"hiring\s+(?:spree|blitz)", False),
        (r"recruit(?:s|ed)", True),
        (r"poach(?:es|ed)", True),
        (r"(?:brought|brings)\s+(?:in|on\s+board|aboard)", True),
        # ("joined the walkout", "joined the chorus of criticism": no job.)
        (
            r"join(?:s|ed)(?!\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:\w+\s+)?"
            r"(?:walkout|strike|pickets?|protests?|march|calls?|chorus|fight|effort|queue|"
            r"rally|boycott|campaign|criticism|lawsuit|suit)\b)",
            True,
        ),
        # (A regulator "appointed the FDIC as receiver" of a failed bank hires nobody.)
        (r"appoint(?:s|ed)(?![^.;]{0,40}\breceiver\b)", True),
        # ("was named after the lawyer who wrote the anthem" gives a name, not a job.)
        (r"(?:was|were|is|has\s+been)\s+(?:named|tapped)(?!\s+(?:after|for)\b)", True),
        (r"courted", True),
        (r"(?:reinstated|rejoin(?:s|ed))", True),
        (r"arrival\s+(?:at|of)", False),
    ],
    "departure": [
        (r"(?:left|leaves)\s+(?:the\s+company|the\s+firm|\w+’s|\w+'s|his|her|its|[A-Z])", True),
        (r"depart(?:s|ed)", True),
        (r"departures?\s+of", False),
        (r"resign(?:s|ed)", True),
        (r"resignation", False),
        (r"(?:quit|quits)\s", True),
        (r"step(?:s|ped)\s+down", True),
        (r"jumped\s+ship", True),
        (r"(?:fired|ousted|sacked|dismissed)", True),
        (r"removed\s+(?=[A-Z])", True),
        (r"laid\s+off", True),
        (r"layoffs", False),
    ],
    "demotion": [
        (r"demot(?:es|ed|ing)", True),
        (r"demotion", False),
        # A person removed (from a post, or no more said); "the span was removed last
        # week with explosives" is no demotion.
        (r"(?:was|were|been|is)\s+removed(?=\s+(?:as|from)\b|\s*[.,;])", True),
        (r"removed\s+(?:from|as)", True),
        (r"replac(?:es|ed)", True),
        (r"sidelined", True),
        (r"reassigned", True),
    ],
    "reorganisation": [
        (r"reorgani[sz](?:es|ed)", True),
        (r"reorgani[sz]ation\s+of", False),
        (r"restructur(?:es|ed)", True),
        (r"shook\s+up|shakes\s+up|shaking\s+up", True),
        (r"overhaul(?:ed|s)", True),
        (r"split(?:s|ting)?\s+(?:the\s+)?teams", True),
        (
            r"(?:created|creates|formed|forms|set\s+up|launched)\s+(?:a\s+)?new\s+"
            r"(?:\w+\s+){0,2}(?:division|unit|lab|team|group|department|organi[sz]ation)",
            True,
        ),
        (r"(?:hand-picking|handpicked|hand-picked)", True),
    ],
    "founding": [
        (r"(?:co-)?founded\s+(?:in|on)", True),
        (r"(?:was|were)\s+(?:founded|established|created|launched|started|set\s+up)\s+in", True),
        (r"(?:began|begins)\s+life\b", True),
        (r"established\s+in", True),
        # ("the exchange founded by Ann Lee, agreed ..." describes; it reports no founding.)
        (r"(?:(?:was|were|is)\s+|^)(?:co-)?founded\s+(?:the\s+company\s+)?(?:by|with)", True),
    ],
    "report": [
        # A document someone put out, told with the document first: "the review that
        # OpenAI released this month" (a release of a report, not a product launch).
        (
            r"(?:report|review|analysis|findings|study|summary|statement)\s+(?:that|which)\s+"
            r"(?:[\w'’-]+\s+){1,3}?(?:published|released|issued)",
            True,
        ),
        # What an inquiry concluded: "an outside review ... had concluded that",
        # "the law firm WilmerHale had found that".
        (
            r"(?:review|investigation|inquiry|probe|audit|investigators|law\s+firm|panel)"
            r"\s+(?:[\w'’&.-]+\s+){0,5}?(?:had\s+|has\s+)?(?:concluded|found)\s+that",
            True,
        ),
        (
            r"(?:published|released|issued|presented)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){0,3}"
            r"(?:report|review|analysis|findings|study|statement|letter|results)",
            True,
        ),
    ],
    "launch": [
        (r"launch(?:es|ed)", True),
        (r"releas(?:es|ed)", True),
        (r"(?:unveil|introduc|debut)(?:s|es|ed)", True),
        (r"roll(?:s|ed)\s+out", True),
        (r"(?:launch|release|debut|rollout)\s+of", False),
        (r"(?:latest|new)\s+offering", False),
        (r"(?:updated|shipped)", True),
        (r"(?:put|puts)\s+(?:\S+\s+){1,3}?online|went\s+live", True),
    ],
    "cancellation": [
        # A deal or plan called off: "Binance walked away on Wednesday".
        (r"(?:walked|walks)\s+away|(?:pulled|pulls|backed|backs)\s+out\s+of|called\s+off", True),
        # A launch or match called off on the day: "the attempt was scrubbed".
        (r"scrubbed", True),
        (
            r"(?:abandoned|dropped|withdrew|terminated|scrapped|ditched)\s+"
            r"(?:the|its|a|an|their|his|her)\s+(?:\w+\s+)?"
            r"(?:deal|bid|plan|offer|merger|takeover|agreement)",
            True,
        ),
    ],
    "closure": [
        # A bank, plant or exchange shut by its owner or a regulator.
        (r"(?:was|were|been)\s+(?:closed|shut\s+down|seized|taken\s+over)(?:\s+by)?", True),
        (
            r"(?:closed|seized|shut\s+down|shuttered)\s+(?:the\s+|its\s+)?(?:\w+\s+){0,2}?"
            r"(?:bank|lender|plant|factory|mine|exchange|fund|refinery|airport|store)s?\b",
            True,
        ),
        (r"(?:seized|shuttered)", True),
    ],
    "recall": [
        (r"recall(?:s|ed)", True),
        (r"recalls?\s+(?:of|affecting)", False),
        (r"(?:global|voluntary|formal|official|product|safety|worldwide)\s+recall", False),
    ],
    "disruption": [
        (r"(?:crash|crashed|crashes)", True),
        (r"(?:knocked|went|taken)\s+(?:\w+\s+)?(?:offline|down|dark)", True),
        (r"(?:cancel(?:l)?ed|scrapped|grounded|suspended|halted|disrupted)", True),
        (r"(?:cancel(?:l)?ations|disruptions?)\s+(?:of|to|at)", False),
        (r"discontinu(?:es|ed)", True),
        (
            r"(?:stop(?:s|ped)|ceas(?:es|ed))\s+(?:\w+\s+)?(?:making|selling|producing|"
            r"production|sales|operations)",
            True,
        ),
    ],
    "conference": [
        (r"(?:conference(?!\s+call)|summit|keynote|convention|gathering|hearing)", False),
        (r"(?:organi[sz]ed|held|hosted)\s+(?:its|a|an|the)", True),
        (r"award(?:ed|s)?\b", False),
    ],
    "delay": [
        (r"delay(?:s|ed)", True),
        (r"postpon(?:es|ed)", True),
        (r"held\s+up|pushed\s+back", True),
    ],
    "talks": [
        (r"(?:in\s+)?talks\s+(?:with|to|about|on)", False),
        (r"opened\s+talks", True),
        (r"discussions?\s+(?:with|about|on)", False),
        (r"(?:discussed|negotiated)", True),
        (r"(?:got|get|gets|was|were)\s+in\s+touch", True),
        (r"exchanging\s+ideas|group\s+chat", True),
        (r"gathered", True),
        (
            r"(?:asked|invited|summoned|urged|called\s+on)\s+(?:\S+\s+){0,6}?to\s+(?:testify|appear|"
            r"explain|respond|resign|step|return|stop|answer)",
            True,
        ),
    ],
    # A formal state proclaimed: martial law, an emergency, a war, a pandemic, bankruptcy.
    "declaration": [
        (
            r"(?:declared|declares|imposed|proclaimed)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?"
            r"(?:martial\s+law|emergency|war|pandemic|bankruptcy|independence|curfew|"
            r"disaster)",
            True,
        ),
    ],
    "statement": [
        (r"announc(?:es|ed)", True),
        (r"signed\s+(?:an?\s+|the\s+)?(?:open\s+)?(?:letter|petition)", True),
        (r"(?:declared|confirmed|revealed|disclosed|admitted|denied|warned|blamed)", True),
        (r"apologi[sz](?:es|ed)", True),
        (r"(?:was|were|is|are)\s+[\"“]?(?:deeply\s+|very\s+|truly\s+)?sorry|said\s+sorry", True),
        (r"testif(?:ied|ies)", True),
        (r"appear(?:s|ed)\s+before", True),
        (r"estimat(?:es|ed)", True),
        (r"approv(?:es|ed)", True),
        (r"(?:rejected|accepted|defended|promised(?!\s+to\s+be\b)|pledged|vowed)", True),
    ],
    "setback": [
        (r"(?:failed|fails)\s+to", True),
        # A bare failure ends its clause: "The result was that Llama 4 failed."
        (r"failed(?=\s*[.;!]|\s*,\s+(?:and|but|so)\b)", True),
        (r"fell\s+flat", True),
        (r"(?:flopped|stumbled|plummeted|underperformed)", True),
        (r"(?:didn’t|didn't|did\s+not)\s+(?:go\s+as\s+planned|live\s+up|hit\s+the\s+mark)", True),
        (r"underwhelm(?:ed|ing)", True),
        (r"(?:let\s+down|disappointed)", True),
        (r"(?:poor|lackluster|lacklustre|weak|cool)\s+reception", False),
        (r"underperformance\s+of", False),
        (r"backlash", False),
    ],
    "market": [
        (
            r"(?:shares?|stock|stocks|price)\s+(?:\w+\s+){0,3}(?:fell|slid|dropped|plunged|rose|"
            r"jumped|sank|tumbled|closed)",
            True,
        ),
        (
            r"(?:cut|cuts|lowered|lowers|raised|trimmed|trims)\s+(?:its\s+)?(?:\w+\s+){0,3}"
            r"(?:forecasts?|outlooks?|guidance)",
            True,
        ),
        (r"(?:reported|reports)\s+(?:\w+\s+){0,2}(?:revenue|profit|loss|earnings|results)", True),
    ],
    "legal": [
        (r"(?:sued|sues)", True),
        (r"lawsuits?\s+(?:against|over|filed)", False),
        (r"(?:ruled|fined|banned|settled)", True),
        (r"(?:blocked|investigated|probed)", True),
        (r"(?:opened|launched|began)\s+(?:an?\s+)?(?:investigation|inquiry|probe)", True),
        (r"(?:filed|files)\s+(?:a\s+)?(?:suit|complaint|lawsuit|for)", True),
    ],
    # A prosecution's steps are happenings of their own, never one event: the arrest, the
    # charges, the plea, bail, the verdict, the sentence.
    "arrest": [
        (r"arrested|taken\s+into\s+custody|extradited", True),
    ],
    "charge": [
        (r"(?:charged|indicted|unsealed)", True),
        (r"(?:was|were|been)\s+accused|accused\s+(?:\S+\s+){1,4}?of\b", True),
    ],
    "plea": [
        (r"(?:pleaded|pleads|pled)\s+(?:not\s+)?guilty", True),
    ],
    "bail": [
        (r"(?:released|freed)\s+(?:\w+\s+)?on\s+(?:a\s+)?(?:\S+\s+){0,3}?(?:bond|bail)", True),
        (r"revoked\s+(?:\w+\s+)?(?:bail|bond)|ordered\s+(?:\w+\s+)?(?:to|into)\s+jail", True),
    ],
    "verdict": [
        (r"(?:convicted|acquitted)|found\s+(?:\S+\s+){0,3}?(?:not\s+)?guilty", True),
    ],
    "sentence": [
        (r"sentenced", True),
    ],
    # Industrial action and its settlement: a union's strike and its members' vote on
    # the contract that ends it are happenings of their own, not a "vote" or "walk".
    "strike": [
        (r"(?:went|gone)\s+on\s+strike", True),
        (r"walked\s+(?:out|off\s+the\s+job)", True),
        (r"downed\s+(?:tools|pens)", True),
    ],
    "ratification": [
        (r"ratified", True),
        (r"voted\s+(?:\S+\s+){0,2}?to\s+(?:ratify|approve\s+the\s+(?:new\s+)?contract)", True),
    ],
    "civic": [
        (r"(?:elected|voted|defeated)\s", True),
        (r"(?:won|wins)\s+(?:the\s+)?(?:\w+\s+)?(?:election|vote|award|prize|race|title)", True),
        (r"(?:killed|died|exploded|collapsed|evacuated)", True),
        (r"(?:protested|sworn\s+in|inaugurated)", True),
    ],
}

# Weak classes lose to any strong trigger in the same sentence, and a weak mention
# alone needs corroboration or a date to be published.
WEAK_ACTIONS = {"statement", "setback", "talks", "conference", "civic", "other"}


def is_weak(action: str) -> bool:
    """Weak classes and generic verbs ("v:apologis") need corroboration to stand alone."""
    return action in WEAK_ACTIONS or action.startswith("v:")


# All triggers in one alternation, one named group per (class, is-verb): one scan of the
# sentence instead of a hundred.
_GROUPS = [
    (cls, verbal, "|".join(f"(?:{p})" for p, v in pats if v == verbal))
    for cls, pats in _TRIGGERS.items()
    for verbal in (True, False)
    if any(v == verbal for _, v in pats)
]

# Case-sensitive on purpose (several times faster): triggers are lowercase words, and
# the sentence's first letter is lowered before the scan.
_TRIGGER_RE = re.compile(
    r"(?=[\w$])\b(?:"
    + "|".join(f"(?P<g{i}>{alt})" for i, (_, _, alt) in enumerate(_GROUPS))
    + r")\b"
)

_MODAL = re.compile(
    r"\b(?:will|would|could|might|(?-i:may)|should|must|can|cannot|can’t|won’t|wouldn’t|shall|"
    r"plans?\s+to|planning\s+to|aims?\s+to|aiming\s+to|expected\s+to|going\s+to|set\s+to|"
    r"hopes?\s+to|wants?\s+to|intends?\s+to|likely\s+to|about\s+to|needs?\s+to|needed\s+to\s+be|"
    r"ll|’ll|'ll|promised\s+to\s+be|seemed\s+to|appeared\s+to|proved\s+to\s+be)\b",
    re.IGNORECASE,
)
# What ends a clause: a semicolon, a dash, a colon that is no clock's ("12:34 p.m.").
CLAUSE_SEPARATOR = r"[;—–]|(?<!\d):|:(?!\d)"
_CLAUSE_BREAK = re.compile(rf"{CLAUSE_SEPARATOR}|,\s+(?:but|and|while|which|who)\b|\bbut\b")
_SUBORDINATOR = re.compile(
    r"\b(?:that|which|who|whom|whose|when|while|after|before|because|since|where|until)\b",
    re.IGNORECASE,
)
_SUBJECT_PRONOUN = re.compile(rf"\b{SUBJECT_PRONOUN}", re.IGNORECASE)
# A date that is a comparison's baseline ("from a year earlier"), a scope ("forecast for
# the full year") or a dateline dates no event of the sentence.
_BASELINE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|for)\s+(?:the\s+)?"
    r"(?:(?:full|whole|entire|fiscal|financial|calendar|current|coming)\s+)*$",
    re.IGNORECASE,
)
# A place-and-date dateline opening a lede: "AUSTIN, July 19, 2024 — ", "SANTA CLARA,
# Calif., Oct. 20, 2022 — " (an abbreviation's full stop is no sentence end).
DATELINE = re.compile(r"(?:[^.]|(?<=[a-z])\.(?=[\s,])){0,40}?\d{4}\s*[—–-]{1,2}\s")
# Announcements (see `_announcement`): a named party's plan opening the sentence, and the
# verbs that announce it: the reporting verbs and those of a promise.
_NAMED_WILL = re.compile(r"^[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*\s+(?:will|would)\s+[a-z]")
_ANNOUNCING = re.compile(rf"\b(?:{'|'.join(sorted(REPORTING))}|pledged|promised)\b")
# "told lawmakers on Tuesday that the company was sorry": the date of the reporting
# verb governs what is reported, so this "that" is no clause boundary for dating.
_REPORTED_THAT = re.compile(
    rf"\b(?:{'|'.join(sorted(REPORTING_EITHER_TENSE))})\b[^,;]{{0,40}}?\bthat\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where|because)\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"^\W*(?:if|whether|unless|imagine|suppose)\b", re.IGNORECASE)
# A leading phrase or subordinate clause that sets the scene instead of reporting:
# "Despite heavy investment, ...", "When the machines crashed, the system lost track".
_BACKGROUND_LEAD = re.compile(
    r"^\W*(?:despite|beyond|given|amid|like|unlike|instead\s+of|rather\s+than|besides|whatever|"
    r"apart\s+from|in\s+addition\s+to|by|when|whenever|while|as|once|because|since|"
    r"although|though)\b[^,]{0,120},",
    re.IGNORECASE,
)
# A sentence that judges rather than reports: "It is hard to ...", "That was rare".
# How something looks, judged: "look prescient", "seems unusually tense".
_LOOKS_ADJECTIVE = r"(?:\w+ly\s+)?[a-z]+(?:ent|ous|ful|ive|ic|al|ble|less|ish)\b"
_JUDGEMENT_LEAD = re.compile(
    r"^\W*(?:it|this|that)\s+(?:is|was|’s|'s|seems|seemed)\s+(?:\w+ly\s+)?(?:hard|easy|"
    r"difficult|impossible|possible|tempting|fair|unusual|rare|striking|remarkable|worth|"
    r"important|unclear|true|ironic|telling)\b"
    # "Mr Sunak's warnings in the summer now look prescient, and ...": how things look now.
    rf"|^[^,;:]{{0,80}}?\b(?:look|looks|seem|seems)\s+{_LOOKS_ADJECTIVE}",
    re.IGNORECASE,
)
# A nominal trigger that only frames the sentence: "His resignation comes after ...".
_FRAMED_AFTER = re.compile(r"\s+(?:comes|came)\s+(?:\w+\s+){0,3}?(?:after|as|amid|weeks|days)\b")
# A nominal trigger judged by a present copula: "The partnership ... is a masterstroke".
_EVALUATIVE = re.compile(
    r"^[^,;]{0,80}?\b(?:(?:is|are|’s|'s|remains|seems|looks)\s+(?:a|an|the|more|not|just|"
    rf"only|no|also|still|clear|seen|likely)\b|(?:look|looks|looked|seem|seems|seemed)\s+"
    rf"{_LOOKS_ADJECTIVE})",
    re.IGNORECASE,
)
_PROGRESSION = re.compile(
    r"\b(?:then|after\s+that|afterwards?|later|next|subsequently|following|soon|"
    r"within\s+(?:days|weeks|months|hours)|since\s+then|by\s+then|eventually)\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = "|".join(sorted(NEWS_PAST))
_PAST_VERB = re.compile(rf"\b(?:[a-z][a-z-]+ed|{_IRREGULAR_PAST})\b")
_NOT_VERBS = {
    "based", "related", "called", "used", "needed", "advanced", "interested", "limited",
    "united", "detailed", "dedicated", "hundred", "indeed", "speed", "need", "red", "bed",
    "shed", "proceed", "seed", "feed", "exceed", "succeed", "breed", "greed", "weed",
    "bleed", "deed", "heed", "reed", "tweed", "creed", "shred", "sacred", "wicked",
    "naked", "aged", "skilled", "talented", "biased", "tired", "bored", "so-called",
    "expected", "supposed", "alleged", "unexpected", "unprecedented", "crowded",
    "automated", "sophisticated", "complicated", "concerned", "experienced",
}  # fmt: skip
# Past-tense verbs of saying, thinking and being: they narrate, they do not happen.
_NOT_HAPPENINGS = {
    "said", "told", "was", "were", "had", "predicted", "expected", "hoped", "believed",
    "thought", "felt", "seemed", "appeared", "wanted", "needed", "liked", "noted",
    "added", "argued", "suggested", "claimed", "described", "called", "knew", "saw",
    "considered", "wondered", "remained", "looked", "sounded", "became", "stayed",
    "weighed", "mulled", "explored", "eyed", "contemplated", "pondered",
}  # fmt: skip
# Before a past form, these make it a passive or an adjective: "is expected", "looking
# isolated", "seemed tired", "became frustrated".
_PRESENT_AUX = re.compile(
    r"\b(?:is|are|am|’s|'s|remains?|seems?|seemed|looks?|looking|looked|appears?|appeared"
    r"|feels?|felt|became|becomes?|stays?|stayed)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_ATTRIBUTIVE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our|this|these|those|more|most|very|well|newly|"
    r"so|too|less|fully|highly)\s+$",
    re.IGNORECASE,
)
_NEGATED_PAST = re.compile(r"^(?:didn’t|didn't|did\s+not|was\s+not|wasn’t|wasn't)", re.I)
_FINITE = re.compile(
    r"\b(?:is|are|am|was|were|has|have|had|did|remains|seems|gives|makes)\b|’s\b|'s\b"
    r"(?=\s+(?:a|an|the|not|been|\w+ing|\w+ed)\b)",
    re.IGNORECASE,
)
_PERFECT_AUX = re.compile(r"\b(?:has|have|’ve|'ve)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_PAST_AUX = re.compile(rf"\b(?:{'|'.join(AUXILIARY_PAST)})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)
_MONEY = re.compile(
    r"\$\s?(\d+(?:[.,]\d+)*)\s*(trillion|billion|million|thousand|tn|bn|[bmk])?\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"(?<![$\d.,])(\d+(?:\.\d+)?)\s+(trillion|billion|million)\b|(?<![$\d.,])(\d{1,3}(?:,\d{3})+)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_SCALE = {
    "trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6,
    "m": 1e6, "thousand": 1e3, "k": 1e3,
}  # fmt: skip
_DATING_TYPES = {"DATE", "TIME"}
# A year or a season in focus dates only the next sentence: background years ("founded
# in 2013") are followed by later history far more often than a month is.
_FINE = frozenset({"day", "week", "month"})
_PAST_FORM = re.compile(rf"\w+ed|{_IRREGULAR_PAST}")
# ", who ...", ", which ...", ", many of whom ...": a clause describing what was named.
_NONRESTRICTIVE = re.compile(
    r",\s+(?:(?:many|most|some|all|several|none|few|one|two|both|each)\s+of\s+)?"
    r"(?:who|whom|which|whose)\b"
)
_RELATIVE_CLAUSE = re.compile(_NONRESTRICTIVE.pattern + r"[^,;:—–]*")  # the whole clause
_SEPARATOR = re.compile(r"[;:—–]")
# A kind of people described by what they did ("Investors who poured money into ...",
# "The people who praised its founder"): lower-case words only before the noun, so "The
# Singapore companies that own the Dali" names someone and stays a report.
_GENERIC_SUBJECT = re.compile(
    r"^\W*(?:[Tt]he\s+)?(?:[a-z]+\s+){0,2}(?i:people|investors|companies|firms|banks"
    r"|customers|users|voters|workers|those|others|critics|executives|lawmakers)"
    r"\s+(?:who|that|which)\b"
)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|’ve|'ve)\s+(?:\w+ly\s+|not\s+|also\s+)?$", re.I)
# A participle set off by commas describes a noun: ", suspended from his duties,".
_APPOSITIVE_PARTICIPLE = re.compile(r",\s$")
_APPOSITIVE_CLOSE = re.compile(
    r"[^,;.\d]{0,40},\s+(?:was|were|is|are|has|had|remains|will)\b"  # ", founded in 1856," dates
)
_THEN_CAME = re.compile(r"^\W*(?:and\s+)?(?:then|next|now)\s+(?:came|comes)$", re.IGNORECASE)
# An open question around a trigger: "is not who replaces", "nobody knows whether ...".
_OPEN_QUESTION = re.compile(
    r"\b(?:is|was|are|not|knows?|asks?|asked|wonders?|question)\s+"
    r"(?:who|whom|whether|what|how|why)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A nominal happening used to say when something else is: "before the party's autumn
# conference", "ahead of the summit", "until the hearing".
_TIME_REFERENCE = re.compile(
    r"\b(?:before|after|ahead\s+of|until|since)\s+(?:the|its|his|her|their|this|that|"
    r"[\w-]+(?:'s|’s))\s+(?:[\w-]+(?:'s|’s)?\s+){0,2}$",
    re.IGNORECASE,
)
# A perfect verb phrase of its own between a trigger and a later date: the date is that
# verb's ("the two astronauts it had carried there in June").
_PERFECT_BETWEEN = re.compile(
    r"\b(?:had|has|have)\s+(?:\w+ly\s+|not\s+)?[a-z]+(?:ed|en|wn|ne|ght|lt|id)\b"
)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’,-]+\s+){1,8}$", re.IGNORECASE)
_MANNER = re.compile(r"\bthe\s+(?:way|manner)\s+(?:in\s+which\s+)?(?:\w+\s+){1,2}$", re.I)
# A date inside what something is compared with: "than the strike of 2007", "than in 2019".
_COMPARED_WITH = re.compile(
    r"\b(?:than|again\s+as)\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){1,3}(?:of|in)\s+"
    r"(?:\d{4}\s+(?:and|or|to)\s+)?$|\bthan\s+in\s+$",
    re.IGNORECASE,
)
_RANGE_START = re.compile(r"\d{4}\s*[-–—]\s*$")
_IN_NUMBER = re.compile(r"\d[,.]$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)\s+$", re.I)
_LOWER_AFTER = re.compile(r"\s+[a-z]")
_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
_YEAR = re.compile(r"\d{4}")
_UNDATING_MODS = {"BEFORE", "ON_OR_BEFORE", "LESS_THAN"}
_POSSESSIVE_AFTER = re.compile(r"(?:’s|'s)\b")
_POSSESSIVE_BEFORE = re.compile(r"\w(?:’s|'s)\s+$")
_DAY_DATE = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\b\d{1,2}\s+[A-Z][a-z]{2,8}\b")
_FUNCTION_AFTER = re.compile(
    r"\s+(?:and|or|to|in|at|on|as|of|for|with|by|from|that|which|when|where|while|after|"
    r"before|until|than|but|so|the|a|an|is|was|were|are|had|has|have|it|its|he|she|they|"
    r"this|last|next|morning|afternoon|evening|night)\b"
)
_DEICTIC = re.compile(
    rf"\b(?:{'|'.join(FULL_WEEKDAYS)}|yesterday|today|tonight|tomorrow|weekend"
    r"|(?:this|last|next|past|previous|coming)\s+week)\b",
    re.IGNORECASE,
)
_ABSOLUTE = re.compile(
    rf"\d|\b(?:{'|'.join(sorted({month[:3] for month in MONTHS}))})[a-z]*\b", re.IGNORECASE
)
# "went public in 2019 and moved its headquarters two years later", "cut its forecast
# two days later, after it discontinued the phone on Tuesday": a second clause with its
# own past verb, after "and" or "after it", may tell a second happening.
_SECOND_CLAUSE = re.compile(
    r",?\s+(?:and\s+(?:(?:then|later|also|subsequently|soon|quickly|eventually)\s+)?|"
    r"(?:after|before)\s+(?:it|he|she|they)\s+)(?=[a-z])"
)
_WORD_AT = re.compile(r"[a-z]+")
_HEDGED_NOUN = re.compile(
    r"\b(?:potential|possible|proposed|planned|rumou?red|likely|any|future|hypothetical)\s+$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:since|ever\s+since)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_DEADLINE = re.compile(r"\b(?:by|before|no\s+later\s+than)\s+$", re.IGNORECASE)
# A happening completed by a time: the past perfect ("had signed", "had scrapped").
_DONE_BY = re.compile(r"\bhad\s+(?:already\s+|nearly\s+|largely\s+)?[a-z]+(?:ed|en|un|ne)\b")
_NOUN_USE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|whose)|\d)\s+$", re.IGNORECASE)
# An adverb right before the verb saying the happening is recent.
_RECENT = re.compile(r"\b(?:now|recently|just|newly)\s+(?:\w+\s+)?$", re.IGNORECASE)
# What a document says happened ("According to the summary, the board dismissed him"):
# the happening is the document's subject, not news of the day the document came out.
_DOCUMENT_SAYS = re.compile(
    r"^\W*according\s+to\s+(?:the|its|a|an|their)\s+(?:[\w-]+\s+){0,2}?(?:summary|report|review"
    r"|findings|filing|documents?|complaint|lawsuit|indictment|investigation|analysis|study"
    r"|memo|letter|transcript)\b",
    re.IGNORECASE,
)


def _month_of(day: dt.date) -> DateSpan:
    """The calendar month holding `day`, at month precision."""
    return span_of(f"{day:%Y-%m}")


_DEFINITE_PART = re.compile(rf"^\W*{DEFINITE_PART}", re.IGNORECASE)
_ORG_ANAPHOR = re.compile(rf"\b{ORG_ANAPHOR}", re.IGNORECASE)
# "the airline had scrapped": an organisation anaphor right before the trigger.
_ORG_ANAPHOR_SUBJECT = re.compile(rf"\b{ORG_ANAPHOR}\s+{SUBJECT_TO_VERB}$", re.IGNORECASE)
# A sentence that opens on a demonstrative ("This includes ...", "That move meant ...").
_DEMONSTRATIVE_LEAD = re.compile(rf"^\W*{DEMONSTRATIVE}", re.IGNORECASE)
_SAME_DAY = re.compile(
    r"(?:the\s+same|that(?:\s+same)?)\s+(?:day|morning|afternoon|evening|night)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Number:
    """A key number of an event: an amount of money (in units) or a percentage."""

    kind: str
    value: float
    text: str

    def matches(self, other: Number) -> bool:
        """Same kind and within 5%: "$14.3 billion" and "$14 billion" are one amount."""
        if self.kind != other.kind:
            return False
        top = max(abs(self.value), abs(other.value))
        return top == 0 or abs(self.value - other.value) / top <= 0.05


@dataclass(slots=True)
class EventMention:
    """One passage reporting a happening, with what it takes to cluster and date it."""

    article: str
    start: int
    end: int
    quote: str
    position: int
    action: str
    actions: tuple[str, ...]
    trigger: str
    trigger_start: int
    entities: tuple[str, ...]
    numbers: tuple[Number, ...]
    time: TimeMention | None = None
    date: DateSpan | None = None
    dated_by: str = ""
    tense: str = "past"
    strength: float = 1.0
    subject: str = ""
    agent: str = ""
    # The day the article says it was written, when it says so: nothing it reports as
    # done can have happened after it.
    written: dt.date | None = None


_POSSESSOR_BEFORE = re.compile(r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)(?:'s|’s)\s+$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
_PASSIVE_LEAD = re.compile(r"(?i:was|were|been|is|are)\s")
# Departures that someone else decides: the person removed is named after the verb.
REMOVAL = re.compile(r"(?i:removed|fired|ousted|sacked|dismissed|pushed\s+out|forced\s+out)")


def leaver(m: EventMention) -> str:
    """Who leaves in a departure mention (one of its entities), or "" when unsure.

    Someone removed ("the board removed Ann Lee", "fired Mr Lee") is the first name after
    the verb; someone who leaves ("Bo Chan quit", "who resigned") is the mention's actor,
    else the last name before the verb.
    """
    if m.action != "departure":
        return ""
    return _leaver_of(m.quote, m.trigger, m.trigger_start - m.start, m.entities, m.agent)


@lru_cache(maxsize=1 << 14)
def _leaver_of(quote: str, trigger: str, at: int, entities: tuple[str, ...], agent: str) -> str:
    if at < 0 or at > len(quote):
        return ""
    if REMOVAL.match(trigger) and not _PASSIVE_BEFORE.search(quote, max(0, at - 24), at):
        return _named_near(quote[at + len(trigger) :], entities, first=True)
    owner = _POSSESSOR_BEFORE.search(quote, max(0, at - 60), at)
    if owner:
        # "triggered by Boris Johnson's resignation in July": whose resignation it is.
        named = _named_near(owner.group(1), entities, first=False)
        if named:
            return named
    # "Ann Lee quit", and the passive "Jorge Vilda ... was dismissed": the name before.
    return agent or _named_near(quote[:at], entities, first=False)


def closed_party(m: EventMention) -> str:
    """What a closure shuts: the name before a passive ("Signature Bank ... was closed
    by"), else the first name after the verb ("seized First Republic Bank"); or ""."""
    if m.action != "closure":
        return ""
    at = m.trigger_start - m.start
    if at < 0 or at > len(m.quote):
        return ""
    if _PASSIVE_LEAD.match(m.trigger):
        return m.agent or _named_near(m.quote[:at], m.entities, first=False)
    return _named_near(m.quote[at + len(m.trigger) :], m.entities, first=True)


def deal_parties(m: EventMention) -> frozenset[str]:
    """Who deals with whom in an acquisition or investment: its actor and the first name
    after the verb ("UBS agreed to buy Credit Suisse"), empty when either is unknown."""
    if m.action not in ("acquisition", "investment") or not m.agent:
        return frozenset()
    at = m.trigger_start - m.start
    if at < 0 or at > len(m.quote):
        return frozenset()
    target = _named_near(m.quote[at + len(m.trigger) :], m.entities, first=True)
    return frozenset({m.agent, target}) if target and target != m.agent else frozenset()


def agreement_parties(m: EventMention) -> frozenset[str]:
    """Who agrees with whom in a deal: its actor and the first name after "with" ("The
    Directors Guild reached a tentative agreement with the studios"); what is known."""
    if m.action != "deal":
        return frozenset()
    at = m.trigger_start - m.start
    if at < 0 or at > len(m.quote):
        return frozenset()
    after = m.quote[at + len(m.trigger) :]
    partner = (
        _named_near(after[after.find(" with ") :], m.entities, first=True)
        if " with " in after
        else ""
    )
    return frozenset({m.agent, partner}) - {""}


@lru_cache(maxsize=1 << 14)
def _named_near(text: str, entities: tuple[str, ...], *, first: bool) -> str:
    """The entity named first (or last) in `text`, found by its capitalised name words."""
    best, best_at = "", -1
    for name in entities:
        words = [w for w in name.split() if len(w) > 2 and w[0].isupper()]
        found = [(text.find(w) if first else text.rfind(w)) for w in words]
        found = [f for f in found if f >= 0]
        if not found:
            continue
        place = min(found) if first else max(found)
        if best_at < 0 or (place < best_at if first else place > best_at):
            best, best_at = name, place
    return best


def _decimal(digits: str) -> float | None:
    """ "14.3" -> 14.3, "1,200" -> 1200.0; None for a malformed figure ("385.20.0")."""
    try:
        return float(digits.replace(",", ""))
    except ValueError:
        return None


def find_numbers(text: str) -> tuple[Number, ...]:
    """Money amounts and percentages in a passage, normalised for matching."""
    out = []
    for m in _MONEY.finditer(text):
        amount = _decimal(m.group(1))
        if amount is None:
            continue  # "$385.20.0": no amount a reader could match
        value = amount * _SCALE.get((m.group(2) or "").lower(), 1)
        out.append(Number("money", value, m.group(0).strip()))
    for m in _COUNT.finditer(text):
        if m.group(1):
            value = float(m.group(1)) * _SCALE[m.group(2).lower()]
        else:
            value = float(m.group(3).replace(",", ""))
        out.append(Number("count", value, m.group(0).strip()))
    for m in _PERCENT.finditer(text):
        out.append(Number("percent", float(m.group(1)), m.group(0)))
    return tuple(out)


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`, approximated by punctuation and coordinating words."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, pos):
        start = m.end()
    nxt = _CLAUSE_BREAK.search(text, pos)
    return start, nxt.start() if nxt else len(text)


def _is_asserted(text: str, match: re.Match[str], verbal: bool) -> bool:
    """Whether a trigger reports a fact: not hedged, not scene-setting, not a judgement."""
    pos = match.start()
    cs, ce = _clause(text, pos)
    if _MODAL.search(text, max(cs, pos - 60), pos):
        return False
    if (
        verbal
        and not match.group(0).endswith("ed")
        and " " not in match.group(0).strip()
        and _NOUN_USE.search(text, max(0, pos - 12), pos)
    ):
        # "after the July 19 crash", "the launch": a noun, not a report. (A phrase that
        # holds its verb, "the law firm had found that", is no such noun.)
        return False
    lead = _BACKGROUND_LEAD.match(text)
    if lead and pos < lead.end():
        return False
    if _JUDGEMENT_LEAD.match(text):
        return False  # "It is hard to apologise convincingly for ...": a judgement
    if not verbal and _FRAMED_AFTER.match(text, match.end()):
        return False  # "His resignation comes after a fortnight in which ...": framing
    if _MANNER.search(text, max(0, pos - 30), pos):
        return False  # "the way they acted": how something was done, a noun phrase
    if (
        verbal
        and _APPOSITIVE_PARTICIPLE.search(text, max(0, pos - 3), pos)
        and (_APPOSITIVE_CLOSE.match(text, match.end()))
    ):
        return False  # "an impeached president, suspended from his duties, was able to"
    if verbal and _THEN_CAME.match(text[: match.end()]):
        return False  # "Then came Wednesday.": the narrative turns, the next sentences tell
    if _OPEN_QUESTION.search(text, max(0, pos - 50), pos):
        return False  # "the question is not who replaces him": asked, not reported
    if not verbal:
        if _HEDGED_NOUN.search(text, max(0, pos - 20), pos):
            return False  # "sidesteps potential backlash", "a possible acquisition of"
        if _TIME_REFERENCE.search(text, max(0, pos - 50), pos):
            return False  # "a new leader in place before the party's conference": a when
        after = text[match.end() : ce]
        if _MODAL.search(after[:80]) or _EVALUATIVE.match(after):
            return False
    return True


def past_verbs(text: str) -> list[re.Match[str]]:
    """Finite past-tense verbs of a sentence (regular -ed forms and common irregulars)."""
    return list(_past_verbs(text))


@lru_cache(maxsize=1 << 16)
def _past_verbs(text: str) -> tuple[re.Match[str], ...]:
    out = []
    for m in _PAST_VERB.finditer(text):
        word = m.group(0)
        if word in _NOT_VERBS or word.endswith("eed"):
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        if _PRESENT_AUX.search(before) or _ATTRIBUTIVE.search(before):
            continue  # "is expected", "a calculated risk": present passives, adjectives
        out.append(m)
    return tuple(out)


def _tense(text: str, match: re.Match[str], verbal: bool) -> str:
    """The tense of the trigger's clause: "past", "perfect" or "present"."""
    before = text[max(0, match.start() - 30) : match.start()]
    if verbal:
        word = match.group(0).split()[0].lower()
        if _NEGATED_PAST.match(match.group(0)):
            return "past"
        if _PERFECT_AUX.search(before):
            return "perfect"
        if _PAST_AUX.search(before):
            return "past"
        if _PRESENT_AUX.search(before):
            return "present"  # "is hiring", "are released"
        if _PAST_FORM.fullmatch(word):
            return "past"
        words = match.group(0).lower().split()
        if any(_PAST_FORM.fullmatch(w) for w in words):
            return "past"
        return "present"
    # A noun trigger takes the tense of the clause's first finite verb after it ("Meta's
    # latest offering, X, is a model"), else of the verb that governs it ("approved an
    # investment").
    cs, ce = _clause(text, match.start())
    after = _finite_tense(text[match.end() : ce])
    return after or _finite_tense(text[cs : match.start()], last=True) or "present"


def _finite_tense(text: str, last: bool = False) -> str:
    found = []
    for m in _FINITE.finditer(text):
        word = m.group(0).lower()
        if word in ("has", "have", "’ve", "'ve"):
            found.append((m.start(), "perfect"))
        elif word in ("is", "are", "’s", "'s", "am", "remains", "seems", "gives", "makes"):
            found.append((m.start(), "present"))
        else:
            found.append((m.start(), "past"))
    for m in past_verbs(text):
        found.append((m.start(), "past"))
    if not found:
        return ""
    found.sort()
    return found[-1][1] if last else found[0][1]


def find_triggers(text: str) -> list[tuple[str, re.Match[str], bool]]:
    """Asserted action triggers in a sentence, in text order (class, match, is verb)."""
    return list(_find_triggers(text))


@lru_cache(maxsize=1 << 16)
def _find_triggers(text: str) -> tuple[tuple[str, re.Match[str], bool], ...]:
    # Cached: inferring an article's date detects its events again for each candidate.
    found = []
    for m in _TRIGGER_RE.finditer(text[:1].lower() + text[1:]):
        cls, verbal, _ = _GROUPS[int(m.lastgroup[1:])]
        if _is_asserted(text, m, verbal):
            found.append((cls, m, verbal))
    return tuple(found)


def _in_background_clause(text: str, match: re.Match[str]) -> bool:
    """Whether a trigger sits in a clause that describes, not reports.

    A non-restrictive relative clause (", who co-founded the company,") or a
    subordinate clause after a main clause that has its own past verb ("walked on
    stage to collect the prize, given for the update that crashed computers")
    tells background: the sentence's news is its main verb.
    """
    before = text[: match.start()]
    relative = list(_NONRESTRICTIVE.finditer(before))
    if relative and "," not in before[relative[-1].end() :]:
        return True
    sub = _SUBORDINATOR.search(before)
    if sub is None or sub.group(0).lower() in ("when", "after", "before", "since", "until"):
        return False
    reported = _REPORTED_THAT.search(before)
    if reported is not None and reported.end() == sub.end():
        return False  # "told lawmakers that the company was sorry": what is reported is news
    return bool(past_verbs(before[: sub.start()]))


def _main_trigger(
    text: str, triggers: list[tuple[str, re.Match[str], bool]]
) -> tuple[str, re.Match[str], bool]:
    """The trigger that tells the sentence's own happening.

    A strong action wins over a weak one ("approved a huge investment"), unless it sits
    in a clause embedded after the first trigger ("said it estimates 8.5 million
    devices were knocked out by the update that crashed ..."): embedded clauses
    describe background, the first trigger the news.
    """
    first = triggers[0]
    for t in triggers:
        if t[0] in WEAK_ACTIONS:
            continue
        between = text[first[1].end() : t[1].start()]
        if t is first or not _SUBORDINATOR.search(between):
            return t
        break
    return first


def _announcement(text: str) -> re.Match[str] | None:
    """The reporting verb of a sentence that announces what will happen, if it is one.

    The sentence reports something to come (a modal or "will") through a reporting verb in
    the past that is not itself hedged ("would say") and not inside a background clause:
    either the speaker comes first and the future follows, or a named party's plan opens
    the sentence. Whether a date of its own governs the verb is the caller's check.
    """
    modals = [x.start() for x in _MODAL.finditer(text)]
    if not modals:
        return None
    for m in _ANNOUNCING.finditer(text):
        if m.start() in modals or _MODAL.search(text, max(0, m.start() - 20), m.start()):
            continue  # "promised to be a long one" is no promise; "would say" no report
        if not any(at > m.start() for at in modals) and not _NAMED_WILL.match(text):
            # The speaker comes first ("officials said on Sunday that every depositor
            # would ..."), or a named party's plan opens the sentence ("Microsoft will
            # hire Sam Altman ..., Satya Nadella said"); a future aside before a bare
            # "said" ("the deposits would be repaid, JPMorgan said") is no announcement.
            continue
        if not _in_background_clause(text, m):
            return m
    return None


def _generic_trigger(text: str) -> tuple[str, re.Match[str], bool] | None:
    """A sentence's first asserted past-tense verb, for dated sentences with no known class.

    In news, a sentence that states its own date and reports in the past tense
    almost always tells a happening; its class is the verb itself ("v:apologise").
    """
    if _MODAL.search(text):
        return None  # a sentence about the future or a possibility reports no happening
    for m in past_verbs(text):
        if m.group(0) in _NOT_HAPPENINGS or not _is_asserted(text, m, True):
            continue
        if _PERFECT_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "has left them looking isolated": a present state, and no date fits it
        if _in_background_clause(text, m):
            continue
        return "other", m, True
    return None


def _governing_time(
    passage: Passage, mentions: list[TimeMention], trigger_abs: int
) -> tuple[TimeMention, DateSpan] | None:
    """The DATE expression of the sentence that governs its trigger, with its interval.

    The nearest one wins, but one in the trigger's own clause beats one across a
    subordinate clause boundary ("apologised on Friday for the failure that began on
    July 19" is dated Friday).
    """
    best = None
    text = passage.text
    masked = _mask_reported(text)
    for tm in mentions:
        if tm.start < passage.start or tm.end > passage.end or not _can_date(passage, tm):
            continue
        span = span_of_mention(tm)
        if span is None:
            continue
        if tm.end <= trigger_abs:
            lo, hi = tm.end - passage.start, trigger_abs - passage.start
        else:
            lo, hi = trigger_abs - passage.start, tm.start - passage.start
        between = masked[lo:hi]
        if _RELATIVE.search(between) or _in_other_relative(text, tm.start - passage.start, lo, hi):
            continue  # the date belongs to another clause ("whom it invited in July")
        perfect = _PERFECT_BETWEEN.search(between) if tm.start >= trigger_abs else None
        if perfect and "," not in between[perfect.end() :]:
            # "undocked without the astronauts it had carried there in June" (but "fired
            # him, the coach he had defended, last Tuesday": the aside is closed).
            continue
        crossed = bool(_SUBORDINATOR.search(between) or _SEPARATOR.search(between))
        distance = min(abs(tm.start - trigger_abs), abs(tm.end - trigger_abs))
        key = (crossed, distance, tm.start)
        if best is None or key < best[0]:
            best = (key, tm, span)
    return (best[1], best[2]) if best else None


@lru_cache(maxsize=1 << 12)
def _mask_reported(text: str) -> str:
    """The text with each "said (on Saturday) that" blanked out, offsets kept."""
    return _REPORTED_THAT.sub(lambda m: " " * len(m.group(0)), text)


def _in_other_relative(text: str, at: int, lo: int, hi: int) -> bool:
    """Whether offset `at` lies in a non-restrictive relative clause (", which was
    founded in 2011 and ...,") that does not also hold the span lo..hi."""
    for m in _RELATIVE_CLAUSE.finditer(text):
        if m.start() <= at < m.end() and not (m.start() <= lo and hi <= m.end()):
            return True
    return False


def _can_date(passage: Passage, tm: TimeMention) -> bool:
    """Whether a time mention may date an event or set the focus at all.

    A duration dates nothing, unless it counts from the story's current date ("two
    years later"): then the tagger's anchor is the date it points to.
    """
    if tm.type not in _DATING_TYPES and not (tm.type == "DURATION" and tm.anchor_value):
        return False
    if tm.mod in _UNDATING_MODS or _is_modifier(passage, tm):
        return False
    before = passage.text[: tm.start - passage.start]
    if _IN_NUMBER.search(before):
        return False  # "7,000" is a number, not the year 2000
    if _RANGE_START.search(before):
        return False  # "by 2027-28": the range's first year says what the span does
    if _COMPARED_WITH.search(before, max(0, len(before) - 60)):
        return False  # "lasted longer than the 100-day strike of 2007": the other one's
    if _SINCE.search(before):
        return False  # "the third bank to collapse since March": a span's start, no date
    if _DEADLINE.search(before) and not _DONE_BY.search(passage.text):
        # "respond by Wednesday", "must be returned by Friday": a deadline, not a date.
        # ("had signed a letter by Monday afternoon" is done by then: it dates.)
        return False
    # "rose 32% from a year earlier" is a baseline; "AUSTIN, July 19, 2024 — " a dateline.
    return not (_BASELINE.search(before) or DATELINE.match(passage.text[len(before) :]))


def _is_modifier(passage: Passage, tm: TimeMention) -> bool:
    """A date used as a modifier inside a noun phrase: "the 2000 presidential election",
    "after the July 19 software failure", "Friday's incident". It names when the noun's
    happening took place, not when the sentence's did."""
    before = passage.text[: max(0, tm.start - passage.start)]
    after = passage.text[max(0, tm.end - passage.start) :]
    if _POSSESSIVE_AFTER.match(after):
        return True
    if _YEAR.fullmatch(tm.text) and _WORD_AFTER.match(after):
        # "the 2000 presidential election", and a name: "the 1922 Committee".
        return bool(_DETERMINER_BEFORE.search(before))
    if not _LOWER_AFTER.match(after):
        return False
    return bool(
        _DAY_DATE.search(tm.text)
        and not _FUNCTION_AFTER.match(after)
        and (_DETERMINER_BEFORE.search(before) or _POSSESSIVE_BEFORE.search(before))
    )


def span_of_mention(tm: TimeMention) -> DateSpan | None:
    """The interval a time mention dates: its value, or for a counted duration ("two
    days later") the date its anchor points to."""
    if tm.type == "DURATION":
        return span_of(tm.anchor_value) if tm.anchor_value else None
    return span_of(tm.value, tm.mod)


def is_deictic(tm: TimeMention) -> bool:
    """A day or week named only relative to the article's own date ("on Wednesday",
    "last week", "yesterday"): right only if that date is."""
    return bool(_DEICTIC.search(tm.text)) and not _ABSOLUTE.search(tm.text)


def _is_report(passage: Passage, alone: bool) -> bool:
    """Whether a passage can report at all (`alone`: it is its paragraph's only one)."""
    text = passage.text.strip()
    if passage.boilerplate or not text:
        return False
    if text.endswith("?") or _CONDITIONAL.match(text):
        return False
    # A heading (a line of its own without final punctuation, few words, or title case)
    # names a topic, it does not report. A piece of run-on text is no heading.
    unpunctuated = text[-1] not in '.!"”’'
    return not (unpunctuated and ((alone and len(text.split()) <= 12) or is_heading(text)))


def detect_events(
    article: str,
    passages: list[Passage],
    mentions: list[TimeMention],
    index: EntityIndex,
    reference: dt.date | None = None,
    deictic: bool = True,
) -> list[EventMention]:
    """The event mentions of one article, dated where the text allows it.

    `reference` is the article's own date: a strong action reported in the present
    tense ("is hiring", "its latest offering") is news of the day the article was
    written, so it is dated to that day, with the least weight of all datings.
    `deictic=False` (the reference was inferred, not stated) keeps days named only
    relative to it ("on Wednesday", "last week") from dating anything: an inferred
    date a few days off would misdate each of them.
    """
    out: list[EventMention] = []
    focus: tuple[TimeMention, DateSpan, int, int] | None = None  # mention, span, para, pos
    ordered = sorted(mentions, key=lambda tm: tm.start)
    starts = [tm.start for tm in ordered]
    recent: list[list[tuple[int, str]]] = []  # names of the last three passages
    per_paragraph = Counter(p.paragraph for p in passages)
    for position, passage in enumerate(passages):
        lo = bisect_left(starts, passage.start)
        hi = bisect_left(starts, passage.end)
        local = _same_day(ordered[lo:hi], focus)
        if not deictic:
            kept = [tm for tm in local if not is_deictic(tm)]
            if len(kept) < len(local):
                # The sentence names its own day, one we cannot know: it neither takes
                # the focus nor leaves it standing.
                focus = None
            local = kept
        named = _named(passage, index)
        parts = _split_clauses(passage, local) if _is_report(passage, False) else None
        before = len(out)
        if parts is None:
            mention = _mention(
                article,
                position,
                passage,
                local,
                index,
                focus,
                reference,
                named,
                recent,
                per_paragraph[passage.paragraph] == 1,
            )
            if mention is not None:
                out.append(mention)
        else:
            out.extend(
                _clause_mentions(
                    article, position, parts, local, index, focus, reference, recent, named
                )
            )
        if deictic and reference is not None:
            for mention in out[before:]:
                mention.written = reference
                if mention.tense == "past" and mention.date and mention.date.start > reference:
                    # "Writers went back to work" after "the contract runs until May 1,
                    # 2026": a happening told in the past cannot lie after the day its
                    # article was written; the date belongs to something else.
                    mention.date = mention.time = None
                    mention.dated_by = ""
        if passage.boilerplate:
            continue
        names = _Names(named)
        names.subjects = sentence_subjects(passage.text, index, passage.start)
        recent.append(names)
        del recent[:-3]
        anchored = False
        stated = [
            m
            for m in out[before:]
            if m.dated_by == "sentence" and m.time is not None and m.time.mod != "AFTER"
        ]
        if stated:
            # The story's time is that of the happening just reported, not of a date in
            # one of its background clauses ("... the update that crashed two months ago").
            focus = (stated[-1].time, stated[-1].date, passage.paragraph, position)
            anchored = True
        for tm in local if not stated else ():
            if _in_other_relative(passage.text, tm.start - passage.start, -1, -1):
                continue  # a date in a relative clause (", which ended July 31") is background
            if _can_date(passage, tm) and tm.end <= passage.end and tm.mod != "AFTER":
                span = span_of_mention(tm)
                if span is not None:
                    focus = (tm, span, passage.paragraph, position)
                    anchored = True
        if not anchored and (
            _PROGRESSION.search(passage.text) or any(tm.mod == "AFTER" for tm in local)
        ):
            # Story time moved on ("right after that", "then") without a new anchor:
            # what follows happened after the focus, not in it.
            focus = None
    return out


def _same_day(
    mentions: list[TimeMention], focus: tuple[TimeMention, DateSpan, int, int] | None
) -> list[TimeMention]:
    """ "The same day", "that evening" name the day in focus: the last date that could
    date an event, never a date used as a modifier ("the July 19 outage") or a day
    named relative to an inferred reference. With no such day they date nothing."""
    out = []
    for tm in mentions:
        if _SAME_DAY.fullmatch(tm.text.strip()):
            if focus is None or focus[1].precision != "day":
                continue
            tm = replace(tm, type="DATE", value=focus[1].start.isoformat(), mod="")
        out.append(tm)
    return out


def _split_clauses(passage: Passage, mentions: list[TimeMention]) -> list[Passage] | None:
    """A sentence that tells two happenings with two dates, cut in its clauses.

    "It went public in 2019 and moved its headquarters to Austin two years later": a
    second clause after "and" that opens with its own past verb and states a date that
    contradicts the first clause's date is a second happening. So is a clause after a
    semicolon with a past verb of its own ("The Queen appointed her on Sept. 6; two days
    later the Queen died"), and that clause may be cut again. One date, or none, and the
    sentence stays whole ("halted sales on Friday and announced a recall").
    """
    text = passage.text
    for m in re.finditer(";", text):
        if not _PAST_VERB.search(text, m.end()):
            continue
        left, right = _cut(passage, m.start(), m.end())
        if _dated_apart(left, right, mentions):
            return [left, *(_split_clauses(right, mentions) or [right])]
    for m in _SECOND_CLAUSE.finditer(text):
        word = _WORD_AT.match(text, m.end())
        if word is None:
            continue
        verb = word.group(0)
        if not _PAST_FORM.fullmatch(verb) or verb in _NOT_VERBS or verb in _NOT_HAPPENINGS:
            continue
        left, right = _cut(passage, m.start(), m.end())
        if _dated_apart(left, right, mentions):
            return [left, right]
    return None


def _cut(passage: Passage, stop: int, resume: int) -> tuple[Passage, Passage]:
    """The passage before offset `stop` and after offset `resume` (relative offsets)."""
    text = passage.text
    skipped = len(text[resume:]) - len(text[resume:].lstrip())
    left = Passage(passage.start, passage.start + stop, text[:stop], passage.paragraph)
    right = Passage(
        passage.start + resume + skipped, passage.end, text[resume + skipped :], passage.paragraph
    )
    return left, right


def _dated_apart(left: Passage, right: Passage, mentions: list[TimeMention]) -> bool:
    """Both parts state a date of their own, and no date of one agrees with the other's."""
    spans = []
    for part in (left, right):
        dated = [
            span_of_mention(tm)
            for tm in mentions
            if part.start <= tm.start and tm.end <= part.end and _can_date(part, tm)
        ]
        spans.append([d for d in dated if d is not None])
    return all(spans) and not any(dates_agree(a, b) for a in spans[0] for b in spans[1])


def dates_agree(a: DateSpan, b: DateSpan) -> bool:
    """Overlapping intervals agree: "2025" and "2025-06" do, "April" and "June" do not."""
    return a.start <= b.end and b.start <= a.end


def _clause_mentions(
    article: str,
    position: int,
    parts: list[Passage],
    mentions: list[TimeMention],
    index: EntityIndex,
    focus: tuple[TimeMention, DateSpan, int, int] | None,
    reference: dt.date | None,
    recent: list[list[tuple[int, str]]],
    sentence_named: list[tuple[int, str]],
) -> list[EventMention]:
    """The mentions of a sentence's clauses; the second shares the first's subject.

    Names are read in the whole sentence (`sentence_named`): a clause cut out of it has
    no final stop and may look like a title-case heading ("Mr Kwarteng was sacked on
    Oct. 14"), whose capitals would mean nothing.
    """
    out = []
    carried: list[str] = []
    subject = ""
    for part in parts:
        named = [(at, name) for at, name in sentence_named if part.start <= at < part.end]
        mention = _mention(
            article, position, part, mentions, index, focus, reference, named, recent, checked=True
        )
        if mention is not None and out:
            mention.entities = tuple(dict.fromkeys([*carried, *mention.entities]))
            if not any(off < mention.trigger_start for off, _ in named):
                mention.subject = mention.subject or subject
        if mention is not None:
            out.append(mention)
        if not carried:
            carried = [name for _, name in named]
            subject = _clause_subject(mention, named) if mention is not None else ""
    return out


def _clause_subject(mention: EventMention, named: list[tuple[int, str]]) -> str:
    """Who the first clause is about, for the clauses that share it: its actor, else the
    first name before its verb ("Mr Kwarteng was sacked ... and replaced by Mr Hunt")."""
    before = (name for at, name in named if at < mention.trigger_start)
    return mention.agent or mention.subject or next(before, "")


def _named(passage: Passage, index: EntityIndex) -> list[tuple[int, str]]:
    """(offset, story-wide name) of the entities a passage names, in text order."""
    if passage.boilerplate:
        return []
    out = []
    for em in find_entities(passage.text, passage.start):
        name = index.canonical(em.text)
        if name:
            out.append((em.start, name))
    # "generative AI" names the "GenAI" unit another article calls by its short form.
    expanded = index.expansions_in(passage.text, passage.start)
    return sorted(out + expanded) if expanded else out


# What follows a clause's subject: a finite verb, perhaps after an adverb or an aside.
_AFTER_SUBJECT = re.compile(
    rf"^(?:\s*,[^,;]{{1,60}},)?\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|are|was|were|will|"
    rf"would|could|can|may|might|did|does|[a-z][a-z-]+ed|{_IRREGULAR_PAST})\b|"
    # A present "-s" verb only before its object ("expects the", "says that"), so that a
    # plural noun ("American carriers including ...") is not taken for one.
    r"^\s+[a-z][a-z-]+[^s\W]s\s+(?:the|a|an|to|that|its|their|his|her|it|[A-Z$\d])"
)
# A word that makes the name after it a complement, not a subject.
_BEFORE_COMPLEMENT = re.compile(
    r"\b(?:of|from|with|by|to|at|in|on|for|against|than|as|about|into|and|or|the|a|an)\s+$",
    re.IGNORECASE,
)


class _Names(list):
    """(offset, name) of a passage's entities, with the names acting as subjects."""

    subjects: tuple[str, ...] = ()


def sentence_subjects(text: str, index: EntityIndex, offset: int = 0) -> tuple[str, ...]:
    """The story-wide names a sentence uses as the subject of a clause, in text order.

    A name is a subject when a finite verb follows it ("Delta Air Lines expects",
    "said Delta had") and no preposition, conjunction or article governs it ("from
    CrowdStrike", "the CrowdStrike outage" are complements or modifiers).
    """
    out = []
    for em in find_entities(text, offset):
        name = index.canonical(em.text)
        if not name or name in out:
            continue
        lo, hi = em.start - offset, em.end - offset
        if _BEFORE_COMPLEMENT.search(text[max(0, lo - 20) : lo]):
            continue
        if _AFTER_SUBJECT.match(text[hi:]):
            out.append(name)
    return tuple(out)


def _antecedent(recent: list[list[tuple[int, str]]], index: EntityIndex, kind: str) -> str:
    """Whom "it", "they", "the airline" or "he" means, chosen by grammatical role: the
    subject of the closest sentence before that has one of that kind ("Delta expects
    ..." then "the airline hired ..."), else the story's main actor among those just
    named, not whoever was named last ("the founder of Scale AI")."""
    for group in reversed(recent):
        for name in getattr(group, "subjects", ()):
            if index.kind(name) == kind:
                return name
    names = [n for group in recent for _, n in group if index.kind(n) == kind]
    if not names:
        return ""
    return max(names, key=lambda n: (index.count(n), -names.index(n)))


def _mention(
    article: str,
    position: int,
    passage: Passage,
    mentions: list[TimeMention],
    index: EntityIndex,
    focus: tuple[TimeMention, DateSpan, int, int] | None,
    reference: dt.date | None,
    named: list[tuple[int, str]],
    recent: list[list[tuple[int, str]]],
    alone: bool = True,
    checked: bool = False,
) -> EventMention | None:
    if not checked and not _is_report(passage, alone):
        return None
    text = passage.text
    found = find_triggers(text)
    triggers = [t for t in found if not _in_background_clause(text, t[1])]
    generic = None if triggers else _generic_trigger(text)
    time = None  # the date governing the chosen trigger, once a branch has found it
    if generic is not None and (
        time := _governing_time(passage, mentions, passage.start + generic[1].start())
    ):
        cls, match, verbal = generic
    elif triggers or (
        found
        and not _main_verb_before(text, found[0][1])
        # "... may calm the directors, but it is hard to see ..., many of whom joined":
        # a hedged main clause is comment; its background is no news either.
        and not _MODAL.search(text, 0, found[0][1].start())
    ):
        # With only background triggers and no reported main verb, the background is
        # all the sentence tells ("CrowdStrike, which was founded in 2011, ..."); when
        # the main clause reports its own happening ("walked on stage to collect the
        # prize, given for the update that crashed ..."), the background is not news.
        triggers = triggers or found
        cls, match, verbal = _main_trigger(text, triggers)
    elif (
        (announced := _announcement(text)) is not None
        and any(
            0 <= tm.start - passage.start - announced.end() <= 18
            # or in the sentence's opening phrase: "Earlier in the day, the president said"
            or tm.end - passage.start <= text.find(",") < announced.start()
            for tm in mentions
        )
        and (time := _governing_time(passage, mentions, passage.start + announced.start()))
    ):
        # (The date must follow the verb closely, "said late on Wednesday that", or open
        # the sentence: a date further on belongs to what was said.)
        # "Federal officials said on Sunday that every depositor would be repaid": what
        # will happen is no happening yet, but its announcement, on that day, is.
        cls, match, verbal = "statement", announced, True
        triggers = [(cls, match, verbal)]
    else:
        return None
    generic_subject = _GENERIC_SUBJECT.match(text)
    if generic_subject and match.start() - generic_subject.end() < 40:
        # "Investors who poured money into FTX ... helped build the trust": a kind of
        # people described by what they did is comment, not a happening.
        return None
    trigger_abs = passage.start + match.start()
    time = time or _governing_time(passage, mentions, trigger_abs)
    if not triggers and time is None:
        return None  # a past verb alone, with no date of its own, is narration
    entities = list(dict.fromkeys(name for _, name in named))
    subject = ""
    if not any(off < trigger_abs for off, _ in named):
        # "Founded in 2016, it has become ...": with no name before the trigger, a
        # pronoun subject refers to the last organisation ("it", "they") or person
        # ("he", "she") named before. It only names the subject of a title: as a
        # clustering clue it is too unsure.
        pronoun = _SUBJECT_PRONOUN.search(text[: match.start() + 40])
        if _DEFINITE_PART.match(text) and recent:
            # "The first version was released in 2023" after "Llama is Meta's model":
            # the version is the last-named product's (a name, not a person's).
            things = [n for _, n in recent[-1] if index.kind(n) != "person"]
            things.sort(key=lambda n: index.kind(n) != "product")  # a product first
            subject = things[0] if things else ""
        elif _DEMONSTRATIVE_LEAD.match(text) and recent:
            # "This includes hand-picking researchers ...": the demonstrative stands for
            # what the sentence before told, whose actor is its first named participant.
            actors = [n for _, n in recent[-1] if index.kind(n) in ("person", "organisation")]
            subject = actors[0] if actors else ""
        elif pronoun:
            wanted = "person" if pronoun.group(0).lower() in ("he", "she") else "organisation"
            subject = _antecedent(recent, index, wanted)
        elif _ORG_ANAPHOR.search(text, 0, match.start()):
            # "the airline hired a lawyer": the organisation the story was just about.
            subject = _antecedent(recent, index, "organisation")
    if not subject and _ORG_ANAPHOR_SUBJECT.search(text, 0, match.start()):
        # "..., and by Monday the airline had scrapped ...": the anaphor is the subject
        # of the trigger's own clause, whatever the sentence named before it.
        subject = _antecedent(recent, index, "organisation")
    numbers = find_numbers(text)
    tense = _tense(text, match, verbal)
    dated_by = ""
    tm = span = None
    # "have not met since their union went on strike": a happening named to say since
    # when is an earlier one; only a date of its own clause dates it.
    since = _SINCE_CLAUSE.search(text, max(0, match.start() - 60), match.start())
    if time is not None:
        tm, span = time
        dated_by = "sentence"
    elif since:
        pass
    elif (
        focus is not None
        and tense == "past"
        and passage.paragraph - focus[2] <= 2
        and position - focus[3] <= (3 if focus[1].precision in _FINE else 1)
        and not _PROGRESSION.search(text)
        and not _DOCUMENT_SAYS.match(text)
        and not any(t.type == "DURATION" and not t.anchor_value for t in mentions)
    ):
        # A sentence that states a stretch of time of its own ("cancelled 7,000 flights
        # over five days", "for months") sums up a period: it is no point in the focus.
        tm, span = focus[0], focus[1]
        dated_by = "focus"
    elif (
        # A present-tense report is news of its article's day, when it names someone
        # more specific than the story's protagonist ("V-JEPA 2", not just "Meta").
        reference is not None
        and tense == "present"
        and cls not in WEAK_ACTIONS
        and any(not index.is_protagonist(e) for e in entities)
    ):
        span = DateSpan(reference, reference, "day")
        dated_by = "reference"
    elif (
        # "Four scientists have already jumped ship", "has now hired", "recently
        # signed": the text itself says the happening is recent, so it falls in the
        # month the article was written (the month, not the day: how recent is unsaid).
        reference is not None
        and cls not in WEAK_ACTIONS
        and bool(triggers)
        and (tense == "perfect" or _RECENT.search(text, max(0, match.start() - 40), match.start()))
    ):
        span = _month_of(reference)
        dated_by = "reference"
    actions = [t[0] for t in triggers] or [f"v:{_lemma(match.group(0))}"]
    strong = cls not in WEAK_ACTIONS and bool(triggers)
    strength = 1.0 + 0.5 * strong + 0.5 * bool(numbers) + 0.25 * min(len(entities), 2)
    return EventMention(
        article=article,
        start=passage.start,
        end=passage.end,
        quote=text,
        position=position,
        action=cls if triggers else actions[0],
        actions=tuple(dict.fromkeys(actions)),
        trigger=match.group(0),
        trigger_start=trigger_abs,
        entities=tuple(entities),
        numbers=numbers,
        subject=subject,
        agent=_agent(text, named, passage.start, match) or subject,
        time=tm,
        date=span,
        dated_by=dated_by,
        tense=tense,
        strength=strength,
    )


def _main_verb_before(text: str, match: re.Match[str]) -> bool:
    """Whether a past-tense verb of happening precedes a trigger, outside any relative
    clause: the main clause's own news. A trigger inside a non-restrictive relative
    clause (", which was founded in 2011") is background whatever precedes it."""
    before = text[: match.start()]
    relative = list(_NONRESTRICTIVE.finditer(before))
    if relative and "," not in before[relative[-1].end() :]:
        return False
    for v in past_verbs(before):
        if v.group(0) in _NOT_HAPPENINGS or _in_other_relative(text, v.start(), v.start(), v.end()):
            continue
        if not _in_background_clause(text, v):
            return True
    return False


def _agent(text: str, named: list[tuple[int, str]], offset: int, match: re.Match[str]) -> str:
    """Who acts: the first name before the trigger in its clause ("the insurer
    Parametrix estimated" -> Parametrix, "Acme's Leeds plant opened" -> Acme)."""
    cs, _ = _clause(text, match.start())
    for off, name in named:
        if offset + cs <= off < offset + match.start():
            return name
    return ""


def _lemma(verb: str) -> str:
    """A crude stem of a past-tense verb, only used to compare two generic events."""
    verb = verb.lower()
    return verb[:-2] if verb.endswith("ed") else verb
