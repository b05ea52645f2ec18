"""Words that refer back to something the text named before, as regex pieces.

`events` finds what such a word stands for (the subject of a headline: "the airline" is
the airline the story was about, "the first version" the product just named) and `titles`
puts that name in its place. Both read the same words, so they live here; each module
anchors the pieces where it needs them.

What it deliberately does not do: no resolution (that needs the story's names, which
`events` has) and no other pronouns than those that can open a clause as its subject.
"""

from __future__ import annotations

# Nouns that stand for an organisation already named: "the company", "the airline".
_ORGANISATION_NOUNS = (
    "company", "firm", "airline", "carrier", "startup", "start-up", "insurer", "regulator",
    "agency", "automaker", "carmaker", "manufacturer", "retailer", "chipmaker",
)  # fmt: skip
ORG_ANAPHOR = rf"the\s+(?:{'|'.join(_ORGANISATION_NOUNS)})\b"
# "The first version", "the latest model" with no "of ...": a part of something just named.
DEFINITE_PART = (
    r"the\s+(?:first|original|second|third|latest|newest|next|new|previous)\s+"
    r"(?:version|model|edition|release|generation|iteration|update)\b(?!\s+of\b)"
)
# Words that stand for a subject named before: "it", "they", "he", "she".
SUBJECT_PRONOUN = r"(?:it|they|he|she)\b"
# Words that stand for what the sentence before told: "This includes ...".
DEMONSTRATIVE = r"(?:this|that|these|those)\b"
