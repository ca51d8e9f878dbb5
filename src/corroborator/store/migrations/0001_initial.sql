-- corroborator schema, version 1. Applied by store.sqlite.SQLiteRepository in one
-- transaction; PRAGMA user_version records the version reached.

CREATE TABLE reports (
    id              TEXT PRIMARY KEY,
    content_hash    TEXT NOT NULL UNIQUE,
    origin          TEXT NOT NULL,
    outlet          TEXT,
    url             TEXT,
    title           TEXT,
    published       TEXT,
    format          TEXT NOT NULL,
    raw_text        TEXT NOT NULL,
    text            TEXT NOT NULL,
    extracted_json  TEXT NOT NULL,      -- model.ExtractedReport
    pipeline        TEXT NOT NULL,      -- corroborator version that extracted it
    added_at        TEXT NOT NULL
);

CREATE TABLE failures (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    origin          TEXT NOT NULL,
    reason          TEXT NOT NULL,
    format          TEXT,
    raw             BLOB NOT NULL,
    content_hash    TEXT NOT NULL UNIQUE,
    added_at        TEXT NOT NULL
);

CREATE TABLE incidents (
    id              TEXT PRIMARY KEY,
    revision        INTEGER NOT NULL,
    label           TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    start_time      TEXT,
    end_time        TEXT,
    place           TEXT,
    country         TEXT,
    grade           TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    incident_json   TEXT NOT NULL,      -- model.Incident
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE incident_frames (
    frame_id        TEXT PRIMARY KEY,
    incident_id     TEXT NOT NULL REFERENCES incidents(id)
);

CREATE TABLE incident_reports (
    incident_id     TEXT NOT NULL REFERENCES incidents(id),
    report_id       TEXT NOT NULL REFERENCES reports(id),
    is_primary      INTEGER NOT NULL,
    PRIMARY KEY (incident_id, report_id)
);

CREATE TABLE incident_history (
    incident_id     TEXT NOT NULL REFERENCES incidents(id),
    revision        INTEGER NOT NULL,
    at              TEXT NOT NULL,
    summary         TEXT NOT NULL,
    PRIMARY KEY (incident_id, revision)
);

CREATE TABLE claims (
    id              TEXT NOT NULL,
    incident_id     TEXT NOT NULL REFERENCES incidents(id),
    report_id       TEXT NOT NULL,
    attribute       TEXT NOT NULL,
    value_json      TEXT NOT NULL,
    stance          TEXT NOT NULL,
    source_key      TEXT NOT NULL,
    source_name     TEXT NOT NULL,
    source_kind     TEXT NOT NULL,
    affiliation     TEXT,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL,
    PRIMARY KEY (id, incident_id)
);

CREATE TABLE report_outcomes (
    report_id       TEXT PRIMARY KEY REFERENCES reports(id),
    outcome_json    TEXT NOT NULL       -- model.ReportOutcome
);

CREATE TABLE counters (
    name            TEXT PRIMARY KEY,
    value           INTEGER NOT NULL
);

CREATE INDEX claims_by_incident ON claims(incident_id, attribute);
CREATE INDEX incidents_by_time ON incidents(start_time);
CREATE INDEX incident_reports_by_report ON incident_reports(report_id);
