-- When the offline auto-reply was sent in this conversation (it is sent at most once per conversation).
ALTER TABLE conversation ADD COLUMN auto_replied_at TIMESTAMP WITH TIME ZONE;
