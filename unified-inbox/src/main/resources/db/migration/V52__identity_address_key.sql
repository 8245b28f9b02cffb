-- Identity look-ups by address ignore case: a new customer's first message looks for a contact that already
-- holds the same phone number (SMS, WhatsApp) or e-mail address, and e-mail look-ups find their holders. They
-- compared LOWER(address), which the index on address cannot serve, so each of them read every identity
-- (58 ms at 300,000 identities on PostgreSQL, against 0.05 ms through an index). The lower-cased address now has
-- a column of its own, written with the row (LOWER(:address) in the INSERT, so the database lower-cases both
-- sides the same way), and the index that served no query is replaced by one on it.
ALTER TABLE contact_identity ADD COLUMN address_key VARCHAR;
UPDATE contact_identity SET address_key = LOWER(address);
ALTER TABLE contact_identity ALTER COLUMN address_key SET NOT NULL;
DROP INDEX ix_contact_identity_address;
CREATE INDEX ix_contact_identity_address_key ON contact_identity (address_key);
