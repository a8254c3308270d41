"""The words the reading knows, loaded from ``lexicon/*.yml`` and checked when loaded.

Each file has ``cues:``, named lists of phrases (matched as whole words in the
normalised message, see ``advisor.matching.normalise``) or ``{re: ...}``
patterns, and may have ``vague:``, words that give an answer without a figure
("flexible", "weekends only") with the value they are read as and how the bot
says that reading back. A word list belongs here, not in code: the reading
asks for a cue by name. Errors name the file, the entry and the field.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Pattern, Tuple, Union

import yaml

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "lexicon"
# Answers that a vague value may stand for; ``value`` is a number or one of these words.
VAGUE_SLOTS = ("budget", "weekly_hours", "horizon_months")
VAGUE_WORDS = ("no_limit", "low", "nothing")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names file, entry and field."""


@dataclass(frozen=True)
class Vague:
    """Words that answer without a figure, the value they are read as, and how that is said back."""

    slot: str
    pattern: Pattern[str]
    value: Union[float, str]
    read_as: str
    # The words name their answer by themselves ("my employer pays"); otherwise they answer only
    # the question just asked, or a clause about that answer ("not much" is no budget by itself).
    alone: bool = False


@dataclass(frozen=True)
class Lexicon:
    cues: Mapping[str, Pattern[str]]
    vague: Tuple[Vague, ...]
    # Chat shorthand and the word it stands for ("u" -> "you"), applied when a message is normalised.
    spellings: Mapping[str, str] = field(default_factory=dict)

    def pattern(self, cue: str) -> Pattern[str]:
        try:
            return self.cues[cue]
        except KeyError:
            raise LexiconError(f"no cue named {cue!r} in lexicon/*.yml") from None

    def find(self, cue: str, words: str) -> Optional[re.Match[str]]:
        """The first place the cue occurs in ``words`` (normalised text), or None."""
        return self.pattern(cue).search(words)

    def has(self, cue: str, words: str) -> bool:
        return self.find(cue, words) is not None

    def every(self, cue: str, words: str) -> Iterator[re.Match[str]]:
        return self.pattern(cue).finditer(words)

    def whole(self, cue: str, words: str) -> bool:
        """Whether ``words`` say nothing but the cue (filler punctuation aside)."""
        return self.pattern(cue).fullmatch(words.strip(" .!?,")) is not None


def _phrase(phrase: str) -> str:
    """A phrase as whole words; a symbol at either end ("$", "₹") needs no word boundary there."""
    body = r"\s+".join(map(re.escape, phrase.split()))
    start = r"(?<![\w'])" if re.match(r"\w", phrase) else ""
    end = r"(?![\w'])" if re.search(r"\w$", phrase) else ""
    return start + body + end


def _alternatives(file: str, name: str, entries: Any) -> Pattern[str]:
    where = f"{file}: entry '{name}'"
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{where}: expected a non-empty list of phrases or {{re: ...}}")
    parts: List[str] = []
    for index, item in enumerate(entries, start=1):
        if isinstance(item, str) and item.strip():
            parts.append(_phrase(item.strip().lower()))
        elif isinstance(item, dict) and set(item) == {"re"} and isinstance(item["re"], str):
            try:
                re.compile(item["re"])
            except re.error as error:
                raise LexiconError(f"{where}: field 're' (item {index}): not a valid pattern: {error}") from None
            parts.append(f"(?:{item['re']})")
        else:
            raise LexiconError(f"{where}: item {index}: expected a phrase or {{re: ...}}, got {item!r}")
    return re.compile("|".join(parts))


def _vague(file: str, slot: str, entries: Any) -> List[Vague]:
    if slot not in VAGUE_SLOTS:
        raise LexiconError(f"{file}: entry 'vague.{slot}': expected one of {', '.join(VAGUE_SLOTS)}")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{file}: entry 'vague.{slot}': expected a non-empty list")
    found = []
    for index, item in enumerate(entries, start=1):
        where = f"{file}: entry 'vague.{slot}' item {index}"
        if not isinstance(item, dict):
            raise LexiconError(f"{where}: expected a mapping with words, value and read_as")
        for name in ("words", "value", "read_as"):
            if name not in item:
                raise LexiconError(f"{where}: field '{name}' is missing")
        value = item["value"]
        if not (isinstance(value, int | float) and not isinstance(value, bool) and value >= 0) and (
            value not in VAGUE_WORDS
        ):
            raise LexiconError(f"{where}: field 'value': expected a number or one of {', '.join(VAGUE_WORDS)}")
        if not isinstance(item["read_as"], str) or not item["read_as"].strip():
            raise LexiconError(f"{where}: field 'read_as': expected non-empty text")
        if not isinstance(item.get("alone", False), bool):
            raise LexiconError(f"{where}: field 'alone': expected true or false")
        pattern = _alternatives(file, f"vague.{slot} item {index} words", item["words"])
        number = float(value) if isinstance(value, int | float) else value
        found.append(Vague(slot, pattern, number, item["read_as"], bool(item.get("alone", False))))
    return found


def load_lexicon(directory: Path = DEFAULT_DIRECTORY) -> Lexicon:
    """Read every ``*.yml`` in ``directory``; raise LexiconError if one is not sound."""
    cues: Dict[str, Pattern[str]] = {}
    vague: List[Vague] = []
    spellings: Dict[str, str] = {}
    files = sorted(Path(directory).glob("*.yml"))
    if not files:
        raise LexiconError(f"no lexicon files in {directory}")
    for path in files:
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise LexiconError(f"{path.name}: not valid YAML: {error}") from None
        if not isinstance(document, dict) or not set(document) <= {"cues", "vague", "spellings"} or not document:
            raise LexiconError(f"{path.name}: expected top-level 'cues:', 'vague:' and/or 'spellings:' mappings only")
        for short, full in (document.get("spellings") or {}).items():
            if not (isinstance(short, str) and isinstance(full, str) and re.fullmatch(r"[a-z']+", short) and full):
                raise LexiconError(f"{path.name}: spellings entry {short!r}: a lower-case word and the text it means")
            spellings[short] = full
        for name, entries in (document.get("cues") or {}).items():
            if not isinstance(name, str):
                raise LexiconError(f"{path.name}: entry {name!r}: cue names must be text (quote yes, no, on, off)")
            if name in cues:
                raise LexiconError(f"{path.name}: entry '{name}': defined in another lexicon file too")
            cues[name] = _alternatives(path.name, name, entries)
        for slot, entries in (document.get("vague") or {}).items():
            vague += _vague(path.name, slot, entries)
    return Lexicon(cues, tuple(vague), spellings)


@cache
def default_lexicon() -> Lexicon:
    """The deployment's lexicon, loaded once per process (``ADVISOR_LEXICON_DIR`` points at another)."""
    return load_lexicon(Path(os.environ.get("ADVISOR_LEXICON_DIR") or DEFAULT_DIRECTORY))
