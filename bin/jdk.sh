# Sourced by ./music-sync, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME, the `java` on PATH, then JDKs installed in the usual places (newest first).

_ms_java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

_ms_pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      $(ls -d /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(_ms_java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(_ms_pick_jdk)"; then
  echo "music-sync needs a JDK 21 or newer (virtual threads). Install one (e.g. Temurin 21) and set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME
MS_JAVA_MAJOR="$(_ms_java_major "$JAVA_HOME/bin/java")"
# gRPC/Netty (Temporal) touch sun.misc.Unsafe; JDK 23+ warns unless told this is allowed.
MS_JVM_FLAGS="--enable-native-access=ALL-UNNAMED"
if [ "$MS_JAVA_MAJOR" -ge 23 ]; then
  MS_JVM_FLAGS="$MS_JVM_FLAGS --sun-misc-unsafe-memory-access=allow"
fi
export MS_JVM_FLAGS
