"""The training example most like a message, by the letters they share.

DIET's confidence decides whether the bot understood a message, and it hesitates
on short casual phrasings ("thnks", "bbye", "signing off for tonight") that are
spelled almost like a training example. When the intent the classifiers agree on
is also the intent of such a close training example, the message was understood
after all. Nonsense ("qwertyuiop", "🍕🍕🍕") resembles no example that closely.

Similarity is the cosine of character 2-4-grams inside word boundaries, counts
damped by a logarithm and weighted by inverse document frequency (scikit-learn's
tf-idf), so shared rare fragments count more than shared "th". Everything is
kept as plain arrays, so a trained index is saved and loaded without pickling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

import numpy as np
import scipy.sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

NGRAMS = (2, 4)


def _vectorizer(vocabulary: Dict[str, int] | None = None) -> CountVectorizer:
    return CountVectorizer(analyzer="char_wb", ngram_range=NGRAMS, lowercase=True, vocabulary=vocabulary)


def _weigh(counts: scipy.sparse.csr_matrix, idf: np.ndarray) -> scipy.sparse.csr_matrix:
    """Damped counts times idf, each row scaled to unit length (so a dot product is the cosine)."""
    weighted = counts.astype(float).tocsr()
    weighted.data = 1 + np.log(weighted.data)
    return normalize(weighted.multiply(idf).tocsr())


@dataclass
class NearestExample:
    """An index of training texts and their intents, searchable by character n-grams."""

    terms: np.ndarray  # the n-gram of each column
    idf: np.ndarray  # inverse document frequency of each column
    matrix: scipy.sparse.csr_matrix  # one unit-length row per training text
    labels: np.ndarray  # the intent of each row
    _vectorizer: CountVectorizer | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str]) -> NearestExample:
        """Index the training texts (with smooth idf, as scikit-learn's TfidfTransformer)."""
        if len(texts) != len(labels) or not texts:
            raise ValueError(f"need one label per text and at least one text: {len(texts)} texts, {len(labels)} labels")
        vectorizer = _vectorizer()
        counts = vectorizer.fit_transform(list(texts)).tocsr()
        document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
        idf = np.log((1 + counts.shape[0]) / (1 + document_frequency)) + 1
        terms = vectorizer.get_feature_names_out().astype(str)
        return cls(terms, idf, _weigh(counts, idf), np.asarray(labels, dtype=str))

    def nearest(self, texts: Sequence[str]) -> List[Tuple[str, float]]:
        """For each text, the intent of its most similar training example and the cosine similarity.

        A text sharing no n-gram with any example gets similarity 0.0 (and the first row's intent).
        """
        if not texts:
            return []
        if self._vectorizer is None:  # built once: the vocabulary has about 10,000 n-grams
            self._vectorizer = _vectorizer({term: column for column, term in enumerate(self.terms)})
        rows = _weigh(self._vectorizer.transform(list(texts)).tocsr(), self.idf)
        similarities = (rows @ self.matrix.T).toarray()
        best = similarities.argmax(axis=1)
        return [(str(self.labels[b]), float(similarities[i, b])) for i, b in enumerate(best)]

    def to_arrays(self) -> Dict[str, np.ndarray]:
        """Plain arrays for ``np.savez`` (no object arrays, so ``allow_pickle=False`` loads them)."""
        return {
            "nearest_terms": self.terms,
            "nearest_idf": self.idf,
            "nearest_data": self.matrix.data,
            "nearest_indices": self.matrix.indices,
            "nearest_indptr": self.matrix.indptr,
            "nearest_shape": np.asarray(self.matrix.shape),
            "nearest_labels": self.labels,
        }

    @classmethod
    def from_arrays(cls, arrays: Dict[str, np.ndarray]) -> NearestExample:
        """The index ``to_arrays`` saved."""
        matrix = scipy.sparse.csr_matrix(
            (arrays["nearest_data"], arrays["nearest_indices"], arrays["nearest_indptr"]),
            shape=tuple(arrays["nearest_shape"]),
        )
        return cls(arrays["nearest_terms"], arrays["nearest_idf"], matrix, arrays["nearest_labels"])
