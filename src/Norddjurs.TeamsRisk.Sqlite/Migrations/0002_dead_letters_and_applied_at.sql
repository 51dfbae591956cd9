-- When a row was dead-lettered, for the coordinator's list (design.md §5); UTC ticks like the other outbox times.
ALTER TABLE outbox ADD COLUMN dead_at INTEGER;

-- When a change was applied, by the store's clock in UTC ticks, so old idempotency rows can be pruned after the
-- retention (Storage:AppliedChangeRetentionDays). Rows from 0001 take their committed_at; julianday 1721425.5 is
-- 0001-01-01, where .NET ticks start.
ALTER TABLE idempotency ADD COLUMN applied_at INTEGER NOT NULL DEFAULT 0;
UPDATE idempotency SET applied_at = CAST((julianday(committed_at) - 1721425.5) * 864000000000 AS INTEGER);
CREATE INDEX idempotency_applied_at ON idempotency (applied_at);
