"""A faster check of the action server's replies in the Rasa server (same check, same errors).

Rasa 3.6 checks every action server response with ``jsonschema.validate(response, schema)``,
which first checks the schema itself against JSON Schema's meta-schema: on every call. A
profile of the Rasa server under load (docs/benchmarks.md) found 31% of its time there, more
than the whole NLU pipeline. :func:`install` makes Rasa build the validator once per schema
and check each response with it: a response that does not match the schema is still refused
with the same ``ValidationError`` and message.
"""

from __future__ import annotations

import json
from typing import Any, Dict

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_VALIDATORS: Dict[str, Any] = {}


def _validator(schema: Dict[str, Any]) -> Any:
    key = json.dumps(schema, sort_keys=True)
    if key not in _VALIDATORS:
        cls = validator_for(schema)
        cls.check_schema(schema)  # once, as jsonschema.validate does every time
        _VALIDATORS[key] = cls(schema)
    return _VALIDATORS[key]


def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    """``RemoteAction._validate_action_result`` with the validator built once."""
    error = best_match(_validator(self.action_response_format_spec()).iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Use :func:`validate_action_result` for every remote action (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]


__all__ = ["ValidationError", "install", "validate_action_result"]
