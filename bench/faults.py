#!/usr/bin/env python3
"""The fault suite's driver (bench/faults.sh builds the WAR and runs this; stdlib only).

Starts its own MariaDB (own data directory, port and socket) and N CMS nodes on 127.0.0.1 sharing it, runs a mixed
load (wrk and Python readers on the public pages of every node, editors and reviewers walking articles through the
workflow over the API on random nodes, two editors racing on one article from two nodes), injects faults (the
database killed and restarted, a node killed with SIGKILL and restarted, a node restarted with a wrong member list
so that it forms a data grid of its own), then checks in the database that every acknowledged write is there,
that no scheduled revision was published twice, and that the audit chain verifies. Prints a table.

Every wait has a deadline; every process it starts runs in its own process group, listed in WORK/pids for
faults.sh's trap, and is ended when this script ends, however it ends.
"""
import base64
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timedelta, timezone


def env(name, default):
    value = os.environ.get(name)
    return type(default)(value) if value not in (None, "") else default


ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = env("FAULTS_DIR", "/tmp/cms-faults")
DURATION = env("FAULTS_DURATION", 180)          # seconds of load at least; the faults may stretch it
NODES = env("FAULTS_NODES", 3)                  # 2 or 3
HTTP_PORT = env("FAULTS_HTTP_PORT", 8271)       # nodes listen on HTTP_PORT, HTTP_PORT+1, ...
GRID_PORT = env("FAULTS_GRID_PORT", 6971)       # data grid ports GRID_PORT, GRID_PORT+1, ...
DB_PORT = env("FAULTS_DB_PORT", 3407)
DB_OUTAGE = env("FAULTS_DB_OUTAGE", 15)         # seconds the database stays dead
DB_STOP_SIGNAL = env("FAULTS_DB_SIGNAL", "KILL")  # KILL (a crash) or TERM (an orderly shutdown)
NODE_DOWN = env("FAULTS_NODE_DOWN", 10)         # seconds a killed node stays dead
RECOVERY_GRACE = env("FAULTS_RECOVERY_GRACE", 10)  # after the database is back: counted apart from "outside"
STALE_DEADLINE = env("FAULTS_STALE_DEADLINE", 60)  # how long a withdrawn page is watched for at most
EDITORS = env("FAULTS_EDITORS", 3)              # concurrent editor threads
WRK_CONNECTIONS = env("FAULTS_WRK_CONNECTIONS", 2)  # per node
WRK_DELAY_MS = env("FAULTS_WRK_DELAY_MS", 20)   # pause of each wrk connection between requests
SEED = env("FAULTS_SEED", int(time.time()))
HEAP = env("FAULTS_HEAP", "640m")
START = env("FAULTS_START", "jar")             # jar: payara-micro.jar's own flags; launcher: the README's Launcher
JAR = os.path.join(ROOT, "target/payara/payara-micro.jar")
WAR = os.path.join(ROOT, "target/cms.war")
DB_NAME, DB_USER, DB_PASSWORD = "cms_faults", "cms", "faults-password"
DB_SOCKET = os.path.join(WORK, "mariadb.sock")
DB_URL = (f"jdbc:mysql://127.0.0.1:{DB_PORT}/{DB_NAME}?useUnicode=true&characterEncoding=UTF-8"
          "&sslMode=DISABLED")
CLUSTER = f"cms-faults-{GRID_PORT}"
RUN = "%x" % (SEED % 0xFFFFF)   # in every title, slug and search word this run makes
random.seed(SEED)
T0 = time.time()


def log(*parts):
    print("[%6.1f] %s" % (time.time() - T0, " ".join(str(p) for p in parts)), flush=True)


# ---------------------------------------------------------------------------------------------- processes

class Processes:
    """Children in their own process groups, so that a signal to this script's group never reaches them half-way
    and a kill of the group takes a child's own children along."""

    def __init__(self):
        self.lock = threading.Lock()
        self.running = {}

    def spawn(self, name, command, logfile, extra_env=None):
        out = open(logfile, "ab")
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, env={**os.environ, **(extra_env or {})})
        out.close()
        with self.lock:
            self.running[name] = process
            self._write()
        return process

    def signal(self, name, sig, wait=30):
        with self.lock:
            process = self.running.get(name)
        if process is None:
            return
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=30)
        with self.lock:
            if self.running.get(name) is process:
                del self.running[name]
            self._write()

    def alive(self, name):
        with self.lock:
            process = self.running.get(name)
        return process is not None and process.poll() is None

    def stop_all(self):
        for name in list(self.running):
            self.signal(name, signal.SIGTERM, wait=20)

    def _write(self):
        with open(os.path.join(WORK, "pids"), "w") as f:
            for name, p in self.running.items():
                f.write(f"{p.pid} {name}\n")


PROCS = Processes()


def port_open(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_for(what, check, seconds, step=0.5):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if check():
            return True
        time.sleep(step)
    raise RuntimeError(f"{what}: not within {seconds} s")


# ---------------------------------------------------------------------------------------------- the database

def login_name():
    import pwd
    return pwd.getpwuid(os.getuid()).pw_name  # os.getlogin() fails without a terminal


def mariadb_client(*args):
    return ["mariadb", "--no-defaults", "-S", DB_SOCKET, "-uroot", "--default-character-set=utf8mb4", *args]


def db_init():
    data = os.path.join(WORK, "mariadb")
    subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={data}", f"--user={login_name()}",
                    "--auth-root-authentication-method=normal", "--skip-test-db"],
                   check=True, stdout=open(os.path.join(WORK, "mariadb-install.log"), "w"),
                   stderr=subprocess.STDOUT, timeout=120)
    db_start()
    sql(f"CREATE DATABASE {DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
        f" CREATE USER '{DB_USER}'@'127.0.0.1' IDENTIFIED BY '{DB_PASSWORD}';"
        f" GRANT ALL ON {DB_NAME}.* TO '{DB_USER}'@'127.0.0.1';", database=None)


def db_start():
    """mariadbd on its own port, socket and data directory, as the current user; the machine's own server and its
    configuration files (--no-defaults) are never touched."""
    PROCS.spawn("mariadb", ["mariadbd", "--no-defaults", f"--datadir={os.path.join(WORK, 'mariadb')}",
                            f"--socket={DB_SOCKET}", f"--port={DB_PORT}", "--bind-address=127.0.0.1",
                            f"--user={login_name()}", f"--pid-file={os.path.join(WORK, 'mariadb.pid')}",
                            f"--log-error={os.path.join(WORK, 'mariadb.err')}", "--skip-name-resolve",
                            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                            "--innodb-buffer-pool-size=256M", "--max-connections=500"],
                os.path.join(WORK, "mariadb.out"))
    wait_for("MariaDB answering", lambda: subprocess.run(
        ["mariadb-admin", "--no-defaults", "-S", DB_SOCKET, "-uroot", "ping"], capture_output=True).returncode == 0,
        90)


def db_stop():
    PROCS.signal("mariadb", getattr(signal, "SIG" + DB_STOP_SIGNAL), wait=60)


def sql(statement, database=DB_NAME):
    """Rows of tab-separated values, as the mariadb client prints them in batch mode."""
    args = ["-N", "-B", "-e", statement] + ([database] if database else [])
    out = subprocess.run(mariadb_client(*args), check=True, capture_output=True, timeout=60).stdout.decode()
    return [line.split("\t") for line in out.splitlines() if line]


# ---------------------------------------------------------------------------------------------- the nodes

class Node:
    def __init__(self, index):
        self.name = f"n{index + 1}"
        self.port = HTTP_PORT + index
        self.grid = GRID_PORT + index
        self.up = False
        self.starts = 0

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"


def start_node(node, members):
    """The one place that starts a CMS node: HTTP on node.port, its data grid on node.grid with the given member
    ports, on the shared MariaDB, in a process group of its own (a kill of the group takes the Launcher's child
    too). FAULTS_START=jar runs payara-micro.jar with its cluster flags, as bench/two-nodes.sh does;
    FAULTS_START=launcher runs the Launcher the README documents, configured only through environment variables
    (CMS_PORT, CMS_CLUSTER_PORT, CMS_CLUSTER_MEMBERS, CMS_DB_*)."""
    node.starts += 1
    root = os.path.join(WORK, node.name, "root")
    shutil.rmtree(root, ignore_errors=True)  # a reused root directory redeploys the old WAR first
    os.makedirs(root)
    member_list = ",".join(f"127.0.0.1:{p}" for p in members)
    logfile = os.path.join(WORK, node.name, "server.log")
    with open(logfile, "ab") as f:
        f.write(f"\n==== start {node.starts} at {time.time() - T0:.1f} s, grid {node.grid}, members {member_list}\n"
                .encode())
    if START == "launcher":
        PROCS.spawn(node.name, ["java", "-cp", os.path.join(ROOT, "target/classes"),
                                "org.healthportal.cms.platform.launch.Launcher", JAR, WAR, "127.0.0.1", str(node.port),
                                root], logfile,
                    {"CMS_PORT": str(node.port), "CMS_CLUSTER_PORT": str(node.grid), "CMS_CLUSTER_MEMBERS": member_list,
                     "CMS_DB_URL": DB_URL, "CMS_DB_USER": DB_USER, "CMS_DB_PASSWORD": DB_PASSWORD, "CMS_DEMO": "true",
                     "CMS_SCHEDULER_INTERVAL": "1", "CMS_SITE_CHANGE_POLL": "PT2S",
                     "CMS_JAVA_OPTIONS": f"-Xmx{HEAP} -XX:+UseSerialGC"})
        return
    preboot = os.path.join(WORK, node.name, "preboot.txt")
    with open(preboot, "w") as f:
        f.write("set configs.config.server-config.network-config.network-listeners.network-listener"
                ".http-listener.address=127.0.0.1\n"
                "set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true\n")
    command = ["java", f"-Xmx{HEAP}", "-Xss1m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC",
               "-Dhazelcast.socket.bind.any=false", f"-Dcms.db.url={DB_URL}", f"-Dcms.db.user={DB_USER}",
               f"-Dcms.db.password={DB_PASSWORD}", "-Dcms.demo=true", "-Dcms.bind-address=127.0.0.1",
               "-Dcms.scheduler.interval=1", "-Dcms.site.change-poll=PT2S", f"-Dcms.base-url={node.base}/",
               "-jar", JAR, "--deploy", WAR, "--contextroot", "/", "--port", str(node.port), "--rootdir", root,
               "--prebootcommandfile", preboot, "--disablephonehome", "--clustermode", "tcpip:" + member_list,
               "--startport", str(node.grid), "--interfaces", "127.0.0.1", "--clustername", CLUSTER]
    PROCS.spawn(node.name, command, logfile)


def wait_ready(node, seconds=480):
    def ready():
        if not PROCS.alive(node.name):
            raise RuntimeError(f"{node.name} ended while starting; see {WORK}/{node.name}/server.log")
        return call(node, "GET", "/health/ready", timeout=5, record=False)[0] == 200
    wait_for(f"{node.name} ready", ready, seconds, step=1)
    node.up = True


def grid_members(node):
    """The size of the data grid the node last reported, from its log (Payara prints `DG Size: N` at each change)."""
    try:
        with open(os.path.join(WORK, node.name, "server.log"), errors="replace") as f:
            text = f.read()
        start = text.rfind("==== start")
        found = re.findall(r"DG Size: (\d+)", text[start:])
        return int(found[-1]) if found else None
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------- HTTP and what it saw

class Recorder:
    """Every request, with when it started and ended, who sent it and what came back (0: no connection, -1: timeout)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []

    def add(self, source, node, start, end, status, path):
        with self.lock:
            self.requests.append((source, node, start, end, status, path))


REC = Recorder()
PASSWORDS = {u: f"{u}-demo" for u in ("admin", "editor", "reviewer", "doctor")}


def call(node, method, path, user=None, body=None, timeout=30, source="api", record=True):
    """(status, parsed JSON or text, seconds)."""
    headers = {"Accept": "application/json" if path.startswith("/api/") else "text/html"}
    if user:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{PASSWORDS[user]}".encode()).decode()
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    start = time.time()
    status, text = 0, ""
    connection = http.client.HTTPConnection("127.0.0.1", node.port, timeout=timeout)
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        status, text = response.status, response.read().decode("utf-8", "replace")
    except socket.timeout:
        status = -1
    except (ConnectionError, OSError, http.client.HTTPException):
        status = 0
    finally:
        connection.close()
    end = time.time()
    if record:
        REC.add(source, node.name, start, end, status, path.split("?")[0] if source != "reader-db" else path)
    if text and path.startswith("/api/"):
        try:
            return status, json.loads(text), end - start
        except ValueError:
            pass
    return status, text, end - start


# ---------------------------------------------------------------------------------------------- fault windows

class Windows:
    def __init__(self):
        self.db = []        # (down, back)
        self.node = {}      # node name -> [(down, ready)]
        self.timeline = []  # (time, text)

    def note(self, text):
        self.timeline.append((time.time(), text))
        log(text)

    def bucket(self, node, start, end):
        """Which window a request falls in: 'db' while the database is away, 'recovery' just after it returned,
        'node' while its node is dead or restarting, else 'normal'."""
        for down, back in self.db:
            if start <= (back if back else float("inf")) and end >= down:
                return "db"
        for down, back in self.db:
            if back and back < end <= back + RECOVERY_GRACE:
                return "recovery"
        for down, ready in self.node.get(node, []):
            if start <= (ready if ready else float("inf")) and end >= down:
                return "node"
        return "normal"


WIN = Windows()
STOP = threading.Event()


# ---------------------------------------------------------------------------------------------- readers

def site_paths(node):
    """The public pages readers ask for: (paths a node stores after the first render: home, every category, every
    live demo article, a few searches; paths it renders from the database every time: articles
    asked for with a page number past the stored ones, which an article page ignores)."""
    status, page, _ = call(node, "GET", "/api/articles?state=PUBLISHED&size=100", "editor", record=False)
    articles = [a["slug"] for a in page["items"] if a["live"]]
    categories = [c["slug"] for c in call(node, "GET", "/api/categories", "editor", record=False)[1]]
    searches = ["%E9%92%88%E7%81%B8", "%E5%BA%B7%E5%A4%8D", "%E9%AA%A8%E6%8A%98", "%E7%9D%A1%E7%9C%A0"]
    stored = (["/"] + [f"/categories/{c}" for c in categories] + [f"/articles/{a}" for a in articles]
              + [f"/search?q={q}" for q in searches])
    uncached = [f"/articles/{a}?page=99" for a in articles[:6]]
    return stored, uncached


WRK_SCRIPT = r"""
paths = {%(paths)s}
counter = 0
tot = {}; e5 = {}; e4 = {}
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
delay = function() return %(delay)d end
-- Flat tables per second: wrk copies nested tables between its Lua states badly (it crashes).
response = function(status, headers, body)
  local s = os.time()
  tot[s] = (tot[s] or 0) + 1
  if status >= 500 then e5[s] = (e5[s] or 0) + 1 elseif status >= 400 then e4[s] = (e4[s] or 0) + 1 end
end
threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  for _, t in ipairs(threads) do
    local f5 = t:get("e5"); local f4 = t:get("e4")
    for s, n in pairs(t:get("tot")) do io.write(string.format("SEC %%d %%d %%d %%d\n", s, n, f5[s] or 0, f4[s] or 0)) end
  end
end
"""


def start_wrk(node, paths):
    script = os.path.join(WORK, f"wrk-{node.name}.lua")
    with open(script, "w") as f:
        f.write(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths), "delay": WRK_DELAY_MS})
    out = os.path.join(WORK, f"wrk-{node.name}.out")
    PROCS.spawn(f"wrk-{node.name}", ["wrk", "-t1", f"-c{WRK_CONNECTIONS}", "-d3600s", "--timeout", "15s",
                                    "-s", script, node.base], out)
    return out


def stop_wrk(node):
    PROCS.signal(f"wrk-{node.name}", signal.SIGINT, wait=30)  # SIGINT: wrk prints its summary and runs done()


def parse_wrk(node, out):
    """Per-second counts bucketed like the other requests, and the socket errors wrk saw (not split in time)."""
    result = {"requests": 0, "5xx": {}, "4xx": {}, "socket": ""}
    with open(out, errors="replace") as f:
        text = f.read()
    for s, n, e5, e4 in re.findall(r"^SEC (\d+) (\d+) (\d+) (\d+)$", text, re.M):
        s, n, e5, e4 = int(s), int(n), int(e5), int(e4)
        result["requests"] += n
        b = WIN.bucket(node.name, s, s + 1)
        result["5xx"][b] = result["5xx"].get(b, 0) + e5
        result["4xx"][b] = result["4xx"].get(b, 0) + e4
    m = re.search(r"Socket errors: (.*)", text)
    result["socket"] = m.group(1).strip() if m else "none"
    return result


def reader(node, paths, source, pause):
    """Reads public pages of one node in a loop, every status recorded."""
    i = random.randrange(len(paths))
    while not STOP.is_set():
        call(node, "GET", paths[i % len(paths)], timeout=20, source=source)
        i += 1
        STOP.wait(pause)


# ---------------------------------------------------------------------------------------------- editors

ACKS = []          # acknowledged writes: dict(kind, article, user, node, at, ...)
ATTEMPTS = []      # writes not acknowledged (error, timeout, no connection): dict(kind, article, title/slug, status)
RACES = []         # (statuses of the two saves)
WATCHES = []       # results of takedown and correction watches
SCHEDULED = []     # dict(article, revision, due)
LOCK = threading.Lock()
CATEGORY = {}
EXTRA = {"source": "编辑部（故障演练）", "byline": "李编辑", "audience": "成年读者",
         "references": [{"title": "针灸学", "publisher": "人民卫生出版社", "year": 2021}]}


class Abandon(Exception):
    """A write was not acknowledged: the lifecycle of this article stops here."""


def up_nodes(nodes):
    return [n for n in nodes if n.up] or nodes


def write(kind, node, method, path, user, body, article=None, expect=(200, 201), **facts):
    status, answer, _ = call(node, method, path, user, body)
    if status in expect:
        ack = {"kind": kind, "article": article if article is not None else answer.get("id"), "user": user,
               "node": node.name, "at": time.time(), "status": status, **facts}
        if isinstance(answer, dict):
            ack.update(version=answer.get("version"), revision=answer.get("revision"), slug=answer.get("slug"))
            if kind == "publish":
                # A publishAt that has passed by the time the server handles the request publishes at once.
                ack["scheduled"] = answer.get("state") == "APPROVED" and answer.get("scheduledFor") is not None
        with LOCK:
            ACKS.append(ack)
        return status, answer
    with LOCK:
        ATTEMPTS.append({"kind": kind, "article": article, "user": user, "status": status, "node": node.name,
                         **facts})
    raise Abandon(f"{kind} on {node.name}: {status} {str(answer)[:160]}")


def transition(node, article, user, action, **extra):
    body = {"action": action, **extra}
    return write(action, node, "POST", f"/api/articles/{article}/transitions", user, body, article=article,
                 comment=extra.get("comment"), scheduled="publishAt" in extra)


def content(token, k):
    return {"title": f"故障演练 {token} 稿{k}", "summary": f"故障演练摘要 {token}。",
            "body": f"<p>故障演练正文 {token} 修改{k}次。</p>", "categoryId": CATEGORY["id"], **EXTRA}


def edit(node, article, user, token, k):
    status, current, _ = call(node, "GET", f"/api/articles/{article}", user)
    if status != 200:
        raise Abandon(f"read before edit on {node.name}: {status}")
    c = content(token, k)
    return write("save", node, "PUT", f"/api/articles/{article}", user, {**c, "version": current["version"]},
                 article=article, title=c["title"], expect=(200,))


def race(a, b, article, token, k):
    """Two editors save against the same version from two nodes at once: one must win, the other get 409."""
    status, current, _ = call(a, "GET", f"/api/articles/{article}", "editor")
    if status != 200:
        raise Abandon(f"read before race: {status}")
    barrier = threading.Barrier(2, timeout=10)
    results = {}

    def save(node, user, n):
        c = content(token, n)
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass
        status, answer, _ = call(node, "PUT", f"/api/articles/{article}", user, {**c, "version": current["version"]})
        results[user] = (status, answer, c["title"], node)
    threads = [threading.Thread(target=save, args=(a, "editor", k)), threading.Thread(target=save, args=(b, "doctor", k + 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    statuses = sorted(r[0] for r in results.values())
    with LOCK:
        RACES.append(statuses)
        for user, (status, answer, title, node) in results.items():
            if status == 200:
                ACKS.append({"kind": "save", "article": article, "user": user, "node": node.name, "at": time.time(),
                             "status": status, "title": title, "version": answer.get("version"),
                             "revision": answer.get("revision")})
            elif status != 409:
                ATTEMPTS.append({"kind": "save", "article": article, "user": user, "status": status,
                                 "node": node.name, "title": title})
    if 200 not in statuses:
        raise Abandon(f"race: nobody won {statuses}")


def published_everywhere(nodes, slug, seconds):
    """Reads the page on every node that is up until it answers 200 twice (so that each node stores it)."""
    deadline = time.time() + seconds
    pending = [n for n in nodes if n.up]
    while pending and time.time() < deadline:
        for n in list(pending):
            if call(n, "GET", f"/articles/{slug}", source="watch")[0] == 200:
                call(n, "GET", f"/articles/{slug}", source="watch")
                pending.remove(n)
        time.sleep(0.2)
    return not pending


def watch(kind, nodes, slug, token, at, notice=None):
    """After a takedown: how long each node still served the article (200) or still found it in search. After a
    correction: how long each node still served the page without the notice. A node that is down or still starting serves
    nothing, so it is polled on until it answers for sure (404/410 and not in search; the notice) or the deadline;
    "stuck" means it still showed the old state at its last answer before the deadline."""
    result = {"kind": kind, "slug": slug, "at": at, "nodes": {}}
    pending = {n.name: n for n in nodes}
    last_page, last_search, stale_now = ({n.name: None for n in nodes} for _ in range(3))
    deadline = at + STALE_DEADLINE
    while pending and time.time() < deadline:
        for name, n in list(pending.items()):
            status, page, _ = call(n, "GET", f"/articles/{slug}", timeout=15, source="watch")
            now = time.time()
            if kind == "takedown":
                if status == 200:
                    last_page[name] = now
                s_status, s_page, _ = call(n, "GET", "/search?q=" + urllib.parse.quote(token), timeout=15,
                                           source="watch")
                found = s_status == 200 and f"/articles/{slug}\"" in s_page
                if found:
                    last_search[name] = time.time()
                if status in (200, 404, 410) or s_status == 200:
                    stale_now[name] = status == 200 or found
                if status in (404, 410) and s_status == 200 and not found:
                    del pending[name]
            else:
                if status == 200 and notice in page:
                    stale_now[name] = False
                    del pending[name]
                elif status in (404, 410):
                    stale_now[name] = False
                    del pending[name]  # taken down meanwhile
                elif status == 200:
                    last_page[name] = now  # still the page without the notice
                    stale_now[name] = True
        time.sleep(0.5)
    for n in nodes:
        result["nodes"][n.name] = {"page": None if last_page[n.name] is None else last_page[n.name] - at,
                                   "search": None if last_search[n.name] is None else last_search[n.name] - at,
                                   "stuck": bool(stale_now[n.name]) and n.name in pending}
    with LOCK:
        WATCHES.append(result)


def watch_async(*args, **kwargs):
    t = threading.Thread(target=watch, args=args, kwargs=kwargs, daemon=True)
    t.start()
    WATCHERS.append(t)


WATCHERS = []
SEQ = iter(range(1, 10 ** 9))
SEQ_LOCK = threading.Lock()


def next_token():
    with SEQ_LOCK:
        return next(SEQ)


def create_article(nodes, via=None):
    """A new draft with a unique search word and slug: (id, token, slug, node)."""
    seq = next_token()
    token = f"fz{RUN}n{seq}"
    node = via or random.choice(up_nodes(nodes))
    slug = f"faults-{RUN}-{seq}"
    c = content(token, 0)
    _, created = write("create", node, "POST", "/api/articles", random.choice(["editor", "doctor"]),
                       {**c, "slug": slug}, title=c["title"], slug=slug, expect=(201,))
    article = created["id"]
    return article, token, slug, node


def lifecycle(nodes):
    article, token, slug, _ = create_article(nodes)
    k = 1
    for _ in range(random.randint(1, 2)):
        edit(random.choice(up_nodes(nodes)), article, random.choice(["editor", "doctor"]), token, k)
        k += 1
    live = up_nodes(nodes)
    if len(live) >= 2 and random.random() < 0.5:
        a, b = random.sample(live, 2)
        race(a, b, article, token, k)
        k += 2
    transition(random.choice(up_nodes(nodes)), article, "editor", "submit")
    transition(random.choice(up_nodes(nodes)), article, "reviewer", "approve")
    node = random.choice(up_nodes(nodes))
    if random.random() < 0.3:
        due = datetime.now(timezone.utc) + timedelta(seconds=random.uniform(3, 8))
        _, answer = transition(node, article, "editor", "publish", publishAt=due.isoformat(timespec="milliseconds"))
        with LOCK:
            SCHEDULED.append({"article": article, "revision": answer["revision"], "due": due.timestamp()})
        deadline = due.timestamp() + 90
        while not (STOP.is_set() or time.time() > deadline):
            status, a, _ = call(random.choice(up_nodes(nodes)), "GET", f"/api/articles/{article}", "editor")
            if status == 200 and a.get("live"):
                break
            time.sleep(1)
        else:
            if STOP.is_set():
                return
            raise Abandon("scheduled publication not live in time")
    else:
        transition(node, article, "editor", "publish")
    if not published_everywhere(nodes, slug, 30):
        raise Abandon("published page not on every node")
    if random.random() < 0.5:
        notice = f"更正 {token}c：数据已核实。"
        transition(random.choice(up_nodes(nodes)), article, "editor", "correct", comment=notice)
        watch_async("correct", nodes, slug, token, time.time(), notice=notice)
    STOP.wait(random.uniform(0.5, 2))
    if random.random() < 0.75:
        transition(random.choice(up_nodes(nodes)), article, random.choice(["editor", "reviewer"]), "takedown",
                   comment=f"故障演练撤稿 {token}")
        watch_async("takedown", nodes, slug, token, time.time())


def editor(nodes):
    while not STOP.is_set():
        try:
            lifecycle(nodes)
        except Abandon as reason:
            log("  editor:", reason)
            STOP.wait(1)
        except Exception as e:  # a bug in the driver must not end the run silently
            log("  editor error:", repr(e))
            STOP.wait(1)


# ---------------------------------------------------------------------------------------------- faults

SPECIAL = {}


def database_outage():
    WIN.note("fault: database stopped (SIG%s)" % DB_STOP_SIGNAL)
    down = time.time()
    db_stop()
    WIN.db.append([down, None])
    STOP.wait(DB_OUTAGE)
    db_start()
    WIN.db[-1][1] = time.time()
    WIN.note("fault: database answers again after %.1f s" % (time.time() - down))


def node_kill(nodes, victim):
    """kill -9 a node with a scheduled publication falling due while it is dead, then restart it."""
    other = [n for n in nodes if n is not victim][0]
    try:
        article, token, slug, _ = create_article(nodes, via=other)
        transition(other, article, "editor", "submit")
        transition(other, article, "reviewer", "approve")
        due = datetime.now(timezone.utc) + timedelta(seconds=4)
        _, answer = transition(other, article, "editor", "publish", publishAt=due.isoformat(timespec="milliseconds"))
        SPECIAL["dead-node schedule"] = {"article": article, "revision": answer["revision"], "slug": slug,
                                         "token": token, "due": due.timestamp()}
        with LOCK:
            SCHEDULED.append({"article": article, "revision": answer["revision"], "due": due.timestamp()})
    except Abandon as reason:
        log("  could not prepare the scheduled publication:", reason)
    victim.up = False
    down = time.time()
    WIN.node.setdefault(victim.name, []).append([down, None])
    PROCS.signal(victim.name, signal.SIGKILL)
    WIN.note(f"fault: {victim.name} killed (SIGKILL)")
    STOP.wait(NODE_DOWN)
    start_node(victim, [n.grid for n in nodes])
    wait_ready(victim)
    WIN.node[victim.name][-1][1] = time.time()
    WIN.note(f"fault: {victim.name} ready again after {time.time() - down:.1f} s (grid members: {grid_members(victim)})")
    special = SPECIAL.get("dead-node schedule")
    if special:
        started = time.time()

        def current():
            page = call(victim, "GET", f"/articles/{special['slug']}", source="watch")[0]
            found = call(victim, "GET", "/search?q=" + special["token"], source="watch")
            return page == 200 and found[0] == 200 and f"/articles/{special['slug']}\"" in found[1]
        try:
            wait_for("restarted node current", current, 60)
            special["current_after"] = time.time() - started
        except RuntimeError:
            special["current_after"] = None


def grid_split(nodes, victim):
    """Restart a node with a wrong member list (only itself, on another grid port): a data grid of its own."""
    victim.up = False
    down = time.time()
    WIN.node.setdefault(victim.name, []).append([down, None])
    PROCS.signal(victim.name, signal.SIGTERM)
    WIN.note(f"fault: {victim.name} stopped, restarting with a wrong member list")
    victim.grid = GRID_PORT + 50 + nodes.index(victim)
    start_node(victim, [victim.grid])
    wait_ready(victim)
    WIN.node[victim.name][-1][1] = time.time()
    SPECIAL["split"] = {"node": victim.name, "members": grid_members(victim),
                        "others": {n.name: grid_members(n) for n in nodes if n is not victim}}
    WIN.note(f"fault: {victim.name} ready with a wrong member list; data grid sizes in the logs: {victim.name} "
             f"{SPECIAL['split']['members']}, " + ", ".join(f"{n} {m}" for n, m in SPECIAL["split"]["others"].items()))
    # A takedown on another node while the grid is split, its page stored on every node.
    other = [n for n in nodes if n is not victim][0]
    try:
        article, token, slug, _ = create_article(nodes, via=other)
        transition(other, article, "editor", "submit")
        transition(other, article, "reviewer", "approve")
        transition(other, article, "editor", "publish")
        if published_everywhere(nodes, slug, 30):
            transition(other, article, "editor", "takedown", comment=f"分裂时撤稿 {token}")
            SPECIAL["split takedown"] = slug
            watch_async("takedown", nodes, slug, token, time.time())
    except Abandon as reason:
        log("  split takedown not done:", reason)


def faults(nodes, gap):
    try:
        STOP.wait(2 * gap)  # a stretch without faults first
        database_outage()
        STOP.wait(gap)
        node_kill(nodes, nodes[1])
        STOP.wait(gap)
        grid_split(nodes, nodes[-1])
    except Exception as e:
        WIN.note(f"fault driver failed: {e!r}")
        raise


# ---------------------------------------------------------------------------------------------- checks

def verify(nodes):
    """Every acknowledged write in the database; scheduled revisions published exactly once; the audit chain."""
    found = {}
    if ACKS:
        ids = ",".join(sorted({str(a["article"]) for a in ACKS}))
        for article, action, actor, n in sql(
                f"SELECT article_id, action, actor, COUNT(*) FROM audit_event WHERE article_id IN ({ids})"
                " GROUP BY article_id, action, actor"):
            found[(int(article), action, actor)] = int(n)

    def audit_key(write):
        # The audit trail stores the action's enum name; a publish with a time is recorded as a schedule.
        action = "schedule" if write["kind"] == "publish" and write.get("scheduled") else write["kind"]
        return int(write["article"]), action.upper().replace("-", "_"), write["user"]
    wanted, tried = {}, {}
    for a in ACKS:
        wanted[audit_key(a)] = wanted.get(audit_key(a), 0) + 1
    for t in ATTEMPTS:
        if t.get("article") is not None:
            tried[audit_key(t)] = tried.get(audit_key(t), 0) + 1
    lost = sum(max(0, n - found.get(k, 0)) for k, n in wanted.items())
    lost_detail = [(k, n, found.get(k, 0)) for k, n in wanted.items() if found.get(k, 0) < n]
    # Refused or unanswered writes on an existing article that are in the audit trail anyway (a commit whose answer
    # never arrived), and events nobody asked for.
    unacked_written = sum(min(tried.get(k, 0), max(0, found.get(k, 0) - wanted.get(k, 0))) for k in tried)
    phantom = sum(max(0, n - wanted.get(k, 0) - tried.get(k, 0)) for k, n in found.items()
                  if k[1] in {audit_key({"kind": x, "article": 0, "user": ""})[1]
                              for x in ("create", "save", "submit", "approve", "takedown", "correct")})

    # The text of every acknowledged save: the latest save of each revision is what that revision holds.
    titles = {}
    if ACKS:
        for article, number, title in sql(
                f"SELECT article_id, number, title FROM revision WHERE article_id IN ({ids})"):
            titles[(int(article), int(number))] = title
    last_save = {}
    for a in ACKS:
        if a["kind"] == "save" and a.get("revision") is not None:
            key = (int(a["article"]), int(a["revision"]))
            if key not in last_save or a["version"] > last_save[key]["version"]:
                last_save[key] = a
    unacked_titles = {t.get("title") for t in ATTEMPTS} - {None}
    wrong_text, unacked_overwrote = 0, 0
    for key, a in last_save.items():
        if titles.get(key) != a["title"]:
            if titles.get(key) in unacked_titles:
                unacked_overwrote += 1
            else:
                wrong_text += 1

    # Final states: the last acknowledged action on an article decides whether it is online.
    live = {int(i): (l != "NULL", notice) for i, l, notice in sql(
        f"SELECT id, IFNULL(live_revision_id, 'NULL'), IFNULL(correction_notice, '') FROM article WHERE id IN ({ids})")} \
        if ACKS else {}
    wrong_state = 0
    last_action = {}
    for a in ACKS:
        last_action[int(a["article"])] = a
    attempted = {t["article"] for t in ATTEMPTS if t.get("article") is not None}
    for article, a in last_action.items():
        if article in attempted:
            continue  # an unacknowledged write came later; either outcome is allowed
        if a["kind"] == "takedown" and live.get(article, (True,))[0]:
            wrong_state += 1
        if a["kind"] in ("publish", "correct") and not a.get("scheduled") and not live.get(article, (False,))[0]:
            wrong_state += 1
        if a["kind"] == "correct" and live.get(article, (False, ""))[1] != a.get("comment"):
            wrong_state += 1

    # Unacknowledged creates that are in the database anyway (a timeout after the commit): allowed, reported.
    unacked_created = 0
    slugs = [t["slug"] for t in ATTEMPTS if t["kind"] == "create" and t.get("slug")]
    if slugs:
        unacked_created = int(sql("SELECT COUNT(*) FROM article WHERE slug IN (%s)"
                                  % ",".join("'%s'" % s for s in slugs))[0][0])

    # Scheduled publications: wait for every one due, then count publish events per revision.
    sched_ids = {}
    for s in SCHEDULED:
        rows = sql(f"SELECT id FROM revision WHERE article_id = {s['article']} AND number = {s['revision']}")
        if rows:
            sched_ids[int(rows[0][0])] = s
    def publishes():
        if not sched_ids:
            return {}
        return {int(r): int(n) for r, n in sql(
            "SELECT revision_id, COUNT(*) FROM audit_event WHERE action = 'PUBLISH' AND revision_id IN (%s)"
            " GROUP BY revision_id" % ",".join(map(str, sched_ids)))}
    try:
        wait_for("every due scheduled publication", lambda: len(publishes()) == len(sched_ids), 60, step=1)
    except RuntimeError as e:
        log(e)
    counts = publishes()
    duplicates_scheduled = sum(1 for n in counts.values() if n > 1)
    missing_scheduled = len(sched_ids) - len(counts)
    duplicates_any = int(sql("SELECT COUNT(*) FROM (SELECT revision_id FROM audit_event WHERE action = 'PUBLISH'"
                             " GROUP BY revision_id HAVING COUNT(*) > 1) d")[0][0])
    special = SPECIAL.get("dead-node schedule")
    special_publishes = None
    if special:
        rows = sql(f"SELECT COUNT(*) FROM audit_event e JOIN revision r ON r.id = e.revision_id WHERE e.action ="
                   f" 'PUBLISH' AND r.article_id = {special['article']} AND r.number = {special['revision']}")
        special_publishes = int(rows[0][0])

    status, chain, _ = call(nodes[0], "GET", "/api/audit/verify", "admin", timeout=120, record=False)
    return {"acked": len(ACKS), "lost": lost, "lost_detail": lost_detail, "wrong_text": wrong_text,
            "unacked_overwrote": unacked_overwrote, "wrong_state": wrong_state, "unacked": len(ATTEMPTS),
            "unacked_created": unacked_created, "unacked_written": unacked_written, "phantom": phantom, "scheduled": len(sched_ids),
            "duplicates_scheduled": duplicates_scheduled, "missing_scheduled": missing_scheduled,
            "duplicates_any": duplicates_any, "special_publishes": special_publishes,
            "chain": chain if status == 200 else {"status": status, "answer": str(chain)[:200]}}


# ---------------------------------------------------------------------------------------------- the report

def report(nodes, wrk, checks, load_seconds):
    buckets = ("normal", "db", "recovery", "node")
    sources = ("reader", "reader-db", "watch", "api")
    expected_4xx = {"watch": (404, 410), "api": (409,)}
    stats = {src: {"answered": 0, "statuses": {b: {} for b in buckets}, "5xx": dict.fromkeys(buckets, 0),
                   "4xx": dict.fromkeys(buckets, 0), "noconn": dict.fromkeys(buckets, 0),
                   "slow": dict.fromkeys(buckets, 0)} for src in sources}
    by_path = {}
    for source, node, start, end, status, path in REC.requests:
        b = WIN.bucket(node, start, end)
        d = stats[source]
        d["statuses"][b][status] = d["statuses"][b].get(status, 0) + 1
        if status > 0:
            d["answered"] += 1
        if status >= 500:
            d["5xx"][b] += 1
            if source.startswith("reader") and b in ("db", "recovery"):
                key = (status, re.sub(r"^/articles/[^?]+", "/articles/…", path))
                by_path[key] = by_path.get(key, 0) + 1
        elif status >= 400 and status not in expected_4xx.get(source, ()):
            d["4xx"][b] += 1
        elif status <= 0:
            d["noconn"][b] += 1
        if end - start > 2:
            d["slow"][b] += 1
    w5, w4 = dict.fromkeys(buckets, 0), dict.fromkeys(buckets, 0)
    for r in wrk.values():
        for b in buckets:
            w5[b] += r["5xx"].get(b, 0)
            w4[b] += r["4xx"].get(b, 0)

    def row(label, key, b, wrk_value="–"):
        print(f"| {label} | {wrk_value} | " + " | ".join(str(stats[src][key][b]) for src in sources) + " |")

    db_windows = ", ".join("%.0f–%.0f s" % (d - T0, (b or time.time()) - T0) for d, b in WIN.db)
    print()
    print(f"## Fault suite: {len(nodes)} nodes ({START}) on one MariaDB, {load_seconds:.0f} s of load (seed {SEED})")
    print()
    print("Fault timeline (seconds since the start of the script):")
    for t, text in WIN.timeline:
        print(f"- {t - T0:6.1f}  {text}")
    print()
    print("| requests | wrk (pages) | readers (stored pages) | readers (pages that need the database) "
          "| watchers (withdrawn pages, search) | API (editors, reviewers) |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| requests served (answered) | {sum(r['requests'] for r in wrk.values())} | "
          + " | ".join(str(stats[src]["answered"]) for src in sources) + " |")
    row("5xx outside any fault", "5xx", "normal", w5["normal"])
    row(f"5xx during the database outage ({db_windows})", "5xx", "db", w5["db"])
    row(f"5xx in the {RECOVERY_GRACE} s after the database was back", "5xx", "recovery", w5["recovery"])
    row("5xx from a node while it was dead or starting", "5xx", "node", w5["node"])
    row("unexpected 4xx outside any fault (not 404/410 of a withdrawn page, not 409)", "4xx", "normal", w4["normal"])
    row("unexpected 4xx during a fault", "4xx", "db", w4["db"] + w4["recovery"] + w4["node"])
    row("no answer (connection refused, timeout) outside any fault", "noconn", "normal")
    row("no answer during the database outage", "noconn", "db")
    row("no answer from a node while it was dead or starting", "noconn", "node")
    row("slower than 2 s outside any fault", "slow", "normal")
    row("slower than 2 s during the database outage", "slow", "db")
    print()
    print("wrk socket errors per node (most while a node was dead): "
          + "; ".join(f"{n}: {r['socket']}" for n, r in wrk.items()))
    print()
    if by_path:
        print("Readers' 5xx during the database outage and just after, by status and path: "
              + ", ".join(f"{st} {p} ×{n}" for (st, p), n in sorted(by_path.items(), key=lambda x: -x[1])[:12]))
        print()
    print("Statuses by window (0: no connection, -1: timeout):")
    for src in sources:
        print(f"- {src}: " + "; ".join(f"{b} {dict(sorted(stats[src]['statuses'][b].items()))}" for b in buckets
                                      if stats[src]["statuses"][b]))
    print()
    takedowns = [w for w in WATCHES if w["kind"] == "takedown"]
    corrections = [w for w in WATCHES if w["kind"] == "correct"]

    def worst(ws, key):
        values = [(v[key] or 0, w, n) for w in ws for n, v in w["nodes"].items()]
        return max(values, key=lambda x: x[0]) if values else (0, None, None)
    page_worst = worst(takedowns, "page")
    search_worst = worst(takedowns, "search")
    stuck = sum(1 for w in takedowns if any(v["stuck"] for v in w["nodes"].values()))
    split_slug = SPECIAL.get("split takedown")
    split_watch = [w for w in takedowns if w["slug"] == split_slug]
    lost = checks["lost"] + checks["wrong_text"]
    races = len(RACES)
    both = sum(1 for r in RACES if r == [200, 200])
    one = sum(1 for r in RACES if r == [200, 409])
    print("| check | result |")
    print("|---|---|")
    print(f"| acknowledged writes | {checks['acked']} |")
    print(f"| lost acknowledged writes (must be 0) | {lost} |")
    print(f"| final state differing from the last acknowledged action | {checks['wrong_state']} |")
    print(f"| writes not acknowledged (5xx, timeout, no connection) / of them in the database anyway (allowed) "
          f"| {checks['unacked']} / {checks['unacked_created']} created, {checks['unacked_written']} other, "
          f"{checks['unacked_overwrote']} texts |")
    print(f"| audit events of these articles that nobody asked for (must be 0) | {checks['phantom']} |")
    print(f"| races on one article from two nodes: one saved, the other 409 / both saved (must be 0) / other "
          f"| {one} / {both} / {races - one - both} |")
    print(f"| scheduled publications: published / duplicate (must be 0) / never published "
          f"| {checks['scheduled'] - checks['missing_scheduled']} / {checks['duplicates_scheduled']} / "
          f"{checks['missing_scheduled']} |")
    print(f"| revisions with more than one publish event, whole database (must be 0) | {checks['duplicates_any']} |")
    special = SPECIAL.get("dead-node schedule")
    if special:
        current = special.get("current_after")
        print(f"| publication due while {nodes[1].name} was dead: publish events | {checks['special_publishes']} |")
        print(f"| restarted {nodes[1].name} serves that page and finds it in search | "
              + (f"yes, {current:.1f} s after ready" if current is not None else "no, not within 60 s") + " |")
    print(f"| takedowns watched | {len(takedowns)} (each page read twice on every node first, so stored) |")
    print(f"| longest a withdrawn page stayed visible on any node | {fmt_stale(page_worst)} |")
    print(f"| longest a withdrawn article stayed in any node's search | {fmt_stale(search_worst)} |")
    print(f"| takedowns still visible somewhere after {STALE_DEADLINE} s | {stuck} |")
    for phase in ("no fault", "database outage", "a node dead or starting", "grid split"):
        ws = [w for w in takedowns if takedown_phase(w["at"]) == phase]
        if ws:
            print(f"| takedowns made with {phase}: count / longest visible page / longest in search / still visible "
                  f"| {len(ws)} / {fmt_stale(worst(ws, 'page'), short=True)} / "
                  f"{fmt_stale(worst(ws, 'search'), short=True)} / "
                  f"{sum(1 for w in ws if any(v['stuck'] for v in w['nodes'].values()))} |")
    if split_watch:
        w = split_watch[0]
        print(f"| takedown during the grid split, visible on each node | "
              + ", ".join(f"{n}: {fmt_seconds(v)}" for n, v in w["nodes"].items()) + " |")
    for phase in ("no fault", "database outage", "a node dead or starting", "grid split"):
        ws = [w for w in corrections if takedown_phase(w["at"]) == phase]
        if ws:
            longest = max((v["page"] or 0) for w in ws for v in w["nodes"].values())
            stuck_here = sum(1 for w in ws if any(v["stuck"] for v in w["nodes"].values()))
            print(f"| corrections made with {phase}: count / longest a node served the page without the notice / "
                  f"still without it after {STALE_DEADLINE} s | {len(ws)} / {longest:.1f} s / {stuck_here} |")
    split = SPECIAL.get("split")
    if split:
        print(f"| grid split: data grid size {split['node']} logged / the others logged | {split['members']} / "
              + ", ".join(f"{n}: {m}" for n, m in split["others"].items()) + " |")
    chain = checks["chain"]
    print(f"| audit chain verifies | " + (f"{'yes' if chain.get('intact') else 'NO'}, {chain.get('checked')} events"
                                        + ("" if chain.get("intact") else f", first broken {chain.get('firstBrokenId')}:"
                                           f" {chain.get('problem')}") if "intact" in chain else str(chain)) + " |")
    if checks["lost_detail"]:
        print()
        print("lost (article, action, actor) wanted/found:", checks["lost_detail"][:20])


def fmt_seconds(v):
    if v["stuck"]:
        return f"still visible after {STALE_DEADLINE} s"
    return "never after the takedown" if v["page"] is None else f"{v['page']:.1f} s"


def fmt_stale(worst, short=False):
    seconds, w, node = worst
    if w is None:
        return "no takedown"
    if w["nodes"][node]["stuck"]:
        text = f"≥ {STALE_DEADLINE} s" + ("" if short else " (still visible when the watch ended)")
    else:
        text = f"{seconds:.1f} s"
    return text if short else text + f" ({node}, /articles/{w['slug']})"


def takedown_phase(at):
    """What was going on when a takedown or correction was acknowledged."""
    split = [d for d, _ in WIN.node.get(SPECIAL.get("split", {}).get("node"), [])]
    if split and at >= split[-1]:
        return "grid split"
    if any(d <= at <= (r or float("inf")) for windows in WIN.node.values() for d, r in windows):
        return "a node dead or starting"
    if any(d <= at <= (b or float("inf")) + RECOVERY_GRACE for d, b in WIN.db):
        return "database outage"
    return "no fault"


# ---------------------------------------------------------------------------------------------- main

def main():
    nodes = [Node(i) for i in range(NODES)]
    for port in [DB_PORT] + [n.port for n in nodes] + [n.grid for n in nodes] + [GRID_PORT + 50 + i for i in range(NODES)]:
        if port_open(port):
            sys.exit(f"port {port} is already in use on 127.0.0.1; choose others (FAULTS_*_PORT)")
    log(f"work directory {WORK}, {NODES} nodes started by {START}, duration {DURATION} s, seed {SEED}")
    db_init()
    log(f"MariaDB {DB_NAME} on 127.0.0.1:{DB_PORT}")
    members = [n.grid for n in nodes]
    start_node(nodes[0], members)   # alone first: it migrates the schema and seeds the demo
    wait_ready(nodes[0])
    for n in nodes[1:]:
        start_node(n, members)
    for n in nodes[1:]:
        wait_ready(n)
    log("nodes ready:", ", ".join(f"{n.name} :{n.port} (grid {grid_members(n)})" for n in nodes))
    CATEGORY.update([c for c in call(nodes[0], "GET", "/api/categories", "editor", record=False)[1]
                     if c["slug"] == "zhenci-liaofa"][0])
    stored, uncached = site_paths(nodes[0])
    for n in nodes:   # warm up: the first renders are slow, and every node signs each account in once
        for p in stored + uncached:
            call(n, "GET", p, record=False)
        for u in PASSWORDS:
            call(n, "GET", "/api/categories", u, record=False)
    # wrk: about one request in eight needs the database, as the pages nobody asked for lately do.
    wrk_paths = stored + uncached[:max(1, len(stored) // 8)]
    log(f"{len(stored)} stored and {len(uncached)} uncached public paths; load starts")
    start = time.time()
    wrk_out = {n.name: start_wrk(n, wrk_paths) for n in nodes}
    threads = [threading.Thread(target=reader, args=(n, stored, "reader", 0.05), daemon=True) for n in nodes]
    threads += [threading.Thread(target=reader, args=(n, uncached, "reader-db", 0.2), daemon=True) for n in nodes]
    threads += [threading.Thread(target=editor, args=(nodes,), daemon=True) for _ in range(EDITORS)]
    for t in threads:
        t.start()
    gap = max(10, DURATION / 10)
    fault_thread = threading.Thread(target=faults, args=(nodes, gap), daemon=True)
    fault_thread.start()
    deadline = start + DURATION
    while time.time() < deadline or fault_thread.is_alive():
        fault_thread.join(1)
        if time.time() > start + DURATION + 900:
            log("the faults did not finish within 15 minutes past the duration")
            break
    split_ready = WIN.node.get(nodes[-1].name, [[0, 0]])[-1][1] or time.time()
    STOP.wait(max(0, split_ready + 20 - time.time()))  # takedowns while the grid is split
    STOP.set()
    load_seconds = time.time() - start
    log("load stops")
    for t in threads:
        t.join(60)
    wrk = {}
    for n in nodes:
        stop_wrk(n)
        wrk[n.name] = parse_wrk(n, wrk_out[n.name])
    for t in WATCHERS:
        t.join(STALE_DEADLINE + 30)
    log("checking the database")
    checks = verify(nodes)
    report(nodes, wrk, checks, load_seconds)
    with open(os.path.join(WORK, "raw.json"), "w") as f:
        json.dump({"acks": ACKS, "attempts": ATTEMPTS, "races": RACES, "watches": WATCHES, "scheduled": SCHEDULED,
                   "timeline": WIN.timeline, "db": WIN.db, "node": WIN.node, "special": SPECIAL}, f, default=str,
                  ensure_ascii=False, indent=1)


def on_signal(signum, frame):
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, on_signal)
    os.makedirs(WORK, exist_ok=True)
    try:
        main()
    finally:
        STOP.set()
        PROCS.stop_all()
