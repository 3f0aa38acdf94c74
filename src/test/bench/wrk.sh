#!/usr/bin/env bash
# The payment benchmark of issue 20 (item 2) with wrk, as the figure of 640 payments/s was measured: a fresh database
# on a MariaDB with its durable defaults, 100 existing customers, 16 connections, a warm-up, then one payment creation
# per request with its own Idempotency-Key (src/test/bench/payments.lua). Reports payments/s, latency, and the CPU
# time Kontor and MariaDB used per payment (from /proc, over the measured run). Asserts nothing.
# Run from the repository root after ./mvnw package, with wrk installed (apt-get install wrk) and a MariaDB reachable
# as root without password:
#   src/test/bench/wrk.sh                      # 120 s warm-up, 60 s measured, invoices (no provider call)
#   METHOD=CARD WARMUP=60 src/test/bench/wrk.sh  # card payments (the simulator is asked), shorter warm-up
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18083}
DB=${DB:-kontor_wrk}
MYSQL="mysql -uroot -h127.0.0.1"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
export KONTOR_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" KONTOR_DB_USER=root KONTOR_DB_PASSWORD=
export KONTOR_SECRETS_DATAKEYS_B1="$(head -c32 /dev/urandom | base64)" KONTOR_SECRETS_CURRENTDATAKEY=b1
export KONTOR_SECRETS_FINGERPRINTKEY="$(head -c32 /dev/urandom | base64)"
export KONTOR_SECRETS_AUDITKEY="$(head -c32 /dev/urandom | base64)"
JAR=${JAR:-$(ls target/kontor-*.jar | grep -v original | head -1)}
export RUN=${RUN:-$(date +%s | tail -c 6)} METHOD=${METHOD:-INVOICE}
KEY=kontor_test_demo_mueller_webshop

$MYSQL -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
echo "MariaDB $($MYSQL -N -e 'select version()'), innodb_flush_log_at_trx_commit=$($MYSQL -N -e 'select @@innodb_flush_log_at_trx_commit')"
# the demo merchants and the demo API key, with a small fill
"$JAVA" -jar "$JAR" --kontor.fill.processes="${FILL:-1000}" --server.port=0 | grep -E "Filled" || true

"$JAVA" -jar "$JAR" --server.port="$PORT" > target/bench-wrk.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://localhost:$PORT/actuator/health" && break; sleep 1; done
for i in $(seq 0 99); do
  curl -sf -o /dev/null -X PUT "http://localhost:$PORT/api/v1/debtors/W$RUN-$i" -H "Authorization: Bearer $KEY" \
    -H "Content-Type: application/json" \
    -d "{\"lastName\": \"Wrk $i\", \"street\": \"Lindenweg $i\", \"postcode\": \"20095\", \"city\": \"Hamburg\", \"country\": \"DE\", \"email\": \"wrk$i@example.org\"}"
done

cpu() { # clock ticks (user + system) of a process
  awk '{print $14 + $15}' "/proc/$1/stat"
}
DBPID=$(pgrep -x mariadbd | head -1)
TICKS=$(getconf CLK_TCK)
echo "warm-up ${WARMUP:-120} s, then ${DURATION:-60} s measured; $METHOD payments for 100 existing customers, 16 connections"
wrk -t2 -c16 -d"${WARMUP:-120}s" -s src/test/bench/payments.lua "http://localhost:$PORT" > /dev/null
k0=$(cpu $APP); m0=$(cpu "$DBPID")
wrk -t2 -c16 -d"${DURATION:-60}s" --latency -s src/test/bench/payments.lua "http://localhost:$PORT" | tee target/bench-wrk.txt \
  | grep -E "^payments:|^latency ms:|^non-2xx|^answered|^a refusal"
k1=$(cpu $APP); m1=$(cpu "$DBPID")
N=$(sed -n 's/^payments: \([0-9]*\) requests.*/\1/p' target/bench-wrk.txt)
awk -v k=$((k1 - k0)) -v m=$((m1 - m0)) -v n="$N" -v t="$TICKS" -v d="${DURATION:-60}" 'BEGIN {
  printf "CPU per payment: Kontor %.2f ms, MariaDB %.2f ms (Kontor %.2f cores, MariaDB %.2f cores)\n",
    k * 1000 / t / n, m * 1000 / t / n, k / t / d, m / t / d }'
