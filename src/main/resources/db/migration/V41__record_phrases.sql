-- What a page shows of a record the portal wrote, kept as a phrase (message key and arguments, JSON; see
-- PhraseRecords) so that it reads in the reader's language. The text beside it stays the record, in Chinese; rows
-- written before have no phrase and read as that text.
alter table payment_order add column review_phrase text;
alter table reconciliation_mismatch add column resolution_phrase text;
