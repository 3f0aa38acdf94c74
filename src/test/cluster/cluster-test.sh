#!/usr/bin/env bash
# The cluster test (issue 19, item 9): Kontor on a three-node MariaDB Galera cluster on this machine.
#   1. three Galera nodes from the recipe (src/test/cluster/galera.sh), an empty database;
#   2. two Kontor servers started at the same moment on the empty schema, server A writing to node 1 and server B to
#      node 2 (each with the connector's failover URL to the others): both must come up, the migrations and the
#      bootstrap operator must happen once; a third process (the demo fill) then starts on node 3's existing schema;
#   3. the checks of ClusterCheck.java: payments alternating, idempotency pairs, 30 concurrent refunds, notifications
#      to both at once, node 1 killed under load (nothing answered 201 lost, both servers carry on);
#   4. node 1 rejoins, and the three nodes hold the same rows.
# With BENCH=1 it also measures payments/s with one and with two servers on the cluster (ApiBench), for
# docs/benchmarks.md. Needs mariadb-server 10.11+, galera-4 and rsync (Debian packages), runs as root (the nodes run
# as the mysql user), and the jar of `./mvnw package`:
#   ./mvnw -Pcluster verify          builds the jar without the unit tests and runs this script
#   src/test/cluster/cluster-test.sh  against an existing target/kontor-*.jar
set -euo pipefail
cd "$(dirname "$0")/../../.."
DIR=${GALERA_DIR:-/tmp/kontor-galera}
JAR=${JAR:-$(ls target/kontor-*.jar | grep -v original | head -1)}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OUT=target/cluster
GALERA=src/test/cluster/galera.sh
mkdir -p "$OUT"
sql() { mariadb -h127.0.0.1 -P"341$1" -uroot -N -e "$2"; }
fail() { echo "FAIL $*"; exit 1; }

started=$(date +%s)
bash $GALERA stop "$DIR" >/dev/null 2>&1 || true
rm -rf "$DIR"
bash $GALERA start "$DIR"
sql 1 "create database kontor character set utf8mb4 collate utf8mb4_unicode_ci"

export KONTOR_DB_USER=root KONTOR_DB_PASSWORD=
export KONTOR_SECRETS_DATAKEYS_C1="$(head -c32 /dev/urandom | base64)" KONTOR_SECRETS_CURRENTDATAKEY=c1
export KONTOR_SECRETS_FINGERPRINTKEY="$(head -c32 /dev/urandom | base64)"
export KONTOR_SECRETS_AUDITKEY="$(head -c32 /dev/urandom | base64)"
export KONTOR_BOOTSTRAP_OPERATOR_EMAIL=operator@cluster.example KONTOR_BOOTSTRAP_OPERATOR_PASSWORD="Cluster-Test-$RANDOM-2026"
url() { echo "jdbc:mariadb:sequential://127.0.0.1:341$1,127.0.0.1:341$2,127.0.0.1:341$3/kontor"; }

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] || bash $GALERA stop "$DIR" >/dev/null 2>&1 || true
}
trap cleanup EXIT

server() { # name port node-order...
  local name=$1 port=$2
  # the provider-call recovery settles a refund whose booking failed after 10 s here (2 min by default)
  KONTOR_DB_URL=$(url "$3" "$4" "$5") "$JAVA" -Xmx640m -jar "$JAR" --server.port="$port" \
    --kontor.provider.recovery-after=10s --kontor.provider.recovery-every=5s > "$OUT/$name.log" 2>&1 &
  pids+=($!)
}
healthy() { # port pid
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

echo "== two servers started at once on an empty schema"
server A 18091 1 2 3
server B 18092 2 3 1
healthy 18091 "${pids[0]}" || { tail -40 "$OUT/A.log"; fail "server A did not start"; }
healthy 18092 "${pids[1]}" || { tail -40 "$OUT/B.log"; fail "server B did not start"; }
changesets=$(sql 3 "select count(*) from kontor.DATABASECHANGELOG")
distinct=$(sql 3 "select count(distinct id, author, filename) from kontor.DATABASECHANGELOG")
operators=$(sql 3 "select count(*) from kontor.app_user where email = 'operator@cluster.example'")
[ "$changesets" = "$distinct" ] && [ "$operators" = 1 ] \
  || fail "start at once: $changesets changesets ($distinct distinct), $operators bootstrap operators"
echo "PASS both servers started at once on an empty schema: both ready, $changesets changesets run once, 1 operator"

echo "== demo data by a third process on node 3 (an existing schema)"
KONTOR_DB_URL=$(url 3 1 2) "$JAVA" -jar "$JAR" --kontor.fill.processes=2000 --server.port=0 > "$OUT/fill.log" 2>&1 \
  || { tail -40 "$OUT/fill.log"; fail "the fill on node 3"; }
grep -E "Filled" "$OUT/fill.log" | tail -1 || true

echo "== checks"
set +e
"$JAVA" src/test/cluster/ClusterCheck.java http://localhost:18091 http://localhost:18092 \
  "bash $GALERA kill 1 $DIR" "${LOAD_SECONDS:-30}" | tee "$OUT/checks.txt"
result=${PIPESTATUS[0]}
set -e

echo "== node 1 rejoins"
bash $GALERA rejoin 1 "$DIR"
if [ -n "${BENCH:-}" ]; then
  echo "== figures: payments/s on the cluster (ApiBench payments, 16 clients)"
  "$JAVA" src/test/bench/ApiBench.java payments http://localhost:18091 16 "${WARMUP:-60}" > /dev/null
  echo "-- one server (A on node 1)"
  "$JAVA" src/test/bench/ApiBench.java payments http://localhost:18091 16 30 | tee "$OUT/bench-one.txt"
  echo "-- two servers (A on node 1 and B on node 2, 8 clients each, at once)"
  "$JAVA" src/test/bench/ApiBench.java payments http://localhost:18091 8 30 > "$OUT/bench-two-a.txt" &
  bench_a=$!
  "$JAVA" src/test/bench/ApiBench.java payments http://localhost:18092 8 30 > "$OUT/bench-two-b.txt"
  wait "$bench_a" || true
  cat "$OUT/bench-two-a.txt" "$OUT/bench-two-b.txt"
fi
# the servers stop (their jobs write too), then every node must hold the same rows
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
wait "${pids[@]}" 2>/dev/null || true
pids=()
same=1
for table in payment_process booking provider_notification audit_event idempotency_record email_message; do
  counts=$(for n in 1 2 3; do sql "$n" "set session wsrep_sync_wait = 1; select count(*) from kontor.$table"; done)
  if [ "$(echo "$counts" | sort -u | wc -l)" != 1 ]; then
    same=0; result=1; echo "FAIL $table differs between the nodes: $(echo $counts)"
  fi
done
[ "$same" = 1 ] && echo "PASS node 1 rejoined and the three nodes hold the same rows (payment_process: $(sql 1 'select count(*) from kontor.payment_process'), booking: $(sql 1 'select count(*) from kontor.booking'))"
for name in A B; do
  echo "server $name logged $(grep -c ' ERROR ' "$OUT/$name.log" || true) errors"
done

echo "cluster test took $(( $(date +%s) - started )) s"
[ "$result" = 0 ] && echo "CLUSTER TEST PASSED" || { echo "CLUSTER TEST FAILED"; exit 1; }
