-- Shared test script: run by the native lua and by lua.wasm under wali-run;
-- the outputs must be identical.  Usage: lua test.lua SCRATCH_DIR
-- No addresses, times or hash-order dependent output (pairs() order is seeded).
local dir = assert(arg[1], "usage: test.lua SCRATCH_DIR")
local function p(...) print(...) end
local function sortedkeys(t) local k = {} for x in pairs(t) do k[#k + 1] = x end
  table.sort(k, function(a, b) return tostring(a) < tostring(b) end) return k end

p("== version", _VERSION, math.type(1), math.type(1.0), math.type("1"))

p("== integers and floats")
p(math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger)
p(7 // 2, -7 // 2, 7 % -3, -7 % 3, 7 / 2, 2^53, 1e308 * 10, -1e308 * 10)
p(string.format("%.17g %.3f %5.1e %g %a", 0.1, math.pi, 12345.678, 1e-5, 1.0))
p(3 | 5, 3 & 5, 3 ~ 5, ~0, 1 << 62, 1 << 64, -1 >> 1)
p(math.tointeger(3.0), math.tointeger(3.5), 10 // 0.0, -10 % math.huge)
p(string.format("%d %5d %-5d| %x %X %o %c", 42, 42, 42, 255, 255, 8, 65))
p(tostring(1/0), tostring(-1/0), tostring(0/0) == tostring(0/0), math.floor(-3.5), math.ceil(-3.5))
p(math.sqrt(2), math.sin(1), math.exp(1), math.log(10), math.log(8, 2), math.fmod(-7, 3))
p(tonumber("0x10"), tonumber("  12  "), tonumber("1e2"), tonumber("z", 36), tonumber("10", 2), tonumber("abc"))
math.randomseed(42)
local r = {} for i = 1, 5 do r[i] = math.random(1, 1000) end
p("random", table.concat(r, " "), math.random(0) ~= nil)

p("== strings")
local s = "The quick brown fox jumps over the lazy dog"
p(#s, s:upper(), s:lower():sub(5, 9), s:sub(-3), s:rep(2, "|"):len())
p(s:find("fox"), s:find("o", 20, true), s:match("(%a+) dog"), s:byte(1, 3))
p(s:gsub("%w+", function(w) return w:sub(1, 1):upper() .. w:sub(2) end))
p(s:gsub("(%w+) (%w+)", "%2 %1", 2))
local words = {} for w in s:gmatch("%a+") do words[#words + 1] = w end
p(#words, table.concat(words, ","))
p(string.format("%q", "a\nb\0c\"d\\"), ("x"):rep(0), string.char(72, 105))
p(("%s=%s"):format("k", "v"), ("abc"):reverse(), ("  trim  "):match("^%s*(.-)%s*$"))
p(string.pack("<i4", 100):byte(1, -1))
p(string.unpack("<i4 >i2 z", string.pack("<i4 >i2 z", -2, 513, "hi")))
p(string.packsize("i4 i8 d"), #string.pack("s1", "hello"))
p(utf8.char(72, 228, 8364, 128512), utf8.len("häll€"), utf8.codepoint("€"))
for _, c in utf8.codes("aé€") do io.write(c, " ") end io.write("\n")
p(("key = value # comment"):match("^(%w+)%s*=%s*(%w+)"))
p(("2024-01-02"):match("(%d+)-(%d+)-(%d+)"))
p(string.format("%-10s|%10s|", "left", "right"), string.format("%5.2s|", "abc"))
local big = {} for i = 1, 10000 do big[i] = tostring(i) end
local bs = table.concat(big)
p(#bs, bs:sub(1000, 1010), select("#", bs:byte(1, 100)))

p("== tables")
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 end
table.sort(t) p(t[1], t[50], t[100], #t)
table.sort(t, function(a, b) return a > b end) p(t[1], t[2], t[100])
table.insert(t, 1, -1) table.insert(t, 1000) p(#t, t[1], t[#t], table.remove(t), table.remove(t, 1), #t)
p(table.concat({1, 2, 3}, ", "), table.unpack({1, 2, 3}, 2))
p(select("#", table.unpack({}, 1, 3)), table.pack(1, nil, 3).n)
local m = table.move({1, 2, 3, 4, 5}, 2, 4, 1) p(table.concat(m, " "))
local h = {} for i = 1, 1000 do h["k" .. i] = i * i end
local sum = 0 for _, v in pairs(h) do sum = sum + v end p("hash sum", sum)
local ks = sortedkeys({b = 1, a = 2, c = 3, [1] = 4}) p(table.concat(ks, " "))
local mt = {__index = function(_, k) return k .. "!" end,
  __add = function(a, b) return a.v + b.v end, __tostring = function(o) return "obj" .. o.v end,
  __len = function() return 99 end, __call = function(self, x) return self.v * x end,
  __eq = function(a, b) return a.v == b.v end, __lt = function(a, b) return a.v < b.v end,
  __concat = function(a, b) return "cat" end, __close = nil}
local o1, o2 = setmetatable({v = 2}, mt), setmetatable({v = 3}, mt)
p(o1.foo, o1 + o2, tostring(o1), #o1, o1(21), o1 == o2, o1 < o2, o1 .. "x")
local weak = setmetatable({}, {__mode = "k"}) weak[{}] = 1 collectgarbage() collectgarbage()
p("weak entries", next(weak) == nil)
local prox = setmetatable({}, {__newindex = function(t2, k, v) rawset(t2, k, v * 2) end}) prox.x = 5 p(prox.x)

p("== closures and coroutines")
local function counter() local n = 0 return function() n = n + 1 return n end end
local c1, c2 = counter(), counter() c1() c1() p(c1(), c2())
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) local c = coroutine.yield(b * 2) return c .. "done" end)
p(co(1), co(10), co("x"))
local gen = coroutine.create(function() for i = 1, 3 do coroutine.yield(i) end error("gen fail") end)
for _ = 1, 5 do p(coroutine.resume(gen)) end
p(coroutine.status(gen), coroutine.isyieldable())
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
p("fib", fib(25))
p(select(2, "a", "b", "c"), select(-1, "a", "b", "c"))
do local x <const> = 5; local log = {}
  do local a <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end}) log[#log + 1] = "body" end
  p(x, table.concat(log, ",")) end

p("== errors (setjmp/longjmp)")
p(pcall(error, "plain message"))
p(pcall(error, "with level", 0))
p(pcall(error))
p(pcall(error, nil))
local ok, e = pcall(error, {code = 42}) p(ok, type(e), e.code)
p(pcall(error, setmetatable({}, {__tostring = function() return "custom" end})) and "x" or "caught")
p(pcall(function() local x = nil; return x.field end))
p(pcall(function() return 1 + {} end))
p(pcall(function() return #5 end))
p(pcall(function() error("deep", 2) end))
p(pcall(string.rep))
p(pcall(string.format, "%d", 1.5))
p(select(2, pcall(setmetatable, 1, {})))
p(xpcall(function() error("in xpcall") end, function(m) return "handled: " .. m end))
p(xpcall(function(a, b) return a + b end, print, 3, 4))
local depth = 0
local function nest(n) if n == 0 then error("bottom") end
  local ok2, e2 = pcall(nest, n - 1) depth = depth + 1 error(e2, 0) end
p(pcall(nest, 50), depth)
local function rec(n) return 1 + rec(n + 1) end
local okr, er = pcall(rec, 1) p(okr, (er:find("stack overflow")) ~= nil)
local count = 0
for i = 1, 10000 do if not pcall(error, i) then count = count + 1 end end
p("10000 pcall(error)", count)
p(pcall(coroutine.wrap(function() error("in coroutine") end)))
p(select("#", pcall(error)))
p(pcall(load, "return +"))
p(load("return +"))
p(load("x = ")) 
local f = load("local a, b = ... return a * b") p(f(6, 7))
p(pcall(assert, false, "assert msg"))
p(pcall(assert, nil))
p(string.format("%s", select(2, pcall(tostring))))

p("== io")
local path = dir .. "/lua_io_test.txt"
local fh = assert(io.open(path, "w"))
for i = 1, 100 do fh:write(string.format("line %03d %s\n", i, ("*"):rep(i % 7))) end
fh:write("last line without newline")
fh:close()
local n, total = 0, 0
for line in io.lines(path) do n = n + 1 total = total + #line end p("lines", n, total)
fh = assert(io.open(path, "r"))
p(fh:read("l")) p(fh:read("n", "n")) p(fh:read(5))
p(fh:seek("cur"), fh:seek("set", 10), fh:read("L"))
p(fh:seek("end"), fh:read("a") == "", fh:read("l"))
fh:close()
p(io.type(fh), io.type(io.stdout), io.type(42))
fh = assert(io.open(path, "a")) fh:write("\nappended") fh:close()
fh = assert(io.open(path, "rb")) local all = fh:read("a") fh:close()
p(#all, all:sub(-8))
fh = assert(io.open(path, "r+")) fh:seek("set", 0) fh:write("LINE") fh:close()
for l in io.lines(path, "L") do io.write(l) break end
for a, b in io.lines(path, 4, "l") do p(a, b) break end
p(io.open(dir .. "/does/not/exist", "r"))
p(pcall(io.lines, dir .. "/nope"))
local ok3, err3 = os.rename(path, path .. ".2") p(ok3, err3)
p(os.remove(path)) -- gone: error message with errno
p(os.remove(path .. ".2"))
local tmp = io.tmpfile() tmp:write("tmpdata") tmp:seek("set") p(tmp:read("a")) tmp:close()
io.write("io.write ", 1, " ", 2.5, "\n")
io.stdout:write("stdout:write\n")
p(io.stdout:setvbuf("full")) io.stdout:write("buffered\n") io.stdout:flush() io.stdout:setvbuf("line")
p(os.getenv("WALI_LUA_SURELY_UNSET"), type(os.time()), type(os.clock()), os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))
p(os.time({year = 2020, month = 2, day = 29, hour = 12}) - os.time({year = 2020, month = 2, day = 28, hour = 12}))
local pipe = io.popen("echo from-popen") if pipe then p(pipe:read("l"), pipe:close()) end
p(os.execute("exit 3"))
p("== done")
