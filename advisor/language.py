"""Tell a message written in another language from English, without a language model.

The classifiers know English only. "hola, cuanto cuesta un micromasters?" has
one word they know, and they read it as a confident question about credit.
Common words of Spanish, French, German, Portuguese and Italian that are not
also English words say such a message is not English; then the bot says it
answers in English instead of guessing.
"""

from __future__ import annotations

import re

# Function words and everyday question words, none of them an English word or a
# likely English typo or abbreviation ("was", "die", "per", "mit", "um", "do",
# "con", "a", "no", "me", "y" for "why" are left out). Greetings and thanks are
# left out too: "gracias" and "bonjour" are understood.
FOREIGN_WORDS = frozenset(
    # Spanish
    "que qué cuánto cuanto cuánta cuanta cuántos cuantos cuesta cuestan cuál cual cuáles cuales cómo como "
    "dónde donde cuándo cuando por qué porque es son un una unos unas el los las del para puedo puede "
    "hay quiero tengo necesito pero muy también sí programa programas certificado certificados curso "
    "cursos maestría maestria precio costo vale pena tiempo dura años meses semanas horas hacer sirve "
    "mejor cuenta créditos creditos título titulo estudiar trabajo "
    # French
    "le les des est une combien coûte coute coûtent pour avec je vous pourquoi quel quelle quels sont "
    "dans mais très oui c'est qu'est cours prix certificat faut peut être avoir "
    # German
    "der das ist und nicht ich wie wieviel viel kostet ein eine einen für warum welche kann kurs "
    "zertifikat dauert lange gibt mich mir "
    # Portuguese and Italian
    "quanto quanta custa você não uma é são posso preço demora il sono perché che della corso costa "
    "la de en".split()
)

# Common English words: a message with as many of these is English with a few
# foreign words in it ("is the curso in english?").
ENGLISH_WORDS = frozenset(
    "the is are was were be been how what which who when where why much many can could would should will "
    "do does did i you it its my your we our they them this that these those there of to for in on with "
    "about from and or but if get want need have has take long cost worth any some one not".split()
)

_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def is_other_language(text: str) -> bool:
    """True for a message written in another language than English.

    Latin script: at least two of ``FOREIGN_WORDS`` and more of them than
    common English words. Other scripts: most of the letters are not Latin.
    """
    lowered = text.lower()
    letters = [c for c in lowered if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if c <= "\u024f")  # Basic Latin to Latin Extended-B
    if latin * 2 < len(letters):
        return True
    words = _WORDS.findall(lowered)
    foreign = sum(1 for w in words if w in FOREIGN_WORDS)
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    return foreign >= 2 and foreign > english


# Characters of code or markup rather than of a sentence; two of them, or "()", make a message code.
_CODE_CHARACTERS = re.compile(r"[;{}=<>*\\|`]")
_METHOD_CALL = re.compile(r"[a-z_]\.[a-z_]\w*\(", re.IGNORECASE)


def is_not_words(text: str) -> bool:
    """True for a message of figures, symbols or code ("12345", "!!!!!!", "SELECT * FROM users;").

    The classifiers read "12345" as a questionnaire answer (a budget) and code
    as a statement; outside the questions the honest reply is that it was not
    understood, not "OK. What else would you like to know?".
    """
    if not re.search(r"[^\W\d_]{2,}", text):  # no word of two letters or more, in any alphabet
        return True
    return is_code(text)


def is_code(text: str) -> bool:
    """True for code or markup ("SELECT * FROM users;", "def foo(): return 42", "<b>hi</b>").

    A sentence has at most one of ``;{}=<>*\\|`` ("i <3 mit", "budget = 500"); code has
    more, an empty "()" or a method call ("console.log(x)").
    """
    return len(_CODE_CHARACTERS.findall(text)) >= 2 or "()" in text or bool(_METHOD_CALL.search(text))
