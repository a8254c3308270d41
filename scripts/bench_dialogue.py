"""Dialogue benchmark: personas talk to the real servers over REST until they get a recommendation.

Each persona (tests/personas/*.yml) opens in its own words, answers each question the
bot asks the way that person would (first wording, then a rephrasing if asked again),
sends its scripted extra messages (corrections, changes of mind) and expects one
credential. The benchmark reports, for each half:
  right        share of personas whose final recommendation is the expected credential
  messages     mean messages sent until the first recommendation
  asked again  questions asked again, per conversation
  loops        questions asked a third time (or no recommendation within the message limit)
  lost         answers the opening carried that the bot asked for anyway
  examples     of the programmes the last recommendation names: those in the persona's subject (any
               subject its subject answers name) and those of the recommended credential, where the
               catalogue has one that is
The development half is for choosing changes; the held-out half is read only to report.
  python -m scripts.bench_dialogue                 # both halves, figures only
  python -m scripts.bench_dialogue --half dev --transcripts   # dev transcripts in results/dialogue/
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import yaml

from advisor.knowledge import KnowledgeBase, Programme, default_knowledge
from advisor.matching import subjects_in
from scripts.stack import ROOT, full_stack

PERSONAS = ROOT / "tests" / "personas"
RESULTS = ROOT / "results"
FIELDS = ("goal", "credit", "time", "budget", "subject")
MAX_MESSAGES = 25
# A persona that gets neither a question nor a recommendation asks for one, once per conversation stage.
NUDGE = "can you help me choose?"

# Which answer a question of the bot asks for, read from its last sentence ending in "?".
_QUESTION_FIELDS = (
    ("credit", re.compile(r"\bcredit\b", re.IGNORECASE)),
    ("budget", re.compile(r"\bbudget\b|\bspend\b", re.IGNORECASE)),
    ("time", re.compile(r"\bhours?\b|\bmonths?\b|\bhow (much time|long|soon)\b|\bweeks?\b", re.IGNORECASE)),
    ("subject", re.compile(r"\bsubject\b|\bfield\b", re.IGNORECASE)),
    ("goal", re.compile(r"\bgoal\b", re.IGNORECASE)),
)
_RECOMMENDATION = re.compile(r"My recommendation: an? (MicroMasters|Professional Certificate)", re.IGNORECASE)
_CREDENTIALS = {"micromasters": "micromasters", "professional certificate": "professional_certificate"}


def load_personas(half: str) -> List[Dict[str, Any]]:
    """The personas of one half ("dev" or "holdout"), checked for the keys the benchmark reads."""
    path = PERSONAS / f"{half}.yml"
    personas = yaml.safe_load(path.read_text(encoding="utf-8"))["personas"]
    for persona in personas:
        missing = [key for key in ("id", "opening", "answers", "expected") if key not in persona]
        missing += [f"answers.{name}" for name in FIELDS if not persona["answers"].get(name)]
        if missing:
            raise ValueError(f"{path}: persona {persona.get('id')!r} lacks {', '.join(missing)}")
    return personas


def asked_field(text: str) -> Optional[Tuple[str, str]]:
    """(field, question) for a bot message that asks one of the recommendation's questions."""
    questions = re.findall(r"[^.!?\n]*\?", text)
    if not questions:
        return None
    question = questions[-1].strip()
    for name, pattern in _QUESTION_FIELDS:
        if pattern.search(question):
            return name, question
    return None


class Conversation:
    """One sender on the REST channel, with the tracker read through the HTTP API."""

    def __init__(self, port: int, api_token: Optional[str] = None) -> None:
        self.port, self.api_token = port, api_token
        self.sender = f"persona-{uuid.uuid4().hex[:10]}"
        self.transcript: List[str] = []

    def say(self, text: str) -> List[str]:
        body = json.dumps({"sender": self.sender, "message": text}).encode()
        url = f"http://127.0.0.1:{self.port}/webhooks/rest/webhook"
        request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            replies = [m.get("text", "") for m in json.loads(response.read()) if m.get("text")]
        self.transcript += [f"You: {text}", *(f"Bot: {reply}" for reply in replies)]
        return replies

    def slot(self, name: str) -> Any:
        url = f"http://127.0.0.1:{self.port}/conversations/{self.sender}/tracker?token={self.api_token or ''}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())["slots"].get(name)


@dataclass
class Outcome:
    """What happened in one persona's conversation."""

    persona: str
    expected: str
    got: Optional[str] = None
    messages_to_recommendation: Optional[int] = None
    asked: Dict[str, int] = field(default_factory=dict)
    follow_ups: int = 0
    lost: List[str] = field(default_factory=list)
    nudges: int = 0
    transcript: List[str] = field(default_factory=list)
    # The programmes the last recommendation names: in the persona's subject, and of the credential recommended.
    examples: int = 0
    on_subject: int = 0
    right_kind: int = 0

    @property
    def right(self) -> bool:
        return self.got == self.expected

    @property
    def asked_again(self) -> int:
        return sum(max(count - 1, 0) for count in self.asked.values())

    @property
    def loops(self) -> int:
        stuck = self.messages_to_recommendation is None
        return sum(1 for count in self.asked.values() if count >= 3) + int(stuck)


def talk(port: int, persona: Dict[str, Any], api_token: Optional[str] = None) -> Outcome:
    """Hold one persona's conversation: answer what is asked, send the scripted extras, until it ends."""
    outcome = Outcome(persona["id"], persona["expected"])
    chat = Conversation(port, api_token)
    said_in_opening = set(persona.get("said_in_opening") or [])
    extras = {item["after"]: item["say"] for item in persona.get("then") or []}
    first_time_question: Optional[str] = None
    sent = 0
    replies = chat.say(persona["opening"])
    sent += 1
    last_answered: Optional[str] = None
    recommended = False
    while sent < MAX_MESSAGES:
        text = "\n".join(replies)
        found = _RECOMMENDATION.search(text)
        if found:
            outcome.got = _CREDENTIALS[found.group(1).lower()]
            if not recommended:
                outcome.messages_to_recommendation = sent
            recommended = True
        extra = extras.pop(last_answered, None) if last_answered else None
        if extra is None and recommended:
            extra = extras.pop("recommendation", None)
            if extra is None:
                break
        if extra is not None:
            replies, sent, last_answered = chat.say(extra), sent + 1, None
            continue
        question = asked_field(replies[-1] if replies else "")
        if question is None:
            if recommended or outcome.nudges >= 2:
                break
            outcome.nudges += 1
            replies, sent = chat.say(NUDGE), sent + 1
            continue
        name, wording = question
        answers = persona["answers"][name]
        if name == "time" and first_time_question and wording != first_time_question and outcome.asked.get("time"):
            # The other side of time (hours a week after a horizon, or the reverse): a follow-up, not a re-ask.
            outcome.follow_ups += 1
            other = persona.get("hours") or persona.get("horizon") or answers[1:] or answers
            replies, sent, last_answered = chat.say(other[0]), sent + 1, name
            continue
        if name == "time" and first_time_question is None:
            first_time_question = wording
        count = outcome.asked.get(name, 0) + 1
        outcome.asked[name] = count
        if count == 1 and name in said_in_opening:
            outcome.lost.append(name)
        replies, sent, last_answered = chat.say(answers[min(count - 1, len(answers) - 1)]), sent + 1, name
    if recommended:
        slot = chat.slot("recommended_credential")
        outcome.got = slot if slot in _CREDENTIALS.values() else outcome.got
    outcome.transcript = chat.transcript
    grade_examples(outcome, persona, default_knowledge())
    return outcome


def named_programmes(kb: KnowledgeBase, recommendation: str) -> List[Programme]:
    """The programmes a recommendation's bullet lines name, by their titles (the longest title that fits)."""
    titles = sorted(kb.programmes, key=lambda p: len(p.title), reverse=True)
    named = []
    for line in recommendation.splitlines():
        found = next((p for p in titles if line.startswith(f"• {p.title}")), None) if line.startswith("• ") else None
        if found is not None:
            named.append(found)
    return named


def grade_examples(outcome: Outcome, persona: Dict[str, Any], kb: KnowledgeBase) -> None:
    """Count the examples of the last recommendation in the transcript that are in the persona's subject and
    of the credential recommended; where the catalogue has none that is, any example counts as right."""
    bot = [line[5:] for line in outcome.transcript if line.startswith("Bot: ")]
    last = next((text for text in reversed(bot) if _RECOMMENDATION.search(text)), None)
    if last is None or outcome.got is None:
        return
    wanted = {s for answer in persona["answers"]["subject"] for s in subjects_in(kb, answer)}
    current = [p for p in kb.programmes if p.status != "retired"]
    in_subject = [p for p in current if wanted & set(p.subjects)]
    kind_there = any(p.credential_type == outcome.got for p in in_subject)
    for programme in named_programmes(kb, last):
        outcome.examples += 1
        outcome.on_subject += bool(not in_subject or wanted & set(programme.subjects))
        outcome.right_kind += bool(programme.credential_type == outcome.got or not kind_there)


def summarise(outcomes: List[Outcome]) -> Dict[str, Any]:
    """The half's figures."""
    reached = [o.messages_to_recommendation for o in outcomes if o.messages_to_recommendation is not None]
    return {
        "personas": len(outcomes),
        "right": sum(o.right for o in outcomes) / len(outcomes),
        "right_count": sum(o.right for o in outcomes),
        "mean_messages_to_recommendation": statistics.mean(reached) if reached else None,
        "no_recommendation": len(outcomes) - len(reached),
        "asked_again_per_conversation": sum(o.asked_again for o in outcomes) / len(outcomes),
        "loops": sum(o.loops for o in outcomes),
        "answers_lost": sum(len(o.lost) for o in outcomes),
        "nudges": sum(o.nudges for o in outcomes),
        "examples": sum(o.examples for o in outcomes),
        "examples_on_subject": sum(o.on_subject for o in outcomes),
        "examples_of_recommended_kind": sum(o.right_kind for o in outcomes),
        "wrong": [o.persona for o in outcomes if not o.right],
    }


def run_half(port: int, half: str, only: Optional[List[str]] = None, api_token: Optional[str] = None) -> List[Outcome]:
    personas = [p for p in load_personas(half) if not only or p["id"] in only]
    return [talk(port, persona, api_token) for persona in personas]


def report(half: str, figures: Dict[str, Any]) -> str:
    mean = figures["mean_messages_to_recommendation"]
    return (
        f"{half:8} right {figures['right_count']}/{figures['personas']} ({figures['right']:.3f})  "
        f"messages to recommendation {mean if mean is None else round(mean, 2)}  "
        f"asked again {figures['asked_again_per_conversation']:.2f}/conversation  loops {figures['loops']}  "
        f"answers lost {figures['answers_lost']}  nudges {figures['nudges']}  "
        f"no recommendation {figures['no_recommendation']}  "
        f"examples on subject {figures['examples_on_subject']}/{figures['examples']}, "
        f"of the recommended kind {figures['examples_of_recommended_kind']}/{figures['examples']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "holdout", "both"), default="both")
    parser.add_argument("--only", nargs="*", help="persona ids to run (dev half only)")
    parser.add_argument("--transcripts", action="store_true", help="write the dev half's transcripts")
    args = parser.parse_args()
    halves = ("dev", "holdout") if args.half == "both" else (args.half,)
    figures: Dict[str, Any] = {}
    with full_stack(RESULTS / "logs", log_prefix="dialogue-") as stack:
        for half in halves:
            outcomes = run_half(stack.rasa_port, half, args.only if half == "dev" else None, stack.api_token)
            figures[half] = summarise(outcomes)
            if half != "dev":
                del figures[half]["wrong"]  # the held-out half is read only as figures
            if half == "dev":
                figures[half]["per_persona"] = {
                    o.persona: {
                        "right": o.right,
                        "asked_again": o.asked_again,
                        "lost": o.lost,
                        "got": o.got,
                        "examples": o.examples,
                        "on_subject": o.on_subject,
                        "right_kind": o.right_kind,
                    }
                    for o in outcomes
                }
                if args.transcripts:
                    folder = RESULTS / "dialogue"
                    folder.mkdir(parents=True, exist_ok=True)
                    for o in outcomes:
                        (folder / f"{o.persona}.txt").write_text("\n".join(o.transcript) + "\n", encoding="utf-8")
            print(report(half, figures[half]), flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench_dialogue.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
