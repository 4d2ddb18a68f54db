-- Lua workload for benches/arm32/insn.sh: arithmetic loop, string building,
-- table sort and concat.  Prints a few checksums (compared native vs wasm).
local n = tonumber(arg[1]) or 300000

local s = 0
for i = 1, n do s = s + i % 7 end
print("sum", s)

local words = {}
for i = 1, n // 20 do
  words[#words + 1] = string.format("w%05d:%s", (i * 7919) % 100000, string.rep("ab", i % 5))
end
table.sort(words)
local joined = table.concat(words, ",")
local h = 0
for i = 1, #joined, 7 do h = (h * 31 + joined:byte(i)) % 1000000007 end
print("words", #words, #joined, h)

local counts = {}
for w in joined:gmatch("w(%d%d)") do counts[w] = (counts[w] or 0) + 1 end
local keys = 0
for _ in pairs(counts) do keys = keys + 1 end
print("keys", keys, counts["00"], counts["99"])
