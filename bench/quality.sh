#!/usr/bin/env bash
# Lighthouse and the Nu Html Checker on the public home, category, article and search pages and the sign-in page,
# on demand (not part of `mvn verify`):
#   bench/quality.sh
# Builds the WAR, starts Payara Micro on 127.0.0.1 with a fresh embedded database and demo content, then runs
# Lighthouse 12 (npm; Node 18.16+) in Debian's Chromium (mobile, its default simulated throttling) and vnu-jar
# (npm) on each page. Prints each page's four Lighthouse scores and the checker's error count; reports land in
# target/quality/. Search results stay noindex on purpose, so Lighthouse's SEO score there lacks the crawlability
# audit ("is-crawlable"), which the summary names. The tools are installed once into target/quality-tools.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=${QUALITY_DIR:-/tmp/cms-quality}
PORT=${QUALITY_PORT:-8290}
CLUSTER_PORT=${QUALITY_CLUSTER_PORT:-7090}
B=http://127.0.0.1:$PORT
OUT=$ROOT/target/quality
TOOLS=$ROOT/target/quality-tools
CHROME=${CHROME_PATH:-/usr/bin/chromium}

command -v node >/dev/null || { echo "needs Node.js 18.16+ and npm" >&2; exit 1; }
[ -x "$CHROME" ] || { apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; }

cd "$ROOT"
[ -n "${QUALITY_SKIP_BUILD:-}" ] || flock /tmp/maven.lock sh -c 'rm -rf target/cms && mvn -q package -DskipTests'
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ] || [ ! -f "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  mkdir -p "$TOOLS" && (cd "$TOOLS" && npm install --silent --no-audit --no-fund lighthouse@12.8.2 vnu-jar@26.9.27)
fi
rm -rf "$WORK" "$OUT" && mkdir -p "$WORK" "$OUT"
PAYARA_PID=
cleanup() { [ -n "$PAYARA_PID" ] && kill "$PAYARA_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
# shellcheck source=bench/payara.sh
. "$HERE/payara.sh"
start_payara "$WORK" "$PORT" "$CLUSTER_PORT" -Xmx1g -Dcms.data.dir="$WORK/data" -Dcms.demo=true -Dcms.base-url="$B/"

ARTICLE=$(curl -sf "$B/" | grep -o 'href="/articles/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')
CATEGORY=$(curl -sf "$B/" | grep -o 'href="/categories/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')
[ -n "$ARTICLE" ] && [ -n "$CATEGORY" ] || { echo "no article or category linked from the home page" >&2; exit 1; }
# name|path
PAGES="home|/
category|$CATEGORY
article|$ARTICLE
search|/search?q=%E9%92%88%E7%81%B8
login|/login.xhtml"

# Warm the page store and the JIT, as a reader after the first would find them.
while IFS='|' read -r name path; do
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null "$B$path"; done
done <<< "$PAGES"

printf '%-9s %-40s %11s %13s %14s %5s %10s\n' page path performance accessibility best-practices seo vnu-errors
while IFS='|' read -r name path; do
  "$TOOLS/node_modules/.bin/lighthouse" "$B$path" --quiet --chrome-path="$CHROME" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output=html --output-path="$OUT/$name" >/dev/null 2>"$OUT/$name.lighthouse.log" \
    || { echo "lighthouse failed on $path:" >&2; tail -20 "$OUT/$name.lighthouse.log" >&2; exit 1; }
  curl -sf "$B$path" -o "$OUT/$name.html"
  java -jar "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --format text "$OUT/$name.html" \
    > "$OUT/$name.vnu.txt" 2>&1 || true
  errors=$(grep -c '^Error' "$OUT/$name.vnu.txt" || true)
  node -e '
    const r = require(process.argv[1]), c = r.categories, f = k => c[k].score.toFixed(2);
    const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative"
      && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable").map(a => a.id);
    console.log([process.argv[2].padEnd(9), process.argv[3].padEnd(40), f("performance").padStart(11),
      f("accessibility").padStart(13), f("best-practices").padStart(14), f("seo").padStart(5),
      process.argv[4].padStart(10)].join(" ") + (failed.length ? "   below 1: " + failed.join(", ") : ""));
  ' "$OUT/$name.report.json" "$name" "$path" "$errors"
done <<< "$PAGES" | tee "$OUT/summary.txt"
echo "reports: $OUT (Lighthouse HTML and JSON, the checker's messages per page)"
