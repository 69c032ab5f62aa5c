#!/usr/bin/env bash
# Tests installers/check-deb.sh itself: it must pass the good .deb and fail each broken copy made
# from it here (unpacked with dpkg-deb -R, broken in one place, packed again):
#   no libgtk-3-0 / no libgomp1 in Depends, a launcher missing, a launcher not executable, no icon,
#   an icon that is not a PNG, an invalid desktop entry, the CLI launcher starting the wrong class
#   (so it prints no version), a postinst that no longer links /usr/bin/hypercast.
# Usage: installers/test-check-deb.sh [path/to/hypercast_*.deb]   (about a minute)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
check="$here/check-deb.sh"
good="${1:-$(ls -t "${BUILD_DIR:-$here/../target}"/jpackage/installer/hypercast_*.deb 2>/dev/null | head -n 1)}"
[ -n "$good" ] && [ -f "$good" ] || { echo "test-check-deb: no .deb; build it with: mvn -Pinstaller package" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/test-check-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$good" "$work/pristine"
app=opt/hypercast

passed=0
failed=0
expect() { # expect pass|fail NAME DEB
  local want="$1" name="$2" deb="$3" got
  if "$check" "$deb" > "$work/$name.log" 2>&1; then got=pass; else got=fail; fi
  if [ "$got" = "$want" ]; then
    passed=$((passed + 1))
    echo "ok    $name: check-deb says $got$( [ "$got" = fail ] && echo " ($(grep -m1 'FAIL' "$work/$name.log" | sed 's/^ *FAIL *//'))")"
  else
    failed=$((failed + 1))
    echo "FAIL  $name: check-deb says $got, expected $want"
    sed 's/^/      /' "$work/$name.log" | tail -n 20
  fi
}
broken() { # broken NAME 'shell commands run inside the unpacked tree'
  local name="$1" script="$2" tree="$work/$1"
  cp -a "$work/pristine" "$tree"
  (cd "$tree" && eval "$script")
  dpkg-deb --root-owner-group -Znone -b "$tree" "$work/$name.deb" >/dev/null 2>&1 \
    || dpkg-deb -Znone -b "$tree" "$work/$name.deb" >/dev/null
  rm -rf "$tree"
  expect fail "$name" "$work/$name.deb"
}

expect pass good "$good"
broken no-gtk-depends      "sed -i -E 's/(, *)?libgtk-3-0//g' DEBIAN/control"
broken no-gomp-depends     "sed -i -E 's/(, *)?libgomp1//g' DEBIAN/control"
broken no-cli-launcher     "rm $app/bin/hypercast"
broken window-not-exec     "chmod -x $app/bin/Hypercast"
broken no-icon             "rm $app/lib/app/linux/icons/hypercast-48x48.png"
broken icon-not-png        "echo 'not a picture' > $app/lib/app/linux/icons/hypercast-256x256.png"
broken bad-desktop-entry   "sed -i 's/^Type=Application/Type=Program/' $app/lib/app/linux/hypercast.desktop"
broken desktop-wrong-exec  "sed -i 's|/opt/hypercast/bin/Hypercast|/opt/hypercast/bin/Hypercst|' $app/lib/app/linux/hypercast.desktop"
broken cli-wrong-class     "sed -i 's/^app.mainclass=.*/app.mainclass=io.hypercast.NoSuchMain/' $app/lib/app/hypercast.cfg"
broken postinst-no-link    "sed -i '/\\/usr\\/bin\\/hypercast/d' DEBIAN/postinst"

echo "test-check-deb: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
