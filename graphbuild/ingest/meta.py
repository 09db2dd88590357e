"""Article metadata: sidecar `NAME.meta.json` files, JSONL fields, publication dates."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from graphbuild.errors import InputError

SIDECAR_SUFFIX = ".meta.json"
FIELDS = ("id", "title", "published", "url", "source")
TITLE_MAX_CHARS = 200


@dataclass(frozen=True)
class Meta:
    """What an input says about itself; None where it says nothing."""

    id: str | None = None
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None

    def over(self, other: Meta) -> Meta:
        """These values, falling back to `other`'s where these are None."""
        return Meta(*(getattr(self, f) if getattr(self, f) is not None else getattr(other, f) for f in FIELDS))


def parse_date(value: str) -> date:
    """A date from `YYYY-MM-DD` or an ISO 8601 datetime (its calendar date as written).

    Raises ValueError on anything else.
    """
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()


def lenient_date(value: str | None) -> date | None:
    """`parse_date`, or None for a missing or unreadable value (page metadata)."""
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


def meta_from_record(record: dict[str, Any], source: str, id_keys: tuple[str, ...] = ("id",)) -> Meta:
    """Meta from a JSON object (a sidecar or a JSONL record); InputError on wrong types."""
    values: dict[str, Any] = {}
    for field in FIELDS:
        keys = id_keys if field == "id" else (field,)
        value = next((record[k] for k in keys if record.get(k) is not None), None)
        if value is None:
            continue
        if field == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise InputError("GB265", source, key=keys[0], type=type(value).__name__)
        value = value.strip()
        if not value:
            continue
        if field == "published":
            try:
                value = parse_date(value)
            except ValueError:
                raise InputError("GB268", source, value=value) from None
        values[field] = value
    return Meta(**values)


def sidecar_path(path: Path) -> Path:
    """`dir/NAME.meta.json` for the article `dir/NAME.ext`."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(data: bytes, source: str) -> Meta:
    """Meta from the bytes of a sidecar file; InputError if it is not a JSON object."""
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError("GB266", source, reason=err) from None
    except RecursionError:
        raise InputError("GB267", source) from None
    if not isinstance(record, dict):
        raise InputError("GB264", source)
    return meta_from_record(record, source)

