"""The nearest training example by character n-grams: the check that vouches for hesitant DIET labels."""

import numpy as np
import pytest

from components.nearest_example import NearestExample

TEXTS = ["thanks a lot", "bye bye", "how much does a micromasters cost", "signing off"]
LABELS = ["thank", "goodbye", "ask_cost", "goodbye"]


def test_a_typo_finds_the_example_it_misspells():
    index = NearestExample.fit(TEXTS, LABELS)
    (intent, similarity), (intent2, similarity2) = index.nearest(["thnks alot", "signing off for tonight"])
    assert intent == "thank" and similarity > 0.5
    assert intent2 == "goodbye" and similarity2 > 0.5


def test_an_exact_training_text_is_similarity_one_ignoring_case():
    index = NearestExample.fit(TEXTS, LABELS)
    assert index.nearest(["BYE BYE"]) == [("goodbye", pytest.approx(1.0))]


def test_nonsense_resembles_nothing_closely():
    index = NearestExample.fit(TEXTS, LABELS)
    similarities = [similarity for _, similarity in index.nearest(["qwertyuiop", "🍕🍕🍕", "zxcv jjkv"])]
    assert max(similarities) < 0.3
    assert index.nearest(["🍕🍕🍕"])[0][1] == 0.0


def test_no_texts_gives_no_answers():
    assert NearestExample.fit(TEXTS, LABELS).nearest([]) == []


def test_texts_and_labels_must_pair_up():
    with pytest.raises(ValueError, match="one label per text"):
        NearestExample.fit(TEXTS, LABELS[:2])
    with pytest.raises(ValueError, match="at least one text"):
        NearestExample.fit([], [])


def test_the_index_survives_a_round_trip_through_npz_without_pickle(tmp_path):
    index = NearestExample.fit(TEXTS, LABELS)
    np.savez(tmp_path / "index.npz", **index.to_arrays())
    with np.load(tmp_path / "index.npz", allow_pickle=False) as arrays:
        loaded = NearestExample.from_arrays(dict(arrays))
    queries = ["thnks", "byee", "how much is it", "qwerty"]
    assert loaded.nearest(queries) == index.nearest(queries)
