#!/usr/bin/env bash
# The public site's benchmark, on demand (not part of `mvn verify`):
#   bench/run.sh [ARTICLES]        # default 10000; e.g. bench/run.sh 100000
#   BENCH_COLD_ONLY=1 bench/run.sh 100000   # only the cold start: to ready and to a complete search index
#   BENCH_HEAP=1g                  # the server's -Xms/-Xmx (default 512m)
#   BENCH_WARMUP=20s BENCH_UNCACHED_WARMUP=60s BENCH_PUBLISH_WARMUP=300   # each page's warm-up, the uncached render's,
#                                  # and how many articles are published (five a second) before anything is measured
#   BENCH_DURATION=15s BENCH_ROUNDS=3   # each measurement, and the rounds of the ratios measured in turns
#   BENCH_VARNISH_SWEEP="4 8 16 32 64 128" BENCH_SWEEP_DURATION=5s   # Varnish against nginx at these connection counts
#   BENCH_WORDPRESS=http://127.0.0.1:8081   # also WordPress uncached (/?p=ID), the peer ../shared/bench/peer-wordpress.sh
#                                  # sets up, measured right after the CMS's uncached render: their ratio
# Builds the WAR and a bare reference WAR (bench/bare), starts Payara Micro on 127.0.0.1 with both, a fresh embedded database and -Dcms.bench=true (which
# registers the bare reference servlet), loads ARTICLES published articles with bench/BulkLoad.java, then drives
# the article, home, category and search pages with wrk, next to a bare servlet writing the article's bytes from
# memory and nginx serving the same bytes as a file, the article through Varnish (docker/varnish/default.vcl, which the
# CMS purges) against nginx serving the same gzip bytes (also from 4 to 128 connections), and the article again, direct and through Varnish, while
# bench/publisher.py publishes one new article a second. Prints requests/s, p50, p99 and the worst latency, and the
# ratios.
# Everything listens on 127.0.0.1 only; every wait has a deadline.
set -euo pipefail
N=${1:-10000}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=${BENCH_DIR:-/tmp/cms-bench}
PORT=${BENCH_PORT:-8190}
NGINX_PORT=${BENCH_NGINX_PORT:-8191}
CLUSTER_PORT=${BENCH_CLUSTER_PORT:-6990}
VARNISH_PORT=${BENCH_VARNISH_PORT:-8192}
B=http://127.0.0.1:$PORT

command -v wrk >/dev/null && command -v nginx >/dev/null && [ -x /usr/sbin/varnishd ] && ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 \
  || { apt-get update -qq && apt-get install -y -qq wrk nginx varnish varnish-modules >/dev/null; }

cd "$ROOT"
# target/cms is the WAR plugin's staging copy: a class deleted from the sources stays there (and in the WAR) until removed.
flock /tmp/maven.lock sh -c 'rm -rf target/cms && mvn -q package -DskipTests'
H2_JAR=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-2.2.224.jar' | head -1)
rm -rf "$WORK" && mkdir -p "$WORK/www"
PAYARA_PID=; NGINX_PID=; VARNISH_PID=
cleanup() {
  [ -n "$PAYARA_PID" ] && kill "$PAYARA_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$VARNISH_PID" ] && kill "$VARNISH_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# The honest reference: a servlet in a WAR of its own on the same server, which pays none of the CMS's per-request
# costs (its filters, listeners, security mechanism) that /bench/bare inside the CMS's WAR pays.
API_JAR=$(find ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api -name 'jakarta.jakartaee-api-10*.jar' | head -1)
mkdir -p "$WORK/bare/WEB-INF/classes"
javac -d "$WORK/bare/WEB-INF/classes" -cp "$API_JAR" "$HERE/bare/BareServlet.java"
(cd "$WORK/bare" && jar cf "$WORK/bare.war" WEB-INF)
export EXTRA_DEPLOY="--deploy $WORK/bare.war"

# shellcheck source=bench/payara.sh
. "$HERE/payara.sh"
start_server() {
  start_payara "$WORK" "$PORT" "$CLUSTER_PORT" -Xms"${BENCH_HEAP:-512m}" -Xmx"${BENCH_HEAP:-512m}" "$@" \
    -Dcms.data.dir="$WORK/data" -Dcms.demo=true -Dcms.bench=true -Dcms.base-url="$B/" \
    -Dcms.purge-urls="http://127.0.0.1:$VARNISH_PORT/"
}
stop_server() { kill "$PAYARA_PID"; wait "$PAYARA_PID" 2>/dev/null || true; PAYARA_PID=; }

# The first start also writes the class-data archive the Launcher keeps for each node (its first stop writes it,
# its later starts load from it): pages are asked for so that their classes are in it too.
CLASSES=$WORK/classes.jsa
echo "== creating the schema and demo content, and the class-data archive"
start_server -XX:ArchiveClassesAtExit="$CLASSES.new" -Xlog:cds=off -Xlog:cds+dynamic=off
for page in / /categories/zhongyi "/search?q=%E9%92%88%E7%81%B8" /feed.xml /sitemap.xml; do curl -s -o /dev/null "$B$page"; done
stop_server
java -Xshare:on -XX:SharedArchiveFile="$CLASSES.new" -cp target/payara/payara-micro.jar -version >/dev/null 2>&1 \
  && mv "$CLASSES.new" "$CLASSES" || { echo "   the class-data archive did not map: the cold starts go without it"; rm -f "$CLASSES.new"; }
echo "== loading $N articles"
T0=$(date +%s)
java -cp "$H2_JAR" "$HERE/BulkLoad.java" "jdbc:h2:file:$WORK/data/cms;MODE=LEGACY" cms cms-embedded "$N"
echo "   in $(( $(date +%s) - T0 )) s"
echo "== a cold start without the class-data archive (a fresh JVM on $N articles, as a node's first start)"
T0=$(date +%s.%N)
start_server
COLD_PLAIN=$(awk -v a="$T0" -v r="$(date +%s.%N)" 'BEGIN { printf "%.1f", r-a }')
echo "   to ready $COLD_PLAIN s"
stop_server
echo "== starting the benchmark server (cold: a fresh JVM on $N articles, with the class-data archive)"
T0=$(date +%s.%N)
if [ -f "$CLASSES" ]; then start_server -XX:SharedArchiveFile="$CLASSES" -Xlog:cds=off -Xlog:cds+dynamic=off; else start_server; fi
T_READY=$(date +%s.%N)
for _ in $(seq 1 1200); do
  curl -s "$B/bench/status" | grep -q '"indexReady":true' && break; sleep 0.2
done
T_INDEX=$(date +%s.%N)
echo "   $(curl -s "$B/bench/status")"
COLD=$(awk -v a="$T0" -v r="$T_READY" -v i="$T_INDEX" -v p="$COLD_PLAIN" 'BEGIN { printf "cold start to ready %.1f s (target <= 20; %.1f s without the class-data archive), to a complete search index %.1f s", r-a, p, i-a }')
echo "   $COLD; resident memory now $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$PAYARA_PID/status)"
if [ "${BENCH_COLD_ONLY:-}" = 1 ]; then exit 0; fi

ARTICLE=/articles/bench-$(( N / 2 ))
curl -sf "$B$ARTICLE" -o "$WORK/www/article.html"
curl -sf -X PUT --data-binary "@$WORK/www/article.html" "$B/bench/bare"
curl -sf -X PUT --data-binary "@$WORK/www/article.html" "$B/bare/"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; gzip_static on; location / { default_type text/html; } }
}
NGINX
# The same gzip bytes the CMS stores (readers' browsers ask for gzip), for the rows through Varnish.
curl -sf -H 'Accept-Encoding: gzip' "$B$ARTICLE" -o "$WORK/www/article.html.gz"
chmod -R a+rX "$WORK/www"
nginx -c "$WORK/nginx.conf" & NGINX_PID=$!
# Varnish with the shipped VCL, its backend this CMS (which purges it: -Dcms.purge-urls above).
sed -e 's/.host = "cms";/.host = "127.0.0.1";/' -e "s/.port = \"8080\";/.port = \"$PORT\";/" \
  "$ROOT/docker/varnish/default.vcl" > "$WORK/default.vcl"
# With the log mask docker/varnish/Dockerfile gives it.
varnishd -F -j none -n "$WORK/varnish" -a "127.0.0.1:$VARNISH_PORT" -f "$WORK/default.vcl" -s malloc,256m \
  -p vsl_mask="$(sed -n 's/^ENV VARNISH_LOG_MASK=//p' "$ROOT/docker/varnish/Dockerfile")" \
  -T 127.0.0.1:0 > "$WORK/varnishd.log" 2>&1 & VARNISH_PID=$!
for _ in $(seq 1 60); do
  varnishadm -n "$WORK/varnish" backend.list 2>/dev/null | grep -q healthy && break; sleep 1
done
varnishadm -n "$WORK/varnish" backend.list | grep -q healthy || { echo "Varnish's backend is not healthy"; cat "$WORK/varnishd.log"; exit 1; }
V=http://127.0.0.1:$VARNISH_PORT

# Lua: search queries and uncached article URLs, one after another per request.
cat > "$WORK/search.lua" <<'LUA'
local q = {"%E9%92%88%E7%81%B8", "%E5%BA%B7%E5%A4%8D%E8%AE%AD%E7%BB%83", "%E8%A1%80%E6%B6%B2%E5%BE%AA%E7%8E%AF",
           "%E9%A5%AE%E9%A3%9F+%E6%B8%85%E6%B7%A1", "%E9%BA%BB%E6%9C%A8", "%E9%AA%A8%E6%8A%98", "%E6%88%92%E7%83%9F",
           "%E7%9D%A1%E7%9C%A0+%E4%BF%AE%E5%A4%8D"}
local i = 0
request = function() i = i + 1; return wrk.format("GET", "/search?q=" .. q[(i % #q) + 1]) end
LUA
# A new question each time: three words of the bench's texts, drawn at random (tens of thousands of combinations,
# each matching most articles), so nothing is answered from the results a node keeps between changes.
python3 - "$WORK/search-new.lua" <<'PY'
import sys, urllib.parse
words = "作息 恢复 症状 就诊 运动 血液 循环 饮食 清淡 蔬菜 水果 药物 剂量 疗程 老年人 慢性病 复查 热敷 肌肉 紧张 针灸 治疗 医生 康复 训练 疲劳 情绪 戒烟 限酒 麻木 无力 神经 推拿 按摩 骨折 损伤 家属 患者 睡眠 修复 中药 辨证 久坐 活动 热身 放松".split()
with open(sys.argv[1], "w") as f:
    f.write("local w = {" + ", ".join('"%s"' % urllib.parse.quote(w) for w in words) + "}\n")
    # Each wrk thread its own sequence: with one seed for all, the second thread asked what the first just had.
    f.write('local threads = 0\nfunction setup(thread) threads = threads + 1; thread:set("id", threads) end\n')
    f.write("function init(args) math.randomseed(42 + id) end\n")
    f.write('request = function() return wrk.format("GET", "/search?q=" .. w[math.random(#w)] .. "+" .. w[math.random(#w)] .. "+" .. w[math.random(#w)]) end\n')
PY
# Warming up on other questions than those measured: each is new when measured.
sed 's/42 + id/1000 + id/' "$WORK/search-new.lua" > "$WORK/search-new-warm.lua"
cat > "$WORK/articles.lua" <<LUA
local i = 0
request = function() i = i + 1; return wrk.format("GET", "/articles/bench-" .. ((i * 7919) % $N + 1)) end
LUA
# A thousand different article pages, all stored once warm: what a publication does to a whole site's store.
SITE_PAGES=$(( N < 1000 ? N : 1000 ))
cat > "$WORK/site.lua" <<LUA
local i = 0
request = function() i = i + 1; return wrk.format("GET", "/articles/bench-" .. ((i * 7919) % $SITE_PAGES + 1)) end
LUA

RESULTS=()
run() { # name url [lua|gzip]
  local name=$1 url=$2 script=${3:-}
  local out
  if [ "$script" = gzip ]; then out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$url")
  elif [ -n "$script" ]; then out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url"); else
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$url"); fi
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  max=$(echo "$out" | awk '$1=="Latency" {print $4}')
  RESULTS+=("$name|$rps|$p50|$p99|${errors:-0}|$max")
  printf '   %-34s %10s req/s  p50 %8s  p99 %8s  max %8s  non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "$max" "${errors:-0}"
}

echo "== warming up (the JIT needs a minute: C2 is still compiling after 30 s), load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
WARM=${BENCH_WARMUP:-20s}
wrk -t2 -c16 -d"$WARM" -s "$WORK/articles.lua" "$B" >/dev/null
for url in "$B$ARTICLE" "$B/bench/bare" "$B/bare/" "$B/" "$B/categories/zhongyi"; do wrk -t2 -c16 -d"$WARM" "$url" >/dev/null; done
wrk -t2 -c16 -d"$WARM" -s "$WORK/search.lua" "$B" >/dev/null
wrk -t2 -c16 -d"$WARM" -s "$WORK/search-new-warm.lua" "$B" >/dev/null
wrk -t2 -c16 -d"$WARM" -s "$WORK/site.lua" "$B" >/dev/null
# A busy portal publishes all day: the publishing path is warmed up too, or the rows while publishing would measure
# the JIT compiling it. Measured on one node (CPU time of the server's threads over 30 publications a second apart):
# 330 ms a publication soon after the start, two thirds of it in the C2 compiler; 100 ms after 300 more, and no
# less after 600. So 300 are published first (BENCH_PUBLISH_WARMUP), five a second; they stay, beside the ARTICLES.
PUBLISH_WARM=${BENCH_PUBLISH_WARMUP:-300}
timeout 600 python3 "$HERE/publisher.py" "$B" 5 "$PUBLISH_WARM" > "$WORK/publisher-warmup.log" 2>&1 || true
echo "   publishing warmed up: $(cat "$WORK/publisher-warmup.log")"
wrk -t2 -c16 -d5s "http://127.0.0.1:$NGINX_PORT/article.html" >/dev/null
wrk -t2 -c16 -d5s -H 'Accept-Encoding: gzip' "$V$ARTICLE" >/dev/null
wrk -t2 -c16 -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT/article.html" >/dev/null

# The server's resident memory, sampled every second while it is measured; the highest is reported, with how much
# of it was the process's own (anonymous) memory and how much mapped files (mostly the search index's, pages the
# kernel shares with its page cache).
( while kill -0 "$PAYARA_PID" 2>/dev/null; do
    awk '/^VmRSS/ {r=$2} /^RssAnon/ {a=$2} /^RssFile/ {f=$2} END {print r, a, f}' "/proc/$PAYARA_PID/status"; sleep 1
  done ) > "$WORK/rss.log" 2>/dev/null &
RSS_PID=$!
echo "== measuring ($DURATION each, $CONNECTIONS connections, $(wc -c < "$WORK/www/article.html") byte article page)"
# The ratios against a reference are measured in turns, BENCH_ROUNDS rounds (default 3), so that whatever else the
# machine does falls on both sides alike; each ratio is the median of its rounds' ratios.
ROUNDS=${BENCH_ROUNDS:-3}
for i in $(seq 1 "$ROUNDS"); do
  run "article, cached #$i" "$B$ARTICLE"
  run "bare WAR, same bytes #$i" "$B/bare/"
  run "article through Varnish, gzip #$i" "$V$ARTICLE" gzip
  run "nginx, same gzip bytes (gzip_static) #$i" "http://127.0.0.1:$NGINX_PORT/article.html" gzip
done
# Varnish gives each connection a thread while it is busy, and every request wakes that thread (the kernel's
# context switch was a fifth of varnishd's time under perf); nginx's two event loops serve many ready connections a
# wake-up. So the ratio falls as connections rise: measured here from the same gzip bytes, in turns.
SWEEP=()
for c in ${BENCH_VARNISH_SWEEP:-4 8 16 32 64 128}; do
  v=$(wrk -t2 -c"$c" -d"${BENCH_SWEEP_DURATION:-5s}" -H 'Accept-Encoding: gzip' "$V$ARTICLE" | awk '/Requests\/sec/ {print $2}')
  g=$(wrk -t2 -c"$c" -d"${BENCH_SWEEP_DURATION:-5s}" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT/article.html" | awk '/Requests\/sec/ {print $2}')
  SWEEP+=("$(awk -v c="$c" -v v="$v" -v g="$g" 'BEGIN { printf "%d: %.2f (%.0f / %.0f)", c, v/g, v, g }')")
  echo "   article through Varnish / nginx, same gzip bytes, ${SWEEP[-1]}"
done
run "bare servlet in the CMS's WAR" "$B/bench/bare"
run "nginx, same bytes as a file" "http://127.0.0.1:$NGINX_PORT/article.html"
run "home, cached" "$B/"
run "category, cached" "$B/categories/zhongyi"
run "search (8 popular queries)" "$B" "$WORK/search.lua"
run "search, a new 3-word query each time" "$B" "$WORK/search-new.lua"
# Publishing must not collapse reading: every publish changes the newest lists on every page.
# In turns too, each publishing round beside an idle one. Measured once against the idle rounds at the start, the
# ratio also measured whatever the host did in between: 0.74 at 100,000 articles in one run, where the adjacent pair
# of rows below (a thousand pages, idle then publishing) gave 0.92.
for i in $(seq 1 "$ROUNDS"); do
  run "article, cached, idle #$i" "$B$ARTICLE"
  python3 "$HERE/publisher.py" "$B" 1 > "$WORK/publisher.log" 2>&1 & PUBLISHER_PID=$!
  run "article, cached, one publish a second #$i" "$B$ARTICLE"
  kill "$PUBLISHER_PID"; wait "$PUBLISHER_PID" 2>/dev/null || true
  echo "   $(cat "$WORK/publisher.log")"
done
run "$SITE_PAGES article pages, cached" "$B" "$WORK/site.lua"
python3 "$HERE/publisher.py" "$B" 1 > "$WORK/publisher-site.log" 2>&1 & PUBLISHER_PID=$!
run "$SITE_PAGES article pages, one publish a second" "$B" "$WORK/site.lua"
kill "$PUBLISHER_PID"; wait "$PUBLISHER_PID" 2>/dev/null || true
echo "   $(cat "$WORK/publisher-site.log")"
python3 "$HERE/publisher.py" "$B" 1 > "$WORK/publisher-varnish.log" 2>&1 & PUBLISHER_PID=$!
run "article through Varnish, one publish a second" "$V$ARTICLE" gzip
kill "$PUBLISHER_PID"; wait "$PUBLISHER_PID" 2>/dev/null || true
echo "   $(cat "$WORK/publisher-varnish.log")"
curl -sf -X POST "$B/bench/page-cache?enabled=false"
# Renders keep getting faster for a minute or more: the JIT, and the database's pages of 100,000 articles warming.
wrk -t2 -c16 -d"${BENCH_UNCACHED_WARMUP:-60s}" -s "$WORK/articles.lua" "$B" >/dev/null
if [ -n "${BENCH_WORDPRESS:-}" ]; then
  # WordPress's published posts, in the same spread as the CMS's articles; its own page cache is none (as installed).
  WP_IDS=$(mysql -uroot -N -e "SELECT ID FROM wpbench.wp_posts WHERE post_status='publish' AND post_type='post' ORDER BY ID" | tr '\n' ',' | sed 's/,$//')
  printf 'local ids = {%s}\nlocal i = 0\nrequest = function() i = i + 1; return wrk.format("GET", "/?p=" .. ids[(i * 7919) %% #ids + 1]) end\n' \
    "$WP_IDS" > "$WORK/wordpress.lua"
  wrk -t2 -c16 -d10s -s "$WORK/wordpress.lua" "$BENCH_WORDPRESS" >/dev/null
  # In turns too, as the ratios above: the uncached render varied by a third from one run to the next here.
  for i in $(seq 1 "$ROUNDS"); do
    run "article, uncached render ($N articles) #$i" "$B" "$WORK/articles.lua"
    run "WordPress 6.1 article, uncached #$i" "$BENCH_WORDPRESS" "$WORK/wordpress.lua"
  done
else
  run "article, uncached render ($N articles) #1" "$B" "$WORK/articles.lua"
fi
curl -sf -X POST "$B/bench/page-cache?enabled=true"

kill "$RSS_PID" 2>/dev/null || true
RSS_MAX=$(sort -n "$WORK/rss.log" | tail -1); RSS_MAX=${RSS_MAX:-0 0 0}
RSS_PARTS=$(echo "$RSS_MAX" | awk '{printf "%d MB anonymous, %d MB mapped files", $2/1024, $3/1024}')

rps_of() { for r in "${RESULTS[@]}"; do if [[ $r == "$1|"* ]]; then echo "$r" | cut -d'|' -f2; fi; done; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
median_rps() { for i in $(seq 1 "$ROUNDS"); do rps_of "$1 #$i"; done | median; }
median_ratio() { for i in $(seq 1 "$ROUNDS"); do echo "$(rps_of "$1 #$i") $(rps_of "$2 #$i")"; done \
  | awk '{ printf "%.4f\n", $1 / $2 }' | median; }
CACHED=$(median_rps "article, cached"); BARE=$(median_rps "bare WAR, same bytes"); INWAR=$(rps_of "bare servlet in the CMS's WAR")
NGX=$(rps_of "nginx, same bytes as a file")
VARNISH=$(median_rps "article through Varnish, gzip")
VARNISH_PUB=$(rps_of "article through Varnish, one publish a second")
echo
echo "| page ($N articles) | requests/s | p50 | p99 | max |"
echo "|---|---:|---:|---:|---:|"
for r in "${RESULTS[@]}"; do IFS='|' read -r n rps p50 p99 _ max <<< "$r"; echo "| $n | $rps | $p50 | $p99 | $max |"; done
echo
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg) (anything else running on the 2 cores skews every figure)"
SITE_IDLE=$(rps_of "$SITE_PAGES article pages, cached"); SITE_PUB=$(rps_of "$SITE_PAGES article pages, one publish a second")
# wrk prints latencies as 412.00us, 38.43ms or 1.20s.
ms_of_field() { for r in "${RESULTS[@]}"; do if [[ $r == "$1|"* ]]; then echo "$r" | cut -d'|' -f"$2" \
  | awk '/us$/ {print $0/1000; next} /ms$/ {print $0+0; next} /s$/ {print $0*1000}'; fi; done; }
awk -v r="$(median_ratio "article, cached, one publish a second" "article, cached, idle")" \
  -v w="$(for i in $(seq 1 "$ROUNDS"); do ms_of_field "article, cached, one publish a second #$i" 6; done | sort -g | tail -1)" \
  'BEGIN { printf "cached article while publishing / idle = %.2f (target >= 0.8; median of the rounds, each beside an idle one); worst latency while publishing %.1f ms\n", r, w }'
awk -v c="$SITE_IDLE" -v p="$SITE_PUB" -v n="$SITE_PAGES" 'BEGIN { printf "%d cached article pages while publishing / idle = %.2f\n", n, p/c }'
awk -v r="$(median_ratio "article, cached" "bare WAR, same bytes")" -v b="$BARE" -v w="$INWAR" -v c="$CACHED" -v n="$NGX" 'BEGIN { printf "cached article / bare WAR = %.2f (target >= 0.8; median of the rounds); bare servlet in the CMS WAR / bare WAR = %.2f; cached article / nginx = %.2f\n", r, w/b, c/n }'
awk -v r="$(median_ratio "article through Varnish, gzip" "nginx, same gzip bytes (gzip_static)")" -v v="$VARNISH" -v p="$VARNISH_PUB" 'BEGIN { printf "article through Varnish / nginx, same gzip bytes = %.2f (target >= 0.9; median of the rounds); through Varnish while publishing / idle = %.2f\n", r, p/v }'
echo "article through Varnish / nginx by connections (requests/s through Varnish / nginx): $(IFS=';'; echo "${SWEEP[*]}" | sed 's/;/; /g')"
ms_of() { ms_of_field "$1" 3; }
awk -v s="$(ms_of "search (8 popular queries)")" -v n="$(ms_of "search, a new 3-word query each time")" \
  -v r="$(for i in $(seq 1 "$ROUNDS"); do ms_of "article, uncached render ($N articles) #$i"; done | median)" \
  'BEGIN { printf "search p50 %.1f ms (8 popular queries; %.1f ms for a new query each time), uncached article render p50 %.1f ms (target: search <= render)\n", s, n, r }'
if [ -n "${BENCH_WORDPRESS:-}" ]; then
  awk -v r="$(median_ratio "article, uncached render ($N articles)" "WordPress 6.1 article, uncached")" \
    'BEGIN { printf "uncached article render / WordPress uncached = %.1f (target >= 20; median of the rounds)\n", r }'
fi
echo "$COLD; highest resident memory under the benchmark $(( ${RSS_MAX%% *} / 1024 )) MB ($RSS_PARTS; target <= 1024; heap -Xmx${BENCH_HEAP:-512m})"
