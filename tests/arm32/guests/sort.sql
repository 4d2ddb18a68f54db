PRAGMA threads = 4;
PRAGMA cache_size = 20;
CREATE TABLE t(a INTEGER, b TEXT);
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000)
INSERT INTO t SELECT (x * 7919) % 10007, printf('%08d-%d', (x * 104729) % 99991, x) FROM n;
CREATE INDEX tb ON t(b);
SELECT count(*), sum(a), min(b), max(b) FROM t;
SELECT a, b FROM t ORDER BY b DESC LIMIT 3;
SELECT a, count(*) FROM t GROUP BY a ORDER BY 2 DESC, 1 LIMIT 3;
