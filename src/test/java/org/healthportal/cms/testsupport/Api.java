package org.healthportal.cms.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the API: real HTTP, Basic credentials per account, JSON in and out. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String authorization;
    private final String forwardedFor;

    private Api(URI base, String authorization) {
        this(base, authorization, null);
    }

    private Api(URI base, String authorization, String forwardedFor) {
        this.base = base;
        this.authorization = authorization;
        this.forwardedFor = forwardedFor;
    }

    /** The same client, as if behind the trusted proxy for this client address (the tests' servers trust loopback). */
    public Api from(String clientAddress) {
        return new Api(base, authorization, clientAddress);
    }

    /** The same client, talking to another server. */
    public Api on(CmsServer server) {
        return new Api(server.base(), authorization, forwardedFor);
    }

    /**
     * Signs in through the login page as a browser would (same-origin); the answer carries the session cookie on
     * success (302 to the back office) or the page with its message.
     */
    public Response formLogin(String username, String password) {
        String form = "login=login&login%3Ausername=" + encode(username) + "&login%3Apassword=" + encode(password)
                + "&login%3Asubmit=&jakarta.faces.ViewState=stateless";
        return send(request("/login.xhtml").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A GET with a session cookie, as the browser that signed in would send it. */
    public Response getWithSession(String path, String cookie) {
        return send(request(path).header("Cookie", cookie).GET());
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static Api as(String username) {
        return as(username, username + "-demo");
    }

    public static Api as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(CmsServer.get().base(), "Basic " + token);
    }

    /** A client of whatever answers at {@code base} (a load balancer in front of the servers, say). */
    public static Api at(URI base, String username) {
        String token = Base64.getEncoder().encodeToString((username + ":" + username + "-demo").getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token);
    }

    public static Api anonymousAt(URI base) {
        return new Api(base, null);
    }

    public static Api anonymous() {
        return new Api(CmsServer.get().base(), null);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    /** An HTTP answer with its body read as JSON on demand. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        /** The session cookie it set, as {@code JSESSIONID=…}, or null. */
        public String sessionCookie() {
            return raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.split(";")[0]).findFirst().orElse(null);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (" + raw.statusCode() + "): " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
