#!/usr/bin/env bash
# The WordPress import's benchmark, on demand (not part of `mvn verify`):
#   bench/wordpress-import.sh [POSTS]        # default 2000
# Builds the WAR, starts Payara Micro on 127.0.0.1 with a fresh embedded database, writes an export of POSTS
# posts with their images (bench/MakeWordPressExport.java: a captioned image in each, a featured one in every
# fourth, resized copies in the zip as WordPress keeps them), uploads it with the zip as the admin would
# (POST /api/import/wordpress), follows the job to its end and prints the time, the rate and the counts; then
# imports the same file again (everything recognised, nothing created) and prints that too. Target: 2,000 posts
# with their images in under 60 s on a 2-core machine.
set -euo pipefail
N=${1:-2000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=${BENCH_DIR:-/tmp/cms-bench-import}
PORT=${BENCH_PORT:-8192}
CLUSTER_PORT=${BENCH_CLUSTER_PORT:-6992}
B=http://127.0.0.1:$PORT
SITE=https://old-health-site.example.cn

cd "$ROOT"
flock /tmp/maven.lock sh -c 'rm -rf target/cms && mvn -q package -DskipTests'
rm -rf "$WORK" && mkdir -p "$WORK"
PAYARA_PID=
cleanup() { [ -n "$PAYARA_PID" ] && kill "$PAYARA_PID" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== writing an export of $N posts with their images"
java "$HERE/MakeWordPressExport.java" "$N" "$SITE" "$WORK/export.xml" "$WORK/uploads.zip"
echo "   export $(du -h "$WORK/export.xml" | cut -f1), uploads zip $(du -h "$WORK/uploads.zip" | cut -f1)"

# shellcheck source=bench/payara.sh
. "$HERE/payara.sh"
start_payara "$WORK" "$PORT" "$CLUSTER_PORT" -Xms1g -Xmx2g -Dcms.data.dir="$WORK/data" -Dcms.demo=true \
  -Dcms.base-url="$B/"

run_import() {
  local label=$1 t0 t1 id status
  t0=$(date +%s.%N)
  id=$(curl -sf -u admin:admin-demo -F "wxr=@$WORK/export.xml;type=application/xml" \
    -F "uploads=@$WORK/uploads.zip;type=application/zip" "$B/api/import/wordpress?wait=0" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for _ in $(seq 1 60); do
    curl -sf -u admin:admin-demo "$B/api/import/wordpress/$id?wait=60" > "$WORK/job-$id.json"
    status=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$WORK/job-$id.json")
    [ "$status" = done ] || [ "$status" = failed ] && break
  done
  t1=$(date +%s.%N)
  python3 - "$WORK/job-$id.json" "$t0" "$t1" "$label" <<'PY'
import json, sys
job = json.load(open(sys.argv[1])); seconds = float(sys.argv[3]) - float(sys.argv[2]); c = job["report"]["counts"]
print(f"   {sys.argv[4]}: {job['status']} in {seconds:.1f} s, {job['total'] / seconds:.0f} items/s; "
      f"{c['created']} created, {c['alreadyImported']} already imported, {c['failed']} failed, "
      f"{c['categoriesCreated']} categories, {c['imagesImported']} images imported, {c['imagesMissing']} missing")
PY
}

echo "== importing (upload, then the job to its end)"
run_import "first import"
echo "== the same file again"
run_import "second import"
echo "   server RSS $(ps -o rss= -p "$PAYARA_PID" | awk '{printf "%.0f MB", $1/1024}')"
