-- Fewer index entries to write for every message (issue 10). Runs unchanged on H2 2.x and PostgreSQL 15.

-- An outbox event's id is a fresh random UUID, written once and deleted once the bus has the event; no
-- query looks a row up by it, and the bus, not this table, drops a repeat (the id is its duplicate id).
-- The unique index cost a random insert and a random delete per event.
ALTER TABLE event_outbox DROP CONSTRAINT uq_event_outbox_event;

-- One index for provider ids instead of two: the unique key, with provider_id second, also serves the
-- look-ups by channel and provider id alone (threading by In-Reply-To and References, delivery callbacks)
-- that ix_message_provider served. Uniqueness is the same: it does not depend on the order of columns.
ALTER TABLE message DROP CONSTRAINT uq_message_provider;
DROP INDEX ix_message_provider;
ALTER TABLE message ADD CONSTRAINT uq_message_provider UNIQUE (channel, provider_id, account, direction);
