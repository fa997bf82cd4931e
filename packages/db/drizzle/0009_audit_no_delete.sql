-- The audit log keeps every row: the database refuses to delete one, as it refuses to update one
-- (0008). Like that trigger, drizzle-kit does not know this one: a migration that rebuilds
-- audit_log must create both again.
CREATE TRIGGER `audit_log_no_delete`
BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows are never deleted');
END;
