#!/usr/bin/env bash
# Wisp launcher: builds the runnable jar when it is missing or older than the sources, then runs it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/wisp-app/target/wisp.jar"

needs_build() {
  [ -f "$jar" ] || return 0
  [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/target' -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit)" ]
}

if needs_build; then
  echo "wisp: building the runnable jar (sources changed or first run)..." >&2
  log="$(mktemp)"
  if ! (cd "$root" && mvn -B -q -DskipTests -Djazzer.skip=true -pl wisp-app -am package >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "wisp: build failed" >&2
    exit 1
  fi
  rm -f "$log"
fi
exec java ${WISP_JAVA_OPTS:-} -jar "$jar" "$@"
