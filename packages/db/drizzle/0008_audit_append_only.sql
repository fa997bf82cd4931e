-- The audit log is append-only: no code updates its rows, and the database refuses to.
-- A DELETE guard would belong here too, but a services test still clears the table as set-up.
-- drizzle-kit does not know this trigger: a future migration that rebuilds audit_log (copy,
-- drop, rename) drops it with the old table and must create it again.
CREATE TRIGGER `audit_log_no_update`
BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows are never updated');
END;
