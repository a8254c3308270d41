"""Build the spaCy pipeline named in config.yml when it is a local path.

Official pretrained spaCy pipelines are not on the package registry reachable
here, so the default is a blank English pipeline with the lookup lemmatizer
from ``spacy-lookups-data``. The model name lives in one place, the SpacyNLP
entry of config.yml: set it to ``en_core_web_md`` (installed as a package) and
this script does nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def configured_model(config_path: Path = ROOT / "config.yml") -> str:
    """Return the ``model`` of the SpacyNLP component in config.yml."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    for component in config.get("pipeline", []):
        if component.get("name") == "SpacyNLP":
            return str(component["model"])
    raise SystemExit(f"{config_path}: no SpacyNLP component with a 'model' in the pipeline")


def build_blank_pipeline(target: Path) -> None:
    """Save a blank English pipeline with a lookup lemmatizer to ``target``."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)


def main() -> int:
    model = configured_model()
    if "/" not in model:
        print(f"spaCy model {model!r} is a package name; install it with pip if it is missing.")
        return 0
    target = (ROOT / model).resolve()
    if (target / "meta.json").exists():
        print(f"spaCy pipeline already built at {model}")
        return 0
    build_blank_pipeline(target)
    print(f"Built blank English spaCy pipeline with lookup lemmatizer at {model}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
