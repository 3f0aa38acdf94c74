#!/bin/sh
# Starts Kontor with the JDK's ahead-of-time cache (JEP 483, 514, 515: classes loaded and linked ahead of time,
# method profiles), which shortens the start. The cache is made on the first start of a container, before Kontor
# starts, in a training run as Spring Boot's documentation describes it: the application starts against the real
# database (Liquibase migrates the schema, as on every start), stops as soon as its Spring context is refreshed
# (spring.context.exit=onRefresh: before the web server listens and before any scheduled job runs) and the JVM
# writes the cache as it exits (-XX:AOTCacheOutput). Every later start of the container uses the cache.
# A failed training run costs only its time: one line in the log, Kontor starts without a cache, and the next start
# tries again. The training run is repeated when the jar, the JDK or JAVA_OPTS differ from those that made the
# cache; a cache that does not fit is ignored by the JVM anyway, never fatal.
set -u
APP=/app/kontor.jar
CACHE=/app/cache/kontor.aot
STAMP=/app/cache/kontor.aot.id
LOG=/app/cache/aot-training.log
# The same options for the training run and the application: the cache is only used with the options it was made with.
OPTS="-XX:MaxRAMPercentage=75 ${JAVA_OPTS:-}"
# What the cache was made for: the JDK (set by the base image), the options, and this image's jar (size, time, checksum).
ID="${JAVA_VERSION:-} | ${OPTS} | $(stat -c '%s %Y' "$APP") $(cksum <"$APP")"

train() {
  rm -f "$CACHE" "$STAMP" /app/cache/training.aot
  echo "Kontor: training run for the JDK's AOT cache before the first start (log: $LOG)"
  # shellcheck disable=SC2086 # OPTS holds several options
  java -XX:AOTCacheOutput=/app/cache/training.aot -Dspring.context.exit=onRefresh $OPTS -jar "$APP" "$@" \
    >"$LOG" 2>&1 &
  training=$!
  # docker stop during the training run: stop it, and stop the container as asked
  trap 'kill "$training" 2>/dev/null; wait "$training"; exit 143' TERM INT
  wait "$training"
  status=$?
  trap - TERM INT
  if [ "$status" -eq 0 ] && [ -s /app/cache/training.aot ] && mv -f /app/cache/training.aot "$CACHE"; then
    printf '%s\n' "$ID" >"$STAMP"
    return 0
  fi
  rm -f /app/cache/training.aot
  echo "Kontor: the AOT cache training run failed (exit $status, see $LOG); starting without the cache"
  return 1
}

AOT=
if { [ -s "$CACHE" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$ID" ]; } || train "$@"; then
  AOT="-XX:AOTCache=$CACHE"
fi
# shellcheck disable=SC2086 # AOT and OPTS hold options
exec java $AOT $OPTS -jar "$APP" "$@"
