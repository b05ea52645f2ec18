"""Named participants of a story, found from capitalisation and context alone.

`find_entities` reads one passage (a sentence) and returns the capitalised names in it
with a guessed kind: person, organisation, product or other. The guess comes from the
name's own shape (an organisation suffix such as "Inc." or "Labs", a version number as
in "GPT-5") and from the words around it ("CEO", "founder", "the company", "model").

`EntityIndex` gathers the mentions of a whole story (every article) and merges aliases:
surname-only references and spelling variants of a person ("Alexandr Wang", "Alexander
Wang", "Wang"), and short forms of organisations ("Scale" for "Scale AI"). Kinds are
decided by a vote over all mentions, and a name seen only at the start of sentences
without any cue ("Developers", "Despite") is dropped as a capitalised common word.

Run-on text glues names: an organisation written with inner capitals ("GitHub",
"OpenAI", "IBM") followed by a first and last name that the context marks as a person
("GitHub Daniel Gross, a former Apple employee") is read as two names.

Acronyms and blends: `EntityIndex.learn_expansions` finds, in the story's own texts,
the phrases that an acronym-like entity abbreviates, each word giving one part: a
capitalised word its initial, any word a longer prefix it truly shortens, an acronym
word its letters ("FAIR" ~ "Fundamental AI Research", "GenAI" ~ "generative AI");
`expansions_in` then names the entity wherever a sentence spells it out.

What it deliberately does not do: no statistical NER model (none is installable here),
no gazetteer of real-world names (it must work on stories it has never seen), and no
coreference of pronouns.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from timeline.extraction.records import EntityRecord
from timeline.extraction.timex_lexicon import FULL_WEEKDAYS, MONTHS

KINDS = ("person", "organisation", "product", "other")

# Capitalised function words and common sentence openers: never a name on their own,
# and stripped when they lead a capitalised run ("Despite Meta" -> "Meta").
_COMMON = {
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "their", "he",
    "she", "his", "her", "we", "our", "you", "your", "i", "my", "but", "and", "or", "so",
    "yet", "if", "when", "while", "after", "before", "since", "as", "at", "in", "on", "of",
    "for", "from", "by", "with", "without", "to", "into", "about", "despite", "however",
    "meanwhile", "moreover", "now", "then", "also", "still", "just", "even", "only", "all",
    "some", "many", "most", "much", "more", "less", "each", "every", "both", "either",
    "neither", "no", "not", "there", "here", "what", "which", "who", "whom", "whose",
    "why", "how", "where", "whether", "because", "although", "though", "unlike", "like",
    "according", "beyond", "within", "during", "until", "over", "under", "through",
    "first", "second", "third", "secondly", "thirdly", "finally", "next", "last", "right",
    "back", "perhaps", "ultimately", "instead", "indeed", "already", "again", "once",
    "other", "another", "such", "new", "is", "was", "are", "were", "be", "been", "has",
    "have", "had", "do", "does", "did", "will", "would", "could", "should", "may", "might",
    "can", "must", "let", "yes", "well", "one", "two", "three", "four", "five",
}  # fmt: skip
_MONTHS_DAYS = {*MONTHS, *FULL_WEEKDAYS, "today", "yesterday", "tomorrow"}
# Capitalised job titles and generic acronyms: context cues, not participants.
ROLE_WORDS = {
    "ceo", "cto", "cfo", "coo", "cpo", "vp", "svp", "evp", "chief", "officer", "president",
    "vice", "chairman", "chairwoman", "chair", "director", "founder", "co-founder",
    "cofounder", "head", "executive", "minister", "secretary", "senator", "governor",
    "mayor", "judge", "general", "manager", "spokesperson", "spokesman", "spokeswoman",
    "analyst", "professor", "dr", "mr", "mrs", "ms", "sir", "lord", "lady", "king", "queen",
    "prince", "princess", "pope", "rep", "sen", "gov", "prime", "deputy", "leader",
    "scientist", "researcher", "engineer", "investor", "partner", "member", "coach",
}  # fmt: skip
_GENERIC_CAPS = {"ai", "llm", "gpu", "roi", "api", "ipo", "tv", "pm", "am", "ceo", "vp", "faq"}
ORG_SUFFIXES = {
    "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "labs", "lab",
    "group", "commission", "agency", "university", "institute", "bank", "technologies",
    "technology", "systems", "holdings", "partners", "capital", "ventures", "foundation",
    "association", "council", "ministry", "department", "court", "party", "committee",
    "authority", "board", "office", "service", "news", "times", "post", "journal", "unit",
    "research", "ai", "motors", "airlines", "media", "networks", "studios", "federation",
    "league", "union", "administration", "bureau", "reserve", "parliament", "senate",
    "congress", "army", "police", "fund", "exchange", "club", "school", "college",
    "hospital", "network", "broadcasting", "press", "reuters", "intelligence", "team",
}  # fmt: skip
_PLACE_WORDS = {
    "valley", "street", "city", "county", "state", "states", "kingdom", "republic",
    "island", "islands", "river", "mountain", "mountains", "bay", "beach", "coast", "road",
    "avenue", "square", "park", "province", "region", "district", "east", "west", "north",
    "south", "central",
}  # fmt: skip
_PRODUCT_AFTER = {
    "model", "models", "chatbot", "app", "apps", "system", "platform", "glasses", "phone",
    "device", "software", "version", "release", "update", "series", "chip", "chips",
    "engine", "browser", "assistant", "headset", "console", "vaccine", "drug", "game",
}  # fmt: skip
_ORG_CONTEXT = re.compile(
    r"\b(?:company|companies|startup|start-up|firm|firms|rival|rivals|giant|giants|maker|"
    r"lab|labs|agency|regulator|group|unit|division|subsidiary|business)\b",
    re.IGNORECASE,
)
_PERSON_CONTEXT_BEFORE = re.compile(
    r"\b(?:ceo|cto|cfo|chief\s+\w+(?:\s+officer)?|president|founder|co-founder|head|"
    r"executive|director|chairman|minister|secretary|senator|governor|mr\.?|mrs\.?|ms\.?|"
    r"dr\.?|researcher|scientist|analyst|spokesperson|spokesman|spokeswoman|"
    r"\d+-year-old)\s*,?\s*$",
    re.IGNORECASE,
)
_PERSON_CONTEXT_AFTER = re.compile(
    r"^(?:’s|'s)?\s*,?\s*(?:who\b|the\s+(?:\w+\s+)?(?:ceo|founder|co-founder|chief|head|"
    r"former|president|director)|a\s+(?:former\s+)?(?:\w+\s+)?(?:employee|executive|"
    r"scientist|researcher|founder)|said\b|says\b|told\b|\(\d+\)|aged\b|\d+,)",
    re.IGNORECASE,
)

_VERSION = re.compile(r"\d{1,2}(?:\.\d{1,2})?[a-z]?|[IVX]{1,3}")
_DIGIT = re.compile(r"\d")
_NEXT_WORD = re.compile(r"\W*(\w+)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_DOTTED = {"inc", "corp", "ltd", "co", "jr", "sr", "bros", "plc"}
_TOKEN = re.compile(r"[A-Za-z0-9][\w’'&.\-]*")
# Particles inside a person's name: "Ursula von Leyen", "Luiz da Silva".
_PARTICLES = {"de", "van", "von", "der", "la", "le", "du", "da", "al", "bin"}
# Heads an "of" phrase continues as one name: "Bank of England", "Directors Guild of
# America", "University of Michigan". After a person ("Sam Altman of OpenAI") it does not.
_OF_HEADS = ORG_SUFFIXES | {
    "guild", "alliance", "house", "chamber", "society", "academy", "museum", "church",
    "kingdom", "republic", "states", "city", "province", "county", "state", "order",
    "bureau", "federation", "organization", "organisation", "confederation", "assembly",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A capitalised name in a passage, with absolute offsets and a guessed kind.

    `cued` is true when the kind came from the name's shape or its context rather than
    the default guess; `initial` when the name opens the sentence.
    """

    start: int
    end: int
    text: str
    kind: str
    cued: bool = False
    initial: bool = False


def _strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _is_version(word: str) -> bool:
    """A version token that continues a product name: "4", "4.5", "2", "X", "Pro"."""
    return bool(_VERSION.fullmatch(word))


def _is_name_word(word: str) -> bool:
    if not word[0].isupper():
        return False
    low = word.lower().rstrip(".")
    return low not in _MONTHS_DAYS and low not in ROLE_WORDS


def _classify(name: str, before: str, after: str) -> tuple[str, bool]:
    """Guess a kind from the name's shape and its context; say whether a cue decided it."""
    words = name.split()
    low = [w.lower().rstrip(".") for w in words]
    if _DIGIT.search(name) and (len(words) > 1 or "-" in name):
        return "product", True
    next_word = _NEXT_WORD.match(after)
    if next_word and next_word.group(1).lower() in _PRODUCT_AFTER and len(words) <= 2:
        return "product", True
    if low[-1] in ORG_SUFFIXES and len(words) > 1:
        return "organisation", True
    if "of" in low and low[low.index("of") - 1] in _OF_HEADS:
        return "organisation", True
    if low[-1] in _PLACE_WORDS or (len(words) > 1 and low[0] in _PLACE_WORDS):
        return "other", True
    if _PERSON_CONTEXT_BEFORE.search(before[-40:]) or _PERSON_CONTEXT_AFTER.match(after):
        if all(w[:1].isupper() and not w.isupper() for w in words):
            return "person", True
    if _ORG_CONTEXT.search(before[-25:]) or re.match(
        r"^(?:’s|'s)?\s+(?:ceo|chief|founder|executive|spokesperson|stock|shares|board)\b",
        after,
        re.IGNORECASE,
    ):
        return "organisation", True
    if 2 <= len(words) <= 3 and all(w.isalpha() and not w.isupper() for w in words):
        return "person", False
    return "organisation", False


def is_heading(text: str) -> bool:
    """A title-case line without final punctuation: a heading, whose capitals mean nothing."""
    text = text.strip()
    if not text or text[-1] in '.!?…"”’':
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if w.lower() not in _COMMON]
    return bool(words) and sum(w[0].isupper() for w in words) * 3 >= len(words) * 2


def find_entities(text: str, offset: int = 0) -> list[EntityMention]:
    """Capitalised names in one passage `text`; offsets are shifted by `offset`.

    Results are cached: the pipeline asks for the same passage several times (index,
    event detection, titles).
    """
    return list(_find_entities(text, offset))


def _leads_name(tokens: list[tuple[int, int, str]], i: int, first_word_start: int) -> bool:
    """ "New" inside a sentence, right before a name, is part of it: "New York",
    "New Delhi". At the start of a sentence it may be the adjective ("New Apple ...")."""
    s, e, word = tokens[i]
    if word != "New" or s == first_word_start or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1][2]
    return tokens[i + 1][0] == e + 1 and _is_name_word(nxt) and nxt.lower() not in _COMMON


@lru_cache(maxsize=1 << 16)
def _find_entities(text: str, offset: int) -> tuple[EntityMention, ...]:
    """The uncached work of `find_entities`.

    Runs of capitalised words (allowing connectors such as "of" and version numbers
    such as "4" or "4.5" after a name) form one name; leading function words that are
    capitalised only because they open the sentence are dropped.
    """
    if is_heading(text):
        return ()
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    out: list[EntityMention] = []
    i = 0
    first_word_start = tokens[0][0] if tokens else 0
    while i < len(tokens):
        s, e, word = tokens[i]
        word = word.rstrip(".-")
        if (
            not word
            or not _is_name_word(word)
            or (word.lower() in _COMMON and not _leads_name(tokens, i, first_word_start))
        ):
            i += 1
            continue
        j = i
        joined = False
        run = [(s, s + len(_strip_possessive(word)))]
        possessive = _strip_possessive(word) != word
        while j + 1 < len(tokens) and not possessive:
            ns, ne, nword = tokens[j + 1]
            gap = text[run[-1][1] : ns]
            if gap.strip() not in ("",):
                break
            nword = nword.rstrip(".-") if not _INITIALS.fullmatch(nword) else nword
            if _is_name_word(nword) and nword.lower() not in _COMMON:
                stripped = _strip_possessive(nword)
                run.append((ns, ns + len(stripped)))
                possessive = stripped != nword
                j += 1
            elif _is_version(nword) and len(run) <= 2:
                run.append((ns, ns + len(nword)))
                j += 1
                break
            elif _joins(text, run, tokens, j, after_of=joined):
                joined = joined or tokens[j + 1][2].lower() == "of"
                j += 1
                ns, ne, nword = tokens[j + 1]
                stripped = _strip_possessive(nword.rstrip(".-"))
                run.append((ns, ns + len(stripped)))
                possessive = stripped != nword.rstrip(".-")
                j += 1
            else:
                break
        if len(run) > 1 and text[run[0][0] : run[0][1]].lower() in _GENERIC_CAPS:
            # "in AI Zuckerberg said": a generic acronym glued to the name after it.
            run = run[1:]
        if len(run) >= 3 and _glued_person(text, run):
            # "the former CEO of GitHub Daniel Gross, a former Apple employee": run-on
            # text glues an organisation to the person named after it; the first name
            # ends at the organisation, and the person is read on its own next.
            run = run[:1]
            j = i
        start, end = run[0][0], run[-1][1]
        name = text[start:end].rstrip(".")
        if text[start + len(name) : start + len(name) + 1] == "." and (
            name.split()[-1].lower() in _DOTTED or re.search(r"(?:\b[A-Z]\.)+[A-Z]$", name)
        ):
            name += "."  # "Acme Inc.", "U.S." keep their full stop
        end = start + len(name)
        i = j + 1
        low = name.lower()
        if low in _GENERIC_CAPS or len(name) < 2 or _PLURAL_ACRONYM.fullmatch(name):
            continue  # "GPUs", "CEOs": plural acronyms are common nouns
        if all(w.lower().rstrip(".") in ROLE_WORDS | _GENERIC_CAPS for w in name.split()):
            continue
        if _DEMONYM.fullmatch(name) and _LOWER_NEXT.match(text, end):
            continue  # "the shortest tenure of any British prime minister": an adjective
        kind, cued = _classify(name, text[:start], text[end:])
        initial = start == first_word_start or not text[:start].strip(" \"'“‘([")
        out.append(EntityMention(offset + start, offset + end, name, kind, cued, initial))
    return tuple(out)


def _joins(
    text: str,
    run: list[tuple[int, int]],
    tokens: list[tuple[int, int, str]],
    j: int,
    after_of: bool,
) -> bool:
    """Whether the connector after token `j` continues the name in `run` into the next
    capitalised word: "of" after an institution's head word, "and" inside such a name
    ("Alliance of Motion Picture and Television Producers"), or a particle of a person's
    name; "Sam Altman of OpenAI" and "Microsoft and Google" stay two names."""
    if j + 2 >= len(tokens):
        return False
    connector = tokens[j + 1][2].lower()
    follower = tokens[j + 2][2].rstrip(".-")
    if (
        text[run[-1][1] : tokens[j + 1][0]] != " "
        or text[tokens[j + 1][1] : tokens[j + 2][0]] != " "
        or not follower
        or not _is_name_word(follower)
        or follower.lower() in _COMMON
    ):
        return False
    if connector == "of":
        head = _strip_possessive(text[run[-1][0] : run[-1][1]]).lower()
        return head in _OF_HEADS
    if connector == "and":
        if " and " in text[run[0][0] : run[-1][1]]:
            return False  # only once
        rest = _name_words_from(text, tokens, j + 2)
        # Inside an "of" name, before two words or more: "Motion Picture and Television
        # Producers"; or before a long institution's name: "Cybersecurity and
        # Infrastructure Security Agency". "Michigan and Microsoft" stay two names.
        return (after_of and len(rest) >= 2) or (
            len(rest) >= 3 and rest[-1].lower().rstrip(".") in ORG_SUFFIXES
        )
    return connector in _PARTICLES


def _name_words_from(text: str, tokens: list[tuple[int, int, str]], i: int) -> list[str]:
    """The run of single-spaced capitalised name words starting at token `i`."""
    words: list[str] = []
    while i < len(tokens):
        word = tokens[i][2].rstrip(".-")
        if not word or not _is_name_word(word) or word.lower() in _COMMON:
            break
        if words and text[tokens[i - 1][1] : tokens[i][0]] != " ":
            break
        words.append(word)
        i += 1
    return words


# One capitalised word with a nationality's ending, before a common noun.
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ean|can|ic)")
_LOWER_NEXT = re.compile(r" [a-z]")
_NAME_HEADS = ORG_SUFFIXES | _PLACE_WORDS
_CAMEL = re.compile(r"[A-Z]?[a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*|[A-Z]{2,}")


def _glued_person(text: str, run: list[tuple[int, int]]) -> bool:
    """Whether a run of names is an organisation with inner capitals ("GitHub",
    "OpenAI", "IBM") followed by a person's first and last name ("Daniel Gross") that
    its context marks as a person (", a former employee", ", who", " said")."""
    words = [text[s:e] for s, e in run]
    rest = words[1:]
    return (
        bool(_CAMEL.fullmatch(words[0]))
        and len(rest) == 2
        and bool(_PERSON_CONTEXT_AFTER.match(text[run[-1][1] :]))
        and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in rest)
        and all(w.lower() not in _NAME_HEADS for w in rest)
    )


# A single-word acronym or blend with two or more capitals: "FAIR", "GenAI", "NHTSA".
_ACRONYM = re.compile(r"(?=\w*[A-Z]\w*[A-Z])[A-Z][A-Za-z]{2,9}")
_PHRASE_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_SKIPPABLE = {"of", "and", "for", "the", "&", "on", "in"}


def _acronym_parts(acronym: str) -> tuple[str, ...]:
    """ "GenAI" -> ("Gen", "A", "I"), "FAIR" -> ("F", "A", "I", "R")."""
    return tuple(re.findall(r"[A-Z][a-z]*", acronym))


def _expands(parts: tuple[str, ...], tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """The end token index of a phrase from token `i` that the acronym's parts abbreviate.

    Each word takes one part: a capitalised word its initial ("Fundamental" for "F"), any
    word a longer prefix it truly shortens ("generative" for "Gen"), an acronym word the
    same letters ("AI" for "A", "I"); function words ("of", "and") may go between.
    """
    j = i
    pi = 0
    while pi < len(parts):
        if j >= len(tokens) or j - i > len(parts) + 2:
            return None
        word = tokens[j][2]
        if j > i and tokens[j][0] - tokens[j - 1][1] > 1:
            return None  # a phrase runs without punctuation between its words
        if word.isupper() and len(word) >= 2 and "".join(parts[pi : pi + len(word)]) == word:
            pi += len(word)
        elif len(parts[pi]) == 1 and word[0] == parts[pi] and word[1:].islower():
            pi += 1
        elif (
            len(parts[pi]) >= 3
            and len(word) >= len(parts[pi]) + 2
            and word.lower().startswith(parts[pi].lower())
        ):
            pi += 1
        elif j > i and word.lower() in _SKIPPABLE:
            pass
        else:
            return None
        j += 1
    return j


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _similar_given_names(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    return _edit_distance(a, b) <= max(1, min(len(a), len(b)) // 4)


def _normal(name: str) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", name)
    return _strip_possessive(name)


class EntityIndex:
    """The entities of a story with aliases merged; maps any surface form to one name."""

    def __init__(self, mentions: Iterable[EntityMention]):
        counts: Counter[str] = Counter()
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        non_initial: Counter[str] = Counter()
        for m in mentions:
            name = _normal(m.text)
            if not name:
                continue
            counts[name] += 1
            votes[name][m.kind] += 3 if m.cued else 1
            if not m.initial or m.cued or len(name.split()) > 1:
                non_initial[name] += 1
        # A name only ever seen opening a sentence with no cue is a capitalised word.
        names = sorted(n for n in counts if non_initial[n] or re.search(r"[A-Z].*[A-Z]|\d", n))
        self._canonical: dict[str, str] = {}
        self._kind: dict[str, str] = {}
        self._expansions: dict[str, str] = {}
        self._expansion_re: re.Pattern[str] | None = None
        self._build(names, counts, votes)

    def _build(
        self, names: list[str], counts: Counter[str], votes: dict[str, Counter[str]]
    ) -> None:
        def kind_of(name: str) -> str:
            ranked = sorted(votes[name].items(), key=lambda kv: (-kv[1], KINDS.index(kv[0])))
            return ranked[0][0]

        parent: dict[str, str] = {n: n for n in names}

        def find(n: str) -> str:
            while parent[n] != n:
                parent[n] = parent[parent[n]]
                n = parent[n]
            return n

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                # The fuller form leads ("Alexandr Wang" over "Wang"), then the more
                # frequent spelling, then the alphabetically first for determinism.
                key_a = (-len(ra.split()), -counts[ra], ra)
                key_b = (-len(rb.split()), -counts[rb], rb)
                if key_b < key_a:
                    ra, rb = rb, ra
                parent[rb] = ra

        multi = [n for n in names if len(n.split()) > 1]
        persons = [n for n in multi if kind_of(n) == "person"]
        by_surname: dict[str, list[str]] = defaultdict(list)
        for n in persons:
            by_surname[n.split()[-1]].append(n)
        for group in by_surname.values():
            for a in group:
                for b in group:
                    if a < b and _similar_given_names(a.split()[0], b.split()[0]):
                        union(a, b)
        for n in names:
            if len(n.split()) != 1:
                continue
            roots = {find(p) for p in by_surname.get(n, [])}
            if len(roots) == 1 and not any(c.isdigit() for c in n):
                union(roots.pop(), n)
                continue
            # A short form of an organisation: "Scale" for "Scale AI", unless the short
            # form is the more common name on its own (then the long one is a sub-brand).
            longer = [
                m
                for m in multi
                if m.split()[0] == n
                and all(w.lower().rstrip(".") in ORG_SUFFIXES for w in m.split()[1:])
                and counts[m] >= counts[n]
            ]
            if len(longer) == 1:
                union(longer[0], n)
        # An acronym and the one name of the story it abbreviates: "SVB" and "Silicon Valley
        # Bank", "FDIC" and "Federal Deposit Insurance Corporation".
        for n in names:
            if not _ACRONYM.fullmatch(n) or kind_of(n) == "person":
                continue
            parts = _acronym_parts(n)
            spelled = [
                m
                for m in multi
                if kind_of(m) != "person"
                and _expands(parts, [(0, 0, w) for w in m.split()], 0) == len(m.split())
            ]
            if len(spelled) == 1:
                union(spelled[0], n)
        groups: dict[str, list[str]] = defaultdict(list)
        for n in names:
            groups[find(n)].append(n)
        for root, members in groups.items():
            total: Counter[str] = Counter()
            for m in members:
                total.update(votes[m])
            if any(len(m.split()) > 1 and kind_of(m) == "person" for m in members):
                kind = "person"
            else:
                kind = sorted(total.items(), key=lambda kv: (-kv[1], KINDS.index(kv[0])))[0][0]
            for m in members:
                self._canonical[m] = root
            self._kind[root] = kind
        self._aliases = {
            root: tuple(sorted(m for m in members if m != root)) for root, members in groups.items()
        }
        self._counts = {root: sum(counts[m] for m in members) for root, members in groups.items()}

    def learn_expansions(self, texts: Iterable[str]) -> None:
        """Find, in the story's texts, the phrases its acronyms and blends abbreviate
        ("generative AI" for "GenAI", "Fundamental AI Research" for "FAIR"), so that
        `expansions_in` can name the entity wherever a text spells it out."""
        # Acronyms by the letter their phrase must start with: one look-up per word.
        by_letter: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for n in sorted(self._kind):
            if _ACRONYM.fullmatch(n):
                by_letter[n[0].lower()].append((n, _acronym_parts(n)))
        found: dict[str, str] = {}
        for text in texts if by_letter else ():
            tokens = [(m.start(), m.end(), m.group(0)) for m in _PHRASE_WORD.finditer(text)]
            for i, (_, _, word) in enumerate(tokens):
                for acronym, parts in by_letter.get(word[0].lower(), ()):
                    end = _expands(parts, tokens, i)
                    if end is not None and end - i >= 2:
                        phrase = " ".join(t[2] for t in tokens[i:end]).lower()
                        if phrase != acronym.lower() and phrase not in self._canonical:
                            found.setdefault(phrase, acronym)
        self._expansions = found
        self._expansion_re = (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(p) for p in sorted(found, key=lambda p: (-len(p), p)))
                + r")(?!\w)"
            )
            if found
            else None
        )

    def expansions_in(self, text: str, offset: int = 0) -> list[tuple[int, str]]:
        """(offset, entity) of each spelled-out form of an acronym in `text`."""
        if self._expansion_re is None:
            return []
        return [
            (offset + m.start(), self._expansions[m.group(0)])
            for m in self._expansion_re.finditer(text.lower())
        ]

    def canonical(self, surface: str) -> str | None:
        """The story-wide name of a surface form, or None when it is not an entity."""
        return self._canonical.get(_normal(surface))

    def kind(self, name: str) -> str:
        return self._kind.get(name, "other")

    def count(self, name: str) -> int:
        """How many mentions the story has of this entity, all aliases included."""
        return self._counts.get(name, 0)

    def is_protagonist(self, name: str) -> bool:
        """Whether the entity is named so often it cannot tell two happenings apart."""
        top = max(self._counts.values(), default=0)
        return top >= 5 and self._counts.get(name, 0) * 2 >= top

    def record(self, name: str) -> EntityRecord:
        return EntityRecord(name=name, kind=self.kind(name), aliases=self._aliases.get(name, ()))
