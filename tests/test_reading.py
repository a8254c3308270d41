"""The reading of a message, from a table: each row is read under several plausible intents, and must read
the same under each, since what a message means is in its words, not in the classifier's guess."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import pytest

from advisor.matching import Query
from advisor.reading import (
    UNSURE,
    Answer,
    Ask,
    Confirm,
    Control,
    Courtesy,
    Missed,
    Nlu,
    NotUnderstood,
    Reading,
    Snapshot,
    Unsure,
    read,
)
from advisor.values import LOW_BUDGET, NO_BUDGET_LIMIT
from components.duckling_extractor import duckling_entities

# The intents a classifier could plausibly give any message: the reading must not depend on which.
ANY_INTENT = ("inform", "nlu_fallback")


def reading(text: str, intent: str = "inform", **snapshot: Any) -> Reading:
    return read(text, Nlu(intent, tuple(duckling_entities(text))), Snapshot(**snapshot))


def summary(found: Reading) -> List[str]:
    """A short line per act: "answer budget=1500", "ask faq cost micromasters", "courtesy thanks"."""
    lines = []
    for act in found.acts:
        if isinstance(act, Answer):
            value = round(act.value) if isinstance(act.value, float) and act.value == int(act.value) else act.value
            lines.append(f"{'change' if act.previous is not None else 'answer'} {act.slot}={value}")
        elif isinstance(act, Unsure):
            lines.append(f"unsure {act.slot}")
        elif isinstance(act, Missed):
            lines.append(f"missed {act.slot} {act.why}")
        elif isinstance(act, Confirm):
            lines.append("confirm")
        elif isinstance(act, Courtesy):
            lines.append(f"courtesy {act.kind}")
        elif isinstance(act, Control):
            lines.append(f"control {act.kind}")
        elif isinstance(act, NotUnderstood):
            lines.append(f"not understood {act.reason}")
        elif isinstance(act, Ask):
            about = [*act.topics, act.credential or "", act.programme or "", act.name or "", act.claim or ""]
            about += list(act.programmes) if act.kind == "mention" else []
            lines.append(" ".join(["ask", act.kind, *[part for part in about if part]]))
    return lines


def answers(found: Reading) -> Dict[str, Any]:
    return {act.slot: act.value for act in found.acts if isinstance(act, Answer)} | {
        act.slot: UNSURE for act in found.acts if isinstance(act, Unsure)
    }


# -------------------------------------------------------------------------------------------------------
# Answers to the question just asked, in people's own words: (text, question asked, other intent, answer).
# The answer is the value read for the question asked; None: no answer to it.
# -------------------------------------------------------------------------------------------------------
ANSWER_ROWS: List[Tuple[str, str, str, Any]] = [
    # goal
    ("I want a quick job skill", "goal", "request_recommendation", "skills"),
    ("whatever gets me hired", "goal", "ask_worth", "skills"),
    ("something practical I can use at work soon", "goal", "ask_duration", "skills"),
    ("deep expertise, maybe a master's later", "goal", "ask_credit", "graduate"),
    ("the deeper one, I suppose", "goal", "affirm", "graduate"),
    ("not sure, maybe later a masters", "goal", "inform", "graduate"),  # "not sure" turns no degree down
    ("i want to go to grad school eventually", "goal", "ask_admission", "graduate"),
    ("I don't want a masters, just skills for my job", "goal", "deny", "skills"),
    ("both really but mostly skills", "goal", "affirm", "skills"),
    ("both really", "goal", "affirm", UNSURE),
    ("idk just want a better job tbh", "goal", "out_of_scope", "skills"),
    ("Just for interest really", "goal", "out_of_scope", UNSURE),
    ("the first one", "goal", "ask_program_info", "skills"),
    ("2nd option", "goal", "affirm", "graduate"),
    ("hello there", "goal", "greet", None),
    # credit
    ("not important", "wants_credit", "deny", False),
    ("would be nice but its not a must", "wants_credit", "affirm", False),
    ("credit would be nice but not essential", "wants_credit", "affirm", False),
    ("credit? meh, maybe later", "wants_credit", "ask_credit", False),
    ("i do need the credit", "wants_credit", "ask_credit", True),
    ("the credit part is kind of irrelevant to me", "wants_credit", "ask_credit", False),
    ("yes definitely", "wants_credit", "affirm", True),
    ("affirmative", "wants_credit", "deny", True),
    ("nah", "wants_credit", "deny", False),
    ("not sure, maybe later a masters", "wants_credit", "ask_credit", UNSURE),
    ("yes or no?", "wants_credit", "affirm", None),
    ("would credit help me get a promotion?", "wants_credit", "ask_credit", None),
    ("hmm", "wants_credit", "affirm", None),
    ("ok", "wants_credit", "affirm", None),
    # time: hours a week, or how long one can give it
    ("about 5 hours a week", "weekly_hours", "ask_duration", 5.0),
    ("10ish hours a week", "weekly_hours", "ask_duration", 10.0),
    ("10h/week", "weekly_hours", "inform", 10.0),
    # A range of hours with a hyphen: hours a week, and "a week" no deadline of one week.
    ("8-10 hours a week", "weekly_hours", "ask_duration", 9.0),
    ("maybe 8-10 hrs a week in the evenings", "weekly_hours", "inform", 9.0),
    ("2-3 hours a day", "weekly_hours", "inform", 17.5),
    ("maybe 8-12 hrs weekly", "weekly_hours", "ask_duration", 10.0),
    ("two hours a day", "weekly_hours", "ask_duration", 14.0),
    ("an hour a day", "weekly_hours", "ask_duration", 7.0),
    ("2 hrs/day", "weekly_hours", "inform", 14.0),
    ("5-10", "weekly_hours", "inform", 7.5),
    ("7", "weekly_hours", "inform", 7.0),
    ("weekends only", "weekly_hours", "inform", 6.0),
    ("i can study full time", "weekly_hours", "inform", 20.0),
    ("i work full time but can do 6 hours", "weekly_hours", "inform", 6.0),
    ("I work 12 hour shifts so like maybe 6-8 hrs/wk tops", "weekly_hours", "inform", 7.0),
    ("500 hours a week", "weekly_hours", "inform", None),
    ("around 10 a week, maybe a bit more on weekends", "weekly_hours", "inform", 10.0),  # a figure each week: hours
    ("maybe 2 a day", "weekly_hours", "inform", 14.0),
    ("about a year", "weekly_hours", "ask_duration", None),  # a horizon: see TIME_ROWS
    # budget
    ("1500 is fine", "budget", "ask_cost", 1500.0),
    ("under $500", "budget", "ask_cost", 500.0),
    ("around 1,000 dollars", "budget", "ask_cost", 1000.0),
    ("budget is 2k", "budget", "inform", 2000.0),
    ("around 1k", "budget", "inform", 1000.0),
    ("$500 to $1,500", "budget", "ask_cost", 1500.0),
    ("between 500 and 2000", "budget", "inform", 2000.0),
    ("several thousand is ok", "budget", "ask_cost", 3000.0),
    ("a couple hundred", "budget", "inform", 300.0),
    ("flexible", "budget", "inform", NO_BUDGET_LIMIT),
    ("money's no object", "budget", "ask_cost", NO_BUDGET_LIMIT),
    ("my employer pays", "budget", "ask_cost", NO_BUDGET_LIMIT),
    ("the hospital would reimburse it", "budget", "inform", NO_BUDGET_LIMIT),
    ("i said cost isnt a big deal", "budget", "ask_cost", NO_BUDGET_LIMIT),
    ("money wont be a problem", "budget", "inform", NO_BUDGET_LIMIT),
    ("cost isnt an issue, my employer pays", "budget", "ask_cost", NO_BUDGET_LIMIT),
    ("doesn't matter", "budget", "inform", NO_BUDGET_LIMIT),
    ("as cheap as possible", "budget", "ask_cost", LOW_BUDGET),
    ("not much", "budget", "inform", LOW_BUDGET),
    ("nothing", "budget", "inform", 0.0),
    ("idk maybe 300?", "budget", "inform", 300.0),
    ("teacher salary lol. 700 max", "budget", "inform", 700.0),
    ("maybe 300 dolar", "budget", "inform", 300.0),
    ("1000 euro", "budget", "ask_cost", 1039.0),
    ("£800", "budget", "ask_cost", 1002.0),
    ("maybe 12", "budget", "inform", None),  # too little for dollars: asked about
    ("around 400k naira", "budget", "inform", None),  # no rate: asked for in dollars
    # subject
    ("data science", "subject", "inform", "data science"),
    ("DS", "subject", "greet", "data science"),
    ("I have a bachelors in economics, I want data science", "subject", "inform", "data science"),
    ("not sure yet", "subject", "inform", UNSURE),  # any subject
    ("data science or ai", "subject", "inform", "data science or artificial intelligence"),  # each alternative
    ("data stuff", "subject", "inform", "data science"),  # a word that only partly names subjects: each of them
    ("business stuff", "subject", "inform", "business analytics or business management"),
    ("option 3", "subject", "nlu_fallback", "artificial intelligence"),
    ("😀", "subject", "inform", None),
]


@pytest.mark.parametrize(("text", "asked", "other", "expected"), ANSWER_ROWS)
def test_an_answer_to_the_question_asked_is_read_whatever_the_intent(text, asked, other, expected):
    for intent in (*ANY_INTENT, other):
        found = reading(text, intent, asked=asked, in_questions=True)
        got = answers(found).get(asked)
        if isinstance(expected, float) and got is not None:
            assert abs(float(got) - expected) <= 1.0, (intent, summary(found))
        else:
            assert got == expected, (intent, summary(found))


# A time horizon answers the time question too: (text, months).
TIME_ROWS = [
    ("about a year", 12.0),
    ("a couple months hopefully", 2.0),
    ("two or three months at most", 3.0),
    ("6 to 12 months", 12.0),
    ("1 year and a half", 18.0),
    ("half a year", 6.0),
    ("asap", 2.0),
    ("no rush", 24.0),
]


@pytest.mark.parametrize(("text", "months"), TIME_ROWS)
def test_how_long_one_can_give_it_answers_the_time_question(text, months):
    for intent in (*ANY_INTENT, "ask_duration"):
        found = reading(text, intent, asked="weekly_hours", in_questions=True)
        assert answers(found).get("horizon_months") == months, (intent, summary(found))
        assert "weekly_hours" not in answers(found)


# Answers given unasked, in a statement: (text, the answers read). A question asks; a figure unasked needs its unit.
TOLD_ROWS: List[Tuple[str, Dict[str, Any]]] = [
    (
        "i want to get into supply chain and maybe do a masters later, 10 hours a week, budget 1500 dollars, "
        "credit matters",
        {"goal": "graduate", "wants_credit": True, "weekly_hours": 10.0, "budget": 1500.0, "subject": "supply chain"},
    ),
    (
        "I'm a 34yo accountant, want to move into data science, have maybe 5 hrs a week and ~$400, dont care about "
        "a degree",
        {"goal": "skills", "wants_credit": False, "weekly_hours": 5.0, "budget": 400.0, "subject": "data science"},
    ),
    (
        "10 hours a week and about $1,500, credit matters",
        {"weekly_hours": 10.0, "budget": 1500.0, "wants_credit": True},
    ),
    ("i have like 2 hrs a week and no money", {"weekly_hours": 2.0, "budget": 0.0}),
    ("my company pays up to 2000 dollars", {"budget": 2000.0}),
    ("under 500", {"budget": 500.0}),
    ("id like whatever i do now to like count towards it??", {"wants_credit": True}),
    (
        "I'd love to get into MIT's supply chain master's one day",
        {"goal": "graduate", "wants_credit": True, "subject": "supply chain"},
    ),
    ("no need for any degree", {"goal": "skills", "wants_credit": False}),
    ("I already have a master's in engineering", {}),
    ("I work 40 hours a week", {}),
    ("I've run construction projects for 10 years", {}),
    ("prices have gone up a lot since 2018", {}),
    ("under 5", {}),
    ("800", {}),
    ("how long would it take me at 10 hours a week?", {}),
    ("do certificates give credit?", {}),
    ("which one is cheaper?", {}),
    ("I read that a MicroMasters costs tens of thousands of dollars. Is that right?", {}),
]


@pytest.mark.parametrize(("text", "expected"), TOLD_ROWS)
def test_answers_told_unasked_are_read_and_nothing_else(text, expected):
    for intent in (*ANY_INTENT, "ask_cost"):
        found = reading(text, intent)
        assert answers(found) == expected, (intent, summary(found))


# Corrections and answers held: (text, answers held, the question asked or None, what changes).
CHANGE_ROWS: List[Tuple[str, Dict[str, Any], Optional[str], Dict[str, Any]]] = [
    ("oh wait sorry not 15, per week its more like 5", {"weekly_hours": 15.0}, "budget", {"weekly_hours": 5.0}),
    ("sorry typo, i meant 500 not 5000", {"budget": 5000.0}, "subject", {"budget": 500.0}),
    ("actually credit doesnt matter", {"wants_credit": True}, "budget", {"wants_credit": False}),
    ("actually i meant a quick job skill", {"goal": "graduate"}, "weekly_hours", {"goal": "skills"}),
    ("no, I meant deep expertise actually", {"goal": "skills"}, "wants_credit", {"goal": "graduate"}),
    (
        "can you change the subject to data science instead of AI",
        {"subject": "artificial intelligence"},
        None,
        {"subject": "data science"},
    ),
    ("8 hours a week", {"weekly_hours": 4.0}, "wants_credit", {"weekly_hours": 8.0}),  # a figure with its unit
    # Without a word of change, a stray word does not overturn an answer held.
    ("a quick job skill", {"goal": "graduate"}, "weekly_hours", {}),
    ("I said nothing academic", {"goal": "skills"}, "wants_credit", {}),
    ("i told you, 4 hours", {"weekly_hours": 4.0}, "budget", {}),
]


@pytest.mark.parametrize(("text", "held", "asked", "changed"), CHANGE_ROWS)
def test_an_answer_held_changes_only_when_the_message_changes_it(text, held, asked, changed):
    for intent in (*ANY_INTENT, "deny"):
        found = reading(text, intent, answers=held, asked=asked, in_questions=asked is not None)
        got = {a.slot: a.value for a in found.acts if isinstance(a, Answer) and a.previous is not None}
        assert got == changed, (intent, summary(found))


def test_an_answer_just_said_back_as_a_guess_is_changed_by_a_different_one():
    found = reading(
        "deep expertise i think",
        answers={"goal": "skills"},
        asked="wants_credit",
        in_questions=True,
        said_back=("goal",),
    )
    assert summary(found) == ["change goal=graduate"]


# Every other act: (text, snapshot, the acts). The list is the reading's order: courtesies, answers, control,
# the question.
PROGRAMMES = ("mitx_scm", "mitx_sds", "mitx_finance")
ACT_ROWS: List[Tuple[str, Dict[str, Any], List[str]]] = [
    ("help me choose", {}, ["control start"]),
    ("need advice, cert vs micromasters", {}, ["control start"]),
    ("which one fits me?", {}, ["control start"]),
    (
        "bonjour, data science for a chemist: which credential?",
        {},
        ["courtesy greet", "answer subject=data science", "control start"],
    ),
    (
        "hey, business analytics: pro cert or micromasters?",
        {},
        ["courtesy greet", "answer subject=business analytics", "control start"],
    ),
    ("which is better for getting a job fast", {}, ["answer goal=skills", "control start"]),
    (
        "I'm a teacher moving into data science. Help?",
        {},
        ["answer goal=skills", "answer subject=data science", "control start"],
    ),
    ("mm vs pc", {}, ["ask faq difference"]),
    # A programme named that the catalogue lacks is said to be missing first, whatever is asked of it.
    ("MITx quantum computing micromasters, does it lead to an mit masters", {}, ["ask not_found credit"]),
    ("harvardx micromasters in public health, how long", {}, ["ask not_found duration"]),
    ("wharton fintech professional certificate", {}, ["ask other_institution Wharton"]),
    # ... named before the question ("X, how much is it?"): the topic is answered in general after it.
    ("oxford micromasters in economics, how much is it", {}, ["ask other_institution cost Oxford"]),
    ("stanford AI micromasters - is it worth it?", {}, ["ask other_institution worth Stanford"]),
    # ... named as one of two compared: said first, then what else the message asks.
    (
        "mit scm vs the michigan data science micromasters, which should i do",
        {},
        ["answer subject=supply chain", "ask claim michigan_data_science_micromasters", "control start"],
    ),
    # A claim checked in the words "is it true ...": the topic's answer, not how sure I am.
    ("is it true micromasters cost tens of thousands of dollars?", {}, ["ask faq cost micromasters"]),
    ("is it right that a micromasters takes 6 to 18 months?", {}, ["ask faq duration micromasters"]),
    ("is that true?", {}, ["ask how_sure"]),
    # "Tell me more" right after a topic's answer: the whole answer.
    (
        "tell me more",
        {"last_topic": "cost", "topic_shown": True, "credential": "micromasters"},
        ["ask faq cost micromasters"],
    ),
    ("more details please", {"last_topic": "financial_aid", "topic_shown": True}, ["ask faq financial_aid"]),
    # "The X one" right after a topic's answer: that topic, of the programme it names.
    ("and the finance one?", {"last_topic": "duration", "topic_shown": True}, ["ask programme duration mitx_finance"]),
    (
        "what about the mit supply chain one",
        {"last_topic": "cost", "topic_shown": True},
        ["ask programme cost mitx_scm"],
    ),
    # What is usual, asked back to one of my questions: that question's topic; the question stays open.
    ("not sure, whats typical?", {"asked": "budget", "in_questions": True}, ["ask faq cost"]),
    ("whats normal?", {"asked": "weekly_hours", "in_questions": True}, ["ask faq duration"]),
    ("usually 5 hours", {"asked": "weekly_hours", "in_questions": True}, ["answer weekly_hours=5"]),
    # Pathways asked right after one programme: that programme's.
    (
        "which universities accept it?",
        {"current": "mitx_sds", "current_shown": True},
        ["ask programme credit mitx_sds"],
    ),
    ("which universities accept it?", {}, ["ask pathways"]),
    # A correction turning down about the figure held: "Under $500" is stored as $499.
    (
        "sorry i meant 1500 not 500",
        {"recommended": "professional_certificate", "answers": {"budget": 499.0, "weekly_hours": 4.0}},
        ["change budget=1500"],
    ),
    # Not covered, whichever programme it is asked of.
    ("what salary can i expect after the mitx scm micromasters?", {}, ["ask uncovered salaries"]),
    # Questions answered as asked: programmes by what they have, pacing, a programme's fields.
    ("programs with credit toward a masters?", {}, ["ask with_credit"]),
    ("does a micromasters give credit?", {}, ["ask faq credit micromasters"]),
    ("do professional certificates give credit?", {}, ["ask faq credit professional_certificate"]),
    ("any programmes that count toward a masters", {}, ["ask with_credit"]),
    ("deadlines or own pace?", {}, ["ask faq pace"]),
    ("price and courses of MITx SDS", {}, ["ask programme cost courses mitx_sds"]),
    # Two programmes named side by side are compared, not a choice between the two kinds.
    ("compare the mitx supply chain micromasters with the harvard data science certificate", {}, ["ask compare"]),
    # A question without "?" during the questions asks, unless it answers the question asked.
    ("what programs in economics are there", {"in_questions": True, "asked": "weekly_hours"}, ["ask search"]),
    ("how about 5 hours", {"in_questions": True, "asked": "weekly_hours"}, ["answer weekly_hours=5"]),
    ("what about data science", {"in_questions": True, "asked": "subject"}, ["answer subject=data science"]),
    # Only an answer already held, said to another question: the question asked was not answered.
    (
        "blockchain",
        {"in_questions": True, "asked": "goal", "answers": {"subject": "blockchain"}},
        ["missed goal unclear"],
    ),
    (
        "learn to code to get an internship this summer",
        {"in_questions": True, "asked": "goal"},
        ["answer goal=skills", "answer subject=software development"],
    ),
    # A situation, then which of the two: the questions start with what it told.
    (
        "I'm on a help desk and want to move into a SOC analyst role within a couple months. "
        "Cybersecurity cert or micromasters?",
        {},
        ["answer goal=skills", "answer horizon_months=2", "answer subject=cybersecurity", "control start"],
    ),
    # A choice between the two tells what it says: its goal and subject.
    (
        "oi! which is better for learning programming fast, cert or micromasters",
        {},
        ["answer goal=skills", "answer subject=software development", "control start"],
    ),
    (
        "cert vs micromasters for blockchain? i wanna build smart contracts",
        {},
        ["answer goal=skills", "answer subject=blockchain", "control start"],
    ),
    # The subject wanted is the one named after the wish, not the one worked in.
    ("I work in finance and want to learn python", {}, ["answer subject=python"]),
    ("backend dev here, want to pivot into AI", {}, ["answer subject=artificial intelligence"]),
    # "one" as a pronoun is no figure.
    ("the blue one i guess", {"in_questions": True, "asked": "budget"}, ["missed budget unclear"]),
    ("that one", {"in_questions": True, "asked": "weekly_hours"}, ["missed weekly_hours unclear"]),
    ("start over", {"in_questions": True, "asked": "goal"}, ["control start_over"]),
    ("stop", {"in_questions": True, "asked": "goal"}, ["control stop"]),
    ("just decide for me", {"in_questions": True, "asked": "budget"}, ["control verdict_now"]),
    ("ok continue", {"answers": {"goal": "skills"}}, ["control resume"]),
    ("spot on", {"in_questions": True, "asked": "wants_credit", "said_back": ("goal",)}, ["confirm"]),
    ("thanks, bye", {}, ["courtesy thanks", "courtesy goodbye"]),
    ("much obliged", {}, ["courtesy thanks"]),
    ("ta", {"in_questions": True, "asked": "goal"}, ["courtesy thanks"]),
    ("good day", {"first_message": True}, ["courtesy greet"]),
    ("good day", {}, ["courtesy goodbye"]),
    ("you're useless", {}, ["courtesy complaint"]),
    ("ok", {}, ["courtesy acknowledge"]),
    ("are you sure?", {}, ["ask how_sure"]),
    ("is that still correct today?", {}, ["ask how_current"]),
    ("who made you?", {}, ["ask who_made_me"]),
    ("where is that from?", {}, ["ask sources"]),
    ("how much does a micromasters cost?", {}, ["ask faq cost micromasters"]),
    ("which one is cheaper?", {}, ["ask faq cost"]),
    ("how long does it take and how much does it cost?", {}, ["ask faq duration cost"]),
    ("can i do it in spanish?", {}, ["ask uncovered languages"]),
    # Duckling's cents ("300 bucks and 3") do not swallow the next figure, which a rate makes hours.
    (
        "i only have like 300 bucks and 3 hrs a week. is micromasters even possible or should i do a prof cert",
        {},
        ["answer budget=300", "answer weekly_hours=3", "control start"],
    ),
    (
        "like 10-15 hrs, and cost isnt a big deal",
        {"in_questions": True, "asked": "weekly_hours"},
        ["answer weekly_hours=12.5", "answer budget=1000000"],
    ),
    # A credential after "with" is the means, not an employer; getting a job is what it is worth.
    ("can i get a job with just a prof cert", {}, ["ask faq worth professional_certificate"]),
    ("whats a verified certificate", {}, ["ask faq tracks professional_certificate"]),
    # A degree one lacks is no goal and no word on credit; a word after a wish partly naming a subject names it.
    (
        "im a career changer, no degree in cs, want to get into data",
        {},
        ["answer subject=data science", "control start"],
    ),
    # An answer one says one never gave is not told; the rest of the message is.
    (
        "wait i never said credit doesnt matter, i might want a masters later",
        {"recommended": "professional_certificate", "answers": {"wants_credit": False, "goal": "skills"}},
        ["change goal=graduate", "change wants_credit=True", "ask pushback"],
    ),
    # A bare reply before a question in one sentence answers; the question is asked too.
    (
        "not really, does it even transfer to an MBA?",
        {"in_questions": True, "asked": "wants_credit"},
        ["answer wants_credit=False", "ask faq credit"],
    ),
    (
        "yes, do i need a bachelors degree to enroll in it?",
        {"in_questions": True, "asked": "wants_credit"},
        ["answer wants_credit=True", "ask faq admission"],
    ),
    # Months had each year are the time one can give it; "a year" is the rate, not a second horizon.
    (
        "summers mostly, so like 3 months a year",
        {"in_questions": True, "asked": "wants_credit"},
        ["answer horizon_months=3"],
    ),
    # A master's one might do later says credit matters, whichever question was asked.
    (
        "maybe? i teach high school math and might do a masters in ed someday",
        {"in_questions": True, "asked": "wants_credit"},
        ["answer goal=graduate", "answer wants_credit=True"],
    ),
    # When something else happens is no time to study ("a masters abroad in 2 yrs").
    (
        "im planning to do a masters abroad in 2 yrs. would a micromasters help me get in or get credit?",
        {},
        ["answer goal=graduate", "answer wants_credit=True", "ask faq credit micromasters"],
    ),
    ("i want to finish it in 2 years", {}, ["answer horizon_months=24"]),
    # A detail the programme's own texts hold is asked of it, whatever topic the classifier guessed; right
    # after its card, the programme meant.
    ("ibm deep learning pro cert - does it use keras or pytorch?", {}, ["ask programme ibm_deep_learning"]),
    (
        "by when do i have to upgrade to verified in each course?",
        {"current": "ucsd_data_science", "current_shown": True},
        ["ask programme ucsd_data_science"],
    ),
    # Getting into the master's after a programme is its pathway.
    (
        "how hard is it to actually get into the masters after? like how many get in",
        {"current": "mitx_dedp", "current_shown": True},
        ["ask programme credit mitx_dedp"],
    ),
    # Programmes asked for by what they give: a search by credit, not the general answer, nor a profile.
    ("any ML ones that do give credit?", {"current": "columbiax_ai", "current_shown": True}, ["ask with_credit"]),
    ("cybersecurity ones with credit", {}, ["ask with_credit"]),
    ("any micromasters in AI that give credit?", {}, ["ask with_credit"]),
    # How the verified track knows it is you: the tracks topic; grades and undergraduate admissions: not covered.
    (
        "how does edx know its actually me doing the course?? do i need a webcam or something",
        {},
        ["ask faq tracks"],
    ),
    ("how do i convert my micromasters grades to a US gpa?", {}, ["ask uncovered grades"]),
    ("whats mits acceptance rate for undergrads", {}, ["ask uncovered undergraduate"]),
    # "how many hrs a week": the rate of hours, no week's time told.
    (
        "roughly how many hrs a week does a professional certificate take",
        {},
        ["ask faq duration professional_certificate"],
    ),
    # A question after a clause of time or condition asks; "do i have a masters" is whether it is a degree.
    ("so once i finish a micromasters do i actually have a masters degree or not", {}, ["ask faq degree micromasters"]),
    # A request for everything about a programme named with a possessive ("delfts"): that programme.
    (
        "give me the full rundown on delfts solar energy engineering micromasters - courses, credit, all of it",
        {},
        ["ask programme delftx_solar_energy"],
    ),
    # Ranked by how many courses; two programmes named, whatever kind one side names, are the two ranked.
    (
        "which has more courses, mitx principles of manufacturing or the harvardx data science cert?",
        {},
        ["ask rank courses the two"],
    ),
    (
        "ubc software dev micromasters vs the old microsoft data science program, which was cheaper per course",
        {},
        ["ask rank cost the two"],
    ),
    # "fewer hours" of two programmes named ranks the two; their subjects are programme names, not a wish.
    (
        "mitx finance vs mitx supply chain - which one is fewer hours a week? i work full time",
        {},
        ["ask rank duration the two"],
    ),
    # Subjects wanted as alternatives are each kept; a job's field before the wish is not one of them.
    ("manager here, want leadership and maybe supply chain stuff", {}, ["answer subject=leadership or supply chain"]),
    # Which universities accept a programme named: its pathway, or, without one, said so and all pathways.
    ("which universities accept the columbia ai one?", {}, ["ask pathways columbiax_ai"]),
    ("which universities accept the mitx sds?", {}, ["ask programme credit mitx_sds"]),
    # A question, then a wish whose "I" was left out: asked, and the wish told.
    ("big data programmes? want something with spark", {}, ["answer subject=data science", "ask search"]),
    ("im a nurse thinking of moving into hospital admin, anything on edx for that?", {}, ["ask search"]),
    # An unverified claim's institution named beside a programme whose own pathway names it: that programme.
    (
        "how many credits does harvard extension give for the mitx statistics and data science mm?",
        {},
        ["ask programme credit mitx_sds"],
    ),
    (
        "and how do i actually get the credit at harvard extension",
        {"current": "mitx_sds", "current_shown": True},
        ["ask programme credit mitx_sds"],
    ),
    (
        "is the harvard extension data science certificate on edx",
        {},
        ["ask claim harvard_extension_graduate_certificate"],
    ),
    # A budget that will not do, a programme's unknown price asked as "usually": the kind's cost.
    (
        "so a micromasters is basically impossible for me with 300?",
        {"recommended": "professional_certificate", "answers": {"budget": 300}},
        ["ask faq cost micromasters"],
    ),
    (
        "what does it usually cost, like ballpark?",
        {"current": "mitx_finance", "current_shown": True},
        ["ask faq cost micromasters"],
    ),
    ("ok so should i do that or a prof cert", {"current": "mitx_finance", "current_shown": True}, ["control start"]),
    # What one gets at the end is the verified certificate (the tracks topic).
    ("btw is there a certificate at the end or just a pdf", {}, ["ask faq tracks professional_certificate"]),
    ("what do you get at the end of a micromasters", {}, ["ask faq tracks micromasters"]),
    ("can i retake the exam", {}, ["ask uncovered retakes"]),  # "exam" inside the uncovered words asks no more
    ("is it in spanish and how much is it", {}, ["ask uncovered cost languages"]),
    ("tell me about the second one", {"listed": PROGRAMMES, "list_shown": True}, ["ask programme mitx_sds"]),
    ("the fifth one", {"listed": PROGRAMMES, "list_shown": True}, ["ask not_in_list"]),
    ("which is cheapest?", {"listed": PROGRAMMES, "list_shown": True}, ["ask rank cost listed"]),
    ("how long is it?", {"current": "mitx_scm", "current_shown": True}, ["ask programme duration mitx_scm"]),
    ("is there a fintech micromasters?", {}, ["ask claim fintech_micromasters"]),
    ("how much is the stanford micromasters in AI", {}, ["ask other_institution cost Stanford"]),
    # A pointer right after a programme was said to be missing still means that programme, not the closest.
    (
        "ok what about its courses then",
        {"listed": ("columbiax_ai",), "list_shown": True, "missing": "the stanford micromasters in AI"},
        ["ask other_institution courses Stanford"],
    ),
    ("how long is it?", {"missing": "the stanford micromasters in AI"}, ["ask other_institution duration Stanford"]),
    (
        "ok what about its courses then",
        {"listed": ("columbiax_ai", "mitx_scm"), "list_shown": True, "missing": "the stanford micromasters in AI"},
        ["ask other_institution courses Stanford"],
    ),
    ("thanks thats it", {"missing": "the stanford micromasters in AI"}, ["courtesy thanks"]),
    # A question by its form is asked even when it also tells an answer to the question waiting.
    ("is it worth it for getting a job", {"in_questions": True, "asked": "goal"}, ["ask faq worth"]),
    ("would be nice but not a must", {"in_questions": True, "asked": "wants_credit"}, ["answer wants_credit=False"]),
    (
        "does it matter? like do employers care about the credit thing",
        {"in_questions": True, "asked": "wants_credit"},
        ["ask faq recognition"],
    ),
    ("what r my options", {}, ["control start"]),
    # An opening that names nothing to answer, then a clause about oneself with a figure: all of it tells.
    (
        "what about in euros, i might have 800 euro actually",
        {"recommended": "micromasters", "answers": {"budget": 584.0, "subject": "supply chain"}},
        ["change budget=831"],
    ),
    ("how much is it, i have 500", {"in_questions": True, "asked": "budget"}, ["answer budget=500", "ask faq cost"]),
    # Credit toward "a real masters" asks about credit; "is it a real masters?" asks whether it is a degree.
    ("will it count towards a real masters tho?", {}, ["ask faq credit"]),
    ("is it a real masters?", {}, ["ask faq degree"]),
    # "The <word> one" right after a list: the listed programme whose title has that word.
    (
        "tell me more about the excel one",
        {"listed": ("harvardx_data_science", "delftx_excel_data_analysis"), "list_shown": True},
        ["ask programme delftx_excel_data_analysis"],
    ),
    # Right after credit was answered: "which schools?" asks the pathways; a programme named is that programme.
    ("which schools", {"last_topic": "credit", "topic_shown": True, "credential": "micromasters"}, ["ask pathways"]),
    (
        "tell me about the mitx supply chain one",
        {"last_topic": "credit", "topic_shown": True, "credential": "micromasters"},
        ["ask programme credit mitx_scm"],
    ),
    # After a recommendation, a few words naming only a new subject change the subject (and its examples).
    (
        "what about finance?",
        {"recommended": "micromasters", "answers": {"subject": "data science"}},
        ["change subject=finance"],
    ),
    (
        "actually cybersecurity",
        {"recommended": "micromasters", "answers": {"subject": "data science"}},
        ["change subject=cybersecurity"],
    ),
    (
        "business stuff",
        {"recommended": "micromasters", "answers": {"subject": "data science"}},
        ["change subject=business analytics or business management"],
    ),
    ("finance programs", {"recommended": "micromasters", "answers": {"subject": "data science"}}, ["ask search"]),
    # A bare yes or no said to another question just after the credit question was left out answers it.
    (
        "no",
        {"in_questions": True, "asked": "subject", "answers": {"wants_credit": "unsure"}},
        ["answer wants_credit=False"],
    ),
    (
        "yes",
        {"in_questions": True, "asked": "budget", "answers": {"wants_credit": "unsure"}},
        ["answer wants_credit=True"],
    ),
    ("no", {"in_questions": True, "asked": "subject", "answers": {"wants_credit": False}}, ["missed subject unclear"]),
    ("finance", {}, ["ask search"]),
    # Something my sources don't cover asked with something they do: said, then the covered topic answered.
    ("wen do micromaster courses start, r there deadlines", {}, ["ask uncovered pace micromasters schedules"]),
    ("can i do it in spanish?", {}, ["ask uncovered languages"]),
    # "The X one" among several: the one in the conversation's subject; a topic the same for all of them: in general.
    (
        "and the delft one?",
        {"current": "columbiax_ai", "current_shown": True, "last_topic": "duration", "topic_shown": True},
        ["ask programme duration delftx_ai_in_practice"],
    ),
    (
        "how long is the rit one?",
        {"answers": {"subject": "cybersecurity"}},
        ["ask programme duration ritx_cybersecurity"],
    ),
    ("can i get financial aid for the mit one?", {}, ["ask faq financial_aid micromasters"]),
    ("how much is the mit one?", {}, ["ask which_one"]),
    ("what are my options for cybersecurity", {}, ["ask search"]),
    ("do i need to know programming first", {}, ["ask faq level"]),
    ("do i need any background in maths?", {}, ["ask faq level"]),
    ("how much is the mitx scm one?", {"missing": "the stanford micromasters in AI"}, ["ask programme cost mitx_scm"]),
    ("what about its courses?", {"current": "mitx_scm", "current_shown": True}, ["ask programme courses mitx_scm"]),
    (
        "deep knowledge in supply chain. btw how much is the MIT supply chain micromasters?",
        {"in_questions": True, "asked": "goal"},
        ["answer goal=graduate", "answer subject=supply chain", "ask programme cost mitx_scm"],
    ),
    (
        "yes. do i need a bachelors degree to enroll?",
        {"in_questions": True, "asked": "wants_credit"},
        ["answer wants_credit=True", "ask faq admission"],
    ),
    (
        "what if I had $5000?",
        {"recommended": "professional_certificate", "answers": {"budget": 400.0}},
        ["ask what_if"],
    ),
    (
        "where did I say I want a skill quickly?",
        {"recommended": "professional_certificate", "answers": {"goal": "skills"}},
        ["ask pushback"],
    ),
    ("why?", {"recommended": "micromasters"}, ["ask why"]),
    ("why do you need my budget?", {"in_questions": True, "asked": "goal"}, ["ask why_asked"]),
    ("blorp", {"in_questions": True, "asked": "goal"}, ["missed goal unclear"]),
    ("hmm", {"in_questions": True, "asked": "goal"}, ["missed goal hesitation"]),
    ("hola, cuanto cuesta un micromasters?", {}, ["not understood other_language"]),
    ("SELECT * FROM users;", {}, ["not understood not_words"]),
    # A question first, then about oneself: the question is asked (the answers it tells are kept).
    (
        "does the micromasters credential ever expire?? i might not apply to a masters for a couple yrs",
        {},
        ["answer wants_credit=False", "answer goal=skills", "answer horizon_months=24", "ask faq expiry micromasters"],
    ),
    ("how long does it take? i only have 5 hours a week", {}, ["answer weekly_hours=5", "ask faq duration"]),
    # About oneself, then a dash and a question: asked; a job's hours ("I work full time") are no study time.
    (
        "i work full time (like 45h a week) - is a micromasters realistic on the side or will it kill me",
        {},
        ["ask faq workload micromasters"],
    ),
    # Requests the bot cannot carry out, and "reset" of something other than the conversation.
    ("got locked out of my edx account, can u reset my password", {}, ["ask uncovered accounts"]),
    ("can u write my video statement for the mit scm blended masters application", {}, ["ask uncovered writing"]),
    ("do i need to write a statement to apply", {}, ["ask faq admission"]),
    ("reset please", {}, ["control start_over"]),
    # Whether one can start any time is a question of pacing, of the programme named.
    ("mit supply chain mm - can i start whenever or r there set dates?", {}, ["ask programme pace mitx_scm"]),
    # An institution's programme of a kind and subject my catalogue lacks, with a field asked: not found first.
    ("ibm micromasters in AI - how many courses is it", {}, ["ask not_found courses"]),
    ("how many courses in the harvard data science cert", {}, ["ask programme courses harvardx_data_science"]),
    # Two programmes named, then which of them has something: which mentions it, not the two side by side.
    (
        "berkeley foundations of data science or harvardx data science cert - which one uses python?",
        {},
        ["ask mention berkeleyx_foundations_of_data_science harvardx_data_science"],
    ),
    # What the on-campus part of a master's costs is the master's cost, not the programme's credit field.
    (
        "and how much does the semester on campus cost",
        {"current": "mitx_scm", "current_shown": True, "last_topic": "credit", "topic_shown": True},
        ["ask faq masters_cost micromasters"],
    ),
    # Words without a figure ("a lot") in a clause about another question answer that one, not the time.
    ("yes credit matters a lot", {"in_questions": True, "asked": "weekly_hours"}, ["answer wants_credit=True"]),
    # A career switch "employers see" is the job-skill goal.
    (
        "i wanna switch into data analytics, need something employers see",
        {"in_questions": True, "asked": "goal"},
        ["answer goal=skills", "answer subject=data science"],
    ),
    ("when does the next one start", {}, ["ask uncovered schedules"]),
    # A subject of the list and which is shortest: ranked, not only narrowed.
    (
        "ok the cyber ones, which is shortest",
        {
            "search": Query(("cybersecurity",)),
            "search_shown": True,
            "listed": ("ritx_cybersecurity",),
            "list_shown": True,
        },
        ["ask rank duration catalogue"],
    ),
    # A subject and a word that only partly names subjects, as alternatives: both searched.
    ("leadership or business programs?", {}, ["ask search"]),
    # A hedge before another answer hedges that one: the question asked stays open, not "unsure".
    ("idk like 300 bucks", {"in_questions": True, "asked": "goal"}, ["answer budget=300"]),
    # A degree's tuition is what master's degrees cost, not the credential's price.
    ("whats the tuition for georgia techs OMSA degree", {}, ["ask faq masters_cost"]),
    # Who runs it, of the one programme of a list from the university named.
    (
        "which part of mit runs it",
        {"listed": ("mitx_finance", "iux_accounting"), "list_shown": True},
        ["ask whose mitx_finance"],
    ),
]


@pytest.mark.parametrize(("text", "snapshot", "expected"), ACT_ROWS)
def test_every_act_of_a_message_is_read_in_order_whatever_the_intent(text, snapshot, expected):
    for intent in (*ANY_INTENT, "ask_cost", "affirm"):
        found = reading(text, intent, **snapshot)
        assert summary(found) == expected, intent


def test_a_button_payload_is_its_answer():
    found = read('/inform{"goal":"skills"}', Nlu("inform", ({"entity": "goal", "value": "skills"},)), Snapshot())
    assert summary(found) == ["answer goal=skills"]
    credit = read("/affirm", Nlu("affirm"), Snapshot(asked="wants_credit", in_questions=True))
    assert summary(credit) == ["answer wants_credit=True"]


@pytest.mark.parametrize("intent", ["inform", "nlu_fallback", "ask_difference", "request_recommendation"])
def test_a_named_programme_with_micromasters_or_certificate_asks_its_kind_not_for_advice(intent):
    found = reading("is harvardx data science a micromasters or a professional certificate?", intent)
    assert summary(found) == ["ask programme harvardx_data_science"]


def test_a_range_of_hours_a_week_sets_no_deadline():
    found = reading("i can do maybe 8-10 hours a week in the evenings", "inform")
    assert "horizon_months" not in answers(found) and answers(found)["weekly_hours"] == 9.0
