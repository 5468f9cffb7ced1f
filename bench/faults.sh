#!/usr/bin/env bash
# The fault suite, on demand (not part of `mvn verify`, and no timing decides anything):
#   bench/faults.sh                        # FAULTS_DURATION=180 FAULTS_NODES=3 by default
#   FAULTS_DURATION=90 FAULTS_NODES=2 bench/faults.sh
# Builds the WAR, then bench/faults.py starts its own MariaDB (Debian's mariadbd, a fresh data directory under
# FAULTS_DIR, port FAULTS_DB_PORT=3407, its own socket; the machine's server on 3306 is never touched) and
# FAULTS_NODES CMS nodes on 127.0.0.1 (HTTP 8271…, data grid 6971…) in one data grid, all on that database. It runs a
# mixed load — wrk and Python readers on the home, category, article and search pages of every node; editors
# creating, editing, racing each other on one article from two nodes, submitting; a reviewer approving;
# publishing now and at a time, corrections and takedowns on random nodes — and meanwhile kills the database and
# restarts it, kills a node with SIGKILL and restarts it, and restarts a node with a wrong member list so that it
# forms a data grid of its own. Then it checks in MariaDB that every acknowledged write is there and no scheduled
# revision was published twice, asks the CMS whether its audit chain verifies, and prints a table.
# FAULTS_START=launcher starts each node through the Launcher with CMS_PORT, CMS_CLUSTER_PORT, CMS_CLUSTER_MEMBERS
# and CMS_DB_* instead of payara-micro.jar's own flags (FAULTS_START=jar, the default).
# On a busy 2-core machine a node takes one to three minutes to start under the load, so a run of
# FAULTS_DURATION=90 lasts about 12 minutes in all.
# Other knobs (see the top of bench/faults.py): FAULTS_DB_OUTAGE, FAULTS_DB_SIGNAL, FAULTS_NODE_DOWN,
# FAULTS_RECOVERY_GRACE, FAULTS_STALE_DEADLINE, FAULTS_EDITORS, FAULTS_WRK_CONNECTIONS, FAULTS_WRK_DELAY_MS,
# FAULTS_SEED, FAULTS_HTTP_PORT, FAULTS_GRID_PORT. Logs and raw results stay in FAULTS_DIR (/tmp/cms-faults).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export FAULTS_DIR=${FAULTS_DIR:-/tmp/cms-faults}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null \
  || { apt-get update -qq && apt-get install -y -qq mariadb-server >/dev/null; }

cd "$ROOT"
# One Maven build at a time on the machine. Offline first; a checkout whose plugins are not in the local
# repository yet fetches them once. target/cms is the WAR plugin's staging copy: a class deleted from the sources
# stays there (and in the WAR) until removed.
flock /tmp/mvn.lock sh -c 'rm -rf target/cms && { mvn -o -B -ntp -q package -DskipTests || mvn -B -ntp -q package -DskipTests; }'

rm -rf "$FAULTS_DIR" && mkdir -p "$FAULTS_DIR"
PY=
cleanup() {
  # faults.py ends what it started; should it have died without doing so, its process groups are listed here.
  if [ -n "$PY" ] && kill -0 "$PY" 2>/dev/null; then kill -TERM "$PY" 2>/dev/null || true; wait "$PY" 2>/dev/null || true; fi
  if [ -f "$FAULTS_DIR/pids" ]; then
    while read -r pgid _; do kill -KILL -- "-$pgid" 2>/dev/null || true; done < "$FAULTS_DIR/pids"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
# In the background, so that a signal to this script runs the trap at once instead of after the driver.
python3 "$ROOT/bench/faults.py" &
PY=$!
wait "$PY"
