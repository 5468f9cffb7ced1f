# Sourced by the bench scripts, from the checkout's top: one Payara Micro node on 127.0.0.1 with the WAR just
# built, in its own data grid, started in the background and waited for until ready (every wait has a deadline).
#   start_payara WORK PORT CLUSTER_PORT [java options...]   # log in WORK/server.log; sets PAYARA_PID
# EXTRA_DEPLOY="--deploy other.war" deploys another WAR beside the CMS (at /other).
start_payara() {
  local work=$1 port=$2 cluster=$3
  shift 3
  rm -rf "$work/root" && mkdir -p "$work/root"
  printf '%s\n' "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
    "set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true" > "$work/preboot.txt"
  MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} java -Xss1m -Dfile.encoding=UTF-8 -Duser.timezone=UTC -Dhazelcast.socket.bind.any=false "$@" \
    -jar target/payara/payara-micro.jar --deploy target/cms.war --contextroot / ${EXTRA_DEPLOY:-} --port "$port" \
    --rootdir "$work/root" --prebootcommandfile "$work/preboot.txt" --disablephonehome \
    --clustermode "tcpip:127.0.0.1:$cluster" --startport "$cluster" --interfaces 127.0.0.1 \
    --clustername "cms-bench-$cluster" > "$work/server.log" 2>&1 &
  PAYARA_PID=$!
  # Asked five times a second: the cold start is timed by this wait.
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$PAYARA_PID" 2>/dev/null || { tail -50 "$work/server.log"; exit 1; }
    sleep 0.2
  done
  echo "server not ready after 240 s" >&2; tail -50 "$work/server.log"; exit 1
}
