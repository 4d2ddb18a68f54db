-- WAL database (the -shm index is a shared file mapping) and locking between two
-- processes: while this one holds a write transaction, a second sqlite3 (the same
-- build, started by .system through $SQLITE) can read the last committed state and
-- cannot write ("database is locked", exit 1).  Its output goes to files that
-- test.sh compares.
PRAGMA journal_mode = WAL;
PRAGMA wal_autocheckpoint = 0;
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 500)
  INSERT INTO t SELECT i, printf('v%04d', i) FROM s;
BEGIN;
INSERT INTO t VALUES (1000, 'uncommitted');
SELECT 'writer sees', count(*) FROM t;
.system $SQLITE -batch wal.db "SELECT 'reader sees', count(*), max(id) FROM t" >reader.out 2>&1
.system $SQLITE -batch -cmd ".timeout 0" wal.db "INSERT INTO t VALUES (2000, 'other')" >writer.out 2>&1
COMMIT;
.system $SQLITE -batch wal.db "SELECT 'after commit', count(*), max(id) FROM t" >after.out 2>&1
PRAGMA wal_checkpoint(TRUNCATE);
SELECT 'final', count(*), max(id), group_concat(v, ',') FILTER (WHERE id > 498) FROM t;
-- rollback journal (DELETE mode): an exclusive transaction blocks readers too
PRAGMA journal_mode = DELETE;
BEGIN EXCLUSIVE;
UPDATE t SET v = upper(v) WHERE id <= 3;
.system $SQLITE -batch -cmd ".timeout 0" wal.db "SELECT count(*) FROM t" >excl.out 2>&1
COMMIT;
.system $SQLITE -batch wal.db "SELECT group_concat(v) FROM t WHERE id <= 3" >excl2.out 2>&1
PRAGMA journal_mode;
PRAGMA integrity_check;
