#!/usr/bin/env bash
# Start-up benchmark: time from launch until the login page answers 200, and the application's memory (RSS)
# right after. Prints numbers; asserts nothing. Run from the repository root after ./mvnw package:
#   src/test/bench/startup.sh run     # the README's run command (./mvnw) on the embedded MariaDB:
#                                     # first start with an empty data folder, then a later start
#   src/test/bench/startup.sh jar     # java -jar on the production jar; needs KONTOR_DB_URL (+ _USER, _PASSWORD)
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18080}
DATA=target/bench-data

wait_for_login() { # $1 = start time in ns
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login" || true)" = 200 ]; then
      echo $(( ($(date +%s%N) - $1) / 1000000 ))
      return 0
    fi
    sleep 0.1
  done
  echo "never"
}

rss_of_app() {
  local pid
  pid=$(pgrep -f "KontorApplication|kontor-.*\.jar" | head -1 || true)
  [ -n "$pid" ] && echo $(( $(ps -o rss= -p "$pid") / 1024 )) || echo "?"
}

stop_all() {
  pkill -f "KontorApplication|kontor-.*\.jar" || true
  sleep 3
}

case "${1:-run}" in
  run)
    stop_all
    rm -rf "$DATA"
    for label in "first start (empty data folder)" "later start"; do
      start=$(date +%s%N)
      setsid ./mvnw -q -B spring-boot:run \
        -Dspring-boot.run.arguments="--server.port=$PORT --kontor.embedded.dir=$DATA/mariadb" > target/bench-run.log 2>&1 &
      ms=$(wait_for_login "$start")
      sleep 5 # let the demo data and the first request settle
      echo "run command, $label: login page after ${ms} ms, RSS $(rss_of_app) MB"
      stop_all
    done
    ;;
  jar)
    : "${KONTOR_DB_URL:?set KONTOR_DB_URL to a MariaDB database}"
    stop_all
    for label in "first start" "later start"; do
      start=$(date +%s%N)
      setsid java -jar target/kontor-*.jar --server.port="$PORT" > target/bench-jar.log 2>&1 &
      ms=$(wait_for_login "$start")
      sleep 5
      echo "java -jar, $label: login page after ${ms} ms, RSS $(rss_of_app) MB"
      stop_all
    done
    ;;
esac
