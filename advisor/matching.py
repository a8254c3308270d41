"""Tolerant matching of what people type to the catalogue.

Users write "ML", "supply-chain", "MITx", "micro masters" or make typos; this
module turns such text into canonical subjects, institutions and credential
types, filters the catalogue, and finds a named programme or the doubtful claim
it resembles (e.g. a Michigan data-science MicroMasters that is not on edX).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from advisor.knowledge import (
    MICROMASTERS,
    PROFESSIONAL_CERTIFICATE,
    KnowledgeBase,
    Named,
    OtherInstitution,
    Programme,
    UnverifiedClaim,
)
from advisor.lexicon import default_lexicon

CREDENTIAL_ALIASES = {
    MICROMASTERS: (
        "micromasters",
        "micromaster",
        "micro masters",
        "micro master",
        "micro-masters",
        "mm",
        "micromasters program",
        "micromasters programs",
        "micromasters programme",
    ),
    PROFESSIONAL_CERTIFICATE: (
        "professional certificate",
        "professional certificates",
        "professional cert",
        "pro cert",
        "prof cert",
        "pc",
        "certificate",
        "certificates",
        "cert",
        "certs",
        "professional certificate program",
        "pro certificate",
    ),
}

_STOPWORDS = frozenset(
    "a an and the of in on for to from with by at about what whats which is are there "
    "any me tell show give details info information program programs programme "
    "programmes course courses edx x s do does how many much can i you it its "
    "online options certificate certification certifications degree degrees "
    "micromasters micromaster professional certificate certificates cert mm pc "
    "teach teaches taught".split()  # "who teaches it?" is not "teachers" (education) misspelled
)


def normalise(text: str) -> str:
    """Lower-case, turn separators into spaces, drop punctuation and spell chat shorthand out ("u" -> "you")."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"[-_/]+", " ", text)
    text = re.sub(r"[^\w\s&.']", " ", text)
    text = re.sub(r"(?<!\w)\.|\.(?!\w)", " ", text)
    return _spelled_out(re.sub(r"\s+", " ", text).strip())


@cache
def _shorthand() -> Tuple[re.Pattern[str], Mapping[str, str]]:
    spellings = default_lexicon().spellings
    words = "|".join(sorted(map(re.escape, spellings), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w'])(?:{words})(?![\w'])"), spellings


def _spelled_out(words: str) -> str:
    pattern, spellings = _shorthand()
    return pattern.sub(lambda found: spellings[found.group()], words)


def _contains_phrase(haystack: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", haystack) is not None


def _ngrams(words: Sequence[str], size: int) -> Iterable[str]:
    return (" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


# Names are looked for in the first part of a message only: the fuzzy pass
# compares every spelling with every word window, and a 10,000-character
# message must not take seconds.
MAX_MATCH_CHARS = 1000


@cache
def _spellings(name: str, aliases: Tuple[str, ...]) -> Tuple[str, ...]:
    return tuple({normalise(name), *(normalise(a) for a in aliases)})


@cache
def _whole_phrase(spelling: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(spelling)}(?!\w)")


def _close(spelling: str, gram: str) -> bool:
    """A typo of ``spelling``: similarity of 0.88 or more, with the cheap upper bounds checked first."""
    if 2 * min(len(spelling), len(gram)) < 0.88 * (len(spelling) + len(gram)):
        return False
    matcher = difflib.SequenceMatcher(None, spelling, gram)
    return matcher.quick_ratio() >= 0.88 and matcher.ratio() >= 0.88


def _names_in(text: str, items: Sequence[Tuple[str, Sequence[str]]]) -> List[str]:
    """Canonical names whose name or alias occurs in ``text`` (typos tolerated)."""
    table = tuple((name, tuple(aliases)) for name, aliases in items)
    return list(_names_in_normalised(normalise(text[:MAX_MATCH_CHARS]), table))


@lru_cache(maxsize=4096)
def _names_in_normalised(cleaned: str, items: Tuple[Tuple[str, Tuple[str, ...]], ...]) -> Tuple[str, ...]:
    words = cleaned.split()
    # A word window spelled exactly like a name is that name, not a typo of another:
    # "product management" is not "project management" misspelled.
    exact = {s for name, aliases in items for s in _spellings(name, aliases)}
    matches = {s: list(_whole_phrase(s).finditer(cleaned)) for s in exact}
    # Words inside a name spelled exactly are no typo of another name: "machine learning" names no
    # "e-learning" (education).
    covered = {
        i
        for spelling, found_at in matches.items()
        for match in found_at
        for i in range(len(cleaned[: match.start()].split()), len(cleaned[: match.end()].split()))
    }
    found: List[Tuple[int, str]] = []
    for name, aliases in items:
        spellings = _spellings(name, aliases)
        positions = [matches[s][0].start() for s in spellings if matches[s]]
        if not positions:
            # Typos: compare same-length word windows, only for longer spellings,
            # never against everyday words ("programmes" is not "programming").
            for spelling in spellings:
                if len(spelling) < 6:
                    continue
                size = len(spelling.split())
                grams = (
                    g
                    for i, g in enumerate(_ngrams(words, size))
                    if not set(g.split()) & _STOPWORDS and g not in exact and not covered & set(range(i, i + size))
                )
                if any(_close(spelling, gram) for gram in grams):
                    positions.append(len(cleaned))
                    break
        if positions:
            found.append((min(positions), name))
    found.sort()
    return tuple(name for _, name in found)


def _resolve(value: Optional[str], items: Sequence[Tuple[str, Sequence[str]]]) -> Optional[str]:
    """Canonical name for an entity value, exact alias first, then fuzzy."""
    if not value or not value.strip():
        return None
    wanted = normalise(value)
    for name, aliases in items:
        if wanted == normalise(name) or wanted in {normalise(a) for a in aliases}:
            return name
    found = _names_in(value, items)
    if found:
        return found[0]
    spellings = {normalise(a): name for name, aliases in items for a in (name, *aliases) if len(a) >= 4}
    close = difflib.get_close_matches(wanted, list(spellings), n=1, cutoff=0.8)
    return spellings[close[0]] if close else None


def _table(named: Sequence[Named]) -> List[Tuple[str, Sequence[str]]]:
    return [(item.name, item.aliases) for item in named]


_CREDENTIAL_TABLE = list(CREDENTIAL_ALIASES.items())


def resolve_credential_type(value: Optional[str]) -> Optional[str]:
    return _resolve(value, _CREDENTIAL_TABLE)


def credential_types_in(text: str) -> List[str]:
    return _names_in(text, _CREDENTIAL_TABLE)


def resolve_subject(kb: KnowledgeBase, value: Optional[str]) -> Optional[str]:
    return _resolve(value, _table(kb.subjects))


def subjects_in(kb: KnowledgeBase, text: str) -> List[str]:
    return _names_in(text, _table(kb.subjects))


def resolve_institution(kb: KnowledgeBase, value: Optional[str]) -> Optional[str]:
    return _resolve(value, _table(kb.institutions))


def institutions_in(kb: KnowledgeBase, text: str) -> List[str]:
    """The institutions ``text`` names, also with a possessive whose apostrophe was left out ("delfts", "mits")."""
    return _names_in(text, _possessives(kb.institutions))


@lru_cache(maxsize=8)
def _possessives(named: Tuple[Named, ...]) -> List[Tuple[str, Sequence[str]]]:
    spelled = [(item.name, (item.name, *item.aliases)) for item in named]
    return [(name, (*names, *(f"{n}s" for n in names if len(n) >= 3 and n[-1] != "s"))) for name, names in spelled]


@dataclass(frozen=True)
class Query:
    """What a user asked for, in canonical terms; empty tuples mean "any"."""

    subjects: Tuple[str, ...] = ()
    institutions: Tuple[str, ...] = ()
    credential_types: Tuple[str, ...] = ()
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.subjects or self.institutions or self.credential_types)


def build_query(
    kb: KnowledgeBase,
    text: str,
    subjects: Iterable[str] = (),
    institutions: Iterable[str] = (),
    credential_types: Iterable[str] = (),
) -> Query:
    """Merge NLU entity values with what the matcher finds in the raw text."""

    def merge(values: Iterable[Optional[str]], extra: Iterable[str]) -> Tuple[str, ...]:
        merged: List[str] = []
        for value in [*values, *extra]:
            if value and value not in merged:
                merged.append(value)
        return tuple(merged)

    return Query(
        subjects=merge(
            (resolve_subject(kb, v) for v in subjects), subjects_in(kb, without_institution_names(kb, text))
        ),
        institutions=merge((resolve_institution(kb, v) for v in institutions), institutions_in(kb, text)),
        credential_types=merge((resolve_credential_type(v) for v in credential_types), credential_types_in(text)),
        text=text,
    )


_PROGRAMME_WORDS = r"(?:programs?|programmes?|courses?|certs?|certificates?|micro ?masters?|mms|options|ones)"
_JOINING_WORDS = frozenset({"or", "and", "nor", "plus"})
_PREPOSITIONS = frozenset("for to with by from at into of about during while".split())
_TOPIC_AFTER = re.compile(
    rf"\b(?:{_PROGRAMME_WORDS}|anything|something|stuff|any)\s+(?:in|on|about|around|related to)\s+(?P<topic>[\w' ]+)"
)
_WHAT_ABOUT = re.compile(r"^(?:(?:ok|okay|and|so|hmm|well)\s+)*(?:what|how)\s+about\s+(?P<topic>[\w' ]+?)\s*$")
_TOPIC_BEFORE = re.compile(rf"(?P<topic>(?:[\w']+ ){{1,5}}){_PROGRAMME_WORDS}\b")


def without_institution_names(kb: KnowledgeBase, text: str) -> str:
    """``text`` (normalised) without the institutions' names of several words: "the Linux Foundation" names no
    Linux course, nor "Harvard School of Public Health" a healthcare programme, nor "tu" of "tu delft" a topic."""
    words = normalise(text[:MAX_MATCH_CHARS])
    for institution in kb.institutions:
        for alias in sorted((institution.name.lower(), *institution.aliases), key=len, reverse=True):
            if " " in alias and _contains_phrase(words, alias):
                words = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", " ", words)
    return words


def subjects_partly_named(kb: KnowledgeBase, topic: str) -> Tuple[str, ...]:
    """Subjects whose names hold every word of ``topic``: "business" -> business analytics, business management.

    A search for "business programs" then lists both instead of saying the
    catalogue has no business programmes.
    """
    found: List[str] = []
    for part in re.split(r"\s+(?:or|and|nor|plus)\s+", topic):  # "business or marketing": business only
        words = part.split()
        found += [s.name for s in kb.subjects if words and all(w in s.name.split() for w in words)]
    return tuple(dict.fromkeys(found))


def unknown_topic(
    kb: KnowledgeBase, query: Query, what_about: bool = False, named_after_only: bool = False
) -> Optional[str]:
    """A subject the search names that the catalogue does not have ("healthcare programmes").

    Without it, such a search has no subject filter and would list every
    programme as if all of them matched. ``what_about``: "what about
    psychology?" names one too; only for a message already known to ask about
    no topic, list or programme. ``named_after_only``: only a topic after the
    programme words ("a micromasters in quantum cooking"); the words before them
    are often no topic ("honestly would spending money on a micromasters ...").
    """
    if query.subjects:
        return None
    words = normalise(query.text[:MAX_MATCH_CHARS])
    # An institution's name is no topic, not even a word of it ("tu" of "tu delft").
    words = without_institution_names(kb, words)
    patterns = (
        (_TOPIC_AFTER,) if named_after_only else (_TOPIC_AFTER, _TOPIC_BEFORE, *((_WHAT_ABOUT,) if what_about else ()))
    )
    lexicon = default_lexicon()
    for pattern in patterns:
        found = pattern.search(words)
        if not found:
            continue
        named = found.group("topic").split()
        if pattern is _TOPIC_BEFORE:  # "a laptop for doing online courses": the topic is after the last preposition
            cuts = [i for i, w in enumerate(named) if w in _PREPOSITIONS]
            named = named[cuts[-1] + 1 :] if cuts else named
        topic = [
            w
            for w in named
            if w not in _STOPWORDS
            and not lexicon.whole("not_a_topic", w)
            and not w.isdigit()
            and not resolve_institution(kb, w)
            and not resolve_credential_type(w)
        ]
        while topic and topic[0] in _JOINING_WORDS:  # "healthcare or public health": no leading "or"
            topic = topic[1:]
        while topic and topic[-1] in _JOINING_WORDS:
            topic = topic[:-1]
        if topic:
            return " ".join(topic)
    return None


_ORDINAL_NAMES = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_ORDINALS = {name: i for i, name in enumerate(_ORDINAL_NAMES)}
_ORDINALS |= {f"{i + 1}{suffix}": i for i, suffix in enumerate("st nd rd th th th th th th th".split())}
# "the 12th one" after paging through a long list.
_ORDINALS |= {
    f"{n}{'th' if n % 100 in (11, 12, 13) else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}": n - 1
    for n in range(11, 31)
}
_ORDINALS |= {"last": -1}
_ORDINAL_WORDS = "|".join(_ORDINALS)
_ORDINAL = re.compile(
    rf"\b(?:the )?(?P<word>{_ORDINAL_WORDS})(?: (?:one|programme|program|option|result|on the list))?$"
    rf"|\b(?P<word2>{_ORDINAL_WORDS}) (?:one|programme|program|option|result)\b"
    r"|\b(?:number|no|option) (?P<digit>[1-9]|10)\b"
)


def listed_position(text: str) -> Optional[int]:
    """Which item of a list just shown a message points at: "the second one" -> 1, "the last one" -> -1."""
    hashed = re.search(r"#\s*([1-9]|10)\b", text)
    if hashed:
        return int(hashed.group(1)) - 1
    found = _ORDINAL.search(normalise(text))
    if not found:
        return None
    if found.group("digit"):
        return int(found.group("digit")) - 1
    return _ORDINALS[found.group("word") or found.group("word2")]


# "which one uses python?", "does it teach SQL?", "do any of them cover machine learning?"
_MENTION = re.compile(
    r"\b(?:uses?|using|teach(?:es)?|taught in|covers?|includes?|involves?|(?:is|are) (?:it|they) in|has|have)"
    r"\s+(?:an?\s+|any\s+|the\s+|some\s+)?(?P<term>[a-z][a-z0-9+#]*(?:[ -][a-z0-9+#]+){0,2}?)"
    r"\s*(?:\b(?:at all|or not|too|as well|much|programming|coding|language)\b\s*)?[?.!]*$"
)
_NOT_TERMS = frozenset({"it", "that", "this", "them", "they", "one", "ones", "more", "less", "any", "to", "been"})
# A kind of credential is not something a programme teaches: "does stanford have a micromasters".
_CREDENTIAL_TERMS = re.compile(r"(micro ?masters?|mm|pro(fessional)? cert(ificate)?s?|pcs?|certificates?|programs?)")
# The question is about what was just shown only if it points at it ("which one", "does it",
# "do any of them"); "does stanford have a micromasters" is about Stanford.
_POINTS_AT_SHOWN = re.compile(
    r"\b(it|they|them|this|that|these|those|one|ones|either|both|any|each|all|none|course|courses"
    r"|program|programs|programme|programmes)\b"
)


def mention_asked(text: str) -> Optional[str]:
    """The word a question looks for in programme descriptions ("which one uses python?" -> "python"), or None.

    The languages and tools a programme teaches are in its course list, not in a field of their own.
    """
    found = _MENTION.search(text.lower().strip())
    if not found or found.group("term") in _NOT_TERMS or _CREDENTIAL_TERMS.fullmatch(found.group("term")):
        return None
    before = text.lower()[: found.start()]
    if before.strip() and not _POINTS_AT_SHOWN.search(before):
        return None
    return found.group("term")


def mentions(programme: Programme, term: str) -> Optional[str]:
    """The part of a programme's description that names ``term`` (whole word), or None."""
    pattern = re.compile(rf"(?<![\w+#]){re.escape(term)}(?![\w+#])", re.IGNORECASE)
    described = " ".join(text for text in (programme.structure, programme.notes) if text)
    sentences = re.split(r"(?<=[.;])\s+", described)
    for part in (programme.title, *sentences, "subjects: " + ", ".join(programme.subjects)):
        if pattern.search(part):
            return part.rstrip(".;")
    return None


def narrow(previous: Query, text: str, named: Query) -> Optional[Query]:
    """The previous search with the filters ``named`` now, if ``text`` refers back to its results.

    A filter named now replaces the same kind of filter from before; the others
    are kept, so "which ones are micromasters" after supply chain programmes
    lists supply chain MicroMasters.
    """
    if named.is_empty or not default_lexicon().has("refers_back", normalise(text)):
        return None
    return Query(
        named.subjects or previous.subjects,
        named.institutions or previous.institutions,
        named.credential_types or previous.credential_types,
        text,
    )


def _fits(programme: Programme, query: Query) -> bool:
    return (
        (not query.subjects or any(s in programme.subjects for s in query.subjects))
        and (not query.institutions or programme.institution in query.institutions)
        and (not query.credential_types or programme.credential_type in query.credential_types)
    )


def _order(programmes: Iterable[Programme], subjects: Tuple[str, ...] = ()) -> List[Programme]:
    """Verified first; then those whose main subject is the one asked for; then the best-sourced, those
    with the most known facts first (a course list alone from an aggregator says little)."""
    rank = {"verified": 0, "uncertain": 1, "retired": 2}
    confidence = {"high": 0, "medium": 1, "low": 2}

    def known(p: Programme) -> int:
        return sum(fact is not None for fact in (p.courses, p.duration, p.price, p.credit_pathway))

    return sorted(
        programmes,
        key=lambda p: (rank[p.status], p.subjects[0] not in subjects, confidence[p.confidence], -known(p), p.title),
    )


def search_programmes(kb: KnowledgeBase, query: Query) -> List[Programme]:
    """Programmes that satisfy every constraint in ``query``, best matches first."""
    return _order((p for p in kb.programmes if _fits(p, query)), query.subjects)


def relaxed_search(kb: KnowledgeBase, query: Query) -> List[Programme]:
    """Nearest programmes when nothing fits: drop one constraint at a time."""
    for relaxed in (
        Query(query.subjects, query.institutions, (), query.text),
        Query(query.subjects, (), query.credential_types, query.text),
        Query((), query.institutions, query.credential_types, query.text),
        Query(query.subjects, (), (), query.text),
        Query((), query.institutions, (), query.text),
    ):
        if not relaxed.is_empty:
            found = search_programmes(kb, relaxed)
            if found:
                return found
    return []


def _title_overlap(programme: Programme, text: str) -> float:
    wanted = {w for w in normalise(text).split() if w not in _STOPWORDS}
    if not wanted:
        return 0.0
    title = {w for w in normalise(programme.title).split() if w not in _STOPWORDS}
    return len(wanted & title) / len(wanted)


@dataclass(frozen=True)
class ProgrammeMatch:
    """The answer to "tell me about <programme>": one of the three fields is set."""

    programme: Optional[Programme] = None
    claim: Optional[UnverifiedClaim] = None
    nearest: Tuple[Programme, ...] = field(default_factory=tuple)


# "can I get a job at Google with this?", "does amazon hire micromasters holders?":
# a company named as an employer, not as the maker of a certificate.
_EMPLOYER = re.compile(
    r"\b(?:jobs?|work|working|hired|internship|employed|career|position|role)\s+(?:at|with|for|by)\s+(?P<at>[a-z][\w&]*)"
    r"|\b(?P<hirer>[a-z][\w&]*)\s+(?:hire|hires|hiring|recruit|recruits|recruiting)\b"
)
_NOT_EMPLOYERS = frozenset(
    {"a", "an", "the", "my", "our", "your", "their", "his", "her", "home", "all", "any", "some", "big", "large"}
    | {"company", "companies", "employer", "employers", "firms", "they", "will", "would", "do", "does", "did", "to"}
    | {"that", "this", "it", "me", "them", "edx", "least", "who", "people", "recruiters", "managers", "still"}
)


_ARTICLE = re.compile(r"^\s*(?:(?:a|an|the|this|that|one)\s+)?")


def employer_named(text: str) -> Optional[str]:
    """The company a question names as an employer ("a job at google" -> "google"), or None. What follows
    "with" and names a credential is the means, not the employer ("a job with just a prof cert")."""
    words = normalise(text)
    for found in _EMPLOYER.finditer(words):
        name = found.group("at") or found.group("hirer")
        after = _ARTICLE.sub("", words[found.end("at") :] if found.group("at") else "").split()
        means = bool(credential_types_in(" ".join(after[:2])))
        if name not in _NOT_EMPLOYERS and not means:
            return name
    return None


def _claim_matches(claim: UnverifiedClaim, query: Query) -> bool:
    hits = 0
    if claim.keywords:
        employer = employer_named(query.text)  # "a job at google" is not a Google certificate
        text = normalise(query.text).replace(employer, " ") if employer else normalise(query.text)
        if not any(_contains_phrase(text, normalise(k)) for k in claim.keywords):
            return False
        hits += 2
    if claim.institution:
        if query.institutions and claim.institution not in query.institutions:
            return False
        hits += claim.institution in query.institutions
    if claim.subjects:
        if query.subjects and not set(claim.subjects) & set(query.subjects):
            return False
        hits += bool(set(claim.subjects) & set(query.subjects))
    if claim.credential_type:
        if query.credential_types and claim.credential_type not in query.credential_types:
            return False
        hits += claim.credential_type in query.credential_types
    return hits >= 2


def _named_claim(
    kb: KnowledgeBase, query: Query, by_keywords: bool, missing: Optional[str] = None
) -> Optional[ProgrammeMatch]:
    """A doubtful programme the query names: by its telltale words ("fintech"), or else by its fields.

    ``missing``: a subject the query names that the catalogue lacks ("astrology"); a claim about
    another subject is then not the one named ("Columbia Professional Certificate in Astrology" got
    the Columbia AI certificate's claim).
    """
    for claim in kb.unverified:
        if missing and claim.subjects and not by_keywords:
            continue
        if bool(claim.keywords) == by_keywords and _claim_matches(claim, query):
            return ProgrammeMatch(claim=claim, nearest=_alternatives(kb, claim))
    return None


def _short_names(programme: Programme) -> Tuple[str, ...]:
    """The short names a programme's title gives in brackets: "(DEDP)" -> ("dedp",)."""
    return tuple(name.lower() for name in re.findall(r"\(([A-Za-z]{2,6})\)", programme.title))


def programme_by_short_name(kb: KnowledgeBase, text: str) -> Optional[Programme]:
    """The one programme ``text`` names by its short name ("the dedp one"), or None."""
    words = normalise(text)
    named = [p for p in kb.programmes if any(_contains_phrase(words, name) for name in _short_names(p))]
    return named[0] if len(named) == 1 else None


def programme_in_question(kb: KnowledgeBase, query: Query) -> ProgrammeMatch:
    """The one programme (or doubtful claim) a topic question names: "how much is the MITx SCM one?".

    Stricter than ``find_programme``: "the data science micromasters" names
    four programmes, and "a micromasters" none, so those questions are about
    MicroMasters in general.
    """
    # A doubtful programme named by its own word comes first: "is there a micromasters in fintech".
    claim = _named_claim(kb, query, by_keywords=True)
    if claim:
        return claim
    # "is a micromasters worth it for a software engineer": any MicroMasters, not the software development one.
    if default_lexicon().has("any_of_a_kind", normalise(query.text)) and not query.institutions:
        return ProgrammeMatch()
    if other_institution_named(kb, query.text):  # "the stanford quantum one" is not Purdue's
        return ProgrammeMatch()
    by_short_name = programme_by_short_name(kb, query.text)
    if by_short_name:  # "dedp cost"
        return ProgrammeMatch(programme=by_short_name)
    found = search_programmes(kb, query) if query.subjects or query.institutions else []
    single = _single(found, query.subjects)
    if single:
        return ProgrammeMatch(programme=single)
    return (_named_claim(kb, query, by_keywords=False) if not found else None) or ProgrammeMatch()


_SEPARATOR = re.compile(r"\b(?:vs|versus|or|and|with|against|compared to|than|to)\b")


def compares(text: str) -> bool:
    """Whether a message asks for a comparison ("compare", "vs", "better", "or")."""
    return default_lexicon().has("compares", normalise(text))


_FIRST_OR_LAST_TWO = re.compile(r"\b(first|top|last) two\b")


def listed_pair(text: str, listed: int) -> Optional[Tuple[int, int]]:
    """The two items of a list of ``listed`` a comparison points at: "compare the first two" -> (0, 1).

    "them" or "both" mean the two items of a list of two.
    """
    words = normalise(text)
    if not compares(words):
        return None
    two = _FIRST_OR_LAST_TWO.search(words)
    if two:
        return (-2, -1) if two.group(1) == "last" else (0, 1)
    ordinals = [_ORDINALS[word] for word in re.findall(rf"\b({_ORDINAL_WORDS})\b", words)]
    if len(ordinals) == 2 and ordinals[0] != ordinals[1]:
        return ordinals[0], ordinals[1]
    return (0, 1) if listed == 2 and default_lexicon().has("both_listed", words) else None


@dataclass(frozen=True)
class Comparison:
    """What a comparison names: two programmes, or one and a side the catalogue has nothing for."""

    pair: Optional[Tuple[Programme, Programme]] = None
    # "the mit supply chain one vs the columbia one": the programme found, and the other side's query.
    missing: Optional[Tuple[Programme, Query]] = None


def compared(kb: KnowledgeBase, text: str) -> Comparison:
    """The two programmes a comparison names ("the MITx SDS vs the UCSD data science micromasters").

    The message is split at "vs", "or", "and" ...; each side must name exactly
    one programme. What one side leaves out is taken from the other ("the
    Columbia and GTx analytics programs": both in analytics). Failing that, a
    side that names an institution with nothing there is ``missing``. One pass,
    as tolerant matching of each side takes milliseconds.
    """
    words = normalise(text[:MAX_MATCH_CHARS])
    if not compares(words):
        return Comparison()
    missing: Optional[Tuple[Programme, Query]] = None
    for separator in _SEPARATOR.finditer(words):
        left = build_query(kb, words[: separator.start()])
        right = build_query(kb, words[separator.end() :])
        pair = [_one_programme(kb, left, right), _one_programme(kb, right, left)]
        if pair[0] and pair[1] and pair[0] != pair[1]:
            return Comparison(pair=(pair[0], pair[1]))
        for found, side, other in ((pair[0], left, right), (pair[1], right, left)):
            lacking = Query(
                other.subjects or side.subjects, other.institutions, other.credential_types or side.credential_types
            )
            if missing is None and found and other.institutions and not search_programmes(kb, lacking):
                missing = found, lacking
    return Comparison(missing=missing)


def _one_programme(kb: KnowledgeBase, side: Query, other: Query) -> Optional[Programme]:
    by_short_name = programme_by_short_name(kb, side.text)  # "the mitx sds"
    if by_short_name:
        return by_short_name
    if not (side.subjects or side.institutions):
        return None
    query = Query(
        side.subjects or other.subjects,
        side.institutions or other.institutions,
        side.credential_types or other.credential_types,
    )
    found = _single(search_programmes(kb, query), query.subjects)
    if found is None and other.credential_types and not side.credential_types:
        # "mitx principles of manufacturing or the harvardx data science cert": the kind is the other side's own
        query = Query(query.subjects, query.institutions, ())
        found = _single(search_programmes(kb, query), query.subjects)
    return found


def _single(found: Sequence[Programme], subjects: Tuple[str, ...]) -> Optional[Programme]:
    """The one programme found; of several, the only one whose main subject was asked for.

    "the MIT data science micromasters" is MITx Statistics and Data Science, not
    DEDP, whose data science comes after economics.
    """
    if len(found) == 1:
        return found[0]
    main = [programme for programme in found if programme.subjects and programme.subjects[0] in subjects]
    return main[0] if len(main) == 1 else None


def find_programme(kb: KnowledgeBase, query: Query) -> ProgrammeMatch:
    """Find the one programme the user named, or say honestly what exists instead."""
    claim = _named_claim(kb, query, by_keywords=True)
    if claim:
        return claim
    if other_institution_named(kb, query.text):  # "stanford quantum computing micromasters": not Purdue's
        return ProgrammeMatch(nearest=tuple(relaxed_search(kb, query)[:3]))
    # A credential type alone ("the micromasters") names no single programme.
    candidates = search_programmes(kb, query) if query.subjects or query.institutions else []
    # "the MITx MicroMasters in Quantum Cooking": MIT's, but in a subject none of them has. The
    # nearest, not the best of them by title (it got DEDP's card as if it were that programme).
    missing = None if query.subjects else unknown_topic(kb, query, named_after_only=True)
    if candidates and missing and not any(_title_overlap(p, missing) for p in candidates):
        return ProgrammeMatch(nearest=tuple(candidates[:3]))
    if candidates:
        best = max(candidates, key=lambda p: _title_overlap(p, query.text))
        return ProgrammeMatch(programme=best, nearest=tuple(p for p in candidates if p != best)[:2])
    claim = _named_claim(kb, query, by_keywords=False, missing=missing)
    if claim:
        return claim
    if query.institutions and query.credential_types:
        # "the IIM Bangalore micromasters vs a professional cert": the kinds compared, not the one named.
        found = search_programmes(kb, replace(query, credential_types=(), subjects=()))
        # ("I'm a CS undergrad" named a subject of my background, not of the programme.) Of the one kind
        # named, though: "the Harvard MicroMasters in data science" is not HarvardX's Professional Certificate.
        kinds = query.credential_types
        if len(found) == 1 and (len(kinds) > 1 or found[0].credential_type in kinds):
            return ProgrammeMatch(programme=found[0])
        if len(kinds) > 1 and found:  # that university has several: its own, not another's in the background subject
            return ProgrammeMatch(nearest=tuple(found[:3]))
    # Another university's programme, or another kind, is not the one named ("the Harvard MicroMasters in data
    # science" got MIT's, then HarvardX's Professional Certificate).
    one_kind = query.credential_types if len(query.credential_types) == 1 else ()
    by_title = sorted(
        (
            p
            for p in kb.programmes
            if (not query.institutions or p.institution in query.institutions)
            and (not one_kind or p.credential_type in one_kind)
        ),
        key=lambda p: _title_overlap(p, query.text),
        reverse=True,
    )
    if by_title and _title_overlap(by_title[0], query.text) >= 0.6:
        return ProgrammeMatch(programme=by_title[0])
    if not (query.subjects or query.institutions):
        return ProgrammeMatch()
    return ProgrammeMatch(nearest=tuple(relaxed_search(kb, query)[:3]))


def _alternatives(kb: KnowledgeBase, claim: UnverifiedClaim) -> Tuple[Programme, ...]:
    return tuple(kb.programme(pid) for pid in claim.alternatives)


def other_institution_named(kb: KnowledgeBase, text: str) -> Optional[OtherInstitution]:
    """A university the message names that my catalogue has no programme from ("the stanford one"), or None.

    None when the message also names a catalogued institution: "MIT in Cambridge" is about MIT.
    """
    words = normalise(text[:MAX_MATCH_CHARS])
    if institutions_in(kb, words):
        return None
    for other in kb.other_institutions:
        if any(_contains_phrase(words, alias) for alias in other.aliases):
            return other
    return None


# Words of a question that name no part of an answer.
_QUESTION_WORDS = frozenset(
    "how what which who why when where does did can could would should will the and for with you your get got "
    "are its it's this that there then much many long about any per".split()
)
# Words of a question about a programme that every card answers, or that name no detail.
_CARD_WORDS = frozenset(
    "micromasters micromaster professional certificate certificates cert certs program programs programme "
    "programmes course courses edx tell more about info information details mitx harvardx online other others "
    "list show any ones one there".split()
)


def stems(text: str) -> Set[str]:
    """The words of ``text``, "credits" and "credit" alike."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z0-9$%]+", text.lower())}


def asked_stems(wanted: str, besides: Iterable[str] = ()) -> Set[str]:
    """The words of a question that may name a part of an answer: no question words, nor ``besides``."""
    ignored = _QUESTION_WORDS.union(besides)
    kept = [w for w in re.findall(r"[a-z0-9$%]+", wanted.lower()) if len(w) >= 3 and w not in ignored]
    return stems(" ".join(kept))


def detail_stems(programme: Programme, wanted: str) -> Set[str]:
    """The words of a question about ``programme`` that may name one of its details: not its name, its
    subjects, question words or words every card answers ("harvards" names Harvard too: left out as stems)."""
    names = " ".join((programme.title, programme.institution, *programme.subjects)).lower()
    return asked_stems(wanted, _CARD_WORDS.union(re.findall(r"[a-z0-9]+", names))) - stems(names)


def in_programme_text(programme: Programme, wanted: str) -> bool:
    """Whether a detail the question names is in the programme's own texts ("does it use keras?": its courses)."""
    texts = (programme.structure, programme.duration, programme.price, programme.credit_pathway, programme.notes)
    return bool(detail_stems(programme, wanted) & stems(" ".join(t for t in texts if t)))
