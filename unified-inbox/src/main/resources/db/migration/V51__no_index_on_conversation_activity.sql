-- Every customer message updates its conversation's row (sequence, where to reply, activity times). Runs
-- unchanged on H2 2.x and PostgreSQL 15 (issue 10).
--
-- ix_conversation_activity (status, last_message_at) was the only index covering a column that update sets.
-- On PostgreSQL an update that changes an indexed column writes a new entry in every index of the table
-- (seven here) and leaves as many dead ones for vacuum; one that changes none stays on its page and writes no
-- index entry (a HOT update). On H2 the index cost a delete and an insert per message. No query needs it: the
-- conversation list sorts by COALESCE(last_message_at, created_at), which this index cannot serve on either
-- database, and its status filter is served as well by ix_conversation_snoozed (status, snoozed_until).
DROP INDEX ix_conversation_activity;
