"""English verbs the extraction reads tense and reports from.

Three stages read verbs with word patterns instead of a parser: `events` (is a sentence a
past-tense report, which verb reports or announces), `titles` (a past verb goes to the
headline's present) and `timex_resolve` (the tense of a time expression's sentence).
They read the same verbs, so the words live here; each stage builds the pattern it needs.

What it deliberately does not do: no morphology beyond the irregular forms (a regular
"-ed" is each reader's own pattern, with its own exceptions), and no part-of-speech
guess: "set" or "cut" may be a noun or a present, which each reader settles by context.
"""

from __future__ import annotations

# Irregular past tenses that tell what happened in a news report, with the present a
# headline puts them in. `events` reads these, and only these, as a report's verb.
NEWS_PAST = {
    "became": "becomes", "began": "begins", "bought": "buys", "broke": "breaks",
    "brought": "brings", "built": "builds", "came": "comes", "chose": "chooses",
    "cut": "cuts", "drove": "drives", "fell": "falls", "flew": "flies",
    "forecast": "forecasts", "found": "finds", "gave": "gives", "got": "gets",
    "grew": "grows", "held": "holds", "hit": "hits", "kept": "keeps", "knew": "knows",
    "laid": "lays", "led": "leads", "left": "leaves", "lost": "loses", "made": "makes",
    "met": "meets", "paid": "pays", "put": "puts", "quit": "quits", "ran": "runs",
    "rose": "rises", "said": "says", "sank": "sinks", "saw": "sees", "sent": "sends",
    "set": "sets", "shook": "shakes", "slid": "slides", "sold": "sells", "spent": "spends",
    "split": "splits", "spoke": "speaks", "stood": "stands", "struck": "strikes",
    "thought": "thinks", "told": "tells", "took": "takes", "understood": "understands",
    "went": "goes", "withdrew": "withdraws", "won": "wins", "wrote": "writes",
}  # fmt: skip
# More irregular past tenses. They still mark a sentence as past and go to the present in
# a headline, but `events` does not take them for a report's verb: each would make more
# sentences happenings of their own ("children wore T-shirts", "regulators shut it"), a
# question of what is news rather than of how a verb is read.
OTHER_PAST = {
    "caught": "catches", "dealt": "deals", "drew": "draws", "felt": "feels",
    "fought": "fights", "froze": "freezes", "heard": "hears", "hid": "hides",
    "meant": "means", "overtook": "overtakes", "sat": "sits", "shut": "shuts",
    "sought": "seeks", "taught": "teaches", "threw": "throws", "undertook": "undertakes",
    "woke": "wakes", "wore": "wears",
}  # fmt: skip
IRREGULAR_PAST = NEWS_PAST | OTHER_PAST
# The auxiliaries' past, with their present: "was founded" is a passive, "had left" a past
# perfect, neither a verb of its own.
AUXILIARY_PAST = {"was": "is", "were": "are", "had": "has", "did": "does"}
# What may stand between a subject and its verb, as a regex piece: an auxiliary and an
# adverb ("the airline had quietly scrapped").
SUBJECT_TO_VERB = r"(?:(?:had|has|have|was|were)\s+)?(?:\w+ly\s+)?"

# Verbs that report what someone said, with their present: what they govern ("said
# that ...", "told lawmakers that ...") is the report, their date the report's.
REPORTING = {
    "said": "says", "told": "tells", "announced": "announces", "warned": "warns",
    "confirmed": "confirms", "added": "adds", "wrote": "writes", "testified": "testifies",
    "admitted": "admits",
}  # fmt: skip
REPORTING_EITHER_TENSE = frozenset(REPORTING) | frozenset(REPORTING.values())
