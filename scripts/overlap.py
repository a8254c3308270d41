"""When is a held-out message not new? The rule the overlap test applies.

A message of the held-out set (`tests/nlu_holdout.yml`) or of the development set
(`tests/nlu_dev.yml`) must be new to the model: neither a training example nor a
near-copy of one. Plain Python, no Rasa imports, so the rule is table-tested on
its own (`tests/test_overlap.py`) and applied to the real files by
`tests/test_rasa_project.py`.

Normalisation: lower case; apostrophes and hyphens deleted ("what's" -> "whats",
"micro-masters" -> "micromasters"); every other character that is not a letter or
a digit is a space ("Sure, why not?!" -> "sure why not").

- **The same message**: after normalisation, the same letters and digits in the
  same order, spaces ignored ("Micro masters?" = "micromasters").
- **A near-copy**, either of:
  - *one word apart*: the two word sequences differ by one word added, removed or
    changed, and the shorter one has at least four words (so at least three words
    are shared, in order): "is the micromasters worth it" / "is a micromasters
    worth it" and "credits toward a degree" / "count toward a degree" are one
    word apart; "is a micromasters worth it" / "is a micromasters worth it at
    all" is not (two words added). In a message of two or three words one word
    is a third of it or more ("is this ai" / "is this legit"), so short messages
    are near-copies only when spelled alike;
  - *spelled alike*: a character similarity ratio of at least 0.9 between the
    normalised texts (difflib's ratio: twice the matched characters over the
    total length), which catches typos and joined or split words ("how long does
    a micromasters take" / "how long does a micro masters takes").

The label is not part of the rule: a near-copy of a training example is not a new
message, whatever intent either one carries.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

APOSTROPHES_AND_HYPHENS = re.compile(r"['\u2018\u2019\u02bc`\u00b4\-\u2010\u2011\u2012\u2013\u2014]")
NOT_A_LETTER_OR_DIGIT = re.compile(r"[\W_]+")

SIMILARITY_THRESHOLD = 0.9
MIN_WORDS_FOR_ONE_WORD_APART = 4


def normalise(text: str) -> str:
    """Lower case, apostrophes and hyphens deleted, other punctuation a space, spaces collapsed."""
    text = APOSTROPHES_AND_HYPHENS.sub("", text.lower())
    return " ".join(NOT_A_LETTER_OR_DIGIT.sub(" ", text).split())


def compact(text: str) -> str:
    """The letters and digits of a message, in order: the key of "the same message"."""
    return normalise(text).replace(" ", "")


def same_message(a: str, b: str) -> bool:
    return compact(a) == compact(b)


def one_word_apart(a: str, b: str) -> bool:
    """The word sequences differ by one word added, removed or changed (the shorter has >= 4 words)."""
    return _one_word_apart(normalise(a).split(), normalise(b).split())


def _one_word_apart(x: List[str], y: List[str]) -> bool:
    if len(x) > len(y):
        x, y = y, x
    if len(x) < MIN_WORDS_FOR_ONE_WORD_APART or len(y) - len(x) > 1:
        return False
    if len(x) == len(y):
        return sum(1 for p, q in zip(x, y, strict=True) if p != q) <= 1
    # y is x with one word added: x is y without one of its words
    return any(x == y[:i] + y[i + 1 :] for i in range(len(y)))


def similarity(a: str, b: str) -> float:
    """difflib's ratio of the normalised texts: 2 x matched characters / total characters.

    difflib's matching can depend on the order of its two inputs; the larger of the
    two orders is taken, so the rule is symmetric.
    """
    x, y = normalise(a), normalise(b)
    return max(
        SequenceMatcher(None, x, y, autojunk=False).ratio(),
        SequenceMatcher(None, y, x, autojunk=False).ratio(),
    )


def near_copy(a: str, b: str) -> bool:
    return one_word_apart(a, b) or similarity(a, b) >= SIMILARITY_THRESHOLD


def why_not_new(text: str, training_text: str) -> Optional[str]:
    """ "the same message", "one word apart", "spelled alike (0.93)", or None when new."""
    if same_message(text, training_text):
        return "the same message"
    if one_word_apart(text, training_text):
        return "one word apart"
    ratio = similarity(text, training_text)
    if ratio >= SIMILARITY_THRESHOLD:
        return f"spelled alike ({ratio:.2f})"
    return None


def not_new(texts: Iterable[str], training_texts: Sequence[str]) -> List[Tuple[str, str, str]]:
    """(message, training example, why) for every message that is not new to the training texts.

    Every pair is compared; two upper bounds of the ratio (lengths, then shared
    characters) skip the pairs that cannot be spelled alike, so a few hundred
    messages against a few thousand examples take seconds.
    """
    training: Dict[str, str] = {}
    for example in training_texts:
        training.setdefault(normalise(example), example)
    by_compact = {key.replace(" ", ""): example for key, example in training.items()}
    indexed = [(key, key.split(), example) for key, example in training.items()]
    found = []
    for text in texts:
        norm = normalise(text)
        words = norm.split()
        if norm.replace(" ", "") in by_compact:
            found.append((text, by_compact[norm.replace(" ", "")], "the same message"))
            continue
        bound = SequenceMatcher(None, autojunk=False)
        bound.set_seq2(norm)
        for key, key_words, example in indexed:
            if _one_word_apart(words, key_words):
                found.append((text, example, "one word apart"))
                break
            # difflib's ratio is at most 2 x the shorter length / the total length
            if 2 * min(len(norm), len(key)) < SIMILARITY_THRESHOLD * (len(norm) + len(key)):
                continue
            bound.set_seq1(key)
            if bound.quick_ratio() < SIMILARITY_THRESHOLD:  # the same in either order
                continue
            ratio = similarity(norm, key)
            if ratio >= SIMILARITY_THRESHOLD:
                found.append((text, example, f"spelled alike ({ratio:.2f})"))
                break
    return found
