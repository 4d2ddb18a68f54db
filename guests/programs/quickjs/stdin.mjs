// reads all of stdin with std.in, then line by line statistics
import * as std from 'qjs:std';
const text = std.in.readAsString();
const lines = text.split('\n').filter((l) => l.length);
print(lines.length, text.length, lines.map((l) => l.split(/\s+/).length).join(','));
print(lines.map((l) => l.toUpperCase()).sort().join(' / '));
print(std.in.eof(), std.in.getline());
