"""The locally built spaCy pipeline: lemmas and word vectors the classifier relies on."""

from pathlib import Path

import pytest

from scripts import build_spacy_pipeline as builder

MODEL = builder.configured_model()
IS_LOCAL = "/" in MODEL


@pytest.fixture(scope="module")
def nlp():
    import spacy

    if IS_LOCAL and not (builder.ROOT / MODEL / "meta.json").exists():
        pytest.fail(f"{MODEL} is not built: run make install")
    return spacy.load(builder.ROOT / MODEL if IS_LOCAL else MODEL)


def test_lemmas_merge_plural_and_singular(nlp) -> None:
    assert [t.lemma_ for t in nlp("certificates employers costs")] == ["certificate", "employer", "cost"]


def test_related_words_are_closer_than_unrelated_ones(nlp) -> None:
    vocab = nlp.vocab
    assert vocab["price"].similarity(vocab["cost"]) > vocab["price"].similarity(vocab["weather"]) + 0.3
    assert vocab["degree"].similarity(vocab["diploma"]) > vocab["degree"].similarity(vocab["banana"]) + 0.3


@pytest.mark.skipif(not IS_LOCAL, reason="only the locally built pipeline adds case spellings")
def test_capitalised_words_have_the_lower_case_vector(nlp) -> None:
    doc = nlp("Price PRICE price")
    assert all(token.has_vector for token in doc)
    assert (doc[0].vector == doc[2].vector).all() and (doc[1].vector == doc[2].vector).all()


def test_a_tampered_download_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "fake.tgz"
    fake.write_bytes(b"not the pinned tarball")
    monkeypatch.setenv("ADVISOR_WORD_VECTORS_URL", fake.as_uri())
    with pytest.raises(SystemExit, match="checksum mismatch"):
        builder.download_vectors(tmp_path / "downloads")
    assert not list((tmp_path / "downloads").iterdir())


def test_an_unreachable_mirror_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_WORD_VECTORS_URL", (tmp_path / "missing.tgz").as_uri())
    with pytest.raises(SystemExit, match="Could not download the word vectors.*ADVISOR_WORD_VECTORS_URL"):
        builder.download_vectors(tmp_path / "downloads")
