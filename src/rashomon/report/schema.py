"""The published JSON Schema of the dossier, generated from the data model."""

from __future__ import annotations

from rashomon.model import SCHEMA_VERSION, Dossier


def dossier_schema() -> dict:
    """The JSON Schema of the dossier contract at the current ``SCHEMA_VERSION``."""
    schema = Dossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://rashomon.invalid/schema/dossier-{SCHEMA_VERSION}.json"
    schema["title"] = f"rashomon dossier {SCHEMA_VERSION}"
    return schema
