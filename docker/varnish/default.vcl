vcl 4.1;
# Varnish 7 in front of the CMS (docker/compose.yaml's `varnish` service; Debian: `varnish` and `varnish-modules`).
# It keeps public pages as long as the CMS's s-maxage says (CMS_SHARED_MAX_AGE) and drops them the moment the CMS
# purges their tags (CMS_PURGE_URLS=http://varnish/): every public response names what it shows in `xkey`
# (an article `a12`, a category `c3`, `new`, `search`, `sitemap`, `site`). VarnishIT runs this file with Debian's
# varnishd in front of a CMS, its backend's host and port replaced.

import std;
import xkey;

# The CMS replicas, through the balancer that keeps back-office sessions on their node (nginx, network alias `cms`).
backend cms {
    .host = "cms";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
    # Healthy: a purged page is fetched again before anyone sees it. Sick (the CMS or its database away): pages
    # are served as old as stale-if-error allows.
    .probe = {
        .url = "/health/ready";
        .interval = 2s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may purge: the CMS nodes. A name in parentheses that does not resolve is left out rather than failing the load.
acl purgers {
    "localhost";
    ("cms-1");
    ("cms-2");
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        # Hard: gone now, never served stale (a withdrawal). Soft: fetched again, kept for when the CMS is away.
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        } elsif (req.http.xkey-softpurge) {
            set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "Name the tags in xkey-purge or xkey-softpurge"));
        }
        return (synth(200, "Purged " + req.http.x-purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The back office, the API, sign-in, preview links, health: never from the cache. Nor anything sent with a
    # session or credentials (the CMS marks those responses private anyway).
    if (req.url ~ "^/(admin|api|login|logout|preview|health|jakarta\.faces\.resource)([/.?]|$)"
            || req.http.Cookie ~ "(^|;\s*)JSESSIONID="
            || req.http.Authorization) {
        return (pass);
    }
    # Public pages read no cookie: an analytics cookie must not split or bypass the cache.
    unset req.http.Cookie;
    # Tracking parameters do not change a page (the CMS ignores them too): one copy for all of them.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|spm)=") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|spm)=[^&]*", "\1");
        set req.url = regsuball(req.url, "&&+", "&");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = regsub(req.url, "\?&", "?");
    }
    if (std.healthy(req.backend_hint)) {
        # A soft-purged copy is not shown while the CMS can answer: readers see the change at once.
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Served stale while the CMS cannot answer: as long as its stale-if-error says (beside stale-while-revalidate,
    # which Varnish reads itself).
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
                regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
    # Kept past its grace for a conditional fetch (the CMS answers 304 from the ETag).
    set beresp.keep = 1h;
}

sub vcl_deliver {
    # The tags are for this cache; browsers have no use for them. Nor for Varnish's request id and version: every
    # header is copied, logged and sent for every reader (X-Cache says what a reader may want to know).
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.X-Varnish;
    unset resp.http.Via;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
