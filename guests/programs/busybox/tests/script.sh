# BusyBox ash script for guests/programs/busybox/test.sh: run as `busybox sh script.sh`
# in an empty scratch directory, with PATH set to a directory of BusyBox applet
# symlinks only, natively and under wali-run; stdout, stderr and the exit status
# must be identical. Everything printed must be deterministic (no PIDs, times,
# inode numbers); timestamps of files that ls -l shows are fixed with touch -d.

sec() { echo; echo "=== $* ==="; }

sec "externals come from PATH"
for c in ls wc sort grep sed awk; do
  p=$(command -v "$c")
  case "$p" in "$BINDIR"/*) echo "$c: applet dir" ;; *) echo "$c: NOT an applet: $p" ;; esac
done
echo "PATH has $(echo "$PATH" | tr ':' '\n' | wc -l) entry"

sec "variables and parameter expansion"
name="busy box"
empty=
echo "[${name}] [${#name}] [${name#b*s}] [${name##* }] [${name%o*}] [${name%%o*}]"
echo "[${unset-default}] [${empty:-colon-default}] [${empty-not-used}] [${name:+alt}]"
: "${assigned:=now-set}"; echo "assigned=$assigned"
echo "[${name/b/B}] [${name//o/0}] [${name:2:3}] [${name:5}]"
set -- one "two words" three
echo "argc=$# first=$1 all=$* quoted-count=$(for a in "$@"; do echo x; done | wc -l)"
shift; echo "after shift: $1 / $#"
IFS=: read -r a b c <<EOF
x:y z:w
EOF
echo "a=$a b=$b c=$c"
v=$'tab\there'; echo "dollar-single: $v"
printf '%s|' ${name} "${name}"; echo

sec "arithmetic"
i=7; j=3
echo "$((i + j)) $((i - j)) $((i * j)) $((i / j)) $((i % j)) $((i ** 2)) $((-i / j)) $((i << 4)) $((i ^ j)) $((i & j)) $((i | j))"
echo "$(( (i > j) && (j > 0) )) $(( i == 7 ? 100 : 200 )) $((0x1f + 010 + 2#101)) $((1 << 62))"
n=0; while [ $n -lt 10 ]; do n=$((n + 1)); done; echo "counted to $n"
k=5; : $((k += 10)) $((k *= 2)); echo "k=$k"; echo $((k++)) $((++k)) $k
echo "big: $((9223372036854775807)) $((-9223372036854775807 - 1)) $((123456789 * 987654321))"

sec "functions, local, recursion, return status"
fact() { if [ "$1" -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }
echo "10! = $(fact 10)"
fib() { local n=$1 a b; if [ $n -lt 2 ]; then echo $n; return; fi; a=$(fib $((n - 1))); b=$(fib $((n - 2))); echo $((a + b)); }
echo "fib 12 = $(fib 12)"
outer=global
scope() { local outer=local-value; inner() { echo "inner sees $outer"; }; inner; }
scope; echo "outer is still $outer"
rc() { return $1; }
rc 0; echo "rc0 -> $?"; rc 42; echo "rc42 -> $?"
counter=0; bump() { counter=$((counter + 1)); }; for _ in 1 2 3 4 5; do bump; done; echo "counter=$counter"

sec "loops and control flow"
for i in 1 2 3 4 5 6 7 8 9 10; do
  [ $i -eq 3 ] && continue
  [ $i -eq 8 ] && break
  printf '%s ' "$i"
done; echo
i=0; until [ $i -ge 4 ]; do printf 'u%d ' $i; i=$((i + 1)); done; echo
for x in a b; do for y in 1 2 3; do [ $y = 2 ] && continue 2; echo "$x$y"; done; done
for f in $(seq 3); do echo "seq $f"; done
while read -r line; do echo "read: <$line>"; done <<'EOF'
first line
  indented  $notexpanded
last
EOF
case "hello.tar.gz" in *.zip) echo zip ;; *.tar.*) echo tarball ;; *) echo other ;; esac
for w in apple Banana 42 ""; do
  case "$w" in [a-z]*) echo "$w: lower" ;; [A-Z]*) echo "$w: upper" ;; [0-9]*) echo "$w: digit" ;; '') echo "empty" ;; esac
done
if false; then echo no; elif [ 2 -gt 1 ]; then echo elif-branch; else echo no; fi
[[ "abc.txt" == *.txt && 5 -lt 10 ]] && echo "[[ ]] ok"
[ -z "" ] && [ -n x ] && [ "a" != "b" ] && test 3 -ge 3 && echo "test ok"

sec "subshells and command substitution"
x=outside; (x=inside; echo "in subshell: $x"); echo "after subshell: $x"
(cd / && pwd); pwd | sed "s|^$WORK|WORK|"
echo "nested: $(echo "a$(echo "b$(echo c)")")" "backticks: `echo tick`"
lines=$(printf 'l1\nl2\n\n\n'); echo "trailing newlines stripped: [$lines]"
(exit 7); echo "subshell status $?"
( echo to-stderr >&2; echo to-stdout ) 2>/dev/null
v=$(false); echo "status of assignment from failing substitution: $?"
echo "count of files in /: $(ls / >/dev/null && echo yes)"
out=$( { echo grouped; echo more; } | wc -l ); echo "group lines: $out"

sec "here-documents"
cat <<EOF
unquoted: name=$name sum=$((2 + 3)) sub=$(echo s)
EOF
cat <<'EOF'
quoted: $name $((2 + 3)) $(echo s)
EOF
cat <<-EOF
	tabs stripped: $name
	EOF
sort <<EOF | head -2
pear
apple
zucchini
mango
EOF
wc -l <<EOF
1
2
3
EOF

sec "redirections"
echo first >out.txt; echo second >>out.txt; cat out.txt
cat <out.txt | wc -l
{ echo err-line >&2; echo out-line; } >both.txt 2>&1; sort both.txt
# fds 5 and 6: test.sh checks fd 3 on its own (wali-run kept its compilation cache file there)
exec 5>fd5.txt; echo "via fd 5" >&5; echo "again" >&5; exec 5>&-; cat fd5.txt
exec 6<out.txt; read -r l1 <&6; read -r l2 <&6; exec 6<&-; echo "fd6: $l1 $l2"
exec 7>&1; echo "dup of stdout" >&7; exec 7>&-
set -C; if (echo clobber >out.txt) 2>/dev/null; then echo "noclobber failed"; else echo "noclobber refused"; fi; echo forced >|out.txt; set +C; cat out.txt
ls /nonexistent-dir 2>err.txt; echo "ls status $?"; cat err.txt
echo to-null >/dev/null; cat /dev/null | wc -c
: >empty.txt; wc -c <empty.txt
cat <<EOF >heredoc-to-file.txt
written by a here-doc
EOF
cat heredoc-to-file.txt

sec "pipes"
seq 1 20 | grep 1 | sort -r | head -3
printf 'b\na\nc\na\nb\na\n' | sort | uniq -c | sort -rn
echo "ABC def" | tr 'A-Z' 'a-z' | sed 's/def/xyz/' | rev
false | true; echo "pipe status (last) $?"
true | false; echo "pipe status (last) $?"
set -o pipefail; false | true; echo "pipefail status $?"; set +o pipefail
! false; echo "negated $?"
yes hello | head -n 1000 | uniq -c
yes 0123456789 | head -c 1000000 | wc -c
seq 1 3 | while read -r n; do echo "n=$n sq=$((n * n))"; done
echo "in pipe" | (read -r w; echo "subshell read: $w")

sec "files: mkdir touch ls cp mv rm ln"
mkdir -p tree/a/b tree/c
for f in tree/a/one.txt tree/a/b/two.txt tree/c/three.log; do echo "content of $f" >"$f"; done
printf 'x%.0s' $(seq 1 5000) >tree/big.bin
ln -s a/one.txt tree/link
chmod 600 tree/a/one.txt; chmod 755 tree/c
touch -d "2021-03-04 05:06:07" tree/a/one.txt tree/a/b/two.txt tree/c/three.log tree/big.bin tree/a/b tree/c tree/a tree
touch -h -d "2021-03-04 05:06:07" tree/link 2>/dev/null
ls tree
ls -1 tree/a
ls -l tree | sed 's/ [0-9]* root  *root / USER /' | grep -v '^total'
ls -la tree/a | grep -v '^total' | awk '{print $1, $5, $6, $7, $8, $9}'
ls -R tree
ls -S tree/a/one.txt tree/big.bin
ls -lL tree/link | awk '{print $1, $5}'
readlink tree/link; realpath tree/link | sed "s|^$WORK|WORK|"
cp -r tree copy; ls -R copy | wc -l; diff -r tree copy && echo "copies identical"
mv copy/a/one.txt copy/moved.txt; ls copy; cat copy/moved.txt
cp -p tree/a/one.txt preserved.txt; ls -l preserved.txt | awk '{print $1, $6, $7, $8}'
rm -r copy; [ -e copy ] || echo "copy removed"
rmdir tree/c 2>&1; echo "rmdir non-empty: $?"
stat -c '%n %s %F %a' tree/a/one.txt tree/c tree/link tree/big.bin
wc tree/a/one.txt tree/a/b/two.txt
wc -c <tree/big.bin
du -s tree >/dev/null && echo "du ok"
md5sum tree/a/one.txt tree/big.bin; sha256sum tree/a/b/two.txt
basename /usr/lib/libfoo.so.1 .1; dirname /usr/lib/libfoo.so.1; basename "$(pwd)" | grep -c .

sec "find and xargs"
find tree -type f | sort
find tree -name '*.txt' -newer tree/c/three.log | sort
find tree -type d | sort | xargs echo dirs:
find tree -name '*.txt' -exec wc -c {} \; | sort
find tree -type f -exec cat {} + | sort | head -3
find tree -maxdepth 1 | sort
find tree -type l -print
find tree -size +1k
echo 1 2 3 4 5 6 7 | xargs -n 2 echo pair:
printf 'a b\nc\n' | xargs -I{} echo "item [{}]"
printf 'f1\0f2 with space\0' | xargs -0 -n1 echo zero:
seq 1 8 | xargs -P 4 -n 1 sh -c 'echo $(( $1 * 10 ))' sh | sort -n | tr '\n' ' '; echo

sec "text applets"
cat >data.csv <<'EOF'
id,name,dept,salary
3,carol,eng,120
1,alice,ops,90
4,dave,eng,110
2,bob,ops,95
5,eve,sales,70
EOF
sort -t, -k4 -n data.csv
sort -t, -k3,3 -k4,4nr data.csv | cut -d, -f2,3
sort -u -t, -k3,3 data.csv | cut -d, -f3
tail -n +2 data.csv | sort -t, -k1,1n | head -2
grep -c eng data.csv; grep -v ops data.csv | grep -n a; grep -E '^[24],' data.csv; grep -i ALICE data.csv
grep -o '[0-9][0-9]*' data.csv | head -4 | tr '\n' ' '; echo
grep -q nobody data.csv; echo "grep -q miss: $?"
grep -r -l carol . | sort
grep -A1 alice data.csv; grep -B1 -n dave data.csv
sed -n '2,3p' data.csv; sed '1d; s/,/ | /g' data.csv | head -2
sed -e 's/\([a-z]*\),\(eng\)/\2:\1/' -e '/ops/d' data.csv
sed 'y/abc/ABC/' data.csv | tail -1
cp data.csv edit.csv; sed -i 's/sales/marketing/; /^id/a\
# inserted after header' edit.csv; cat edit.csv
awk -F, 'NR > 1 { sum[$3] += $4; n++ } END { for (d in sum) print d, sum[d]; print "rows", n }' data.csv | sort
awk 'BEGIN { printf "%.3f %d %s %x\n", 22 / 7, 2^20, toupper("awk"), 255; print length("hello"), substr("abcdef", 2, 3), index("hello", "l") }'
awk -F, '$4 > 100 { print $2 }' data.csv
seq 1 5 | awk '{ s += $1 } END { print "sum", s, "avg", s / NR }'
cut -c1-3 data.csv | head -2; cut -d, -f1 --complement data.csv 2>/dev/null | head -1
echo "hello world" | tr -d 'lo'; echo "aaabbbccc" | tr -s 'abc'; echo "x1y2z3" | tr -cd '0-9'; echo
echo "tabs	and spaces" | expand -t 4 | od -c | head -2
seq 1 10 | head -3; seq 1 10 | tail -2; seq 1 10 | tail -n +9; head -c 10 data.csv; echo
seq 5 -1 1 | tac | tr '\n' ' '; echo; seq 0 0.5 2 | tr '\n' ' '; echo; seq -s, 1 5; seq -w 8 11
nl -ba data.csv | head -2
printf '1\n2\n' >p1; printf 'a\nb\n' >p2; paste -d: p1 p2; paste -s p1 p2
printf 'a\nb\nd\n' >c1; printf 'b\nc\nd\n' >c2; comm c1 c2; comm -12 c1 c2
echo "fold this long line into pieces" | fold -w 10
printf 'abc\n\001\377' | od -An -tx1 | tr -s ' '
printf 'hexdump me' | hexdump -C
printf 'xxd me' | xxd
printf 'base64 round trip\n' | base64 | tee b64.txt; base64 -d b64.txt
printf 'line1\nline2\nline3\n' >old.txt; printf 'line1\nline2 changed\nline3\nline4\n' >new.txt
diff -u old.txt new.txt | grep -v '^[-+][-+][-+]'; echo "diff status $?"
diff -u old.txt new.txt >change.patch; patch -p0 old.txt <change.patch >/dev/null; cmp old.txt new.txt && echo "patched equal"
cmp c1 c2; echo "cmp status $?"
split -l 2 data.csv part_; ls part_*; cat part_ab
expr 7 \* 6; expr length "abcdef"; expr substr "abcdef" 2 3; expr 5 \> 3; expr "abc123" : '[a-z]*'; expr 1 = 2; echo "expr false: $?"
factor 360 97 1001
env printf '%s-%05.1f-%x\n' external 3.14159 255
printf '%5s|%-5s|%05d|%.2f|%e|%g|%c|%%\n' ab cd 42 2.71828 12345.678 0.0001 xyz
printf '%b\n' 'escapes:\tTAB\\n'
echo -e 'echo -e:\x41\101' ; echo -n "no newline"; echo
date -u -d @1234567890 '+%Y-%m-%d %H:%M:%S %A %j'
date -u -d '2000-02-29 12:00:00' '+%s'
TZ=UTC0 date -d @0 +%c
printf 'z\ny\nx\n' | sort -r | sort -c 2>&1; echo "sort -c status $?"
printf '10\n9\n100\n-1\n1e2\n' | sort -n | tr '\n' ' '; echo
printf 'b 2\na 10\nc 1\n' | sort -k2n
strings tree/big.bin | head -c 20; echo
yes abc | head -3 | cksum; sum data.csv
printf 'hello\n' | tee tee1.txt tee2.txt | wc -c; cat tee2.txt
truncate -s 3 tee1.txt; cat tee1.txt; echo
printf 'A\tB\n' | unexpand -a 2>/dev/null | od -c | head -1

sec "processes, signals, exit statuses"
sleep 0.2 & bg=$!; wait $bg; echo "background job status $?"
(sleep 0.1; exit 5) & wait $!; echo "background subshell status $?"
# (wait's 2>/dev/null: ash prints "Terminated"/"Killed" only when `wait` itself
# reaps the job, not when it was reaped while `kill` ran: a race, natively too)
sleep 30 & victim=$!; kill $victim; wait $victim 2>/dev/null; echo "killed status $?"
sleep 30 & victim=$!; kill -9 $victim; wait $victim 2>/dev/null; echo "SIGKILL status $?"
trap 'echo "trapped USR1"' USR1; kill -USR1 $$; trap - USR1
sh -c 'trap "echo child got TERM; exit 4" TERM; kill -TERM $$; echo after'; echo "trapping child status $?"
(trap 'echo "EXIT trap in subshell"' EXIT; echo body)
timeout 1 sleep 10; echo "timeout status $?"
timeout 5 true; echo "timeout true $?"
nonexistent_command_xyz 2>/dev/null; echo "not found status $?"
touch not_exec; ./not_exec 2>/dev/null; echo "not executable status $?"
sh -c 'exit 9'; echo "sh -c status $?"
sh -c 'kill -TERM $$'; echo "self-TERM status $?"
env -i sh -c 'echo "env -i PATH=[${PATH:+set}] count=$(env | wc -l)"'
FOO=bar env | grep FOO; env -u HOME sh -c 'echo "HOME=[${HOME-unset}]"'
mkfifo fifo && [ -p fifo ] && echo "fifo made"; (echo "through a fifo" >fifo &); cat fifo
i=0; for _ in $(seq 1 50); do ( : ) & done; wait; echo "50 background subshells reaped"
echo "nproc>0: $( [ $(nproc) -gt 0 ] && echo yes)"; id -u >/dev/null && echo "id ok"; uname -s
tty; echo "tty status $?"
echo "\$- has no i: $(case $- in *i*) echo interactive ;; *) echo ok ;; esac)"

sec "shell builtins: read, getopts, eval, alias, command, type"
printf 'k1=v1\nk2=v2\n' >kv.txt
while IFS== read -r key val; do eval "cfg_$key=\$val"; done <kv.txt; echo "cfg_k1=$cfg_k1 cfg_k2=$cfg_k2"
parse() { OPTIND=1; while getopts "ab:c" opt; do case $opt in a) echo "-a";; b) echo "-b $OPTARG";; c) echo "-c";; ?) echo "bad";; esac; done; shift $((OPTIND - 1)); echo "rest: $*"; }
parse -a -b val -c file1 file2
alias greet='echo hello from alias'
eval greet
command -v cd; command -v sort | sed "s|^$BINDIR|BINDIR|"; type fact | head -1
read -r first rest <<EOF
alpha beta gamma
EOF
echo "first=$first rest=$rest"
umask 027; touch masked; stat -c %a masked; umask 022
cd tree/a && pwd | sed "s|^$WORK|WORK|" && cd - >/dev/null && pwd | sed "s|^$WORK|WORK|"
ln -s tree/a dirlink; cd dirlink; pwd | sed "s|^$WORK|WORK|"; pwd -P | sed "s|^$WORK|WORK|"; cd "$WORK"
set -e; (false; echo "not reached") || echo "set -e in subshell stopped it"; set +e
set -u; (echo "$undefined_var") 2>/dev/null || echo "set -u caught undefined"; set +u
glob=$(echo tree/*/*.txt); echo "glob: $glob"; echo nomatch/*.zzz

sec "volume"
seq 1 200000 >nums.txt
sort -rn nums.txt | head -3
awk '{ s += $1 } END { print s }' nums.txt
sed -n '$p' nums.txt; grep -c 7 nums.txt; wc -l -c nums.txt
cat nums.txt nums.txt | sort -n | uniq -d | wc -l
md5sum nums.txt
cat nums.txt | cat | cat | cat | cat | wc -l
i=0; total=0; while [ $i -lt 2000 ]; do i=$((i + 1)); total=$((total + i)); done; echo "loop total $total"
r=0; for i in $(seq 1 40); do r=$(( r + $(echo $i) )); done; echo "40 forks: $r"

echo; echo "end of script"
exit 3
