-- What an alert says as data (domain/care/ports.ts AlertDetails: a code and its parameters, with
-- module texts as localised maps), so the clinic words it in its own language. `message` stays the
-- English wording for the audit trail. Alerts raised before this migration have none (NULL).
ALTER TABLE alerts ADD COLUMN details TEXT CHECK (details IS NULL OR (json_valid(details) AND json_type(details) = 'object'));
