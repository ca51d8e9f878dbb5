-- corroborator schema, version 2: incremental ingest.
--
-- pending_reports   reports ingested but not yet analysed (`corroborator ingest` writes
--                   them, `corroborator update` extracts them into `reports` and deletes
--                   the row in the same transaction). Identity as for reports: the content
--                   hash, unique across both tables by the store's checks.
-- failures          gain how often an input was tried and when last, for `failed`/`retry`.
-- feed_entries      feed entries already ingested (by the entry's key: feed address plus
--                   entry id), so polling a feed never fetches a known article again.
-- feed_state        the validators of the last fetch of each feed (ETag, Last-Modified)
--                   for conditional requests.

CREATE TABLE pending_reports (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    content_hash    TEXT NOT NULL UNIQUE,
    origin          TEXT NOT NULL,
    report_json     TEXT NOT NULL,
    added_at        TEXT NOT NULL
);

ALTER TABLE failures ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;

ALTER TABLE failures ADD COLUMN last_tried TEXT;

CREATE TABLE feed_entries (
    entry_key       TEXT PRIMARY KEY,
    report_id       TEXT,
    seen_at         TEXT NOT NULL
);

CREATE TABLE feed_state (
    feed            TEXT PRIMARY KEY,
    etag            TEXT,
    last_modified   TEXT,
    checked_at      TEXT NOT NULL
);

CREATE INDEX failures_by_origin ON failures(origin);
