// Deep recursion must end in a catchable RangeError, as natively (quickjs checks
// its stack pointer against a 1 MiB limit below the stack top at startup).
let depth = 0;
function f(n) { depth = n; return f(n + 1) + 1; }
try { f(0); } catch (e) { print('recursion:', e.constructor.name, e.message, depth > 1000); }
try { JSON.parse('['.repeat(100000)); } catch (e) { print('JSON.parse nesting:', e.constructor.name, e.message); }
print('still running');
