// Main script for guests/programs/quickjs/test.sh, run as `qjs test.mjs a1 'a 2'`
// in a fresh directory that also holds helper.mjs and worker.mjs, with
// TZ=Europe/Berlin, QJS_TEST=yes and QJS = how to start this same build.  Every
// line printed must be identical to the native (gcc/glibc) build's.
// Deterministic only: no Date.now()/Math.random() values, no inode numbers.
import * as std from 'qjs:std';
import * as os from 'qjs:os';
import * as bjson from 'qjs:bjson';
import { square, Counter, default as helperName } from './helper.mjs';

const out = [];
const log = (...a) => print(...a);
const section = (s) => print(`== ${s}`);

section('basics');
log(typeof scriptArgs, JSON.stringify(scriptArgs.slice(1)), scriptArgs[0].endsWith('test.mjs'));
log(1 + 2, 7 / 2, 7 % 3, -7 % 3, 2 ** 53 + 1, 0.1 + 0.2, 1 / 3, -0 === 0, Object.is(-0, 0), 1 / -0);
log(Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON, NaN ** 0, 2 ** -1074);
log((123.456).toFixed(1), (0.000001).toString(), (1e21).toString(), (255).toString(16), (255).toString(2), (-7.5).toString(3));
log(parseInt('0x1f'), parseInt('z', 36), parseFloat('3.14abc'), Number('  42  '), Number('1e-7'), +'0b101', +'0o17');
log(Math.max(), Math.min(1, 2), Math.hypot(3, 4), Math.cbrt(-8), Math.sign(-3), Math.trunc(-4.7), Math.fround(5.5), Math.clz32(1));
log(Math.sin(1), Math.cos(1), Math.tan(1), Math.exp(1), Math.log(10), Math.atan2(1, 2), Math.expm1(1e-10), Math.log1p(1e-10), Math.sqrt(2));
log(Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), Math.floor(-0.5), Math.ceil(0.2));
section('number formatting (half-way cases round up)');
for (const x of [0.5, 1.5, 2.5, 1.25, 1.005, 8.345, 0.125, 2.675, 9.995, 99.5, 1e-7, 123.456, 5e-324, 1.7976931348623157e308]) {
  const r = [];
  for (const d of [0, 1, 2, 3, 20]) r.push(x < 1e21 ? x.toFixed(d) : '-');
  for (const p of [1, 2, 3, 17, 21]) r.push(x.toPrecision(p));
  for (const e of [0, 1, 2, 15]) r.push(x.toExponential(e));
  log(x, r.join(' '));
}

section('strings');
const s = 'Hello, Wörld! 👋';
log(s.length, [...s].length, s.toUpperCase(), s.toLowerCase(), s.at(-1) === '\udc4b', s.codePointAt(14), s.charCodeAt(8));
log(s.slice(7, 12), s.substring(12, 7), s.split(/[ ,!]+/), s.indexOf('o'), s.lastIndexOf('o'), s.includes('Wör'));
log('abc'.padStart(6, '-'), 'abc'.padEnd(6, '.') + '|', '  trim  '.trim() + '|', 'x'.repeat(5), 'a-b-c'.replaceAll('-', '+'));
log('é'.normalize('NFD').length, 'e\u0301'.normalize('NFC') === 'é', 'ß'.toUpperCase(), 'İ'.toLowerCase().length, 'ǅ'.toLowerCase());
log(String.raw`a\nb${1 + 1}`, `multi
line ${'template'}`, String.fromCodePoint(0x1f600).length, 'abc'.localeCompare('abd'), ['b', 'a', 'C'].sort().join());
log(encodeURIComponent('a b&c=d/é'), decodeURIComponent('%E2%82%AC'), escape('ä b'), encodeURI('http://x/ä?q=1 2'));
log('a,b,,c'.split(','), 'abc'.split(''), 'x'.concat(1, null), 'Straße'.startsWith('Stra'), 'test'.endsWith('st'));

section('regexp');
const m = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/u.exec('date: 2024-02-29!');
log(m.index, m[0], m.groups.year, m.groups.month, m.groups.day);
log('a1b22c333'.replace(/\d+/g, (d) => `<${d.length}>`), 'aaa'.replace(/a/y, 'b'), /(?<=\$)\d+/.exec('cost $42')[0], /(?<!\$)\b\d+/.exec('cost $42 or 17')[0]);
log([...'x1y2z3'.matchAll(/[a-z](\d)/g)].map((r) => r[1] + '@' + r.index).join(' '), /\p{Script=Greek}+/u.exec('abc αβγ def')[0]);
log(/^[\w.+-]+@\w+\.\w{2,}$/.test('someone@example.com'), /a.c/s.test('a\nc'), /A/i.flags, new RegExp('a+', 'gim').source, /(a)|(b)/.exec('b'));
const re = /o/g; re.lastIndex = 5;
log(re.exec('foo boo').index, re.lastIndex, 'The Quick Brown'.split(/(?=[A-Z])/), 'tel: 555-1234'.search(/\d/));
log('aBc'.replace(/b/i, '$&$&'), 'john smith'.replace(/(\w+)\s(\w+)/, '$2, $1'), /(\d+)\1/.test('1212'), /[^]/.test('\n'));

section('objects, classes, closures');
class Shape {
  #id;
  static count = 0;
  constructor(name) { this.name = name; this.#id = ++Shape.count; }
  get id() { return this.#id; }
  area() { return 0; }
  toString() { return `${this.constructor.name}(${this.name}#${this.#id}, area=${this.area().toFixed(3)})`; }
  static #secret() { return 'static-private'; }
  static reveal() { return Shape.#secret(); }
}
class Circle extends Shape {
  constructor(r) { super('circle'); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
}
class Square extends Shape {
  constructor(a) { super('square'); this.a = a; }
  area() { return this.a * this.a; }
  toString() { return 'Sq:' + super.toString(); }
}
const shapes = [new Circle(1), new Square(3), new Circle(2.5)];
log(shapes.map(String).join('; '), Shape.count, Shape.reveal(), shapes[1] instanceof Shape, Object.getPrototypeOf(Circle) === Shape);
const makeCounter = () => { let n = 0; return { inc: () => ++n, get value() { return n; } }; };
const c1 = makeCounter(), c2 = makeCounter();
c1.inc(); c1.inc(); c2.inc();
log(c1.value, c2.value, square(12), helperName, new Counter(5).next().next().value);
const adders = []; for (let i = 0; i < 3; i++) adders.push((x) => x + i);
log(adders.map((f) => f(10)), (function () { return typeof this; }).call(7), (() => typeof this)());
const o = { a: 1, b: { c: [1, 2, { d: 'deep' }] }, [Symbol.for('k')]: 'sym', ['comp' + 'uted']: true };
const { a, b: { c: [, second, { d }] }, ...rest } = o;
log(a, second, d, JSON.stringify(rest), Object.keys(o), o?.b?.c?.[2]?.d, o.x?.y, o.x ?? 'nullish', o.a ||= 5, o.z ??= 9);
log(Object.entries({ x: 1, y: [2] }), Object.fromEntries([['p', 1], ['q', 2]]), Object.assign({}, { m: 1 }, { n: 2 }), structuredOk());
function structuredOk() { const f = Object.freeze({ v: 1 }); try { 'use strict'; f.v = 2; } catch (e) { return 'threw'; } return f.v; }
const sym = Symbol('desc');
log(sym.toString(), sym.description, typeof Symbol.iterator, Object.getOwnPropertySymbols(o).length);

section('generators and iterators');
function* fib() { let [x, y] = [0, 1]; for (;;) { yield x; [x, y] = [y, x + y]; } }
function* take(n, it) { for (const v of it) { if (n-- <= 0) return 'done'; yield v; } }
function* inner() { const got = yield 1; yield got * 2; return 'inner-ret'; }
function* outer() { const r = yield* inner(); yield r; }
log([...take(15, fib())].join(','));
const g = outer(); log(JSON.stringify([g.next(), g.next(21), g.next(), g.next()]));
const g2 = fib(); g2.next(); log(JSON.stringify(g2.return(99)), JSON.stringify(g2.next()));
const iterable = { from: 3, to: 6, [Symbol.iterator]() { let c = this.from, t = this.to; return { next: () => c <= t ? { value: c++, done: false } : { value: undefined, done: true } }; } };
log(Array.from(iterable), Math.max(...iterable), Array.from({ length: 4 }, (_, i) => i * i));

section('collections');
const map = new Map([[1, 'one'], ['1', 'string one'], [NaN, 'nan']]);
map.set(o, 'object'); map.delete(1);
log(map.size, map.get('1'), map.get(NaN), map.has(o), [...map.keys()].map(String).join('|'));
const set = new Set([3, 1, 3, 2, 1]);
log([...set], set.has(2), set.size, [...new Set('mississippi')].join(''));
const wm = new WeakMap(); const key = {}; wm.set(key, 42); log(wm.get(key), wm.has({}));
const arr = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3];
log(arr.toSorted((x, y) => x - y).join(), arr.findLast((x) => x < 5), arr.findLastIndex((x) => x === 5), arr.at(-2), arr.with(0, 0).join());
log([[1, [2, [3, [4]]]]].flat(Infinity), [1, 2, 3].flatMap((x) => [x, x * 10]), arr.reduce((s, x) => s + x, 0), arr.some((x) => x > 8), arr.every((x) => x > 0));
const people = [{ n: 'b', g: 2 }, { n: 'a', g: 1 }, { n: 'c', g: 2 }, { n: 'd', g: 1 }];
log(people.sort((p, q) => p.g - q.g).map((p) => p.n).join(''), Object.groupBy ? JSON.stringify(Object.groupBy(people, (p) => p.g)) : 'no groupBy');
const big = Array.from({ length: 50000 }, (_, i) => (i * 7919) % 50021);
big.sort((x, y) => x - y);
log(big[0], big[24999], big[49999], big.length, big.indexOf(12345), big.includes(50020));

section('JSON');
const data = { name: 'qjs', list: [1, 2.5, 'three', null, true], nested: { d: new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6)) }, u: undefined, f() {} };
log(JSON.stringify(data));
log(JSON.stringify(data, null, 2));
log(JSON.stringify(data, ['name', 'list']), JSON.stringify({ a: 1, b: 2 }, (k, v) => typeof v === 'number' ? v * 10 : v, '\t'));
log(JSON.stringify(JSON.parse('{"x":[1,{"y":"\\u00e9\\n"}],"z":-1.5e3}', (k, v) => Array.isArray(v) ? v.length : v)));
log(JSON.stringify('\u2028\ud800"\\'), JSON.stringify({ toJSON() { return 'custom'; } }), JSON.stringify([NaN, Infinity, -0]));
for (const bad of ['{', '[1,]', '{"a":1,}', 'tru', '"\\x"']) { try { JSON.parse(bad); log('parsed?', bad); } catch (e) { log('SyntaxError:', e instanceof SyntaxError, bad); } }
log(typeof std.parseExtJSON, typeof std.loadScript, typeof std.urlGet);

section('Date (fixed timestamps)');
const d0 = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
log(d0.getTime(), d0.toISOString(), d0.toJSON(), d0.getUTCDay(), d0.getUTCFullYear(), d0.getUTCHours(), d0.valueOf() === +d0);
log(Date.parse('2024-02-29T13:45:30.123Z'), Date.parse('2000-01-01'), new Date(0).toISOString(), new Date(-1).toISOString(), new Date(8.64e15).toISOString());
log(new Date(2024, 6, 1, 12, 0, 0).toString(), new Date(2024, 0, 15, 12).toString());
log(new Date(1700000000000).getTimezoneOffset(), new Date(1720000000000).getTimezoneOffset(), new Date(1700000000000).getHours(), new Date(1720000000000).toLocaleString());
log(d0.toUTCString(), new Date(1e12).toDateString(), new Date(1e12).toTimeString(), new Date('2024-03-31T02:30:00').getHours());
log(new Date(NaN).getTime(), String(new Date(NaN)), new Date(2024, 0, 31 + 29).getDate(), Date.UTC(1970, 0, 1), typeof Date.now(), Date.now() > 1.7e12);
const d1 = new Date(Date.UTC(2023, 11, 31, 23, 59, 59)); d1.setUTCSeconds(d1.getUTCSeconds() + 1);
log(d1.toISOString(), new Date('Tue Mar 05 2024 10:00:00 GMT+0100').toISOString(), new Date('2024-06-15T10:00:00+05:30').getTime());

section('BigInt');
let fact = 1n; for (let i = 1n; i <= 50n; i++) fact *= i;
log(fact, fact.toString(16), fact % 1000000007n, 2n ** 200n, -(2n ** 64n) / 3n, -7n % 3n, (-7n) / 2n);
log(BigInt.asIntN(8, 255n), BigInt.asUintN(8, -1n), BigInt.asUintN(64, -1n), 0xffn & 0x0fn, 1n << 100n, (1n << 100n) >> 98n, ~5n, 5n ^ 3n);
log(BigInt('123456789012345678901234567890') * 3n, BigInt(Number.MAX_SAFE_INTEGER) + 2n, typeof 1n, 10n > 9, 10n == 10, Number(2n ** 60n), BigInt('0x1f'), (123n).toString(36));
try { BigInt(1.5); } catch (e) { log(e.constructor.name, e.message); }
try { 1n + 1; } catch (e) { log(e.constructor.name, e.message); }

section('typed arrays');
const buf = new ArrayBuffer(16); const dv = new DataView(buf);
dv.setUint32(0, 0xdeadbeef); dv.setUint32(4, 0xdeadbeef, true); dv.setFloat64(8, Math.PI);
log(Array.from(new Uint8Array(buf)).map((x) => x.toString(16).padStart(2, '0')).join(''), dv.getInt16(0), dv.getFloat64(8), dv.getBigUint64(0));
const f32 = new Float32Array([1.1, 2.2, 16777217]); const i8 = new Int8Array([127, 128, -129, 300]); const u8c = new Uint8ClampedArray([300, -5, 1.5, 2.5]);
log(Array.from(f32), Array.from(i8), Array.from(u8c), new Uint16Array(new Uint8Array([1, 2, 3, 4]).buffer)[0], new BigInt64Array([-1n])[0]);
const ta = new Int32Array(10).map((_, i) => (i * 37) % 11);
log(ta.join(), ta.slice(2, 5).join(), ta.subarray(8).join(), [...ta.sort()].join(), ta.reverse().join(), ta.buffer.byteLength, Float64Array.BYTES_PER_ELEMENT);
const ab2 = buf.slice(4, 8); log(ab2.byteLength, new Uint8Array(ab2).join(), ArrayBuffer.isView(dv), new Uint8Array([1, 2, 3]).toReversed?.().join() ?? 'n/a');
const sab = new SharedArrayBuffer(8); const ia = new Int32Array(sab);
log(Atomics.add(ia, 0, 5), Atomics.load(ia, 0), Atomics.compareExchange(ia, 0, 5, 7), Atomics.exchange(ia, 1, 3), Array.from(ia));

section('control flow: try/catch/finally, labels');
function tcf(kind) {
  const trace = [];
  try {
    trace.push('try');
    if (kind === 'throw') throw new TypeError('bad ' + kind);
    if (kind === 'return') return trace.concat('returned');
  } catch (e) {
    trace.push(`catch ${e.name}: ${e.message}`);
  } finally {
    trace.push('finally');
    if (kind === 'override') return ['finally wins'];
  }
  return trace;
}
log(JSON.stringify(['none', 'throw', 'return', 'override'].map(tcf)));
function nested() { try { try { throw new Error('inner'); } finally { log('inner finally'); } } catch (e) { return 'outer caught ' + e.message; } }
log(nested());
const found = [];
outer: for (let i = 0; i < 5; i++) {
  inner: for (let j = 0; j < 5; j++) {
    if (j === i) continue outer;
    if (i + j === 6) break outer;
    if (j > 2) break inner;
    found.push(`${i}${j}`);
  }
}
log(found.join(' '));
blk: { log('in block'); if (found.length) break blk; log('not printed'); }
let sw = ''; for (const v of [1, 2, 3, 'x']) { switch (v) { case 1: sw += 'one'; case 2: sw += 'two'; break; case 'x': sw += 'ex'; break; default: sw += '?'; } }
log(sw);
class MyError extends Error { constructor(msg, code) { super(msg); this.name = 'MyError'; this.code = code; } }
try { throw new MyError('custom', 42); } catch (e) { log(e instanceof MyError, e instanceof Error, e.name, e.message, e.code, String(e)); }
try { null.x; } catch (e) { log(e.constructor.name, e.message); }
try { undefinedVariable; } catch (e) { log(e.constructor.name, e.message); }
try { new Array(-1); } catch (e) { log(e.constructor.name, e.message); }
const agg = new AggregateError([new Error('a'), new Error('b')], 'many'); log(agg.name, agg.errors.length, agg.message);
try { throw new Error('with cause', { cause: 'the cause' }); } catch (e) { log(e.cause); }

section('Proxy and Reflect');
const logTrap = [];
const target = { x: 1, y: 2 };
const proxy = new Proxy(target, {
  get(t, k, r) { logTrap.push(`get ${String(k)}`); return k in t ? Reflect.get(t, k, r) : `default-${String(k)}`; },
  set(t, k, v) { logTrap.push(`set ${k}=${v}`); if (typeof v !== 'number') throw new TypeError('numbers only'); t[k] = v * 2; return true; },
  has(t, k) { logTrap.push(`has ${k}`); return k.startsWith('x'); },
  deleteProperty(t, k) { logTrap.push(`delete ${k}`); return false; },
  ownKeys(t) { return [...Reflect.ownKeys(t), 'virtual']; },
  getOwnPropertyDescriptor(t, k) { return k === 'virtual' ? { value: 'v', enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k); },
});
proxy.z = 5;
try { proxy.w = 'str'; } catch (e) { logTrap.push('caught ' + e.message); }
log(proxy.x, proxy.nope, 'xy' in proxy, 'y' in proxy, Reflect.deleteProperty(proxy, 'x'), Object.keys(proxy).join(), target.z);
log(logTrap.join('; '));
const fnProxy = new Proxy(function (a, b) { return a + b; }, { apply(t, self, args) { return t(...args) * 100; }, construct(t, args) { return { made: args }; } });
log(fnProxy(1, 2), JSON.stringify(new fnProxy(7)), Reflect.ownKeys({ b: 1, a: 2, 1: 0, [Symbol.iterator]: 0 }).length, Reflect.has({ q: 1 }, 'q'));
const { proxy: rp, revoke } = Proxy.revocable({}, {}); revoke(); try { rp.x; } catch (e) { log(e.constructor.name); }

section('async/await and promises');
const order = [];
const sleep = (ms, v) => new Promise((res) => os.setTimeout(() => res(v), ms));
const rejectLater = (v, ms) => new Promise((_, rej) => os.setTimeout(() => rej(v), ms));
async function worker(name, ms) { order.push(`start ${name}`); const v = await sleep(ms, name); order.push(`end ${v}`); return v.toUpperCase(); }
async function failing() { await null; throw new RangeError('async failure'); }
async function* agen() { for (let i = 0; i < 3; i++) { await sleep(1); yield i; } }
Promise.resolve().then(() => order.push('microtask 1'));
queueMicrotask(() => order.push('microtask 2'));
os.setTimeout(() => order.push('timeout 0'), 0);
order.push('sync');
const results = await Promise.all([worker('a', 30), worker('b', 10), worker('c', 20)]);
log(results.join(','), order.join(' | '));
log(JSON.stringify(await Promise.allSettled([failing(), sleep(1, 'ok')]), (k, v) => v instanceof Error ? `${v.name}: ${v.message}` : v));
log(await Promise.race([sleep(50, 'slow'), sleep(5, 'fast')]), await Promise.any([rejectLater(1, 1), sleep(2, 'any-ok')]));
try { await Promise.any([rejectLater(new Error('x'), 1), rejectLater(new Error('y'), 2)]); } catch (e) { log(e.constructor.name, e.errors.map((x) => x.message).join()); }
const collected = []; for await (const v of agen()) collected.push(v); log(collected.join(), await (async () => { try { await failing(); } catch (e) { return 'caught ' + e.message; } finally { order.length = 0; } })());
const thenable = { then(res) { res('from thenable'); } }; log(await thenable, await 5);
let resolveLater; const pending = new Promise((r) => { resolveLater = r; }); os.setTimeout(() => resolveLater('resolved later'), 3); log(await pending);
const t0 = os.now(); await os.sleepAsync(20); const dt = os.now() - t0; log('sleepAsync >= 20ms:', dt >= 19, dt < 1e7);

section('std: files, FILE, printf, env');
const cwd = os.getcwd()[0];
log(std.getenv('QJS_TEST'), std.getenv('NOPE'), JSON.stringify(Object.keys(std.getenviron()).sort()), std.getenv('TZ'));
std.setenv('NEW_VAR', 'v1'); log(std.getenv('NEW_VAR')); std.unsetenv('NEW_VAR'); log(std.getenv('NEW_VAR'));
let f = std.open('data.txt', 'w');
f.puts('line one\n'); f.printf('%s %d %5.2f|%-4s|%x\n', 'fmt', 42, Math.PI, 'ab', 255); f.puts('ünïcödé\n'); f.putByte(65); f.puts('\nlast line');
log('tell', f.tell(), f.close());
log(JSON.stringify(std.loadFile('data.txt')));
log(std.loadFile('data.txt', { binary: true }).length, std.loadFile('missing.txt'));
f = std.open('data.txt', 'r');
const lines = []; let ln; while ((ln = f.getline()) !== null) lines.push(ln);
log(lines.length, JSON.stringify(lines), f.eof());
f.seek(5, std.SEEK_SET); log(f.tell(), JSON.stringify(f.readAsString(8)), f.getByte()); f.seek(-4, std.SEEK_END); log(f.readAsString()); f.close();
log(std.open('nonexistent/dir/file', 'r'), std.strerror(2), std.strerror(13));
const errObj = {}; log(std.open('nonexistent.txt', 'r', errObj), errObj.errno === std.Error.ENOENT);
const tf = std.tmpfile(); tf.puts('tmp data 123'); tf.seek(0, std.SEEK_SET); log(tf.readAsString(), tf.tell()); tf.close();
const bin = new Uint8Array(256).map((_, i) => 255 - i);
f = std.open('bin.dat', 'wb'); log(f.write(bin.buffer, 0, 256)); f.close();
f = std.open('bin.dat', 'rb'); const back = new ArrayBuffer(300); log(f.read(back, 10, 290), new Uint8Array(back)[10], new Uint8Array(back)[265]); f.close();
log(std.sprintf('%d|%5s|%-5s|%05.1f|%x|%o|%c|%%|%e|%g', 42, 'ab', 'cd', 3.14159, 255, 8, 65, 12345.678, 0.0001));
log(std.sprintf('%ld %lx %10.4f %d', 2 ** 53, 2 ** 40, -1 / 3, 2 ** 33), std.evalScript('1 + 2 * 3'), std.evalScript('typeof std'));
std.out.printf('%s\n', 'std.out.printf'); std.out.flush();
const p = std.popen('echo popen says hi; echo second line; exit 3', 'r'); log(JSON.stringify(p.readAsString()), p.close());
const pw = std.popen('cat > popen.out', 'w'); pw.puts('written through popen\n'); log(pw.close());
log(std.loadFile('popen.out'));

section('os: directories, stat, links, cwd-relative paths');
log(os.mkdir('dir1'), os.mkdir('dir1/sub', 0o750), os.mkdir('dir1') === -std.Error.EEXIST, (os.stat('dir1/sub')[0].mode & 0o777).toString(8));
for (const n of ['b.txt', 'a.txt', 'c.dat']) { const h = std.open('dir1/' + n, 'w'); h.puts(n.repeat(3)); h.close(); }
const [ents, rerr] = os.readdir('dir1'); log(rerr, ents.sort().join());
const [st, serr] = os.stat('dir1/a.txt');
log(serr, st.size, (st.mode & os.S_IFMT) === os.S_IFREG, (st.mode & os.S_IFMT) === os.S_IFDIR, st.nlink);
log(os.utimes('dir1/a.txt', 1700000000000, 1600000000000), os.stat('dir1/a.txt')[0].mtime, os.stat('dir1/a.txt')[0].atime, (os.stat('dir1')[0].mode & os.S_IFMT) === os.S_IFDIR);
log(os.symlink('a.txt', 'dir1/link'), os.readlink('dir1/link'), (os.lstat('dir1/link')[0].mode & os.S_IFMT) === os.S_IFLNK, os.stat('dir1/link')[0].size);
log(os.realpath('dir1/sub/../link')[0] === cwd + '/dir1/a.txt', os.realpath('nope')[1] === std.Error.ENOENT);
log(os.rename('dir1/c.dat', 'dir1/sub/moved.dat'), os.readdir('dir1/sub')[0].sort().join(), os.remove('dir1/b.txt'), os.remove('dir1/b.txt'), os.remove('dir1/sub'));
log(os.chdir('dir1'), os.getcwd()[0] === cwd + '/dir1', std.loadFile('a.txt'), std.loadFile('../data.txt').length, os.chdir('..'), os.getcwd()[0] === cwd);
log(os.stat('no/such')[1] === std.Error.ENOENT, os.readdir('no/such')[1] === std.Error.ENOENT, os.isatty(0), os.getpid() > 1);
const fd = os.open('raw.bin', os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644);
const wb = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
log(fd >= 3, os.write(fd, wb.buffer, 0, 8), os.seek(fd, 2, std.SEEK_SET), os.seek(fd, 0n, std.SEEK_END), os.seek(fd, 4, std.SEEK_SET));
const rb = new Uint8Array(8); log(os.read(fd, rb.buffer, 0, 8), rb.join(), os.close(fd), os.close(fd) < 0);

section('os: processes, pipes, signals, timers');
const qjs = std.getenv('QJS').split(' ');
log(os.exec(['/bin/sh', '-c', 'exit 7']), os.exec(['sh', '-c', 'echo from sh >sh.out; echo "$QJS_TEST" >>sh.out']), std.loadFile('sh.out'));
log(os.exec(['/bin/sh', '-c', 'echo env: $ONLY'], { env: { ONLY: 'this', PATH: '/usr/bin:/bin' }, stdout: os.open('env.out', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644) }), std.loadFile('env.out'));
log(os.exec(['pwd'], { cwd: 'dir1', stdout: os.open('pwd.out', os.O_WRONLY | os.O_CREAT, 0o644) }), std.loadFile('pwd.out') === cwd + '/dir1\n', os.exec(['/nonexistent/prog']));
const [rfd, wfd] = os.pipe();
const pid = os.exec([...qjs, '-e', 'print("child qjs", 6 * 7, typeof std)'], { block: false, stdout: wfd });
os.close(wfd);
const chunks = []; const pbuf = new Uint8Array(256); let nread;
while ((nread = os.read(rfd, pbuf.buffer, 0, 256)) > 0) chunks.push(String.fromCharCode(...pbuf.subarray(0, nread)));
os.close(rfd);
const [wpid, wstatus] = os.waitpid(pid, 0);
log(JSON.stringify(chunks.join('')), wpid === pid, wstatus, os.exec([...qjs, '-e', 'throw new Error("child fails")'], { stderr: os.open('child.err', os.O_WRONLY | os.O_CREAT, 0o644) }));
log(std.loadFile('child.err').split('\n')[0]);
// read handler on a pipe fed by a child process
await new Promise((resolve) => {
  const [r2, w2] = os.pipe();
  const cpid = os.exec(['/bin/sh', '-c', 'for i in 1 2 3; do echo tick $i; done'], { block: false, stdout: w2 });
  os.close(w2);
  let acc = ''; const b2 = new Uint8Array(64);
  os.setReadHandler(r2, () => {
    const n = os.read(r2, b2.buffer, 0, 64);
    if (n > 0) { acc += String.fromCharCode(...b2.subarray(0, n)); return; }
    os.setReadHandler(r2, null); os.close(r2);
    log('read handler got', JSON.stringify(acc), os.waitpid(cpid, 0)[1]);
    resolve();
  });
});
// signals: a handler runs from the event loop
await new Promise((resolve) => {
  os.signal(os.SIGUSR1, () => { log('SIGUSR1 handled'); os.signal(os.SIGUSR1, null); resolve(); });
  log('kill ->', os.kill(os.getpid(), os.SIGUSR1));
});
const ticks = []; const iv = os.setInterval(() => { ticks.push(ticks.length); if (ticks.length === 3) os.clearInterval(iv); }, 5);
const cancelled = os.setTimeout(() => log('never'), 10); os.clearTimeout(cancelled);
await sleep(60); log('interval ticks', ticks.join());
os.sleep(10); log('os.sleep done');

section('os.Worker (threads)');
const w = new os.Worker('./worker.mjs');
const replies = [];
await new Promise((resolve) => {
  w.onmessage = (e) => { replies.push(JSON.stringify(e.data)); if (e.data.done) { w.onmessage = null; resolve(); } };
  for (let i = 1; i <= 3; i++) w.postMessage({ n: i, sab });
  w.postMessage({ stop: true });
});
log(replies.join(' '), 'shared:', Atomics.load(ia, 1));

section('bjson, modules, eval');
const obj = { a: [1, 2n, 'three', { d: new Date(0) }], m: new Map([[1, 2]]), t: new Uint8Array([9, 8]) };
const enc = bjson.write(obj); const round = bjson.read(enc, 0, enc.byteLength);
log(JSON.stringify(round.a, (k, v) => typeof v === 'bigint' ? v + 'n' : v), round.m instanceof Map ? [...round.m] : round.m, round.t instanceof Uint8Array ? Array.from(round.t) : round.t);
log(import.meta.url === 'file://' + cwd + '/test.mjs', import.meta.main, typeof (await import('./helper.mjs')).square);
const dyn = await import('./helper.mjs'); log(dyn.default, dyn.square(-3));
try { await import('./no-such-module.mjs'); } catch (e) { log(e.constructor.name, e.message.includes('no-such-module')); }
log(eval('let q = 5; q * q'), new Function('a', 'b', 'return a ** b')(2, 10), (0, eval)('typeof os'));
try { eval('let let = 1'); } catch (e) { log(e.constructor.name, e.message); }
const fnSrc = function namedFn(x) { return x + 1; }; log(fnSrc.name, fnSrc.length, String(fnSrc));

section('CPU work');
const sieve = new Uint8Array(200001); let primes = 0;
for (let i = 2; i <= 200000; i++) { if (!sieve[i]) { primes++; for (let j = i * i; j <= 200000; j += i) sieve[j] = 1; } }
let h = 0x811c9dc5; for (let i = 0; i < 200000; i++) { h ^= i & 0xff; h = Math.imul(h, 0x01000193) >>> 0; }
let str = ''; for (let i = 0; i < 2000; i++) str += String.fromCharCode(65 + (i * 7) % 26);
log(primes, h.toString(16), str.length, str.slice(0, 30), [...str].reduce((m, ch) => (m[ch] = (m[ch] || 0) + 1, m), {}).A);
const memo = new Map(); const ack = (m, n) => { const k = m + ',' + n; if (memo.has(k)) return memo.get(k); const v = m === 0 ? n + 1 : n === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); memo.set(k, v); return v; };
log(ack(2, 300), ack(3, 5));
gc();

section('stdout/stderr');
std.err.puts('to stderr\n');
console.log('console.log', 1, { a: [1, 'x'] }, [1, 2], null, undefined, 1.5, -0, 10n);
print('end of test.mjs');
