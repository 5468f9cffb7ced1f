#!/usr/bin/env bash
# Checks the cluster-wide invalidation by hand: two Payara Micro nodes on 127.0.0.1 (HTTP 8181/8182, data grid
# 6931/6932) share one embedded H2 database (AUTO_SERVER); bench/two_nodes_check.py publishes on one node and
# reads both, then makes articles overdue for review and switches the policy on one node and the other, with
# both nodes' timers running every second. Prints one line per node and step; every wait has a deadline.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${TWO_NODES_DIR:-/tmp/cms-two-nodes}
cd "$ROOT"
# target/cms is the WAR plugin's staging copy: a class deleted from the sources stays there (and in the WAR) until removed.
flock /tmp/maven.lock sh -c 'rm -rf target/cms && mvn -q package -DskipTests'
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
start() { # name port gridport
  mkdir -p "$WORK/$1"
  printf '%s\n' "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
    "set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true" > "$WORK/$1-preboot.txt"
  java -Xmx768m -Dfile.encoding=UTF-8 -Duser.timezone=UTC -Dhazelcast.socket.bind.any=false -Dcms.demo=true \
    -Dcms.scheduler.interval=1 \
    "-Dcms.db.url=jdbc:h2:file:$WORK/data/cms;MODE=LEGACY;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000" \
    -Dcms.base-url="http://127.0.0.1:$2/" -jar target/payara/payara-micro.jar --deploy target/cms.war --contextroot / \
    --port "$2" --rootdir "$WORK/$1" --prebootcommandfile "$WORK/$1-preboot.txt" --disablephonehome \
    --clustermode tcpip:127.0.0.1:6931,127.0.0.1:6932 --startport "$3" --interfaces 127.0.0.1 --clustername cms-two-nodes \
    > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
ready() { for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 1; done; echo "node $1 not ready" >&2; exit 1; }
start n1 8181 6931; ready 8181
start n2 8182 6932; ready 8182
H2_JAR=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-2.2.224.jar' | head -1)
python3 "$ROOT/bench/two_nodes_check.py" "$H2_JAR" "jdbc:h2:file:$WORK/data/cms;MODE=LEGACY;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"
