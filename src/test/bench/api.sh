#!/usr/bin/env bash
# API benchmarks of issue 5 (item 10): POST /api/v1/payments and PAYONE notifications on loopback against a MariaDB
# with its durable defaults, 16 concurrent clients. Prints the database's durability settings and the figures;
# asserts nothing. Fills the database with the bulk generator first (it also creates the demo merchants and the
# demo API key the load uses): 20,000 processes unless FILL says otherwise.
# Run from the repository root after ./mvnw package, with a MariaDB reachable as root without password:
#   src/test/bench/api.sh                 # MariaDB on 127.0.0.1:3306, database kontor_bench (dropped and re-created)
#   FILL=1000000 src/test/bench/api.sh    # the same on 1,000,000 processes
#   WARMUP=30 src/test/bench/api.sh       # a quick run (the JIT is not done after 30 s)
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18081}
DB=${DB:-kontor_bench}
MYSQL="mysql -uroot -h127.0.0.1"
export KONTOR_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" KONTOR_DB_USER=root KONTOR_DB_PASSWORD=
export KONTOR_SECRETS_DATAKEYS_B1="$(head -c32 /dev/urandom | base64)" KONTOR_SECRETS_CURRENTDATAKEY=b1
export KONTOR_SECRETS_FINGERPRINTKEY="$(head -c32 /dev/urandom | base64)"
export KONTOR_SECRETS_AUDITKEY="$(head -c32 /dev/urandom | base64)"
JAR=${JAR:-$(ls target/kontor-*.jar | head -1)}  # JAR=path/to/other.jar compares another build

$MYSQL -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
echo "MariaDB $($MYSQL -N -e 'select version()'), durability as configured:"
$MYSQL -N -e "show variables where variable_name in ('innodb_flush_log_at_trx_commit', 'sync_binlog', 'log_bin',
  'innodb_doublewrite', 'innodb_buffer_pool_size')" | sed 's/^/  /'

/usr/bin/time -f "fill: %e s wall, %M KB max RSS" java -jar "$JAR" --kontor.fill.processes="${FILL:-20000}" \
  --server.port=0 | grep -E "Filling|Filled"

java -jar "$JAR" --server.port="$PORT" > target/bench-api.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -s -o /dev/null "http://localhost:$PORT/actuator/health" && break
  sleep 1
done

# one warm-up round, then the measured one. On two cores the JIT compiles for minutes (see docs/benchmarks.md): a
# shorter warm-up measures a JVM that is still compiling.
java src/test/bench/ApiBench.java payments "http://localhost:$PORT" 16 "${WARMUP:-240}" > /dev/null
java src/test/bench/ApiBench.java payments "http://localhost:$PORT" 16 30
java src/test/bench/ApiBench.java notifications "http://localhost:$PORT" 16 30 | tee target/bench-notifications.txt
RUN=$(sed -n 's/^run \([^:]*\):.*/\1/p' target/bench-notifications.txt)
echo "exactly once: $($MYSQL -N -e "select count(*), count(distinct dedupe_key) from $DB.provider_notification
  where format = 'PAYONE' and provider_reference like 'bench-$RUN-%'" | awk '{print $1 " rows stored for " $2 " distinct notifications"}')"
