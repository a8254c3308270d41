"""The knowledge base loads, is complete, and refuses broken files loudly."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from advisor.knowledge import (
    ATTRIBUTES,
    CREDENTIAL_TYPES,
    DEFAULT_DIRECTORY,
    FAQ_TOPICS,
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
            r"other_institutions\.yml: entry 'RWTH Aachen': field 'aliases'",
        ),
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
