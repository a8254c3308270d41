"""Recommendation rules: Professional Certificate or MicroMasters?

Kept as small, explicit rules so that every recommendation can be explained from
the learner's own answers ("why?") and tested case by case. Each answer adds
weight to one side; credit toward a master's weighs most, because only a
MicroMasters can count toward one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

from advisor.knowledge import MICROMASTERS, PROFESSIONAL_CERTIFICATE, KnowledgeBase, Programme
from advisor.matching import Query, search_programmes
from advisor.questions import QUESTIONS, option_value
from advisor.reading import ANY_SUBJECT, GOAL_GRADUATE, GOAL_SKILLS, GOALS, subject_names
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


@dataclass(frozen=True)
class Vote:
    """One answer that points one way: the answer as the recommendation says it, and why it points there."""

    slot: str
    side: str
    weight: float
    said: str
    # The whole reason, for "why?": the answer and what makes it point this way.
    reason: str


def votes(profile: Profile) -> List[Vote]:
    """A vote for every answer that points one way."""
    found: List[Vote] = []
    if profile.goal == GOAL_GRADUATE:
        said = "you want deep, graduate-level expertise"
        found.append(Vote("goal", MICROMASTERS, 2, said, said))
    elif profile.goal == GOAL_SKILLS:
        said = "you want a practical job skill quickly"
        found.append(Vote("goal", PROFESSIONAL_CERTIFICATE, 2, said, said))
    if profile.wants_credit is True:
        said = "credit toward a master's matters to you"
        because = "and only a MicroMasters can count toward one (if a university admits you)"
        found.append(Vote("wants_credit", MICROMASTERS, 3, said, f"{said}, {because}"))
    elif profile.wants_credit is False:
        said = "you don't need academic credit"
        found.append(Vote("wants_credit", PROFESSIONAL_CERTIFICATE, 1, said, said))
    if profile.weekly_hours is not None:
        said = f"you have {describe_hours(profile.weekly_hours)}"
        if profile.weekly_hours < FEW_HOURS:
            because = "and graduate-level MicroMasters courses usually ask for more"
            found.append(Vote("weekly_hours", PROFESSIONAL_CERTIFICATE, 1, said, f"{said}, {because}"))
        elif profile.weekly_hours >= ENOUGH_HOURS:
            found.append(Vote("weekly_hours", MICROMASTERS, 1, said, f"{said}, enough for graduate-level courses"))
    if profile.horizon_months is not None:
        horizon = describe_horizon(profile.horizon_months)
        usually = "a MicroMasters usually takes six months to two years"
        if profile.horizon_months <= SHORT_HORIZON:
            said = f"you want it within {horizon}"
            found.append(Vote("horizon_months", PROFESSIONAL_CERTIFICATE, 1, said, f"{said}, and {usually}"))
        elif profile.horizon_months >= LONG_HORIZON:
            said = f"you can give it {horizon}"
            reason = f"{said}, time enough for a MicroMasters (usually six months to two years)"
            found.append(Vote("horizon_months", MICROMASTERS, 0.5, said, reason))
    if profile.budget is not None:
        found += _budget_votes(profile.budget)
    return found


def _budget_votes(budget: float) -> List[Vote]:
    described = describe_budget(budget)
    said = f"your budget is {described}"
    if budget >= NO_BUDGET_LIMIT or budget <= 0:
        said = "you have no fixed budget limit" if budget > 0 else "you have nothing to spend"
    if budget < SMALL_BUDGET:
        reason = f"{said}, and a whole MicroMasters usually costs more"
        return [Vote("budget", PROFESSIONAL_CERTIFICATE, 1, said, reason)]
    if budget < ENOUGH_BUDGET:  # said, so that a $600 budget is not passed over in silence
        reason = (
            f"your budget ({described}) is below what a whole MicroMasters typically cost in my sources "
            "(about $1,000-$1,350 in 2017-19)"
        )
        return [Vote("budget", PROFESSIONAL_CERTIFICATE, 0.25, said, reason)]
    typical = "about $1,000-$1,350 in my sources (2017-19; current prices not confirmed)"
    if budget >= NO_BUDGET_LIMIT:
        reason = f"you have no fixed budget limit, and a whole MicroMasters typically cost {typical}"
    elif budget >= TYPICAL_MICROMASTERS_HIGH:
        reason = f"your budget ({described}) covers what a whole MicroMasters typically cost: {typical}"
    else:
        reason = f"your budget ({described}) is about what a whole MicroMasters typically cost: {typical}"
    return [Vote("budget", MICROMASTERS, 0.5, said, reason)]


def _weigh(profile: Profile) -> Tuple[str, List[Vote], List[Vote]]:
    """The credential the answers favour, and the votes for it and against it."""
    found = votes(profile)
    score = {MICROMASTERS: 0.0, PROFESSIONAL_CERTIFICATE: 0.0}
    for vote in found:
        score[vote.side] += vote.weight
    if score[MICROMASTERS] > score[PROFESSIONAL_CERTIFICATE]:
        chosen = MICROMASTERS
    elif score[MICROMASTERS] < score[PROFESSIONAL_CERTIFICATE]:
        chosen = PROFESSIONAL_CERTIFICATE
    else:
        # A tie: the smaller commitment is the safer first step, and it can be
        # followed by a MicroMasters later.
        chosen = MICROMASTERS if profile.goal == GOAL_GRADUATE else PROFESSIONAL_CERTIFICATE
    return chosen, [v for v in found if v.side == chosen], [v for v in found if v.side != chosen]


def choose_credential(profile: Profile) -> Tuple[str, Tuple[str, ...], Tuple[str, ...]]:
    """The credential the answers favour, the reasons for it, and those against."""
    chosen, for_it, against = _weigh(profile)
    return chosen, tuple(v.reason for v in for_it), tuple(v.reason for v in against)


def _subject(profile: Profile) -> Optional[str]:
    return None if profile.subject in (None, ANY_SUBJECT) else profile.subject


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


# How a programme's duration states its length: in months or years ("About 1 year 5 months",
# "18-24 months"), in weeks per course ("Each course is 6 weeks"), in hours of work ("14-18 hours in
# total"), or as the dates one learner took ("from May to August 2020").
_RANGE = r"(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?"
_MONTHS = re.compile(rf"(?:(\d+) years?(?: (?:and )?(\d+) months?)?)|(?:{_RANGE} months)")
_COURSE_WEEKS = re.compile(
    rf"{_RANGE} weeks (?:per|each|a) course|each course (?:is|runs|takes) (?:about )?{_RANGE} weeks", re.IGNORECASE
)
_TOTAL_HOURS = re.compile(rf"{_RANGE} hours in total")
_MONTH_NAMES = "|".join(calendar.month_name[1:])
_DATES = re.compile(rf"\b({_MONTH_NAMES})(?: (\d{{4}}))? to ({_MONTH_NAMES}) (\d{{4}})")
_PER_COURSE = re.compile(r"\$([\d,]+(?:\.\d+)?)(?:\s*-\s*\$([\d,]+(?:\.\d+)?))? per course\b")
WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True)
class Length:
    """How long a programme takes by its sources: calendar months, or hours of work when only those are known."""

    said: str
    months: Optional[Tuple[float, float]] = None
    hours: Optional[Tuple[float, float]] = None
    # The hours a week the months were stated at ("at 2-3 hours a week"): more hours may go faster.
    pace: Optional[Tuple[float, float]] = None

    def shortest(self, weekly_hours: Optional[float]) -> Optional[float]:
        """The fewest months it could take at the learner's hours a week, or None when not known."""
        if self.hours is not None:
            return self.hours[0] / weekly_hours / WEEKS_PER_MONTH if weekly_hours else None
        assert self.months is not None
        if self.pace is not None and weekly_hours is not None and weekly_hours > self.pace[1]:
            return self.months[0] * self.pace[0] / weekly_hours
        return self.months[0]

    def longest(self, weekly_hours: Optional[float]) -> Optional[float]:
        """The most months it takes as stated (never an estimate for another pace), or None when not known."""
        if self.hours is not None:
            return self.hours[1] / weekly_hours / WEEKS_PER_MONTH if weekly_hours else None
        assert self.months is not None
        return self.months[1]


def _pair(low: str, high: Optional[str]) -> Tuple[float, float]:
    return float(low), float(high or low)


def _about_months(low: float, high: float) -> str:
    return f"about {low:.0f} months" if round(low) == round(high) else f"{low:.0f}-{high:.0f} months"


def programme_length(programme: Programme) -> Optional[Length]:
    """The programme's length as its sources state it, or None when they don't: from the first sentence
    of its duration that gives one, with the hours a week that sentence gives it at."""
    for sentence in re.split(r"(?<=[.;])\s+", programme.duration or ""):
        length = _length_in(sentence, programme.courses)
        if length is not None:
            return length
    return None


def _length_in(sentence: str, courses: Optional[int]) -> Optional[Length]:
    effort = _WEEKLY_EFFORT.search(sentence)
    pace = (float(effort.group(1)), float(effort.group(2))) if effort else None
    at_pace = f" at {pace[0]:g}-{pace[1]:g} hours a week" if pace else ""
    found = _MONTHS.search(sentence)
    if found and found.group(1):
        months = int(found.group(1)) * 12 + int(found.group(2) or 0)
        return Length(f"about {months} months{at_pace}", (months, months), pace=pace)
    if found:
        low, high = _pair(found.group(3), found.group(4))
        return Length(f"{_about_months(low, high)}{at_pace}", (low, high), pace=pace)
    found = _COURSE_WEEKS.search(sentence)
    if found and courses:
        weeks = _pair(*(found.group(1, 2) if found.group(1) else found.group(3, 4)))
        months = (weeks[0] * courses / WEEKS_PER_MONTH, weeks[1] * courses / WEEKS_PER_MONTH)
        each = f"{weeks[0]:g}" if weeks[0] == weeks[1] else f"{weeks[0]:g}-{weeks[1]:g}"
        return Length(f"{_about_months(*months)} ({courses} courses of {each} weeks, one after another)", months)
    found = _TOTAL_HOURS.search(sentence)
    if found:
        hours = _pair(found.group(1), found.group(2))
        return Length(f"about {hours[0]:g}-{hours[1]:g} hours in total", hours=hours)
    found = _DATES.search(sentence)
    if found:
        first, year, last, last_year = found.groups()
        start = int(year or last_year) * 12 + list(calendar.month_name).index(first)
        span = int(last_year) * 12 + list(calendar.month_name).index(last) - start + 1
        return Length(f"about {span} months ({found.group(0)})", (span - 1, span))
    return None


def _dollars(amount: float) -> str:
    return f"${amount:,.2f}" if amount % 1 else f"${amount:,.0f}"


@dataclass(frozen=True)
class Cost:
    """What the whole programme costs by its sources (low and high), and how to say it."""

    said: str
    low: float
    high: float


def programme_cost(programme: Programme) -> Optional[Cost]:
    """The whole programme's price: stated, estimated by the sources, or its courses' price times their number."""
    total = stated_total(programme)
    if total is not None:
        return Cost(f"{_dollars(total)} in total in my sources", total, total)
    if programme.estimated_total is not None:
        said = f"about {_dollars(programme.estimated_total)} for all {programme.courses} courses by an estimate"
        return Cost(f"{said}, not a published total", programme.estimated_total, programme.estimated_total)
    found = _PER_COURSE.search(programme.price or "")
    if found and programme.courses:
        low, high = (float(v.replace(",", "")) for v in (found.group(1), found.group(2) or found.group(1)))
        each = _dollars(low) if low == high else f"{_dollars(low)}-{_dollars(high)}"
        whole = _dollars(low * programme.courses)
        if low != high:
            whole += f"-{_dollars(high * programme.courses)}"
        return Cost(
            f"about {whole} for {programme.courses} courses at {each} each",
            low * programme.courses,
            high * programme.courses,
        )
    return None


# The learner's limits a programme can go beyond, in the order they are said.
TIME, HOURS, BUDGET = "time", "hours", "budget"
LIMITS = (TIME, HOURS, BUDGET)


@dataclass(frozen=True)
class Miss:
    """One way a programme is known not to fit the learner: which limit, said, and by how much (more than 1)."""

    limit: str
    said: str
    by: float


@dataclass(frozen=True)
class Fit:
    """One programme against the learner's time and budget, as far as my sources know them."""

    programme: Programme
    misses: Tuple[Miss, ...] = ()
    # What is known to fit, said ("takes about 4 months ..., within 6 months").
    fits: Tuple[str, ...] = ()


def fit_of(programme: Programme, profile: Profile) -> Fit:
    """What my sources say of ``programme`` against the learner's months, hours a week and budget."""
    misses: List[Miss] = []
    fits: List[str] = []
    hours, horizon, budget = profile.weekly_hours, profile.horizon_months, profile.budget
    length = programme_length(programme)
    if length is not None and horizon:
        shortest, longest = length.shortest(hours), length.longest(hours)
        if shortest is not None and shortest > horizon:
            said = f"takes {length.said}, more than the {horizon:g} months you have"
            misses.append(Miss(TIME, said, shortest / horizon))
        elif longest is not None and longest <= horizon:
            fits.append(f"takes {length.said}, within {horizon:g} months")
    effort = weekly_effort(programme)
    if effort is not None and hours is not None and effort[0] > hours:
        said = f"asks {effort[0]:g}-{effort[1]:g} hours a week, and you have {describe_hours(hours)}"
        misses.append(Miss(HOURS, said, effort[0] / hours))
    cost = programme_cost(programme)
    if cost is not None and budget is not None and budget < NO_BUDGET_LIMIT:
        if cost.low > budget:
            misses.append(Miss(BUDGET, f"costs {cost.said}: more than your budget", cost.low / max(budget, 1.0)))
        elif cost.high <= budget:
            fits.append(f"costs {cost.said}: within your budget")
    return Fit(programme, tuple(misses), tuple(fits))


def lacks_wanted_credit(programme: Programme, wants_credit: Optional[bool]) -> bool:
    """A MicroMasters with no credit pathway in my sources, for a learner to whom credit matters."""
    return bool(wants_credit) and programme.credential_type == MICROMASTERS and not programme.credit_pathway


def thinly_described(programme: Programme) -> bool:
    """My sources show little more than that the programme exists."""
    return programme.existence_only or programme.confidence == "low"


@dataclass(frozen=True)
class Examples:
    """The programmes a recommendation names, and what they are."""

    fits: Tuple[Fit, ...]
    # Their credential: the one recommended, or the other when the subject has none of it.
    credential_type: str
    # None: from any subject (none asked for, or one my catalogue lacks).
    subject: Optional[str]
    # The learner's limits (LIMITS) that none of them fits: then only the closest is named.
    none_fit: Tuple[str, ...] = ()
    # The subject asked for when my catalogue has no programme in it at all: these are from any subject.
    lacking: Optional[str] = None

    @property
    def programmes(self) -> Tuple[Programme, ...]:
        return tuple(fit.programme for fit in self.fits)


def example_programmes(kb: KnowledgeBase, credential_type: str, profile: Profile) -> Examples:
    """Up to MAX_PROGRAMMES current programmes of the kind, in the learner's subject, that fit their time
    and budget as far as my sources know; the well-described before the thinly described. Failing the
    kind in that subject, the other kind; when none fits, the closest alone, with what it misses."""
    subject = _subject(profile)
    queries = [Query(credential_types=(credential_type,))]
    if subject is not None:
        subjects = subject_names(subject)
        queries[:0] = [Query(subjects=subjects, credential_types=(credential_type,)), Query(subjects=subjects)]
    fits: List[Fit] = []
    for query in queries:
        # search_programmes orders verified first, the subject's own programmes first, then the best-sourced.
        fits = [fit_of(p, profile) for p in search_programmes(kb, query) if p.status != "retired"]
        if fits:
            break
    if not fits:
        return Examples((), credential_type, None, lacking=subject)
    kind = fits[0].programme.credential_type
    lacking = subject if subject is not None and not query.subjects else None
    subject = None if lacking else subject

    def rank(fit: Fit) -> Tuple[bool, bool]:
        return lacks_wanted_credit(fit.programme, profile.wants_credit), thinly_described(fit.programme)

    fitting = sorted((fit for fit in fits if not fit.misses), key=rank)
    if fitting:
        return Examples(tuple(fitting[:MAX_PROGRAMMES]), kind, subject, lacking=lacking)
    closest = min(fits, key=lambda fit: (max(miss.by for miss in fit.misses), rank(fit)))
    missed = {miss.limit for fit in fits for miss in fit.misses}
    return Examples((closest,), kind, subject, tuple(limit for limit in LIMITS if limit in missed), lacking)


@dataclass(frozen=True)
class Recommendation:
    credential_type: str
    # The answers for it and against it, as the recommendation says them (the whole reasons are for "why?").
    said_for: Tuple[str, ...]
    said_against: Tuple[str, ...]
    examples: Examples
    profile: Profile

    @property
    def programmes(self) -> Tuple[Programme, ...]:
        return self.examples.programmes

    @property
    def tight_budget(self) -> bool:
        """A budget under SMALL_BUDGET: the reply says what financial aid there is."""
        return self.profile.budget is not None and self.profile.budget < SMALL_BUDGET

    @property
    def without_goal_or_credit(self) -> bool:
        """Goal and credit, which weigh most, both left out: the recommendation rests on time and budget alone."""
        return self.profile.goal is None and self.profile.wants_credit is None


def recommend(kb: KnowledgeBase, profile: Profile) -> Recommendation:
    """Recommend a credential for ``profile`` with reasons and example programmes."""
    chosen, for_it, against = _weigh(profile)
    return Recommendation(
        chosen,
        tuple(v.said for v in for_it),
        tuple(v.said for v in against),
        example_programmes(kb, chosen, profile),
        profile,
    )
