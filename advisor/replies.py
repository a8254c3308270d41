"""Turn knowledge and decisions into the words the bot says.

Every reply carries the citations of the facts it states, so that "where is
that from?" can list exactly those sources. Text is plain (bullets and line
breaks only) because the same words go to the web widget, Slack and the shell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from advisor.knowledge import (
    CREDENTIAL_TYPES,
    MICROMASTERS,
    Fact,
    FaqAnswer,
    KnowledgeBase,
    OtherInstitution,
    Programme,
    Source,
    UnverifiedClaim,
)
from advisor.lexicon import default_lexicon
from advisor.matching import Query, asked_stems, detail_stems, mentions, stems
from advisor.reading import ANY_SUBJECT, GOAL_GRADUATE, GOAL_SKILLS, TIME_SLOTS
from advisor.recommend import (
    BUDGET,
    HOURS,
    TIME,
    Examples,
    Fit,
    Profile,
    Recommendation,
    describe_budget,
    describe_horizon,
    describe_hours,
    fit_of,
    lacks_wanted_credit,
    programme_cost,
    programme_length,
    votes,
    weekly_effort,
)
from advisor.topics import PROGRAMME_TOPICS
from advisor.values import LOW_BUDGET, NO_BUDGET_LIMIT

PAGE_SIZE = 5
SHORT_NAMES = {MICROMASTERS: "MicroMasters", "professional_certificate": "Professional Certificate"}


@dataclass(frozen=True)
class Citation:
    source_id: str
    as_of: str
    verified: bool = True


@dataclass(frozen=True)
class Reply:
    text: str
    citations: Tuple[Citation, ...] = ()
    buttons: Tuple[Tuple[str, str], ...] = field(default_factory=tuple)


def source_date(source: Source) -> str:
    """How a source's own date reads beside its title: nothing when the title already says it."""
    if source.date == "unknown":
        return "undated"
    return "" if source.date[:4] in source.title else source.date


def _named_with_date(source: Source, separator: str = ", ") -> str:
    date = source_date(source)
    return f"{source.title}{separator}{date}" if date else source.title


def _citations(sources: Iterable[str], as_of: str, verified: bool = True) -> Tuple[Citation, ...]:
    return tuple(Citation(source_id, as_of, verified) for source_id in sources)


def as_of_span(citations: Sequence[Citation]) -> str:
    """When the facts of an answer held, as the knowledge base dates them (not the sources' own dates)."""
    dates = sorted({c.as_of for c in citations if c.as_of != "unknown"})
    if not dates:
        return "Date unknown."
    return f"As of {dates[0]}." if len(dates) == 1 else f"As of {dates[0]} to {dates[-1]}."


def cite_line(kb: KnowledgeBase, citations: Sequence[Citation]) -> str:
    """One short line: the answer's as-of date and at most two sources (the first cited: the most specific)."""
    unique: List[Citation] = []
    for citation in citations:
        if citation.source_id not in {c.source_id for c in unique}:
            unique.append(citation)
    if not unique:
        return ""
    names = "; ".join(_named_with_date(kb.sources[c.source_id]) for c in unique[:2])
    unverified = " Parts of this are not verified." if any(not c.verified for c in unique) else ""
    where = f"all {len(unique)}, with links" if len(unique) > 2 else "links"
    return f'({as_of_span(citations)} Source: {names}.{unverified} "Where is that from?" gives {where}.)'


# A reply's default length: a fact of over about 600 characters is cut to whole sentences within
# SHORT_CHARS, and the rest comes on "tell me more".
SHORT_CHARS = 480
# Where a sentence ends: not after "U.S.", "T.H.", "e.g.", "Prof." and the like.
_NOT_AN_END = r"(?<!\b[A-Z]\.[A-Z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bProf\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bvs\.)"
_SENTENCE_END = re.compile(r"(?<=[.!?])" + _NOT_AN_END + r"\s+(?=[A-Z0-9\"'(]|edX\b)")
MORE_HINT = 'Say "tell me more" for the rest.'
SAME_FOR_BOTH = "This is the same for MicroMasters programs and Professional Certificates."


def shortened(text: str, wanted: str = "", limit: int = SHORT_CHARS) -> Tuple[str, bool]:
    """``text`` cut to whole sentences within ``limit`` characters, True when something was left out.

    The first sentence always stays; then the sentences that alone hold a word of ``wanted`` (the question's
    words: "the GRE"), then the others in order, all said in their original order.
    """
    if len(text) <= limit + 120:  # about 600 characters: said whole
        return text, False
    sentences = _SENTENCE_END.split(text)
    answers = _answering(sentences, wanted)
    order = [0, *sorted(range(1, len(sentences)), key=lambda i: (-answers[i], i))]
    kept: List[int] = []
    for i in order:
        if kept and sum(len(sentences[k]) + 1 for k in kept) + len(sentences[i]) > limit:
            if answers[i]:
                continue
            break
        kept.append(i)
    return " ".join(sentences[i] for i in sorted(kept)), len(kept) < len(sentences)


def _answering(sentences: Sequence[str], wanted: str) -> List[float]:
    """How much each sentence holds of the question's words, the rarer among the sentences the more ("the GRE";
    "owns" is held by "owned", "bankrupt" by "bankruptcy"); 0 for a sentence that holds none few others hold."""
    words = [stems(sentence) for sentence in sentences]

    def holds(i: int, word: str) -> bool:
        return word in words[i] or any(w.startswith(word) for w in words[i])

    spread = {w: n for w in asked_stems(wanted) if 0 < (n := sum(holds(i, w) for i in range(len(sentences)))) <= 2}
    return [sum(1 / n for w, n in spread.items() if holds(i, w)) for i in range(len(sentences))]


# A question answered by naming something ("who owns edx now?"), not by how or why.
_NAMING_QUESTION = re.compile(r"^(?:(?:ok|okay|so|and|but|well|then)\s+)*(?:who|whose|what|whats|which|where|when)\b")


def _asked_first(text: str, wanted: str) -> str:
    """ "who owns edx now?": the sentence that holds most of what the question names goes first; a yes-or-no
    question keeps its "yes" or "no" first, a how or why question its answer's own opening."""
    sentences = _SENTENCE_END.split(text)
    if not _NAMING_QUESTION.search(wanted.lower()) or len(sentences) < 2:
        return text
    weight = _answering(sentences, wanted)
    first = max(range(len(sentences)), key=lambda i: (weight[i], -i))
    if weight[first] <= weight[0]:
        return text
    return " ".join([sentences[first], *(s for i, s in enumerate(sentences) if i != first)])


def _fact_text(fact: Fact) -> str:
    return fact.text if fact.verified else f"Not verified: {fact.text}"


# How a side-by-side answer to "which is cheaper?" names what it compares.
COMPARED_TOPIC_NAMES = {
    "cost": "cost",
    "duration": "length and weekly effort",
    "level": "level and prerequisites",
    "credit": "academic credit",
    "recognition": "recognition",
    "tracks": "auditing for free or paying for verified certificates",
    "financial_aid": "financial aid",
    "refunds": "refunds",
    "expiry": "whether it expires",
    "entrance_tests": "entrance tests",
    "completion": "how many learners finish",
    "exams": "exams",
    "pace": "studying at your own pace",
    "degree": "whether it is a degree",
    "age": "age limits",
    "workload": "fitting it around a job",
    "about_edx": "who runs edX",
    "how_many": "how many there are",
    "other_credentials": "edX's other credentials",
    "courses": "how many courses",
    "masters_cost": "what the master's costs",
    "definition": "what it is",
    "worth": "whether it is worth it",
    "admission": "admission",
}


# A comparison my sources can't settle, said first ("which one is cheaper?"), then both side by side.
COMPARED_LEADS = {
    "cost": (
        "My sources can't say which is cheaper in general: they give a typical total for a MicroMasters, but a "
        "Professional Certificate is paid course by course and its total is rarely published. Side by side:"
    ),
    "duration": "Usually a Professional Certificate is quicker and takes fewer hours a week, but both vary by program. "
    "Side by side:",
    "level": "Usually a MicroMasters is harder: it is graduate-level. Side by side:",
}


# The honest reply to a message not understood (kept out of the domain: the
# action that says it first checks whether "number 2" points into a list).
NOT_UNDERSTOOD = (
    "Sorry, I didn't understand that, and I'd rather say so than guess. I answer questions in English about edX "
    "MicroMasters programs and Professional Certificates (cost, length, credit, admission, programmes) and can help "
    'you choose. Type "help" for examples.'
)
# A question outside what the bot covers ("what's the weather like?").
OUT_OF_SCOPE = (
    "Sorry, that's outside what I cover. I only know about edX MicroMasters programs and Professional Certificates: "
    'what they are, cost, length, credit, recognition, programmes, and which one fits you. Type "help" to see '
    "examples."
)
# A message in another language: the classifiers know English only.
ONLY_ENGLISH = (
    'Sorry, I can only answer in English. Ask me, for example, "how much does a MicroMasters cost?" or say '
    '"help me choose".'
)
# After "ok", "yes", "no" or "stop" outside the questions.
ANYTHING_ELSE = (
    'OK. What else would you like to know? You can ask about cost, length, credit or programmes, or say "help me '
    'choose".'
)
# What I can do, for "help" or "what can you do?".
HELP = Reply(
    "I can:\n"
    "• answer questions about edX MicroMasters programs and Professional Certificates: what they are, cost, "
    "length and weekly effort, academic credit, admission, level, recognition, and whether they're worth it;\n"
    '• find programmes by subject, institution or type (e.g. "supply chain programmes", "MIT MicroMasters");\n'
    '• tell you about one programme (e.g. "HarvardX data science certificate");\n'
    "• help you choose between the two with a few questions.\n"
    'After any answer, ask "where is that from?" to see my sources.',
    buttons=(("Help me choose", "/request_recommendation"), ("What's the difference?", "/ask_difference")),
)
# A statement about oneself outside the questions ("i'm a nurse moving into data"):
# the recommendation is what it is useful for.
OFFER_TO_CHOOSE = Reply(
    'Thanks for telling me. I can suggest which credential fits you: say "help me choose" and I will ask a few '
    "quick questions. Or ask me about cost, length, credit or programmes.",
    buttons=(("Help me choose", "/request_recommendation"),),
)
# "which of these is the best / most respected?": the sources rate no programme.
NO_QUALITY_RANKING = (
    "My sources don't rate programmes, so I can't tell you which one is best or most respected. What I can compare "
    'is what they state: price, length, courses and credit pathway. Say "compare the first two" or "which is '
    'cheapest?", or ask "are they recognised by employers?" for what the sources say about recognition.'
)
# "is delft better than mit?", "harvard or mit for ai?": the sources rank no university.
NO_UNIVERSITY_RANKING = (
    "My sources don't rate one university above another, so I won't pick between them. Here is what each offers, "
    "to compare the programmes themselves:"
)
# When an action fails unexpectedly (logged with its traceback).
SOMETHING_WENT_WRONG = (
    "Sorry, something went wrong on my side with that message. Could you try saying it another way? "
    'Type "help" for examples.'
)


# What my sources don't cover (lexicon/topics.yml: uncovered_*) -> how a reply names it, and where to
# check it when that is not the program's page.
UNCOVERED_TOPICS: Dict[str, Tuple[str, Optional[str]]] = {
    "languages": ("which languages the courses are taught in", None),
    "visas": (
        "visas and immigration",
        "The immigration authority of the country concerned is the place to check that.",
    ),
    "linkedin": ("sharing a certificate on LinkedIn or a CV", "edX's help pages are the place to check that."),
    "printed": ("printed certificates", None),
    "providers": ("bootcamps or other course providers", "Each provider's own pages are the place to check that."),
    "team_prices": ("prices for teams and businesses", None),
    "payment_plans": ("payment plans and ways to pay", None),
    "taxes": ("taxes", "A tax adviser or your tax authority is the place to check that."),
    "retakes": ("failing or retaking a course or exam", None),
    "salaries": ("salaries", "Salary surveys for your field and country are the place to check that."),
    "jobs": ("which jobs a credential leads to", "Job listings in your field show what employers ask for."),
    "still_offered": ("which programs are still offered today", None),
    "schedules": ("course schedules, start dates and deadlines", None),
    "grades": ("converting grades or GPAs", "The university you apply to is the place to check that."),
    "undergraduate": ("undergraduate admissions", "The university's admissions office is the place to check that."),
    # Not facts but requests: the label is what the bot says it cannot do.
    "accounts": (
        "I can't see or change edX accounts, logins or passwords.",
        "edX's help centre (support) is the place for that.",
    ),
    "writing": ("I can't write applications, essays or coursework for you.", None),
}


def uncovered_reply(topic: str, short: bool = False) -> str:
    """The honest answer to a question about something my sources do not cover ("is it in spanish?");
    ``short``: only that, before the answer to what else was asked."""
    label, where = UNCOVERED_TOPICS.get(topic, (topic, None))
    if label.startswith("I "):  # a request the bot cannot carry out
        where = where or "What I can do is tell you what my sources say about the programmes."
        if short:
            return f"{label} {where} What my sources do say:"
        opening = f"{label} {where}"
    else:
        where = where or "The program's page on edX is the place to check that."
        if short:
            return f"My sources don't cover {label}, so I won't guess: {where[0].lower()}{where[1:]} What they do say:"
        opening = f"My sources don't cover {label}, so I won't guess. {where}"
    return (
        f"{opening} "
        "I can tell you about cost, length, credit, admission, level and recognition, find programmes, "
        'or help you choose ("help me choose").'
    )


# Instead of the same answer twice in a row: the question was the same, or misread.
# The same topic asked again in other words: the answer just given stands.
SAME_ANSWER = (
    "That's all my sources say on it: my answer just above stands. "
    'Ask "where is that from?" for the sources, or ask me something else.'
)
ALREADY_ANSWERED = (
    "My answer to that would be the same as just above, so I may have misread you. "
    'Could you put it another way? For example "how long does a MicroMasters take?" or "MIT programmes". '
    '("where is that from?" shows the sources of my last answer.)'
)


def for_credential(text: str, credential_type: str) -> str:
    """``text`` said of one credential: "For a MicroMasters, often yes, ..." unless its first sentence names it."""
    name = SHORT_NAMES[credential_type]
    sentences = re.split(r"(?<=[.!?:])\s+", text, maxsplit=2)
    opening = " ".join(sentences[:2]) if len(sentences[0].split()) <= 2 else sentences[0]  # "No. A MicroMasters ..."
    if name.lower() in opening.lower():
        return text
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and (first[1:].islower() or first == "A"):  # "Often yes" -> "For a MicroMasters, often yes"
        return f"For a {name}, {text[0].lower()}{text[1:]}"
    return f"For a {name}: {text}"  # "edX ...", "MIT ...": names keep their capitals


_WH_QUESTION = re.compile(
    r"^(?:(?:ok|okay|so|and|but|hi|hey|well|then)\s+)*(?:how|what|whats|where|which|when|why|who)\b"
)
_YES_OR_NO_FIRST = re.compile(r"^(?:Yes|No)(?:[,.:]\s+|\s+(?=but\b))")


def _full_answer(
    kb: KnowledgeBase,
    answer: FaqAnswer,
    credential_type: Optional[str] = None,
    details: bool = False,
    wanted: str = "",
) -> Reply:
    """One credential's answer (``credential_type``; None: the same for both), answer first, cut short unless
    ``details`` were asked for."""
    citations = _citations(answer.fact.sources, answer.fact.as_of, answer.fact.verified)
    text, cut = (_fact_text(answer.fact), False) if details else shortened(_fact_text(answer.fact), wanted)
    text = _asked_first(_figure_asked_first(text, wanted), wanted)
    opener = _YES_OR_NO_FIRST.match(text) if _WH_QUESTION.search(wanted) else None
    if opener:  # "how do i apply for financial aid?" is not answered "Yes, ..."
        text = text[opener.end() :][:1].upper() + text[opener.end() + 1 :]
    lines = [for_credential(text, credential_type) if credential_type else text]
    if cut:
        lines.append(MORE_HINT)
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)


def in_particular(reply: Reply, asked: str) -> Reply:
    """A general answer to a particular question ("recognised in Germany?", "a job at Google?").

    My sources have no data by country or employer, so the answer says so first.
    """
    return Reply(
        f"My sources have no data on {asked} in particular; what they say in general:\n{reply.text}",
        reply.citations,
        reply.buttons,
    )


def in_general(reply: Reply, kinds: str) -> Reply:
    """The general answer, after a programme named was said to be missing: never as if it applied to it."""
    return Reply(f"What my sources say of {kinds} in general, not of that programme:\n{reply.text}", reply.citations)


def proper_name(word: str) -> str:
    """ "germany" -> "Germany", "uk" -> "UK", "the netherlands" -> "the Netherlands"."""
    return word.upper() if len(word) <= 3 else word.title().replace("The ", "the ")


def faq_reply(
    kb: KnowledgeBase,
    topic: str,
    credential_type: Optional[str],
    compared: bool = False,
    recommended: bool = False,
    details: bool = False,
    wanted: str = "",
) -> Reply:
    """Answer an FAQ topic for one credential, or both side by side (``compared``: as the answer to a comparison).

    ``recommended``: a recommendation was made, so the general difference points to its reasons, not to the questions.
    """
    answers = kb.faq[topic]
    # The same for both (refunds, who runs edX): once, and said to be the same even when one
    # credential is in context.
    if len({answers[key].fact.text for key in CREDENTIAL_TYPES}) == 1:
        reply = _full_answer(kb, answers[CREDENTIAL_TYPES[0]], details=details, wanted=wanted)
        if topic == "about_edx":  # what edX is has nothing to do with either credential
            return reply
        first, rest = reply.text.split("\n", 1)
        return Reply(f"{first}\n{SAME_FOR_BOTH}\n{rest}", reply.citations)
    if credential_type in CREDENTIAL_TYPES:
        return _full_answer(kb, answers[str(credential_type)], str(credential_type), details, wanted)
    lines, citations = [], ()
    for key in CREDENTIAL_TYPES:
        answer = answers[key]
        prefix = "" if answer.fact.verified else "Not verified: "
        lines.append(f"• {SHORT_NAMES[key]}: {prefix}{answer.fact.text if details else answer.summary}")
        citations += _citations(answer.fact.sources, answer.fact.as_of, answer.fact.verified)
    if compared and topic in COMPARED_LEADS:
        lines.insert(0, COMPARED_LEADS[topic])
    elif compared and topic in COMPARED_TOPIC_NAMES:
        lines.insert(0, f"Side by side, on {COMPARED_TOPIC_NAMES[topic]}:")
    text = "\n".join(lines)
    hint = 'Ask about one of them for more detail, e.g. "and for a MicroMasters?"'
    if topic == "difference":
        hint = (
            'Ask "why?" for the reasons behind my recommendation, or say "start over".'
            if recommended
            else 'Not sure which fits you? Say "help me choose" and I\'ll ask a few quick questions.'
        )
    return Reply(f"{text}\n{hint}\n{cite_line(kb, citations)}", citations)


def programme_shown_reply(programme: Programme) -> str:
    """ "Tell me about the first one" when that one's whole card was just shown: said so, not shown twice."""
    return (
        f"My answer just above is everything I have on the {programme.title}. Ask about its price, length "
        'or credit, "where is that from?" for the sources, or name another programme.'
    )


def nothing_more_reply(topic: str) -> str:
    """ "Tell me more" after an answer given whole: said so, not the same paragraph again."""
    about = COMPARED_TOPIC_NAMES.get(topic, "that")
    return (
        f"That was all of it: my sources say no more on {about} than my answer just above. "
        '"Where is that from?" lists them with links, or ask me something more specific.'
    )


def in_short_reply(kb: KnowledgeBase, topic: str, credential_type: Optional[str]) -> Reply:
    """The same question asked again in other words ("who owns edx now?"): the answer again, in short,
    rather than the paragraph just given word for word."""
    answers = kb.faq[topic]
    keys = [str(credential_type)] if credential_type in CREDENTIAL_TYPES else list(CREDENTIAL_TYPES)
    if len({answers[key].summary for key in keys}) == 1:
        keys = keys[:1]
    lines = (
        [f"In short: {answers[keys[0]].summary}"]
        if len(keys) == 1
        else [f"In short: {SHORT_NAMES[key]}: {answers[key].summary}" for key in keys]
    )
    citations = tuple(c for key in keys for c in _citations(answers[key].fact.sources, answers[key].fact.as_of))
    lines.append('Ask "where is that from?" for the sources, or "tell me more" for the full answer.')
    return Reply("\n".join(lines), citations)


# Question words that say nothing of what part of an answer is wanted.
_QUANTITY = re.compile(r"\bhow (much|many|long)\b")
_COUNTED = re.compile(r"\bhow (?:much|many) ([a-z]{3,})\b")
_FIGURE = re.compile(r"\d")


def _figure_asked_first(text: str, wanted: str) -> str:
    """ "How many ECTS ...?": the one later sentence that holds what is counted with a figure goes first, so
    that the answer opens with what was asked ("... about 20-30 ECTS ..."), not "Often yes"."""
    counted = _COUNTED.search(wanted.lower())
    sentences = _SENTENCE_END.split(text)
    if not counted or len(sentences) < 2:
        return text
    noun = stems(counted.group(1))
    holding = [i for i, s in enumerate(sentences) if stems(s) & noun and _FIGURE.search(s)]
    if len(holding) != 1 or holding[0] == 0:
        return text
    first = holding[0]
    return " ".join([sentences[first], *(s for i, s in enumerate(sentences) if i != first)])


def focused_reply(kb: KnowledgeBase, topic: str, credential_type: Optional[str], wanted: str) -> Optional[Reply]:
    """The same topic asked again, about a part of it ("how many hrs a week?" after how long it takes): the
    sentences of the answer that hold the question's own words, or its figures for "how much/many"; None when
    no part stands out, so the whole answer would only be repeated."""
    answers = kb.faq[topic]
    keys = [str(credential_type)] if credential_type in CREDENTIAL_TYPES else list(CREDENTIAL_TYPES)
    asked = asked_stems(wanted)
    quantity = bool(_QUANTITY.search(wanted.lower()))
    lines: List[str] = []
    citations: Tuple[Citation, ...] = ()
    for key in keys:
        sentences = _SENTENCE_END.split(answers[key].fact.text)
        words = [stems(sentence) for sentence in sentences]
        rare = {w for w in asked if 0 < sum(w in found for found in words) <= max(1, len(sentences) // 2)}
        picked = [i for i, found in enumerate(words) if found & rare]
        figures = [i for i, sentence in enumerate(sentences) if _FIGURE.search(sentence)]
        if quantity:  # "how much credit?": the sentences with figures, those holding its words first
            both = [i for i in figures if i in picked]
            others = [i for i in figures if i not in both]
            picked = sorted(both + others[: max(0, min(2 - len(both), len(sentences) - 1 - len(both)))])
        if not picked or len(picked) == len(sentences):
            continue
        said = " ".join(sentences[i] for i in picked[:2])
        lines.append(f"• {SHORT_NAMES[key]}: {said}" if len(keys) > 1 else said)
        citations += _citations(answers[key].fact.sources, answers[key].fact.as_of, answers[key].fact.verified)
    if not lines:
        return None
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)


def _site_only(url: str) -> bool:
    """An address that names a site, not a page ("https://libelula.info"): never passed off as the page."""
    return re.sub(r"^https?://[^/]+", "", url).strip("/") == ""


def sources_reply(kb: KnowledgeBase, citations: Sequence[Citation]) -> Reply:
    """List the sources behind the last answer, with links and dates."""
    if not citations:
        return Reply(
            "My last message didn't state any facts from my knowledge base. "
            'Ask me a question and then "where is that from?" to see its sources.'
        )
    lines, seen = ["That came from:"], set()
    for citation in citations:
        if citation.source_id in seen:
            continue
        seen.add(citation.source_id)
        source = kb.sources[citation.source_id]
        flag = "" if citation.verified else " (not verified)"
        date = source_date(source)
        link = f"{source.url} (site only: my sources don't give the page)" if _site_only(source.url) else source.url
        lines.append(f"• {source.title} ({source.kind} source{', ' + date if date else ''}){flag}: {link}")
    lines.append(f"The facts in my answer: {as_of_span(citations).lower()}")
    lines.append("These are stored copies I checked; prices and course lists change, so confirm on the programme page.")
    return Reply("\n".join(lines), tuple(citations))


HOW_SURE = (
    "I'm only as sure as my sources. Each fact I give comes from the dated sources listed with it, and when I "
    'couldn\'t confirm something, I say so ("not confirmed", "not verified").'
)


NO_JOB_PROMISED = (
    "No credential guarantees a job, and my sources have no job-placement figures. What they say of its worth:"
)

HOW_CURRENT = (
    "My facts are only as current as my sources, and each answer says when its facts held. The prices I have "
    "are from 2016-2019 or carry no date, so they may well have changed, and I can't check today's prices or "
    "course lists. Before you pay, check the programme's page on edX (some MIT programmes are now on MITx Online)."
)


def how_current_reply(citations: Sequence[Citation]) -> Reply:
    """ "Is that still correct today?": how old my facts are, and those of the last answer."""
    if not citations:
        return Reply(HOW_CURRENT)
    span = as_of_span(citations)
    last = (
        "My last answer's date is unknown."
        if span == "Date unknown."
        else f"My last answer: {span[0].lower()}{span[1:]}"
    )
    return Reply(f"{HOW_CURRENT}\n{last}")


def how_sure_reply(kb: KnowledgeBase, citations: Sequence[Citation]) -> Reply:
    """ "Are you sure?": how far to trust my answers, and the sources of the last one."""
    if not citations:
        return Reply(
            f"{HOW_SURE} Prices and course lists change, so check the programme's page on edX before you pay. "
            'Ask me a question, then "where is that from?" to see its sources.'
        )
    return Reply(f"{HOW_SURE}\n{sources_reply(kb, citations).text}", tuple(citations))


def programme_line(programme: Programme) -> str:
    bits = [programme.institution, programme.kind_label or SHORT_NAMES[programme.credential_type]]
    if programme.courses:
        bits.append(f"{programme.courses} courses")
    if programme.status == "retired":
        bits.append("retired")
    elif programme.status == "uncertain":
        bits.append("details not fully verified")
    return f"• {programme.title} ({', '.join(bits)})"


def _programme_citations(programme: Programme, topics: Sequence[str] = ()) -> Tuple[Citation, ...]:
    """The programme's sources, dated by its price's own date when the answer states its price.

    DEDP's "$100-$1,000 per course (older MIT FAQ, date not given)" was footed "As of 2024",
    the date of other facts about the programme.
    """
    as_of = programme.price_as_of if "cost" in topics and programme.price_as_of else programme.as_of
    return _citations(programme.sources, as_of, programme.status != "uncertain")


def _gist(text: str, enough: int = 80) -> str:
    """The first sentences of ``text``, as many as it takes to say something (``enough`` characters)."""
    gist = ""
    for sentence in re.split(r"(?<=[.!?])" + _NOT_AN_END + r"\s+(?=[A-Z])", text):
        gist = f"{gist} {sentence}".strip()
        if len(gist) >= enough:
            break
    return gist


def no_pathway_line(programme: Programme) -> str:
    """ "Which universities accept it?" of a programme whose credit pathway my sources don't give."""
    return f"My sources name no university that gives credit for the {programme.title}. In general:"


def pathways_reply(kb: KnowledgeBase) -> Tuple[Reply, Tuple[Programme, ...]]:
    """Which universities give credit for which MicroMasters, from the catalogue; and the programmes shown."""
    with_pathway = [
        p for p in kb.programmes if p.credential_type == MICROMASTERS and p.credit_pathway and p.status != "retired"
    ]
    shown = tuple(with_pathway[:2])
    universities = list(dict.fromkeys(p.institution for p in with_pathway))
    lines = [
        f"Usually the university that offers the MicroMasters, and only if it admits you to its master's. "
        f"My sources give a credit pathway for MicroMasters from {len(universities)} universities: "
        f"{', '.join(universities)}.",
        "For example:",
    ]
    lines += [f"• {p.title}: {_gist(p.credit_pathway or '', 60)}" for p in shown]
    lines.append(f'Ask e.g. "tell me about the {universities[-1]} one" for its pathway.')
    citations = tuple(c for p in shown for c in _programme_citations(p))
    lines.append(cite_line(kb, citations))
    return Reply("\n".join(lines), citations), shown


def search_reply(
    kb: KnowledgeBase,
    query: Query,
    results: Sequence[Programme],
    offset: int,
    nearest: Sequence[Programme] = (),
    also: Sequence[Programme] = (),
) -> Reply:
    """A short page of search results, with a way to see more; ``also``: the other kind of credential in the
    same subject ("a Professional Certificate in cybersecurity?": there is a MicroMasters too)."""
    wanted = describe_query(query)
    if not results:
        if nearest:
            lines = [f"I couldn't find any verified {wanted} in my catalogue. The nearest it has:"]
            lines += [programme_line(p) for p in nearest[:PAGE_SIZE]]
            citations = tuple(c for p in nearest[:PAGE_SIZE] for c in _programme_citations(p))
            return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)
        return Reply(
            f"I couldn't find any verified {wanted} in my catalogue of {len(kb.programmes)} programmes. "
            "Try a broader subject (e.g. data science, supply chain, AI, finance) "
            "or an institution (e.g. MIT, Harvard)."
        )
    page = results[offset : offset + PAGE_SIZE]
    header = f"I found {len(results)} {wanted if len(results) != 1 else wanted.replace('programmes', 'programme', 1)}"
    if not (query.subjects or query.institutions):  # "all micromasters": mine, not edX's count
        header = f"My catalogue has {len(results)} {wanted} (only those I could verify, not all of edX's)"
    if offset:
        header = f"More {wanted} ({offset + 1}-{offset + len(page)} of {len(results)})"
    lines = [header + ":"] + [programme_line(p) for p in page]
    remaining = len(results) - offset - len(page)
    buttons: Tuple[Tuple[str, str], ...] = ()
    if remaining > 0:
        lines.append(f'{remaining} more: say "show more".')
        buttons = (("Show more", "/show_more"),)
    if also:
        kind = "MicroMasters programs" if also[0].credential_type == MICROMASTERS else "Professional Certificates"
        kind = kind if len(also) > 1 else kind[:-1]
        lines.append(f"Also in {' or '.join(query.subjects)}: {len(also)} {kind}, e.g. {_listed_name(also[0])}.")
    lines.append('Ask "tell me about <programme>" for details.')
    citations = tuple(c for p in page for c in _programme_citations(p))
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations, buttons)


def _most_common(names: Iterable[str], shown: int = 8) -> str:
    """The ``shown`` names that occur most, then how many more: a short line, not the whole catalogue."""
    counts: Dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts, key=lambda name: (-counts[name], name.lower()))
    more = f" and {len(ranked) - shown} more" if len(ranked) > shown else ""
    return ", ".join(ranked[:shown]) + more


def unknown_topic_reply(kb: KnowledgeBase, topic: str, query: Query) -> Reply:
    """A search for a subject the catalogue lacks: say so, and name the subjects and institutions it has most of.

    The word may be a university's name ("stanford programs"), so both.
    """
    wanted = describe_query(Query((f'"{topic}"',), query.institutions, query.credential_types))
    subjects = _most_common(subject for programme in kb.programmes for subject in programme.subjects)
    institutions = _most_common(programme.institution for programme in kb.programmes)
    return Reply(
        f"I couldn't find any verified {wanted} in my catalogue of {len(kb.programmes)} programmes.\n"
        f"Subjects I have most programmes in: {subjects}.\n"
        f"Institutions: {institutions}.\n"
        'Say "list all programmes" to see them all.'
    )


def only_listed_reply(count: int) -> str:
    """For "the fifth one" when fewer were listed."""
    return f'I only listed {count} programme{"s" if count != 1 else ""}. Which one do you mean, e.g. "the first one"?'


def describe_query(query: Query) -> str:
    """E.g. "MicroMasters programmes in data science from MIT"."""
    kinds = " or ".join(SHORT_NAMES[c] for c in query.credential_types)
    phrase = f"{kinds} programmes" if kinds else "programmes"
    if query.subjects:
        phrase += " in " + " or ".join(query.subjects)
    if query.institutions:
        phrase += " from " + " or ".join(query.institutions)
    return phrase


_UNKNOWN = "not found in my sources"


def _programme_heading(kb: KnowledgeBase, programme: Programme) -> List[str]:
    kind = programme.kind_label or kb.credentials[programme.credential_type].name
    lines = [f"{programme.title} ({programme.institution}, {kind})"]
    if programme.status == "retired":
        lines.append("Note: this programme has been retired; it is listed for reference.")
    elif programme.status == "uncertain":
        lines.append("Note: some details of this programme are not verified.")
    return lines


_MAY_HAVE_MOVED = (
    " in my sources; MIT has moved some MITx programs to its own MITx Online since 2021, so check the program's page"
)


# Each FAQ topic a programme has a field for -> how its line names it.
_FACT_LABELS = {
    "courses": "Courses",
    "duration": "Length and effort",
    "cost": "Price",
    "credit": "Credit pathway",
    "exams": "Courses and exams",
    "pace": "Length and effort",
    "admission": "Credit pathway",
    "about_edx": "Platform",
}


assert frozenset(_FACT_LABELS) == PROGRAMME_TOPICS, "each programme topic has a label on the card"


def _programme_fact_values(programme: Programme) -> Dict[str, str]:
    """The programme's own answer to each FAQ topic it has a field for, without its label."""
    values = {
        "courses": programme.structure or (f"{programme.courses} courses" if programme.courses else _UNKNOWN),
        "duration": programme.duration or _UNKNOWN,
        "cost": _price(programme) or _UNKNOWN,
        "credit": programme.credit_pathway or "no credit pathway found in my sources",
    }
    # Its structure says whether it ends in an exam or capstone, its length how it
    # is paced; without them, the answer for its kind of credential says more.
    if programme.structure:  # "does it have exams?": yes, or that the sources don't say
        said = re.search(r"exam|capstone|proctor", programme.structure, re.IGNORECASE)
        values["exams"] = programme.structure + ("" if said else " (my sources don't say whether it ends in an exam)")
    if programme.duration:  # "is it self-paced?"
        said = re.search(r"paced|on demand|anytime|any time", programme.duration, re.IGNORECASE)
        values["pace"] = values["duration"] + ("" if said else " (my sources don't say whether it is self-paced)")
    if programme.credit_pathway:  # "how do i get into the masters?" about it
        values["admission"] = values["credit"]
    # "is it on edX or MITx Online?": where it runs, not who owns edX.
    values["about_edx"] = programme.platform
    if programme.institution == "MIT" and programme.platform != "MITx Online":
        values["about_edx"] += _MAY_HAVE_MOVED
    return values


_CARD_GIST = {"courses": 160, "duration": 60, "cost": 60, "credit": 120}


def _programme_gists(programme: Programme) -> Dict[str, str]:
    """The card's fields in short: each its first sentences, the price with its estimated total."""
    facts = _programme_facts(programme)
    values = _programme_fact_values(programme)
    for topic, enough in _CARD_GIST.items():
        gist = _gist(values[topic], enough)
        if topic == "cost" and programme.price:  # the estimate, then the gist of the price my sources state
            gist = _estimate(programme) + _gist(_stated_price(programme), enough)
        facts[topic] = f"• {_FACT_LABELS[topic]}: {gist}"
    return facts


def has_more_detail(programme: Programme) -> bool:
    """Its whole card says more than its short one: "tell me more" then has something to add."""
    return bool(programme.notes) or _programme_gists(programme) != _programme_facts(programme)


def _programme_facts(programme: Programme) -> Dict[str, str]:
    """The programme's own answer to each FAQ topic it has a field for, as a labelled line."""
    return {topic: f"• {_FACT_LABELS[topic]}: {value}" for topic, value in _programme_fact_values(programme).items()}


def still_offered_reply(kb: KnowledgeBase, programme: Programme) -> Reply:
    """ "Is it still on edX?" about one programme: retired, or what my sources say and how old they are."""
    citations = _programme_citations(programme)
    if programme.status == "retired":
        text = f"No: the {programme.title} has been retired, so you can't enroll in it; I list it for reference."
    else:
        dated = "carry no date" if programme.as_of == "unknown" else f"date from {programme.as_of}"
        where = "edX" if programme.platform == "edX" else "its platform"  # DEDP: MITx Online, not edX
        text = (
            f"My sources on the {programme.title} {dated}, and they can't tell me whether it is "
            f"still offered today. Platform: {_programme_fact_values(programme)['about_edx']}. "
            f"Search for it on {where} to see whether it is open for enrollment now."
        )
    return Reply("\n".join([text, cite_line(kb, citations)]), citations)


def whose_reply(kb: KnowledgeBase, programme: Programme, named: Sequence[str] = ()) -> Reply:
    """ "Which uni is it from?", "which part of MIT runs it?", "is that upenn?": its institution, and what its
    own facts say of who offers, runs or endorses it (lexicon topics.yml: offered_by)."""
    said = f"the {programme.title} is from {programme.institution}."
    said = f"{'Yes' if programme.institution in named else 'No'}: {said}" if named else said[0].upper() + said[1:]
    cue = default_lexicon().pattern("offered_by")
    texts = (programme.structure, programme.notes, programme.credit_pathway)
    whose = [s.strip() for text in texts if text for s in _SENTENCE_END.split(text) if cue.search(s.lower())]
    if not whose:
        return Reply(said)
    citations = _programme_citations(programme)
    return Reply("\n".join([" ".join([said, *dict.fromkeys(whose)]), cite_line(kb, citations)]), citations)


def programme_kind_line(kb: KnowledgeBase, programme: Programme) -> str:
    """Said before a general answer to a question about one programme ("is the Columbia AI one legit?")."""
    caveat = " (some of its details are not verified)" if programme.status == "uncertain" else ""
    retired = ", now retired," if programme.status == "retired" else ""
    kind = kb.credentials[programme.credential_type].name
    return f"The {programme.title}{retired} is a {kind}{caveat}. What I know about {kind}s in general:"


def programme_topic_reply(
    kb: KnowledgeBase, programme: Programme, topic: str, weekly_hours: Optional[Tuple[float, bool]] = None
) -> Optional[Reply]:
    """A topic question about one named programme ("how much is the MITx supply chain one?").

    None for topics the catalogue has no field for (worth, recognition, ...):
    those are answered for the programme's kind of credential.
    """
    return programme_topics_reply(kb, programme, (topic,), weekly_hours)


def effort_fit_line(programme: Programme, hours: float, told_before: bool = False) -> str:
    """How the learner's hours a week compare with what the programme asks ("how long at 10 hours a week?").

    The sources give no total at a given pace, so the reply compares the hours instead of
    inventing a number of months. ``told_before``: the hours are the ones given to my questions.
    """
    yours = f"With the {hours:g} hours a week you told me" if told_before else f"At {hours:g} hours a week"
    effort = weekly_effort(programme)
    if effort is None:
        return (
            f"{yours}: my sources don't say how many hours a week it asks, so I can't tell how that pace "
            "changes its length."
        )
    asked = f"the {effort[0]:g}-{effort[1]:g} hours a week it asks"
    if hours < effort[0]:
        return (
            f"{yours} you'd have less than {asked}, so expect it to take longer than the schedule above, "
            "and an instructor-paced course may be hard to keep up with."
        )
    if hours > effort[1]:
        return (
            f"{yours} you'd have more than {asked}: self-paced courses could go faster, but "
            "courses on a fixed schedule won't finish much sooner."
        )
    return f"{yours} you'd be within {asked}, so the schedule above should hold."


def programme_topics_reply(
    kb: KnowledgeBase,
    programme: Programme,
    topics: Sequence[str],
    weekly_hours: Optional[Tuple[float, bool]] = None,
) -> Optional[Reply]:
    """Several topics about one programme in one card ("how long and how much is the scm one?"); None as above.

    ``weekly_hours`` (hours, told before): the learner's pace, compared with the length's hours a week.
    """
    facts = _programme_facts(programme)
    if not all(topic in facts for topic in topics):
        return None
    lines = _programme_heading(kb, programme)
    for topic in topics:
        for line in (facts[topic], facts["courses"]) if topic == "duration" else (facts[topic],):
            if line not in lines:
                lines.append(line)
    if weekly_hours is not None and "duration" in topics:
        lines.append(effort_fit_line(programme, *weekly_hours))
    lines.append('Ask "tell me about it" for all its details.')
    citations = _programme_citations(programme, topics)
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)


def _short_note(programme: Programme, most: int = 60) -> Optional[str]:
    """Its note's first sentence when that is short ("Non-technical and aimed at managers."), for a comparison."""
    first = _SENTENCE_END.split(programme.notes or "")[0]
    return first if first and len(first) <= most else None


def _course_names(programme: Programme, enough: int = 70) -> Optional[str]:
    """ "2 courses: AI in Practice: Preparing for AI; Applying AI": the count and the names, cut short."""
    if not programme.courses and not programme.structure:
        return None
    count = f"{programme.courses} courses" if programme.courses else ""
    listed = re.search(r"\d+ courses?(?: plus [^:]*)?: (.+)", programme.structure or "")
    if not listed:
        return count or None
    names = listed.group(1).split(". ")[0].rstrip(".")
    if len(names) > enough:
        names = names[:enough].rsplit(";", 1)[0] + "; ..."
    return f"{count}: {names}" if count else names


def programmes_side_by_side(kb: KnowledgeBase, first: Programme, second: Programme) -> Reply:
    """Two named programmes compared line by line on what the catalogue knows of both, each value in short."""

    def kind(programme: Programme) -> str:
        return programme.kind_label or kb.credentials[programme.credential_type].name

    def gists(programme: Programme) -> Dict[str, Optional[str]]:
        return {
            "Courses": _course_names(programme),
            "Length": _gist(programme.duration, 40) if programme.duration else None,
            "Price": _gist(_price(programme), 40) if _price(programme) else None,
            "Credit pathway": _gist(programme.credit_pathway, 40) if programme.credit_pathway else None,
            "Subjects": ", ".join(programme.subjects) if first.subjects != second.subjects else None,
            "Note": _short_note(programme),
        }

    lines = [
        "Side by side:",
        f"1. {first.title} ({first.institution}, {kind(first)})",
        f"2. {second.title} ({second.institution}, {kind(second)})",
    ]
    one, two = gists(first), gists(second)
    neither = [
        label.lower()
        for label in one
        if one[label] is None and two[label] is None and label not in ("Note", "Subjects")
    ]
    lines += [
        f"• {label}: 1. {one[label] or missing} | 2. {two[label] or missing}"
        for label in one
        for missing in ["—" if label == "Note" else _UNKNOWN]
        if one[label] is not None or two[label] is not None
    ]
    if neither:  # one line for what my sources give neither of
        lines.append(f"• Not in my sources for either: {', '.join(neither)}")
    lines.append('Ask "tell me about the first one" for everything on one of them.')
    ones, twos = _programme_citations(first), _programme_citations(second)
    citations = (*ones[:1], *twos[:1], *ones[1:], *twos[1:])  # the source line names one of each
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)


# How a list of programmes on one topic names it, and why it is not a ranking.
_RANKED_TOPICS = {
    "cost": (
        "price",
        "Prices come from different years and change, so I won't rank them; check today's price on each "
        "programme's page.",
    ),
    "duration": (
        "length",
        "My sources give lengths in different ways (weeks per course, months in all, hours a week), so compare "
        "them with care.",
    ),
}


def _ranked_value(programme: Programme, topic: str) -> str:
    if topic == "cost":
        return _price(programme) or ""
    if programme.duration or not programme.courses:
        return programme.duration or ""
    return f"{programme.courses} courses (my sources give no length)"  # "which is shortest?": what is known


# A topic a programme may have no field for -> the field that answers it instead.
_ANSWERED_BY = {"exams": "courses", "pace": "duration", "admission": "credit"}


def _value_on(programme: Programme, topic: str) -> str:
    """What my sources give for ``programme`` on ``topic``; "" when they give nothing."""
    if topic in _RANKED_TOPICS:
        return _ranked_value(programme, topic)
    values = _programme_fact_values(programme)
    return values.get(topic) or values[_ANSWERED_BY[topic]]


def _first_sentence(text: str) -> str:
    """A value's first sentence: in a list of several programmes, each says only the gist."""
    found = re.search(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", text)
    return text[: found.start() + 1] if found else text


def known_first(programmes: Sequence[Programme], topic: str) -> List[Programme]:
    """Those whose price (or length) my sources give first, in their order: not a ranking, just what is known."""
    return sorted(programmes, key=lambda programme: not _ranked_value(programme, topic))


def _listed_name(programme: Programme) -> str:
    retired = ", retired" if programme.status == "retired" else ""
    return f"{programme.title} ({programme.institution}{retired})"


def programmes_on_topic_reply(kb: KnowledgeBase, programmes: Sequence[Programme], topic: str, which: str) -> Reply:
    """Several programmes on one topic ("which of these is cheapest?", "which one gives credit?").

    Prices and lengths come without a ranking the sources can't support. ``which``
    says which programmes they are ("the programmes I just listed").
    """
    name, caveat = _RANKED_TOPICS.get(topic, (_FACT_LABELS[topic].lower(), ""))
    lines = [f"On {name}, {which}:"]
    values = [_first_sentence(_value_on(p, topic)) for p in programmes[:PAGE_SIZE]]
    for programme, value in zip(programmes[:PAGE_SIZE], values, strict=True):
        lines.append(f"• {_listed_name(programme)}: {value or _UNKNOWN}")
    if len(programmes) > PAGE_SIZE:
        lines.append(f"That's the first {PAGE_SIZE} of {len(programmes)}; name an institution to narrow them down.")
    if caveat and not any(values):
        caveat = f"My sources give none of them a {name}, so I can't compare them; each programme's page on edX has it."
    if caveat:
        lines.append(caveat)
    citations = tuple(c for programme in programmes[:PAGE_SIZE] for c in _programme_citations(programme, (topic,)))
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)


def courses_ranking_reply(kb: KnowledgeBase, programmes: Sequence[Programme], which: str, fewest: bool) -> Reply:
    """ "Which one has the most courses?": the programmes whose course count my sources give, ranked by it."""
    counted = sorted((p for p in programmes if p.courses), key=lambda p: p.courses or 0, reverse=not fewest)
    if not counted:
        return Reply(f"My sources give a course count for none of {which}; each programme's page on edX has it.")
    first, word = counted[0], "fewest" if fewest else "most"
    ties = [p for p in counted if p.courses == first.courses]
    lead = " and ".join(p.title for p in ties)
    lines = [f"Of {which}, {lead} {'have' if len(ties) > 1 else 'has'} the {word} courses: {first.courses}."]
    lines += [f"• {_listed_name(p)}: {p.courses} courses" for p in counted[len(ties) : PAGE_SIZE]]
    uncounted = [p.title for p in programmes if not p.courses]
    if uncounted:
        lines.append(f"My sources give no course count for {' or '.join(uncounted[:3])}.")
    citations = tuple(c for programme in counted[:PAGE_SIZE] for c in _programme_citations(programme, ("courses",)))
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)


# A description that names a word to say it is absent: "does not cover deep learning",
# "Harvard Extension School's Graduate Certificate ... is a different product".
_NEGATED = re.compile(r"\b(not|no|never|without|omits?|lacks?|isn'?t|doesn'?t|different|separate)\b", re.IGNORECASE)


def programmes_mentioning_reply(
    kb: KnowledgeBase, programmes: Sequence[Programme], term: str, named: bool = False
) -> Reply:
    """Which of the programmes just shown my sources describe with ``term`` ("which one uses python?"), and where.

    Silence in a description is not a "no": the course lists in my sources are
    often partial, so the reply says so rather than ruling a programme out.
    """
    found = [(programme, mentions(programme, term)) for programme in programmes]
    silent = " or the ".join(programme.title for programme, part in found if not part)
    unsure = "That doesn't rule it out: the course lists in my sources are often partial, so check"
    which = "the two you named" if named else "the programmes I just listed"
    if len(programmes) == 1:
        part = found[0][1]
        if not part:
            lines = [f"My sources don't mention {term} for the {silent}. {unsure} its page on edX."]
        elif _NEGATED.search(part):  # "a review says CSMM.102x does not cover deep learning"
            lines = [f'Not as far as my sources say. About {term}, they say of the {programmes[0].title}: "{part}".']
        else:
            lines = [f'Yes: my sources mention {term} for the {programmes[0].title}: "{part}".']
    elif not any(part for _, part in found):
        lines = [f"My sources don't mention {term} for {which}. {unsure} their pages on edX."]
    else:
        lines = [f"Of {which}, my sources mention {term} for:"]
        lines += [f'• {_listed_name(programme)}: "{part}"' for programme, part in found if part]
        if silent:
            lines.append(f"They don't mention it for the {silent}. {unsure} its page on edX.")
    citations = tuple(c for programme in programmes for c in _programme_citations(programme))
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)


def asked_details(programme: Programme, wanted: str) -> List[str]:
    """The sentences of a programme's whole card that hold the question's own words ("whats the pass mark for
    the uq sustainable energy micromasters": "pass mark 70%"), beyond its name, its subjects and question words."""
    asked = detail_stems(programme, wanted)
    values = _programme_fact_values(programme)
    texts = [values[topic] for topic in ("courses", "duration", "cost", "credit")] + [programme.notes or ""]
    sentences = list(dict.fromkeys(s for text in texts for s in _SENTENCE_END.split(text) if s))
    words = [stems(sentence) for sentence in sentences]
    spread = {w: sum(w in found for found in words) for w in asked}
    weight = [sum(1 / spread[w] for w in asked & found) for found in words]  # the rarer the word, the more it says
    best = sorted((i for i in range(len(sentences)) if weight[i]), key=lambda i: -weight[i])[:2]
    return [sentences[i] for i in sorted(best)]


def programme_reply(
    kb: KnowledgeBase,
    programme: Programme,
    others: Sequence[Programme] = (),
    whole: bool = False,
    wanted: str = "",
    note: str = "",
) -> Reply:
    """One programme's card; unknown fields are said to be unknown. By default each field in short (its first
    sentences) and no notes, with "tell me more" offered when that left something out; ``whole``: everything.
    The sentences that answer the question's own words (``wanted``) come first when the short card lacks them."""
    facts = _programme_facts(programme) if whole else _programme_gists(programme)
    shown = [facts[topic] for topic in ("courses", "duration", "cost", "credit")]
    asked = [] if whole else [s for s in asked_details(programme, wanted) if not any(s in f for f in shown)]
    lines = (
        _programme_heading(kb, programme)
        + [f"• On your question: {' '.join(asked)}"] * bool(asked)
        + [
            facts["courses"],
            facts["duration"],
            facts["cost"],
            facts["credit"],
            f"• Subjects: {', '.join(programme.subjects)}; platform: {programme.platform}",
        ]
    )
    if programme.notes and whole:
        lines.append(f"• Note: {programme.notes}")
    if not whole and has_more_detail(programme):
        lines.append('Say "tell me more" for the rest of what my sources say about it.')
    if others:
        lines.append("Did you mean another one? Also matching: " + "; ".join(p.title for p in others))
    if note:  # "It is the only programme in supply chain in my catalogue."
        lines.append(note)
    citations = _programme_citations(programme)
    lines.append(cite_line(kb, citations))
    return Reply("\n".join(lines), citations)


def _price(programme: Programme) -> Optional[str]:
    """The price as my sources state it, with the estimated total the recommendation uses, if any."""
    if not programme.price:
        return None
    return f"{_estimate(programme)}{_stated_price(programme)}"


def _stated_price(programme: Programme) -> str:
    dated = programme.price_as_of and programme.price_as_of != "unknown"
    return f"{programme.price} (as of {programme.price_as_of})" if dated else str(programme.price)


def _estimate(programme: Programme) -> str:
    """The estimated total the recommendation uses, said first: "how much is it?" asks for the whole."""
    if programme.estimated_total is None:
        return ""
    count = f" for all {programme.courses} courses" if programme.courses else ""
    return f"About ${programme.estimated_total:,} in total{count} (my estimate, not a published price). "


def claim_reply(kb: KnowledgeBase, claim: UnverifiedClaim, alternatives: Sequence[Programme]) -> Reply:
    """An honest answer to a programme the sources do not support."""
    # "I can't confirm X. I found no X ..." said it twice.
    lead = (
        ""
        if claim.answer.startswith(("I couldn't find", "I could not confirm"))
        else f"I can't confirm {claim.claim}. "
    )
    lines = [f"{lead}{claim.answer}"]
    citations = _citations(claim.sources, claim.as_of)
    if alternatives:
        lines.append("What my catalogue has instead:")
        lines += [programme_line(p) for p in alternatives]
        citations += tuple(c for p in alternatives for c in _programme_citations(p))
    lines.append(cite_line(kb, citations))
    return Reply("\n".join(lines), citations)


def other_institution_reply(
    kb: KnowledgeBase, other: OtherInstitution, query: Query, nearest: Sequence[Programme]
) -> Reply:
    """ "Tell me about the Stanford MicroMasters in CS": none from there in my catalogue, and what there is instead."""
    named = named_programme(Query(query.subjects, (other.name,), query.credential_types))
    lines = [
        f"I can't find {_a(named)} {named} in my catalogue: none of the {len(kb.programmes)} programmes I could "
        f"verify is from {other.name}, so I can't say what it offers on edX."
    ]
    citations = _citations(other.sources, other.as_of)
    if other.note:
        lines[0] += f" {other.note}"
    if nearest:
        wanted = describe_query(Query(query.subjects, (), ()))
        lines.append(f"The {wanted} in my catalogue:" if query.subjects else "What my catalogue has instead, e.g.:")
        lines += [programme_line(p) for p in nearest[:3]]
        citations += tuple(c for p in nearest[:3] for c in _programme_citations(p))
    lines.append(f"edX's own catalogue is the place to check {other.name}'s current programmes.")
    return Reply("\n".join(lines + ([cite_line(kb, citations)] if citations else [])), citations)


def _a(phrase: str) -> str:
    """The indefinite article for ``phrase``: "an MIT programme", "a Stanford MicroMasters"."""
    first = phrase.split()[0] if phrase.split() else ""
    vowel_sound = first[:1].lower() in "aeio" or (first.isupper() and first[:1] in "AEFHILMNORSX")
    return "an" if vowel_sound else "a"


def named_programme(query: Query) -> str:
    """What a message named, as a programme: "MIT MicroMasters in quantum technology"."""
    kind = " or ".join(SHORT_NAMES[c] for c in query.credential_types) or "programme"
    subjects = " in " + " or ".join(query.subjects) if query.subjects else ""
    return " ".join([*query.institutions[:1], kind]) + subjects


def not_found_reply(kb: KnowledgeBase, nearest: Sequence[Programme], query: Optional[Query] = None) -> Reply:
    """A programme named that my catalogue lacks: said first, in the words of what was named."""
    named = query is not None and not query.is_empty
    missing = (
        f"I couldn't find any {named_programme(query)} in my catalogue" if named else "I couldn't find that programme"
    )
    if not nearest:
        opening = f"{missing}, and I won't guess about programmes I can't verify."
        return Reply(opening + ' Try "which data science programmes are there?" or name the institution and subject.')
    lines = [f"{missing}. The closest in my catalogue:", *(programme_line(p) for p in nearest)]
    same = [p for p in nearest if query and query.credential_types and same_but_kind(p, query)]
    if same:  # "harvardx data science, is that a micromasters?": no, it is the other kind
        kind = kb.credentials[same[0].credential_type].name
        asked = named_programme(Query((), (), query.credential_types))
        lines[0] = (
            f"No: the {same[0].title} is a {kind}, not a {asked}; "
            f"there is no {named_programme(query)} in my catalogue."
        )
        lines[1:] = [programme_line(p) for p in nearest if p is not same[0]][:2]
        lines[1:1] = ["Other close ones:"] if len(lines) > 1 else []
    citations = tuple(c for p in nearest for c in _programme_citations(p))
    return Reply("\n".join(lines + [cite_line(kb, citations)]), citations)


def same_but_kind(programme: Programme, query: Query) -> bool:
    """The programme the query names (its institution and subject), asked for as the other kind."""
    return (
        bool(query.institutions)
        and programme.institution in query.institutions
        and (not query.subjects or bool(set(query.subjects) & set(programme.subjects)))
        and programme.credential_type not in query.credential_types
    )


def _joined(parts: Sequence[str]) -> str:
    """ "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _other_kind(kb: KnowledgeBase, credential_type: str) -> str:
    return next(kind for kind in kb.credentials if kind != credential_type)


def recommendation_reply(kb: KnowledgeBase, recommendation: Recommendation) -> Reply:
    """The recommendation, short: the credential, the answers for and against it, the trade-off, and up to
    three programmes of it in the learner's subject that fit their time and budget (the reasons in full on "why?")."""
    chosen = recommendation.credential_type
    lines = [f"My recommendation: a {kb.credentials[chosen].name}."]
    if recommendation.said_for:
        lines.append(f"Why: {_joined(recommendation.said_for)}.")
    else:
        lines.append("Why: your answers don't point strongly either way, so I suggest the smaller commitment first.")
    if recommendation.without_goal_or_credit:
        lines.append(
            "With your goal and credit left out, this rests on time and budget alone; they weigh most, so telling "
            "me either may change it."
        )
    if recommendation.said_against:
        other = kb.credentials[_other_kind(kb, chosen)].name
        lines.append(f"Pointing to a {other} instead: {_joined(recommendation.said_against)}.")
    lines.append(f"Trade-off: {trade_off(chosen)}")
    citations: Tuple[Citation, ...] = ()
    for attribute in ("credit", "time_commitment"):
        fact = kb.credentials[chosen].attributes[attribute]
        citations += _citations(fact.sources, fact.as_of, fact.verified)
    if recommendation.tight_budget:
        aid = kb.faq["financial_aid"][chosen]
        lines.append(f"On a tight budget, financial aid: {aid.summary}")
        citations += _citations(aid.fact.sources, aid.fact.as_of, aid.fact.verified)
    lines += _examples_lines(kb, recommendation)
    citations += tuple(c for p in recommendation.programmes for c in _programme_citations(p))
    lines.append(cite_line(kb, citations))
    lines.append('Ask "why?" for the reasoning, compare the two credentials, or say "start over".')
    return Reply("\n".join(lines), citations)


def _limits_said(profile: Profile, limits: Sequence[str]) -> str:
    """The learner's limits a programme could go beyond, in their terms: "2 months and a budget of about $300"."""
    said = {
        TIME: f"{profile.horizon_months or 0:g} months",
        HOURS: describe_hours(profile.weekly_hours or 0),
        BUDGET: _budget_said(profile.budget or 0),
    }
    return _joined([said[limit] for limit in limits])


def _budget_said(budget: float) -> str:
    described = describe_budget(budget)
    return {"small": "a small budget", "nothing to spend": "no budget"}.get(described, f"a budget of {described}")


def _examples_lines(kb: KnowledgeBase, recommendation: Recommendation) -> List[str]:
    """What the examples are (or that none fits, and the closest), one line each, and what my sources lack."""
    examples, profile = recommendation.examples, recommendation.profile
    if not examples.fits:
        return []
    kinds = f"{kb.credentials[examples.credential_type].name}s"
    named = f"{examples.subject} {kinds}" if examples.subject else kinds
    lacking = ""
    if examples.lacking:
        lacking = f"I have no programmes in {examples.lacking}"
    elif examples.credential_type != recommendation.credential_type:
        lacking = f"I know no {examples.subject} {kb.credentials[recommendation.credential_type].name}s"
    if examples.none_fit:
        head = f"none of the {named} I know fits {_limits_said(profile, examples.none_fit)}; the closest:"
        head = f"{lacking}, and {head}" if lacking else head
    else:
        unknown = _unknown_limits(examples, profile)
        head = f"{named} to look at{' instead' if lacking else ''}{'' if examples.subject else ', from any subject'}"
        head = f"{lacking}; {head}" if lacking else head
        head += f" (my sources don't say {unknown}):" if unknown else ":"
    lines = [head[0].upper() + head[1:]]
    lines += [_example_line(fit, profile) for fit in examples.fits]
    if all(lacks_wanted_credit(p, profile.wants_credit) for p in examples.programmes):
        lines.append(
            'None of these has a credit pathway in my sources; ask "which universities accept it?" for those that do.'
        )
    return lines


def _example_line(fit: Fit, profile: Profile) -> str:
    """One example programme: who offers it, how well my sources know it, and how it fits, where they say."""
    programme = fit.programme
    bits = [programme.institution] + ([f"{programme.courses} courses"] if programme.courses else [])
    if programme.existence_only:
        bits.append("my sources show only that it exists")
    elif programme.status == "uncertain":
        bits.append("details not fully verified")
    notes = [miss.said for miss in fit.misses] + list(fit.fits)
    if lacks_wanted_credit(programme, profile.wants_credit):
        notes.append("no credit pathway found in my sources")
    return f"• {programme.title} ({', '.join(bits)})" + (f": {'; '.join(notes)}" if notes else "")


def _unknown_limits(examples: Examples, profile: Profile) -> str:
    """What my sources say of none of the examples, of the learner's months and budget ("how long they take")."""
    given = {
        TIME: profile.horizon_months is not None,
        BUDGET: profile.budget is not None and profile.budget < NO_BUDGET_LIMIT,
    }
    known = {TIME: programme_length, BUDGET: programme_cost}
    unknown = [limit for limit in (TIME, BUDGET) if given[limit] and not any(map(known[limit], examples.programmes))]
    said = {TIME: "how long they take", BUDGET: "what they cost in total"}
    return " or ".join(said[limit] for limit in unknown)


def trade_off(chosen: str) -> str:
    if chosen == MICROMASTERS:
        return (
            "a MicroMasters asks more: graduate-level work, more hours a week and usually a proctored exam, and it "
            "counts toward a master's only if a university admits you."
        )
    # Not "quicker and usually cheaper": the sources give fewer hours a week, but
    # lengths up to a year and a half (HarvardX Data Science) and rarely a total price.
    return (
        "a Professional Certificate asks fewer hours a week and no graduate-level work, but it is not a step "
        "toward a degree, and its length and total price vary by program."
    )


# An answer the learner was not sure of ("not sure", "skip"), left out of the recommendation.
_NOT_DECIDED = "not decided, so left out"
UNSURE_NOTED = "No problem: I'll leave that out of the recommendation."
CONFIRMED = "Good, thanks."
TELL_ME_IF_WRONG = "Tell me if that's wrong."
# The answers "why?" goes through, and what it calls them.
_EXPLAINED = (("goal", "Goal"), ("wants_credit", "Credit toward a master's"), ("time", "Time"), ("budget", "Budget"))


def explain_reply(
    kb: KnowledgeBase, profile: Profile, recommendation: Recommendation, challenged: bool = False
) -> Reply:
    """Answer "why?" from the learner's own answers, one line each, with the whole reason each points one way.

    ``challenged``: "where did I say that?"; the answers are what I read from the
    learner's words, which may be wrong, so the reply says so first.
    """
    chosen = recommendation.credential_type
    name = kb.credentials[chosen].name
    lines = [f"I recommended a {name} because of what you told me:"]
    if challenged:
        lines = [
            "Sorry if I read you wrong. These are the answers I took from what you said, and how I used them "
            f"to recommend a {name}:"
        ]
    other = kb.credentials[_other_kind(kb, chosen)].name
    reasons: Dict[str, List[str]] = {}
    for vote in votes(profile):
        points = "" if vote.side == chosen else f" (this points to a {other})"
        reasons.setdefault("time" if vote.slot in TIME_SLOTS else vote.slot, []).append(vote.reason + points)
    for slot, label in _EXPLAINED:
        said = "; ".join(reasons.get(slot, [])) or _neither_way(profile, slot)
        lines.append(f"• {label}: {said}.")
    lines.append(f"• Subject: {profile.subject if profile.subject and profile.subject != ANY_SUBJECT else 'open'}.")
    weighing = (
        "How I weigh them: credit counts most (only a MicroMasters can count toward a master's), "
        "then your goal; time and budget tip the balance."
    )
    if profile.wants_credit and chosen != MICROMASTERS:
        weighing += " Here your other answers together outweighed credit: a MicroMasters later is still open to you."
    lines.append(weighing)
    lines.append('To change an answer, just tell me (e.g. "actually my budget is $2,000"), or say "start over".')
    return Reply("\n".join(lines))


def _neither_way(profile: Profile, slot: str) -> str:
    """An answer that cast no vote: left out, or in between ("about 7 hours a week, which points neither way")."""
    if slot != "time" or (profile.weekly_hours is None and profile.horizon_months is None):
        return _NOT_DECIDED
    time = [describe_hours(profile.weekly_hours)] if profile.weekly_hours is not None else []
    time += [f"over {describe_horizon(profile.horizon_months)}"] if profile.horizon_months is not None else []
    return f"{', '.join(time)}, which points neither way"


def why_not_reply(kb: KnowledgeBase, profile: Profile, recommendation: Recommendation, programme: Programme) -> str:
    """ "Why not the MIT one?" after a recommendation: what in the learner's answers weighs against it, if anything."""
    recommended = kb.credentials[recommendation.credential_type].name
    kind = programme.kind_label or kb.credentials[programme.credential_type].name
    against = []
    if programme.credential_type != recommendation.credential_type:
        against.append(f'it is a {kind}, and I recommended a {recommended} from your answers (ask "why?")')
    against += [f"it {miss.said}" for miss in fit_of(programme, profile).misses]
    if lacks_wanted_credit(programme, profile.wants_credit):
        against.append("credit matters to you, and my sources show no credit pathway for it")
    if programme.status == "retired":
        against.append("it has been retired")
    if not against:
        return (
            f"Nothing in your answers rules out the {programme.title}: it is a {kind}, as I recommended. "
            'Ask "tell me about it" for its details.'
        )
    return f"The {programme.title} is worth a look, but " + "; ".join(against) + ". You can still choose it."


def _answer_phrases(changes: Mapping[str, Any], now: str) -> str:
    phrases = {
        "goal": lambda v: f"your goal is{now} {_describe_goal(str(v))}",
        "wants_credit": lambda v: f"credit toward a master's{now} {_describe_credit(bool(v))} to you",
        "weekly_hours": lambda v: f"you{now} have {describe_hours(float(v))}",
        "horizon_months": lambda v: f"you can{now} give it {describe_horizon(float(v))}",
        "budget": lambda v: f"your budget is{now} {describe_budget(float(v))}",
        "subject": lambda v: f"your subject is{now} {v if v != ANY_SUBJECT else 'open'}",
    }
    return "; ".join(phrases[slot](value) for slot, value in changes.items() if slot in phrases)


def supposed_reply(changes: Mapping[str, Any], credential_name: str, same: bool, against: Sequence[str] = ()) -> str:
    """ "What if I had more money?" after a recommendation: what it would be, without changing the answers."""
    phrases = []
    for slot, value in changes.items():
        if slot == "weekly_hours":
            phrases.append(describe_hours(float(value)))
        elif slot == "horizon_months":
            phrases.append(describe_horizon(float(value)))
        elif slot == "budget" and float(value) >= NO_BUDGET_LIMIT:
            phrases.append("no fixed budget")
        elif slot == "budget":
            phrases.append(
                "a small budget" if float(value) == LOW_BUDGET else f"a budget of {describe_budget(float(value))}"
            )
        elif slot == "goal":
            phrases.append(f"the goal of {_describe_goal(str(value))}")
        elif slot == "wants_credit":
            phrases.append("credit mattering" if value else "credit not mattering")
        elif slot == "subject":
            phrases.append(f"{value} as your subject")
    verdict = f"I'd still recommend a {credential_name}" if same else f"I'd recommend a {credential_name} instead"
    # What the supposition itself says against it ("you have about 3 hours a week"): said, not left out.
    though = ""
    if against and same:
        though = f"; that change points the other way ({_joined(list(against))}), but your other answers outweigh it"
    return (
        f"With {' and '.join(phrases)}, {verdict}{though}. Your answers stay as they were; to change one, say "
        'e.g. "actually my budget is $2,000".'
    )


def still_recommended_reply(credential_name: str) -> str:
    """After a change of answers that leaves the credential as it was: said first, then the details again."""
    return f"That doesn't change the credential I'd suggest: still a {credential_name}. With your new answers:"


def changed_reply(changes: Mapping[str, Any]) -> str:
    """Acknowledge answers the learner changed ("actually my budget is $2,000")."""
    return f"Got it: {_answer_phrases(changes, ' now')}."


def carried_reply(answers: Mapping[str, Any], before: bool = True) -> str:
    """Answers taken from before the questions started (or from the message that started them), said so
    that a wrong guess can be put right."""
    said = "From what you said before" if before else "From what you said"
    return f"{said}: {_answer_phrases(answers, '')}. {TELL_ME_IF_WRONG}"


def noted_reply(answers: Mapping[str, Any]) -> str:
    """Acknowledge answers to other questions than the one asked ("5 hours a week", asked about credit)."""
    return f"Noted: {_answer_phrases(answers, '')}."


def already_noted_reply(answers: Mapping[str, Any]) -> str:
    """ "I told you, 3 hrs": the answer was taken the first time; not "Sorry, I didn't catch your goal"."""
    return f"Yes, I have that already: {_answer_phrases(answers, '')}."


# A budget in a currency my rate table lacks: the prices in my sources are in dollars.
OTHER_CURRENCY = (
    "My prices are in US dollars, and I have no exchange rate for that currency: roughly how much is that in dollars?"
)
TINY_BUDGET = (
    'That seems very little for a whole credential: please give the budget in US dollars, e.g. "about $800", '
    'or say "nothing" if you can\'t pay.'
)
BAD_HOURS = 'I need a number of hours per week between 1 and 80, e.g. "about 6 hours a week".'
NOT_A_SUBJECT = 'Sorry, I didn\'t catch the subject. Try e.g. "data science", "supply chain" or "not sure".'


def read_back_reply(readings: Sequence[str]) -> str:
    """How the bot took answers given without a plain figure ("1000 euro, about $1,039 at ...")."""
    return "Noted: " + "; ".join(readings) + "."


def unlisted_subject_reply(subject: str) -> str:
    return f'I have no programmes in "{subject[:60]}" in my catalogue, so I\'ll suggest programmes from any subject.'


# "so now what do you recommend?" after two answers or more: the rest are left out.
RECOMMENDING_WITH_WHAT_I_HAVE = "OK, here's my recommendation from what you've told me so far; the rest I'll leave out."
# "what would you recommend?" or "help me choose" said to one of the first questions.
ALREADY_CHOOSING = (
    'That\'s what these questions are for: your answers decide my recommendation. Say "skip" to leave one out.'
)


def _describe_goal(goal: Optional[str]) -> str:
    return {GOAL_GRADUATE: "deep, graduate-level expertise", GOAL_SKILLS: "a practical job skill, soon"}.get(
        str(goal), _NOT_DECIDED
    )


def _describe_credit(wants_credit: Optional[bool]) -> str:
    return {True: "matters", False: "doesn't matter"}.get(wants_credit, _NOT_DECIDED)  # type: ignore[arg-type]
