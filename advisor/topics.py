"""Which FAQ topic a short question names ("which one is cheaper?", "what about the cost?").

Comparative questions are trained as ``ask_difference``, whose answer is the
general difference. "Which is cheaper?" deserves the two credentials' costs
side by side instead, so the FAQ action asks this module for the attribute
the question compares. A follow-up such as "what about the cost?" or "and how
much?" is classified as a bare follow-up; it names its topic the same way.
One topic named: that topic. None, or several ("difference in price and
length"): the general difference, or no topic.

The same word tables say what a message asks to rank programmes on ("which
is the cheapest?") and what it asks about that the sources do not cover at
all ("can I do it in Spanish?"), so that those get honest answers too.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, Optional, Pattern, Tuple

from advisor.knowledge import WORD_ONLY_FAQ_TOPICS
from advisor.matching import normalise

# FAQ topic -> words that name it (whole words, after normalise()).
TOPIC_WORDS: Dict[str, Tuple[str, ...]] = {
    "cost": tuple(
        "cheap cheaper cheapest expensive pricier pricey costlier cost costs price prices priced "
        "money afford affordable fees budget".split()
    )
    + ("how much", "people spend", "people usually spend", "usually spend", "typically spend"),
    "duration": tuple(
        "long longer longest short shorter shortest faster fastest quicker quickest time hours weeks "
        "months duration length workload effort".split()
    ),
    "level": tuple(
        "hard harder hardest easy easier easiest tough tougher difficult difficulty prerequisites "
        "rigorous demanding beginner beginners newbie novice".split()
    ),
    "credit": (
        "credit",
        "credits",
        "count toward",
        "count towards",
        "counts toward",
        "counts towards",
        "count for a masters",
        "count for a master's",
        "count for a degree",
        "count at",
        "counts at",
    ),
    "tracks": (
        "audit",
        "auditing",
        "audited",
        "audit track",
        "verified track",
        # Free of charge (not "free time"): auditing is the free part.
        "anything free",
        "for free",
        "is it free",
        "free of charge",
        "edx free",
        "free on edx",
        "free courses",
        "free option",
        "free version",
        "without paying",
        # What the certificate shows: the verified track's answer says (not the grade).
        "show my grade",
        "shows my grade",
        "show the grade",
        "shows the grade",
        "show my grades",
        "grade on the certificate",
        "grades on the certificate",
        "what does the certificate show",
        "what does the certificate look like",
    ),
    "financial_aid": (
        "financial aid",
        "financial assistance",
        "financial help",
        "aid",  # "how many times can i apply for aid?"
        "scholarship",
        "scholarships",
        "fee waiver",
        "discount",
        "discounts",
    ),
    "refunds": ("refund", "refunds", "refunded", "refundable", "money back"),
    "expiry": ("expire", "expires", "expired", "expiry", "expiration", "expiring", "valid forever", "lifetime"),
    "entrance_tests": ("gre", "gmat", "toefl", "ielts", "duolingo english test", "entrance exam", "entrance test"),
    "completion": (
        "completion rate",
        "completion rates",
        "finish rate",
        "pass rate",
        "dropout",
        "dropouts",
        "dropout rate",
        "drop out rate",
        "how many people finish",
        "people have finished",
        "people finished",
        "finished a micromasters",
        "percentage of learners",
        "percent of learners",
        "learners complete",
        "learners finish",
        "people who complete",
        "complete a micromasters",
        "finish a micromasters",
        "how many finish",
        "how many people complete",
        "how many complete",
        "how many people pass",
        "how many pass",
        "actually finish",
        "actually complete",
        "percentage of people",
        "people finish",
        "people drop out",
        "drop out",
        "drops out",
        "give up",
        "gives up",
    ),
    "recognition": tuple(
        "respected recognized recognised recognition prestige prestigious reputation employers valued accredited "
        "accreditation".split()
    )
    + ("who issues", "issued by", "who awards", "whose name", "name on the certificate"),
    "exams": tuple(
        "exam exams examination examinations proctored proctoring proctor capstone capstones tests quizzes "
        "assessments graded grading".split()
    )
    + ("final exam", "final test"),
    "pace": (
        "own pace",
        "my pace",
        "own speed",
        "own time",
        "self paced",
        "selfpaced",
        "instructor paced",
        "learner paced",
        "live classes",
        "live lectures",
        "live sessions",
        "fixed schedule",
        "flexible schedule",
        "on demand",
    ),
    # Whether it fits around work and family ("is it realistic with a full-time job?").
    "workload": (
        "full time job",
        "full time work",
        "work full time",
        "working full time",
        "while working",
        "alongside work",
        "alongside my job",
        "alongside a job",
        "around my job",
        "around work",
        "with a job",
        "with kids",
        "with children",
        "with a family",
        "juggle",
        "juggling",
        "realistic",
        "manageable",
        "doable",
        "hours enough",
        "hours a week enough",
        "enough time",
        "too much",
    ),
    # edX's other credentials, and credit toward a bachelor's ("does a micromasters count toward a bachelors?").
    "other_credentials": (
        "microbachelors",
        "micro bachelors",
        "micro bachelor",
        "microbachelor",
        "xseries",
        "x series",
    ),
    # Who runs edX ("is edx still a nonprofit?", "who owns edx?").
    "about_edx": (
        "nonprofit",
        "non profit",
        "for profit",
        "2u",
        "who owns edx",
        "who runs edx",
        # What edX is ("is edx a real university?", "is edx legit?"); "what is edx?" below.
        "edx legit",
        "edx a scam",
        "edx real",
        "edx a real",
        "edx a university",
        "edx a college",
        "edx the same as",
        "edx part of",
        "is edx harvard",
        "is edx mit",
        "owned by",
        "mitx online",
        "axim",
        # Its history ("when was edx founded?", "did 2u go bankrupt?").
        "edx founded",
        "founded edx",
        "edx start",
        "edx started",
        "bought edx",
        "buy edx",
        "acquired edx",
        "acquire edx",
        "bankrupt",
        "bankruptcy",
        "chapter 11",
        # Where a programme runs ("is it on edx?" after DEDP, which moved to MITx Online).
        "is it on edx",
        "is this on edx",
        "is that on edx",
        "is it even on edx",
        "which platform",
        "what platform",
    ),
    # Asking about age, not saying it ("I'm 40 years old and ..."); "a 17 year old" below.
    "age": (
        "age limit",
        "age limits",
        "age requirement",
        "age restriction",
        "age restrictions",
        "age requirements",
        "certain age",
        "what age",
        "any age",
        "how old do",
        "minimum age",
        "maximum age",
        "too old",
        "too young",
        "too late",
        "at my age",
        "high school student",
        "high school students",
        "high schooler",
        "teenager",
        "teenagers",
        "retiree",
        "retirees",
    ),
}


def _any_of(words: Iterable[str]) -> Pattern[str]:
    """A pattern matching any of ``words`` (or phrases) as whole words."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _whole_words(table: Dict[str, Tuple[str, ...]]) -> Dict[str, Pattern[str]]:
    """One pattern per key, matching any of its words or phrases as whole words."""
    return {key: _any_of(words) for key, words in table.items()}


_PATTERNS = _whole_words(TOPIC_WORDS)
# "What is edX?", but not "what is edx micromasters?", which asks what a MicroMasters is.
_PATTERNS["about_edx"] = re.compile(
    rf"{_PATTERNS['about_edx'].pattern}"
    r"|\bwhat(?:s|'s| is) (?:the )?edx\b(?!'s)(?! (?:micro|mm|pro|pc|cert|program|course))"
)
_PATTERNS["age"] = re.compile(rf"{_PATTERNS['age'].pattern}|\ban? \d{{1,2}} ?(?:year|yr)s? old\b")

# "Is it a degree?" is asked in sentences rather than words: a MicroMasters or
# a certificate set against a (real, full ...) master's or degree. "Does it
# count toward a master's degree" is about credit and does not match.
_MASTERS = r"(?:masters?|master's|msc|mba|degree)"
_PATTERNS["degree"] = re.compile(
    rf"\b(?:real|actual|proper|full|accredited|regular|traditional) {_MASTERS}\b"
    rf"|\b(?:same as|same like|same thing as|like|similar to|equivalent to|equal to|instead of|rather than"
    rf"|vs|versus|compared to|compared with|or|and|than)"
    rf" (?:a |an |the )?(?:full |real |regular |traditional |proper |actual )?{_MASTERS}\b"
    rf"|\b(?:is|isn't|is not|count as|counts as) (?:a |an )?(?:micromasters|it|this|that|pc|professional certificate)"
    rf"(?: program| programme| credential)? (?:a |an |the same as an? )?{_MASTERS}\b"
    rf"|\b(?:give|gives|award|awards|grant|grants) (?:you |me )?(?:a |an )?{_MASTERS}\b"  # "micromaster give degree?"
    r"|\b(?:micro ?masters?|it|this|that|pc|pcs|certificates?|professional certificates?|credentials?)"
    r" (?:count|counts|counted|qualify|qualifies|pass|passes) as"
    rf" (?:a |an )?(?:real |full |actual |proper )?{_MASTERS}\b"
    r"|\b(?:a |the )?diplomas?\b"  # "do I get a diploma?": a credential, not a degree
)


# How many courses a credential has ("how many courses is a micromasters?", "I read they are five or
# more courses, true?"); "how many courses have you got on AI" is a search, said by its subject.
_PATTERNS["courses"] = re.compile(
    r"\bhow many (?:courses|classes|modules|mooc?s)\b|\bnumber of (?:courses|classes|modules)\b"
    r"|\b(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)(?: or more| to \w+| \w+ to \w+)? (?:courses|classes)\b"
    r"(?=.*\b(?:true|right|correct|really|typically|usually|always|normally|is that|are they|is it)\b)"
    # A count stated as what they are ("and that they're five or more courses?", "certificates are 3-5 courses").
    r"|\b(?:they'?re|they are|(?:are|is)(?: \w+){0,3}) (?:only |just |about |around )?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?: or more| to \w+| \w+ to \w+| \d+)?"
    r" (?:courses|classes)\b"
    r"|\b(?:typically|usually|normally|always) (?:\w+ ){0,5}(?:courses|classes)\b"
)

# What the master's costs, not the MicroMasters ("how much does the mit blended master semester cost",
# "masters degree tuition"): it got the MicroMasters' price. "micro masters" is the credential.
_MASTERS_DEGREE = (
    r"(?<!micro )\b(?:master'?s?|msc|mba|blended (?:program\w*|master'?s?|semester))\b"
    r"(?! ?(?:program|programme)s? on edx)"
)
_COSTING = r"\b(?:how much|cost|costs|price|prices|tuition|fees?|expensive|pricey|pay)\b"
_PATTERNS["masters_cost"] = re.compile(
    rf"{_COSTING}[^.?!]{{0,40}}{_MASTERS_DEGREE}|{_MASTERS_DEGREE}[^.?!]{{0,40}}{_COSTING}"
)

# Credit toward a bachelor's, not having one ("I already have a bachelor's", "without a bachelor degree").
_PATTERNS["other_credentials"] = re.compile(
    rf"{_PATTERNS['other_credentials'].pattern}"
    r"|\b(?:count|counts|counted|credit|credits|toward|towards)\b[^.?!]{0,30}\b(?:bachelor'?s?|undergrad\w*)\b"
)

# "How many micromasters are there?", "how many universities offer micromasters": a count of
# edX's programmes, which my sources give only as a history. "How many from MIT?" is a search.
_PATTERNS["how_many"] = re.compile(
    r"(?!.*\byour?\b)"  # "how many programmes do you have in total?" asks for my catalogue: a search
    r"\bhow many (?:micro ?masters?|mm|programs?|programmes?|professional certificates?|pro certs?|certificates?"
    r"|credentials?|universities|schools|institutions|people|learners)\b"
    r"(?=.*\b(?:are there|were there|is there|exist|does edx|do edx|on edx|edx (?:has|have|offers?)|in total|total"
    r"|offer|have earned|earned|got|have been)\b)"
)


# Topics no intent is trained for: named, they decide the answer whatever the
# intent, and win over the broader topics ("does financial aid cover the cost").
WORD_ONLY_TOPICS = frozenset(WORD_ONLY_FAQ_TOPICS)

# A specific topic that yields to another named with it: "how much is the final
# exam?" (or "what does it cost, I work full time") is about cost, and "can i get
# a refund if i drop out" about refunds, not completion rates.
_GIVES_WAY_TO = {"exams": "cost", "workload": "cost", "completion": "refunds"}


def _longest_match(pattern: Pattern[str], text: str) -> int:
    return max((len(match.group(0)) for match in pattern.finditer(text)), default=0)


def topic_named(text: str) -> Optional[str]:
    """The one FAQ topic a question names, or None when it names none or several.

    Of several specific topics, the one named by the longest phrase wins: "do
    I need an entrance exam?" is about entrance tests, not the course exams.
    """
    normalised = normalise(text)
    topics = [topic for topic, pattern in _PATTERNS.items() if pattern.search(normalised)]
    specific = sorted(
        ((_longest_match(_PATTERNS[topic], normalised), topic) for topic in topics if topic in WORD_ONLY_TOPICS),
        reverse=True,
    )
    if len(specific) == 1 or (len(specific) > 1 and specific[0][0] > specific[1][0]):
        chosen = specific[0][1]
        broad = _GIVES_WAY_TO.get(chosen)
        return broad if broad in topics else chosen
    return topics[0] if len(topics) == 1 else None


_CLAUSE_BREAK = re.compile(r"[?,;.]|\b(?:and|also|plus|as well as)\b")


def topics_asked_together(text: str) -> Tuple[str, ...]:
    """The FAQ topics of a message that asks about several, one per clause, in order; () for fewer than two.

    "How long does a MicroMasters take and how much does it cost?" got only the
    length: ``topic_named`` gives up on a message naming several topics.
    """
    found: list = []
    for clause in _CLAUSE_BREAK.split(text.lower()):  # before normalise(), which drops the commas
        topic = topic_named(clause) if clause.strip() else None
        if topic and topic not in found:
            found.append(topic)
    return tuple(found) if len(found) >= 2 else ()


# Words that ask to rank programmes on a topic ("which is the cheapest?", "sort them by price").
RANKING_WORDS: Dict[str, Tuple[str, ...]] = {
    "cost": (
        "cheapest",
        "cheaper",
        "least expensive",
        "less expensive",
        "most expensive",
        "more expensive",
        "priciest",
        "most affordable",
        "lowest price",
        "lowest cost",
        "by price",
        "by cost",
    ),
    "duration": ("shortest", "shorter", "quickest", "quicker", "fastest", "faster", "longest", "longer", "by length"),
    # The sources rate no programme: asked for, the bot says so (replies.NO_QUALITY_RANKING).
    "quality": (
        "best",
        "most respected",
        "most prestigious",
        "most reputable",
        "best known",
        "best rated",
        "top rated",
        "highest rated",
        "highest ranked",
        "top ranked",
        "most recognised",
        "most recognized",
        "most valued",
        "most popular",
        "more respected",
        "more prestigious",
        "more reputable",
        "better known",
        "better rated",
        "higher ranked",
        "more recognised",
        "more recognized",
        "more valued",
        "more popular",
    ),
}
_RANKING_PATTERNS = _whole_words(RANKING_WORDS)


# The superlatives among them ("cheapest", "most affordable", "quickest"), not the comparatives.
_SUPERLATIVE = _any_of(
    word
    for topic in ("cost", "duration")
    for word in RANKING_WORDS[topic]
    if re.search(r"est$|^(most|least|lowest) ", word)
)


def asks_for_the_extreme(text: str) -> bool:
    """ "the cheapest micromasters" asks about programmes; "is a micromasters cheaper?" compares the credentials."""
    return _SUPERLATIVE.search(normalise(text)) is not None


# "Does edX have a python certificate?", "is there a data science micromasters?":
# a search, though the words are those of a question about the credential.
_WHAT_IS_OFFERED = re.compile(
    r"\b(?:does (?!(?:it|this|that|the|a|an|one|each|either)\b)\w+ (?:have|offer|do|run)"
    r"|do you (?:have|offer|know of)|do they (?:have|offer)|is there an?|are there(?: any)?"
    r"|have you got)\b(?:(?!\b(?:info|information|details|difference|differences|different|differ|compare|comparison"
    r"|vs|versus|better|best|worth|same|point|value|benefit|benefits|advantage|advantages)\b).)*"
    r"\b(?:certificates?|certs?|micromasters|programs?|programmes?|courses?|options)\b"
)


def asks_what_is_offered(text: str) -> bool:
    """True for "is there a python micromasters?"; not for "is there financial aid for it?" (a topic)."""
    normalised = normalise(text)
    return _WHAT_IS_OFFERED.search(normalised) is not None and topic_named(normalised) is None


# "Which universities accept it?", "what schools give credit for a micromasters?".
_PATHWAYS = re.compile(
    r"\bpathways?\b|\bwhere can i (use|transfer)\b"
    r"|\b(which|what|any|other)\b.*\b(universit(y|ies)|schools?|colleges?|masters?)\b.*"
    r"\b(accepts?|takes?|recogni[sz]es?|gives?|grants?|counts?)\b"
)


def asks_about_pathways(text: str) -> bool:
    """True when a message asks which universities give credit for a MicroMasters, not whether it can."""
    return _PATHWAYS.search(normalise(text)) is not None


def ranking_topic(text: str) -> Optional[str]:
    """The topic a message asks to rank programmes on ("the cheapest supply chain program"), or None."""
    normalised = normalise(text)
    topics = [topic for topic, pattern in _RANKING_PATTERNS.items() if pattern.search(normalised)]
    return topics[0] if len(topics) == 1 else None


# What learners ask about that the knowledge base has no facts for -> words that
# name it. Named, it gets an honest "my sources don't cover that" instead of
# the nearest FAQ answer ("can i do it in spanish?" was read as a question about length).
UNCOVERED_TOPIC_WORDS: Dict[str, Tuple[str, ...]] = {
    "which languages the courses are taught in": (
        "language",
        "languages",
        "in english",
        "english only",
        "speak english",
        "spanish",
        "french",
        "german",
        "portuguese",
        "arabic",
        "chinese",
        "mandarin",
        "hindi",
        "subtitles",
        "captions",
        "translated",
        "translation",
    ),
    "visas and immigration": ("visa", "visas", "immigration", "work permit", "study permit"),
    "sharing a certificate on LinkedIn or a CV": (
        "linkedin",
        "on my cv",
        "on my resume",
        "on my résumé",
        "in my cv",
        "on a cv",
        "on a resume",
    ),
    "printed certificates": (
        "printed",
        "hard copy",
        "physical copy",
        "physical certificate",
        "paper certificate",
        "mailed",
        "by post",
        "in the post",
    ),
    "bootcamps or other course providers": (
        "bootcamp",
        "bootcamps",
        "boot camp",
        "udemy",
        "udacity",
        "linkedin learning",
        "pluralsight",
        "codecademy",
        "khan academy",
        "coursera",
        "futurelearn",
        "skillshare",
        "simplilearn",
    ),
    "prices for teams and businesses": (
        "group discount",
        "group discounts",
        "team discount",
        "business plan",
        "business plans",
        "team plan",
        "team plans",
        "enterprise plan",
        "edx for business",
        "corporate discount",
        "volume discount",
        "bulk discount",
        "bulk pricing",
        "for my team",
        "for my employees",
        "for my staff",
    ),
    "payment plans and ways to pay": (
        "pay monthly",
        "monthly payment",
        "monthly payments",
        "payment plan",
        "payment plans",
        "instalment",
        "instalments",
        "installment",
        "installments",
        "pay later",
        "paypal",
        "credit card",
        "debit card",
    ),
    "taxes": ("tax", "taxes", "deductible"),
    "failing or retaking a course or exam": (
        "fail",
        "fails",
        "failed",
        "failing",
        "retake",
        "retakes",
        "retaking",
        "re take",
        "resit",
        "resits",
        "re sit",
        "second attempt",
    ),
    "salaries": (
        "salary",
        "salaries",
        "pay rise",
        "pay raise",
        "wage",
        "wages",
        "earn more",
        "will i earn",
        "would i earn",
        "can i earn",
        "could i earn",
        "i earn after",
        "earnings",
        "earning potential",
        "income",
        "make more money",
        "get paid more",
        # "how much do MicroMasters graduates earn?" got the credit answer.
        "graduates earn",
        "holders earn",
        "learners earn",
        "people earn",
        "alumni earn",
        "earn after",
    ),
    "which jobs a credential leads to": (
        "what jobs",
        "which jobs",
        "what job",
        "what kind of jobs",
        "what kind of job",
        "what sort of jobs",
        "what type of jobs",
        "job titles",
        "what roles",
        "which roles",
        "what careers",
        "which careers",
        "career options",
        "career paths",
        "placement rate",
        "job placement",
    ),
    "which programs are still offered today": (
        "discontinued",
        "still offered",
        "still available",
        "still exist",
        "still exists",
        "still running",
        "still a thing",
        "no longer offered",
    ),
    "course schedules, start dates and deadlines": (
        "deadline",
        "deadlines",
        "start date",
        "start dates",
        "when does it start",
        "when do courses start",
        "when can i start",
        "when can i enroll",
        "when can i enrol",
        "start anytime",
        "start any time",
        "start whenever",
        "next session",
        "next run",
        # "when does the next MITx supply chain course start?" got the programme's card.
        "course start",
        "courses start",
        "program start",
        "programme start",
        "next course",
        "next cohort",
        "next intake",
    ),
}
# Phrases with those words that are about something else (a subject, a skill).
_NOT_UNCOVERED = re.compile(
    r"programming languages?|natural language|language processing|language models?"
    # A country's university or employer ("at a German university") is no course language.
    r"|\b(spanish|french|german|portuguese|arabic|chinese|hindi) (universit\w*|uni|school|college|employers?|company"
    r"|companies|master'?s?|degree)\b"
)
_UNCOVERED_PATTERNS = _whole_words(UNCOVERED_TOPIC_WORDS)


def uncovered_topic(text: str) -> Optional[str]:
    """What a question asks about that my sources do not cover ("is it in spanish?"), or None."""
    normalised = _NOT_UNCOVERED.sub(" ", normalise(text))
    return next((label for label, pattern in _UNCOVERED_PATTERNS.items() if pattern.search(normalised)), None)


# Countries and regions people ask about recognition in. My sources have no
# country-by-country data: the answer says so before the general one.
COUNTRIES = (
    "germany",
    "india",
    "uk",
    "united kingdom",
    "england",
    "britain",
    "usa",
    "united states",
    "america",
    "canada",
    "australia",
    "new zealand",
    "ireland",
    "france",
    "spain",
    "italy",
    "netherlands",
    "sweden",
    "switzerland",
    "poland",
    "portugal",
    "brazil",
    "mexico",
    "argentina",
    "colombia",
    "chile",
    "peru",
    "nigeria",
    "kenya",
    "ghana",
    "south africa",
    "egypt",
    "morocco",
    "pakistan",
    "bangladesh",
    "sri lanka",
    "nepal",
    "china",
    "japan",
    "korea",
    "singapore",
    "malaysia",
    "indonesia",
    "philippines",
    "vietnam",
    "thailand",
    "uae",
    "dubai",
    "saudi arabia",
    "qatar",
    "turkey",
    "israel",
    "iran",
    "russia",
    "ukraine",
    "europe",
    "asia",
    "africa",
    "latin america",
    "the middle east",
    "the eu",
)
_COUNTRY = re.compile(rf"\b(?:in|by|across|for) (?:the )?({'|'.join(re.escape(c) for c in COUNTRIES)})\b")


def country_named(text: str) -> Optional[str]:
    """The country a question asks about ("is it recognised in Germany?"), or None."""
    found = _COUNTRY.search(normalise(text))
    return found.group(1) if found else None


# "Is it still on edX?", "can I still enroll?", "are micromasters discontinued?".
_STILL_OFFERED = re.compile(
    r"\bstill (available|open|offered|running|on edx|exists?|around|going|a thing|enrolling|taking)\b"
    r"|\bdiscontinued\b|\b(can|could) i still (enrol|enroll|join|sign up|take|do|start|apply)\b"
    r"|\bno longer (offered|available|running)\b|\bopen for (enrolment|enrollment|enrollments)\b"
    r"|\bis it still\b|\b(on edx|available|open|offered|running) still\b"
)


def asks_if_still_offered(text: str) -> bool:
    """True for "is it still on edx?" or "can i still enroll?": whether it runs today, not who runs edX."""
    return _STILL_OFFERED.search(normalise(text)) is not None


_WHERE_IT_RUNS = re.compile(r"\b(mitx online|platform|hosted|runs on|run on|on edx|still on edx|where is it)\b")


def asks_where_it_runs(text: str) -> bool:
    """True for "is it on edX or MITx Online?" (a programme's platform), not "is edX still a nonprofit?"."""
    return _WHERE_IT_RUNS.search(normalise(text)) is not None


# Fields people name alone ("law", "nursing?") that the catalogue has no programme in;
# said alone, they got "OK. What else would you like to know?".
FIELDS_ASKED_ABOUT = frozenset(
    "law nursing medicine marketing psychology architecture music art history biology chemistry physics "
    "mathematics maths math journalism teaching fashion photography film languages philosophy "
    "politics sociology pharmacy dentistry veterinary agriculture aviation sales".split()
) | frozenset({"human resources", "graphic design", "real estate", "public health", "healthcare"})


def field_named_alone(text: str) -> Optional[str]:
    """The field a message names and nothing else ("law?", "nursing"), or None."""
    words = normalise(text).strip(" ?.!")
    return words if words in FIELDS_ASKED_ABOUT else None


# "how much is the msc?", "what degree do I get at the end?", "how much does that semester cost?":
# about the master's a MicroMasters leads to, not the MicroMasters itself.
_THE_MASTERS = re.compile(
    r"\b(the|that|this) (msc|ms|mba|master'?s|masters|semester|degree|campus part|on campus part)\b"
    r"|\bdegree do (i|you) get\b|\bon campus\b"
)


def asks_about_the_masters(text: str) -> bool:
    """True for "how much is the msc?" about a programme: the master's it leads to."""
    return _THE_MASTERS.search(normalise(text)) is not None
