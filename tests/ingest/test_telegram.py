"""Telegram Desktop exports: one report per post, entities flattened, forwards as citations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.errors import EmptyInput, MalformedInput
from corroborator.ingest import iter_bytes, read_bytes
from corroborator.ingest.telegram import is_telegram_export
from corroborator.model import IngestFailure, Report

EXPORT = Path(__file__).resolve().parents[1] / "data" / "ingest" / "telegram" / "result.json"


def outcomes(settings: Settings) -> list[Report | IngestFailure]:
    return list(iter_bytes(EXPORT.read_bytes(), origin="result.json", default_id="result", settings=settings))


def test_telegram_posts_become_reports_and_service_or_photo_only_messages_do_not(settings: Settings) -> None:
    results = outcomes(settings)
    reports = [r for r in results if isinstance(r, Report)]
    assert [r.id for r in reports] == ["tg-1874502233-14", "tg-1874502233-16", "tg-1874502233-17"]
    assert all(r.outlet == "Northshore Watch" and r.format == "telegram" for r in reports)
    assert reports[0].origin == "result.json#14"


def test_telegram_formatting_entities_are_flattened_to_their_words(settings: Settings) -> None:
    first = next(r for r in outcomes(settings) if isinstance(r, Report))
    assert first.text == (
        "Kelmar: residents report several explosions near the grain terminal. Air defence is working. #Kelmar"
    )
    assert first.published == "2024-10-03T02:17:44" and first.extra["date_unixtime"] == "1727921864"


def test_telegram_forwarded_post_records_its_origin_as_a_citation(settings: Settings) -> None:
    forwarded = next(r for r in outcomes(settings) if isinstance(r, Report) and r.id.endswith("-16"))
    assert forwarded.extra["forwarded_from"] == "Kelmar Regional Administration"
    assert forwarded.extra["citations"] == [{"source": "Kelmar Regional Administration", "relation": "forwarded from"}]
    assert forwarded.extra["links"] == ["https://kelmar-admin.example/news/1003"]
    assert forwarded.text.endswith("Details: statement")


def test_telegram_bad_messages_fail_alone_naming_the_message(settings: Settings) -> None:
    failures = [r for r in outcomes(settings) if isinstance(r, IngestFailure)]
    assert [(f.origin, f.format) for f in failures] == [("result.json#18", "json"), ("result.json[6]", "json")]
    assert "not text" in failures[0].reason and "not an object" in failures[1].reason


def test_telegram_account_export_reads_every_chat(settings: Settings) -> None:
    chat = json.loads(EXPORT.read_text(encoding="utf-8"))
    other = {"name": "Second Channel", "type": "public_channel", "id": 55, "messages": [
        {"id": 3, "type": "message", "date": "2024-10-04T10:00:00", "text": "Sirens in Kelmar again this morning."}
    ]}  # fmt: skip
    account = {"about": "export", "chats": {"about": "chats", "list": [chat, other]}}
    reports = [
        r
        for r in iter_bytes(json.dumps(account).encode(), origin="result.json", default_id="result", settings=settings)
        if isinstance(r, Report)
    ]
    assert [r.id for r in reports][-1] == "tg-55-3" and len(reports) == 4


def test_telegram_export_without_posts_is_empty(settings: Settings) -> None:
    data = json.dumps({"name": "Quiet", "type": "public_channel", "id": 1, "messages": []}).encode()
    with pytest.raises(EmptyInput, match="no posts"):
        read_bytes(data, origin="result.json", default_id="result", settings=settings)


def test_telegram_forced_format_on_other_json_fails_clearly(settings: Settings) -> None:
    with pytest.raises(MalformedInput, match="not a Telegram Desktop export"):
        read_bytes(b'{"text": "hello"}', origin="x.json", default_id="x", fmt="telegram", settings=settings)


def test_telegram_detection_does_not_take_ordinary_records() -> None:
    assert is_telegram_export(
        {"name": "C", "type": "public_channel", "id": 1, "messages": [{"id": 1, "type": "message"}]}
    )
    assert not is_telegram_export({"text": "report", "messages": []})
    assert not is_telegram_export({"id": 1, "messages": [{"subject": "no id or date"}]})
    assert not is_telegram_export([{"messages": []}])
