#!/usr/bin/env python3
"""Two Payara Micro nodes, one database: a change made on one node shows on both at once (bench/two-nodes.sh runs it)."""
import json, urllib.request, base64, re, sys, time
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
a = json.loads(call(A1, "/api/articles", "editor", {"title": "two nodes " + tag, "summary": "s1", "body": "<p>firstword" + tag + "</p>", "categoryId": cat})[1])
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
call(A1, f"/api/articles/{i}", "editor", {"title": "two nodes v2 " + tag, "summary": "s2", "body": "<p>secondword" + tag + "</p>", "categoryId": cat, "version": v}, "PUT")
t("editor", "submit"); t("reviewer", "approve")
show("v2 in review", "secondword" + tag)
t("editor", "publish")
show("v2 live (published on :8181)", "secondword" + tag)
t("editor", "unpublish", A2)
show("unpublished on :8182", "secondword" + tag)
