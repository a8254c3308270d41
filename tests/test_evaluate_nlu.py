"""Scoring of NLU parses (scripts/evaluate_nlu.py): only the annotated entity types count."""

from scripts.evaluate_nlu import score


def test_unannotated_duckling_entities_are_left_out_of_the_entity_scores_but_kept_beside_them():
    examples = [
        {
            "text": "mit micromasters under 500 dollars",
            "intent": "ask_cost",
            "entities": [
                {"entity": "institution", "value": "MIT"},
                {"entity": "credential_type", "value": "micromasters"},
            ],
        }
    ]
    parsed = [
        {
            "intent": {"name": "ask_cost"},
            "entities": [
                {"entity": "institution", "value": "mit"},
                {"entity": "credential_type", "value": "micromasters"},
                {"entity": "amount-of-money", "value": 500},
                {"entity": "number", "value": 500},
            ],
        }
    ]
    scores = score(examples, parsed)
    assert scores.intent_accuracy == 1.0
    assert scores.entity_f1 == 1.0 and scores.entity_accuracy == 1.0
    assert round(scores.entity_f1_all_types, 3) == 0.667  # precision 2/4, recall 2/2


def test_a_wrong_or_missing_annotated_entity_counts():
    examples = [
        {
            "text": "harvard cert",
            "intent": "search_programs",
            "entities": [{"entity": "institution", "value": "Harvard"}],
        }
    ]
    parsed = [{"intent": {"name": "ask_cost"}, "entities": [{"entity": "subject", "value": "finance"}]}]
    scores = score(examples, parsed)
    assert scores.intent_accuracy == 0.0
    assert scores.entity_precision == 0.0 and scores.entity_recall == 0.0 and scores.entity_f1 == 0.0
    assert scores.intent_errors == [{"text": "harvard cert", "expected": "search_programs", "predicted": "ask_cost"}]
