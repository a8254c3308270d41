"""Read a learner's situation from free text.

The recommendation needs five answers (goal, whether credit matters, weekly
hours, budget, subject). People give them in their own words, often several in
one message ("10 hours a week, about $1,500, I want a master's later"), so the
parsers here pick each answer out of any sentence; a bare number only counts
when the bot has just asked for that very answer.
"""

from __future__ import annotations

import re
from typing import Dict, Optional

from advisor.matching import normalise

GOAL_SKILLS = "skills"
GOAL_GRADUATE = "graduate"
GOALS = (GOAL_SKILLS, GOAL_GRADUATE)
# "Not sure", "skip": an answer that leaves the question out of the recommendation.
UNSURE = "unsure"
NO_BUDGET_LIMIT = 1_000_000.0
# "Cheap", "tight budget": a small budget with no figure. Replies call it "small"
# rather than quoting a number the user never said; not a round figure, so it is
# not mistaken for an amount someone typed.
LOW_BUDGET = 299.0
ANY_SUBJECT = "any"

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "a couple of": 2,
    "a couple": 2,
    "a few": 3,
    "few": 3,
}
_NUM = r"(\d+(?:[.,]\d+)?)"
_NEGATION = re.compile(
    r"\b(no|not|don'?t|dont|doesn'?t|doesnt|without|never|nah|nope|neither|optional|bonus|"
    r"irrelevant|unimportant|whatever|isn'?t|isnt|didn'?t|didnt|wouldn'?t|wouldnt|won'?t|wont)\b"
)

_GRADUATE_WORDS = (
    "master",
    "masters",
    "master's",
    "grad school",
    "graduate",
    "deep",
    "in depth",
    "depth",
    "expertise",
    "expert",
    "academic",
    "phd",
    "research",
    "degree",
    "advanced",
    "rigorous",
    "thorough",
    "specialise",
    "specialize",
    "specialization",
    "specialisation",
)
_SKILL_WORDS = (
    "quick",
    "quickly",
    "fast",
    "skill",
    "skills",
    "job",
    "practical",
    "upskill",
    "hands on",
    "promotion",
    "asap",
    "short",
    "boost my cv",
    "resume",
    "cv",
    "right away",
    "immediately",
    "work",
    "hired",
    "employable",
    "career switch",
    "move into",
    "moving into",
    "transition into",
    "break into",
    "career change",
    "switch careers",
    "change careers",
    "apply at work",
    "pick up",
)


def _number(raw: str) -> float:
    """Read "1,500" as 1500 and "2,5" as 2.5 (a decimal comma).

    A separator at either end is punctuation ("about $1,500, credit matters").
    """
    raw = raw.strip(",.")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", raw):
        return float(raw.replace(",", ""))
    if re.fullmatch(r"\d+([.,]\d+)?", raw):
        return float(raw.replace(",", "."))
    return float(re.sub(r"\D", "", raw))  # "1,2,3" or "1.2.3": the digits


def _count(words: str, phrases: tuple) -> int:
    return sum(1 for phrase in phrases if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", words))


_HAS_A_DEGREE = re.compile(
    r"\b(i|i've|ive|i have|i already|already)\s+(already\s+)?(have|hold|got|completed|finished|did|earned)\s+"
    r"(a|an|my|the)?\s*(masters?|master's|msc|mba|phd|degree|bachelor'?s?)(\s+degree)?(\s+(in|from)\s+\w+)?"
)


def without_degrees_held(text: str) -> str:
    """The message without degrees the learner has: "I have a bachelors in economics" is no subject wanted."""
    return _HAS_A_DEGREE.sub(" ", normalise(text))


# "data analysis instead of AI", "data analysis though, not AI": the subject after these, up to the
# clause's end, is not wanted ("not AI, data science" still wants data science).
_REJECTED = re.compile(r"\b(?:instead of|rather than|not|no longer|no more)\s+[^,.;:!?]+")


def without_rejected(text: str) -> str:
    """The message without what it turns down: "change the subject to data analysis instead of AI" wants data."""
    return normalise(_REJECTED.sub(" ", text.lower()))


_JOB_HOURS = re.compile(
    r"\b(work|works|working|worker|employed)( a)? (full|part) time\b|\b(full|part) time (job|jobs|work|employment)\b"
)


_NOT_A_SKILL = re.compile(
    r"\b(no|not|don'?t|dont)\b( an?| just an?)? (quick|practical|job|short)?\s?(skill|skills|course)\b"
)


# Learning for its own sake ("just for interest", "for pleasure, no career aims"): neither goal; left out.
_FOR_INTEREST = re.compile(
    r"\b(for (pleasure|fun|interest|myself|my own interest)|just (for )?interest|out of (interest|curiosity)"
    r"|curiosity|personal interest|hobby|no career (aims?|goals?)|before college|for enjoyment)\b"
)
# "not sure, maybe later a masters": a hedge first, whatever follows.
_HEDGE_FIRST = re.compile(r"^(not (really )?sure|no idea|idk|dunno|(i )?don'?t know|hard to say|unsure)\b")


def leaves_open(text: str) -> bool:
    """True for an answer that leaves the question open though it is more than "not sure"."""
    words = normalise(text)
    return bool(_FOR_INTEREST.search(words) or _HEDGE_FIRST.match(words))


def wants_both(text: str) -> bool:
    """True for "both really, I want job skills but also maybe a masters later": the goal is left open."""
    words = normalise(text)
    return (
        bool(re.search(r"\bboth\b", words)) and _count(words, _GRADUATE_WORDS) > 0 and _count(words, _SKILL_WORDS) > 0
    )


def parse_goal(text: str) -> Optional[str]:
    """``graduate`` for deep/graduate expertise, ``skills`` for a quick job skill."""
    # "I already have a master's in engineering" says what one has, not what one wants.
    # "I work full time" says how busy one is, not that the goal is a job skill.
    words = _JOB_HOURS.sub(" ", _HAS_A_DEGREE.sub(" ", normalise(text)))
    words = re.sub(r"\b(i|we) work\b", " ", words)  # "I work shifts": a job, not a job-skill goal
    graduate, skills = _count(words, _GRADUATE_WORDS), _count(words, _SKILL_WORDS)
    if (
        re.search(r"\b(no|not|don'?t|dont)\b[^.]{0,20}\b(master|masters|degree|grad)", words)
        or _NO_DEGREE_WANTED.search(words)  # "forget the degree part", "no more school"
        # "nothing academic", "non academic", "a CFA instead of a masters": academic turned down
        or re.search(r"\b(nothing|non|not|no)\s+(too\s+|very\s+|that\s+)?academic", words)
        or re.search(r"\b(instead of|rather than)\s+(a\s+|the\s+)?(masters?|master's|degree|grad)", words)
    ):
        graduate = 0
    if _NOT_A_SKILL.search(words):  # "deep expertise, not a quick skill"
        skills = 0
    if wants_both(text):  # "both really: job skills, maybe a masters later"
        return None
    if graduate > skills:
        return GOAL_GRADUATE
    if skills > graduate:
        return GOAL_SKILLS
    return None


_FILLER = re.compile(
    r"(h+m+|u+m+|u+h+|e+r+m*|well|ok so|(let me|lemme) (think|see)( about (it|that))?"
    r"|i need to think( about (it|that))?|(just )?thinking|one sec(ond)?|just a (sec|moment)|hold on|hang on|wait"
    r"|give me a (sec|second|minute|moment))"
    r"( (h+m+|u+m+|let me think|a (sec|second|minute|moment)))*"
)


# Words a request to stop the questions uses ("stop", "never mind", "i'm done answering").
_STOPPING = re.compile(
    r"\b(stop\w*|cancel\w*|never ?mind|nvm|quit\w*|exit|abort\w*|halt|enough|forget|skip|leave|end|done|no more|shut up"
    r"|don'?t (want|ask)|do not (want|ask)|let me out|get me out|pause|give up|abandon|drop|not answering"
    r"|changed my mind|let'?s not|continue|go on|finish|bail|want out|rather not|(can|could) we not|wanna"
    r"|not do this|any ?more)\b"
)


def asks_to_stop(text: str) -> bool:
    """True when a message read as a request to stop says so in words.

    Nonsense such as "blorp qwertyuiop" can be read as ``stop`` with some
    confidence, and ending the questions for it would lose the learner's answers.
    """
    return _STOPPING.search(normalise(text)) is not None


_UNSURE = re.compile(
    r"((honestly|tbh|to be honest|hmm+|um+|well|sorry|oh)\s)*"
    r"((i'?m |i am |im )?(not (really |too |so |entirely |totally |quite )?(sure|certain)|unsure)"
    r"|(i )?(really )?(don'?t|do not|dont) know|dunno|idk|no idea|no clue|not a clue|hard to say|(i )?can'?t say"
    r"|(i )?(haven'?t|have not) decided|undecided|not decided|(i'?m |i am )?torn"
    r"|maybe|perhaps|possibly|either|either one|(it )?depends( on [\w' ]+)?"
    r"|a bit|a little|kind of|sort of|kinda|sorta"
    r"|no preference|up to you|you decide|you choose|you tell me|skip( (it|this|this one|this question|that))?|pass"
    r"|(i'?d|i would) rather not (say|answer|tell|share)|rather not (say|answer)|prefer not to (say|answer)"
    r"|(idk |i don'?t know |not sure )?(maybe )?(both|a bit of both|a mix|somewhere in between|in between))"
    r"(\s(yet|really|tbh|honestly|to be honest|either|sorry|at the moment|right now|about that))*"
)


def is_unsure(text: str) -> bool:
    """An answer that only says the learner doesn't know or would rather skip ("not sure yet", "idk", "skip").

    Asked again, such a learner had no way forward; the question is left out instead.
    """
    return _UNSURE.fullmatch(normalise(text).strip(" .!?,")) is not None


def is_hesitation(text: str) -> bool:
    """A message that only hesitates ("hmm", "let me think about it").

    The classifier may read "hmm" as a yes or "let me think about it" as a
    request to stop, but it answers nothing and asks for nothing.
    """
    return _FILLER.fullmatch(normalise(text).strip(" .!?,")) is not None


# How a question opens. Imperatives ("tell me about credit") ask too; "what if ..." supposes.
# "hm how much is the mit one", "ok so what does it cost": a filler first still asks.
_QUESTION_START = re.compile(
    r"((hm+|um+|uh+|erm*|ah+|oh+|ok|okay|so|well|and|but|also|btw|right|anyway|hey) )*"
    r"(what(?! if)|whats|how|why|when|where|which|who|whose|is|are|was|were|do|does|did|can|could|will|would|should"
    r"|shall|may|might|tell me|explain|show me|(i (want|need|would like|wanna)|i'?d like) to know|i wonder"
    r"|i was wondering)\b"
)
_ABOUT_ONESELF = re.compile(r"\b(i|im|i'm|i've|ive|i'd|id|i'll|me|my|mine|myself|we|our|us)\b")


def _is_question(text: str, words: str) -> bool:
    return text.rstrip().endswith("?") or _QUESTION_START.match(words) is not None


def is_question(text: str) -> bool:
    """True for a message that asks ("are there exams?", "tell me about credit"), not one that states."""
    return _is_question(text, normalise(text))


# "Which is better ...", "what's best ...", "which should I do ...": asking which of the two, not
# which of something else ("which pizza is better", "what is the best job site").
_WHICH_TO_CHOOSE = re.compile(
    r"^(which|what|whats|what's)( one| of the two| of them)?( is| s| would be)? "
    r"(better|best|the better|the best (option|choice|fit))\b"
    r"|^which( one)? should i (do|pick|choose|take|go for|get)\b"
)


# "help me pick", "ok lets do the questions", "the quiz thing where you ask me stuff": the recommendation's questions.
_ASKS_TO_BE_ASKED = re.compile(
    r"\bhelp me (choose|chose|pick|decide)\b|\b(let'?s|let us|can we|i'?ll) (do|start|take|answer) (the|your|those) "
    r"(questions|quiz)\b|\b(ask|give) me (the|your|those) questions\b|\bquiz thing\b"
)


def asks_to_be_asked(text: str) -> bool:
    """True for "ok can you just help me pick": the learner asks for the recommendation's questions."""
    return _ASKS_TO_BE_ASKED.search(normalise(text)) is not None


# "just decide for me", "now what do you recommend", "skip the rest": the recommendation now.
_VERDICT_NOW = re.compile(
    r"\bjust (tell me|decide|pick|choose)\b|\bdecide for me\b|\bskip the rest\b|\b(what|which) do you recommend\b"
    r"|\bwhat would you recommend\b|\bjust recommend\b"
    r"|\b(just )?give me (the|an|your) (answer|recommendation|verdict)\b"
)


def asks_for_verdict_now(text: str) -> bool:
    """True for "just decide for me" during the questions: a recommendation from the answers given so far."""
    return _VERDICT_NOW.search(normalise(text)) is not None


def asks_which_to_choose(text: str) -> bool:
    """True for "which is better for getting a job fast?": the question the recommendation answers."""
    return _WHICH_TO_CHOOSE.search(normalise(text)) is not None


def final_question(text: str) -> Optional[str]:
    """The question a message ends with after saying something first, or None.

    "I'm a mechanical engineer and want a master's later. Would a MicroMasters
    count toward it?" tells and then asks; read as a statement, it got a search.
    """
    sentences = [part.strip() for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part.strip()]
    if len(sentences) < 2 or not is_question(sentences[-1]):
        return None
    return sentences[-1]


def what_is_told(text: str) -> str:
    """The part of a message that tells rather than asks: all of "I have 2 hours a week", the start of
    "I'm a nurse. Is it too much?", nothing of "is 2 hours enough?"."""
    question = final_question(text)
    if question:
        return text[: text.rfind(question)]
    return "" if is_question(text) else text


def _asks_only(text: str, words: str) -> bool:
    """A question that says nothing about the learner ("tell me about credit")."""
    opening = _QUESTION_START.match(words)
    rest = words[opening.end() :] if opening else words
    return _is_question(text, words) and not _ABOUT_ONESELF.search(rest)


def speaks_for_oneself(text: str) -> bool:
    """True for a statement about the learner or with a figure, not a question.

    The classifier reads answers such as "i do need the credit" or "my employer
    pays" as questions on their topic (credit, cost). Said to the question just
    asked, they answer it; "certificates give credit?" or "tell me about credit"
    do not.
    """
    words = _statement(text)
    if words is None:
        return False
    # "one" in "which one", "whch one cheaper" points at something; "one hour a day" is a figure.
    counted = re.sub(r"\bone\b(?! (hours?|hrs?|day|thousand|grand|k|dollars?|hundred))", " ", words)
    has_figure = re.search(r"\d", words) or any(re.search(rf"\b{w}\b", counted) for w in _NUMBER_WORDS)
    return bool(_ABOUT_ONESELF.search(words) or has_figure)


# A short plea after a description of oneself: "I'm a teacher moving into data science. Help?"
_PLEA = re.compile(
    r"[.!,]?\s*(?:any\s+)?(?:help|thoughts|ideas|advice|suggestions|recommendations|tips)\s*(?:please|pls|plz)?\W*$",
    re.IGNORECASE,
)


def asks_for_help_with_situation(text: str) -> bool:
    """True for a description of oneself ending in a short plea ("... into data science. Help?"): a request
    for advice, which the recommendation's questions give. It got "OK. What else would you like to know?"."""
    plea = _PLEA.search(text)
    return plea is not None and plea.start() > 0 and talks_about_oneself(text[: plea.start()] + ".")


def talks_about_oneself(text: str) -> bool:
    """True for a statement about the learner ("i'm a nurse moving into data"), not a question or a bare figure."""
    words = _statement(text)
    return words is not None and _ABOUT_ONESELF.search(words) is not None


def answers_plainly(text: str, slot: str) -> bool:
    """True for a statement that gives ``slot``'s answer in so many words.

    "cheap", said to the budget question, is read as a question about cost;
    "cheap?" is one.
    """
    return _statement(text) is not None and slot in answers_in(text)


def _statement(text: str) -> Optional[str]:
    """The message's normalised words if it states something; None for a question or nothing."""
    words = normalise(text)
    return None if not words or _is_question(text, words) else words


_NO_DEGREE_WANTED = re.compile(
    r"\b(don'?t|dont|do not|doesn'?t|does not) (really )?(care|need|want)( about| for)? (a |any |another )?degrees?\b"
    r"|\bforget (about )?the (degree|masters?|master's|credit)\b|\bno more school(ing)?\b|\bdone with school\b"
)
_ACKNOWLEDGEMENT = re.compile(r"(ok|okay|k|kk|okk|alright|all right|got it|i see|cool|right|fine|oh ok|ah ok)")


_CONFIRMATION = re.compile(
    r"((yes|yeah|yep|yup)\s+)?((that'?s|thats|that is|you'?re|you are|it'?s|its)\s+)?"
    r"(right|correct|spot on|exactly( right)?|true|accurate)"
    r"|((yes|yeah|yep|yup)\s+)?(that'?s|thats|that is) (it|me|so)|nailed it|bang on|you got it"
)


def confirms(text: str) -> bool:
    """ "spot on", "yes that's right": confirms what the bot said back, answers no question.

    Said after "From what you said: ... Tell me if that's wrong." and the next question,
    it got "Sorry, I didn't catch that", and "yes that's right" was a "yes" to that question.
    """
    return _CONFIRMATION.fullmatch(normalise(text).strip(" .!?,")) is not None


def is_acknowledgement(text: str) -> bool:
    """ "ok", "got it": acknowledges what was said, answers no question."""
    return _ACKNOWLEDGEMENT.fullmatch(normalise(text).strip(" .!?,")) is not None


def parse_credit(text: str, intent: Optional[str] = None, asked: bool = False) -> Optional[bool]:
    """Whether credit toward a master's matters; yes/no only counts when just asked."""
    if is_hesitation(text):
        return None
    words = normalise(text)
    if re.search(r"\byes or no\b", words):  # "is it worth it, yes or no?" asks for a verdict
        return None
    if re.search(r"\b(don'?t|dont|do not) (know|understand|get) what\b|\bwhat (do you mean|is|s) (by )?credit", words):
        return None  # "i dont know what is credit" asks what it is; it was read as "doesn't matter"
    if _NO_DEGREE_WANTED.search(words):  # "dont care about degrees"
        return False
    if re.search(r"\b(credit|credits)\W*\s*(meh|nah|whatever|not really)\b", words):  # "credit? meh, maybe later"
        return False
    mentions = re.search(r"\b(credit|credits|counts? towards?|counted towards?|ects|transfer)", words)
    # "tell me about credit" asks about it; "which should i pick, credit matters to me" answers;
    # "would credit help me get a promotion?" asks, though it says "me".
    yes_no_question = re.match(r"(would|does|do|is|are|can|could|will|should|what|how|why)\b", words)
    if mentions and not _asks_only(text, words) and not (yes_no_question and text.rstrip().endswith("?")):
        # Only the clause that names credit: "credit matters, 10+ hours, no budget limit" is no "no credit".
        clauses = re.split(r"[,;.!?]| and then ", text.lower().replace("’", "'"))
        clause = next(
            (normalise(c) for c in clauses if re.search(r"\b(credit|credits|count|counted|ects|transfer)", c)), words
        )
        found = re.search(r"\b(credit|credits|counts? towards?|counted towards?|ects|transfer)", clause) or mentions
        window = clause[max(0, found.start() - 40) : found.end() + 40]
        return not (_NEGATION.search(window) or re.search(r"\b(doesn'?t|does not|not) matter", window))
    if asked:
        if is_acknowledgement(text):  # "ok" after an answer in between acknowledges it; not a yes
            return None
        lead = r"^((obviously|clearly|well|oh|um+|uh+|ok|okay|so|hmm+|honestly|i mean|i guess)\s+)*"
        # The words before the classifier: "affirmative" was read as deny, and credit as not mattering.
        yes = re.match(
            lead + r"(yes|yeah|yep|yup|sure|definitely|absolutely|affirmative|certainly|indeed|totally|for sure"
            r"|it does|of course)\b",
            words,
        )
        no = re.match(lead + r"(no|nope|nah|negative|not really|not at all|doesn'?t matter)\b", words)
        if yes or no:
            return bool(yes)
        if intent in ("affirm", "deny"):
            return intent == "affirm"
    return None


def _between_as_range(words: str) -> str:
    """ "between 5 and 10" -> "5 to 10", the way ranges are read."""
    return re.sub(r"\bbetween\s+(\$?\s*\d[\d,]*(?:\.\d+)?\s*k?)\s+and\s+", r"\1 to ", words)


def _lone_figure(text: str) -> Optional[float]:
    """The one figure of an answer hedged in words ("10ish", "20+", "I said 7 already?", "say 1000"), or None.

    Only for the question just asked: a message with one number, marked as an
    estimate or as said before, answers it.
    """
    words = normalise(text.replace("+", " plus "))
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", words)
    if len(numbers) != 1:
        return None
    hedged = re.search(
        r"\b(?:say|said|like|maybe|about|around|roughly|probably|prob|guess|do|got|give or take|idk|dunno)\b"
        r"\D{0,12}(\d[\d,]*(?:\.\d+)?)\b"
        r"|\b(\d[\d,]*(?:\.\d+)?)\s*(?:ish|plus|or so|give or take)\b|\b(\d[\d,]*(?:\.\d+)?)ish\b",
        words,
    )
    if not hedged:
        return None
    return _number(next(group for group in hedged.groups() if group))


def parse_weekly_hours(text: str, asked: bool = False) -> Optional[float]:
    """Hours a week the learner can study; "2 hours a day" counts as 14."""
    # "12 hour shifts" is the length of a working day, not time to study.
    words = re.sub(r"\b\d+ ?(hour|hr|h) (shifts?|days?)\b", " ", _between_as_range(normalise(text)))
    for phrase, value in sorted(_NUMBER_WORDS.items(), key=lambda kv: -len(kv[0])):
        words = re.sub(rf"(?<!\w){phrase}(?= (ish )?(hours|hour|hrs|hr|h)\b)", str(value), words)
    match = re.search(
        rf"{_NUM}\s*(?:(?:-|to|or)?\s*{_NUM}\s*)?(?:ish\s*)?(?:h|hr|hrs|hour|hours)\b(?P<rest>[^\d]{{0,20}})", words
    )
    # "a few hours each evening, thats more like 10 a week": a later figure "a week" puts it right.
    weekly = [] if "$" in text else list(re.finditer(rf"(?<!\d){_NUM}\s*(?:a|per|each|every)\s*(?:week|wk)\b", words))
    if weekly and (match is None or weekly[-1].start() > match.end()):
        return _number(weekly[-1].group(1))
    if match:
        low = _number(match.group(1))
        high = _number(match.group(2)) if match.group(2) else low
        hours = (low + high) / 2
        if re.search(r"\b(a|per|each|every) ?day\b|\bdaily\b|^ ?day\b", match.group("rest")):  # "2 hrs/day"
            hours *= 7
        return hours
    if re.search(
        r"\b(not much time|little time|very busy|pretty busy|busy|barely|hardly any time|limited time)\b", words
    ):
        return 3.0
    # "i work full time" says how long one works, not how long one can study.
    words = _JOB_HOURS.sub(" ", words)
    if re.search(r"\b(full time|lots of time|plenty of time|a lot of time|loads of time)\b", words):
        return 20.0
    if re.search(r"\bpart time\b", words):
        return 10.0
    if asked:
        said = re.sub(r"^\s*<\s*(?=\d)", "under ", text.lower())  # "<5"
        bare = re.fullmatch(
            rf"(?:about |around |maybe |roughly |like |more than |over |at least |(?P<below>less than |under )|up to )?"
            rf"{_NUM}(?: ish)?",
            _between_as_range(normalise(said)),
        )
        if bare:  # "under 5" is less than 5, as the "Under 5 hours" button (4)
            hours = _number(bare.group(2))  # 1 is "below"
            return max(hours - 1, 1.0) if bare.group("below") else hours
        span = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:-|–|to|or)\s*(\d+(?:\.\d+)?)\s*", said)
        if span:  # "5-10", the button's range typed
            return (_number(span.group(1)) + _number(span.group(2))) / 2
        if not re.search(r"\$|\b(k|dollars?|bucks|usd|courses?|years?|kids|children|months?)\b", normalise(text)):
            return _lone_figure(text)
    return None


# Currencies other than the dollar. "40k rupees" read as $40,000 made a small
# budget look big; without an exchange rate the learner is asked for dollars.
_OTHER_CURRENCY = re.compile(
    r"[€£¥₹₦]|\b(euros?|eur|pounds?|gbp|rupees?|inr|rs|naira|ngn|yen|jpy|yuan|rmb|cny|pesos?|reais|rands?|zar"
    r"|shillings?|kes|cedis?|dirhams?|aed|riyals?|sar|lira|baht|ringgit|myr|cad|aud|chf|francs?|taka|bdt|pkr)\b"
)


def in_other_currency(text: str) -> bool:
    """True for an amount in another currency than US dollars ("40k rupees", "£300")."""
    words = text.lower()
    return _OTHER_CURRENCY.search(words) is not None and not re.search(r"\$|\b(usd|dollars?|bucks)\b", words)


def parse_budget(text: str, asked: bool = False) -> Optional[float]:
    """Budget in US dollars; ``NO_BUDGET_LIMIT`` when money is not a constraint; None in another currency."""
    words = text.lower().replace("’", "'")
    if in_other_currency(words):
        return None
    if re.search(r"money is no|no budget limit|whatever it costs", words):
        return NO_BUDGET_LIMIT
    # "doesn't matter" or "no limit" is about money only when the budget was just
    # asked (and no figure given) or money is mentioned in the same clause: "no,
    # credit doesn't matter", "i can spend 1000, credit doesn't matter" and, to
    # the budget question, "around $400, credit doesn't matter" set no limit.
    money = (
        r"\$|\b(budget|money|costs?|price|pay|pays|paying|spend|afford|fees?|dollars?|dolars?|dollers?|usd|bucks"
        r"|grand)\b"
    )
    about_money = asked or re.search(money, words)
    no_limit = (
        r"no (fixed |real )?(limit|constraint)"
        r"|(not|isn'?t|is not) (really |much |that much )?(an? |the )?(issue|problem|concern)"
        r"|doesn'?t matter|unlimited"
        r"|whatever it takes"
    )
    if (
        re.search(rf"({money})[^.,;!?]{{0,30}}({no_limit})", words)
        or (asked and re.search(no_limit, words) and not re.search(r"\d", words))
        or (
            about_money
            # "my company pays up to $2,000" is a budget of $2,000, not no limit.
            and re.search(
                r"(employer|company|work|job) (pays|is paying|will pay|covers|is covering)"
                r"(?![^.;!?]*(\$\s*\d|\d[\d,]*\s*(k\b|dollars|usd|bucks|grand)|(up to|max|maximum|under|below) \$?\d))",
                words,
            )
        )
    ):
        return NO_BUDGET_LIMIT
    # "no money" whatever else the message holds ("2 hrs a week and no money"); the
    # other words only without a figure ("can't pay more than $500").
    if (
        re.search(r"\b(no money|can'?t afford anything)\b", words)
        or (re.search(r"\b(free|can'?t pay|cannot pay|broke)\b", words) and not re.search(r"\d", words))
        or (
            # "January to April I have nothing" is about time; "nothing" is a budget when money is the topic.
            about_money and re.search(r"\b(nothing|zero)\b", words) and not re.search(r"\d", words)
        )
    ):
        return 0.0
    # "$500 to $1,500", "500-1500 dollars", "between 500 and 2000": what one can spend is the upper end.
    words = _between_as_range(words)
    span = re.search(
        r"\$?\s*\d[\d,]*(?:\.\d+)?\s*(?:k\b)?\s*(?:-|–|to)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)(?![\d,])\s*(k\b)?"
        r"(?!\s*(?:h|hr|hrs|hour|hours|day|days|week|weeks|month|months|courses?)\b)",
        words,
    )
    if span and about_money:
        value = _number(span.group(1))
        return value * 1000 if span.group(2) else value
    amount = (
        re.search(r"(?:us\s?\$|\$|usd\s?|€|£)\s*(\d[\d,]*(?:\.\d+)?)\s*(k\b)?", words)
        or re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(k\b)?\s*(?:dollars?|dolars?|dollers?|usd|bucks|\$)", words)
        or re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(k)\b", words)
        or re.search(
            # "under 5" said to the hours question is not also a budget of $5: without a
            # money word, "under" and "up to" give a budget only to the budget question.
            rf"(?:budget|spend|afford|pay|money{'|up to|under|below|max|maximum' if asked else ''})"
            r"\D{0,15}(\d[\d,]*(?:\.\d+)?)(?![\d,])\s*(k\b)?"
            r"(?!\s*(?:h|hr|hrs|hour|hours|week|weeks|month|months)\b)",
            words,
        )
        # "under 500" said to another question: no one has 500 hours a week, so it is money.
        or re.search(
            r"\b(?:under|below|up to|less than|max|maximum)\s+(\d{3,}|\d{1,3}(?:,\d{3})+)(?![\d,.])\s*(k\b)?"
            r"(?!\s*(?:h|hr|hrs|hours?|days?|weeks?|months?|years?|students|people|learners|words|characters)\b)",
            words,
        )
        # "teacher salary lol. 700 max", "i could do 700", to the budget question.
        or (
            asked
            and re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(k\b)?\s*(?:max|maximum|tops|at most|at the most|or less)\b", words)
        )
        or (
            asked
            and re.search(
                r"\b(?:could|can|would) (?:do|manage|go up to|go to)\s+(\d[\d,]*(?:\.\d+)?)(?![\d,])\s*(k\b)?$",
                words.strip(" .!"),
            )
        )
    )
    if amount:
        value = _number(amount.group(1))
        return value * 1000 if amount.group(2) else value
    grand = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*grand\b", words)
    if grand:
        return _number(grand.group(1)) * 1000
    # "a few hundred bucks", "a couple of thousand", "a grand": rough, but an answer.
    rough = re.search(r"\b(few|couple(?: of)?)\s+(hundred|thousand|grand)\b", words)
    if rough and about_money:
        return (3 if rough.group(1) == "few" else 2) * (100.0 if rough.group(2) == "hundred" else 1000.0)
    if about_money and re.search(r"\b(a|one) (thousand|grand)\b", words):
        return 1000.0
    if re.search(
        r"\b(cheap|cheapest|cheaper|as cheap as possible|as little as possible|as low as possible|the less the better"
        r"|shoestring|low budget|tight budget|not much money|limited budget|small budget"
        r"|money is (really |very |quite |pretty |a bit )?tight|money'?s (really |very |quite |pretty )?tight)\b",
        words,
    ) or (asked and re.search(r"\bnot (very )?much\b(?! time)", words)):
        return LOW_BUDGET
    if asked:
        bare = re.fullmatch(r"\s*(?:about |around |maybe |roughly )?(\d[\d,]*(?:\.\d+)?)\s*(k)?\s*", words)
        if bare:
            value = _number(bare.group(1))
            return value * 1000 if bare.group(2) else value
        if not re.search(r"\b(h|hrs?|hours?|courses?|years?|weeks?|months?|kids|children)\b", normalise(text)):
            return _lone_figure(text)  # "work might cover some, say 1000"
    return None


def parse_any_subject(text: str) -> bool:
    """True when the learner has no subject in mind ("not sure", "anything")."""
    return (
        re.search(
            r"\b(not sure|no idea|anything|any subject|don'?t know|dont know|undecided|open to"
            r"|no preference|whatever)\b",
            normalise(text),
        )
        is not None
    )


def answers_in(text: str) -> Dict[str, object]:
    """The recommendation answers a message gives without being asked (subject aside)."""
    found = {
        "goal": parse_goal(text),
        "wants_credit": parse_credit(text),
        "weekly_hours": parse_weekly_hours(text),
        "budget": parse_budget(text),
    }
    return {slot: value for slot, value in found.items() if value is not None}


# "What if I had more money?": a change without a figure, asked about, not made.
_SUPPOSED = (
    (
        re.compile(r"\b(more|bigger|larger|higher) (money|budget|cash)\b|\bmoney (was|were|is) no (object|issue)\b"),
        "budget",
        NO_BUDGET_LIMIT,
    ),
    (re.compile(r"\b(less|little|no) money\b|\b(smaller|lower|tighter) budget\b"), "budget", LOW_BUDGET),
    (re.compile(r"\b(more|lots more|a lot more) time\b|\bmore hours\b"), "weekly_hours", 12.0),
    (re.compile(r"\b(less|little) time\b|\bfewer hours\b"), "weekly_hours", 4.0),
)


def supposed_change(text: str) -> Dict[str, object]:
    """The answers a what-if without figures supposes ("what if i had more time?" -> more than 10 hours a week).

    The values are those of the questions' buttons, so that they are said in the buttons' words.
    """
    words = normalise(text)
    return {slot: value for pattern, slot, value in _SUPPOSED if pattern.search(words)}


def describes_situation(text: str) -> bool:
    """True when a message gives at least two of the recommendation's answers.

    Such a message ("10 hours a week, about $1,500, credit matters") is a
    request for advice even when it was not phrased as one.
    """
    return len(answers_in(text)) >= 2


_REVISION = re.compile(
    r"^(actually|what if|and if|if i|suppose|say i|but|wait|sorry|correction|oops)\b"
    r"|\b(actually|instead|i meant|i mean|change my|changed my mind|now i|correction)\b"
)


# "where did I say that?", "I never said I want a quick skill", "who said my budget is small??"
_CHALLENGE = re.compile(
    r"\b(where|when) (did )?i (ever )?(say|said|tell|told|mention)\b"
    r"|\bwhere did you get (the idea )?that (i|my|im|i'm)\b"
    r"|\b(but )?you said\b.*\bthough\b|\bbut you said\b"
    r"|\b(doesn'?t|does not|dont) (seem|sound|look) right\b|\bthat'?s (wrong|not right|not what i said)\b"
    r"|\b(seems|sounds|looks) wrong\b|\bi disagree\b"
    r"|\bi (never|didn'?t|did not|never once) (say|said|tell|told|mention)"
    r"|\bwho said\b|\bbut i (said|told you)\b|\bi (said|told you) (i )?(don'?t|dont|do not|didn'?t|no|not)\b"
)


def challenges(text: str) -> bool:
    """True for "where did I say I want a skill quickly?": the learner disputes an answer I hold."""
    return _CHALLENGE.search(normalise(text)) is not None


_SUPPOSITION = re.compile(
    r"^((so|and|but|ok|okay|k|then|hmm+)\s+)*(what if|and if|if|suppose|say i|hypothetically|what about if)\b"
)


def supposes(text: str) -> bool:
    """True for "what if I had $5000?": an answer imagined, to see the recommendation, not given."""
    return _SUPPOSITION.search(normalise(text)) is not None


def what_is_supposed(text: str) -> str:
    """The answer a what-if imagines, as a statement: "k so if no credit?" -> "no credit"."""
    said = text.strip().lower()
    found = _SUPPOSITION.search(said)  # on the words as typed, so that "$5000" keeps its "$"
    return said[found.end() :].strip(" ?") if found else text


def revises(text: str) -> bool:
    """True for a message that changes an answer given before ("actually my budget is $2,000").

    Without such words, an answer already given is never overwritten by a later
    message that happens to mention, say, a number of hours.
    """
    return _REVISION.search(normalise(text)) is not None
