"""Recommendation rules: Professional Certificate or MicroMasters?

Kept as small, explicit rules so that every recommendation can be explained from
the learner's own answers ("why?") and tested case by case. Each answer adds
weight to one side; credit toward a master's weighs most, because only a
MicroMasters can count toward one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

from advisor.knowledge import MICROMASTERS, PROFESSIONAL_CERTIFICATE, KnowledgeBase, Programme
from advisor.matching import Query, search_programmes
from advisor.questions import QUESTIONS, option_value
from advisor.reading import ANY_SUBJECT, GOAL_GRADUATE, GOAL_SKILLS, GOALS
from advisor.values import LOW_BUDGET, NO_BUDGET_LIMIT

# Weekly hours below which graduate-level courses are hard to keep up with, and
# above which they are realistic; budgets below which a multi-course
# graduate programme is likely out of reach. Tuned by hand, covered by tests.
FEW_HOURS = 6.0
ENOUGH_HOURS = 8.0
SMALL_BUDGET = 600.0
ENOUGH_BUDGET = 1000.0
MAX_PROGRAMMES = 3
# Months: a MicroMasters usually takes six months to two years (edX 2022; MIT), so a learner who needs
# the credential within four months is better served by a Professional Certificate, and one who can
# give it six months or more has time for a MicroMasters.
SHORT_HORIZON = 4.0
LONG_HORIZON = 6.0
# The time answer not given, at its extremes, to see whether it could change the recommendation.
_TIME_EXTREMES = {"weekly_hours": (3.0, 15.0), "horizon_months": (2.0, 18.0)}
QUESTION_ORDER = ("goal", "wants_credit", "weekly_hours", "budget", "subject")
# The top of what a whole MicroMasters typically cost in my sources (MITx SCM, $1,350).
TYPICAL_MICROMASTERS_HIGH = 1350.0


@dataclass(frozen=True)
class Profile:
    """The learner's answers; ``None`` means not given, or not decided ("not sure")."""

    goal: Optional[str] = None
    wants_credit: Optional[bool] = None
    weekly_hours: Optional[float] = None
    budget: Optional[float] = None
    subject: Optional[str] = None
    horizon_months: Optional[float] = None


def _number(value: Any) -> Optional[float]:
    try:
        return float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def profile_of(answers: Mapping[str, Any]) -> Profile:
    """The learner's answers as held in slots; an answer left out ("unsure") counts as none."""
    return Profile(
        goal=answers.get("goal") if answers.get("goal") in GOALS else None,
        wants_credit=answers.get("wants_credit") if isinstance(answers.get("wants_credit"), bool) else None,
        weekly_hours=_number(answers.get("weekly_hours")),
        budget=_number(answers.get("budget")),
        subject=answers.get("subject"),
        horizon_months=_number(answers.get("horizon_months")),
    )


def questions_to_ask(answers: Mapping[str, Any]) -> List[str]:
    """The questions the recommendation needs, in order: time is answered by hours a week or by months.

    The other side of time is asked for last, and only when it could change the recommendation
    ("about a year" with everything else pointing one way needs no hours a week).
    """
    held = {slot for slot, value in answers.items() if value is not None}
    order = [slot for slot in QUESTION_ORDER if not (slot == "weekly_hours" and "horizon_months" in held)]
    if "horizon_months" in held and "weekly_hours" not in held:
        order.insert(order.index("budget"), "horizon_months")
    if all(slot in held for slot in order):
        other = next((slot for slot in ("weekly_hours", "horizon_months") if slot not in held), None)
        if other and _time_could_change(answers, other):
            order.append(other)
    return order


def _time_could_change(answers: Mapping[str, Any], slot: str) -> bool:
    low, high = (choose_credential(profile_of({**answers, slot: value}))[0] for value in _TIME_EXTREMES[slot])
    return low != high


_WEEKLY_EFFORT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?) hours a week")


def weekly_effort(programme: Programme) -> Optional[Tuple[float, float]]:
    """The hours a week a programme's sources state ("10-14 hours a week"), or None when they don't."""
    found = _WEEKLY_EFFORT.search(programme.duration or "")
    return (float(found.group(1)), float(found.group(2))) if found else None


_STATED_TOTAL = re.compile(r"\$([\d,]+(?:\.\d+)?) in total")


def stated_total(programme: Programme) -> Optional[float]:
    """The whole programme's price where its sources state one ("$1,350 in total"), or None."""
    found = _STATED_TOTAL.search(programme.price or "")
    return float(found.group(1).replace(",", "")) if found else None


def costs_more(programme: Programme, budget: Optional[float]) -> Optional[float]:
    """The programme's stated total when it is more than the learner's budget."""
    total = stated_total(programme)
    return total if total is not None and budget is not None and total > budget else None


def estimated_over_budget(programme: Programme, budget: Optional[float]) -> bool:
    """Whether the programme has no stated total but an estimated one above the learner's budget."""
    return (
        stated_total(programme) is None
        and programme.estimated_total is not None
        and budget is not None
        and programme.estimated_total > budget
    )


def asks_more_time(programme: Programme, weekly_hours: Optional[float]) -> Optional[Tuple[float, float]]:
    """The programme's stated weekly effort when even its low end is more than the learner has."""
    effort = weekly_effort(programme)
    return effort if effort and weekly_hours is not None and effort[0] > weekly_hours else None


@dataclass(frozen=True)
class Recommendation:
    credential_type: str
    reasons: Tuple[str, ...]
    against: Tuple[str, ...]
    programmes: Tuple[Programme, ...]
    programmes_note: Optional[str]
    # A budget under SMALL_BUDGET: the reply says what financial aid there is.
    tight_budget: bool = False
    # Goal and credit, which weigh most, both left out ("not sure"): the reply says
    # that the recommendation rests on time and budget alone.
    without_goal_or_credit: bool = False
    # The learner's weekly hours, to say of a programme that it asks more ("10-14 hours a week").
    weekly_hours: Optional[float] = None
    # Whether credit matters, to say of a programme that my sources give it no credit pathway.
    wants_credit: Optional[bool] = None
    # The learner's budget, to say of a programme that its stated total is more.
    budget: Optional[float] = None


def _button_words(slot: str, after: str = "") -> Dict[float, str]:
    """The value each button of a question gives -> the button's own words: "More than 10 hours",
    clicked, is not "about 12 hours a week", nor "Under $500" "about $499"."""
    buttons = QUESTIONS[slot].buttons
    return {
        float(option_value(slot, position) or 0): f"{title[0].lower()}{title[1:]}{after}"
        for position, (title, _) in enumerate(buttons)
    }


_HOURS_BUTTONS = _button_words("weekly_hours", " a week")
_BUDGET_BUTTONS = _button_words("budget")


def describe_hours(hours: float) -> str:
    return _HOURS_BUTTONS.get(hours, f"about {hours:g} hours a week")


def describe_horizon(months: float) -> str:
    if months >= 24:
        return "two years or more"
    if months >= 12 and months % 12 == 0:
        years = int(months // 12)
        return "about a year" if years == 1 else f"about {years} years"
    return f"about {months:g} months"


def describe_budget(budget: float) -> str:
    if budget in _BUDGET_BUTTONS:
        return _BUDGET_BUTTONS[budget]
    if budget >= NO_BUDGET_LIMIT:
        return "no fixed limit"
    if budget <= 0:
        return "nothing to spend"
    if budget == LOW_BUDGET:
        return "small"
    return f"about ${budget:,.0f}"


def _votes(profile: Profile) -> List[Tuple[str, float, str]]:
    """(side, weight, reason) for every answer that points one way."""
    votes: List[Tuple[str, float, str]] = []
    if profile.goal == GOAL_GRADUATE:
        votes.append((MICROMASTERS, 2, "you want deep, graduate-level expertise"))
    elif profile.goal == GOAL_SKILLS:
        votes.append((PROFESSIONAL_CERTIFICATE, 2, "you want a practical job skill quickly"))
    if profile.wants_credit is True:
        votes.append(
            (
                MICROMASTERS,
                3,
                "credit toward a master's matters to you, "
                "and only a MicroMasters can count toward one (if a university admits you)",
            )
        )
    elif profile.wants_credit is False:
        votes.append((PROFESSIONAL_CERTIFICATE, 1, "you don't need academic credit"))
    if profile.weekly_hours is not None:
        hours = describe_hours(profile.weekly_hours)
        if profile.weekly_hours < FEW_HOURS:
            votes.append(
                (
                    PROFESSIONAL_CERTIFICATE,
                    1,
                    f"you have {hours}, and graduate-level MicroMasters courses usually ask for more",
                )
            )
        elif profile.weekly_hours >= ENOUGH_HOURS:
            votes.append((MICROMASTERS, 1, f"you have {hours}, enough for graduate-level courses"))
    if profile.horizon_months is not None:
        horizon = describe_horizon(profile.horizon_months)
        if profile.horizon_months <= SHORT_HORIZON:
            votes.append(
                (
                    PROFESSIONAL_CERTIFICATE,
                    1,
                    f"you want it within {horizon}, and a MicroMasters usually takes six months to two years",
                )
            )
        elif profile.horizon_months >= LONG_HORIZON:
            votes.append(
                (
                    MICROMASTERS,
                    0.5,
                    f"you can give it {horizon}, time enough for a MicroMasters (usually six months to two years)",
                )
            )
    if profile.budget is not None:
        budget = describe_budget(profile.budget)
        if profile.budget < SMALL_BUDGET:
            votes.append(
                (PROFESSIONAL_CERTIFICATE, 1, f"your budget is {budget}, and a whole MicroMasters usually costs more")
            )
        elif profile.budget < ENOUGH_BUDGET:  # said, so that a $600 budget is not passed over in silence
            votes.append(
                (
                    PROFESSIONAL_CERTIFICATE,
                    0.25,
                    f"your budget ({budget}) is below what a whole MicroMasters typically cost in my sources "
                    "(about $1,000-$1,350 in 2017-19)",
                )
            )
        elif profile.budget >= ENOUGH_BUDGET:
            typical = "about $1,000-$1,350 in my sources (2017-19; current prices not confirmed)"
            if profile.budget >= NO_BUDGET_LIMIT:
                said = f"you have no fixed budget limit, and a whole MicroMasters typically cost {typical}"
            elif profile.budget >= TYPICAL_MICROMASTERS_HIGH:
                said = f"your budget ({budget}) covers what a whole MicroMasters typically cost: {typical}"
            else:
                said = f"your budget ({budget}) is about what a whole MicroMasters typically cost: {typical}"
            votes.append((MICROMASTERS, 0.5, said))
    return votes


def choose_credential(profile: Profile) -> Tuple[str, Tuple[str, ...], Tuple[str, ...]]:
    """The credential the answers favour, the reasons for it, and those against."""
    votes = _votes(profile)
    score = {MICROMASTERS: 0.0, PROFESSIONAL_CERTIFICATE: 0.0}
    for side, weight, _ in votes:
        score[side] += weight
    if score[MICROMASTERS] > score[PROFESSIONAL_CERTIFICATE]:
        chosen = MICROMASTERS
    elif score[MICROMASTERS] < score[PROFESSIONAL_CERTIFICATE]:
        chosen = PROFESSIONAL_CERTIFICATE
    else:
        # A tie: the smaller commitment is the safer first step, and it can be
        # followed by a MicroMasters later.
        chosen = MICROMASTERS if profile.goal == GOAL_GRADUATE else PROFESSIONAL_CERTIFICATE
    reasons = tuple(reason for side, _, reason in votes if side == chosen)
    against = tuple(reason for side, _, reason in votes if side != chosen)
    return chosen, reasons, against


def _subject(profile: Profile) -> Optional[str]:
    return None if profile.subject in (None, ANY_SUBJECT) else profile.subject


def lacks_wanted_credit(programme: Programme, wants_credit: Optional[bool]) -> bool:
    """A MicroMasters with no credit pathway in my sources, for a learner to whom credit matters."""
    return bool(wants_credit) and programme.credential_type == MICROMASTERS and not programme.credit_pathway


def pick_programmes(
    kb: KnowledgeBase,
    credential_type: str,
    subject: Optional[str],
    weekly_hours: Optional[float] = None,
    wants_credit: Optional[bool] = None,
) -> Tuple[Tuple[Programme, ...], Optional[str]]:
    """1-3 current programmes of the chosen type in the subject, or an honest note.

    Programmes whose stated weekly effort is more than the learner has, and, when
    credit matters, those with no credit pathway in my sources, come last.
    """

    def current(query: Query) -> List[Programme]:
        found = [p for p in search_programmes(kb, query) if p.status != "retired"]
        return sorted(
            found, key=lambda p: (lacks_wanted_credit(p, wants_credit), asks_more_time(p, weekly_hours) is not None)
        )

    name = kb.credentials[credential_type].name
    if subject is None:
        return tuple(current(Query(credential_types=(credential_type,)))[:MAX_PROGRAMMES]), None
    exact = current(Query(subjects=(subject,), credential_types=(credential_type,)))
    if exact:
        return tuple(exact[:MAX_PROGRAMMES]), None
    other = current(Query(subjects=(subject,)))
    if other:
        other_name = kb.credentials[other[0].credential_type].name
        note = (
            f"I have no verified {name} in {subject} in my catalogue; "
            f"the closest I can vouch for is a {other_name}:"
        )
        return tuple(other[:MAX_PROGRAMMES]), note
    note = f"I have no verified programme in {subject} in my catalogue; here are {name}s in other subjects:"
    return tuple(current(Query(credential_types=(credential_type,)))[:MAX_PROGRAMMES]), note


def recommend(kb: KnowledgeBase, profile: Profile) -> Recommendation:
    """Recommend a credential for ``profile`` with reasons and example programmes."""
    chosen, reasons, against = choose_credential(profile)
    programmes, note = pick_programmes(kb, chosen, _subject(profile), profile.weekly_hours, profile.wants_credit)
    tight_budget = profile.budget is not None and profile.budget < SMALL_BUDGET
    without_goal_or_credit = profile.goal is None and profile.wants_credit is None
    return Recommendation(
        chosen,
        reasons,
        against,
        programmes,
        note,
        tight_budget,
        without_goal_or_credit,
        profile.weekly_hours,
        profile.wants_credit,
        profile.budget,
    )
