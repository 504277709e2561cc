"""THE output contract: SCHEMA_VERSION, `to_json`, the JSON Schema (generated from the records) and `validate`.

Key order is fixed by the record definitions, so the same input always gives byte-identical JSON.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import jsonschema

from ..records import FIELD_DOCS, Article, Extraction, Issue, NumericClaim, Quote, Speaker
from .ingest import safe_id

SCHEMA_VERSION = "1.3.0"

# Fields kept inside the pipeline but not part of the published contract.
_INTERNAL: dict[type, set[str]] = {Article: {"body_start", "skipped", "warnings"}, Quote: {"speaker_head"}}
# Where the contract is tighter than the Python type.
_OVERRIDES: dict[tuple[type, str], dict[str, Any]] = {
    (Article, "published"): {"type": ["string", "null"], "format": "date"},
    (NumericClaim, "sentence"): {
        "type": "object",
        "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}},
        "required": ["start", "end"],
        "additionalProperties": False,
    },
    (NumericClaim, "value"): {
        "anyOf": [
            {"type": "number"},
            {"type": "array", "items": {"type": ["number", "string"]}, "minItems": 2, "maxItems": 2},
            {"type": "string"},
        ],
    },
    (Quote, "confidence"): {"type": "number", "minimum": 0, "maximum": 1},
    (Quote, "speaker_confidence"): {"type": "number", "minimum": 0, "maximum": 1},
}


def _fields(cls: type) -> list[dataclasses.Field]:
    hidden = _INTERNAL.get(cls, set())
    return [f for f in dataclasses.fields(cls) if f.name not in hidden]


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [_type_schema(a) for a in get_args(tp)]
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(tp)[0])}
    if dataclasses.is_dataclass(tp):
        return object_schema(tp)  # type: ignore[arg-type]
    return {
        type(None): {"type": "null"},
        str: {"type": "string"},
        int: {"type": "integer"},
        float: {"type": "number"},
        bool: {"type": "boolean"},
    }[tp]


def object_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = FIELD_DOCS.get(cls.__name__, {})
    props = {f.name: _OVERRIDES.get((cls, f.name)) or _type_schema(hints[f.name]) for f in _fields(cls)}
    for name, doc in docs.items():
        props[name] = {"description": doc, **{k: v for k, v in props[name].items() if k != "description"}}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output file, generated from the record definitions."""
    article = object_schema(Article)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Quotes and numeric claims of one news article",
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "pipeline": {
                "type": "object",
                "properties": {k: {"type": "string"} for k in ("name", "version", "model", "model_version", "spacy")},
                "required": ["name", "version", "model", "model_version", "spacy"],
                "additionalProperties": False,
            },
            "article": article,
            "speakers": {"type": "array", "items": object_schema(Speaker)},
            "quotes": {"type": "array", "items": object_schema(Quote)},
            "numeric_claims": {"type": "array", "items": object_schema(NumericClaim)},
            "warnings": {"type": "array", "items": object_schema(Issue)},
        },
        "required": ["schema_version", "pipeline", "article", "speakers", "quotes", "numeric_claims", "warnings"],
        "additionalProperties": False,
    }


def _plain(record: Any) -> Any:
    if record is None or isinstance(record, (str, int, float)):
        return record  # most values: asked first, as is_dataclass is the slower question
    if dataclasses.is_dataclass(record):
        out = {}
        for f in _fields(type(record)):
            value = getattr(record, f.name)
            if isinstance(record, NumericClaim) and f.name == "sentence":
                out[f.name] = {"start": value[0], "end": value[1]}
            else:
                out[f.name] = _plain(value)
        return out
    if isinstance(record, (tuple, list)):
        return [_plain(v) for v in record]
    return record


def to_dict(extraction: Extraction, pipeline_info: dict[str, str]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "pipeline": dict(pipeline_info),
        "article": _plain(extraction.article),
        "speakers": _plain(extraction.speakers),
        "quotes": _plain(extraction.quotes),
        "numeric_claims": _plain(extraction.numeric_claims),
        "warnings": _plain(extraction.warnings),
    }


def to_json(extraction: Extraction, pipeline_info: dict[str, str]) -> str:
    """The output file's text: stable key order, UTF-8 kept readable, one line per top-level field
    and one per record of a list (a quote, a claim), so that a diff of two runs shows records. Each
    line is written by json's C encoder: an indented dump is its pure-Python one, five times slower."""
    lines = []
    for key, value in to_dict(extraction, pipeline_info).items():
        if isinstance(value, list) and value:
            records = ",\n".join("    " + _compact(v) for v in value)
            lines.append(f"  {_compact(key)}: [\n{records}\n  ]")
        else:
            lines.append(f"  {_compact(key)}: {_compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


@cache
def _validator() -> jsonschema.protocols.Validator:
    """The contract's validator, built (and the schema itself checked) once, not per document."""
    schema = json_schema()
    kind = jsonschema.validators.validator_for(schema)
    kind.check_schema(schema)
    return kind(schema, format_checker=jsonschema.FormatChecker())


def validate(document: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `document` breaks the contract (the most relevant error)."""
    error = jsonschema.exceptions.best_match(_validator().iter_errors(document))
    if error is not None:
        raise error


def valid_outputs(out_dir: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The files of a folder that are outputs by the contract, in name order, and a line for each
    other JSON file (a gold file, a hand-edited or crafted one) saying why it was left out. Whatever
    reads a folder to build pages or exports from it trusts only these."""
    left_out: list[str] = []
    documents = list(iter_valid_outputs(out_dir, left_out))
    return documents, left_out


def iter_valid_outputs(out_dir: Path, left_out: list[str]) -> Iterator[dict[str, Any]]:
    """`valid_outputs` one document at a time (a large folder need not sit in memory); the reasons
    for files left out are appended to `left_out`."""
    for path in sorted(out_dir.glob("*.json")):
        if path.name.startswith("."):
            continue
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            validate(document)
        except (OSError, ValueError, jsonschema.ValidationError) as err:
            reason = err.message if isinstance(err, jsonschema.ValidationError) else str(err)
            left_out.append(f"{path.name}: not an output of this pipeline ({reason[:200]})")
            continue
        if document["article"]["id"] != safe_id(document["article"]["id"]):
            left_out.append(f"{path.name}: article id {document['article']['id']!r} is not a safe file name")
            continue
        yield document
