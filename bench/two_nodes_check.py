#!/usr/bin/env python3
"""Two Payara Micro nodes, one database: a change made on one node shows on both at once, and the overdue-review
policy is applied once per article with both nodes' timers running (bench/two-nodes.sh runs it)."""
import json, urllib.request, base64, re, subprocess, sys, time
A1, A2 = "http://127.0.0.1:8181", "http://127.0.0.1:8182"
def call(base, path, user=None, data=None, method=None):
    req = urllib.request.Request(base + path, data=None if data is None else json.dumps(data).encode(), method=method)
    if user: req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{user}-demo".encode()).decode())
    if data is not None: req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req) as r: return r.status, r.read().decode()
    except urllib.error.HTTPError as e: return e.code, e.read().decode()
cat = [c for c in json.loads(call(A1, "/api/categories", "editor")[1]) if c["slug"] == "zhenci-liaofa"][0]["id"]
tag = str(int(time.time()))
# What review needs besides the text.
EXTRA = {"source": "编辑部", "byline": "李编辑", "audience": "成年读者",
         "references": [{"title": "针灸学", "publisher": "人民卫生出版社", "year": 2021}]}
a = json.loads(call(A1, "/api/articles", "editor", {"title": "two nodes " + tag, "summary": "s1", "body": "<p>firstword" + tag + "</p>", "categoryId": cat, **EXTRA})[1])
i, slug = a["id"], a["slug"]
t = lambda who, act, base=A1: json.loads(call(base, f"/api/articles/{i}/transitions", who, {"action": act})[1])
t("editor", "submit"); t("reviewer", "approve"); t("editor", "publish")
def show(label, q):
    for n in (A1, A2):
        s, body = call(n, "/articles/" + slug)
        h1 = re.search(r'<h1 class="title">([^<]*)', body)
        found = re.search(r"共找到 (\d+) 篇", call(n, "/search?q=" + q)[1])
        print(label, n[-4:], s, h1.group(1) if h1 else "-", "search:", found.group(1) if found else "?")
show("v1 live   ", "firstword" + tag)
v = json.loads(call(A1, f"/api/articles/{i}", "editor")[1])["version"]
call(A1, f"/api/articles/{i}", "editor", {"title": "two nodes v2 " + tag, "summary": "s2", "body": "<p>secondword" + tag + "</p>", "categoryId": cat, "version": v, **EXTRA}, "PUT")
t("editor", "submit"); t("reviewer", "approve")
show("v2 in review", "secondword" + tag)
t("editor", "publish")
show("v2 live (published on :8181)", "secondword" + tag)
t("editor", "unpublish", A2)
show("unpublished on :8182", "secondword" + tag)

# The overdue-review policy with both nodes' timers running: each article handled once, pages right on both nodes.
H2_JAR, DB_URL = sys.argv[1], sys.argv[2]
def sql(statement):
    subprocess.run(["java", "-cp", H2_JAR, "org.h2.tools.Shell", "-url", DB_URL, "-user", "cms", "-password",
                    "cms-embedded", "-sql", statement], check=True, capture_output=True)
def publish(title):
    art = json.loads(call(A1, "/api/articles", "editor", {"title": title, "summary": "s", "body": "<p>b</p>", "categoryId": cat, **EXTRA})[1])
    for who, act in (("editor", "submit"), ("reviewer", "approve"), ("editor", "publish")):
        call(A1, f"/api/articles/{art['id']}/transitions", who, {"action": act})
    return art
def count(art_id, action):
    return sum(1 for e in json.loads(call(A1, f"/api/articles/{art_id}/audit", "editor")[1]) if e["action"] == action)
def wait(what, check, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if check(): return True
        time.sleep(0.5)
    print("TIMEOUT:", what); return False
overdue = [publish(f"overdue {k} {tag}") for k in range(4)]
sql("UPDATE article SET next_review_due = TIMESTAMP '2020-01-01 00:00:00' WHERE id IN (%s)" % ",".join(str(o["id"]) for o in overdue))
wait("banner on every overdue article", lambda: all(count(o["id"], "review-overdue") >= 1 for o in overdue))
time.sleep(5)  # several more ticks of both timers: nothing may be applied twice
print("banner policy: review-overdue events per article", [count(o["id"], "review-overdue") for o in overdue])
for n in (A1, A2):
    print("banner notice on", n[-4:], all("超过计划复审日期" in call(n, "/articles/" + o["slug"])[1] for o in overdue))
print("noindex chosen on :8182", call(A2, "/api/review-policy", "admin", {"overdue": "noindex"}, "PUT")[0])
for n in (A1, A2):
    print("robots noindex on", n[-4:], all('content="noindex"' in call(n, "/articles/" + o["slug"])[1] for o in overdue),
          "in sitemap:", sum(o["slug"] + "<" in call(n, "/sitemap.xml")[1] for o in overdue))
print("unpublish chosen on :8181", call(A1, "/api/review-policy", "admin", {"overdue": "unpublish"}, "PUT")[0])
wait("every overdue article offline", lambda: all(call(n, "/articles/" + o["slug"])[0] == 410 for o in overdue for n in (A1, A2)))
time.sleep(5)
print("unpublish policy: unpublish events per article", [count(o["id"], "unpublish") for o in overdue])
for n in (A1, A2):
    print("status on", n[-4:], [call(n, "/articles/" + o["slug"])[0] for o in overdue])
print("banner restored", call(A2, "/api/review-policy", "admin", {"overdue": "banner"}, "PUT")[0])
print("audit chain", call(A1, "/api/audit/verify", "admin")[1])
