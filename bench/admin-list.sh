#!/usr/bin/env bash
# On demand, not part of the tests: how the back office's article list (a lazy table paged in the database) and
# the API's list answer with N articles (100,000 by default). Prints p50 and p90 of 20 timed requests per URL.
#   bench/admin-list.sh [N]
set -euo pipefail
N=${1:-100000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=${BENCH_DIR:-/tmp/cms-bench-admin}
PORT=${BENCH_PORT:-8192}
CLUSTER_PORT=${BENCH_CLUSTER_PORT:-6992}
B=http://127.0.0.1:$PORT

cd "$ROOT"
flock /tmp/maven.lock sh -c 'rm -rf target/cms && mvn -q package -DskipTests'
H2_JAR=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-2.2.224.jar' | head -1)
rm -rf "$WORK" && mkdir -p "$WORK"
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT

start_server() {
  rm -rf "$WORK/root"
  java -Dcms.data.dir="$WORK/data" -cp target/classes org.healthportal.cms.platform.launch.Launcher \
    target/payara/payara-micro.jar target/cms.war 127.0.0.1 "$PORT" "$WORK/root" > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    curl -sf "$B/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
    sleep 1
  done
  echo "server not ready" >&2; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

export CMS_CLUSTER_PORT=$CLUSTER_PORT
echo "== schema and demo content"; start_server; stop_server
echo "== loading $N articles"; java -cp "$H2_JAR" "$HERE/BulkLoad.java" "jdbc:h2:file:$WORK/data/cms;MODE=LEGACY" cms cms-embedded "$N"
echo "== starting"; start_server

JAR="$WORK/cookies"
curl -s -c "$JAR" -b "$JAR" -o /dev/null "$B/login.xhtml"
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "login=login" --data-urlencode "login:username=editor" \
  --data-urlencode "login:password=editor-demo" --data-urlencode "login:submit=" \
  --data-urlencode "jakarta.faces.ViewState=stateless" "$B/login.xhtml"

measure() { # label, curl args…
  local label=$1; shift
  for _ in 1 2 3; do curl -s -o /dev/null "$@"; done
  local times
  times=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n)
  printf '%-44s p50 %6.1f ms   p90 %6.1f ms\n' "$label" \
    "$(echo "$times" | sed -n 10p | awk '{print $1*1000}')" "$(echo "$times" | sed -n 18p | awk '{print $1*1000}')"
}
A="-u editor:editor-demo"
echo "== $N articles (+ demo content)"
measure "back office list, first page (HTML)" -b "$JAR" "$B/admin/articles.xhtml"
measure "API list, newest 20" $A "$B/api/articles?size=20"
measure "API list, state=PUBLISHED" $A "$B/api/articles?size=20&state=PUBLISHED"
measure "API list, text filter 康复" $A "$B/api/articles?size=20&q=%E5%BA%B7%E5%A4%8D"
CATEGORY=$(curl -s $A "$B/api/articles?size=1" | sed 's/.*"categoryId":\([0-9]*\).*/\1/')
measure "API list, one category" $A "$B/api/articles?size=20&categoryId=$CATEGORY"
# A top category holds its subcategories' articles: the filter is an IN over the subtree.
TOP=$(curl -s $A "$B/api/categories" | python3 -c 'import json,sys
cs = json.load(sys.stdin); parents = {c.get("parentId") for c in cs}
print(max((c for c in cs if c.get("parentId") is None and c["id"] in parents),
          key=lambda t: sum(1 for c in cs if c.get("parentId") == t["id"]))["id"])')
measure "API list, a top category and all below it" $A "$B/api/articles?size=20&categoryId=$TOP"
measure "back office list, a top category (HTML)" -b "$JAR" "$B/admin/articles.xhtml?category=$TOP"
measure "API list, author=editor" $A "$B/api/articles?size=20&author=editor"
measure "API list, sorted by title" $A "$B/api/articles?size=20&sort=title&dir=asc"
measure "API list, recently published" $A "$B/api/articles?size=20&sort=published"
measure "API list, page 4,000" $A "$B/api/articles?size=20&page=4000"
measure "dashboard (six queues and counts)" -b "$JAR" "$B/admin/"
