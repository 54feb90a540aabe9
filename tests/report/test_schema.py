import json

import jsonschema

from rashomon.report.schema import dossier_schema
from tests.helpers.paths import ROOT


def test_published_schema_is_current():
    published = json.loads((ROOT / "schema" / "dossier.schema.json").read_text())
    assert published == json.loads(json.dumps(dossier_schema())), "run: rashomon schema -o schema/dossier.schema.json"


def test_golden_dossier_validates_against_schema():
    golden = json.loads((ROOT / "tests" / "golden" / "example_dossier.json").read_text())
    golden["generated_at"] = "2024-01-01T00:00:00+00:00"
    jsonschema.validate(golden, dossier_schema())


def test_schema_rejects_unknown_claim_status():
    golden = json.loads((ROOT / "tests" / "golden" / "example_dossier.json").read_text())
    golden["generated_at"] = "2024-01-01T00:00:00+00:00"
    golden["claims"][0]["status"] = "rumoured"
    try:
        jsonschema.validate(golden, dossier_schema())
    except jsonschema.ValidationError as error:
        assert "rumoured" in str(error.message)
    else:
        raise AssertionError("schema accepted an unknown status")
