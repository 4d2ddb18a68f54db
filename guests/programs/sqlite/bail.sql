-- read from stdin; with -bail the shell stops at the first error (exit 1)
CREATE TABLE t (x INTEGER PRIMARY KEY);
INSERT INTO t VALUES (1), (2);
SELECT 'before error', count(*) FROM t;
INSERT INTO t VALUES (1);
SELECT 'after error', count(*) FROM t;
SELECT x FROM t WHERE x > ;
SELECT 'last statement';
