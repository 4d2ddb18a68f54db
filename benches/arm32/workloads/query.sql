-- SQLite workload for benches/arm32/insn.sh (sqlite3 :memory: < query.sql).
CREATE TABLE t(id INTEGER PRIMARY KEY, grp INTEGER, name TEXT, val REAL);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000)
INSERT INTO t SELECT i, i % 97, printf('name-%05d', (i * 7919) % 20000), (i * 37 % 1000) / 10.0 FROM c;
SELECT grp, count(*), round(sum(val), 1), min(name), max(name)
  FROM t GROUP BY grp ORDER BY sum(val) DESC, grp LIMIT 10;
SELECT count(*), sum(length(name)) FROM t WHERE name LIKE '%7%';
SELECT name FROM t ORDER BY val DESC, name LIMIT 5;
