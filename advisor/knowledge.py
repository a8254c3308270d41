"""Load and validate the curated knowledge base in ``knowledge/``.

The bot may only state facts that are in these files, each with its sources and
an as-of date, so a broken file must stop start-up loudly instead of producing
half answers later. Every error names the file, the entry and the field.
The schema is documented in ``docs/knowledge-schema.md``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import yaml

MICROMASTERS = "micromasters"
PROFESSIONAL_CERTIFICATE = "professional_certificate"
CREDENTIAL_TYPES: Tuple[str, ...] = (MICROMASTERS, PROFESSIONAL_CERTIFICATE)

ATTRIBUTES: Tuple[str, ...] = (
    "purpose",
    "length",
    "academic_level",
    "credit",
    "cost",
    "time_commitment",
    "audience",
    "employer_recognition",
    "example_scenario",
)
# No intent of their own, found by their words (advisor/topics.py): audit or
# verified track, financial aid, refunds, expiry, entrance tests (GRE, TOEFL),
# how many learners finish, exams, studying at one's own pace, whether it is a
# degree, age limits, fitting it around a job, who runs edX.
WORD_ONLY_FAQ_TOPICS: Tuple[str, ...] = (
    "tracks",
    "financial_aid",
    "refunds",
    "expiry",
    "entrance_tests",
    "completion",
    "exams",
    "pace",
    "degree",
    "age",
    "workload",
    "about_edx",
    "how_many",
    "other_credentials",
    "courses",
    "masters_cost",
)
FAQ_TOPICS: Tuple[str, ...] = (
    "worth",
    "recognition",
    "credit",
    "admission",
    "cost",
    "duration",
    "level",
    "difference",
    "definition",
    *WORD_ONLY_FAQ_TOPICS,
)
SOURCE_KINDS = ("official", "press", "secondary", "academic")
PROGRAMME_STATUSES = ("verified", "uncertain", "retired")
# How far the research trusts a programme's row: high, the institution's or edX's own
# page; medium, a learner record, blog, aggregator, press report or paper; low, the
# programme's existence shown only by an address or one weak mention (docs/research.md).
CONFIDENCE_LEVELS = ("high", "medium", "low")
# A low-confidence programme is never presented as verified.
_LOW_CONFIDENCE_STATUSES = ("uncertain", "retired")
PROGRAMME_FIELDS = frozenset(
    "id title institution credential_type subjects courses structure course_list duration price price_as_of "
    "credit_pathway platform kind_label estimated_total status confidence existence_only notes sources as_of".split()
)
# The fields an existence-only programme leaves empty: its sources show only that it exists.
EXISTENCE_ONLY_EMPTY = ("courses", "structure", "duration", "price", "credit_pathway")
# The words an existence-only programme's notes say it with.
_ONLY_EXISTS = re.compile(r"only that (?:this programme|it) exists", re.IGNORECASE)
# A course list is quoted "As reported by <source>, <date>: ..." (or "..., undated: ..."),
# where the date is its course_list's as_of.
_REPORTED_BY = "As reported by "
_AS_OF = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z0-9_]+$")
_ID_KEYED = {"sources", "programmes", "unverified"}

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "knowledge"


class KnowledgeError(ValueError):
    """The knowledge base is malformed; the message names file, entry and field."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    kind: str
    # The source's own date (published, or the version quoted), "unknown" if it gives none.
    # Shown with the source, so one source reads the same in every answer.
    date: str = "unknown"


@dataclass(frozen=True)
class Fact:
    """A statement the bot may make, with where it comes from and when it held."""

    text: str
    sources: Tuple[str, ...]
    as_of: str
    verified: bool
    article_says: Optional[str] = None


@dataclass(frozen=True)
class FaqAnswer:
    fact: Fact
    summary: str


@dataclass(frozen=True)
class Credential:
    key: str
    name: str
    attributes: Mapping[str, Fact]


@dataclass(frozen=True)
class Programme:
    id: str
    title: str
    institution: str
    credential_type: str
    subjects: Tuple[str, ...]
    courses: Optional[int]
    structure: Optional[str]
    duration: Optional[str]
    price: Optional[str]
    price_as_of: Optional[str]
    credit_pathway: Optional[str]
    platform: str
    status: str
    notes: Optional[str]
    sources: Tuple[str, ...]
    as_of: str
    # What it is when it is neither kind exactly ("a separate edX program type"); listed with its nearer kind.
    kind_label: Optional[str] = None
    # A whole-programme price in US dollars that the sources give only as an estimate (no published
    # total): HarvardX Data Science, 9 courses at the capstone's $149. Never said as a price.
    estimated_total: Optional[int] = None
    # The research's confidence in the row: high | medium | low (CONFIDENCE_LEVELS).
    confidence: str = "medium"
    # Who reported the course list in ``structure``, and when ("unknown" when undated);
    # ``structure`` opens with "As reported by <source>, <date>:" accordingly.
    course_list_source: Optional[str] = None
    course_list_as_of: Optional[str] = None
    # The sources show only that the programme exists: no courses, length, price or pathway.
    existence_only: bool = False


@dataclass(frozen=True)
class Named:
    """A subject or an institution: a canonical name and the ways people say it."""

    name: str
    aliases: Tuple[str, ...]


@dataclass(frozen=True)
class UnverifiedClaim:
    id: str
    claim: str
    institution: Optional[str]
    subjects: Tuple[str, ...]
    credential_type: Optional[str]
    answer: str
    alternatives: Tuple[str, ...]
    sources: Tuple[str, ...]
    as_of: str
    keywords: Tuple[str, ...] = ()


@dataclass(frozen=True)
class OtherInstitution:
    """A university people ask about that my catalogue has no programme from, and what my sources say of it."""

    name: str
    aliases: Tuple[str, ...]
    note: Optional[str] = None
    sources: Tuple[str, ...] = ()
    as_of: str = "unknown"


@dataclass(frozen=True)
class ExchangeRates:
    """One day's reference rates, to read a budget given in another currency as US dollars."""

    as_of: str
    sources: Tuple[str, ...]
    per_euro: Mapping[str, float]

    def to_dollars(self, amount: float, currency: str) -> Optional[float]:
        """``amount`` of ``currency`` (ISO code) in US dollars, or None for a currency without a rate."""
        rate = self.per_euro.get(currency.upper())
        return None if rate is None else amount / rate * self.per_euro["USD"]


@dataclass(frozen=True)
class KnowledgeBase:
    sources: Mapping[str, Source]
    credentials: Mapping[str, Credential]
    faq: Mapping[str, Mapping[str, FaqAnswer]]
    programmes: Tuple[Programme, ...]
    subjects: Tuple[Named, ...]
    institutions: Tuple[Named, ...]
    unverified: Tuple[UnverifiedClaim, ...]
    other_institutions: Tuple[OtherInstitution, ...] = ()
    exchange_rates: Optional[ExchangeRates] = None

    def programme(self, programme_id: str) -> Programme:
        for programme in self.programmes:
            if programme.id == programme_id:
                return programme
        raise KeyError(programme_id)


class _Entry:
    """Typed field access for one YAML mapping, with errors that say where."""

    def __init__(self, file: str, entry: str, data: Any) -> None:
        self.file, self.entry = file, entry
        if not isinstance(data, dict):
            self.fail(None, f"expected a mapping, got {type(data).__name__}")
        self.data: Dict[str, Any] = data

    def fail(self, field: Optional[str], problem: str) -> None:
        where = f"{self.file}: entry '{self.entry}'"
        if field:
            where += f": field '{field}'"
        raise KnowledgeError(f"{where}: {problem}")

    def _get(self, field: str, optional: bool) -> Any:
        if field not in self.data:
            if optional:
                return None
            self.fail(field, "is missing")
        return self.data[field]

    def text(self, field: str, optional: bool = False) -> Optional[str]:
        value = self._get(field, optional)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(field, f"expected non-empty text, got {value!r}")
        return value.strip()

    def choice(self, field: str, allowed: Tuple[str, ...]) -> str:
        value = self.text(field)
        if value not in allowed:
            self.fail(field, f"expected one of {', '.join(allowed)}, got {value!r}")
        return str(value)

    def as_of(self, field: str = "as_of", optional: bool = False) -> Optional[str]:
        value = self._get(field, optional)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not (_AS_OF.match(value) or value == "unknown"):
            self.fail(field, f'expected a quoted date like "2022-08", got {value!r}')
        return value

    def flag(self, field: str) -> bool:
        value = self._get(field, False)
        if not isinstance(value, bool):
            self.fail(field, f"expected true or false, got {value!r}")
        return bool(value)

    def count(self, field: str, optional: bool = False) -> Optional[int]:
        value = self._get(field, optional)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            self.fail(field, f"expected a positive whole number or null, got {value!r}")
        return value

    def texts(self, field: str, allow_empty: bool = False) -> Tuple[str, ...]:
        value = self._get(field, False)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(field, f"expected a list of text, got {value!r}")
        if not value and not allow_empty:
            self.fail(field, "must not be empty")
        return tuple(v.strip() for v in value)

    def mapping(self, field: str) -> Dict[str, Any]:
        value = self._get(field, False)
        if not isinstance(value, dict):
            self.fail(field, f"expected a mapping, got {type(value).__name__}")
        return value

    def optional_flag(self, field: str) -> bool:
        """A true/false field that may be left out (false)."""
        return self.flag(field) if field in self.data else False

    def only_fields(self, allowed: frozenset) -> None:
        """Refuse a field the schema does not know ("confidance"), which would otherwise be ignored."""
        for field in self.data:
            if field not in allowed:
                self.fail(str(field), f"unknown field (expected one of: {', '.join(sorted(allowed))})")


def _read_yaml(path: Path, top_key: str) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
    except FileNotFoundError:
        raise KnowledgeError(f"{path.name}: file is missing from {path.parent}") from None
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path.name}: not valid YAML: {error}") from None
    if not isinstance(document, dict) or top_key not in document:
        raise KnowledgeError(f"{path.name}: expected a top-level '{top_key}:' key")
    return document[top_key]


def _entries(path: Path, top_key: str) -> List[_Entry]:
    items = _read_yaml(path, top_key)
    if not isinstance(items, list) or not items:
        raise KnowledgeError(f"{path.name}: '{top_key}' must be a non-empty list")
    key_field = "id" if top_key in _ID_KEYED else "name"
    entries = []
    seen = set()
    for index, item in enumerate(items):
        label = item.get(key_field) if isinstance(item, dict) else None
        entry = _Entry(path.name, str(label or f"#{index + 1}"), item)
        key = entry.text(key_field)
        if key in seen:
            entry.fail(key_field, f"duplicate {key!r}")
        if key_field == "id" and not _ID.match(str(key)):
            entry.fail("id", f"expected snake_case letters, digits and _, got {key!r}")
        seen.add(key)
        entries.append(entry)
    return entries


def _fact(entry: _Entry, sources: Mapping[str, Source]) -> Fact:
    fact = Fact(
        text=str(entry.text("text")),
        sources=entry.texts("sources"),
        as_of=str(entry.as_of()),
        verified=entry.flag("verified"),
        article_says=entry.text("article_says", optional=True),
    )
    _check_sources(entry, fact.sources, sources)
    return fact


def _check_sources(entry: _Entry, ids: Tuple[str, ...], sources: Mapping[str, Source]) -> None:
    for source_id in ids:
        if source_id not in sources:
            entry.fail("sources", f"unknown source id {source_id!r} (not in sources.yml)")


def _load_sources(directory: Path) -> Dict[str, Source]:
    sources = {}
    for entry in _entries(directory / "sources.yml", "sources"):
        url = str(entry.text("url"))
        if not url.startswith(("https://", "http://")):
            entry.fail("url", f"expected an http(s) address, got {url!r}")
        source = Source(
            str(entry.text("id")),
            str(entry.text("title")),
            url,
            entry.choice("kind", SOURCE_KINDS),
            str(entry.as_of("date")),
        )
        sources[source.id] = source
    return sources


def _load_credentials(directory: Path, sources: Mapping[str, Source]) -> Dict[str, Credential]:
    path = directory / "credentials.yml"
    table = _read_yaml(path, "credentials")
    if not isinstance(table, dict):
        raise KnowledgeError(f"{path.name}: 'credentials' must be a mapping")
    credentials = {}
    for key in CREDENTIAL_TYPES:
        entry = _Entry(path.name, key, table.get(key))
        attributes_data = entry.mapping("attributes")
        attributes = {}
        for attribute in ATTRIBUTES:
            if attribute not in attributes_data:
                entry.fail(f"attributes.{attribute}", "is missing")
            attributes[attribute] = _fact(
                _Entry(path.name, f"{key}.attributes.{attribute}", attributes_data[attribute]), sources
            )
        credentials[key] = Credential(key, str(entry.text("name")), attributes)
    return credentials


def _load_faq(directory: Path, sources: Mapping[str, Source]) -> Dict[str, Dict[str, FaqAnswer]]:
    path = directory / "faq.yml"
    table = _read_yaml(path, "faq")
    if not isinstance(table, dict):
        raise KnowledgeError(f"{path.name}: 'faq' must be a mapping")
    faq: Dict[str, Dict[str, FaqAnswer]] = {}
    for topic in FAQ_TOPICS:
        entry = _Entry(path.name, topic, table.get(topic))
        entry.text("question")
        answers = entry.mapping("answers")
        faq[topic] = {}
        for credential in CREDENTIAL_TYPES:
            if credential not in answers:
                entry.fail(f"answers.{credential}", "is missing")
            answer = _Entry(path.name, f"{topic}.answers.{credential}", answers[credential])
            faq[topic][credential] = FaqAnswer(_fact(answer, sources), str(answer.text("summary")))
    return faq


def _load_named(directory: Path, kind: str) -> Tuple[Named, ...]:
    items = []
    for entry in _entries(directory / f"{kind}.yml", kind):
        aliases = entry.texts("aliases", allow_empty=True)
        items.append(Named(str(entry.text("name")), tuple(a.lower() for a in aliases)))
    return tuple(items)


def _load_programmes(
    directory: Path,
    sources: Mapping[str, Source],
    subjects: Tuple[Named, ...],
    institutions: Tuple[Named, ...],
) -> Tuple[Programme, ...]:
    subject_names = {s.name for s in subjects}
    institution_names = {i.name for i in institutions}
    programmes = []
    for entry in _entries(directory / "programmes.yml", "programmes"):
        entry.only_fields(PROGRAMME_FIELDS)
        price = entry.text("price", optional=True)
        course_list_source, course_list_as_of = _course_list(entry)
        programme = Programme(
            id=str(entry.text("id")),
            title=str(entry.text("title")),
            institution=str(entry.text("institution")),
            credential_type=entry.choice("credential_type", CREDENTIAL_TYPES),
            subjects=entry.texts("subjects"),
            courses=entry.count("courses"),
            structure=entry.text("structure", optional=True),
            duration=entry.text("duration", optional=True),
            price=price,
            price_as_of=entry.as_of("price_as_of", optional=price is None),
            credit_pathway=entry.text("credit_pathway", optional=True),
            platform=str(entry.text("platform")),
            status=entry.choice("status", PROGRAMME_STATUSES),
            notes=entry.text("notes", optional=True),
            sources=entry.texts("sources"),
            as_of=str(entry.as_of()),
            kind_label=entry.text("kind_label", optional=True),
            estimated_total=entry.count("estimated_total", optional=True),
            confidence=entry.choice("confidence", CONFIDENCE_LEVELS),
            course_list_source=course_list_source,
            course_list_as_of=course_list_as_of,
            existence_only=entry.optional_flag("existence_only"),
        )
        _check_sources(entry, programme.sources, sources)
        _check_research_fields(entry, programme)
        if programme.institution not in institution_names:
            entry.fail("institution", f"{programme.institution!r} is not in institutions.yml")
        for subject in programme.subjects:
            if subject not in subject_names:
                entry.fail("subjects", f"{subject!r} is not in subjects.yml")
        programmes.append(programme)
    return tuple(programmes)


def _course_list(entry: _Entry) -> Tuple[Optional[str], Optional[str]]:
    """The ``course_list`` mapping: the source id and date of the course list, or (None, None)."""
    if "course_list" not in entry.data:
        return None, None
    course_list = _Entry(entry.file, entry.entry, entry.mapping("course_list"))
    for field in course_list.data:
        if field not in ("source", "as_of"):
            entry.fail(f"course_list.{field}", "unknown field (expected source and as_of)")
    if "source" not in course_list.data:
        entry.fail("course_list.source", "is missing")
    if "as_of" not in course_list.data:
        entry.fail("course_list.as_of", "is missing")
    source, as_of = course_list.data["source"], course_list.data["as_of"]
    if not isinstance(source, str) or not source.strip():
        entry.fail("course_list.source", f"expected a source id, got {source!r}")
    if not isinstance(as_of, str) or not (_AS_OF.match(as_of) or as_of == "unknown"):
        entry.fail("course_list.as_of", f'expected a quoted date like "2023-04-05" or "unknown", got {as_of!r}')
    return source.strip(), as_of


def _check_research_fields(entry: _Entry, programme: Programme) -> None:
    """What the research's confidence, course-list dates and existence-only rows require of a programme."""
    if programme.confidence == "low" and programme.status not in _LOW_CONFIDENCE_STATUSES:
        entry.fail(
            "status",
            f"a low-confidence programme must be {' or '.join(_LOW_CONFIDENCE_STATUSES)}, got {programme.status!r}",
        )
    if programme.structure and programme.course_list_source is None:
        entry.fail("course_list", "is missing: a course list needs the source and date it is reported by")
    if programme.course_list_source is not None:
        if programme.course_list_source not in programme.sources:
            entry.fail("course_list.source", f"{programme.course_list_source!r} is not one of this programme's sources")
        if not programme.structure:
            entry.fail("structure", "is missing: course_list is given, so the structure must quote the course list")
        opening = programme.structure.split(":", 1)[0]
        when = "undated" if programme.course_list_as_of == "unknown" else programme.course_list_as_of
        if not opening.startswith(_REPORTED_BY) or f", {when}" not in opening:
            entry.fail(
                "structure",
                f'expected it to open with "{_REPORTED_BY}<source>, {when}:" (the course_list date), '
                f"got {programme.structure[:60]!r}",
            )
    if programme.existence_only:
        for field in EXISTENCE_ONLY_EMPTY:
            if getattr(programme, field) is not None:
                entry.fail(
                    field, "must be null: the programme is existence_only (its sources show only that it exists)"
                )
        if programme.course_list_source is not None:
            entry.fail("course_list", "must be left out: the programme is existence_only")
        if not programme.notes or not _ONLY_EXISTS.search(programme.notes):
            entry.fail(
                "notes", 'must say so for an existence_only programme ("... show only that this programme exists")'
            )


def _load_unverified(
    directory: Path,
    sources: Mapping[str, Source],
    programmes: Tuple[Programme, ...],
    subjects: Tuple[Named, ...],
) -> Tuple[UnverifiedClaim, ...]:
    programme_ids = {p.id for p in programmes}
    subject_names = {s.name for s in subjects}
    claims = []
    for entry in _entries(directory / "unverified.yml", "unverified"):
        credential_type = entry.text("credential_type", optional=True)
        if credential_type is not None and credential_type not in CREDENTIAL_TYPES:
            entry.fail("credential_type", f"expected one of {', '.join(CREDENTIAL_TYPES)} or null")
        claim = UnverifiedClaim(
            id=str(entry.text("id")),
            claim=str(entry.text("claim")),
            institution=entry.text("institution", optional=True),
            subjects=entry.texts("subjects", allow_empty=True),
            credential_type=credential_type,
            answer=str(entry.text("answer")),
            alternatives=entry.texts("alternatives", allow_empty=True),
            sources=entry.texts("sources"),
            as_of=str(entry.as_of()),
            keywords=entry.texts("keywords", allow_empty=True) if "keywords" in entry.data else (),
        )
        _check_sources(entry, claim.sources, sources)
        for alternative in claim.alternatives:
            if alternative not in programme_ids:
                entry.fail("alternatives", f"unknown programme id {alternative!r}")
        for subject in claim.subjects:
            if subject not in subject_names:
                entry.fail("subjects", f"{subject!r} is not in subjects.yml")
        claims.append(claim)
    return tuple(claims)


def _load_other_institutions(
    directory: Path, sources: Mapping[str, Source], institutions: Tuple[Named, ...]
) -> Tuple[OtherInstitution, ...]:
    known = {alias for institution in institutions for alias in (institution.name.lower(), *institution.aliases)}
    others = []
    for entry in _entries(directory / "other_institutions.yml", "other_institutions"):
        note = entry.text("note", optional=True)
        other = OtherInstitution(
            name=str(entry.text("name")),
            aliases=tuple(a.lower() for a in entry.texts("aliases")),
            note=note,
            sources=entry.texts("sources", allow_empty=True) if "sources" in entry.data else (),
            as_of=str(entry.as_of()) if "as_of" in entry.data else "unknown",
        )
        if note and not other.sources:
            entry.fail("sources", "a note needs its sources")
        _check_sources(entry, other.sources, sources)
        for alias in other.aliases:
            if alias in known:
                entry.fail("aliases", f"{alias!r} is an institution of the catalogue (institutions.yml)")
        others.append(other)
    return tuple(others)


def _load_exchange_rates(directory: Path, sources: Mapping[str, Source]) -> ExchangeRates:
    entry = _Entry(
        "exchange_rates.yml", "exchange_rates", _read_yaml(directory / "exchange_rates.yml", "exchange_rates")
    )
    ids = entry.texts("sources")
    _check_sources(entry, ids, sources)
    rates = entry.mapping("per_euro")
    for code, rate in rates.items():
        if not re.fullmatch(r"[A-Z]{3}", str(code)):
            entry.fail("per_euro", f"expected three-letter currency codes, got {code!r}")
        if isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0:
            entry.fail("per_euro", f"expected a positive rate for {code}, got {rate!r}")
    if "USD" not in rates:
        entry.fail("per_euro", "needs USD, the currency budgets are read in")
    return ExchangeRates(str(entry.as_of()), ids, {str(code): float(rate) for code, rate in rates.items()})


def load_knowledge(directory: Path = DEFAULT_DIRECTORY) -> KnowledgeBase:
    """Read every file in ``directory`` and check it; raise KnowledgeError if not sound."""
    directory = Path(directory)
    sources = _load_sources(directory)
    subjects = _load_named(directory, "subjects")
    institutions = _load_named(directory, "institutions")
    programmes = _load_programmes(directory, sources, subjects, institutions)
    return KnowledgeBase(
        sources=sources,
        credentials=_load_credentials(directory, sources),
        faq=_load_faq(directory, sources),
        programmes=programmes,
        subjects=subjects,
        institutions=institutions,
        unverified=_load_unverified(directory, sources, programmes, subjects),
        other_institutions=_load_other_institutions(directory, sources, institutions),
        exchange_rates=_load_exchange_rates(directory, sources),
    )


@cache
def default_knowledge() -> KnowledgeBase:
    """The deployment's knowledge base, loaded once per process.

    ``ADVISOR_KNOWLEDGE_DIR`` points at another copy (tests use it to prove that
    a broken file stops the action server).
    """
    return load_knowledge(Path(os.environ.get("ADVISOR_KNOWLEDGE_DIR") or DEFAULT_DIRECTORY))
