"""Words as the similarity measure compares them: lower case, common words left out, the usual
English endings cut so "responsibilities", "responsibility" and "GP's" meet "GPs", and the forms
of one thing said differently ("general practitioner", "GP") read as one (synonyms.txt)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

SYNONYMS = Path(__file__).with_name("synonyms.txt")

STOP_WORDS = frozenset(
    re.findall(
        r"\w+",
        """a about all also an and any are as at be been being by can could do does for from had has
        have how if in into is it its may more must need needs not of on or other our should so such
        than that the their them there these they this those through to under upon was were what when
        where which who will with within would""",
    )
)
# Longest first: the first ending that leaves a long enough stem is cut.
ENDINGS = ("ations", "ation", "ities", "ments", "ment", "ances", "ance", "ences", "ence", "ings", "ing",
           "ity", "ies", "ed", "es", "ly", "s", "e")  # fmt: skip


# The same few thousand words come back in every recommendation: each is cut once.
@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    for ending in ENDINGS:
        # A plural "s" may leave two letters ("GPs" is "gp"); other endings need a longer stem.
        if word.endswith(ending) and len(word) - len(ending) >= (2 if ending == "s" else 3):
            word = word[: -len(ending)]
            break
    # "conference" and "conferences" both end as "conferenc".
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def words_of(text: str) -> list[str]:
    """The words of a text in lower case, a possessive "'s" dropped."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("'s", "").replace("’s", ""))


def plain_terms(text: str) -> list[str]:
    return [stem(w) for w in words_of(text) if w not in STOP_WORDS and len(w) > 1]


@lru_cache(maxsize=1)
def synonym_sets() -> tuple[tuple[str, ...], ...]:
    """Each set of synonyms as written, its first form first."""
    found = []
    for number, line in enumerate(SYNONYMS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        first, colon, others = line.partition(":")
        forms = (first.strip(), *(f.strip() for f in others.split(",") if f.strip()))
        if not colon or len(forms) < 2:
            raise ValueError(f"{SYNONYMS.name}, line {number}: expected 'first: other, other'")
        found.append(forms)
    return tuple(found)


@lru_cache(maxsize=1)
def replacements() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """First term of a form → (the form's terms, the first form's terms), longest forms first."""
    found: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for forms in synonym_sets():
        into = tuple(plain_terms(forms[0]))
        # The first form too: a longer form holding another set's form is read whole.
        for form in forms:
            if own := tuple(plain_terms(form)):
                found.setdefault(own[0], []).append((own, into))
    for pairs in found.values():
        pairs.sort(key=lambda pair: -len(pair[0]))
    return found


def joined(stems: list[str]) -> list[str]:
    """Each form of a set of synonyms replaced by the set's first form."""
    forms = replacements()
    out: list[str] = []
    i = 0
    while i < len(stems):
        for own, into in forms.get(stems[i], ()):
            if tuple(stems[i : i + len(own)]) == own:
                out += into
                i += len(own)
                break
        else:
            out.append(stems[i])
            i += 1
    return out


def terms(text: str) -> list[str]:
    return joined(plain_terms(text))


def alternatives(words: list[str]) -> list[list[tuple[str, ...]]]:
    """The words of a search, each (or each run of words that is a form of a set of synonyms)
    with the phrases that mean the same: ["gp", "visits"] gives [[("gp",), ("general",
    "practitioner"), ("family", "doctor")], [("visits",)]]. Forms are matched stem by stem."""
    sets = [[tuple(words_of(form)) for form in forms] for forms in synonym_sets()]
    stems = [stem(w) for w in words]
    found: list[list[tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        best: tuple[int, list[tuple[str, ...]]] = (0, [])
        for forms in sets:
            for form in forms:
                n = len(form)
                if n > best[0] and stems[i : i + n] == [stem(w) for w in form]:
                    best = (n, forms)
        if best[0]:
            # As typed too: the database's stemming may not meet the form written in the list.
            typed = tuple(words[i : i + best[0]])
            found.append([typed, *(form for form in best[1] if form != typed)])
            i += best[0]
        else:
            found.append([(words[i],)])
            i += 1
    return found
