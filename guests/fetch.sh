# Pinned source fetching, shared by guests/sysroot/build.sh and
# guests/programs/lib.sh (sourced, not run; set $tag first: it prefixes every
# message, "TAG: ERROR: ...").
#   die MSG                            print the error, exit 1
#   check_sha256 FILE SHA256           die unless FILE has that sha256
#   ensure_deb_src PKG VERSION         make apt know source package PKG=VERSION
#   deb_orig PKG VERSION ORIG SHA256 [DIR]
#                                      print DIR/ORIG, PKG=VERSION's orig tarball
# Every fetched source is pinned: an exact Debian version plus the sha256 of the
# orig tarball used, checked at every run, cached copies included.  Pin versions
# of the main suite (bookworm, as `apt-cache showsrc PKG` lists them): the
# security suite's source packages are not always served by the mirrors.

die() { echo "$tag: ERROR: $*" >&2; exit 1; }

# check_sha256 FILE SHA256 [HINT]: die unless FILE has that sha256; HINT ends the
# message (default: delete FILE to fetch it again).
check_sha256() {
  local got
  got="$(sha256sum "$1" | cut -d' ' -f1)" || die "cannot read $1"
  [ "$got" = "$2" ] \
    || die "$1: sha256 mismatch: got $got, pinned $2 (${3:-delete it to fetch it again})"
}

# deb_src_known PKG VERSION: true if apt knows source package PKG in VERSION.
deb_src_known() {
  # grep not -q: an early exit would give apt-cache SIGPIPE, a failure under pipefail
  apt-cache showsrc "$1" 2>/dev/null | grep -Fx "Version: $2" >/dev/null
}

# ensure_deb_src PKG VERSION: if apt does not know source package PKG=VERSION,
# add deb-src entries for the Debian mirrors configured for `deb` (written once to
# /etc/apt/sources.list.d/wali-deb-src.sources) and `apt-get update`; die if it
# still does not.
ensure_deb_src() {
  local f=/etc/apt/sources.list.d/wali-deb-src.sources sudo= tmp
  deb_src_known "$1" "$2" && return 0
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  if [ ! -f "$f" ]; then
    echo "$tag: adding deb-src entries ($f)" >&2
    tmp="$(mktemp)"
    python3 - "$f" >"$tmp" <<'PY'
import glob, re, sys
out = []
for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    if path == sys.argv[1]:
        continue
    for stanza in re.split(r"\n\s*\n", open(path).read()):
        lines = [l for l in stanza.splitlines() if l.strip() and not l.lstrip().startswith("#")]
        fields = {l.split(":", 1)[0].strip(): l for l in lines if ":" in l}
        if "Types" in fields and "deb" in fields["Types"].split(":", 1)[1].split() \
                and "debian" in fields.get("URIs", ""):
            out.append("\n".join("Types: deb-src" if l.startswith("Types:") else l for l in lines))
try:
    for l in open("/etc/apt/sources.list"):
        w = l.split()
        if len(w) >= 4 and w[0] == "deb" and "debian" in w[1]:
            out.append(f"Types: deb-src\nURIs: {w[1]}\nSuites: {w[2]}\nComponents: {' '.join(w[3:])}")
except FileNotFoundError:
    pass
print("\n\n".join(out))
PY
    [ -s "$tmp" ] || { rm -f "$tmp"; die "no Debian 'deb' source found to derive deb-src from"; }
    $sudo install -m 644 "$tmp" "$f"
    rm -f "$tmp"
  fi
  $sudo apt-get update -qq >&2 || die "apt-get update failed"
  deb_src_known "$1" "$2" \
    || die "apt knows no source package $1 $2 (\`apt-cache showsrc $1\` lists those it knows)"
}

# deb_orig PKG VERSION ORIG SHA256 [DIR]: print the path of DIR/ORIG (DIR default
# $src), the orig tarball of Debian source package PKG=VERSION, after checking its
# sha256.  When it is not there yet, `apt-get source --download-only PKG=VERSION`
# runs in a scratch directory under DIR and only ORIG is kept (once it matched).
deb_orig() {
  local pkg="$1" ver="$2" orig="$3" sum="$4" dir="${5:-$src}" tmp
  if [ ! -f "$dir/$orig" ]; then
    ensure_deb_src "$pkg" "$ver"
    echo "$tag: fetching $pkg=$ver source (apt-get source --download-only)" >&2
    mkdir -p "$dir"
    tmp="$(mktemp -d "$dir/.$pkg-dl.XXXXXX")"
    if ! (cd "$tmp" && apt-get source --download-only "$pkg=$ver") >"$tmp/apt.log" 2>&1; then
      tail -5 "$tmp/apt.log" >&2
      rm -rf "$tmp"
      die "apt-get source $pkg=$ver failed (if the mirrors no longer serve it, pin a version \`apt-cache showsrc $pkg\` lists, with its orig tarball's sha256)"
    fi
    [ -f "$tmp/$orig" ] || { ls "$tmp" >&2; rm -rf "$tmp"; die "$orig not in source package $pkg=$ver"; }
    if ! (check_sha256 "$tmp/$orig" "$sum" "downloaded as $pkg=$ver; not cached"); then
      rm -rf "$tmp"
      exit 1
    fi
    mv -f "$tmp/$orig" "$dir/$orig"
    rm -rf "$tmp"
  fi
  check_sha256 "$dir/$orig" "$sum"
  echo "$dir/$orig"
}
