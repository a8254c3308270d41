"""The knowledge base loads, is complete, and refuses broken files loudly."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from advisor.knowledge import (
    ATTRIBUTES,
    CONFIDENCE_LEVELS,
    CREDENTIAL_TYPES,
    DEFAULT_DIRECTORY,
    FAQ_TOPICS,
    PROFESSIONAL_CERTIFICATE,
    KnowledgeError,
    load_knowledge,
)
from advisor.replies import Citation, cite_line


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_both_credentials_have_every_attribute_of_the_comparison_table(kb):
    for credential in CREDENTIAL_TYPES:
        assert set(kb.credentials[credential].attributes) == set(ATTRIBUTES)


def test_every_faq_topic_is_answered_for_both_credentials(kb):
    for topic in FAQ_TOPICS:
        assert set(kb.faq[topic]) == set(CREDENTIAL_TYPES)


def test_catalogue_has_at_least_25_real_programmes_of_both_types(kb):
    assert len(kb.programmes) >= 25
    assert {p.credential_type for p in kb.programmes} == set(CREDENTIAL_TYPES)


# The subjects users ask about most (issue 21): each has a current programme, and
# Professional Certificates are not only in one or two of them.
ASKED_SUBJECTS = (
    "python",
    "software development",
    "web development",
    "data science",
    "artificial intelligence",
    "machine learning",
    "cybersecurity",
    "leadership",
    "product management",
    "project management",
    "business management",
)


def test_catalogue_holds_what_people_ask_for(kb):
    certificates = [p for p in kb.programmes if p.credential_type == PROFESSIONAL_CERTIFICATE]
    assert len(kb.programmes) >= 60 and len(certificates) >= 25
    current = [p for p in kb.programmes if p.status != "retired"]
    for subject in ASKED_SUBJECTS:
        assert any(subject in p.subjects for p in current), subject
    with_certificates = {s for s in ASKED_SUBJECTS if any(s in p.subjects for p in certificates)}
    assert len(with_certificates) >= len(ASKED_SUBJECTS) - 1, with_certificates


def test_every_programme_carries_the_research_confidence_and_dated_course_lists(kb):
    for programme in kb.programmes:
        assert programme.confidence in CONFIDENCE_LEVELS, programme.id
        if programme.confidence == "low":
            assert programme.status != "verified", programme.id
        if programme.structure:
            assert programme.structure.startswith("As reported by "), programme.id
            assert programme.course_list_source in programme.sources, programme.id
        if programme.existence_only:
            assert not (programme.courses or programme.structure or programme.price or programme.duration)
            assert "only that this programme exists" in (programme.notes or ""), programme.id
    assert any(p.existence_only for p in kb.programmes)


def test_article_errors_are_corrected(kb):
    mm = kb.credentials["micromasters"].attributes
    assert "tens of thousands" in (mm["cost"].article_says or "").lower()
    assert "six months" in mm["length"].text
    titles = " ".join(p.title.lower() for p in kb.programmes)
    assert not any(p.institution == "University of Michigan" and "data science" in p.subjects for p in kb.programmes)
    assert "fintech" not in titles
    claims = {c.id for c in kb.unverified}
    assert "michigan_data_science_micromasters" in claims


def test_every_fact_has_sources_and_a_date(kb):
    facts = [f for c in kb.credentials.values() for f in c.attributes.values()]
    facts += [a.fact for topic in kb.faq.values() for a in topic.values()]
    for fact in facts:
        assert fact.sources and fact.as_of
    for programme in kb.programmes:
        assert programme.sources and programme.as_of
        if programme.price:
            assert programme.price_as_of


def _broken_copy(tmp_path: Path, filename: str, change) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    path = target / filename
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return target


def test_missing_field_names_file_entry_and_field(tmp_path):
    def drop_title(data):
        del data["programmes"][0]["title"]

    directory = _broken_copy(tmp_path, "programmes.yml", drop_title)
    with pytest.raises(KnowledgeError, match=r"programmes\.yml: entry 'mitx_scm': field 'title': is missing"):
        load_knowledge(directory)


def test_wrong_type_is_refused(tmp_path):
    def bad_courses(data):
        data["programmes"][0]["courses"] = "five"

    directory = _broken_copy(tmp_path, "programmes.yml", bad_courses)
    with pytest.raises(KnowledgeError, match=r"field 'courses': expected a positive whole number"):
        load_knowledge(directory)


def test_missing_attribute_is_refused(tmp_path):
    def drop_cost(data):
        del data["credentials"]["micromasters"]["attributes"]["cost"]

    directory = _broken_copy(tmp_path, "credentials.yml", drop_cost)
    with pytest.raises(KnowledgeError, match=r"credentials\.yml: entry 'micromasters': field 'attributes\.cost'"):
        load_knowledge(directory)


def test_unknown_source_is_refused(tmp_path):
    def bad_source(data):
        data["faq"]["worth"]["answers"]["micromasters"]["sources"] = ["no_such_source"]

    directory = _broken_copy(tmp_path, "faq.yml", bad_source)
    with pytest.raises(KnowledgeError, match=r"faq\.yml: entry 'worth\.answers\.micromasters': field 'sources'"):
        load_knowledge(directory)


def test_a_source_reads_with_its_own_date_whatever_the_answer_citing_it(kb):
    """GoodCall's 2016 launch list was shown "as of 2025" in one answer and "as of 2017" in another."""
    by_2016 = cite_line(kb, [Citation("campustech_2016", "2025")])
    by_2019 = cite_line(kb, [Citation("campustech_2016", "2019")])
    assert by_2016.replace("2025", "") == by_2019.replace("2019", "")
    assert "2016-09-20" in by_2016 and by_2016.startswith("(As of 2025. Source:")
    undated = cite_line(kb, [Citation("nexedx", "2018")])
    assert "NexEdX on MicroMasters costs, undated" in undated


def _drop_first_source_date(data):
    del data["sources"][0]["date"]


def _alias_inside_the_catalogue(data):
    data["other_institutions"][0]["aliases"].append("mit")


def _estimate_as_text(data):
    data["programmes"][0]["estimated_total"] = "about 1000"


def _programme(data, programme_id):
    return next(p for p in data["programmes"] if p["id"] == programme_id)


def _edit(programme_id, **fields):
    """A change to one programme of programmes.yml: set fields, or drop those given as ``...``."""

    def change(data):
        entry = _programme(data, programme_id)
        for field, value in fields.items():
            if value is ...:
                del entry[field]
            else:
                entry[field] = value

    return change


# mitx_scm quotes its course list from MIT's SCM FAQ (undated); ibm_data_science is existence-only.
_SCM = r"programmes\.yml: entry 'mitx_scm': field "
_IBM = r"programmes\.yml: entry 'ibm_data_science': field "


@pytest.mark.parametrize(
    ("filename", "change", "message"),
    [
        ("sources.yml", _drop_first_source_date, r"sources\.yml: entry 'harvardx_faqs': field 'date': is missing"),
        (
            "programmes.yml",
            _estimate_as_text,
            r"programmes\.yml: entry '\w+': field 'estimated_total': expected a positive whole number",
        ),
        (
            "other_institutions.yml",
            _alias_inside_the_catalogue,
            r"other_institutions\.yml: entry '[^']+': field 'aliases': 'mit' is an institution of the catalogue",
        ),
        # The research's confidence level.
        ("programmes.yml", _edit("mitx_scm", confidence=...), _SCM + r"'confidence': is missing"),
        (
            "programmes.yml",
            _edit("mitx_scm", confidence="certain"),
            _SCM + r"'confidence': expected one of high, medium, low, got 'certain'",
        ),
        (
            "programmes.yml",
            _edit("mitx_scm", confidence="low"),
            _SCM + r"'status': a low-confidence programme must be uncertain or retired, got 'verified'",
        ),
        # A course list names who reported it, and when.
        ("programmes.yml", _edit("mitx_scm", course_list=...), _SCM + r"'course_list': is missing"),
        ("programmes.yml", _edit("mitx_scm", course_list="MIT FAQ"), _SCM + r"'course_list': expected a mapping"),
        (
            "programmes.yml",
            _edit("mitx_scm", course_list={"as_of": "unknown"}),
            _SCM + r"'course_list\.source': is missing",
        ),
        (
            "programmes.yml",
            _edit("mitx_scm", course_list={"source": "mit_scm_faq", "as_of": "unknown", "by": "MIT"}),
            _SCM + r"'course_list\.by': unknown field",
        ),
        (
            "programmes.yml",
            _edit("mitx_scm", course_list={"source": "mit_scm_faq", "as_of": "April 2023"}),
            _SCM + r"'course_list\.as_of': expected a quoted date",
        ),
        (
            "programmes.yml",
            _edit("mitx_scm", course_list={"source": "nexedx", "as_of": "unknown"}),
            _SCM + r"'course_list\.source': 'nexedx' is not one of this programme's sources",
        ),
        (
            "programmes.yml",
            _edit("mitx_scm", course_list={"source": "mit_scm_faq", "as_of": "2019"}),
            _SCM + r"'structure': expected it to open with \"As reported by <source>, 2019:\"",
        ),
        (
            "programmes.yml",
            _edit("mitx_scm", structure="5 courses: SC0x; SC1x; SC2x; SC3x; SC4x."),
            _SCM + r"'structure': expected it to open with \"As reported by <source>, undated:\"",
        ),
        (
            "programmes.yml",
            _edit("mitx_scm", structure=None),
            _SCM + r"'structure': is missing: course_list is given",
        ),
        # A row that shows only that the programme exists says so, and claims nothing more.
        ("programmes.yml", _edit("ibm_data_science", existence_only="yes"), _IBM + r"'existence_only': expected true"),
        (
            "programmes.yml",
            _edit("ibm_data_science", price="$99 a course", price_as_of="2023"),
            _IBM + r"'price': must be null: the programme is existence_only",
        ),
        (
            "programmes.yml",
            _edit("ibm_data_science", courses=5),
            _IBM + r"'courses': must be null: the programme is existence_only",
        ),
        (
            "programmes.yml",
            _edit("ibm_data_science", notes="An IBM programme on edX."),
            _IBM + r"'notes': must say so for an existence_only programme",
        ),
        # A misspelt field is refused instead of silently ignored.
        ("programmes.yml", _edit("mitx_scm", confidance="high"), _SCM + r"'confidance': unknown field"),
    ],
)
def test_newer_fields_are_validated_naming_file_entry_and_field(tmp_path, filename, change, message):
    directory = _broken_copy(tmp_path, filename, change)
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(directory)


def test_malformed_yaml_names_the_file(tmp_path):
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    (target / "subjects.yml").write_text("subjects: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"subjects\.yml: not valid YAML"):
        load_knowledge(target)


def test_action_server_refuses_to_start_with_a_broken_knowledge_base(tmp_path):
    """The real action server exits with the error instead of serving half answers."""

    def drop_title(data):
        del data["programmes"][0]["title"]

    directory = _broken_copy(tmp_path, "programmes.yml", drop_title)
    from scripts.stack import BIN, ROOT, environment, free_port

    result = subprocess.run(
        [str(BIN / "rasa"), "run", "actions", "--port", str(free_port())],
        cwd=ROOT,
        env=environment({"ADVISOR_KNOWLEDGE_DIR": str(directory)}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "programmes.yml: entry 'mitx_scm': field 'title': is missing" in result.stdout + result.stderr


def test_no_text_a_user_sees_mentions_the_projects_own_founding_article():
    # Users have never seen that article; "the founding article probably got this wrong" confused them.
    for path in sorted(Path("knowledge").glob("*.yml")):
        said = json.dumps(yaml.safe_load(path.read_text(encoding="utf-8"))).lower()
        assert "founding article" not in said, path


def test_no_knowledge_file_or_readme_points_outside_the_repository():
    """The project stands on its own: no comment names a machine's path or a file outside the repository."""
    outside = re.compile(
        r"(?<![\w.])(?:\.\./|/work/|/home/|/tmp/|~/)|domain-facts|catalogue-additions|shared/(?:research|seed)"
    )
    for path in [*sorted(Path("knowledge").glob("*.yml")), Path("README.md")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not outside.search(line), f"{path}:{number}: {line.strip()}"


@pytest.mark.parametrize(
    ("amount", "currency", "low", "high"),
    [(1000, "EUR", 1030, 1045), (1000, "USD", 1000, 1000), (100000, "INR", 1150, 1190), (500, "GBP", 620, 635)],
)
def test_a_budget_in_another_currency_is_read_in_dollars_at_the_dated_rates(kb, amount, currency, low, high):
    assert low <= kb.exchange_rates.to_dollars(amount, currency) <= high
    assert kb.exchange_rates.as_of and kb.exchange_rates.sources


def test_a_currency_without_a_rate_gives_no_figure(kb):
    assert kb.exchange_rates.to_dollars(100, "XYZ") is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda data: data["exchange_rates"]["per_euro"].pop("USD"),
            r"exchange_rates\.yml: entry 'exchange_rates': field 'per_euro': needs USD",
        ),
        (
            lambda data: data["exchange_rates"]["per_euro"].update(GBP=-1),
            r"field 'per_euro': expected a positive rate for GBP",
        ),
        (
            lambda data: data["exchange_rates"]["per_euro"].update(pounds=1.2),
            r"field 'per_euro': expected three-letter currency codes",
        ),
        (
            lambda data: data["exchange_rates"].update(sources=["nowhere"]),
            r"exchange_rates\.yml: entry 'exchange_rates': field 'sources'",
        ),
    ],
)
def test_broken_exchange_rates_are_refused_naming_the_field(tmp_path, change, message):
    directory = _broken_copy(tmp_path, "exchange_rates.yml", change)
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(directory)
