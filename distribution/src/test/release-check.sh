#!/usr/bin/env bash
# The release runs where only a Java runtime is installed: unpacks the tarball into an empty
# folder, makes a Java 17 runtime without compiler or Maven (jlink, from the JDK of the build), and
# runs bin/clinval --version and the demo with an environment that holds nothing else. The second
# --version must map the class-data archive that the first run made in the background.
# Usage: release-check.sh TARBALL VERSION JAVA_HOME_OF_THE_BUILD WORK_DIR
set -euo pipefail
tarball="$1" version="$2" jdk="$3" work="$4"
rm -rf "$work"
mkdir -p "$work/home" "$work/run"
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.net,jdk.httpserver \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$work/jre"
if "$work/jre/bin/java" --list-modules | grep -q '^jdk.compiler'; then
  echo "release check: the runtime made for the check has a compiler" >&2
  exit 1
fi
tar xzf "$tarball" -C "$work"
app="$work/clinval-$version"
clean_env=(env -i "HOME=$work/home" "PATH=$work/jre/bin:/usr/bin:/bin" "LANG=C.UTF-8" "JAVA_HOME=$work/jre")

out="$(cd "$work/run" && "${clean_env[@]}" "$app/bin/clinval" --version 2>"$work/version.err")"
[ "$out" = "clinval $version" ] || { echo "release check: --version printed '$out'" >&2; exit 1; }
[ ! -s "$work/version.err" ] || { echo "release check: --version wrote to stderr:" >&2; cat "$work/version.err" >&2; exit 1; }

# The first run made the class-data archive in the background, in the user's cache.
for _ in $(seq 120); do
  archives=("$work"/home/.cache/clinval/cds/*.jsa)
  [ -s "${archives[0]}" ] && break
  sleep 1
done
[ -s "${archives[0]}" ] || { echo "release check: no class-data archive in $work/home/.cache/clinval/cds: $(ls "$work"/home/.cache/clinval/cds 2>&1)" >&2; exit 1; }
out="$(cd "$work/run" && "${clean_env[@]}" CLINVAL_JAVA_OPTS="-Xlog:class+load=info:file=$work/classes.txt" \
  "$app/bin/clinval" --version 2>"$work/version.err")"
[ "$out" = "clinval $version" ] || { echo "release check: the second --version printed '$out'" >&2; exit 1; }
[ ! -s "$work/version.err" ] || { echo "release check: the second --version wrote to stderr:" >&2; cat "$work/version.err" >&2; exit 1; }
grep -q 'org.clinval.app.Main source: shared objects file (top)' "$work/classes.txt" \
  || { echo "release check: the second --version did not load clinval from the class-data archive" >&2; grep 'org.clinval.app.Main ' "$work/classes.txt" >&2; exit 1; }

start=$(date +%s)
set +e
(cd "$work/run" && "${clean_env[@]}" "$app/bin/clinval" demo >"$work/demo.json" 2>"$work/demo.err")
rc=$?
set -e
if [ $rc -ne 0 ]; then
  echo "release check: bin/clinval demo exited $rc" >&2
  tail -40 "$work/demo.err" >&2
  exit 1
fi
if grep -q -E 'Exception|^\s+at ' "$work/demo.err"; then
  echo "release check: the demo's terminal shows a stack trace" >&2
  cat "$work/demo.err" >&2
  exit 1
fi
grep -q '"state" : "passed"' "$work/demo.json" || { echo "release check: the demo did not pass" >&2; cat "$work/demo.json" >&2; exit 1; }
for f in run-seed-20261121/reports/validation-report.pdf risk-report/risk-management-report.pdf; do
  [ -s "$work/run/clinval-demo/$f" ] || { echo "release check: no $f" >&2; exit 1; }
done
echo "release check: clinval $version from the tarball ran the demo with only a Java runtime" \
  "($(du -sh "$tarball" | cut -f1) tarball, demo $(( $(date +%s) - start )) s; class-data archive" \
  "$(du -h "${archives[0]}" | cut -f1), used by the second --version)"
