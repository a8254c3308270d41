"""Typed values in a message: budgets, hours a week, time horizons and plain numbers.

Duckling (``components/duckling_extractor.py``) finds the figures: numbers,
amounts of money and durations. This thin layer says what each is for, with
the words around it from ``lexicon/values.yml``: "10ish hours a week" is 10
hours a week, "an hour a day" 7, "6 to 12 months" a horizon of 12 months,
"1000 euro" about $1,039 at the table's rates, "under 500" at most 500, "not 15"
a figure turned down; and words without a figure ("my employer pays",
"weekends only") are read as the value the lexicon gives them, with how the bot
says that reading back. Which question a value answers is the reading's call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple

from advisor.knowledge import ExchangeRates
from advisor.lexicon import Lexicon
from advisor.matching import normalise

BUDGET, HOURS, HORIZON, NUMBER = "budget", "weekly_hours", "horizon_months", "number"
NO_BUDGET_LIMIT = 1_000_000.0
# "Cheap", "tight budget": a small budget with no figure; said back as "small", never as a figure.
LOW_BUDGET = 299.0
DUCKLING_DIMENSIONS = ("amount-of-money", "duration", "number")
_MONTHS_PER = {"second": 1 / 2_592_000, "minute": 1 / 43_200, "hour": 1 / 720, "day": 1 / 30, "week": 12 / 52}
_MONTHS_PER |= {"month": 1.0, "quarter": 3.0, "year": 12.0}
# Duckling mis-decodes these symbols in its units.
_MISREAD_UNITS = {"Â£": "GBP", "£": "GBP", "â¬": "EUR", "€": "EUR", "Â¥": "JPY", "$": "USD", "unknown": ""}
_CLAUSE = re.compile(r"[.,;!?\n]+|\s(?:but|though|although|and also)\s")


@dataclass(frozen=True)
class Value:
    """A figure (or words read as one) and what it measures."""

    kind: str  # BUDGET (US dollars), HOURS (a week), HORIZON (months) or NUMBER (no unit)
    amount: float
    start: int
    end: int
    # How the bot says back a reading that is not the plain figure ("1000 euro, about $1,039 ...").
    read_as: Optional[str] = None
    # Said with its unit or in words ("$500", "5 hours", "weekends"); a bare "500" is not.
    explicit: bool = True
    # Turned down in the message: "not 15, more like 5", "500 not 5000".
    rejected: bool = False
    # "under 500": "at most"; "10+ hours": "at least".
    bound: Optional[str] = None
    # A budget in a currency the rate table lacks: ``amount`` is then in that currency (ISO code).
    currency: Optional[str] = None
    # Words that answer only the question just asked, or a clause about that answer ("not much").
    needs_context: bool = False
    # The low end of a range ("5-10", "$500 to $1,500"); ``amount`` is the high end.
    low: Optional[float] = None


# The cents Duckling joins to an amount ("50,000 rupees and 4"): said as another figure, not as cents.
_AND_CENTS = re.compile(r"\s+and\s+\d+(?:\.\d+)?$")


def _after(text: str, end: int, pattern: re.Pattern[str], reach: int = 24) -> Optional[re.Match[str]]:
    """``pattern`` right after ``end`` (fillers such as "ish", "or so" skipped), or None."""
    rest = text[end : end + reach]
    skipped = re.match(r"(?:\s|ish\b|-ish\b|\+|or so\b|odd\b|,|roughly\b|about\b|or\s+so\b)*", rest)
    offset = skipped.end() if skipped else 0
    found = pattern.match(rest, offset)
    return found if found and found.start() == offset else None


def _before(text: str, start: int, pattern: re.Pattern[str], reach: int = 22) -> bool:
    """Whether ``pattern`` ends right before ``start`` (spaces and "$" aside)."""
    window = text[max(0, start - reach) : start].rstrip(" $~")
    return any(m.end() == len(window) for m in pattern.finditer(window))


def _currency(text: str, start: int, end: int, lexicon: Lexicon) -> Optional[Tuple[str, int]]:
    """The currency named next to a figure ("₹40000", "2000 zloty", "CAD 2000"): its ISO code, and where
    the figure with it ends."""
    origin = max(0, start - 5)
    window = text[origin : min(len(text), end + 22)]
    figure = (start - origin, end - origin)
    best: Optional[Tuple[int, str, int]] = None
    for name, pattern in lexicon.cues.items():
        if not name.startswith("currency_"):
            continue
        for found in pattern.finditer(window):
            if found.end() <= figure[0] + 1 and window[found.end() : figure[0]].strip() == "":
                distance = figure[0] - found.end()
            elif found.start() >= figure[1] - 1 and re.fullmatch(r"[\s\d.,k]*", window[figure[1] : found.start()]):
                distance = found.start() - figure[1]
            else:
                continue
            if best is None or distance < best[0] or (distance == best[0] and len(found.group(0)) > 1):
                best = (distance, name.removeprefix("currency_").upper(), max(end, origin + found.end()))
    return (best[1], best[2]) if best else None


def _unit(duckling_unit: str, named: Optional[Tuple[str, int]]) -> str:
    """The currency of an amount: the one named next to it ("R$ 3000" is reais, though Duckling says "$")."""
    if named and named[0] != "USD":
        return named[0]
    return _MISREAD_UNITS.get(duckling_unit, duckling_unit) or (named[0] if named else "")


class _Reader:
    """One message's figures, read left to right; spans once used are not read again."""

    def __init__(self, text: str, lexicon: Lexicon, rates: Optional[ExchangeRates]) -> None:
        self.original = text
        self.text = text.lower().replace("\u2019", "'")
        self.lexicon = lexicon
        self.rates = rates
        self.used: List[Tuple[int, int]] = []
        self.values: List[Value] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.used)

    def add(self, value: Value) -> None:
        self.used.append((value.start, value.end))
        self.values.append(self.marked(value))

    def marked(self, value: Value) -> Value:
        """Bounds and refusals said around the figure."""
        cue = self.lexicon.pattern
        bound = value.bound
        if bound is None and (
            _before(self.text, value.start, cue("at_most_before")) or _after(self.text, value.end, cue("at_most_after"))
        ):
            bound = "at_most"
        elif bound is None and (
            _before(self.text, value.start, cue("at_least_before"))
            or _after(self.text, value.end, cue("at_least_after"))
            or self.text[value.end : value.end + 1] == "+"
        ):
            bound = "at_least"
        rejected = _before(self.text, value.start, cue("rejected_before"))
        return replace(value, bound=bound, rejected=rejected)

    # -- hours a week ------------------------------------------------------------------------------
    def rate(self, end: int, reach: int = 28, monthly: bool = True) -> Tuple[float, int]:
        """How many times a week a figure of hours is had ("a day": 7), and where its rate ends (``end`` when
        none is said)."""
        cue = self.lexicon.pattern
        rates = (("per_weekday", 5.0), ("per_week", 1.0), ("per_day", 7.0), ("per_month", 12 / 52))
        for name, times in rates if monthly else rates[:-1]:
            found = _after(self.text, end, cue(name), reach=reach)
            if found:
                return times, end + found.end()
        return 1.0, end

    def hours(self, amount: float, start: int, end: int, explicit: bool = True) -> None:
        times, rate_end = self.rate(end)
        cue = self.lexicon.pattern
        if _before(self.text, start, cue("job_hours_before"), reach=30) or _after(
            self.text, end, cue("not_study_after")
        ):
            self.used.append((start, rate_end))  # "I work 40 hours a week", "12 hour shifts": no study time
            return
        self.add(Value(HOURS, amount * times, start, rate_end, explicit=explicit))

    # -- money ---------------------------------------------------------------------------------------
    def money(
        self,
        amount: float,
        currency: str,
        start: int,
        end: int,
        bound: Optional[str] = None,
        low: Optional[float] = None,
    ) -> None:
        said = self.original[max(0, start - 3) if start and not self.text[start - 1].isspace() else start : end].strip()
        if currency in ("", "USD"):
            self.add(Value(BUDGET, amount, start, end, bound=bound, low=low))
            return
        dollars = self.rates.to_dollars(amount, currency) if self.rates else None
        if dollars is None:
            self.add(Value(BUDGET, amount, start, end, bound=bound, currency=currency))
            return
        as_of = self.rates.as_of if self.rates else ""
        read_as = f"{said}, about ${dollars:,.0f} at the exchange rates of {as_of}"
        self.add(Value(BUDGET, round(dollars), start, end, read_as=read_as, bound=bound))

    def read(self, entities: Sequence[Mapping[str, Any]]) -> None:
        found = sorted(
            (e for e in entities if e.get("entity") in DUCKLING_DIMENSIONS),
            key=lambda e: (int(e["start"]), -int(e["end"])),
        )
        for index, entity in enumerate(found):
            start, end = int(entity["start"]), int(entity["end"])
            if not self.free(start, end):
                continue
            info = entity.get("additional_info") or {}
            nxt = found[index + 1] if index + 1 < len(found) else None
            if self.ranged(entity, nxt):
                continue
            if entity["entity"] == "duration":
                self.duration(info, start, end)
            elif entity["entity"] == "amount-of-money":
                self.amount(info, start, end, nxt)
            elif isinstance(entity.get("value"), int | float):
                self.number(float(entity["value"]), start, end)

    def ranged(self, first: Mapping[str, Any], second: Optional[Mapping[str, Any]]) -> bool:
        """ "6 to 12 months", "two or three months": a number joined to the next figure, read as one range."""
        if second is None or first["entity"] != "number" or not isinstance(first.get("value"), int | float):
            return False
        between = self.text[int(first["end"]) : int(second["start"])].strip()
        if not self.lexicon.whole("range_joint", between):
            return False
        low, start = float(first["value"]), int(first["start"])
        info = second.get("additional_info") or {}
        if second["entity"] == "duration" and info.get("unit") in _MONTHS_PER and info.get("unit") not in ("hour",):
            high = float(info["value"]) * _MONTHS_PER[info["unit"]]
            months = low * _MONTHS_PER[info["unit"]]
            said = self.text[start : int(second["end"])]
            self.add(
                Value(
                    HORIZON,
                    max(months, high),
                    start,
                    int(second["end"]),
                    read_as=f"{said}: I'll take that as up to {high:g} months",
                )
            )
            return True
        if second["entity"] == "duration" and info.get("unit") == "hour":
            self.hours((low + float(info["value"])) / 2, start, int(second["end"]))
            return True
        return False

    def duration(self, info: Mapping[str, Any], start: int, end: int) -> None:
        unit, amount = info.get("unit"), float(info.get("value") or 0)
        if unit in ("hour", "minute"):
            self.hours(amount / (60 if unit == "minute" else 1), start, end)
            return
        if unit not in _MONTHS_PER:
            return
        if _before(self.text, start, self.lexicon.pattern("hours_unit")):
            self.used.append((start, end))  # "how many hrs a week": the rate of hours, not a week's time
            return
        half = re.match(r"\s+and a half\b", self.text[end:])
        months = (amount + (0.5 if half else 0)) * _MONTHS_PER[unit]
        end += half.end() if half else 0
        yearly = _after(self.text, end, self.lexicon.pattern("per_year"), reach=10) if unit != "year" else None
        self.add(Value(HORIZON, months, start, end + (yearly.end() if yearly else 0)))  # "3 months a year": 3

    def amount(self, info: Mapping[str, Any], start: int, end: int, nxt: Optional[Mapping[str, Any]]) -> None:
        if info.get("type") == "interval":
            low, high = info.get("from") or {}, info.get("to") or {}
            unit = str(high.get("unit") or low.get("unit") or "unknown")
            lo, hi = low.get("value"), high.get("value")
            after_hours = _after(self.text, end, self.lexicon.pattern("hours_unit"))
            if nxt and nxt.get("entity") == "duration" and int(nxt["start"]) < end:
                after_hours = after_hours or (nxt.get("additional_info") or {}).get("unit") == "hour"
            if after_hours and lo is not None and hi is not None:
                # "8-10 hours a week": the range ends after its unit, where the rate ("a week") is looked for.
                unit_end = int(nxt["end"]) if nxt and int(nxt["start"]) < end else end
                hours_word = _after(self.text, unit_end, self.lexicon.pattern("hours_unit"))
                unit_end = unit_end + hours_word.end() if hours_word and unit_end == end else unit_end
                self.used.append((start, unit_end))
                self.hours((float(lo) + float(hi)) / 2, start, unit_end)
                return
            bound = None if lo is not None and hi is not None else ("at_most" if hi is not None else "at_least")
            figure = float(hi if hi is not None else lo)
            span = (float(lo), figure) if lo is not None and hi is not None else None
            named = _currency(self.text, start, end, self.lexicon)
            currency = _unit(unit, named)
            if not currency:
                self.add(Value(NUMBER, figure, start, end, explicit=False, bound=bound, low=span[0] if span else None))
                return
            self.money(figure, currency, start, max(end, named[1] if named else end), bound, span[0] if span else None)
            return
        unit = str(info.get("unit") or "unknown")
        value = float(info.get("value") or 0)
        cents = _AND_CENTS.search(self.text[start:end])
        if cents:  # Duckling's "300 bucks and 3 (cents)": "... and 3 hrs a week" is another figure
            end, value = start + cents.start(), float(int(value))
        named = _currency(self.text, start, end, self.lexicon)
        currency = _unit(unit, named)
        if not currency and re.search(r"\b(bucks?|dollars?)\b", self.text[start:end]):
            currency = "USD"
        if not currency:
            self.number(value, start, end)
            return
        self.money(value, currency, start, max(end, named[1] if named else end))

    def number(self, amount: float, start: int, end: int) -> None:
        if (
            1950 <= amount <= 2100
            and amount == int(amount)
            and _before(self.text, start, self.lexicon.pattern("year_before"))
        ):
            self.used.append((start, end))  # "since 2018", "in 2024": a year, not a figure
            return
        unit = _after(self.text, end, self.lexicon.pattern("hours_unit"))
        if unit:
            self.hours(amount, start, end + unit.end())
            return
        if self.text[start:end].lower() == "one" and _before(
            self.text, start, self.lexicon.pattern("pronoun_one_before")
        ):
            self.used.append((start, end))  # "the blue one": a pronoun
            return
        named = _currency(self.text, start, end, self.lexicon)
        if named:
            self.money(amount, named[0], start, max(end, named[1]))
            return
        if self.rate(end, reach=12, monthly=False)[1] > end:
            self.hours(amount, start, end)  # "around 10 a week": a figure had each week or day is time
            return
        self.add(Value(NUMBER, amount, start, end, explicit=False))

    # -- words without a figure ----------------------------------------------------------------------
    def vague(self) -> None:
        """Answers in words ("several thousand", "weekends only"), one a kind in each clause.

        Figures with units are masked first ("a couple months" is no "a couple" of hours); a bare
        number inside such words gives way to them (Duckling reads "several thousand" as 1000).
        """
        masked = list(self.text)
        for value in self.values:
            if value.kind != NUMBER:
                masked[value.start : value.end] = " " * (value.end - value.start)
        text = "".join(masked)
        bounds = [0, *(m.end() for m in _CLAUSE.finditer(text)), len(text)]
        # A figure said with its unit outweighs words ("around 10 a week, maybe a bit more on weekends": 10).
        figured = {v.kind for v in self.values if v.kind != NUMBER and v.explicit and not v.rejected}
        for start, end in zip(bounds, bounds[1:], strict=False):
            raw, clause = text[start:end], normalise(text[start:end])
            taken = figured | {v.kind for v in self.values if start <= v.start < end and v.kind != NUMBER}
            for vague in self.lexicon.vague:
                found = vague.pattern.search(raw)
                if vague.slot in taken or not (found or vague.pattern.search(clause)):
                    continue
                at = (start + found.start(), start + found.end()) if found else (start, end)
                if vague.slot == HOURS and _before(self.text, at[0], self.lexicon.pattern("job_hours_before"), 30):
                    continue  # "I work full time": the job's hours, not time to study
                taken.add(vague.slot)
                self.values = [v for v in self.values if not (v.kind == NUMBER and v.start < at[1] and v.end > at[0])]
                amount = {"no_limit": NO_BUDGET_LIMIT, "low": LOW_BUDGET, "nothing": 0.0}.get(
                    str(vague.value), vague.value
                )
                self.values.append(
                    Value(vague.slot, float(amount), *at, vague.read_as, explicit=False, needs_context=not vague.alone)
                )

    def ranges(self) -> None:
        """Two figures of one kind joined as a range ("$500 to $1,500"): one value, the high end."""
        merged: List[Value] = []
        for value in sorted(self.values, key=lambda v: v.start):
            before = merged[-1] if merged else None
            joint = self.text[before.end : value.start].strip() if before else ""
            if (
                before
                and before.kind == value.kind
                and value.kind in (BUDGET, NUMBER)
                and (self.lexicon.whole("range_joint", joint))
            ):
                merged[-1] = replace(value, start=before.start, low=before.amount, bound=value.bound or before.bound)
                continue
            merged.append(value)
        self.values = merged


def values_in(
    text: str, entities: Iterable[Mapping[str, Any]], lexicon: Lexicon, rates: Optional[ExchangeRates]
) -> Tuple[Value, ...]:
    """Every figure in ``text`` with what it measures, in order, then the answers given in words."""
    reader = _Reader(text, lexicon, rates)
    reader.read(list(entities))
    reader.ranges()
    reader.vague()
    return tuple(sorted(reader.values, key=lambda v: v.start))
