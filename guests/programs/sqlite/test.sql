-- Main script for guests/programs/sqlite/test.sh, run as
--   sqlite3 -batch main.db '.read test.sql'
-- in a fresh directory that also holds people.csv.  Everything here must print
-- exactly what the native (gcc/glibc) build prints.  Deterministic only: no
-- random(), no 'now', no compile options (they name the compiler).
.bail off
.print '== basics'
SELECT sqlite_version(), 1 + 2, 7 / 2, 7 % 3, 7.0 / 2, -7 / 2, 1 << 40, ~5, 'a' || 'b';
SELECT typeof(1), typeof(1.5), typeof('x'), typeof(x'00ff'), typeof(NULL);
SELECT 9223372036854775807 + 0, -9223372036854775808, 9223372036854775807 + 1;
SELECT abs(-42), max(3, 9, 4), min('b', 'a', 'c'), coalesce(NULL, NULL, 'z'), nullif(4, 4), ifnull(NULL, 'dflt');
SELECT length('héllo'), length(x'0102'), upper('abc'), lower('ÀBC'), substr('abcdef', 2, 3), substr('abcdef', -2);
SELECT instr('hello world', 'o w'), replace('a-b-c', '-', '+'), trim('  x  '), ltrim('xxyx', 'x'), rtrim('abc  ');
SELECT hex('AB'), hex(zeroblob(3)), quote('it''s'), quote(x'cafe'), unicode('€'), char(72, 105, 8364);
SELECT 'abc' LIKE 'A%', 'abc' GLOB 'A*', 'a_c' LIKE 'a\_c' ESCAPE '\', 'x' BETWEEN 'a' AND 'z';
SELECT CAST('12abc' AS INTEGER), CAST(3.99 AS INTEGER), CAST('3.5e2' AS REAL), CAST(255 AS TEXT) || '!';
SELECT round(2.5), round(-2.5), round(3.14159, 3), round(1234.5678, -2), 1e308 * 10, -1e308 * 10;

.print '== real numbers (formatting and parsing)'
SELECT 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e15 + 0.3, 123456789012345678.0, 1e-300 * 1e-10, 5e-324;
SELECT 3.0, 100.0, 1e100, 1.7976931348623157e308, 2.2250738585072014e-308, 4.9406564584124654e-324;
SELECT CAST('0.30000000000000004' AS REAL) = 0.1 + 0.2, CAST('9007199254740993' AS REAL), 1.5e-7, 12345.678e-3;
SELECT sqrt(2), exp(1), ln(10), log10(1000), log(2, 1024), pow(2, 0.5), sin(1), cos(1), atan2(1, 2), pi();
SELECT ceil(1.2), floor(-1.2), trunc(-2.7), mod(10.5, 3), degrees(pi()), radians(180);
SELECT sum(x), avg(x), total(x) FROM (SELECT 0.1 AS x UNION ALL SELECT 0.2 UNION ALL SELECT 0.3);

.print '== printf'
SELECT printf('%d|%5d|%-5d|%05d|%+d|%x|%X|%o|%c', 42, 42, 42, 42, 42, 255, 255, 8, 'q');
SELECT printf('%f|%.2f|%10.3f|%-10.1f|%e|%.3e|%g|%g|%g', 3.14159, 2.005, 1.5, -1.25, 12345.678, 0.000123, 100000.0, 1000000.0, 0.0001);
SELECT printf('%s|%10s|%-10s|%.3s|%q|%Q|%Q|%w', 'str', 'right', 'left', 'truncate', 'it''s', 'x''y', NULL, 'a"b');
SELECT printf('%,d|%,d|%lld|%!.20g|%.30f', 1234567, -9876543210, 9223372036854775807, 0.1, 1.0/3);
SELECT printf('%5.1f%%|%#x|%#o|%z', 99.44, 255, 8, 'zz'), format('%s=%d', 'n', 5);

.print '== dates (fixed)'
SELECT date('2024-02-29'), time('13:45:30'), datetime('2024-02-29 13:45:30.123'), julianday('2000-01-01 12:00:00');
SELECT strftime('%Y-%m-%d %H:%M:%f %s %j %w %W %J', '2024-02-29 13:45:30.123');
SELECT date('2024-01-31', '+1 month'), date('2023-03-31', '-1 month'), date('2024-02-29', '+1 year'), date('2024-05-15', 'start of month', '+1 month', '-1 day');
SELECT datetime(1700000000, 'unixepoch'), strftime('%H:%M:%f', 1700000000.5, 'unixepoch'), date('2024-06-15', 'weekday 0'), datetime('2024-01-01', '+90 minutes', '+30 seconds');
SELECT unixepoch('2038-01-19 03:14:08'), datetime(-1, 'unixepoch'), date(0, 'unixepoch'), strftime('%s', '1969-12-31 23:59:59');
SELECT julianday('2024-12-25') - julianday('2024-01-01'), date('2024-03-01', '-1 day'), date('2023-03-01', '-1 day');
.print '-- localtime (TZ from the environment)'
SELECT datetime('2024-07-01 12:00:00', 'localtime'), datetime('2024-01-15 12:00:00', 'localtime');
SELECT datetime('2024-07-01 12:00:00', 'utc'), datetime('2024-03-31 01:30:00', 'localtime'), datetime('2024-10-27 00:30:00', 'localtime');

.print '== tables, constraints, joins'
PRAGMA foreign_keys = ON;
CREATE TABLE dept (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, budget REAL CHECK (budget >= 0));
CREATE TABLE emp (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  dept_id INTEGER REFERENCES dept(id) ON DELETE SET NULL,
  salary INTEGER,
  hired TEXT,
  manager_id INTEGER REFERENCES emp(id)
);
CREATE INDEX emp_dept ON emp(dept_id, salary DESC);
INSERT INTO dept VALUES (1, 'Engineering', 1000000), (2, 'Sales', 250000.5), (3, 'Support', 99999.99), (4, 'Empty', 0);
INSERT INTO emp VALUES
  (1, 'Ada',     1, 250000, '2015-03-01', NULL),
  (2, 'Brian',   1, 180000, '2017-06-12', 1),
  (3, 'Chen',    1, 180000, '2019-01-07', 1),
  (4, 'Dolores', 2, 120000, '2016-11-30', 1),
  (5, 'Eve',     2,  95000, '2020-02-29', 4),
  (6, 'Farid',   3,  70000, '2021-08-16', 4),
  (7, 'Gita',    3,  72000, '2018-04-04', 6),
  (8, 'Hugo',    NULL, 50000, '2023-09-01', NULL),
  (9, 'Ines',    2, NULL,   '2022-12-31', 4);
INSERT INTO dept VALUES (5, 'Engineering', 1);
INSERT INTO dept VALUES (6, 'Neg', -1);
INSERT INTO emp VALUES (10, 'Bad', 42, 1, '2024-01-01', NULL);
SELECT changes(), total_changes() > 0, last_insert_rowid();
.headers on
.mode column
SELECT e.name, d.name AS dept, e.salary FROM emp e JOIN dept d ON d.id = e.dept_id ORDER BY d.name, e.salary DESC, e.name;
SELECT d.name, count(e.id) AS n FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.id ORDER BY n DESC, d.name;
SELECT e.name, m.name AS manager FROM emp e LEFT JOIN emp m ON m.id = e.manager_id ORDER BY e.id;
SELECT name FROM emp WHERE dept_id IN (SELECT id FROM dept WHERE budget > 100000) AND salary > (SELECT avg(salary) FROM emp) ORDER BY 1;
SELECT d.name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id);
SELECT name FROM emp WHERE salary IS NULL OR dept_id IS NULL ORDER BY name;

.print '== aggregates, group by, having'
SELECT dept_id, count(*), count(salary), sum(salary), avg(salary), min(salary), max(salary), group_concat(name, '/')
  FROM (SELECT * FROM emp ORDER BY name) GROUP BY dept_id ORDER BY dept_id;
SELECT dept_id, sum(salary) AS total FROM emp GROUP BY dept_id HAVING total > 150000 ORDER BY total;
SELECT substr(hired, 1, 4) AS year, count(*) FROM emp GROUP BY year ORDER BY year;
SELECT count(DISTINCT salary), total(salary) / count(salary) FROM emp;

.print '== window functions'
SELECT name, dept_id, salary,
       row_number() OVER w AS rn, rank() OVER w AS rnk, dense_rank() OVER w AS drnk,
       percent_rank() OVER w AS prk, cume_dist() OVER w AS cd, ntile(2) OVER w AS nt
  FROM emp WHERE dept_id IS NOT NULL
  WINDOW w AS (PARTITION BY dept_id ORDER BY salary DESC NULLS LAST)
  ORDER BY dept_id, rn;
SELECT name, salary, lag(salary) OVER o AS prev, lead(name, 2, '-') OVER o AS next2,
       first_value(name) OVER o AS first, last_value(name) OVER (ORDER BY hired ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS nxt,
       nth_value(name, 3) OVER o AS third
  FROM emp WINDOW o AS (ORDER BY hired) ORDER BY hired;
SELECT name, salary,
       sum(salary) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s3,
       avg(salary) OVER (ORDER BY id RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS a3,
       count(*) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES) AS g,
       sum(salary) OVER (PARTITION BY dept_id) AS dept_total
  FROM emp ORDER BY id;

.print '== CTEs'
WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 90)
  SELECT n, a FROM fib WHERE n IN (1, 2, 10, 50, 90);
WITH RECURSIVE chain(id, name, depth, path) AS (
    SELECT id, name, 0, name FROM emp WHERE manager_id IS NULL AND id = 1
    UNION ALL
    SELECT e.id, e.name, c.depth + 1, c.path || ' > ' || e.name FROM emp e JOIN chain c ON e.manager_id = c.id
    ORDER BY 3 DESC, 2)
  SELECT depth, path FROM chain;
WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt LIMIT 100000)
  SELECT count(*), sum(x), sum(x * x) % 1000003, max(x) FROM cnt;
WITH RECURSIVE
  xaxis(x) AS (VALUES (-2.0) UNION ALL SELECT x + 0.1 FROM xaxis WHERE x < 1.2),
  yaxis(y) AS (VALUES (-1.0) UNION ALL SELECT y + 0.2 FROM yaxis WHERE y < 1.0),
  m(iter, cx, cy, x, y) AS (
    SELECT 0, x, y, 0.0, 0.0 FROM xaxis, yaxis
    UNION ALL
    SELECT iter + 1, cx, cy, x * x - y * y + cx, 2.0 * x * y + cy FROM m
     WHERE (x * x + y * y) < 4.0 AND iter < 28),
  m2(iter, cx, cy) AS (SELECT max(iter), cx, cy FROM m GROUP BY cx, cy),
  a(t) AS (SELECT group_concat(substr(' .+*#', 1 + min(iter / 7, 4), 1), '') FROM m2 GROUP BY cy)
SELECT group_concat(rtrim(t), x'0a') AS mandelbrot FROM a;
WITH m AS MATERIALIZED (SELECT dept_id, max(salary) AS top FROM emp GROUP BY dept_id)
  SELECT e.name, m.top FROM emp e JOIN m USING (dept_id) WHERE e.salary = m.top ORDER BY e.name;

.print '== JSON'
.mode list
SELECT json('{"a" : [1, 2.50, "x", null, true], "b": {"c": -0.0}}'), json_valid('{bad'), json_type('[1]'), json_array_length('[1,[2,3],4]');
SELECT json_object('name', name, 'salary', salary, 'tags', json_array(dept_id, hired)) FROM emp WHERE id <= 2;
SELECT json_extract('{"a":{"b":[10,20,{"c":"deep"}]}}', '$.a.b[2].c', '$.a.b[#-1].c', '$.a.b[0]');
SELECT '{"x":{"y":[5,6]}}' -> '$.x', '{"x":{"y":[5,6]}}' ->> '$.x.y[1]', '[1,2,3]' -> 2, '{"k":"v"}' ->> 'k';
SELECT json_set('{"a":1}', '$.b', 2, '$.a', json('[3]')), json_insert('[1,2]', '$[#]', 99), json_remove('[0,1,2,3]', '$[1]', '$[1]'), json_replace('{"a":1,"b":2}', '$.b', 'two');
SELECT json_patch('{"a":1,"b":{"c":2}}', '{"b":{"c":null,"d":4},"e":5}'), json_quote('he said "hi"'), json_quote(3.5e10);
SELECT key, value, type, path FROM json_each('{"one":1,"two":[2,2],"three":{"t":3}}') ORDER BY key;
SELECT fullkey, atom FROM json_tree('{"a":[1,{"b":2}],"c":"s"}') WHERE atom IS NOT NULL;
SELECT json_group_array(name), json_group_object(name, salary) FROM (SELECT * FROM emp WHERE dept_id = 3 ORDER BY id);
SELECT dept_id, json_group_array(json_object('n', name)) FROM (SELECT * FROM emp ORDER BY id) WHERE dept_id IS NOT NULL GROUP BY dept_id;

.print '== transaction with rollback, savepoints'
CREATE TABLE ledger (id INTEGER PRIMARY KEY AUTOINCREMENT, who TEXT, amount INTEGER);
INSERT INTO ledger (who, amount) VALUES ('alice', 100), ('bob', 50);
BEGIN;
UPDATE ledger SET amount = amount - 30 WHERE who = 'alice';
INSERT INTO ledger (who, amount) VALUES ('carol', 30);
SELECT 'in txn', who, amount FROM ledger ORDER BY id;
ROLLBACK;
SELECT 'after rollback', who, amount FROM ledger ORDER BY id;
BEGIN IMMEDIATE;
INSERT INTO ledger (who, amount) VALUES ('dave', 1);
SAVEPOINT s1;
INSERT INTO ledger (who, amount) VALUES ('erin', 2);
SAVEPOINT s2;
DELETE FROM ledger;
SELECT 'inside s2', count(*) FROM ledger;
ROLLBACK TO s2;
RELEASE s2;
ROLLBACK TO s1;
COMMIT;
SELECT 'after savepoints', group_concat(who || '=' || amount, ',') FROM ledger;
SELECT name, seq FROM sqlite_sequence;
-- a statement that fails in the middle of a transaction: the constraint error is
-- reported (.bail is off) and the transaction goes on
BEGIN;
INSERT INTO ledger (who, amount) VALUES ('frank', 7);
INSERT INTO ledger (id, who, amount) VALUES (1, 'dup', 0);
COMMIT;
SELECT count(*) FROM ledger;

.print '== upsert, returning, generated columns, strict, triggers, views'
CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL DEFAULT 0, sq INTEGER GENERATED ALWAYS AS (v * v) STORED, len INTEGER AS (length(k))) STRICT;
INSERT INTO kv (k, v) VALUES ('a', 1), ('bb', 2) RETURNING k, v, sq, len;
INSERT INTO kv (k, v) VALUES ('a', 10) ON CONFLICT (k) DO UPDATE SET v = v + excluded.v RETURNING *;
INSERT INTO kv (k, v) VALUES ('x', 'not an int');
CREATE TABLE audit (at INTEGER, msg TEXT);
CREATE TRIGGER kv_del AFTER DELETE ON kv BEGIN INSERT INTO audit VALUES ((SELECT count(*) FROM audit), 'deleted ' || old.k); END;
CREATE TRIGGER kv_upd BEFORE UPDATE OF v ON kv WHEN new.v < 0 BEGIN SELECT RAISE(ABORT, 'negative v'); END;
DELETE FROM kv WHERE k = 'bb';
UPDATE kv SET v = -1 WHERE k = 'a';
CREATE VIEW emp_view AS SELECT e.name, d.name AS dept FROM emp e LEFT JOIN dept d ON d.id = e.dept_id;
SELECT * FROM kv; SELECT * FROM audit; SELECT * FROM emp_view WHERE dept IS NULL OR dept LIKE 'S%' ORDER BY name;
DELETE FROM dept WHERE id = 3;
SELECT name, dept_id FROM emp WHERE id IN (6, 7);

.print '== FTS5, R*Tree, dbstat'
CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61');
INSERT INTO docs VALUES
  ('WebAssembly', 'WebAssembly is a binary instruction format for a stack-based virtual machine'),
  ('Linux', 'Linux is a family of open-source Unix-like operating systems based on the Linux kernel'),
  ('SQLite', 'SQLite is a database engine written in C; it is embedded into the running program'),
  ('Syscalls', 'A system call is how a program requests a service from the kernel of the operating system');
SELECT title, printf('%.4g', bm25(docs)) FROM docs WHERE docs MATCH 'kernel OR program' ORDER BY bm25(docs), title;
SELECT highlight(docs, 1, '[', ']') FROM docs WHERE docs MATCH 'kern* OR syst*' ORDER BY rowid;
SELECT title, snippet(docs, 1, '<', '>', '...', 4) FROM docs WHERE docs MATCH 'title:sqlite OR "virtual machine"' ORDER BY rowid;
CREATE VIRTUAL TABLE boxes USING rtree(id, minx, maxx, miny, maxy);
INSERT INTO boxes VALUES (1, 0, 10, 0, 10), (2, 5, 15, 5, 15), (3, 20, 30, 20, 30), (4, -5, 1, -5, 1);
SELECT id FROM boxes WHERE maxx >= 6 AND minx <= 9 AND maxy >= 6 AND miny <= 9 ORDER BY id;
SELECT name, count(*) > 0 FROM dbstat WHERE name IN ('emp', 'dept') GROUP BY name ORDER BY name;

.print '== blobs and a bigger table'
CREATE TABLE big (id INTEGER PRIMARY KEY, t TEXT, b BLOB, r REAL);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20000)
  INSERT INTO big SELECT i, printf('row-%06d-%s', i, hex(i * 7919)), zeroblob(i % 64), i * 0.001 + 1.0 / i FROM s;
CREATE INDEX big_t ON big(t);
SELECT count(*), sum(length(b)), round(sum(r), 6), min(t), max(t) FROM big;
SELECT id, t, hex(b), r FROM big WHERE id IN (1, 2, 7, 19999) ORDER BY id;
SELECT count(*) FROM big WHERE t > 'row-015000' AND id % 3 = 0;
-- external merge sort with worker threads: a small page cache makes the sorter
-- spill to temporary files, and PRAGMA threads lets it sort/merge them in threads
PRAGMA threads = 4;
PRAGMA cache_size = -128;
CREATE INDEX big_rt ON big(r DESC, t);
SELECT count(*), sum(length(t)), min(k), max(k) FROM (SELECT t, substr(t, 12) || printf('%08d', id) AS k FROM big ORDER BY k DESC);
WITH s AS (SELECT id, t, row_number() OVER (ORDER BY hex(b) || t DESC) AS rn FROM big) SELECT rn, id, t FROM s WHERE rn IN (1, 777, 20000);
SELECT id FROM big ORDER BY r DESC, t LIMIT 3;
PRAGMA integrity_check;
PRAGMA cache_size = -2000;
DELETE FROM big WHERE id % 2 = 0;
SELECT count(*), max(id) FROM big;
SELECT hex(substr(x'000102030405', 2, 3)), length(CAST(zeroblob(100000) AS BLOB)), x'41' = CAST('A' AS BLOB);

.print '== .import CSV and output modes'
.import --csv people.csv people
SELECT typeof(age), count(*) FROM people GROUP BY 1;
.mode csv
SELECT * FROM people ORDER BY name;
.mode json
SELECT name, age, city FROM people WHERE city <> '' ORDER BY age LIMIT 3;
.mode markdown
SELECT id, name, salary FROM emp ORDER BY id LIMIT 4;
.mode box
SELECT name, city, 'ünïcödé ✓' AS u FROM people ORDER BY name LIMIT 3;
.mode table
SELECT dept_id, count(*) AS n FROM emp GROUP BY 1 ORDER BY 1;
.mode line
SELECT * FROM emp WHERE id = 5;
.mode insert newtable
SELECT id, name, salary, x'00ff' AS blob, NULL AS nada, 1.5 AS r FROM emp WHERE id <= 2;
.mode quote
SELECT name, salary, 'o''brien', x'c0de' FROM emp WHERE id = 3;
.mode tabs
SELECT id, name FROM emp WHERE id < 3;
.mode html
SELECT id, name FROM emp WHERE id = 1;
.mode list
.separator ' | ' "\n"
.nullvalue <null>
SELECT id, name, salary FROM emp WHERE id >= 8;
.headers off
.separator '|' "\n"
.nullvalue ''
.width 6 -8
.mode column
SELECT 'left', 'right';
.mode list

.print '== meta commands'
.tables
.indexes emp
.schema dept
.dump ledger
.print a "quoted string" with\ttab
.parameter init
.parameter set @who 'bob'
.parameter set $n 3
SELECT who, amount * $n FROM ledger WHERE who = @who;
.parameter list
.parameter clear
.output out.txt
SELECT 'this goes to out.txt', 6 * 7;
.print printed to the file
.output
.output '|sort -r >piped.out'
SELECT name FROM emp WHERE id <= 4;
.output
VACUUM INTO 'copy.db';
ATTACH 'copy.db' AS c;
SELECT 'attached', count(*), (SELECT count(*) FROM c.big) FROM c.emp;
DETACH c;
.backup bak.db
.once once.txt
SELECT 'only once';
SELECT 'back on stdout';
.read included.sql
.databases
.changes on
UPDATE emp SET salary = salary + 1 WHERE dept_id = 1;
.changes off
.show

.print '== errors (reported, the script goes on)'
SELECT * FROM no_such_table;
SELECT 1 +;
INSERT INTO emp (id, name) VALUES (1, 'dup');
SELECT json('{"unterminated": ');
SELECT abs(-9223372036854775808);
.bogus_command
.print end of main script
