"""Telegram Desktop exports (`result.json`): one report per channel post.

A channel export is one JSON object: the chat's `name`, `type` and `id`, and its
`messages`. A full-account export holds several such chats under `chats.list` (and
`left_chats.list`); each is read the same way. Per message:

- text: `text_entities` (or the older `text`, a string or a list of strings and entity
  objects) flattened to plain text; bold, links, mentions and hashtags keep their words,
  the targets of text links go to `extra["links"]`;
- date: `date` as written (the exporting machine's local time); the exact instant is in
  `extra["date_unixtime"]`;
- outlet: the channel's name; id `tg-<channel id>-<message id>` (stable when the channel
  is renamed or the export repeated);
- `forwarded_from`: the post repeats another channel's words. Recorded in `extra` as
  `forwarded_from` and as a citation (`extra["citations"]`), because the words are that
  channel's, relayed by this one; later stages can attribute them accordingly.

Service messages (joins, pins) and posts without text (a photo alone) are not reports
and are skipped; a message that is not an object, or whose text is not text, fails alone
(origin `result.json#<message id>`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from unidecode import unidecode

from corroborator.errors import EmptyInput, IngestError, MalformedInput
from corroborator.ingest.dateline import DateLexicon
from corroborator.ingest.records import Outcome, RecordFailure
from corroborator.ingest.text import find_date_line
from corroborator.model import Report

_CHAT_KEYS = ("name", "type", "id")
_MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji", "poll", "location_information")
_SLUG = re.compile(r"[^a-z0-9]+")


def is_telegram_export(doc: object) -> bool:
    """Whether a parsed JSON document is a Telegram Desktop export (one chat or an account)."""
    if not isinstance(doc, dict):
        return False
    chats = doc.get("chats")
    if isinstance(chats, dict) and isinstance(chats.get("list"), list):
        return True
    return _is_chat(doc)


def _is_chat(doc: Mapping[str, Any]) -> bool:
    messages = doc.get("messages")
    if not isinstance(messages, list) or "text" in doc or not any(k in doc for k in _CHAT_KEYS):
        return False
    sample = [m for m in messages[:5] if isinstance(m, dict)]
    return all("id" in m and ("type" in m or "date" in m) for m in sample)


@dataclass(frozen=True, kw_only=True)
class TelegramReader:
    dates: DateLexicon

    def parse(self, doc: Mapping[str, Any], *, origin: str) -> Iterator[Outcome]:
        """A report or failure per post; raises IngestError when the export holds no post."""
        found = False
        for chat in _chats(doc):
            for outcome in self._chat(chat, origin=origin):
                found = True
                yield outcome
        if not found:
            raise EmptyInput(origin, "Telegram export holds no posts with text")

    def _chat(self, chat: Mapping[str, Any], *, origin: str) -> Iterator[Outcome]:
        messages = chat.get("messages")
        if not isinstance(messages, list):
            return
        channel = _scalar(chat.get("name"))
        channel_id = _scalar(chat.get("id"))
        for index, message in enumerate(messages):
            number = _scalar(message.get("id")) if isinstance(message, dict) else None
            where = f"{origin}#{number}" if number else f"{origin}[{index}]"
            try:
                report = self.post(message, origin=where, channel=channel, channel_id=channel_id, chat=chat)
            except IngestError as exc:
                yield RecordFailure(error=exc, raw=_dump(message))
                continue
            if report is not None:
                yield report

    def post(
        self,
        message: object,
        *,
        origin: str,
        channel: str | None,
        channel_id: str | None,
        chat: Mapping[str, Any],
    ) -> Report | None:
        """One message as a Report; None for what is not a post (service, media only)."""
        if not isinstance(message, dict):
            raise MalformedInput(origin, f"message is {type(message).__name__}, not an object")
        if message.get("type", "message") != "message":
            return None
        entities = message.get("text_entities")
        raw_text = entities if isinstance(entities, list) else message.get("text", "")
        text, links = flatten_text(raw_text, origin=origin)
        if not text.strip():
            return None
        number = _scalar(message.get("id"))
        if number is None:
            raise MalformedInput(origin, "message has no id")
        owner = channel_id or _slug(channel) or "chat"
        date_line = find_date_line(text, dates=self.dates)
        extra = _extra(message, chat=chat, links=links)
        return Report(
            id=f"tg-{_slug(owner)}-{_slug(number)}",
            text=text,
            outlet=channel,
            published=_scalar(message.get("date")) or date_line,
            date_line=date_line,
            origin=origin,
            format="telegram",
            extra=extra,
        )


def flatten_text(value: object, *, origin: str) -> tuple[str, list[str]]:
    """Plain text and link targets of a message's `text` or `text_entities`."""
    if isinstance(value, str):
        return value, []
    if not isinstance(value, list):
        raise MalformedInput(origin, f"message text is {type(value).__name__}, not text or a list of parts")
    parts: list[str] = []
    links: list[str] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            words = part.get("text")
            if isinstance(words, str):
                parts.append(words)
            href = part.get("href")
            if isinstance(href, str) and href not in links:
                links.append(href)
        else:
            raise MalformedInput(origin, f"message text has a {type(part).__name__} part, not text")
    return "".join(parts), links


def _chats(doc: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    if _is_chat(doc):
        yield doc
    for key in ("chats", "left_chats"):
        group = doc.get(key)
        if isinstance(group, dict) and isinstance(group.get("list"), list):
            yield from (c for c in group["list"] if isinstance(c, dict))


def _extra(message: Mapping[str, Any], *, chat: Mapping[str, Any], links: list[str]) -> dict[str, Any]:
    extra: dict[str, Any] = {
        "telegram": {
            k: v
            for k, v in {
                "chat_id": chat.get("id"),
                "chat_type": chat.get("type"),
                "message_id": message.get("id"),
                "from": message.get("from"),
                "author": message.get("author"),
            }.items()
            if v is not None
        }
    }
    forwarded = _scalar(message.get("forwarded_from")) or _scalar(message.get("saved_from"))
    if forwarded:
        extra["forwarded_from"] = forwarded
        extra["citations"] = [{"source": forwarded, "relation": "forwarded from"}]
    for key in ("date_unixtime", "edited", "reply_to_message_id"):
        if message.get(key) is not None:
            extra[key] = message[key]
    if links:
        extra["links"] = links
    media = [k for k in _MEDIA_KEYS if message.get(k)]
    if media:
        extra["media"] = message.get("media_type") or media[0]
    return extra


def _scalar(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        text = str(value).strip()
        return text or None
    return None


def _slug(value: str | None) -> str:
    if not value:
        return ""
    return _SLUG.sub("-", unidecode(value).casefold()).strip("-")[:48]


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
