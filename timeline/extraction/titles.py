"""Headlines and summaries for clustered events.

A headline is news style: subject + verb in the present tense + object, amounts
abbreviated ("$14.3 billion" -> "$14.3B"), at most 90 characters, e.g. "Meta invests
$14.3B in Scale AI; Alexandr Wang joins Meta". It is assembled from the cluster's
pooled evidence that tells the cluster's action: the subject is the organisation (else
the person) most often named before the trigger, or the one a pronoun refers to, the
object the participant most often named after it, the verb comes from the action
class. When an action class has no template, or no participant is found, the clause
that carries the trigger is rewritten instead (dateline, adverbials, the time
expression and relative asides dropped, the main verb put in the present tense,
agreeing with its subject), never cut in the middle of a phrase.

Participants: a name right after "according to", "as reported by", "per" is the
report's source, never a participant; a name inside an adverbial clause that does not
hold the trigger ("when Facebook was still called ...") is background, never the
subject or object. A founding whose main clause says what was created ("It was
launched in 2013, ..., and they created an AI lab") is titled by it ("Meta creates AI
lab"). A hiring or talks headline names everyone hired
or at the table ("Meta hires A, B and C"), as many as fit.

Complete headlines: a rewritten clause keeps subject + verb + object. One that ends on
its verb ("The update sends") takes the sentence's next clause with a verb and an
object ("..., when CrowdStrike pushed a new file" -> "CrowdStrike pushes a new file";
"The update sent ..., contained a rule" -> "The update contains a rule"); with none
and no date it is background and gets no headline. A report too long for a headline
("The FAA said A, B and C had asked for ground stops ...") is titled by the reported
clause when its verb fits, rather than cut on a comma list; a later coordinated clause
with its own subject right before the trigger is the trigger's clause; a cut never
ends on a possessive, an auxiliary or an open "that" clause; a leading "But"/"And"
goes; "the airline" opening a headline becomes the organisation it refers to.

Anaphora and fragments: a leading pronoun becomes the subject it refers to; "This
includes hand-picking researchers" becomes "<antecedent> hand-picks researchers" (the
actor of the sentence before); "The first version released" names the product just
mentioned ("The first version of Llama released"). A clause that still opens on a
demonstrative or a pronoun, or a figure of speech with a bare abstract noun acting
("Reality came knocking on ..."), names no concrete actor: with `strict` (a happening
only one article tells) it gets no headline, and the pipeline drops it as commentary.

The summary is one or two evidence sentences: the most informative one, and a second
from another article when it adds a number or a participant the first lacks.

What it deliberately does not do: no paraphrase beyond these rewrites, no language
model, no invented facts: every word of a headline comes from the evidence or the
template verb.
"""

from __future__ import annotations

import re
from collections import Counter

from timeline.extraction.anaphors import DEFINITE_PART, DEMONSTRATIVE, ORG_ANAPHOR, SUBJECT_PRONOUN
from timeline.extraction.entities import EntityIndex, find_entities
from timeline.extraction.events import CLAUSE_SEPARATOR, DATELINE, REMOVAL, EventMention, leaver
from timeline.extraction.timex_lexicon import FULL_WEEKDAYS
from timeline.extraction.verbs import (
    AUXILIARY_PAST,
    IRREGULAR_PAST,
    REPORTING_EITHER_TENSE,
    SUBJECT_TO_VERB,
)

MAX_TITLE = 90
_CLAUSE_SEPARATOR = re.compile(CLAUSE_SEPARATOR)
# An agent after a participle, within a few words: "by the court", "by Mr Hunt".
_AGENT_AFTER = re.compile(r"^(?:[\w'’-]+\s+){0,3}by\s+(?:the\s|an?\s|its\s|his\s|her\s|[A-Z])")
# A subordinator opening the trigger's own short clause, with no comma after it.
_SUBORDINATE_LEAD = re.compile(r"\b(?:since|until|because)\s(?=(?:[\w'’-]+\s+){1,5}$)")
_UNIT_LETTER = {"trillion": "T", "billion": "B", "million": "M", "thousand": "K"}
_MAX_SUMMARY = 320

_IRREGULAR = IRREGULAR_PAST | AUXILIARY_PAST
_ADVERBS = {"already", "also", "just", "now", "still", "then", "since", "recently", "quietly"}
# Past participles that head a description, never a headline's verb.
_PARTICIPLES_ONLY = {
    "based", "located", "headquartered", "known", "called", "dubbed", "aged", "nicknamed",
    "titled", "entitled", "listed",
}  # fmt: skip
# Words before which a past form is an adjective: "the failed banks", "two closed banks".
_ATTRIBUTIVE_BEFORE = {
    "the", "a", "an", "its", "their", "his", "her", "two", "three", "both", "several",
    "many", "these", "those", "this", "that",
}  # fmt: skip
_AUXILIARIES = {*AUXILIARY_PAST, *AUXILIARY_PAST.values(), "have", "do"}
_DANGLING = {
    "this", "the", "a", "an", "of", "to", "for", "and", "in", "on", "at", "with", "by", "his",
    "her", "its", "their", "our", "my", "your", "from", "as", "that", "which", "who", "whose",
    "into", "after", "before", "than", "or", "but", "was", "were", "is", "are", "had", "has",
    "aimed", "designed", "intended", "meant", "including", "such", "like", "been", "be",
    "being", "last", "next", "not",
}  # fmt: skip
# A name right after these words is the source of the report, not a participant.
_ATTRIBUTION = re.compile(
    r"\b(?:according\s+to|(?:as\s+)?(?:reported|noted|highlighted|cited|revealed)\s+by|"
    r"per|via|reports?\s+(?:from|by)|told)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLURAL_PRESENT = {"is": "are", "has": "have", "does": "do", "goes": "go"}
_NO_E = ("ocus", "repeat", "defeat", "treat", "beat", "heat", "seat", "cheat", "oot", "ect", "ait")
_NEEDS_E = re.compile(
    r"(?:v|z|c|u|us|g|at|cit|nit|vit|ut|ot|os|as|is|um|ys|ur|ir|bl|pl|dl|tl|kl|gl|ag|id|ud|"
    r"[^aeiou]ar)$"
)

# Present-tense templates per action class: S = subject, O = object, M = amount.
_TEMPLATES = {
    "investment": ["{S} invests {M} in {O}", "{S} invests in {O}", "{S} takes stake in {O}"],
    "acquisition": ["{S} acquires {O} for {M}", "{S} acquires {O}"],
    "deal": ["{S} strikes {M} deal with {O}", "{S} strikes deal with {O}"],
    "hire": ["{S} hires {P}", "{P} joins {S}"],
    "launch": ["{S} launches {R}", "{S} releases {R}"],
    "delay": ["{S} delays {R}"],
    "talks": ["{S} holds talks with {P}", "{S} holds talks with {O}"],
    "reorganisation": ["{S} {V} {O}"],
    "setback": ["{R} disappoints"],
    "founding": ["{O} founded"],
    "recall": ["{S} recalls {R}"],
}
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:right\s+)?after\s+that|then|next|meanwhile|however|moreover|also|now|back\s+at"
    r"\s+\w+|within\s+\w+|in\s+conclusion|of\s+course|simultaneously|perhaps|"
    r"according\s+to\s+[^,]+|(?:but|and|yet)\b)\s*,?\s*",
    re.IGNORECASE,
)
# A short adverbial opening closed by a comma: "All told,", "The same day,", "In April,".
_LEADING_PHRASE = re.compile(
    r"^(?:in|on|at|by|over|during|after|before|since|earlier|later|separately|all|"
    r"the\s+same|that\s+same|two|three|several|last|this|next|back|within|for|then|"
    r"right|simultaneously|still|yet|so|and|but|with|amid|among|under|shortly|hours|days|"
    r"weeks|months)\b(?:\s+[\w'’.-]+){0,7},\s+"
    # "In a message to supporters he thanks them": a short opening before a pronoun.
    r"|^(?:in|on|at|over|during|with|after|before)\s+(?:[\w'’.-]+\s+){1,6}?"
    r"(?=(?:he|she|they|we)\s+[a-z])",
    re.IGNORECASE,
)
# An adverbial clause, up to the next clause boundary: its subject is not the headline's.
_SUBORDINATE = re.compile(
    r"\b(?:when|while|whereas|although|though|because|until|unless|once)\b[^,;:—–.]*",
    re.IGNORECASE,
)
# "..., and they created an AI lab": what a founding sentence's main clause creates (a
# new body, "a"/"an": "the company" refers back to something that already exists).
_CREATED = re.compile(
    r"\b(?:it|they|he|she|we|and)\s+(?:\w+ly\s+|also\s+|then\s+)?"
    r"(created|founded|set\s+up|established|launched|formed|started|opened)\s+"
    r"(?:a|an)\s+((?:[\w-]+\s+){0,3}?(?:lab|laboratory|unit|division|company|firm|"
    r"startup|start-up|group|team|centre|center|business|venture|subsidiary|institute|"
    r"foundation|organisation|organization|department|arm))\b",
    re.IGNORECASE,
)
# "X says <clause>": the reported clause, a happening of its own. Only verbs followed by
# what is reported itself, not by whom it was told to ("told reporters") or what was
# confirmed or written ("confirmed the deal", "wrote a letter").
_REPORTED = re.compile(
    r"^[^,;]{3,60}?\s+(?:says|said|reports|reported|announces|announced)\s+(?:that\s+)?(.+)$"
)
_POSSESSIVE_LEAD = re.compile(r"^(?:his|her|its|their|our|my|your)\b", re.IGNORECASE)
# The verbs of saying, either tense, as a regex alternation: a verb, never part of a name.
_REPORTING_VERBS = "|".join(sorted(REPORTING_EITHER_TENSE))
# An aside between a subject and its verb: "two defects, one in each cell, caused".
_ASIDE_BEFORE_VERB = re.compile(
    rf",\s[^,;]{{1,60}},\s+(?=[a-z]+ed\b|had\b|were\b|was\b|(?:{_REPORTING_VERBS})\b)"
)
# An appositive between commas that describes the name before it: ", the parent company
# of Silicon Valley Bank,", ", its vice chair for supervision,".
_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|its|his|her|their)\s"
    rf"(?:(?!\b(?:{_REPORTING_VERBS}|had|has|was|were)\b)[^,;:—–]){{1,70}},(?=\s)"
)
# Words that go on from a name as its clause did before the description was cut out.
_JOINS = {
    "and", "or", "would", "will", "could", "can", "may", "might", "had", "has", "have", "is",
    "was", "were", "are",
}  # fmt: skip
# A full stop that ends a sentence, not an initial or a title ("Michael S. Barr", "Mr.").
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)\.\s")
_ORG_ANAPHOR_LEAD = re.compile(
    rf"^{ORG_ANAPHOR}(?!\s+(?-i:[A-Z]))",  # not "the insurer Acme"
    re.IGNORECASE,
)
_COORDINATED = re.compile(r",\s+(?:and|but)\s+")
_OWN_SUBJECT = re.compile(
    r"\b(?:(?:the|its|their)\s+[a-z]+|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)\s+"
    rf"{SUBJECT_TO_VERB}$"
)
# The next clause with a past verb and its object: "when CrowdStrike pushed a new file
# to ...", "contained a rule that ...".
_NEXT_CLAUSE = re.compile(
    r"(?:\b(?:when|after)\s+((?:(?:the|its|their|a|an)\s+)?(?:[\w&.-]+\s+){1,3}?))?"
    r"\b([a-z]+ed|" + "|".join(sorted(_IRREGULAR)) + r")\s+"
    r"((?:a|an|the|its|their|his|her|\d[\d,.]*)\s+(?:[\w-]+\s+){0,3}?[\w-]+)"
    r"(?=\s+(?:to|for|in|on|at|that|which|who|with|from|into|of)\b|[,.;]|$)"
)
# A scene-setting main clause with no actor: "The most alarming came when <happening>".
_SCENE_WHEN = re.compile(
    r"^(?:the|a|an|this|that|its|their|his|her)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}(?:comes|came|happens|happened|begins|began|starts|started|"
    r"occurs|occurred|arrives|arrived)\s+(?:[\w-]+\s+){0,2}when\s+(.{12,})$",
    re.IGNORECASE,
)
# After a comma, more list items before "and"/"or": the comma is inside a list.
_LIST_GOES_ON = re.compile(r",\s+(?:[\w&.'’-]+\s+){1,3}(?:and|or)\s")
# Before "and": "A, B" -- the "and" closes a list.
_LIST_BEFORE = re.compile(r",\s+(?:[\w&.'’-]+\s+){0,2}[\w&.'’-]+$")
# Where a headline cut in mid-phrase may end instead: before its last prepositional phrase.
_CUT_PREPOSITIONS = {"of", "in", "on", "at", "to", "for", "with", "from", "by", "into", "over"}
# A leading time phrase with no comma: "Last week the FAA advised ...".
_LEADING_TIME = re.compile(
    r"^(?:last|this|earlier\s+this|later\s+that|that|next)\s+(?:week|weekend|month|year|"
    rf"morning|afternoon|evening|night|{'|'.join(FULL_WEEKDAYS)})\s+(?=the\b|(?-i:[A-Z]))",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"[a-z-]+(?:ed|en|wn|ne|lt|ld|ght|ung|ook|ept|ade|ent|id|und)")
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,;:—–]*,")
_PERSONAL_LEAD = re.compile(r"^\W*(?:he|she)\b", re.IGNORECASE)
_PRONOUN = re.compile(rf"^(?:{SUBJECT_PRONOUN}|we\b)", re.IGNORECASE)
_DEFINITE_PART = re.compile(rf"^{DEFINITE_PART}", re.IGNORECASE)
# A clause that opens on a demonstrative or a pronoun: a fragment, not a headline.
_FRAGMENT_LEAD = re.compile(rf"^(?:{DEMONSTRATIVE}|{SUBJECT_PRONOUN}|such\b)", re.IGNORECASE)
# "This includes hand-picking researchers": the gerund is the action, the antecedent acts.
_DEMONSTRATIVE_GERUND = re.compile(
    r"^(?:this|that|it)(?:\s+(?:move|step|push|effort|plan|shift|strategy|approach))?\s+"
    r"(?:includes|included|involves|involved|means|meant|saw|sees|has\s+seen)\s+"
    r"(?:\w+ly\s+)?([a-z][a-z-]*ing)\b",
    re.IGNORECASE,
)
# A bare capitalised common noun acting ("Reality came knocking", "Fate intervened"):
# personification, a figure of speech rather than a participant.
_BARE_NOUN_SUBJECT = re.compile(r"^[A-Z][a-z]+[^s]$")
_NOT_BARE_NOUNS = {
    "the", "a", "an", "last", "next", "this", "that", "its", "his", "her", "their", "our",
    "some", "many", "several", "one", "two", "three", "four", "five", "most", "all",
    "every", "each", "no", "another", "other", "both", "few", "such", "then", "now",
    "later", "earlier", "meanwhile", "also", "yesterday", "today", "there", "here",
}  # fmt: skip


def abbreviate_amounts(text: str) -> str:
    """Amounts in headline form: "$14.3 billion" -> "$14.3B", "5 percent" -> "5%"."""
    text = re.sub(
        r"\$\s?(\d+(?:[.,]\d+)?)\s*(trillion|billion|million|thousand)\b",
        lambda m: f"${m.group(1)}{_UNIT_LETTER[m.group(2).lower()]}",
        text,
        flags=re.IGNORECASE,
    )
    return re.sub(r"(\d)\s?(?:percent|per cent)\b", r"\1%", text)


def present_tense(word: str, plural: bool = False) -> str:
    """A past-tense verb in the present: "approved" -> "approves" ("approve" if plural)."""
    low = word.lower()
    if low in _IRREGULAR:
        out = _IRREGULAR[low]
        if plural and out.endswith("s"):  # ("were" is "are" already: no "s" to drop)
            out = _PLURAL_PRESENT.get(out, out[:-2] if out.endswith(("ies", "ches")) else out[:-1])
            if low.endswith("ies"):
                out = out[:-1] + "y"
    elif low.endswith("ied"):
        out = low[:-3] + ("y" if plural else "ies")
    elif low.endswith("eed") and len(low) > 4:
        out = low[:-1] + ("" if plural else "s")  # "agreed" -> "agrees", "guaranteed"
    elif low.endswith("ed") and len(low) > 4:
        stem = low[:-2]
        if (
            len(stem) > 2
            and stem[-1] == stem[-2]
            and (stem[-1] in "bdgmnprt" or stem.endswith("ell"))
        ):
            stem = stem[:-1]  # "stopped" -> "stop", "cancelled" -> "cancel"
        elif (_NEEDS_E.search(stem) and not stem.endswith(_NO_E)) or re.fullmatch(
            r"[^aeiou]*[aeiou][^aeiouwxy]", stem
        ):
            stem += "e"  # "created" -> "create", "fined" -> "fine"
        if plural:
            out = stem
        else:
            out = stem + ("es" if re.search(r"(?:s|sh|ch|x|z)$", stem) else "s")
    else:
        return word
    return out[0].upper() + out[1:] if word[:1].isupper() else out


def _fit(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" ,;:-")
    if len(title) <= MAX_TITLE:
        return title
    # Cut at the last clause boundary that fits, never in the middle of a phrase.
    # A comma inside a list ("American Airlines, Delta and United") is no boundary.
    commas = [c.start() for c in re.finditer(",", title[:MAX_TITLE])]
    commas = [c for c in commas if not _LIST_GOES_ON.match(title, c)]
    ands = [a.start() for a in re.finditer(" and ", title)]
    ands = [a for a in ands if a < MAX_TITLE and not _LIST_BEFORE.search(title, 0, a)]
    cut = max(
        [title.rfind(sep, 0, MAX_TITLE) for sep in (";", " —", " –")] + commas[-1:] + ands[-1:]
    )
    if cut > 20:
        return title[:cut].strip(" ,;:-")
    words = title[: MAX_TITLE + 1].rsplit(" ", 1)[0].split()
    following = title.split()[len(words) : len(words) + 1]
    while len(words) > 3 and following and following[0][:1].isupper() and words[-1][:1].isupper():
        following = [words.pop()]  # never cut inside a name ("... and Gamma | Air")
    preps = [i for i, w in enumerate(words) if w.lower() in _CUT_PREPOSITIONS]
    if preps and preps[-1] >= 4 and len(words) - preps[-1] <= 4:
        words = words[: preps[-1]]  # "... depend too heavily on a small": the phrase goes
    while len(words) > 3 and (words[-1].lower() in _DANGLING or words[-1].endswith(("'s", "’s"))):
        words.pop()  # never end on "... for artificial intelligence this", "of Friday's"
    tail = [i for i, w in enumerate(words) if w.lower() in ("that", "which", "who")]
    if tail and len(words) - tail[-1] <= 3 and tail[-1] > 3:
        words = words[: tail[-1]]  # "... rejecting suggestions that the company": cut
    return " ".join(words).strip(" ,;:-")


def _subordinate_spans(m: EventMention) -> list[tuple[int, int]]:
    """Absolute spans of the adverbial clauses ("when Facebook was still called") that
    do not hold the trigger: whoever they name is background, not a participant."""
    spans = []
    for sub in _SUBORDINATE.finditer(m.quote):
        lo, hi = m.start + sub.start(), m.start + sub.end()
        if not lo <= m.trigger_start < hi:
            spans.append((lo, hi))
    return spans


def _participants(
    members: list[EventMention], index: EntityIndex
) -> tuple[Counter[str], Counter[str]]:
    """Entities named before / after the trigger across the evidence, weighted by kind;
    a name inside a subordinate clause that does not tell the action is left out."""
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for m in members:
        if m.subject:
            before[m.subject] += 1
        background = _subordinate_spans(m)
        dateline = DATELINE.match(m.quote)
        # "LONDON, Oct. 20, 2022 — Liz Truss resigned": the place is where it was written.
        lede = m.start + (dateline.end() if dateline else 0)
        for em in find_entities(m.quote, m.start):
            name = index.canonical(em.text)
            if not name or em.start < lede or any(lo <= em.start < hi for lo, hi in background):
                continue
            if _ATTRIBUTION.search(m.quote, 0, max(em.start - m.start, 0)):
                continue  # "as reported by Futurism": the source, not a participant
            (before if em.start < m.trigger_start else after)[name] += 1
    return before, after


def _pick(counter: Counter[str], index: EntityIndex, kinds: tuple[str, ...], exclude=()) -> str:
    ranked = sorted(
        (n for n in counter if index.kind(n) in kinds and n not in exclude),
        key=lambda n: (-counter[n], -index.count(n), n),
    )
    return ranked[0] if ranked else ""


def _verb(members: list[EventMention], default: str) -> str:
    """The triggers' own verb in the present ("created a new division" -> "creates")."""
    for m in members:
        word = m.trigger.split()[0].lower()
        if word.endswith("ed") and present_tense(word) != word:
            return present_tense(word)
    return default


def _amount(members: list[EventMention]) -> str:
    counts: Counter[str] = Counter()
    for m in members:
        for n in m.numbers:
            if n.kind == "money":
                counts[abbreviate_amounts(n.text)] += 1
    if not counts:
        return ""
    return sorted(counts, key=lambda t: (-counts[t], -len(t), t))[0]


def _created(members: list[EventMention], subject: str) -> str:
    """ "Meta creates AI lab" when a founding sentence's main clause says what was
    created ("It was launched in 2013, ..., and they created an AI lab")."""
    if not subject:
        return ""
    for m in sorted(members, key=_rep_key):
        background = _subordinate_spans(m)
        for c in _CREATED.finditer(m.quote):
            at = m.start + c.start(1)
            if any(lo <= at < hi for lo, hi in background):
                continue
            verb = " ".join(c.group(1).split())
            head, _, rest = verb.partition(" ")
            verb = (
                f"{present_tense(head)} {rest}".strip() if head.lower() != "set" else f"sets {rest}"
            )
            return f"{subject} {verb} {c.group(2)}"
    return ""


def _from_template(
    action: str, members: list[EventMention], index: EntityIndex, others: list[EventMention]
) -> str:
    """Fill the action's template from the members that tell it (`others`: the rest).

    A founding whose sentence says in its main clause what was created ("..., and they
    created an AI lab") is titled by that: "<subject> creates AI lab".
    """
    if action not in _TEMPLATES and action != "departure":
        return ""  # nothing to fill: the clause is rewritten instead
    before, after = _participants(members, index)
    both = before + after
    # An organisation acts in news headlines before its executives do.
    subject = _pick(before, index, ("organisation",))
    subject = subject or _pick(_participants(others, index)[0], index, ("organisation",))
    subject = subject or _pick(before, index, ("person",)) or _pick(both, index, ("organisation",))
    slots = {
        "S": subject,
        "O": _pick(after, index, ("organisation",), (subject,))
        or _pick(both, index, ("organisation",), (subject,))
        or (subject if action == "founding" else ""),
        "P": _pick(both, index, ("person",), (subject,)),
        "R": _pick(both, index, ("product",), (subject,)),
        "M": _amount(members),
        "V": _verb(members, "reorganises"),
    }
    if action in ("hire", "talks") and slots["P"]:
        # Everyone hired, everyone at the table: "hires A, B and C".
        slots["P"] = _people_hired(members, index, subject) or slots["P"]
    if action == "founding":
        created = _created(members, subject)
        if created:
            return created
    if action == "departure":
        return _departure(members, index, subject, both)
    for template in _TEMPLATES.get(action, []):
        needed = re.findall(r"{(\w)}", template)
        if all(slots[k] for k in needed):
            return template.format(**slots)
    return ""


def _departure(
    members: list[EventMention], index: EntityIndex, subject: str, named: Counter[str]
) -> str:
    """Who left and whose decision it was: "Acme removes Ann Lee", "Bo Chan leaves Acme"
    ("" when no organisation is named: the clause is rewritten instead).

    The person is the one most members say is leaving (`events.leaver`), never simply the
    first person named: "Bo Chan quit in protest at Ann Lee's treatment" is Bo Chan's exit.
    """
    leaving = {id(m): leaver(m) for m in members}
    leavers = Counter(name for name in leaving.values() if name)
    person = max(leavers, key=lambda n: (leavers[n], n)) if leavers else ""
    if not person or index.kind(person) != "person":
        person = _pick(named, index, ("person",), (subject,))
    if not person:
        return ""
    org = subject if subject and index.kind(subject) == "organisation" else ""
    org = org or _pick(_left(members, index), index, ("organisation",), (person,))
    if not org:
        return ""  # the sentence's own clause says it better: "Bo Chan left the company"
    removed = sum(REMOVAL.match(m.trigger) is not None for m in members if leaving[id(m)] == person)
    if removed * 2 > leavers[person]:
        return f"{org} removes {person}"
    return f"{person} leaves {org}"


# What parts a departure's verb from the body named after it: a clause break.
_LEFT_BREAK = re.compile(r"[,;:]|\b(?:after|before|when|since|because)\b")


def _left(members: list[EventMention], index: EntityIndex) -> Counter[str]:
    """The organisations a departure's sentences name right after the verb, as what is
    left ("quit Acme", "resigned from Acme", "stepped down as chief of Acme"): a body
    named elsewhere in the sentence ("three weeks after FIFA suspended him") is not it."""
    left: Counter[str] = Counter()
    for m in members:
        after = m.trigger_start + len(m.trigger)
        for em in find_entities(m.quote, m.start):
            name = index.canonical(em.text)
            if name and 0 <= em.start - after <= 50 and index.kind(name) == "organisation":
                between = m.quote[after - m.start : em.start - m.start]
                if not _LEFT_BREAK.search(between):
                    left[name] += 1
    return left


def _people_hired(members: list[EventMention], index: EntityIndex, subject: str) -> str:
    """The people a hiring names after its trigger, in text order: "A, B and C"."""
    people: list[str] = []
    for m in sorted(members, key=_rep_key):
        for em in find_entities(m.quote, m.start):
            name = index.canonical(em.text)
            if (
                em.start > m.trigger_start
                and name
                and name != subject
                and index.kind(name) == "person"
                and name not in people
            ):
                people.append(name)
    people = people[:3]
    while people:
        listed = people[0] if len(people) == 1 else f"{', '.join(people[:-1])} and {people[-1]}"
        if len(subject) + len(listed) + 7 <= MAX_TITLE:
            return listed
        people.pop()
    return ""


def _secondary(action: str, members: list[EventMention], index: EntityIndex, main: str) -> str:
    """A second happening told in the same breath ("...; Alexandr Wang joins Meta")."""
    if action == "hire":
        return ""
    hires = [m for m in members if "hire" in m.actions]
    if len(hires) * 2 < len(members):
        return ""
    _, after = _participants(hires, index)
    person = _pick(after, index, ("person",))
    before, _ = _participants(members, index)
    org = _pick(before, index, ("organisation",))
    if person and org and person not in main:
        return f"{person} joins {org}"
    return ""


def _rewrite_clause(m: EventMention, subject: str) -> str:
    """The trigger's clause as a headline.

    Kept: the clause that holds the trigger, up to the first comma after it when that
    leaves a complete statement. Dropped: a dateline, leading adverbials and the time
    expression (the timeline shows the date), auxiliaries ("was founded" -> "founded",
    headline style). The first finite verb goes to the present tense, agreeing with a
    plural subject, and a leading pronoun becomes the subject's name.
    """
    text = m.quote
    rel = m.trigger_start - m.start
    if m.time is not None and m.start <= m.time.start and m.time.end <= m.end:
        ts, te = m.time.start - m.start, m.time.end - m.start
        prep = re.search(
            r"(?:^|\s)(?:(?:late|early)\s+)?(?:on|in|at|during|over|by|since|last|this|until)\s+$",
            text[:ts],
            re.I,
        )
        comma = re.match(r",\s*", text[te:])
        if prep or comma:
            cut_from = prep.start() if prep else ts
            # The comma after the date goes with it when nothing else needs it: "said on
            # March 8, 2023, that ..." (a comma before "saying ..." still ends the clause).
            that_follows = comma is not None and text.startswith("that ", te + comma.end())
            cut_to = te + (1 if that_follows else comma.end() if comma and not prep else 0)
            text = text[:cut_from] + text[cut_to:]
            if rel >= cut_to:
                rel -= cut_to - cut_from
    breaks = [b.start() for b in _CLAUSE_SEPARATOR.finditer(text, 0, max(rel, 0))]
    start = breaks[-1] if breaks else -1
    lead = _SUBORDINATE_LEAD.search(text, start + 1, max(rel, 0))
    if lead:
        # "The talks, which resumed ... for the first time since the actors went on
        # strike": the trigger's own clause begins after "since".
        start = lead.end() - 1
    coordinated = [c for c in _COORDINATED.finditer(text, 0, max(rel, 0)) if c.start() > start]
    if coordinated:
        # "..., and by Monday the airline had scrapped more flights": a coordinated
        # clause with its own subject right before the trigger is the trigger's clause.
        own = _OWN_SUBJECT.search(text, coordinated[-1].end(), max(rel, 0))
        if own and own.end() == rel:
            start = own.start() - 1
    if start >= 0:
        text, rel = text[start + 1 :], rel - start - 1
    rel = max(rel, 0)
    # "SVB Financial Group, the parent company of ..., said": the description goes (and
    # with it the commas, unless a clause goes on after it).
    pre, post = _drop_appositives(text[:rel]), _drop_appositives(text[rel:])
    stops = [i for i in (post.find(sep) for sep in (";", "—", "–")) if i > 0]
    stop = _SENTENCE_STOP.search(post)  # not after an initial: "Michael S. Barr"
    if stop and stop.start() > 0:
        stops.append(stop.start())
    comma = re.search(r",\s", post)
    if comma and len((pre + post[: comma.start()]).split()) >= 3:
        stops.append(comma.start())
    post = post[: min(stops, default=len(post))]
    pre = _RELATIVE_ASIDE.sub("", pre)  # "George Kurtz, who co-founded the company, told"
    prev = None
    while prev != pre:
        prev = pre
        pre = _LEADING_ADVERBIAL.sub("", pre.lstrip(" \"“‘'"))
        pre = _LEADING_PHRASE.sub("", pre)
        pre = _LEADING_TIME.sub("", pre)
    clause = (pre + post).strip().strip("\"“”'’").rstrip(".!,")
    if subject and _PRONOUN.match(clause):
        clause = _PRONOUN.sub(subject, clause, count=1)
    elif subject and _ORG_ANAPHOR_LEAD.match(clause):
        clause = _ORG_ANAPHOR_LEAD.sub(subject, clause, count=1)  # "The airline" -> "Delta"
    gerund = _DEMONSTRATIVE_GERUND.match(clause)
    if subject and gerund:
        # "This includes hand-picking researchers" -> "Ann Lee hand-picks researchers".
        verb = gerund_to_present(gerund.group(1))
        clause = f"{subject} {verb}{clause[gerund.end() :]}"
        return abbreviate_amounts(clause)
    limit = len(pre.split()) + max(len(m.trigger.split()), 1)  # "shares fell": both words
    clause = _present_clause(clause.lstrip(" ,;:—–"), limit)
    part = _DEFINITE_PART.match(clause)
    if subject and part and subject not in clause:
        # "The first version released" -> "The first version of Llama released".
        clause = f"{part.group(0)} of {subject}{clause[part.end() :]}"
    if subject and m.quote[:1].islower() and not clause.startswith(subject):
        # The second clause of a sentence cut in two ("... and moved its headquarters
        # to Austin two years later") opens with its verb: it takes the subject.
        clause = f"{subject} {clause}"
    clause = clause[:1].upper() + clause[1:]
    return abbreviate_amounts(clause)


def _drop_appositives(text: str) -> str:
    def keep_comma(m: re.Match[str]) -> str:
        following = text[m.end() :].split(maxsplit=1)
        if not following:
            return ""  # the description ends the text: "Greg Brockman, the president,"
        word = following[0]
        joined = word in REPORTING_EITHER_TENSE or word.endswith("ed") or word in _JOINS
        return "" if joined else ","

    return re.sub(r",\s*,", ",", _APPOSITIVE.sub(keep_comma, text))


def _present_clause(clause: str, limit: int) -> str:
    """Put the clause's main verb in the present tense, headline style.

    Only the first `limit` words are looked at (up to the trigger: a later participle,
    "a group aimed at", is no main verb); a relative clause's verb ("who was leading")
    is skipped; a clause already in the present ("is compounded") is left alone.
    """
    words = clause.split()
    in_relative = False
    for i, w in enumerate(words[: max(limit, 1)]):
        low = w.lower().strip(",;:")
        if i > 0 and w[:1].isupper():
            continue  # a name ("United"), never the verb
        if low in ("who", "which", "that", "whose", "whom"):
            in_relative = True
            continue
        if low in _PARTICIPLES_ONLY:
            continue  # "First Republic, based in San Francisco": no verb of the clause
        if i > 0 and words[i - 1].lower() in ("be", "been", "being"):
            break  # "to be recalled", "will be covered": a participle, left as it is
        if low.endswith("ed") and _AGENT_AFTER.match(" ".join(words[i + 1 : i + 7])):
            # "(was) replaced by Mr Hunt", "removed from office by the court": a passive
            # whose auxiliary the clause left out keeps its participle.
            break
        if i > 0 and words[i - 1].lower() in _ATTRIBUTIVE_BEFORE:
            continue  # "the two failed banks": an adjective
        # The verb agrees with the word before it (adverbs skipped) or, first verb of
        # all, with the clause's head noun ("Lawyers for CrowdStrike wrote" -> "write").
        before = i - 1
        while before > 0 and (
            words[before].lower().endswith("ly") or words[before].lower() in _ADVERBS
        ):
            before -= 1
        plural = i > 0 and (
            _is_plural(words[before])
            or _is_plural(words[0], head=True)
            or "and" in (x.lower() for x in words[:i])  # "A, B and C asked" -> "ask"
        )
        nxt = i + 1
        while nxt < len(words) and (
            words[nxt].lower().endswith("ly") or words[nxt].lower() in _ADVERBS
        ):
            nxt += 1  # "have publicly asked", "have already jumped"
        following = words[nxt].strip(",;:") if nxt < len(words) else ""
        if in_relative and (
            low in _AUXILIARIES or _PARTICIPLE.fullmatch(low) or present_tense(low) != low
        ):
            in_relative = low in _AUXILIARIES  # the relative clause ends with its verb
            continue
        if low in ("is", "are", "am") or (low in ("has", "have") and following == "been"):
            break  # already in the present
        if low in ("was", "were") and _PARTICIPLE.fullmatch(following):
            words[i] = ""  # passive: "was founded" -> "founded"
            break
        if low in ("had", "has", "have") and (
            re.fullmatch(r"[a-z]+ed", following)
            or (following.islower() and present_tense(following) != following)
        ):  # "had said" -> "says", "had left" -> "leaves"
            words[i] = ""
            words[nxt] = present_tense(words[nxt], plural)
            break
        if following and following[:1].islower() and present_tense(following) != following:
            continue  # "The loss announced turned ...": a participle, then the verb
        converted = present_tense(w, plural)
        if converted != w:
            words[i] = converted
            break
    return " ".join(w for w in words if w)


def _is_plural(word: str, head: bool = False) -> bool:
    low = word.lower()
    if low in ("they", "we", "you", "i"):
        return True
    if low in ("its", "his", "this", "was", "has", "is", "news", "as"):
        return False
    # A clause's first word may be capitalised; a name with inner capitals is no plural.
    if re.fullmatch(r"[A-Z]{2,}s", word):
        return True  # "MPs", "CEOs"
    if low.endswith(("'s", "’s")):
        return False  # "Boeing's Starliner docked": a possessive, not a plural
    common = word.islower() or (head and word[1:].islower())
    return common and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def gerund_to_present(word: str) -> str:
    """ "hand-picking" -> "hand-picks", "splitting" -> "splits", "making" -> "makes"."""
    if not word.lower().endswith("ing") or len(word) < 6:
        return word
    return present_tense(word[:-3] + "ed")


def make_title(
    action: str, members: list[EventMention], index: EntityIndex, strict: bool = False
) -> str:
    """A news-style headline of at most 90 characters for a cluster of mentions.

    With `strict`, a cluster whose every telling is a fragment with no concrete actor
    (a clause opening on "This"/"It" that names nobody it could stand for, or a
    figure of speech such as "Reality came knocking") gets no headline (""): it is
    commentary, not an event.
    """
    # The members that tell the cluster's own action know best who did what to whom.
    telling = [m for m in members if m.action == action] or members
    main = _from_template(action, telling, index, members)
    if main:
        extra = _secondary(action, members, index, main)
        if extra and len(main) + 2 + len(extra) <= MAX_TITLE:
            main = f"{main}; {extra}"
        return _fit(main)
    ordered = sorted(telling, key=_rep_key)
    first = ""
    for rep in ordered:
        before, _ = _participants([rep], index)
        # "He was found guilty": a personal pronoun stands for a person, never the company.
        kinds = ("person",) if _PERSONAL_LEAD.match(rep.quote) else ("organisation", "person")
        subject = rep.subject or _pick(before, index, kinds)
        title = _complete(_rewrite_clause(rep, subject), rep)
        if not title:
            continue
        first = first or title
        if _concrete(title, rep, index):
            return title
    return "" if strict else first


def _complete(clause: str, m: EventMention) -> str:
    """A headline with subject, verb and object out of a rewritten clause, or "".

    - Too long for a headline as "X says <clause>": the reported clause is the
      happening ("The FAA says A, B and C asked for ground stops" -> "A, B and C ask for
      ground stops"), rather than a cut that ends on a comma list.
    - Ending on its verb ("The update sends", "The trouble begins"): the sentence's next
      clause with a verb and an object stands in, with its own subject when it has one
      ("..., when CrowdStrike pushed a new file" -> "CrowdStrike pushes a new file"),
      else the clause's ("The update sent on July 19 contained a rule" -> "The update
      contains a rule"); with none and no date, the mention is background: "".
    """
    if len(clause) > MAX_TITLE:
        said = _REPORTED.match(clause)
        reported = _ASIDE_BEFORE_VERB.sub(" ", said.group(1)) if said else ""
        if reported and not _FRAGMENT_LEAD.match(reported) and not _POSSESSIVE_LEAD.match(reported):
            fitted = _fit(reported)
            present = _fit(_present_clause(reported, len(reported.split())))
            if present != fitted and len(present.split()) >= 4:
                # Its verb lies within the headline: the reported clause stands alone.
                clause = present[:1].upper() + present[1:]
    scene = _SCENE_WHEN.match(clause)
    if scene:
        # "The most alarming comes when a phone filled a cabin with smoke": the
        # when-clause is the happening.
        told = _present_clause(scene.group(1), len(scene.group(1).split()))
        clause = told[:1].upper() + told[1:]
    title = _fit(clause)
    words = title.split()
    verb = m.trigger.split()[0].lower() if m.trigger.split() else ""
    if len(words) > 6 or not words or words[-1].lower() not in (verb, present_tense(verb)):
        return title
    rest = m.quote[m.trigger_start - m.start + len(m.trigger) :]
    nxt = _NEXT_CLAUSE.search(rest)
    if nxt:
        subject = " ".join(nxt.group(1).split()) if nxt.group(1) else " ".join(words[:-1])
        if not subject:
            # "..., and ended in late September; writers ratified ...": the clause
            # shares a subject this mention does not hold, so it has no headline.
            return ""
        plural = _is_plural(subject.split()[-1], head=True) or " and " in subject
        out = f"{subject} {present_tense(nxt.group(2), plural)} {' '.join(nxt.group(3).split())}"
        return _fit(abbreviate_amounts(out[:1].upper() + out[1:]))
    return title if m.date is not None else ""


def _concrete(title: str, m: EventMention, index: EntityIndex) -> bool:
    """Whether a rewritten clause names a concrete actor doing something."""
    if not title or _FRAGMENT_LEAD.match(title):
        return False
    if m.action.startswith("v:"):
        head = title.split()[0] if title.split() else ""
        rest = title.split()[1:2]
        if (
            _BARE_NOUN_SUBJECT.fullmatch(head)
            and head.lower() not in _NOT_BARE_NOUNS
            and index.canonical(head) is None
            and rest
            and rest[0][:1].islower()
        ):
            return False  # "Reality comes knocking on ...": personification
    return True


def _rep_key(m: EventMention) -> tuple:
    return (-m.strength, m.dated_by != "sentence", len(m.quote) > 300, m.article, m.position)


def representative(members: list[EventMention]) -> EventMention:
    """The mention that best tells the happening: strongest, stated date, then earliest."""
    return min(members, key=_rep_key)


def make_summary(members: list[EventMention]) -> str:
    """One or two evidence sentences: the best, plus one that adds a fact from elsewhere."""
    first = representative(members)
    summary = first.quote.strip()
    known_numbers = {n.text for n in first.numbers}
    known_entities = set(first.entities)
    for m in sorted(members, key=lambda m: (-m.strength, m.article, m.position)):
        if m.article == first.article or m.quote == first.quote:
            continue
        adds = {n.text for n in m.numbers} - known_numbers or set(m.entities) - known_entities
        if adds and len(summary) + len(m.quote) + 1 <= _MAX_SUMMARY:
            summary = f"{summary} {m.quote.strip()}"
            break
    return summary
