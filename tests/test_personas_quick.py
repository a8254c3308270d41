"""The dialogue benchmark in quick mode (`make bench-dialogue` runs all of it): a few development-half
personas of different answer styles talk to the real servers and must reach their credential without a
question asked a third time. Only development personas: the held-out half is read only to report."""

import pytest

from scripts.bench_dialogue import load_personas, talk

pytestmark = [pytest.mark.model, pytest.mark.servers]

QUICK = (
    "dev-01-nurse-into-data",  # vague budget, hedged credit, a time horizon
    "dev-03-marketing-campaign-analytics",  # short opening, another currency, "nah"
    "dev-09-monterrey-engineer-mit-logistics",  # a long opening carrying four answers
    "dev-18-store-manager-leadership-hours-fix",  # a correction of the hours
    "dev-19-kerala-nurse-ward-management",  # a budget typo corrected
)
PERSONAS = {persona["id"]: persona for persona in load_personas("dev")}


@pytest.mark.parametrize("persona_id", QUICK)
def test_a_persona_reaches_its_credential_without_a_loop(stack, persona_id):
    outcome = talk(stack.rasa_port, PERSONAS[persona_id], stack.api_token)
    transcript = "\n".join(outcome.transcript)
    assert outcome.right and outcome.loops == 0, transcript
    assert not outcome.lost, transcript  # nothing the opening said is asked for again
