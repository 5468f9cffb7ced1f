#!/usr/bin/env python3
"""Benchmark load only: an editor and a reviewer publishing one new article a second through the API, until killed.

Usage: bench/publisher.py BASE_URL [PER_SECOND [COUNT]]   (demo accounts; prints how many it published when stopped,
or after COUNT articles)
"""
import base64, json, signal, sys, time, urllib.request

base = sys.argv[1].rstrip('/')
rate = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
count = int(sys.argv[3]) if len(sys.argv) > 3 else None
published = 0


def call(user, method, path, body=None):
    auth = base64.b64encode(f"{user}:{user}-demo".encode()).decode()
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": "Basic " + auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def stop(*_):
    print(f"published {published} articles", flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
# A category the demo reviewer may approve in: that of an article already there.
category_id = call("editor", "GET", "/api/articles?size=1")["items"][0]["categoryId"]
next_at = time.monotonic()
n = 0
while count is None or published < count:
    n += 1
    article = call("editor", "POST", "/api/articles", {
        "title": f"发布中的阅读测试 {int(time.time())}-{n}", "summary": "边发布边阅读的基准测试文章。",
        "body": "<h2>1、要点</h2><p>适度运动可以改善局部血液循环。</p>", "categoryId": category_id,
        "source": "基准测试", "byline": "测试编辑", "audience": "成年读者",
        "references": [{"title": "针灸学", "publisher": "人民卫生出版社", "year": 2021}]})
    for user, action in (("editor", "submit"), ("reviewer", "approve"), ("editor", "publish")):
        call(user, "POST", f"/api/articles/{article['id']}/transitions", {"action": action})
    published += 1
    next_at += 1.0 / rate
    time.sleep(max(0.0, next_at - time.monotonic()))
stop()
