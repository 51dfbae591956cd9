-- Documents: one table for every kind; version grows by one per write (design.md §2.4).
CREATE TABLE document (
    kind    TEXT    NOT NULL,
    id      TEXT    NOT NULL,
    version INTEGER NOT NULL,
    json    TEXT    NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- Index values per document; queries filter with equality on (name, value).
CREATE TABLE document_index (
    kind  TEXT NOT NULL,
    id    TEXT NOT NULL,
    name  TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, id, name),
    FOREIGN KEY (kind, id) REFERENCES document (kind, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX document_index_lookup ON document_index (kind, name, value, id);

-- Applied changes: a replay answers with the first result (design.md §2.2).
CREATE TABLE idempotency (
    key          TEXT NOT NULL PRIMARY KEY,
    result_json  TEXT,
    committed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

-- Unsealed audit intents in commit order (design.md §6).
CREATE TABLE audit_intent (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL UNIQUE,
    json     TEXT NOT NULL
);

-- The sealed chain and, apart from it, its head, so a cut-off tail shows.
CREATE TABLE audit_entry (
    seq      INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL UNIQUE,
    hash     TEXT NOT NULL,
    json     TEXT NOT NULL
);
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
);

-- Outbound messages (design.md §5); times are UTC ticks so SQL compares them exactly.
CREATE TABLE outbox (
    position        INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    ordering_key    TEXT    NOT NULL,
    payload_json    TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    claimed_by      TEXT,
    claimed_until   INTEGER,
    sent_at         INTEGER,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX outbox_pending_by_key ON outbox (ordering_key, position) WHERE status = 'pending';
CREATE INDEX outbox_dead ON outbox (position) WHERE status = 'dead';

-- Job leases; the fencing token only grows, so the row stays after release.
CREATE TABLE lease (
    name          TEXT    NOT NULL PRIMARY KEY,
    holder        TEXT    NOT NULL,
    fencing_token INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
) WITHOUT ROWID;
