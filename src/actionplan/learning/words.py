"""Words as the similarity measure compares them: lower case, common words left out, and the
usual English endings cut so "responsibilities", "responsibility" and "GP's" meet "GPs"."""

from __future__ import annotations

import re
from functools import lru_cache

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


def terms(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'s", "").replace("’s", ""))
    return [stem(w) for w in words if w not in STOP_WORDS and len(w) > 1]
