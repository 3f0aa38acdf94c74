#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on this machine, for the cluster test and the cluster benchmark.
#   galera.sh start [DIR]   creates (first time) and starts nodes n1..n3 on 127.0.0.1:3411..3413
#   galera.sh stop  [DIR]   stops them;  galera.sh kill N [DIR]  kills node N hard;  galera.sh rejoin N [DIR]
# Needs mariadb-server 10.11+ and galera-4 (apt-get install mariadb-server galera-4 rsync) and runs as root;
# the data directories belong to the mysql user, which the rsync state transfer needs.
set -euo pipefail
cmd=${1:-start}
if [ "$cmd" = kill ] || [ "$cmd" = rejoin ]; then node=$2; dir=${3:-/tmp/kontor-galera}; else dir=${2:-/tmp/kontor-galera}; fi

cnf() { # node number -> option file
  local n=$1
  mkdir -p "$dir/n$n/data"
  cat > "$dir/n$n.cnf" <<CNF
[mariadbd]
datadir=$dir/n$n/data
socket=$dir/n$n/sock
pid-file=$dir/n$n/pid
log-error=$dir/n$n/error.log
port=341$n
bind-address=127.0.0.1
user=mysql
skip-ssl
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=256M
max_connections=300
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=kontor
wsrep_cluster_address=gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573
wsrep_node_address=127.0.0.1
wsrep_node_name=n$n
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:457$n;ist.recv_addr=127.0.0.1:458$n"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:459$n
CNF
}

sql() { mariadb --socket="$dir/n$1/sock" -uroot -N -e "$2" 2>/dev/null; }

up() { # node, extra args
  local n=$1; shift
  mariadbd --defaults-file="$dir/n$n.cnf" "$@" >/dev/null 2>&1 &
}

wait_size() { # node, size
  for _ in $(seq 1 120); do
    [ "$(sql "$1" "show status like 'wsrep_cluster_size'" | awk '{print $2}')" = "$2" ] \
      && [ "$(sql "$1" "show status like 'wsrep_local_state_comment'" | awk '{print $2}')" = Synced ] && return 0
    sleep 1
  done
  echo "node $1 did not reach cluster size $2" >&2; tail -20 "$dir/n$1/error.log" >&2; return 1
}

case "$cmd" in
start)
  for n in 1 2 3; do
    cnf "$n"
    if [ ! -d "$dir/n$n/data/mysql" ]; then
      chown -R mysql:mysql "$dir/n$n"
      mariadb-install-db --defaults-file="$dir/n$n.cnf" --user=mysql >/dev/null 2>&1
      chown -R mysql:mysql "$dir/n$n"
    fi
  done
  up 1 --wsrep-new-cluster; wait_size 1 1
  # root over TCP without a password, as the tests connect (the install gives root unix_socket only)
  sql 1 "create user if not exists root@'127.0.0.1' identified by ''; grant all on *.* to root@'127.0.0.1' with grant option; alter user root@localhost identified via unix_socket or mysql_native_password using password('')"
  up 2; wait_size 1 2; wait_size 2 2
  up 3; wait_size 1 3; wait_size 3 3
  echo "Galera cluster of 3 nodes up: 127.0.0.1:3411, 3412, 3413 ($dir)"
  ;;
stop)
  for n in 3 2 1; do
    [ -f "$dir/n$n/pid" ] && kill "$(cat "$dir/n$n/pid")" 2>/dev/null || true
  done
  for n in 3 2 1; do
    for _ in $(seq 1 60); do [ -f "$dir/n$n/pid" ] && kill -0 "$(cat "$dir/n$n/pid")" 2>/dev/null && sleep 1 || break; done
  done
  echo "Galera cluster stopped"
  ;;
kill)
  kill -9 "$(cat "$dir/n$node/pid")"; echo "node $node killed"
  ;;
rejoin)
  up "$node"; wait_size "$node" 3; echo "node $node back"
  ;;
*) echo "usage: galera.sh start|stop|kill N|rejoin N [DIR]" >&2; exit 2 ;;
esac
