package org.healthportal.cms.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The security headers over real HTTP on every kind of response: public pages fresh and from the page store, error
 * pages, the back office, the API, media, static assets and the readiness check; HSTS and a readiness answer without
 * the database's words on an instance whose base URL is https.
 */
class SecurityHeadersIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)';?$");

    @Test
    void aPublicArticleHasTheStrictPolicyFreshAndFromThePageStore() {
        String slug = Articles.published(Articles.uniqueTitle("安全头")).getString("slug");
        Api.Response fresh = Api.anonymous().get("/articles/" + slug);
        Api.Response stored = Api.anonymous().get("/articles/" + slug);
        for (Api.Response r : List.of(fresh, stored)) {
            assertEquals(200, r.status(), r.toString());
            assertPublic(r);
            assertEquals("public, max-age=0, must-revalidate", r.header("Cache-Control"), "the page's caching stays");
            assertFalse(r.body().contains("nonce"), "no nonce in a public page");
            assertTrue(r.body().contains("<script type=\"application/ld+json\">"), "the structured data is still there");
        }
        assertEquals(fresh.header("ETag"), stored.header("ETag"), "the second answer is the stored one, same bytes");
        assertEquals(fresh.raw().headers().map().keySet().stream().filter(SecurityHeadersIT::isSecurityHeader).sorted().toList(),
                stored.raw().headers().map().keySet().stream().filter(SecurityHeadersIT::isSecurityHeader).sorted().toList());
    }

    @Test
    void theHomePageAndErrorPagesHaveTheStrictPolicy() {
        Api.Response home = Api.anonymous().get("/");
        assertEquals(200, home.status());
        assertPublic(home);
        for (String missing : List.of("/articles/no-such-article-" + UUID.randomUUID(), "/categories/no-such-category",
                "/no-such-page.xhtml")) {
            Api.Response r = Api.anonymous().get(missing);
            assertEquals(404, r.status(), missing);
            assertPublic(r);
            assertNull(r.header("Set-Cookie"), "an error page sets no cookie: " + missing);
        }
        Api.Response search = Api.anonymous().get("/search?q=test");
        assertEquals(200, search.status());
        assertPublic(search);
    }

    @Test
    void theSignInPageRunsNoScriptAndTheBackOfficeUsesPrimeFacesNonces() {
        Api.Response login = Api.anonymous().get("/login.xhtml");
        assertEquals(200, login.status());
        assertSignIn(login);
        assertNull(login.header("Set-Cookie"), "the sign-in page still creates no session");

        // A client without script posts no nonce field: the page still answers with its message.
        Api.Response wrong = Api.anonymous().formLogin("editor", "not-the-password");
        assertEquals(200, wrong.status(), wrong.toString());
        assertTrue(wrong.body().contains("用户名或密码错误"), wrong.body());
        assertSignIn(wrong);

        Api.Response right = Api.anonymous().formLogin("editor", "editor-demo");
        assertEquals(302, right.status(), right.toString());
        String cookie = right.header("Set-Cookie").split(";")[0];
        for (String screen : List.of("/admin/", "/admin/articles.xhtml", "/admin/articles/edit.xhtml", "/admin/media.xhtml")) {
            Api.Response page = Api.anonymous().send(Api.anonymous().request(screen).header("Cookie", cookie).GET());
            assertEquals(200, page.status(), screen);
            assertBackOffice(page);
        }
    }

    @Test
    void apiAnswersAreNeverStored() {
        Api.Response categories = Api.as("editor").get("/api/categories");
        assertEquals(200, categories.status());
        assertCommon(categories);
        assertEquals("no-store", categories.header("Cache-Control"));
        assertEquals(SecurityHeadersFilter.PUBLIC_POLICY, categories.header("Content-Security-Policy"));
        Api.Response missing = Api.as("editor").get("/api/articles/999999999");
        assertEquals(404, missing.status());
        assertCommon(missing);
        assertEquals("no-store", missing.header("Cache-Control"));
    }

    @Test
    void theAuthenticationMechanismsOwnAnswersCarryTheHeadersToo() {
        Api.Response unauthorized = Api.anonymous().get("/api/categories");
        assertEquals(401, unauthorized.status());
        Api.Response wrong = Api.as("editor", "not-the-password-at-all").get("/api/categories");
        assertEquals(401, wrong.status());
        Api.Response toLogin = Api.anonymous().get("/admin/articles.xhtml");
        assertEquals(302, toLogin.status());
        for (Api.Response r : new Api.Response[]{unauthorized, wrong, toLogin}) {
            assertCommon(r);
            assertEquals("no-store", r.header("Cache-Control"), r.toString());
            assertEquals(SecurityHeadersFilter.PUBLIC_POLICY, r.header("Content-Security-Policy"), r.toString());
        }
    }

    @Test
    void mediaKeepItsYearLongCachingAndGetsTheHeaders() throws IOException {
        Path png = Files.createTempFile("headers", ".png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png.toFile());
        String alt = "安全头图片 " + UUID.randomUUID().toString().substring(0, 6);
        String src;
        try (Browser browser = Browser.open()) {
            browser.go("/login.xhtml");
            browser.type(By.id("login:username"), "editor");
            browser.type(By.id("login:password"), "editor-demo");
            browser.clickAndWaitForPage(By.id("login:submit"));
            browser.go("/admin/media.xhtml");
            browser.find(By.cssSelector("input[type=file]")).sendKeys(png.toString());
            browser.type(By.id("upload:alt"), alt);
            browser.clickAndWaitForPage(By.id("upload:send"));
            src = URI.create(browser.find(By.cssSelector("img[alt='" + alt + "']")).getAttribute("src")).getPath();
        } finally {
            Files.deleteIfExists(png);
        }
        Api.Response image = Api.anonymous().get(src);
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type"));
        assertPublicPolicy(image);
        assertEquals("public, max-age=31536000, immutable", image.header("Cache-Control"));
    }

    @Test
    void staticAssetsKeepTheirCachingAndGetTheHeaders() {
        Matcher link = Pattern.compile("href=\"(/assets/css/site\\.css\\?v=[^\"]+)\"").matcher(Api.anonymous().get("/").body());
        assertTrue(link.find(), "the home page links its stylesheet");
        Api.Response versioned = Api.anonymous().get(link.group(1));
        assertEquals(200, versioned.status());
        assertPublicPolicy(versioned);
        assertEquals("public, max-age=31536000, immutable", versioned.header("Cache-Control"));
        Api.Response plain = Api.anonymous().get("/assets/css/site.css");
        assertPublicPolicy(plain);
        assertEquals("public, max-age=0, must-revalidate", plain.header("Cache-Control"));
        Api.Response script = Api.anonymous().get("/jakarta.faces.resource/core.js.xhtml?ln=primefaces");
        assertEquals(200, script.status());
        assertCommon(script);
    }

    @Test
    void theReadinessCheckGetsTheHeaders() {
        Api.Response ready = Api.anonymous().get("/health/ready");
        assertEquals(200, ready.status());
        assertCommon(ready);
        assertNull(ready.header("Strict-Transport-Security"), "no HSTS while the base URL is http");
    }

    /**
     * An instance whose public base URL is https sends HSTS; when its database goes away, readiness says DOWN and
     * nothing else: the driver's message (host, port, database) is in the log only.
     */
    @Test
    void httpsBringsHstsAndALostDatabaseIsNotDescribed() throws Exception {
        Path dir = Path.of(System.getProperty("cms.it.dir", "target/it")).toAbsolutePath().resolve("https-h2");
        CmsServer.deleteTree(dir);
        Files.createDirectories(dir);
        int dbPort = CmsServer.freePort();
        org.h2.tools.Server database = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(dbPort),
                "-ifNotExists", "-baseDir", dir.toString()).start();
        CmsServer server = null;
        try {
            server = CmsServer.start("https", List.of("-Dcms.base-url=https://cms.example.org/",
                    "-Dcms.db.url=jdbc:h2:tcp://127.0.0.1:" + dbPort + "/cms;MODE=LEGACY;LOCK_TIMEOUT=10000",
                    "-Dcms.db.user=cms", "-Dcms.db.password=cms-https-test"));
            server.awaitReady(Duration.ofMinutes(4));
            for (String path : List.of("/", "/login.xhtml", "/health/ready", "/assets/css/site.css")) {
                HttpResponse<String> r = get(server, path);
                assertEquals("max-age=31536000; includeSubDomains",
                        r.headers().firstValue("Strict-Transport-Security").orElse(null), path);
            }

            database.stop();
            HttpResponse<String> down = get(server, "/health/ready");
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"database\""), down.body());
            assertNoDetail(down.body(), dbPort);
            // A page that needs the database fails with the error page, in the same words.
            HttpResponse<String> page = get(server, "/articles/no-such-article");
            assertTrue(page.statusCode() >= 500, page.statusCode() + " " + page.body());
            assertNoDetail(page.body(), dbPort);
            assertNotNull(down.headers().firstValue("X-Content-Type-Options").orElse(null));
            // Logged while the check ran, before it answered.
            assertTrue(server.log().contains("The database does not answer: not ready"), server.logTail());
        } finally {
            if (server != null) {
                server.stop();
            }
            database.stop();
        }
    }

    private static void assertNoDetail(String body, int dbPort) {
        for (String detail : List.of("jdbc", "127.0.0.1:" + dbPort, "SQL", "Exception", "Connection refused", "h2:")) {
            assertFalse(body.toLowerCase().contains(detail.toLowerCase()), "'" + detail + "' in " + body);
        }
    }

    private static void assertCommon(Api.Response r) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), r.raw().uri().toString());
        assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"));
        String permissions = r.header("Permissions-Policy");
        assertNotNull(permissions);
        for (String feature : List.of("camera=()", "microphone=()", "geolocation=()")) {
            assertTrue(permissions.contains(feature), permissions);
        }
        assertNull(r.header("Strict-Transport-Security"), "the test server's base URL is http");
    }

    private static void assertPublicPolicy(Api.Response r) {
        assertCommon(r);
        List<String> policies = r.raw().headers().allValues("Content-Security-Policy");
        assertEquals(List.of(SecurityHeadersFilter.PUBLIC_POLICY), policies, "one strict policy on " + r.raw().uri());
        String policy = policies.get(0);
        assertTrue(policy.startsWith("default-src 'none'"), policy);
        assertFalse(policy.contains("script-src"), "no script at all: " + policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("base-uri 'none'")
                && policy.contains("form-action 'self'"), policy);
    }

    private static void assertPublic(Api.Response r) {
        assertPublicPolicy(r);
        assertFalse(r.body().contains("<script>") || r.body().matches("(?s).*<script(?![^>]*application/ld\\+json).*"),
                "no executable script on " + r.raw().uri());
        assertFalse(Pattern.compile("\\sstyle=\"").matcher(r.body()).find(), "no inline style on " + r.raw().uri());
    }

    /** The sign-in page: the back office's headers, and no script at all (plain inputs post the form). */
    private static void assertSignIn(Api.Response r) {
        assertCommon(r);
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), r.toString());
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("no-store", r.header("Cache-Control"));
        assertFalse(Pattern.compile("<script\\b").matcher(r.body()).find(), "no script on the sign-in page");
        assertFalse(Pattern.compile("<[^>]*\\son[a-z]+=\"[^>]*>").matcher(r.body()).find(), "no inline handler");
    }

    private static void assertBackOffice(Api.Response r) {
        assertCommon(r);
        List<String> policies = r.raw().headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), policies.toString());
        String policy = policies.get(0);
        Matcher nonce = NONCE.matcher(policy);
        assertTrue(nonce.find(), "script-src with the page's nonce, last: " + policy);
        String scriptSrc = policy.substring(policy.indexOf("script-src"));
        assertFalse(scriptSrc.contains("unsafe-inline") || scriptSrc.contains("unsafe-eval"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'")
                && policy.contains("base-uri 'none'"), policy);
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("no-store", r.header("Cache-Control"));
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(r.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "every script has the nonce: "
                    + scripts.group());
        }
        assertTrue(count > 0, "the back office runs PrimeFaces");
        Matcher handler = Pattern.compile("<[^>]*\\son[a-z]+=\"[^>]*>").matcher(r.body());
        assertFalse(handler.find(), () -> "no inline event handler: " + handler.group());
        assertFalse(r.body().contains("javascript:"), "no javascript: URL");
    }

    private static boolean isSecurityHeader(String name) {
        return List.of("content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy",
                "strict-transport-security", "x-frame-options", "cache-control").contains(name.toLowerCase());
    }
    private static HttpResponse<String> get(CmsServer server, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.base().resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
