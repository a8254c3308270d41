"""One reading of each message: every act in it, given a small snapshot of the conversation.

What a message means is decided here and nowhere else. ``read`` takes the text,
what NLU made of it (its intent and entities, Duckling's figures among them)
and a frozen ``Snapshot`` of the conversation, and returns a ``Reading``: the
courtesies, the control of the questions (start, stop, carry on), the answers
to the recommendation's questions and corrections of earlier ones, and the one
question asked, in the order the bot should carry them out. The text's own
words decide; the intent is the last resort, so a reading does not change with
which of several plausible intents the classifier picked. The precedence of the
question kinds is the list in ``_Message.question`` (top wins); docs/reading.md
describes the whole order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from advisor.knowledge import MICROMASTERS, KnowledgeBase, Programme, default_knowledge
from advisor.language import is_code, is_not_words, is_other_language
from advisor.lexicon import Lexicon, default_lexicon
from advisor.matching import (
    Query,
    build_query,
    compared,
    credential_types_in,
    employer_named,
    find_programme,
    in_programme_text,
    institutions_in,
    listed_pair,
    listed_position,
    mention_asked,
    narrow,
    normalise,
    other_institution_named,
    programme_by_short_name,
    programme_in_question,
    resolve_credential_type,
    resolve_subject,
    search_programmes,
    subjects_in,
    subjects_partly_named,
    unknown_topic,
)
from advisor.questions import QUESTIONS, option_titled, option_value
from advisor.topics import (
    PROGRAMME_TOPICS,
    WORD_ONLY_TOPICS,
    asks_about_pathways,
    asks_about_the_masters,
    asks_for_the_extreme,
    asks_if_still_offered,
    asks_what_is_offered,
    asks_where_it_runs,
    country_named,
    field_named_alone,
    ranking_topic,
    topic_named,
    topics_asked_together,
    topics_in,
    uncovered_topic,
    uncovered_words,
)
from advisor.values import HOURS, LOW_BUDGET, NO_BUDGET_LIMIT, NUMBER, Value, values_in

GOAL_SKILLS, GOAL_GRADUATE = "skills", "graduate"
GOALS = (GOAL_SKILLS, GOAL_GRADUATE)
UNSURE = "unsure"
ANY_SUBJECT = "any"
# A subject answer that a word only partly names holds each subject it names: "business stuff" is
# "business analytics or business management".
SUBJECTS_JOINED_BY = " or "
# The recommendation's answers, in the order they are asked; the time question is answered by hours a
# week or by a horizon in months.
SLOTS = ("goal", "wants_credit", "weekly_hours", "budget", "subject", "horizon_months")
TIME_SLOTS = ("weekly_hours", "horizon_months")
MAX_WEEKLY_HOURS = 80.0
# A bare figure said to the budget question under this is likely not dollars ("maybe 12").
MIN_PLAIN_BUDGET = 50.0
# Intents that ask about an FAQ topic -> the topic.
INTENT_TOPICS = {
    "ask_worth": "worth",
    "ask_credit": "credit",
    "ask_recognition": "recognition",
    "ask_cost": "cost",
    "ask_duration": "duration",
    "ask_difference": "difference",
    "ask_definition": "definition",
    "ask_admission": "admission",
    "ask_level": "level",
}
# Where a sentence's clauses part: "I'm a nurse, is it too much?", "i work full time - is it realistic".
_CLAUSE_BREAK = re.compile(r",\s*|\s+[-–—]+\s+")
# Subjects named as alternatives: "leadership or business", "python, web dev and data".
_ALTERNATIVES = re.compile(r"\s*(?:,|/|\bor\b|\band\b)\s*")
_CLAUSES = re.compile(r"[.,;!?\n]+|\s(?:but|though|although)\s")


# ---------------------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Snapshot:
    """What the reading needs of the conversation so far; every field comes from a slot."""

    answers: Mapping[str, Any] = field(default_factory=dict)  # the recommendation's answers held
    asked: Optional[str] = None  # the question just asked, while the questions run
    in_questions: bool = False
    said_back: Tuple[str, ...] = ()  # answers the reply just given said back ("Tell me if that's wrong")
    recommended: Optional[str] = None  # the credential recommended, once one was
    listed: Tuple[str, ...] = ()  # programme ids last listed, in order
    list_shown: bool = False  # the reply just given listed them, or picked one of them
    current: Optional[str] = None  # the programme just described
    current_shown: bool = False  # described in the reply just given
    whole_shown: bool = False  # its whole card, not the short one, in the reply just given
    credential: Optional[str] = None  # the credential type in context
    last_topic: Optional[str] = None
    topic_shown: bool = False  # the reply just given answered last_topic
    search: Optional[Query] = None  # the last search
    search_offset: int = 0
    search_shown: bool = False
    first_message: bool = False
    missing: Optional[str] = None  # the words naming a programme the reply just given said my catalogue lacks


@dataclass(frozen=True)
class Nlu:
    """What NLU made of the message: its intent (the classifier's best guess) and its entities."""

    intent: Optional[str] = None
    entities: Tuple[Mapping[str, Any], ...] = ()

    def values(self, entity: str, start: int = 0) -> List[str]:
        return [
            str(e["value"])
            for e in self.entities
            if e.get("entity") == entity and e.get("value") not in (None, "") and int(e.get("start") or 0) >= start
        ]


# ---------------------------------------------------------------------------------------------------------
# Acts
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Answer:
    """An answer to one of the recommendation's questions; ``previous`` is set when it changes one held."""

    slot: str
    value: Any
    read_as: Optional[str] = None  # the reading said back: "1000 euro, about $1,039 ...", "weekends only: ..."
    previous: Any = None
    repeated: bool = False  # the same as the one held ("i told you, 3 hrs")
    unlisted: Optional[str] = None  # a subject my catalogue lacks, read as any subject


@dataclass(frozen=True)
class Unsure:
    """ "not sure", "skip": the question is left out."""

    slot: str


@dataclass(frozen=True)
class Missed:
    """An answer to the question just asked that could not be read; ``why`` picks the hint."""

    slot: str
    why: str = "unclear"  # unclear | other_currency | tiny_budget | bad_hours | not_a_subject | hesitation | meaning
    currency: Optional[str] = None


@dataclass(frozen=True)
class Confirm:
    """ "spot on": what was just said back is right."""


@dataclass(frozen=True)
class Courtesy:
    kind: str  # greet | thanks | goodbye | compliment | complaint | acknowledge


@dataclass(frozen=True)
class Control:
    kind: str  # start | start_over | stop | resume | verdict_now


@dataclass(frozen=True)
class Ask:
    """The question a message asks; ``kind`` says which, the other fields what it is about."""

    kind: str
    topics: Tuple[str, ...] = ()
    credential: Optional[str] = None
    compared: bool = False
    programme: Optional[str] = None
    programmes: Tuple[str, ...] = ()
    query: Optional[Query] = None
    position: Optional[int] = None
    term: Optional[str] = None
    claim: Optional[str] = None
    name: Optional[str] = None  # an institution or subject the catalogue lacks, a country, an employer
    slot: Optional[str] = None
    changes: Tuple[Tuple[str, Any], ...] = ()
    lead: Optional[str] = None  # job | employer | country | masters | to_start
    hours: Optional[float] = None
    told: bool = False  # the hours are the learner's own answer, not said in the question
    by_words: bool = True  # the topic was named by the message's words, not only by the classifier
    details: bool = False  # "tell me more": the whole answer, not its short form


@dataclass(frozen=True)
class NotUnderstood:
    reason: str = "unclear"  # unclear | other_language | not_words | out_of_scope


Act = Any  # one of the dataclasses above


@dataclass(frozen=True)
class Reading:
    acts: Tuple[Act, ...]
    # The message's words, normalised: what an answer cut short keeps first ("the GRE" in a long answer).
    words: str = ""

    def of(self, kind: type) -> List[Any]:
        return [act for act in self.acts if isinstance(act, kind)]

    def first(self, kind: type) -> Optional[Any]:
        found = self.of(kind)
        return found[0] if found else None

    @property
    def answers(self) -> Dict[str, Any]:
        return {act.slot: act.value for act in self.acts if isinstance(act, Answer)}

    @property
    def only_answers(self) -> bool:
        """Answers (or "not sure", or a miss) and nothing the form cannot carry out itself."""
        return bool(self.acts) and all(isinstance(a, Answer | Unsure | Missed | Confirm) for a in self.acts)


# ---------------------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------------------
def _sentences(text: str) -> List[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part.strip()]


class _Message:
    """One message's features, each computed once, and the rules that turn them into acts."""

    def __init__(self, text: str, nlu: Nlu, snapshot: Snapshot, kb: KnowledgeBase, lexicon: Lexicon) -> None:
        self.text = text.strip()
        self.nlu = nlu
        self.snap = snapshot
        self.kb = kb
        self.lex = lexicon
        self.words = normalise(self.text)

    # -- the message's shape ----------------------------------------------------------------------------
    def asks(self, text: str) -> bool:
        """Whether ``text`` asks: a question mark, or a question's opening ("tell me about credit") when no
        question of mine is waiting for an answer ("would be nice but not a must" answers one)."""
        if text.rstrip().endswith("?"):
            return True
        if not self.lex.has("question_start", normalise(text)):
            return False
        return (
            self.snap.asked is None or self.lex.has("plain_question", normalise(text)) or not self.answers_asked(text)
        )

    def answers_asked(self, text: str) -> bool:
        """Whether ``text`` (part of the message) answers the question just asked: "would be nice but not a
        must" answers the credit question, "what programs in economics are there" asks, unless the subject was."""
        asked, words = self.snap.asked, normalise(text)
        if any(self.lex.whole(cue, words) for cue in ("unsure", "say_yes", "say_no")):
            return True
        if asked == "goal":
            return self.goal(text) is not None
        if asked == "wants_credit":
            return self.credit(text, True) is not None
        if asked == "subject":
            named = self.wanted_subjects(text) or unknown_topic(self.kb, Query(text=text), what_about=True)
            return bool(named) or self.lex.has("any_subject", words)
        start = self.text.find(text)
        return start >= 0 and any(start <= v.start < start + len(text) for v in self.values)

    @cached_property
    def _parts(self) -> Tuple[str, str, int, int]:
        """(what the message tells, what it asks, where the asking starts and ends): the asking part runs from
        the first sentence that asks after the last one that tells ("I'm a nurse. Is it ok?", "is it a real
        masters? can I put it on my CV"); a sentence that tells about oneself first ("I'm a nurse, is it too
        much?", "i work full time - is it realistic") asks from its last clause; a question first, then about
        oneself ("does it expire?? i might not apply for a couple yrs"), asks its first part; a wish about
        oneself ending in "?" ("id like it to count towards it??") only tells; a choice between the two ("cert
        or micromasters for learning programming fast?") tells all it says."""
        sentences = _sentences(self.text)
        start = len(self.text)
        for sentence in reversed(sentences):
            if not self.asks(sentence):
                # "MITx quantum computing micromasters, does it lead to a masters": its last clause asks.
                clause = _CLAUSE_BREAK.split(sentence)[-1]
                if clause != sentence and self.lex.has("question_start", normalise(clause)) and self.asks(clause):
                    start = self.text.rfind(clause)
                break
            words = normalise(sentence)
            at = self.text.rfind(sentence, 0, start if start < len(self.text) else None)
            if self.lex.has("wish", words) and not self.lex.has("question_start", words):
                clause = _CLAUSE_BREAK.split(sentence)[-1]
                if clause != sentence and self.lex.has("question_start", normalise(clause)):
                    start = self.text.rfind(clause)
                break
            start = at
        end = len(self.text)
        lead, *asked = _CLAUSE_BREAK.split(self.text[start:], maxsplit=1)
        if asked and self.bare_reply(lead):  # "not really, does it even transfer to an MBA?": the reply tells
            start = self.text.find(asked[0], start)
        if start == end:
            first, upto = self.question_first(sentences)
            if upto < end:  # "is it a good way to test grad-level study? I'd want the credits": all of it tells
                return self.text, self.text[first:upto].strip(), first, upto
        question = self.text[start:].strip()
        if question and (self.choice_between_kinds() or self.lex.has("advice", normalise(question))):
            return self.text, question, start, end  # "which is better for getting a job fast?" tells the goal
        if question and (
            self.lex.has("change_request", normalise(question)) or self.asks_nothing_before_telling(question)
        ):
            return self.text, "", end, end
        return self.text[:start], question, start, end

    def bare_reply(self, clause: str) -> bool:
        """A clause that only says yes, no or not sure ("not really", "yeah", "idk")."""
        words = normalise(clause)
        cues = ("say_yes", "say_no", "unsure", "credit_no", "hesitation")
        return 0 < len(words.split()) <= 3 and any(self.lex.whole(cue, words) for cue in cues)

    def question_first(self, sentences: List[str]) -> Tuple[int, int]:
        """Where a message that asks first and then tells about oneself asks ("does it ever expire?? i might
        not apply to a masters for a couple yrs"): its leading questions; (end, end) when it does not."""
        end = len(self.text)
        asking = 0
        while asking < len(sentences) - 1 and sentences[asking].rstrip().endswith("?"):
            if self.bare_reply(sentences[asking]):  # "maybe? i teach ...": a reply, not a question
                return end, end
            asking += 1
        rest = normalise(" ".join(sentences[asking:]))
        # "big data programmes? want something with spark": a wish, its "I" left out, tells too
        wish = self.lex.has("wish", f"i {rest}") and not self.lex.has("wish", rest)
        if not asking or not (self.lex.has("about_oneself", rest) or wish) or self.asks(sentences[-1]):
            return end, end
        return 0, self.text.find(sentences[asking])

    def asks_nothing_before_telling(self, question: str) -> bool:
        """ "what about in euros, i might have 800 euro actually": an opening that names nothing to answer, then
        a clause about oneself with a figure: all of it tells (unlike "how long would it take, i have 10 hours")."""
        *opening, last = re.split(r",\s*", question)
        if not opening or question.rstrip().endswith("?") or not self.lex.has("about_oneself", normalise(last)):
            return False
        at = self.text.rfind(last)
        if not any(v.start >= at for v in self.values):
            return False
        first = " ".join(opening)
        return topic_named(first) is None and build_query(self.kb, first).is_empty

    @property
    def question(self) -> str:
        return self._parts[1]

    def in_question(self, position: int) -> bool:
        """Whether a figure at ``position`` is in what the message asks."""
        return bool(self.question) and self._parts[2] <= position < self._parts[3]

    @property
    def told(self) -> str:
        return self._parts[0]

    @cached_property
    def about_oneself(self) -> bool:
        return self.lex.has("about_oneself", normalise(self.told))

    @cached_property
    def values(self) -> Tuple[Value, ...]:
        return values_in(self.text, self.nlu.entities, self.lex, self.kb.exchange_rates)

    def clause_of(self, position: int) -> str:
        bounds = [0, *(m.end() for m in _CLAUSES.finditer(self.text)), len(self.text)]
        start = max(b for b in bounds if b <= position)
        ends = [m.start() for m in _CLAUSES.finditer(self.text) if m.start() >= position]
        return normalise(self.text[start : min(ends) if ends else len(self.text)])

    # -- courtesies and control ---------------------------------------------------------------------------
    def courtesies(self) -> List[Courtesy]:
        found: List[Courtesy] = []
        lead = " ".join(self.words.split()[:3])
        if self.lex.has("greeting", lead) and (
            len(self.words.split()) <= 4 or self.lex.find("greeting", self.words).start() == 0
        ):
            found.append(Courtesy("greet"))
        if self.lex.has("thanks", self.words):
            found.append(Courtesy("thanks"))
        if self.lex.has("farewell", self.words) and not self.question:
            # "good day" both greets and says goodbye: as the first message, it greets.
            greeting_too = found and found[0].kind == "greet"
            if greeting_too and self.snap.first_message:
                pass
            else:
                found = [c for c in found if c.kind != "greet"] + [Courtesy("goodbye")]
        if self.lex.whole("acknowledgement", self.words) and not found:
            found.append(Courtesy("acknowledge"))  # "ok", "got it": acknowledged, whatever it was read as
        topical = bool(topic_named(self.text) or self.question)
        if self.lex.has("complaint", self.words) and not topical:
            found.append(Courtesy("complaint"))
        elif self.lex.has("compliment", self.words) and not topical:
            found.append(Courtesy("compliment"))
        return found

    def control(self) -> Optional[Control]:
        snap, words = self.snap, self.words
        if self.lex.has("start_over", words):
            return Control("start_over")
        if snap.in_questions:
            if self.lex.has("verdict_now", words):
                return Control("verdict_now")
            if self.lex.has("stop", words) and not self.stated_answers():
                return Control("stop")
            return None
        if snap.recommended:
            return None
        held = any(snap.answers.get(slot) is not None for slot in SLOTS)
        if held and self.lex.has("resume", words):
            return Control("resume")
        if self.starts_questions():
            return Control("start")
        return None

    def starts_questions(self) -> bool:
        """A request for advice: asked for ("help me choose"), the two set against each other ("business
        analytics: pro cert or micromasters?"), a situation with a plea, or two answers or more."""
        if self.lex.has("advice", self.words) or self.nlu.intent == "request_recommendation" and not self.question:
            return not (self.question and self.asks_other_than_advice())
        if self.choice_between_kinds():
            return True
        plea = self.lex.find("plea", self.words)
        if plea and plea.start() > 0 and self.lex.has("about_oneself", self.words[: plea.start()]):
            return True
        answered = {a.slot for a in self.stated_answers()}
        # A situation told at length ("I'm an accountant moving into data, 4 hours a week ..."): advice wanted.
        told_at_length = self.about_oneself and len(normalise(self.told).split()) >= 10 and answered
        return (len(answered) >= 2 or bool(told_at_length)) and not self.asks_other_than_advice()

    def choice_between_kinds(self) -> bool:
        """ "cert vs micromasters for blockchain?", "which is better for learning programming fast, cert or
        micromasters": which of the two to take, not a fact about them ("which is cheaper, ...?")."""
        words = self.words
        named = {
            resolve_credential_type(v) for v in self.nlu.values("credential_type") + credential_types_in(self.text)
        }
        # The topic is looked for in the last sentence, the one that asks: "... within a couple months. Cert or
        # micromasters?" tells a time and asks which.
        last = normalise(_sentences(self.text)[-1]) if self.text.strip() else words
        if len(named - {None}) != 2 or topic_named(last) or ranking_topic(last):
            return False
        if compared(self.kb, self.text).pair:
            return False  # two programmes named ("the mitx scm micromasters vs the harvard certificate"): compared
        whole = build_query(self.kb, self.text)
        if whole.institutions and find_programme(self.kb, whole).programme:
            return False  # "is harvardx data science a micromasters or a professional certificate?": its kind
        # A bare "mm vs pc" asks the difference; a subject, a goal or "which/better" makes it a choice.
        return self.lex.has("choice", words) or bool(subjects_in(self.kb, words)) or self.goal(self.text) is not None

    def asks_other_than_advice(self) -> bool:
        """ "help me choose: how much is a micromasters?" asks a topic too, "... something in business or
        marketing?" a search; "which one fits me?" only advice."""
        words = normalise(self.question)
        if not words or self.lex.has("advice", words) or self.choice_between_kinds():
            return False
        named = (
            subjects_in(self.kb, words)
            or institutions_in(self.kb, words)
            or unknown_topic(self.kb, Query(text=self.question))
        )
        return bool(topic_named(words) or named)

    # -- answers ------------------------------------------------------------------------------------------
    def goal(self, text: str) -> Optional[str]:
        words = normalise(text)
        words = self.lex.pattern("degree_held").sub(" ", words)
        words = self.lex.pattern("job_hours_before").sub(" ", words) if self.lex.has("works_a_job", words) else words
        graduate = sum(1 for _ in self.lex.every("goal_graduate", words))
        skills = sum(1 for _ in self.lex.every("goal_skills", words))
        if self.lex.has("not_graduate", words):
            graduate = 0
        if self.lex.has("not_skills", words):
            skills = 0
        if self.lex.has("both", words) and graduate and skills:
            mostly = self.lex.find("mostly", words)
            if not mostly:
                return UNSURE
            after = words[mostly.end() :]
            graduate, skills = (1, 0) if self.lex.has("goal_graduate", after) else (0, 1)
        if graduate > skills:
            return GOAL_GRADUATE
        if skills > graduate:
            return GOAL_SKILLS
        return None

    def credit(self, text: str, asked: bool) -> Optional[Any]:
        words = normalise(text)
        if not words:
            return None
        if self.lex.has("what_it_means", words) or self.lex.has("yes_or_no", words):
            return None
        mention = self.lex.find("credit_topic", words)
        if mention and not (not asked and self.asks(text) and not self.lex.has("about_oneself", words)):
            clause = next(
                (normalise(c) for c in _CLAUSES.split(text.lower()) if self.lex.has("credit_topic", normalise(c))),
                words,
            )
            after = words[mention.start() : mention.end() + 25]  # "credit? meh, maybe later"
            if (
                self.lex.has("credit_no", clause)
                or self.lex.has("not_graduate", clause)
                or self.lex.has("credit_no", after)
            ):
                return False
            if self.lex.has("negation", clause) and not self.lex.has("credit_yes", clause):
                return False
            if self.lex.has("question_start", clause) and not asked and not self.lex.has("credit_yes", clause):
                return None  # "would credit help me get a promotion?" asks
            return True
        if not asked:
            return None
        if self.lex.has("correction", words) and self.goal(text):
            return None  # "no, I meant deep expertise": the "no" puts the goal right
        if self.lex.has("credit_no", words) or self.lex.has("say_no", words):
            return False
        if self.lex.has("say_yes", words) or self.lex.has("credit_yes", words):
            return True
        if self.lex.has("not_graduate", words):
            return False
        quiet = any(self.lex.whole(cue, words) for cue in ("hesitation", "acknowledgement", "unsure"))
        if self.nlu.intent in ("affirm", "deny") and len(words.split()) <= 4 and not quiet:
            return self.nlu.intent == "affirm"
        return None

    @property
    def yes_or_no_to_credit_left_out(self) -> bool:
        """A bare "no" said to another question just after the credit question was left out with its buttons
        answers that one: credit is the only yes-or-no question."""
        held = self.snap.answers.get("wants_credit")
        bare = any(self.lex.whole(cue, self.words) for cue in ("say_yes", "say_no"))
        return bare and held == UNSURE and self.snap.asked not in (None, "wants_credit")

    def credit_implied(self, text: str) -> Optional[bool]:
        """Credit said without its word: "no need for any degree" (it doesn't matter), "I hope to do a master's
        later" (it does)."""
        words = normalise(text)
        if self.lex.has("not_graduate", words):
            return False
        if self.lex.has("wants_masters", words) and (self.about_oneself or self.lex.has("about_oneself", words)):
            return True
        return None

    def wanted_subjects(self, text: str) -> List[str]:
        """The subjects wanted, those named after a wish first: "backend dev (java), want to pivot into AI"
        wants AI; not a degree held, nor one turned down."""
        words = self.lex.pattern("degree_held").sub(" ", normalise(text))
        words = self.lex.pattern("rejected_subject").sub(" ", words)
        wishes = list(self.lex.every("wants_subject", words))
        after = subjects_in(self.kb, words[wishes[-1].end() :]) if wishes else []
        if wishes and not after:  # "want to get into data": the subjects a word after the wish partly names
            partly = self.partly_named(words[wishes[-1].end() :])
            after = [SUBJECTS_JOINED_BY.join(partly)] if partly else []
        return [*after, *(s for s in subjects_in(self.kb, words) if s not in after)]

    def figure(self, value: Value, slot: str) -> Optional[float]:
        """The value read for ``slot``: hours (the middle of a range, under a bound), dollars or months."""
        if slot == "weekly_hours":
            return (value.amount + value.low) / 2 if value.low is not None else value.amount
        return value.amount

    def number_slot(self, value: Value) -> Optional[str]:
        """Which answer a bare figure gives: the one whose figure the message turns down ("not 15, more like 5"),
        else what its clause says ("per week", "budget"), else the question asked."""
        for slot in ("weekly_hours", "budget", "horizon_months"):
            held = self.snap.answers.get(slot)
            if isinstance(held, int | float) and any(v.rejected and _near(held, v.amount) for v in self.values):
                return slot
        asked = self.snap.asked
        if asked in ("weekly_hours", "budget", "horizon_months"):
            return asked
        # Unasked, only a figure in digits in what the message tells: "which one is cheaper?" has no budget of 1.
        if self.in_question(value.start) or not re.search(r"\d", self.text[value.start : value.end]):
            return None
        clause = self.clause_of(value.start)
        if self.lex.has("topic_cost", clause) or (value.bound == "at_most" and value.amount >= 100):
            return "budget"
        if self.lex.has("per_week", clause) and value.amount <= MAX_WEEKLY_HOURS:
            return "weekly_hours"
        return None

    @cached_property
    def _answers(self) -> List[Any]:
        """Every answer the message gives, as Answer (not yet weighed against those held), Unsure or Missed."""
        asked = self.snap.asked
        found: Dict[str, Answer] = {}
        option = self.option_chosen()
        if option is not None:
            return [Answer(str(asked), option)]
        told = self.told
        # A question about a topic asks; only what it tells answers ("deep knowledge. btw how much is it?").
        # What was read or heard elsewhere ("I read they cost tens of thousands") tells nothing of oneself.
        if self.lex.has("heard_elsewhere", normalise(told)):
            told = ""
        told = self.lex.pattern("not_said").sub(" ", told)  # "i never said credit doesnt matter": not told
        statement = normalise(told)
        # "micromaster vs masters degree cost": a question about a topic, not a goal, unless said of oneself.
        # "pc credit": a topic of a credential kind, asked in two words. "cybersecurity ones with credit": a list.
        kind_and_topic = bool(credential_types_in(statement) and topic_named(statement))
        about_a_topic = (
            not asked
            and not self.about_oneself
            and not self.lex.has("advice", statement)
            and not self.lex.has("advice", normalise(self.question))  # "quick cert for a job, what do u recommend"
            and not self.choice_between_kinds()  # "which is better for learning programming fast, cert or mm"
            and (self.lex.has("compares", statement) or kind_and_topic or self.lex.has("programmes_plural", statement))
        )
        if statement and not self.lex.has("supposition", statement) and not about_a_topic:
            goal = self.goal(told)
            if goal and (asked == "goal" or goal != UNSURE):
                found["goal"] = Answer("goal", goal)
            credit = self.credit(told, asked == "wants_credit" or self.yes_or_no_to_credit_left_out)
            if credit is None:
                credit = self.credit_implied(told)
            if credit is not None:
                found["wants_credit"] = Answer("wants_credit", credit)
            if "goal" not in found and asked != "goal" and self.lex.has("not_graduate", statement):
                found["goal"] = Answer("goal", GOAL_SKILLS)  # "no need for any degree": not the graduate route
        figures: Dict[str, List[Value]] = {}
        if not told and self.lex.has("heard_elsewhere", self.words) and asked is None:
            return list(found.values())
        asks_apart = self.told != self.text
        for value in self.values:
            slot = value.kind if value.kind != NUMBER else self.number_slot(value)
            if slot is None or value.rejected:
                continue
            in_question = asks_apart and self.in_question(value.start)
            if in_question and (value.needs_context or value.read_as and not value.explicit):
                continue  # "cheap?" asks whether it is cheap
            if in_question and slot != asked and not (asked in TIME_SLOTS and slot in TIME_SLOTS):
                continue  # "how long at 10 hours a week?" asks; it answers only the question asked
            if slot == "horizon_months" and not self.horizon_meant(value):
                continue
            if value.needs_context and self.names_another_answer(value, slot):
                continue  # "yes credit matters a lot", said to the time question: a lot of credit, not of time
            if value.needs_context and asked not in (slot, *((TIME_SLOTS) if slot in TIME_SLOTS else ())):
                clause = self.clause_of(value.start)
                topic = "topic_cost" if slot == "budget" else "topic_duration"
                if slot == "horizon_months" or not self.lex.has(topic, clause):
                    continue
            figures.setdefault(slot, []).append(value)
        for slot, values in figures.items():
            value = values[-1]  # "not 15, more like 5": the last one said
            if slot == "budget" and value.currency:
                if asked == "budget":
                    return [Missed("budget", "other_currency", value.currency)]
                continue
            amount = self.figure(value, slot)
            if amount is None:
                continue
            if slot == "weekly_hours" and not 0 < amount <= MAX_WEEKLY_HOURS:
                if asked == "weekly_hours":
                    return [Missed("weekly_hours", "bad_hours")]
                continue
            if slot == "budget" and 0 < amount < MIN_PLAIN_BUDGET and not value.explicit and asked == "budget":
                return [Missed("budget", "tiny_budget")]
            found[slot] = Answer(slot, amount, value.read_as)
        if asked == "weekly_hours" and "horizon_months" in found:
            found.pop("weekly_hours", None) if "weekly_hours" in found and not self.has_hours_unit() else None
        subject = self.subject_answer(told, situation=bool(found))
        if subject:
            found["subject"] = subject
        return list(found.values())

    def names_another_answer(self, value: Value, slot: str) -> bool:
        """Whether the clause of words without a figure ("a lot") names another question's subject only."""
        clause = self.clause_of(value.start)
        own = ("weekly_hours",) if slot in TIME_SLOTS else (slot,)
        if any(self.lex.has(f"names_{name}", clause) for name in own):
            return False
        others = ("goal", "wants_credit", "weekly_hours", "budget")
        return any(self.lex.has(f"names_{name}", clause) for name in others if name not in own)

    def horizon_meant(self, value: Value) -> bool:
        """Whether a duration is how long the learner can give it: said to the time question, or in words
        about time ("within 6 months"); not "one day" in "MIT's master's one day", nor "10 years of experience"."""
        around = normalise(self.text[max(0, value.start - 60) : value.end + 25])
        if self.lex.has("not_a_horizon", around):
            return False
        if self.snap.asked in TIME_SLOTS or self.lex.has("per_year", normalise(self.text[value.start : value.end])):
            return True  # "3 months a year": the time one has
        return value.amount <= 36 and self.lex.has("horizon_context", self.clause_of(value.start))

    def option_chosen(self) -> Optional[Any]:
        """ "the first one", or a button's title typed ("$500 to $1,500"), said to the question asked: that
        button's answer."""
        asked = self.snap.asked
        if asked not in QUESTIONS or self.lex.has("details", self.words):
            return None
        position = listed_position(self.text) if len(self.words.split()) <= 4 else None
        chosen = option_value(asked, position) if position is not None else None
        chosen = chosen if chosen is not None else option_titled(asked, self.text)
        return _typed(asked, chosen) if chosen is not None else None

    def has_hours_unit(self) -> bool:
        return any(v.kind == HOURS and v.explicit and not v.needs_context for v in self.values)

    def subject_answer(self, told: str, situation: bool = False) -> Optional[Answer]:
        """The subject wanted: one named in answer to the subject question, or told with other answers or
        with a wish ("I want to move into data science"); not a degree held, nor one turned down."""
        asked = self.snap.asked == "subject"
        text = told if not asked else self.text
        if not asked and self.question and self.question in text and build_query(self.kb, self.question).institutions:
            text = text.replace(self.question, " ")  # "mitx finance vs mitx supply chain - ...?": programmes named
        subjects = self.wanted_subjects(text)
        entity = next((resolve_subject(self.kb, v) for v in self.nlu.values("subject")), None)
        if asked and self.lex.has("any_subject", self.words) and not subjects:
            return Answer("subject", ANY_SUBJECT)
        wanted = self.lex.has("wants_subject", normalise(text)) or self.lex.has("advice", self.words)
        wanted = wanted or situation or self.choice_between_kinds() or self.lex.has("change_request", self.words)
        if subjects and (asked or self.snap.in_questions or wanted):
            return Answer("subject", self.alternatives(text, subjects))
        if self.names_only_a_new_subject:
            named = self.wanted_subjects(self.text)
            if named:
                return Answer("subject", named[0])
            partly = SUBJECTS_JOINED_BY.join(self.partly_named(self.text))
            return Answer("subject", partly, f'"{self.words}": I\'ll take that as {partly}')
        if asked and entity and entity in subjects_in(self.kb, self.words):
            return Answer("subject", entity)
        controls = (
            "advice",
            "start_over",
            "stop",
            "verdict_now",
            "resume",
            "about_oneself",
            "hesitation",
            "acknowledgement",
            "say_yes",
            "say_no",
        )
        if (
            asked
            and not self.question
            and 0 < len(self.words.split()) <= 4
            and not self.stated_answers_of_figures()
            and not any(self.lex.has(cue, self.words) for cue in controls)
        ):
            partly = SUBJECTS_JOINED_BY.join(self.partly_named(self.text))  # "data stuff": data science
            if partly:
                return Answer("subject", partly, f'"{self.words}": I\'ll take that as {partly}')
            # A subject my catalogue lacks ("python", "marketing"): programmes from any subject, said so.
            lacking = unknown_topic(self.kb, Query(text=self.text), what_about=True) or self.words
            lacking = self.lex.pattern("programme_noun_at_end").sub("", lacking)
            return Answer("subject", ANY_SUBJECT, unlisted=lacking)
        return None

    def alternatives(self, text: str, subjects: List[str]) -> str:
        """The subject answer: the first wanted, or each of those named as alternatives ("leadership and maybe
        supply chain stuff", "data science or ai": both)."""
        words = normalise(text)
        wishes = list(self.lex.every("wants_subject", words))
        words = words[wishes[-1].end() :] if wishes else words  # "I work in finance and want to learn python"
        parts = [subjects_in(self.kb, part) for part in _ALTERNATIVES.split(words)]
        named = [found[0] for found in parts if len(found) == 1 and found[0] in subjects]
        together = list(dict.fromkeys(named))
        return SUBJECTS_JOINED_BY.join(together[:2]) if len(together) > 1 else subjects[0]

    @cached_property
    def names_only_a_new_subject(self) -> bool:
        """After a recommendation, a few words naming only a subject ("finance", "what about finance?",
        "actually cybersecurity"): the subject changed, so the recommendation's examples change with it."""
        if not self.snap.recommended or len(self.words.split()) > 4:
            return False
        query = build_query(self.kb, self.text)
        subjects = self.wanted_subjects(self.text)
        partly = self.partly_named(self.text) if not (subjects or query.subjects) else ()
        subjects = subjects or ([SUBJECTS_JOINED_BY.join(partly)] if partly else [])  # "business stuff"
        held = self.snap.answers.get("subject")
        if len(subjects) != 1 or subjects[0] == held or query.institutions or query.credential_types:
            return False
        return topic_named(self.words) is None and not self.lex.has("programme_words", self.words)

    def stated_answers_of_figures(self) -> bool:
        return (
            any(v.kind != NUMBER for v in self.values)
            or bool(self.goal(self.text))
            or self.lex.whole("unsure", self.words)
        )

    def stated_answers(self) -> List[Answer]:
        """The answers the message states of itself (figures with units, goal or credit in words)."""
        return [a for a in self._answers if isinstance(a, Answer) and a.value != UNSURE]

    def answers(self) -> List[Any]:
        """The answers, weighed against those held: a different one held is changed only when the message
        says so ("actually", "sorry, I meant"), when it was just said back as a guess, when it is the
        question asked, after the recommendation, or when it comes with its unit ("10 hours a week")."""
        snap, asked, out = self.snap, self.snap.asked, []
        correcting = any(self.lex.has(cue, self.words) for cue in ("correction", "challenge", "change_request"))
        for act in self._answers:
            if not isinstance(act, Answer):
                out.append(act)
                continue
            held = snap.answers.get(act.slot)
            if held is None or held == UNSURE:
                out.append(act)
                continue
            if _same(held, act.value):
                out.append(Answer(act.slot, act.value, act.read_as, repeated=True))
                continue
            explicit = act.slot in (*TIME_SLOTS, "budget") and any(
                v.explicit and not v.needs_context for v in self.values if (v.kind == act.slot)
            )
            if correcting or act.slot in snap.said_back or act.slot == asked or snap.recommended or explicit:
                out.append(Answer(act.slot, act.value, act.read_as, previous=held))
        out += self.corrected_figures(out)
        return out

    def corrected_figures(self, taken: List[Any]) -> List[Answer]:
        """ "sorry typo, i meant 500 not 5000", "not 15, more like 5": a bare figure put in place of one turned
        down, for the answer that held the figure turned down (or, failing that, the one just given)."""
        rejected = [v for v in self.values if v.rejected]
        if not rejected or any(isinstance(a, Answer) and a.previous is not None for a in taken):
            return []
        replacement = [v for v in self.values if not v.rejected and v.kind in (NUMBER, rejected[0].kind)]
        if not replacement:
            return []
        for slot in ("weekly_hours", "budget", "horizon_months"):
            held = self.snap.answers.get(slot)
            if isinstance(held, int | float) and any(abs(float(held) - v.amount) < 1e-6 for v in rejected):
                amount = self.figure(replacement[-1], slot)
                return [Answer(slot, amount, previous=held)] if amount is not None and not _same(held, amount) else []
        return []

    def missed(self) -> Optional[Missed]:
        """The question just asked, answered but not readably ("blorp", "hmm", "what do you mean?")."""
        asked, words = self.snap.asked, self.words
        if asked is None:
            return None
        if self.lex.has("advice", words):
            return Missed(asked, "choosing")  # "help me choose" said mid-way: that is what these questions do
        if self.lex.whole("hesitation", words):
            return Missed(asked, "hesitation")
        if self.lex.has("what_it_means", words):
            return Missed(asked, "meaning")
        if asked == "subject" and is_not_words(self.text):
            return Missed(asked, "not_a_subject")
        if asked == "subject" and not self.question and len(words.split()) <= 4 and words:
            return None  # a subject the catalogue lacks: the answer stands (see subject_missing)
        return Missed(asked, "unclear")

    # -- the question -------------------------------------------------------------------------------------
    @cached_property
    def query(self) -> Query:
        """The message's search terms: of its question when it tells something first about oneself."""
        text = self.question or self.text
        start = self._parts[2] if self.question else 0
        if start > 0 and not self.lex.has("about_oneself", normalise(self.text[:start])):
            start, text = 0, self.text
        return build_query(
            self.kb,
            text,
            subjects=tuple(self.nlu.values("subject", start)),
            institutions=tuple(self.nlu.values("institution", start)),
            credential_types=tuple(self.nlu.values("credential_type", start)),
        )

    @cached_property
    def whole_query(self) -> Query:
        return build_query(
            self.kb,
            self.text,
            subjects=tuple(self.nlu.values("subject")),
            institutions=tuple(self.nlu.values("institution")),
            credential_types=tuple(self.nlu.values("credential_type")),
        )

    def catalogued(self, programme_id: Optional[str]) -> Optional[Programme]:
        return next((p for p in self.kb.programmes if p.id == programme_id), None)

    @cached_property
    def in_context(self) -> Optional[Programme]:
        """The programme the reply just given was about, or the only one it listed ("how long is it?")."""
        if self.snap.current_shown and self.snap.current:
            return self.catalogued(self.snap.current)
        if self.snap.list_shown and len(self.snap.listed) == 1:
            return self.catalogued(self.snap.listed[0])
        return None

    def context_subjects(self) -> List[str]:
        """The subjects the conversation is about: the programme just discussed, the last search, the answer."""
        current = self.catalogued(self.snap.current) if self.snap.current else None
        subjects = [
            *(current.subjects[:1] if current else ()),
            *(self.snap.search.subjects if self.snap.search else ()),
        ]
        subjects += subject_names(self.snap.answers.get("subject"))
        return list(dict.fromkeys(subjects))

    def names_several(self, text: str) -> bool:
        """ "the mit programmes", "any ...": several programmes; "how many courses is it" counts a field of one."""
        words = self.lex.pattern("field_courses").sub(" ", normalise(text))
        return self.lex.has("several_programmes", words) or self.lex.has("any_word", words)

    def with_context_subject(self, query: Query) -> Query:
        """ "And the delft one?" after AI was discussed: Delft's programme in that subject, not its first one."""
        if not query.institutions or query.subjects or self.names_several(query.text):
            return query  # "how much are the mit programmes": all of them
        several = search_programmes(self.kb, query)
        if len(several) < 2:
            return query
        for subject in self.context_subjects():
            narrowed = replace(query, subjects=(subject,))
            if search_programmes(self.kb, narrowed):
                return narrowed
        return query

    def programme_meant(self) -> Optional[Programme]:
        """The programme just discussed, if the message means it: "how long is it?", "is the mitx one legit?"."""
        current, query = self.in_context, self.query
        if current is None or query.is_empty:
            return current
        text = normalise(query.text)
        if self.lex.has("this_programme", text) and not (query.subjects or query.institutions):
            return current
        if not (query.subjects or query.institutions or self.topics_named()):
            # "by when do i have to upgrade to verified?" right after its card: a detail its texts hold
            return current if in_programme_text(current, self.question_text()) else None
        several = self.lex.has("several_programmes", text)
        if not self.lex.has("points_at_one", text) and (not query.institutions or several):
            return None
        return current if current in search_programmes(self.kb, query) else None

    def pointed_at(self) -> Optional[int]:
        position = listed_position(self.text)
        two = len(self.snap.listed) == 2 and self.snap.current in self.snap.listed
        if position is None and two and self.snap.current_shown and self.lex.has("the_other_one", self.words):
            return 1 - self.snap.listed.index(self.snap.current)
        return position

    def titled_in_list(self) -> Optional[int]:
        """ "the excel one" right after a list: the one listed programme whose title has that word."""
        found = self.lex.find("the_named_one", self.words)
        if not found:
            return None
        named = set(found.group(0).split()[1:-1]) - {"the", "a", "an", "other", "first", "last", "next"}
        if not named:
            return None
        hits = []
        for i, pid in enumerate(self.snap.listed):
            programme = self.catalogued(pid)
            title = set(normalise(f"{programme.title} {programme.institution}").split()) if programme else set()
            if named <= title:
                hits.append(i)
        return hits[0] if len(hits) == 1 else None

    def topic(self) -> Optional[str]:
        return topic_named(self.question_text())

    def topics_named(self) -> Tuple[str, ...]:
        """The topics the message's words ask about, in order ("how long and how much")."""
        return topics_in(self.question_text())

    def programme_topics(self) -> Tuple[str, ...]:
        """The topics asked of a programme, its course list among them ("price and courses of MITx SDS", "its
        courses")."""
        courses = ("courses",) if self.lex.has("field_courses", normalise(self.question_text())) else ()
        return tuple(dict.fromkeys(self.topics_named() + courses))

    def named_credentials(self) -> List[str]:
        named: List[str] = []
        for value in self.nlu.values("credential_type") + credential_types_in(self.question or self.text):
            resolved = resolve_credential_type(value)
            if resolved and resolved not in named:
                named.append(resolved)
        return named

    def named_unknown(self) -> Optional[Ask]:
        """A programme my catalogue lacks, named anywhere in the message as a programme ("mit scm vs the
        michigan data science micromasters, which should i do"): said first, whatever else the message asks."""
        parts = _NAMING_PARTS.split(self.text)  # each programme of "X vs Y" on its own
        if self.refers_to_missing():  # "ok what about its courses then": still the programme I lack
            parts = [str(self.snap.missing)]
        for part in parts:
            query = build_query(self.kb, part)
            if not (query.credential_types or self.lex.has("programme_or_kind_words", normalise(part))):
                continue  # "I studied at Oxford": a university named, no programme
            other = other_institution_named(self.kb, part)
            if not (other or query.institutions):
                continue  # "business analytics: pro cert or micromasters?" names no one programme
            if other:
                return Ask("other_institution", name=other.name, query=query)
            match = programme_in_question(self.kb, query)
            if match.claim and not self.programme_naming_it(self.query, self.text):
                return Ask("claim", claim=match.claim.id, programmes=tuple(p.id for p in match.nearest), query=query)
        return None

    def programme_naming_it(self, query: Query, text: str) -> Optional[Programme]:
        """The programme just shown, or one named beside another institution, whose own texts name what an
        unverified claim is about ("how do i get the credit at harvard extension" after MITx SDS, whose pathway
        it is): that programme, not the claim."""
        claim = programme_in_question(self.kb, query).claim or find_programme(self.kb, query).claim
        if claim is None:
            return None
        words = normalise(text)
        said = " ".join(k for k in claim.keywords if re.search(rf"(?<!\w){re.escape(normalise(k))}(?!\w)", words))
        if not said:
            return None
        if self.in_context and in_programme_text(self.in_context, said):
            return self.in_context
        others = [i for i in query.institutions if i != claim.institution]
        found = [p for i in others for p in search_programmes(self.kb, replace(query, institutions=(i,)))]
        naming = list(dict.fromkeys(p for p in found if in_programme_text(p, said)))
        return naming[0] if len(naming) == 1 else None

    def names_a_detail(self, query: Query) -> bool:
        """Whether the question names a detail of the programme it is about ("does it use keras or pytorch?":
        its courses), so that a topic the classifier guessed does not stand in for it."""
        programme = programme_in_question(self.kb, query).programme or self.programme_meant()
        return programme is not None and in_programme_text(programme, self.question_text())

    def refers_to_missing(self) -> bool:
        """The message points back ("its courses", "how long is it?") at the programme just said to be missing,
        naming no other."""
        if not self.snap.missing or self.query.subjects or self.query.institutions:
            return False
        return self.lex.has("points_at_one", self.words) or self.lex.has("this_programme", self.words)

    def question_text(self) -> str:
        """What the question is: its asking part, or all of a claim read elsewhere and checked ("I read they
        cost tens of thousands. Is that right?")."""
        if self.question and self.lex.has("heard_elsewhere", self.words):
            return self.text
        return self.question or self.text

    # The question kinds, top wins. Each returns an Ask or None.
    def question_kinds(self) -> Tuple[Callable[[], Optional[Ask]], ...]:
        return (
            self.about_the_bot,
            self.typical_answer,
            self.why,
            self.whose,
            self.sources,
            self.still_offered,
            self.about_the_list,
            self.comparison,
            self.pathways,
            self.with_credit,
            self.after_recommendation,
            self.faq_details,
            self.uncovered,  # "what salary after the MITx SCM one?": not covered, whichever programme
            self.programme_topic,
            self.faq_topics,
            self.search,
            self.details,
            self.show_more,
            self.credential_named,
            self.help,
            self.by_intent,
        )

    def typical_answer(self) -> Optional[Ask]:
        """ "Not sure, whats typical?" said to one of my questions, naming no topic: what is usual for that
        question's topic (the budget: the cost), and the question stays open."""
        topic = _TOPIC_OF_QUESTION.get(self.snap.asked or "")
        text = self.question_text()
        if topic and self.question and not self.topic() and self.lex.has("whats_typical", normalise(text)):
            return Ask("faq", topics=(topic,), lead="typical")  # both side by side: either may be recommended
        return None

    def about_the_bot(self) -> Optional[Ask]:
        words = normalise(self.question_text())
        if self.lex.has("who_made_me", words):
            return Ask("who_made_me")
        heard = self.lex.has("heard_elsewhere", self.words)
        if self.lex.has("how_current", words) and not heard:
            return Ask("how_current")
        if self.lex.has("how_sure", words) and not heard:
            return Ask("how_sure")
        if self.lex.has("are_you_a_bot", words) and not topic_named(words):
            return Ask("bot")
        if self.lex.has("yes_or_no", words) and not self.snap.in_questions:
            return Ask("yes_or_no")
        return None

    def question_named(self, words: str) -> Optional[str]:
        """The one question of mine the words name ("why do you need my budget?"), or None."""
        named = [slot for slot in SLOTS if self.lex.has(f"names_{slot}", words)]
        return named[0] if len(named) == 1 else None

    def why(self) -> Optional[Ask]:
        """ "why?" (after a recommendation), "why do you need my budget?" (during the questions), "why not the
        columbia one?" or "what about the MIT one?" (a programme named, after a recommendation)."""
        words = normalise(self.question_text())
        asked = self.snap.in_questions and self.snap.asked
        if asked and self.lex.has("what_it_means", words):
            return Ask("why_asked", slot=self.question_named(words) or self.snap.asked)
        if self.snap.recommended and self.lex.has("why_not", words):
            named = programme_in_question(self.kb, self.query).programme
            if named:
                return Ask("why_not", programme=named.id)
        if not self.lex.has("why", words):
            return None
        if asked:
            return Ask("why_asked", slot=self.question_named(words) or self.snap.asked)
        if topic_named(words) and not words.startswith("why"):
            return None
        return Ask("why") if self.snap.recommended or words.split()[0] in ("why", "how") else None

    def sources(self) -> Optional[Ask]:
        words = normalise(self.question_text())
        waiting = self.snap.in_questions and self.snap.asked and not self.question
        if self.lex.has("asks_sources", words) and not waiting:
            if self.lex.has("of_them", words):
                return None
            return Ask("sources")
        return (
            Ask("sources")
            if self.nlu.intent == "ask_source"
            and not self.query.subjects
            and not self.query.institutions
            and not self.pointed_at()
            else None
        )

    def still_offered(self) -> Optional[Ask]:
        if not asks_if_still_offered(self.question_text()):
            return None
        named = programme_in_question(self.kb, self.query).programme
        position = self.pointed_at()
        pointed = (
            self.catalogued(self.snap.listed[position])
            if position is not None and -len(self.snap.listed) <= position < len(self.snap.listed)
            else None
        )
        programme = named or pointed or self.in_context
        return Ask("still_offered", programme=programme.id) if programme else None

    def whose(self) -> Optional[Ask]:
        """ "Which uni is it from?", "which part of mit runs it?" (the MIT one of a list just shown)."""
        words = normalise(self.question_text()).strip()
        if not self.lex.has("asks_whose", words):
            return None
        named = tuple(institutions_in(self.kb, words))
        programme = self.in_context
        if programme is None and self.snap.list_shown and named:
            of_named = [p for p in map(self.catalogued, self.snap.listed) if p and p.institution in named]
            programme = of_named[0] if len(of_named) == 1 else None
        if programme is None:
            return None
        asks_if = self.lex.has("is_it_so", words)  # "is that upenn?": yes or no
        if asks_if and not named:
            return None
        return Ask("whose", programme=programme.id, programmes=named if asks_if else ())

    def about_the_list(self) -> Optional[Ask]:
        """ "the second one", "which ones are micromasters", "which is cheapest?", "which one uses python?"."""
        snap, text = self.snap, self.question_text()
        words = normalise(text)
        listed = snap.listed
        if listed:
            position = self.pointed_at()
            pointable = position is not None and -len(listed) <= position < len(listed)
            if pointable and not self.catalogued(listed[position]):
                position = None  # an old conversation's programme the catalogue no longer has
            if position is not None and not (
                snap.in_questions and snap.asked and not self.lex.has("details", words) and len(words.split()) <= 3
            ):
                if not -len(listed) <= position < len(listed):
                    offset = snap.search_offset if snap.search_shown else 0
                    if offset <= position < offset + len(listed):
                        position -= offset
                    else:
                        return Ask("not_in_list", programmes=listed)
                topics = (self.topic(),) if self.topic() else ()
                return Ask("programme", programme=listed[position], topics=tuple(t for t in topics if t))
        ranking = ranking_topic(text)
        if ranking:  # "ok the cyber ones, which is shortest": ranked, not only narrowed
            return self.ranking(ranking)
        if snap.search is not None and snap.search_shown:
            named = self.query
            missing = unknown_topic(self.kb, named, what_about=True) if not named.subjects else None
            partly = subjects_partly_named(self.kb, missing) if missing else ()
            if partly:  # "business ones?": the subjects with that word
                named = Query(partly, named.institutions, named.credential_types, named.text)
            narrowed = narrow(snap.search, text, named)
            if narrowed:
                return Ask("search", query=narrowed)
        in_play = self.list_in_play()
        each = in_play if len(in_play) > 1 and self.lex.has("each_listed", words) else ()
        term = mention_asked(text)
        if term and topic_named(term) is None:
            programmes = each or ((self.in_context.id,) if self.in_context else ())
            if programmes:
                return Ask("mention", term=term, programmes=tuple(programmes))
        topic = self.topic()
        if each and topic and (topic != "about_edx" or asks_where_it_runs(text)):
            return Ask("each_listed", topics=(topic,), programmes=tuple(each))
        if listed and self.lex.has("the_named_one", words) and not topic:
            return self.named_in_list() or None
        return None

    def list_in_play(self) -> Tuple[str, ...]:
        snap = self.snap
        picked = snap.current in snap.listed and snap.current_shown
        return snap.listed if (picked or snap.list_shown) else ()

    def named_in_list(self) -> Optional[Ask]:
        query = self.query
        filtered = bool(query.subjects or query.institutions)
        matching = [p.id for p in search_programmes(self.kb, query)] if filtered else []
        in_list = [pid for pid in self.snap.listed if pid in matching]
        if len(in_list) == 1:
            return Ask("programme", programme=in_list[0])
        if len(in_list) > 1 and self.lex.has("points_at_one", normalise(query.text)):
            return Ask("which_one", programmes=tuple(in_list))
        titled = self.titled_in_list() if not in_list else None
        if titled is not None:
            return Ask("programme", programme=self.snap.listed[titled])
        found = programme_in_question(self.kb, query).programme
        return Ask("programme", programme=found.id) if found else None

    def ranking(self, topic: str) -> Optional[Ask]:
        snap, text = self.snap, self.question_text()
        just_listed = bool(snap.listed) and snap.list_shown
        query = self.query
        lead = "fewest" if self.lex.has("fewest_first", normalise(text)) else None
        if topic == "quality":
            if not just_listed or not query.is_empty:
                return None
            return Ask("no_ranking", programmes=snap.listed)
        pair = compared(self.kb, self.text).pair
        if pair:  # "which has more courses, mitx principles of manufacturing or the harvardx data science cert?"
            return Ask("rank", topics=(topic,), programmes=(pair[0].id, pair[1].id), name="the two", lead=lead)
        current = self.in_context
        if current and self.lex.has("points_at_one", normalise(text)):
            named = programme_in_question(self.kb, query).programme
            if named and named != current:
                return Ask("rank", topics=(topic,), programmes=(current.id, named.id), name="the two", lead=lead)
        named_kind = len(query.credential_types) == 1 or self.lex.has("programme_words", normalise(text))
        outright = bool(named_kind) and asks_for_the_extreme(text)
        if query.subjects or query.institutions or (outright and not just_listed):
            found = tuple(p.id for p in search_programmes(self.kb, query))
            return (
                Ask("rank", topics=(topic,), programmes=found, query=query, name="catalogue", lead=lead)
                if found
                else None
            )
        if just_listed:
            kinds = query.credential_types
            found = tuple(
                pid for pid in snap.listed if (p := self.catalogued(pid)) and (not kinds or p.credential_type in kinds)
            )
            return Ask("rank", topics=(topic,), programmes=found, name="listed", lead=lead) if found else None
        return None

    def comparison(self) -> Optional[Ask]:
        text = self.question_text()
        found = compared(self.kb, text)
        pair = found.pair
        *named, last = _CLAUSE_BREAK.split(text)
        if pair is None and named:  # "X or Y - which one uses python?": the two named before the question
            pair = compared(self.kb, " ".join(named)).pair
        term = mention_asked(text)
        if pair and term and topic_named(term) is None:  # which of the two has it, not the two side by side
            return Ask("mention", term=term, programmes=(pair[0].id, pair[1].id), lead="named")
        if pair is None and self.snap.listed:
            positions = listed_pair(text, len(self.snap.listed) if self.snap.list_shown else 0)
            if positions and all(-len(self.snap.listed) <= p < len(self.snap.listed) for p in positions):
                first, second = (self.catalogued(self.snap.listed[p]) for p in positions)
                pair = (first, second) if first and second and first != second else None
        if pair is None and self.lex.has("compares", normalise(text)) and self.in_context:
            named = programme_in_question(self.kb, self.query).programme
            pair = (self.in_context, named) if named and named != self.in_context else None
        if pair:
            return Ask("compare", programmes=(pair[0].id, pair[1].id))
        if found.missing:
            programme, missing = found.missing
            return Ask("compare_missing", programme=programme.id, query=missing)
        query = self.query
        if len(query.institutions) >= 2 and self.lex.has("compares", normalise(query.text)):
            return Ask("compare_institutions", query=query)
        return None

    def with_credit(self) -> Optional[Ask]:
        """ "programs with credit toward a master's?": the programmes with a credit pathway, a search by what
        they have, not the general answer on credit."""
        words = normalise(self.question_text())
        if self.topic() == "credit" and self.lex.has("programmes_having", words):
            return Ask("with_credit", query=self.query)
        return None

    def pathways(self) -> Optional[Ask]:
        """ "Which universities accept it?": the pathways of the programme just discussed, else of them all."""
        words = normalise(self.question_text())
        after_credit = self.snap.topic_shown and self.snap.last_topic in ("credit", "admission")
        # "which schools?" right after credit was answered: which ones give it.
        if not (asks_about_pathways(words) or (after_credit and self.lex.has("which_universities", words))):
            return None
        programme = self.programme_meant() or programme_in_question(self.kb, self.query).programme
        if programme is not None and programme.credit_pathway:
            return Ask("programme", programme=programme.id, topics=("credit",))
        # One without a pathway in my sources ("which universities accept it?" after Columbia's AI): said, then all
        return Ask("pathways", programme=programme.id if programme else None)

    def programme_topic(self) -> Optional[Ask]:
        """A question about one programme, named ("how much is the MITx SCM one?") or just discussed ("how long
        is it?"), or a programme named that my catalogue lacks ("the Stanford MicroMasters in AI")."""
        text, query = self.question_text(), self.with_context_subject(self.query)
        topics = self.programme_topics()
        other = other_institution_named(self.kb, text)
        if other:  # "the stanford AI micromasters, is it worth it?": the topic in general after it
            return Ask("other_institution", name=other.name, query=query, topics=topics)
        snap = self.snap
        if not topics and snap.topic_shown and snap.last_topic and self.lex.has("the_named_one", normalise(text)):
            # "and the finance one?" right after a topic's answer: the same topic, of the programme it names
            found = find_programme(self.kb, query) if (query.subjects or query.institutions) else None
            if found and found.programme:
                return Ask("programme", programme=found.programme.id, topics=(snap.last_topic,))
        intent_topic = INTENT_TOPICS.get(self.nlu.intent or "") if self.intent_asks else None
        if (
            not topics
            and intent_topic
            and not self.names_a_detail(query)
            and not asks_what_is_offered(text)
            and (intent_topic not in ("difference", "definition") or asks_about_the_masters(text))
        ):
            topics = (intent_topic,)
        if "difference" in topics:
            return None
        if topics and "about_edx" in topics and not asks_where_it_runs(text):
            return None
        match = programme_in_question(self.kb, query)
        held = self.programme_naming_it(query, text) if match.claim else None
        if match.claim and not held:
            return Ask("claim", claim=match.claim.id, programmes=tuple(p.id for p in match.nearest), query=query)
        programme = match.programme or self.programme_meant() or held
        if programme is None:
            # A programme asked about by name ("tell me about the MIT one"); with a topic ("is the columbia one
            # legit?"), only one named without doubt, else the answer is about the kind in general.
            if self.names_a_programme(query):
                several = search_programmes(self.kb, query) if query.institutions and not query.subjects else []
                one = self.lex.has("points_at_one", normalise(query.text))
                if one and len(several) > 1 and not programme_by_short_name(self.kb, query.text):
                    kinds = {p.credential_type for p in several}
                    if topics and not set(topics) & PROGRAMME_TOPICS and len(kinds) == 1:
                        return Ask("faq", topics=topics, credential=kinds.pop())  # the same for each of them
                    return Ask("which_one", programmes=tuple(p.id for p in several[:5]))  # "the rit one"
                found = find_programme(self.kb, query)
                naming = self.programme_naming_it(query, text) if found.claim else None
                if found.claim and not naming:
                    nearest = tuple(p.id for p in found.nearest)
                    return Ask("claim", claim=found.claim.id, programmes=nearest, query=query)
                if found.programme or naming:
                    return Ask(
                        "programme",
                        programme=(naming or found.programme).id,
                        topics=topics,
                        programmes=tuple(p.id for p in found.nearest),
                    )
                return Ask("not_found", programmes=tuple(p.id for p in found.nearest), query=query, topics=topics)
            return None
        asked_of_it = topics or self.lex.has("details", normalise(text)) or self.names_a_programme(query)
        if not (asked_of_it or self.names_a_detail(query)):
            return None
        lead = None
        if "cost" in topics and not programme.price and self.lex.has("whats_typical", normalise(text)):
            return Ask("faq", topics=("cost",), credential=programme.credential_type)  # "usually, ballpark?"
        if "masters_cost" in topics:  # "how much is the msc": its pathway's fee, else what master's degrees cost
            if not re.search(r"\$\s?\d", programme.credit_pathway or ""):
                return Ask("faq", topics=("masters_cost",), credential=programme.credential_type)
            topics = ("credit",)
        if (
            asks_about_the_masters(text)
            and programme.credit_pathway
            and set(topics) & {"duration", "degree", "definition", "level", "admission"}
        ):
            topics = ("credit",)
        if "admission" in topics and self.lex.has("asks_to_start", normalise(text)):
            lead = "to_start"
        hours = None
        told = False
        if "duration" in topics:
            said = [v for v in self.values if v.kind == HOURS]
            if said:
                hours = self.figure(said[-1], "weekly_hours")
            elif isinstance(self.snap.answers.get("weekly_hours"), int | float) and self.lex.has(
                "about_oneself", normalise(text)
            ):
                hours, told = float(self.snap.answers["weekly_hours"]), True
        words = normalise(text)
        if self.lex.has("everything", words) or (  # "the full rundown - courses, credit, all of it"
            not topics and programme == self.in_context and self.lex.has("details", words)
        ):  # "tell me more" after one of its facts: the whole card
            return Ask("programme", programme=programme.id, details=True)
        return Ask("programme", programme=programme.id, topics=topics, lead=lead, hours=hours, told=told)

    def suggesting(self) -> Optional[str]:
        """ "recommended" when a search after a recommendation means its kind of programme; "show me all
        programmes" still means all of them."""
        if not self.snap.recommended or self.lex.has("all_of_them", normalise(self.text)):
            return None
        return "recommended"

    def names_a_programme(self, query: Query) -> bool:
        """Whether the question names one programme (an institution, or a subject with a kind, or a short name);
        "is there a data science micromasters?" asks what there is: a search."""
        if programme_by_short_name(self.kb, query.text):
            return True
        if asks_what_is_offered(query.text):
            return False
        if self.lex.has("any_of_a_kind", normalise(query.text)) and not query.institutions:
            return False
        words = normalise(query.text)
        several = self.names_several(query.text)
        if query.institutions and (query.subjects or self.lex.has("one_programme", words)):
            return not several
        return (
            self.nlu.intent == "ask_program_info"
            and bool(query.subjects or query.institutions)
            and not (several or self.lex.has("asks_which", words))
        )

    def uncovered(self) -> Optional[Ask]:
        text = self.question_text()
        topic = uncovered_topic(text)
        if topic is None or topic_named(text) == "degree":
            return None
        # "when do courses start, are there deadlines": start dates not covered, the pacing facts are; a topic
        # named only inside the uncovered words ("retake the exam") is not asked.
        covered = tuple(t for t in topics_in(uncovered_words(text, topic)) if t not in ("definition", "difference"))
        kinds = self.named_credentials()
        credential = kinds[0] if covered and len(kinds) == 1 else None
        return Ask("uncovered", name=topic, topics=covered, credential=credential)

    def faq_topics(self) -> Optional[Ask]:
        text = self.question_text()
        together = topics_asked_together(text)
        intent_topic = INTENT_TOPICS.get(self.nlu.intent or "") if self.intent_asks else None
        named = self.named_credentials()
        by_words = True
        if together:  # "how long and how much?": each, for the credential named, else both side by side
            return Ask(
                "faq",
                topics=together,
                credential=named[0] if len(named) == 1 else None,
                compared=intent_topic == "difference",
            )
        topic = self.topic()
        if topic is None and len(set(named)) == 2 and self.lex.has("compares", normalise(text)):
            return Ask("faq", topics=("difference",))  # "mm vs pc"
        if topic is None:
            # Named only by the classifier: a search naming a subject or university is no FAQ question,
            # but "is a micromasters worth it for a software engineer" is about any MicroMasters.
            general = self.lex.has("any_of_a_kind", normalise(text)) and not self.query.institutions
            if asks_what_is_offered(text) or ((self.query.subjects or self.query.institutions) and not general):
                return None
            if not intent_topic or (not self.question and self._answers):
                return None
            if intent_topic == "definition" and not named and not self.question:
                return None
            topic, by_words = intent_topic, False
        elif intent_topic == "difference" and not (topic in WORD_ONLY_TOPICS and len(named) == 1):
            return Ask("faq", topics=(topic,), compared=True)
        if (topic in ("how_many", "other_credentials", "courses") or topic in WORD_ONLY_TOPICS) and (
            (self.query.subjects or self.query.institutions)
            and topic not in ("how_many", "other_credentials")
            and not asks_what_is_offered(text)
        ):
            pass
        if asks_what_is_offered(text) and topic not in WORD_ONLY_TOPICS:
            return None
        lead = None
        name = None
        if topic in ("worth", "recognition"):
            employer = employer_named(text)
            if employer:
                topic, lead, name = "recognition", "employer", employer
            elif self.lex.has("job_promised", normalise(text)):
                lead = "job"
        elif self.lex.has("job_promised", normalise(text)) and topic in ("admission", "definition", "level"):
            topic, lead = "worth", "job"
        if topic == "recognition" and lead is None:
            country = country_named(text)
            if country:
                lead, name = "country", country
        credential = None
        several = self.lex.has("several_programmes", normalise(text))
        if topic != "difference":
            if len(named) == 1:
                credential = named[0]
            elif not named and not several and not self.lex.has("refers_to_both", normalise(text)):
                credential = resolve_credential_type(self.snap.credential)
        if topic == "other_credentials" and credential is None:
            credential = MICROMASTERS  # "what are microbachelors?": set against the MicroMasters
        # "is the micromasters harder than a prof cert?", "whats quicker?": the two compared, the usual answer first
        compared = credential is None and self.lex.has("comparative", normalise(text))
        return Ask(
            "faq", topics=(topic,), credential=credential, lead=lead, name=name, by_words=by_words, compared=compared
        )

    def search(self) -> Optional[Ask]:
        text, query = self.question_text(), self.query
        intent = self.nlu.intent
        other = other_institution_named(self.kb, text)
        if other:
            return Ask("other_institution", name=other.name, query=query)
        wants_search = intent in ("search_programs", "show_more", "ask_program_info") or asks_what_is_offered(text)
        if query.subjects or query.institutions:
            if self.snap.in_questions and self.snap.asked == "subject" and not self.question:
                return None
            programme_words = self.lex.has("programme_or_kind_words", normalise(text))
            if not (query.subjects or query.credential_types or programme_words or wants_search or intent == "inform"):
                return None  # "a good pizza place near mit": a university named, nothing asked of the catalogue
            return Ask("search", query=self.with_partly_named(query))
        missing = unknown_topic(self.kb, query, what_about=not wants_search) or field_named_alone(text)
        if missing:
            partly = subjects_partly_named(self.kb, missing)
            if partly:
                return Ask("search", query=Query(partly, query.institutions, query.credential_types, query.text))
            if self.snap.in_questions and self.snap.asked == "subject":
                return None
            return Ask("search", query=query, name=missing)
        if wants_search and (query.credential_types or intent == "search_programs" or asks_what_is_offered(text)):
            return Ask("search", query=query, lead=self.suggesting())
        return None

    def partly_named(self, text: str) -> Tuple[str, ...]:
        """The subjects that a word of a short phrase naming no subject only partly names ("data stuff": data
        science; "business programs": business analytics, business management)."""
        words = (unknown_topic(self.kb, Query(text=text), what_about=True) or normalise(text)).split()
        if len(words) > 2:
            return ()
        return tuple(dict.fromkeys(subject for word in words for subject in subjects_partly_named(self.kb, word)))

    def with_partly_named(self, query: Query) -> Query:
        """ "leadership or business programs?": a word beside a subject that only partly names subjects adds
        them, as "business ones?" does alone."""
        if not query.subjects:
            return query
        named = [build_query(self.kb, part) for part in _ALTERNATIVES.split(query.text)]
        parts = [q.text for q in named if not (q.subjects or q.institutions)]
        extra = [subject for part in parts for subject in self.partly_named(part)]
        return replace(query, subjects=tuple(dict.fromkeys((*query.subjects, *extra)))) if extra else query

    def details(self) -> Optional[Ask]:
        """ "Tell me more", "details" right after a programme: its whole card."""
        words = normalise(self.question_text())
        programme = self.in_context or self.first_in_its_subject()
        if programme and (self.lex.has("details", words) or self.lex.has("everything", words)):
            return Ask("programme", programme=programme.id, details=True)
        return None

    def first_in_its_subject(self) -> Optional[Programme]:
        """ "whats in it" right after a search listed a few: the one listed whose main subject is the one searched
        for, when only one is ("a micromasters in cybersecurity?": RIT's, not Curtin's Internet of Things)."""
        search = self.snap.search
        if not (self.snap.list_shown and search and search.subjects and self.lex.has("points_at_one", self.words)):
            return None
        listed = [p for p in map(self.catalogued, self.snap.listed) if p is not None]
        main = [p for p in listed if p.subjects[:1] and p.subjects[0] in search.subjects]
        return main[0] if len(main) == 1 else None

    def faq_details(self) -> Optional[Ask]:
        """ "Tell me more", "details" right after an FAQ answer, naming no topic: the whole answer, whatever
        topic the classifier guessed."""
        snap = self.snap
        if not (snap.topic_shown and snap.last_topic and not snap.current_shown and not self.topic()):
            return None
        if self.query.institutions or self.query.subjects:  # "tell me about the purdue one": a programme
            return None
        if self.lex.has("details", normalise(self.question_text())):
            return Ask("faq", topics=(snap.last_topic,), credential=snap.credential, details=True)
        return None

    def show_more(self) -> Optional[Ask]:
        words = normalise(self.question_text())
        more = self.lex.has("more_of_them", words) and len(words.split()) <= 6
        if self.nlu.intent == "show_more" or (
            more and self.snap.search is not None and not self.lex.has("thanks", words)
        ):
            if self.in_context and self.topic():
                return Ask("programme", programme=self.in_context.id, topics=(self.topic(),))
            return Ask("more")
        return None

    def after_recommendation(self) -> Optional[Ask]:
        snap, words = self.snap, normalise(self.question_text())
        if not snap.recommended:
            if self.lex.has("the_other_kind", words):
                answered = resolve_credential_type(snap.credential) or (
                    self.in_context.credential_type if self.in_context else None
                )
                if answered and snap.last_topic and snap.topic_shown:
                    other = next(kind for kind in self.kb.credentials if kind != answered)
                    return Ask("faq", topics=(snap.last_topic,), credential=other)
            return None
        if self.lex.has("the_other_kind", words):
            return Ask("other_credential")
        if self.lex.has("advice", words) and not self.lex.has("start_over", words):
            return Ask("start_with")  # "which one should I start with?", "what programmes would you suggest?"
        if self.lex.has("asks_for_programmes", words) and self.query.is_empty and not self.topic():
            return Ask("search", query=self.query, lead=self.suggesting())
        return None

    def credential_named(self) -> Optional[Ask]:
        """ "and a pro cert?" after an FAQ answer: that topic for the credential named now."""
        named = self.named_credentials()
        topic = self.snap.last_topic
        if not named or topic not in self.kb.faq or topic == "difference" or self.topic():
            if named and self.nlu.intent in ("inform", "nlu_fallback", None) and not self.topic():
                return Ask("faq", topics=("definition",), credential=named[0])
            return None
        return Ask("faq", topics=(topic,), credential=named[0])

    def help(self) -> Optional[Ask]:
        if self.lex.whole("help", self.words) or (self.nlu.intent == "help" and not self.question):
            return Ask("help")
        return None

    def by_intent(self) -> Optional[Ask]:
        """The classifier's intent, when the words named nothing more specific."""
        intent = self.nlu.intent
        if intent in INTENT_TOPICS:
            topic = INTENT_TOPICS[intent]
            credential = None if topic == "difference" else resolve_credential_type(self.snap.credential)
            return Ask("faq", topics=(topic,), credential=credential)
        if intent == "ask_why":
            return Ask("why")
        if intent == "ask_source":
            return Ask("sources")
        if intent == "help":
            return Ask("help")
        if intent == "bot_challenge":
            return Ask("bot")
        if intent in ("search_programs", "ask_program_info"):
            return Ask("search", query=self.query, lead=self.suggesting())
        if intent == "out_of_scope":
            return Ask("out_of_scope")
        return None

    def supposed_changes(self) -> Tuple[Tuple[str, Any], ...]:
        """What a what-if imagines ("what if I had $5000?", "what if I had more time?"): answers not stored."""
        found = self.lex.find("supposition_start", self.text.lower())
        offset = found.end() if found else 0
        rest = self.text[offset:].rstrip(" ?!.")
        imagined = _Message(rest, Nlu(entities=()), Snapshot(), self.kb, self.lex)
        imagined.__dict__["values"] = tuple(
            replace(v, start=v.start - offset, end=v.end - offset) for v in self.values if v.start >= offset
        )
        changes = {a.slot: a.value for a in imagined.stated_answers()}
        for cue, slot, value in (
            ("more_money", "budget", NO_BUDGET_LIMIT),
            ("less_money", "budget", LOW_BUDGET),
            ("more_time", "weekly_hours", 12.0),
            ("less_time", "weekly_hours", 4.0),
        ):
            if slot not in changes and self.lex.has(cue, self.words):
                changes[slot] = value
        return tuple((slot, value) for slot, value in changes.items() if not _same(self.snap.answers.get(slot), value))

    @property
    def intent_asks(self) -> bool:
        """Whether the classifier's intent may stand for a question: not when the message is said to one of my
        questions without asking anything ("zzzz" read as ask_cost is a missed answer, not a cost question)."""
        return not (self.snap.asked and not self.question)

    def asked_question(self) -> Optional[Ask]:
        """The first question kind, in precedence order, that the message asks. Said to one of my questions
        without asking anything ("zzzz"), the intent alone is no question: the answer was not caught."""
        if self.names_only_a_new_subject:
            return None  # "what about finance?" after a recommendation: an answer, whatever the intent
        kinds = self.question_kinds()
        if not self.intent_asks:
            kinds = tuple(kind for kind in kinds if kind != self.by_intent)
        for kind in kinds:
            found = kind()
            if found is not None:
                return found
        return None


def subject_names(value: Any) -> Tuple[str, ...]:
    """The subjects a subject answer holds: none for "any" or no answer, else each one it joins."""
    if not isinstance(value, str) or value == ANY_SUBJECT:
        return ()
    return tuple(value.split(SUBJECTS_JOINED_BY))


def _near(held: float, told: Optional[float]) -> bool:
    """A figure turned down names the one held if it is about the same: "not 500" of the $499 that the
    "Under $500" button stores."""
    return told is not None and abs(float(held) - float(told)) <= max(1.0, 0.02 * abs(float(told)))


def _same(held: Any, told: Any) -> bool:
    try:
        return abs(float(held) - float(told)) < 1e-6
    except (TypeError, ValueError):
        return held == told


def _payload(text: str, nlu: Nlu, snapshot: Snapshot) -> Reading:
    """A button's payload: "/inform{"goal":"skills"}", "/affirm", "/request_recommendation"."""
    intent = text[1:].split("{", 1)[0].strip()
    answers = [
        Answer(e["entity"], _typed(e["entity"], e.get("value")))
        for e in nlu.entities
        if e.get("entity") in SLOTS and e.get("value") not in (None, "")
    ]
    if answers:
        return Reading(tuple(answers))
    if intent in ("affirm", "deny") and snapshot.asked == "wants_credit":
        return Reading((Answer("wants_credit", intent == "affirm"),))
    if intent == "request_recommendation":
        return Reading((Control("start"),) if not snapshot.in_questions else ())
    if intent == "show_more":
        return Reading((Ask("more"),))
    if intent == "search_programs":
        return Reading((Ask("search", query=Query()),))
    if intent in INTENT_TOPICS:
        return Reading((Ask("faq", topics=(INTENT_TOPICS[intent],)),))
    if intent in ("affirm", "deny", "stop"):
        return Reading((Courtesy("acknowledge"),))
    return Reading((NotUnderstood(),))


def _typed(slot: str, value: Any) -> Any:
    if slot in ("weekly_hours", "budget", "horizon_months"):
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    return value


# The FAQ topic that says what is usual for each of my questions ("whats typical?" asked back).
_TOPIC_OF_QUESTION = {
    "budget": "cost",
    "weekly_hours": "duration",
    "horizon_months": "duration",
    "wants_credit": "credit",
    "goal": "difference",
}
# Where one programme named in a message ends and another begins: "X vs Y", "X or Y", "X, and Y".
_NAMING_PARTS = re.compile(r"\b(?:vs\.?|versus|or|compared (?:to|with)|against)\b|[,;?]", re.IGNORECASE)
_SAYS_UNKNOWN = ("claim", "other_institution", "not_found")


def _unknown_first(acts: List[Act], message: _Message) -> None:
    """Put "I can't find that programme" before the other questions and the start of the questions, when the
    message names one my catalogue lacks and nothing read already says so."""
    if any(isinstance(a, Ask) and a.kind in _SAYS_UNKNOWN for a in acts):
        return
    steps = [i for i, a in enumerate(acts) if isinstance(a, Ask | Control)]
    # The topics the words ask of the programme just said to be missing ("ok what about its courses then").
    asked = message.programme_topics()
    if not steps:
        if (message.question or not acts) and message.refers_to_missing():
            unknown = message.named_unknown()
            acts.extend([replace(unknown, topics=asked)] if unknown else [])
        return
    unknown = message.named_unknown()
    if unknown is None:
        return
    first = acts[steps[0]]
    if isinstance(first, Ask) and message.refers_to_missing():  # not the programme it would otherwise mean
        acts[steps[0]] = replace(unknown, topics=asked or first.topics)
    elif isinstance(first, Ask) and first.kind == "faq":  # "oxford micromasters in economics, how much is it?"
        acts[steps[0]] = replace(unknown, topics=first.topics)  # answered in general, said to be so
    else:
        acts.insert(steps[0], unknown)


def read(
    text: str,
    nlu: Nlu,
    snapshot: Snapshot,
    kb: Optional[KnowledgeBase] = None,
    lexicon: Optional[Lexicon] = None,
) -> Reading:
    """Every act in the message, in the order the bot carries them out, with the message's words."""
    text = (text or "").strip()
    reading = _acts_of(text, nlu, snapshot, kb or default_knowledge(), lexicon or default_lexicon())
    return reading if text.startswith("/") else replace(reading, words=normalise(text))


def _acts_of(text: str, nlu: Nlu, snapshot: Snapshot, kb: KnowledgeBase, lexicon: Lexicon) -> Reading:
    if text.startswith("/"):
        return _payload(text, nlu, snapshot)
    if not text:
        return Reading((NotUnderstood("not_words"),))
    figures = any(e.get("entity") in ("number", "amount-of-money", "duration") for e in nlu.entities)
    if is_code(text) or (is_not_words(text) and not figures):
        if snapshot.asked == "subject":
            return Reading((Missed("subject", "not_a_subject"),))
        return Reading((NotUnderstood("not_words"),))
    message = _Message(text, nlu, snapshot, kb, lexicon)
    courtesies = message.courtesies()
    if is_other_language(text) and not (courtesies and len(text.split()) <= 3):
        return Reading((NotUnderstood("other_language"),))
    acts: List[Act] = list(courtesies)
    words = message.words
    # What was just said back is confirmed ("spot on"), or a courtesy alone ends the turn.
    if snapshot.said_back and lexicon.whole("confirmation", words):
        return Reading((*acts, Confirm()))
    control = message.control()
    if control and control.kind in ("stop", "start_over", "verdict_now"):
        answers = message.answers() if control.kind != "stop" else []
        return Reading((*acts, *[a for a in answers if isinstance(a, Answer)], control))
    if snapshot.asked and lexicon.has("what_it_means", words) and not message.stated_answers():
        return Reading((*acts, Missed(snapshot.asked, "meaning")))  # "i dont know what credit is": what it means
    if snapshot.asked and lexicon.whole("unsure", words):
        return Reading((*acts, Unsure(snapshot.asked)))
    supposed = lexicon.has("supposition", words) and snapshot.recommended
    answers = [] if supposed else message.answers()
    # A hedge first ("not sure, maybe later a masters") leaves the question open, unless a goal or a figure
    # follows it ("idk just want a better job", "not sure, maybe 5 hours"), or another answer ("idk like 300
    # bucks" said to the goal question hedges the budget).
    given = any(isinstance(a, Answer) and (a.slot == snapshot.asked or not a.repeated) for a in answers)
    if snapshot.asked and lexicon.has("unsure_first", words) and (not given or snapshot.asked == "wants_credit"):
        answers = [Unsure(snapshot.asked), *[a for a in answers if getattr(a, "slot", None) != snapshot.asked]]
    if (
        snapshot.asked == "goal"
        and lexicon.has("for_interest", words)
        and not any(getattr(a, "slot", None) == "goal" for a in answers)
    ):
        answers = [Unsure("goal"), *answers]
    # Only a subject already held, named in passing to another question ("blockchain, for clients" asked the
    # goal): the question asked was not answered. A goal, credit or figure said again is meant ("i do need
    # the credit"): acknowledged as held.
    repeats = [a for a in answers if isinstance(a, Answer) and a.repeated and a.slot == "subject" != snapshot.asked]
    told_before = lexicon.has("told_before", words)  # "i told you, 3 hrs": acknowledged as held
    if snapshot.asked and answers and len(repeats) == len(answers) and not (message.question or control or told_before):
        answers = [message.missed() or Missed(snapshot.asked)]
    missed_now = [a for a in answers if isinstance(a, Missed)]
    if missed_now:
        return Reading((*acts, *missed_now))
    acts += answers
    if control:
        acts.append(control)
    if supposed:
        acts.append(Ask("what_if", changes=message.supposed_changes()))
    elif snapshot.recommended and lexicon.has("challenge", words):
        # "where did I say I want a skill quickly?" quotes an answer held: no answer, a challenge.
        acts = [a for a in acts if not (isinstance(a, Answer) and a.repeated)]
        acts.append(Ask("pushback"))
    elif message.question or not acts:
        question = message.asked_question()
        advice_only = control is not None and control.kind == "start" and not message.asks_other_than_advice()
        if question is not None and not advice_only:  # "which cert should i do?" asks for the questions
            if question.lead == "typical":  # "not sure, whats typical?": the question stays open
                acts = [a for a in acts if not (isinstance(a, Unsure) and a.slot == snapshot.asked)]
            acts.append(question)
    _unknown_first(acts, message)
    if acts:
        return Reading(tuple(acts))
    if snapshot.asked:
        return Reading((message.missed() or Missed(snapshot.asked),))
    fallback = {
        "greet": "greet",
        "goodbye": "goodbye",
        "thank": "thanks",
        "affirm": "acknowledge",
        "deny": "acknowledge",
    }
    if (nlu.intent in fallback or nlu.intent == "stop") and not message.question:
        return Reading((Courtesy(fallback.get(nlu.intent or "", "acknowledge")),))
    return Reading((NotUnderstood("out_of_scope" if nlu.intent == "out_of_scope" else "unclear"),))
