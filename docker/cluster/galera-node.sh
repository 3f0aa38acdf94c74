#!/bin/bash
# Starts a Galera node of docker/cluster/compose.yaml through the image's own entrypoint. A node with
# GALERA_BOOTSTRAP=1 (galera1) founds the cluster (--wsrep-new-cluster) when no other node answers and
# - its data directory is new (the first start of the cluster), or
# - Galera marked it safe to bootstrap (safe_to_bootstrap: 1 in grastate.dat): it was the last node to leave
#   the cluster cleanly, as after `docker compose down` or `stop`, which stop galera1 last.
# Otherwise it joins the others like any node. Founding a second cluster while the others run would split the
# data in two, so a node never founds one while a peer answers on Galera's port.
# After all three nodes crashed at once, none is safe to bootstrap: docs/cluster.md says how to start again.
set -euo pipefail

# the image's data directory (ClusterSetupTest runs this script on a folder of its own)
datadir=${GALERA_DATADIR:-/var/lib/mysql}
if [ "${GALERA_BOOTSTRAP:-0}" = 1 ]; then
  reason=
  if [ ! -d "$datadir/mysql" ]; then
    reason="a new data directory"
  elif grep -qs '^safe_to_bootstrap: *1' "$datadir/grastate.dat"; then
    reason="safe_to_bootstrap: 1 in grastate.dat"
  fi
  for peer in ${GALERA_PEERS:-}; do
    if [ -n "$reason" ] && timeout 2 bash -c "exec 3<>/dev/tcp/$peer/4567" 2>/dev/null; then
      echo "galera-node: $peer answers; joining the running cluster instead of founding one"
      reason=
    fi
  done
  if [ -n "$reason" ]; then
    echo "galera-node: founding the cluster ($reason)"
    set -- "$@" --wsrep-new-cluster
  fi
fi
exec docker-entrypoint.sh "$@"
