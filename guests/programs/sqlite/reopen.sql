-- Second invocation, SQL read from stdin:  sqlite3 main.db < reopen.sql
-- main.db was written by test.sql in an earlier process: the committed data must be
-- there, the rolled-back transaction must not.
.headers on
.mode column
-- reads go through a shared read-only mapping of the file from here on
PRAGMA mmap_size = 268435456;
PRAGMA synchronous = FULL;
PRAGMA integrity_check;
PRAGMA foreign_key_check;
SELECT name, type FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'docs_%' ORDER BY type, name;
SELECT count(*) AS emps, sum(salary) AS payroll FROM emp;
SELECT who, amount FROM ledger ORDER BY id;
SELECT * FROM kv;
SELECT count(*), min(id), max(id), round(sum(r), 6) FROM big;
SELECT title FROM docs WHERE docs MATCH 'linux' ORDER BY rowid;
SELECT count(*) FROM people;
PRAGMA page_size;
PRAGMA journal_mode;
PRAGMA user_version = 7;
-- a table dropped and the file vacuumed: the file must stay consistent
DROP TABLE big;
VACUUM;
PRAGMA integrity_check;
PRAGMA page_count;
-- other journal modes and exclusive locking on the same file
PRAGMA journal_mode = TRUNCATE;
INSERT INTO ledger (who, amount) VALUES ('truncate', 1);
PRAGMA journal_mode = PERSIST;
INSERT INTO ledger (who, amount) VALUES ('persist', 2);
PRAGMA journal_mode = MEMORY;
BEGIN; INSERT INTO ledger (who, amount) VALUES ('memory', 3); ROLLBACK;
PRAGMA locking_mode = EXCLUSIVE;
PRAGMA journal_mode = DELETE;
INSERT INTO ledger (who, amount) VALUES ('exclusive', 4);
SELECT group_concat(who, ',') FROM ledger;
.restore bak.db
SELECT 'restored', count(*) FROM ledger;
.mode list
.headers off
.dump dept
SELECT 'end of stdin';
