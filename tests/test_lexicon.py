"""The lexicon: the word lists the reading asks for by name, checked when loaded so a typo in a YAML file
stops the bot with the file, entry and field named instead of silently misreading people."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from advisor.lexicon import DEFAULT_DIRECTORY, LexiconError, default_lexicon, load_lexicon
from advisor.matching import normalise

ROOT = Path(__file__).resolve().parents[1]


def cues_named_in_code():
    """Every cue the code asks for by a literal name: each must exist in lexicon/*.yml."""
    names = set()
    for path in [*(ROOT / "advisor").glob("*.py"), *(ROOT / "actions").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\.(?:has|find|whole|every|pattern)\(\s*\"([a-z_]+)\"", text))
    return sorted(names)


@pytest.mark.parametrize("cue", cues_named_in_code())
def test_every_cue_the_code_asks_for_is_in_the_lexicon(cue):
    assert cue in default_lexicon().cues


def test_phrases_match_whole_words_only():
    lexicon = default_lexicon()
    assert lexicon.has("thanks", "ok thanks") and not lexicon.has("thanks", "thanksgiving plans")
    assert lexicon.whole("acknowledgement", "ok.") and not lexicon.whole("acknowledgement", "ok how much")


def _broken(tmp_path, filename, text):
    target = tmp_path / "lexicon"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    (target / filename).write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cues:\n  new_cue: []\n", r"extra\.yml: entry 'new_cue': expected a non-empty list"),
        (
            "cues:\n  odd_one: [{re: '(unclosed'}]\n",
            r"extra\.yml: entry 'odd_one': field 're' \(item 1\): not a valid pattern",
        ),
        ("cues:\n  odd_one: [3]\n", r"extra\.yml: entry 'odd_one': item 1: expected a phrase"),
        ("cues:\n  thanks: [cheers]\n", r"extra\.yml: entry 'thanks': defined in another lexicon file too"),
        ("cues:\n  yes: [sure]\n", r"extra\.yml: entry True: cue names must be text"),
        ("words: [a]\n", r"extra\.yml: expected top-level 'cues:', 'vague:' and/or 'spellings:'"),
        ("spellings:\n  U R: you are\n", r"extra\.yml: spellings entry 'U R': a lower-case word and the text it means"),
        ("cues: [unclosed\n", r"extra\.yml: not valid YAML"),
        (
            "vague:\n  mood: [{words: [meh], value: 1, read_as: meh}]\n",
            r"extra\.yml: entry 'vague\.mood': expected one of",
        ),
        (
            "vague:\n  budget: [{words: [pennies], read_as: little}]\n",
            r"entry 'vague\.budget' item 1: field 'value' is missing",
        ),
        (
            "vague:\n  budget: [{words: [pennies], value: lots, read_as: x}]\n",
            r"item 1: field 'value': expected a number or one of",
        ),
        (
            "vague:\n  budget: [{words: [pennies], value: 5, read_as: ''}]\n",
            r"item 1: field 'read_as': expected non-empty text",
        ),
    ],
)
def test_a_malformed_file_is_refused_naming_file_entry_and_field(tmp_path, text, message):
    with pytest.raises(LexiconError, match=message):
        load_lexicon(_broken(tmp_path, "extra.yml", text))


def test_the_shipped_lexicon_is_plain_yaml_with_cues():
    for path in DEFAULT_DIRECTORY.glob("*.yml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(document) <= {"cues", "vague", "spellings"}, path.name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("what do u recommend?", "what do you recommend"),
        ("is it worth it? pls tell me", "is it worth it please tell me"),
        ("learn R programming", "learn r programming"),  # "r" stays: it is also the R language
    ],
)
def test_chat_shorthand_is_spelled_out_when_a_message_is_normalised(text, words):
    assert normalise(text) == words
