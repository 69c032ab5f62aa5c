#!/usr/bin/env bash
# Checks a Hypercast .deb without installing it, and fails (exit 1) on a broken one:
#   - control: package name, version from pom.xml, the Depends the program needs at run time
#   - both launchers present and executable, the /usr/bin wrapper, the icon (PNG, 16..512), the
#     trimmed runtime's modules, each launcher's main class
#   - the desktop entry: desktop-file-validate (when installed), Exec/TryExec/Icon resolve inside
#     the package, Categories has Science and Development
#   - the maintainer scripts: valid sh, link /usr/bin/hypercast, no xdg-desktop-menu
#   - the command line, run from the unpacked package, prints its version
# With --installed it then checks this machine's installed package the same way: the links the
# postinst made and `hypercast --version` from the PATH.
#
# Usage: installers/check-deb.sh [--installed] [path/to/hypercast_*.deb]
#        (default: the newest one under ${BUILD_DIR:-target}/jpackage/installer/)
# Needs: dpkg-deb; desktop-file-validate (apt-get install desktop-file-utils) is used when present.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
installed=false
deb=""
for a in "$@"; do
  case "$a" in
    --installed) installed=true ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) deb="$a" ;;
  esac
done
if [ -z "$deb" ]; then
  deb=$(ls -t "${BUILD_DIR:-$here/target}"/jpackage/installer/hypercast_*.deb 2>/dev/null | head -n 1)
fi
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  echo "check-deb: no .deb found; build it with: mvn -Pinstaller package (or pass its path)" >&2
  exit 2
fi
command -v dpkg-deb >/dev/null || { echo "check-deb: dpkg-deb missing" >&2; exit 2; }

# what the package must carry
pom_version=$(sed -n '/<artifactId>hypercast<\/artifactId>/{n;s/.*<version>\([^<]*\)<\/version>.*/\1/p;q}' "$here/pom.xml")
version=$(printf '%s' "$pom_version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
# (libc6 from jpackage's own ldd scan; the rest from installers/linux/package.args, which lists what
# jpackage cannot see: X11, fonts and the rest come with libgtk-3-0)
required_depends="libc6 libstdc++6 libgomp1 libgtk-3-0 libgl1 libxxf86vm1 libxtst6"
required_modules="java.base java.desktop java.sql java.management java.scripting jdk.unsupported javafx.controls javafx.fxml javafx.swing"
icon_sizes="16 24 32 48 64 128 256 512"
prefix=opt/hypercast
linuxdir=$prefix/lib/app/linux

passed=0
failed=0
ok()   { passed=$((passed + 1)); echo "  ok    $*"; }
fail() { failed=$((failed + 1)); echo "  FAIL  $*"; }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi; }

work=$(mktemp -d "${TMPDIR:-/tmp}/check-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "check-deb: $deb (pom version $pom_version)"

echo "control"
ctl() { dpkg-deb -f "$deb" "$1" 2>/dev/null; }
[ "$(ctl Package)" = "hypercast" ] && ok "Package: hypercast" || fail "Package is '$(ctl Package)', not hypercast"
case "$(ctl Version)" in
  "$version"|"$version"-*) ok "Version: $(ctl Version) (pom $pom_version)" ;;
  *) fail "Version is '$(ctl Version)', pom.xml says $pom_version" ;;
esac
[ -n "$(ctl Architecture)" ] && ok "Architecture: $(ctl Architecture)" || fail "no Architecture"
depends=" $(ctl Depends | tr ',|' '  ' | sed -E 's/\([^)]*\)//g' | tr -s ' ') "
for d in $required_depends; do
  case "$depends" in *" $d "*) ok "Depends has $d" ;; *) fail "Depends lacks $d" ;; esac
done

echo "files"
dpkg-deb -c "$deb" > "$work/list" 2>/dev/null || fail "dpkg-deb -c cannot list the package"
mode_of() { awk -v p="./$1" '$6 == p { print $1 }' "$work/list"; }
executable() {
  local m; m=$(mode_of "$1")
  case "$m" in -rwx*x*) ok "$1 ($m)" ;; "") fail "$1 missing" ;; *) fail "$1 not executable ($m)" ;; esac
}
present() { [ -n "$(mode_of "$1")" ] && ok "$1" || fail "$1 missing"; }
executable "$prefix/bin/Hypercast"
executable "$prefix/bin/hypercast"
executable "$linuxdir/hypercast"
present "$linuxdir/hypercast.desktop"
present "$prefix/lib/Hypercast.png"
for s in $icon_sizes; do present "$linuxdir/icons/hypercast-${s}x${s}.png"; done
present "$prefix/lib/runtime/release"

echo "unpacked"
root="$work/root"
if dpkg-deb -x "$deb" "$root" 2>/dev/null; then ok "dpkg-deb -x"; else fail "dpkg-deb -x"; fi
png_size() { # width x height from a PNG's IHDR, or nothing if it is not a PNG
  [ "$(head -c 8 "$1" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || return 1
  local w h
  w=$(od -An -tu4 --endian=big -j16 -N4 "$1" | tr -d ' ')
  h=$(od -An -tu4 --endian=big -j20 -N4 "$1" | tr -d ' ')
  echo "${w}x${h}"
}
for s in $icon_sizes; do
  f="$root/$linuxdir/icons/hypercast-${s}x${s}.png"
  [ "$(png_size "$f")" = "${s}x${s}" ] && ok "icon ${s}x${s} is a ${s}x${s} PNG" || fail "icon ${s}x${s} is not a ${s}x${s} PNG"
done
[ -n "$(png_size "$root/$prefix/lib/Hypercast.png")" ] && ok "launcher icon is a PNG" || fail "launcher icon is not a PNG"

desktop="$root/$linuxdir/hypercast.desktop"
if [ -f "$desktop" ]; then
  if command -v desktop-file-validate >/dev/null; then
    out=$(desktop-file-validate "$desktop" 2>&1)
    if [ $? -eq 0 ] && ! grep -q 'error:' <<<"$out"; then ok "desktop-file-validate"; else fail "desktop-file-validate: $out"; fi
  else
    echo "  (desktop-file-validate not installed: apt-get install desktop-file-utils; key checks only)"
  fi
  key() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
  [ "$(key Type)" = "Application" ] && ok "desktop Type=Application" || fail "desktop Type is '$(key Type)'"
  [ "$(key Name)" = "Hypercast" ] && ok "desktop Name=Hypercast" || fail "desktop Name is '$(key Name)'"
  exec_prog=$(key Exec | tr ' ' '\n' | grep -m1 '^/')
  [ "$exec_prog" = "/$prefix/bin/Hypercast" ] && [ -x "$root$exec_prog" ] && ok "desktop Exec runs $exec_prog" \
    || fail "desktop Exec '$(key Exec)' does not run /$prefix/bin/Hypercast from the package"
  [ -x "$root$(key TryExec)" ] && ok "desktop TryExec in the package" || fail "desktop TryExec '$(key TryExec)' not in the package"
  [ "$(key Icon)" = "hypercast" ] && ok "desktop Icon=hypercast (hicolor icons linked by postinst)" || fail "desktop Icon is '$(key Icon)'"
  for c in Science Development; do
    case ";$(key Categories)" in *";$c;"*) ok "desktop Categories has $c" ;; *) fail "desktop Categories lacks $c" ;; esac
  done
  grep -q 'OMP_WAIT_POLICY=PASSIVE' <<<"$(key Exec)" && ok "desktop Exec sets OMP_WAIT_POLICY=PASSIVE" || fail "desktop Exec does not set OMP_WAIT_POLICY"
else
  fail "no desktop entry to check"
fi

cfgdir="$root/$prefix/lib/app"
grep -qx 'app.mainclass=io.hypercast.ui.Launcher' "$cfgdir/Hypercast.cfg" 2>/dev/null && ok "Hypercast launcher: io.hypercast.ui.Launcher (the window)" \
  || fail "Hypercast launcher does not start io.hypercast.ui.Launcher"
grep -qx 'app.mainclass=io.hypercast.cli.Main' "$cfgdir/hypercast.cfg" 2>/dev/null && ok "hypercast launcher: io.hypercast.cli.Main (the command line)" \
  || fail "hypercast launcher does not start io.hypercast.cli.Main"
modules=" $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$root/$prefix/lib/runtime/release" 2>/dev/null) "
for m in $required_modules; do
  case "$modules" in *" $m "*) ok "runtime has $m" ;; *) fail "runtime lacks $m" ;; esac
done
case "$modules" in *" jdk.compiler "*|*" java.se "*) fail "runtime is not trimmed (has jdk.compiler or java.se)" ;; *) ok "runtime trimmed by jlink" ;; esac
wrapper="$root/$linuxdir/hypercast"
grep -q 'OMP_WAIT_POLICY' "$wrapper" 2>/dev/null && grep -q "exec /$prefix/bin/hypercast" "$wrapper" \
  && ok "/usr/bin wrapper sets OMP_WAIT_POLICY and runs the hypercast launcher" || fail "/usr/bin wrapper broken"

v=$(HOME="$work/home" "$root/$prefix/bin/hypercast" --version 2>&1)
case "$v" in "hypercast $pom_version "*) ok "command line prints its version: $v" ;; *) fail "command line --version printed: $v" ;; esac

echo "maintainer scripts"
dpkg-deb -e "$deb" "$work/ctl" 2>/dev/null
for s in postinst prerm; do
  if [ -f "$work/ctl/$s" ] && sh -n "$work/ctl/$s"; then ok "$s is valid sh"; else fail "$s missing or not valid sh"; fi
done
grep -Eq "ln -sf \"?\\\$app/hypercast\"? /usr/bin/hypercast" "$work/ctl/postinst" 2>/dev/null && ok "postinst links /usr/bin/hypercast" || fail "postinst does not link /usr/bin/hypercast"
grep -q '/usr/share/applications/hypercast.desktop' "$work/ctl/postinst" 2>/dev/null && ok "postinst installs the desktop entry" || fail "postinst does not install the desktop entry"
grep -q 'unlink_ours /usr/bin/hypercast' "$work/ctl/prerm" 2>/dev/null && ok "prerm removes the links" || fail "prerm does not remove /usr/bin/hypercast"
! grep -v '^[[:space:]]*#' "$work/ctl/postinst" 2>/dev/null | grep -q 'xdg-desktop-menu' && ok "postinst needs no xdg-desktop-menu" || fail "postinst calls xdg-desktop-menu (fails on a bare machine)"

if $installed; then
  echo "installed on this machine"
  [ "$(dpkg-query -W -f='${Status}' hypercast 2>/dev/null)" = "install ok installed" ] && ok "dpkg: hypercast installed" || fail "dpkg: hypercast not installed"
  [ "$(readlink -f /usr/bin/hypercast)" = "/$linuxdir/hypercast" ] && ok "/usr/bin/hypercast -> /$linuxdir/hypercast" || fail "/usr/bin/hypercast missing"
  [ -f /usr/share/applications/hypercast.desktop ] && ok "/usr/share/applications/hypercast.desktop" || fail "desktop entry not installed"
  [ -f /usr/share/icons/hicolor/48x48/apps/hypercast.png ] && ok "hicolor icons" || fail "hicolor icons not installed"
  v=$(cd / && HOME="$work/home" hypercast --version 2>&1)
  case "$v" in "hypercast $pom_version "*) ok "hypercast on the PATH prints: $v" ;; *) fail "hypercast on the PATH printed: $v" ;; esac
fi

echo "check-deb: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
