-- The agent console: files an agent uploads before sending them with a reply, and how far each agent
-- has read each conversation (for unread counts). Runs unchanged on H2 2.x and PostgreSQL 15.

-- An agent's upload is a message_attachment without a message until a reply of theirs carries it, so
-- its id is the attachment's id before and after sending.
ALTER TABLE message_attachment ALTER COLUMN message_id DROP NOT NULL;
ALTER TABLE message_attachment ADD COLUMN uploaded_by VARCHAR(100);
ALTER TABLE message_attachment ADD COLUMN uploaded_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_message_attachment_upload ON message_attachment (uploaded_by, message_id);

-- The highest message seq an agent has seen in a conversation; customer messages after it are unread.
CREATE TABLE conversation_read (
    conversation_id BIGINT NOT NULL REFERENCES conversation (id),
    username        VARCHAR(100) NOT NULL,
    last_read_seq   BIGINT NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_conversation_read PRIMARY KEY (conversation_id, username)
);
