"""Settings from a TOML file: ``extractor.toml`` in the current folder, or the file given
with --config. Command-line flags win over the file.

    [build]
    redact = true              # mask phones, e-mails, ID and bank cards in stored text
    pseudonymize = true        # replace member names by pseudonyms
    pseudonym_key = "…"        # the secret that makes the pseudonyms (not stored in kb.db)
"""
from __future__ import annotations

import os
import tomllib
from typing import Optional

DEFAULT = "extractor.toml"
KNOWN = {"redact": bool, "pseudonymize": bool, "pseudonym_key": str}


def load(path: Optional[str] = None) -> dict:
    """The [build] settings, checked; {} when there is no file."""
    if path is None:
        if not os.path.exists(DEFAULT):
            return {}
        path = DEFAULT
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: not valid TOML: {e}")
    settings = data.get("build", {})
    for key, value in settings.items():
        if key not in KNOWN:
            raise ValueError(f"{path}: unknown setting [build] {key} (known: {', '.join(sorted(KNOWN))})")
        if not isinstance(value, KNOWN[key]):
            raise ValueError(f"{path}: [build] {key} should be a {KNOWN[key].__name__}")
    return settings
