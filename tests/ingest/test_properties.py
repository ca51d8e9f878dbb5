"""Whatever bytes arrive, ingest returns reports or raises an IngestError, nothing else."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from corroborator.config import Settings
from corroborator.errors import IngestError
from corroborator.ingest import iter_bytes, read_bytes
from corroborator.model import IngestFailure, Report

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
# Records that look like ours often enough to exercise the field mapping.
record_keys = st.sampled_from(["id", "text", "body", "title", "outlet", "source", "published", "x"])
records = st.dictionaries(record_keys, json_values | st.text(), max_size=6)
formats = st.sampled_from([None, "text", "json", "jsonl"])


def check(data: bytes, fmt: str | None, settings: Settings) -> None:
    try:
        reports = read_bytes(data, origin="prop", default_id="prop", fmt=fmt, settings=settings)
    except IngestError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert reports and all(isinstance(r, Report) and r.text.strip() for r in reports)
    for outcome in iter_bytes(data, origin="prop", default_id="prop", fmt=fmt, settings=settings):
        assert isinstance(outcome, Report | IngestFailure)


@hypothesis_settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400), fmt=formats)
def test_properties_random_bytes_never_crash(
    settings: Settings, data: bytes, fmt: str | None
) -> None:
    check(data, fmt, settings)


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    text=st.text(max_size=300), encoding=st.sampled_from(["utf-8", "utf-16", "utf-32"]), fmt=formats
)
def test_properties_random_text_never_crashes(
    settings: Settings, text: str, encoding: str, fmt: str | None
) -> None:
    check(text.encode(encoding, "surrogatepass"), fmt, settings)


@hypothesis_settings(max_examples=300, deadline=None)
@given(value=json_values | records | st.lists(records, max_size=4), fmt=formats)
def test_properties_random_json_never_crashes(
    settings: Settings, value: Any, fmt: str | None
) -> None:
    check(json.dumps(value).encode("utf-8"), fmt, settings)


@hypothesis_settings(max_examples=200, deadline=None)
@given(lines=st.lists(records | json_values, min_size=1, max_size=5))
def test_properties_random_json_lines_never_crash(settings: Settings, lines: list[Any]) -> None:
    data = "\n".join(json.dumps(v) for v in lines).encode("utf-8")
    check(data, "jsonl", settings)
    check(data, None, settings)
