-- read by test.sql with .read
SELECT 'included file', count(*) FROM emp;
.print included.sql done
