// fed on stdin as /dev/stdin: a plain (non-module) script
var total = 0;
for (var i = 1; i <= 100; i++) total += i * i;
print('sum of squares', total, typeof std, scriptArgs.slice(1).join('+'));
print([3, 1, 2].sort().reverse(), new Date(Date.UTC(1999, 11, 31)).toISOString());
