package org.healthportal.cms.security;

import static org.healthportal.cms.testsupport.Poll.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Sign-in abuse and sessions over real HTTP: the throttle for the form and HTTP Basic (per account, per address,
 * shared by two instances on one database), what admins see and lift, sessions that end when the account
 * changes, cookie flags, cross-site sign-in posts, hash upgrades and the password policy. Each test uses accounts
 * and client addresses of its own (the test servers trust loopback as a proxy, so X-Forwarded-For sets them).
 */
class LoginSecurityIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static CmsServer second;

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.stop();
        }
    }

    /** A second instance on the same database, with a low per-address limit and a short absolute session limit. */
    private static synchronized CmsServer second() {
        if (second == null) {
            second = CmsServer.startSharingDatabase("second", List.of("-Dcms.login.address-limit=8",
                    "-Dcms.session.absolute-timeout=PT5S")).awaitReady(Duration.ofMinutes(3));
        }
        return second;
    }

    private static String address() {
        return "198.51.100." + ADDRESSES.getAndIncrement();
    }

    static String password(String username) {
        return username + "-Acupoint-7";
    }

    /** A new account with the given roles, created by the admin through the API. */
    static String newAccount(String... roles) {
        String username = "sec" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = Api.as("admin").post("/api/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"测试"
                + username + "\",\"email\":\"" + username + "@example.org\",\"roles\":[\"" + String.join("\",\"", roles)
                + "\"],\"password\":\"" + password(username) + "\"}");
        assertEquals(201, r.status(), r.toString());
        return username;
    }

    @Test
    void basicIsThrottledPerAccountAndAddressUntilASuccessResetsTheCount() {
        String user = newAccount("EDITOR");
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Api.as(user, "wrong-" + i).from(attacker).get("/api/categories").status());
        }
        Api.Response refused = Api.as(user, password(user)).from(attacker).get("/api/categories");
        assertEquals(429, refused.status(), "refused even with the right password: " + refused);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= Duration.ofHours(6).toSeconds() + 1, "Retry-After " + retryAfter);
        assertTrue(refused.json().getString("error").contains("Too many failed sign-ins"), refused.body());
        assertEquals(retryAfter, refused.json().getJsonNumber("retryAfter").longValue());
        assertTrue(refused.header("Content-Type").startsWith("application/json"));

        // The real user elsewhere is not locked out, and signing in resets the account's count.
        assertEquals(200, Api.as(user, password(user)).from(address()).get("/api/categories").status());
        assertEquals(200, Api.as(user, password(user)).from(attacker).get("/api/categories").status());
    }

    @Test
    void aSuccessfulSignInStartsTheCountAfresh() {
        String user = newAccount("EDITOR");
        String from = address();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(401, Api.as(user, "wrong-" + i).from(from).get("/api/categories").status());
            }
            assertEquals(200, Api.as(user, password(user)).from(from).get("/api/categories").status(),
                    "round " + round + ": four failures and a success, never five in a row");
        }
    }

    @Test
    void theLoginPageIsThrottledTooAndSaysWhenToTryAgain() {
        String user = newAccount("EDITOR");
        String from = address();
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = Api.anonymous().from(from).formLogin(user, "wrong-password-" + i);
            assertEquals(200, wrong.status());
            assertTrue(wrong.body().contains("用户名或密码错误"), wrong.body());
        }
        Api.Response refused = Api.anonymous().from(from).formLogin(user, password(user));
        assertEquals(429, refused.status(), refused.toString());
        assertNotNull(refused.header("Retry-After"));
        assertTrue(refused.body().contains("登录失败次数过多"), refused.body());
        assertTrue(refused.body().contains("分钟后"), refused.body());
        assertNull(refused.sessionCookie(), "no session for a refused sign-in");
        // Basic counts the same failures: the form's five block the API for this account and address too.
        assertEquals(429, Api.as(user, password(user)).from(from).get("/api/categories").status());
    }

    @Test
    void anAdminSeesTheBlockOnTheSignInsScreenAndLiftsIt() {
        String user = newAccount("REVIEWER");
        String from = address();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Api.as(user, "wrong-" + i).from(from).get("/api/categories").status());
        }
        assertEquals(429, Api.as(user, password(user)).from(from).get("/api/categories").status());

        Api admin = Api.as("admin");
        JsonObject block = admin.get("/api/sign-ins/blocks").array().stream().map(v -> (JsonObject) v)
                .filter(b -> user.equals(b.getString("username", null))).findFirst().orElseThrow();
        assertEquals("account-from-address", block.getString("kind"));
        assertEquals(from, block.getString("address"));
        assertEquals(5, block.getInt("failures"));
        assertTrue(Instant.parse(block.getString("until")).isAfter(Instant.now()));
        List<String> outcomes = admin.get("/api/sign-ins/attempts?username=" + user).array().stream()
                .map(v -> ((JsonObject) v).getString("outcome")).toList();
        assertEquals(List.of("throttled", "failed", "failed", "failed", "failed", "failed"), outcomes);
        assertEquals(403, Api.as("editor").get("/api/sign-ins/blocks").status(), "admins only");

        String cookie = Api.anonymous().formLogin("admin", "admin-demo").sessionCookie();
        Api.Response screen = Api.anonymous().getWithSession("/admin/sign-ins.xhtml", cookie);
        assertEquals(200, screen.status());
        assertTrue(screen.body().contains(user) && screen.body().contains(from), "the screen shows the block");
        assertEquals(403, Api.anonymous().getWithSession("/admin/sign-ins.xhtml",
                Api.anonymous().formLogin("editor", "editor-demo").sessionCookie()).status(), "admins only");

        assertEquals(204, admin.delete("/api/sign-ins/blocks/accounts/" + user).status());
        assertEquals(200, Api.as(user, password(user)).from(from).get("/api/categories").status());
        assertEquals(404, admin.delete("/api/sign-ins/blocks/accounts/" + user).status(), "nothing left to lift");

        Api.Response audit = admin.get("/api/audit?action=login-block-lifted&actor=admin&size=100");
        assertEquals(200, audit.status(), audit.toString());
        assertTrue(audit.body().contains("login-block:account:" + user), audit.body());
        assertTrue(admin.get("/api/audit/verify").json().getBoolean("intact"), "the chain still verifies");
    }

    @Test
    void twoInstancesShareTheCountsForAccountsAndAddresses() {
        CmsServer other = second();
        // One account from one address: three failures here, two on the other instance.
        String user = newAccount("EDITOR");
        String from = address();
        for (int i = 0; i < 5; i++) {
            Api api = Api.as(user, "wrong-" + i).from(from);
            assertEquals(401, (i < 3 ? api : api.on(other)).get("/api/categories").status());
        }
        assertEquals(429, Api.as(user, password(user)).from(from).get("/api/categories").status());
        assertEquals(429, Api.as(user, password(user)).from(from).on(other).get("/api/categories").status());

        // One address over many names: the other instance allows 8, and counts this instance's failures too.
        String guesser = address();
        for (int i = 0; i < 8; i++) {
            Api api = Api.as("nobody" + i + UUID.randomUUID().toString().substring(0, 4), "guess").from(guesser);
            assertEquals(401, (i % 2 == 0 ? api : api.on(other)).get("/api/categories").status());
        }
        String victim = newAccount("EDITOR");
        Api.Response refused = Api.as(victim, password(victim)).from(guesser).on(other).get("/api/categories");
        assertEquals(429, refused.status(), "the address is blocked for every account: " + refused);
        assertEquals(200, Api.as(victim, password(victim)).from(address()).on(other).get("/api/categories").status());
    }

    @Test
    void sessionsEndWhenTheAccountIsDemotedDisabledOrGivenANewPassword() {
        String user = newAccount("EDITOR");
        Api admin = Api.as("admin");

        String first = signedIn(user, password(user));
        assertEquals(200, Api.anonymous().getWithSession("/admin/", first).status());
        assertEquals(200, admin.put("/api/accounts/" + user, "{\"roles\":[\"REVIEWER\"]}").status());
        assertEnded(first);

        String second = signedIn(user, password(user));
        assertEquals(200, admin.put("/api/accounts/" + user, "{\"enabled\":false}").status());
        assertEnded(second);
        assertEquals(401, Api.as(user, password(user)).get("/api/categories").status());
        assertEquals(200, admin.put("/api/accounts/" + user, "{\"enabled\":true}").status());

        String third = signedIn(user, password(user));
        String reset = "Reset-by-admin-" + UUID.randomUUID();
        assertEquals(204, admin.post("/api/accounts/" + user + "/password", "{\"password\":\"" + reset + "\"}").status());
        assertEnded(third);

        // The reset password works once more, only to choose a new one; the account is told who reset it.
        Api.Response basic = Api.as(user, reset).get("/api/categories");
        assertEquals(403, basic.status(), basic.toString());
        assertTrue(basic.json().getString("error").contains("choose a new one"), basic.body());
        String fourth = signedIn(user, reset);
        Api.Response anyPage = Api.anonymous().getWithSession("/admin/articles.xhtml", fourth);
        assertEquals(302, anyPage.status());
        assertTrue(anyPage.header("Location").endsWith("/admin/password.xhtml"), anyPage.header("Location"));
        Api.Response passwordPage = Api.anonymous().getWithSession("/admin/password.xhtml", fourth);
        assertEquals(200, passwordPage.status());
        assertTrue(passwordPage.body().contains("由管理员 admin 重置"), passwordPage.body());
    }

    private static String signedIn(String username, String password) {
        Api.Response r = Api.anonymous().formLogin(username, password);
        assertEquals(302, r.status(), r.toString());
        assertNotNull(r.sessionCookie());
        return r.sessionCookie();
    }

    private static void assertEnded(String cookie) {
        Api.Response r = Api.anonymous().getWithSession("/admin/", cookie);
        assertEquals(302, r.status(), r.toString());
        assertTrue(r.header("Location").endsWith("/login.xhtml?ended=true"), r.header("Location"));
        assertTrue(Api.anonymous().get("/login.xhtml?ended=true").body().contains("您的会话已结束"));
        assertEquals(302, Api.anonymous().getWithSession("/admin/", cookie).status(), "and stays ended");
    }

    @Test
    void aSessionEndsAtItsAbsoluteLimitHoweverBusy() {
        CmsServer other = second();
        String user = newAccount("EDITOR");
        Api.Response login = Api.anonymous().on(other).formLogin(user, password(user));
        assertEquals(302, login.status(), login.toString());
        String cookie = login.sessionCookie();
        Instant deadline = Instant.now().plusSeconds(60);
        Api.Response r;
        do {
            // Kept busy all along (ten requests a second): idleness is not what ends it.
            pause();
            r = Api.anonymous().on(other).getWithSession("/admin/", cookie);
        } while (r.status() == 200 && Instant.now().isBefore(deadline));
        assertEquals(302, r.status(), r.toString());
        assertTrue(r.header("Location").endsWith("/login.xhtml?expired=true"), r.header("Location"));
    }

    @Test
    void theFirstAdminMustReplaceTheBootstrapPassword() {
        Assumptions.assumeTrue(System.getenv("CMS_DB_URL") == null,
                "needs a database without accounts: runs on the embedded one");
        CmsServer fresh = CmsServer.start("bootstrap", List.of("-Dcms.demo=false",
                "-Dcms.admin.password=Bootstrap-secret-2026")).awaitReady(Duration.ofMinutes(3));
        try {
            Api.Response basic = Api.as("admin", "Bootstrap-secret-2026").on(fresh).get("/api/categories");
            assertEquals(403, basic.status(), basic.toString());
            Api.Response login = Api.anonymous().on(fresh).formLogin("admin", "Bootstrap-secret-2026");
            assertEquals(302, login.status(), login.toString());
            Api.Response dashboard = Api.anonymous().on(fresh).getWithSession("/admin/", login.sessionCookie());
            assertEquals(302, dashboard.status());
            assertTrue(dashboard.header("Location").endsWith("/admin/password.xhtml"), dashboard.header("Location"));
            assertTrue(Api.anonymous().on(fresh).getWithSession("/admin/password.xhtml", login.sessionCookie()).body()
                    .contains("初始密码"));
        } finally {
            fresh.stop();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        Api.Response login = Api.anonymous().formLogin("editor", "editor-demo");
        String setCookie = login.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http in the tests: " + setCookie);
    }

    @Test
    void aSignInPostFromAnotherSiteIsRefused() {
        String form = "login=login&login%3Ausername=editor&login%3Apassword=editor-demo&login%3Asubmit="
                + "&jakarta.faces.ViewState=stateless";
        for (String[] header : new String[][]{{"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"},
                {"Origin", "http://attacker.example"}, {"Origin", "null"}}) {
            Api.Response r = Api.anonymous().send(Api.anonymous().request("/login.xhtml")
                    .header("Content-Type", "application/x-www-form-urlencoded").header(header[0], header[1])
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertEquals(403, r.status(), header[0] + ": " + header[1] + " → " + r);
            assertNull(r.sessionCookie(), "not signed in");
            assertTrue(r.body().contains("来自其他网站"), r.body());
        }
        String self = CmsServer.get().base().toString().replaceAll("/$", "");
        Api.Response same = Api.anonymous().send(Api.anonymous().request("/login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", self)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(302, same.status(), "the site's own origin signs in: " + same);
    }

    @Test
    void aHashFromTheOldWorkFactorIsReplacedAtTheNextSignIn() throws Exception {
        String user = newAccount("EDITOR");
        byte[] salt = UUID.randomUUID().toString().getBytes();
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password(user).toCharArray(), salt, 2048, 256)).getEncoded();
        String old = "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        try (Connection db = CmsServer.database();
             PreparedStatement update = db.prepareStatement("UPDATE account SET password_hash = ? WHERE username = ?")) {
            update.setString(1, old);
            update.setString(2, user);
            assertEquals(1, update.executeUpdate());
        }
        assertEquals(200, Api.as(user, password(user)).get("/api/categories").status());
        try (Connection db = CmsServer.database();
             PreparedStatement select = db.prepareStatement("SELECT password_hash FROM account WHERE username = ?")) {
            select.setString(1, user);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("PBKDF2WithHmacSHA256:600000:"), rs.getString(1));
            }
        }
        assertEquals(200, Api.as(user, password(user)).get("/api/categories").status());
    }

    @Test
    void newPasswordsFollowThePolicy() {
        Api admin = Api.as("admin");
        String[][] cases = {{"short-pass1", "12 characters"}, {"password1234", "too common"},
                {"Sunshine2024!", "too common"}, {null, "must not be the username"}};
        for (String[] c : cases) {
            String username = "policy-" + UUID.randomUUID().toString().substring(0, 8);
            String pw = c[0] == null ? username : c[0];
            Api.Response r = admin.post("/api/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"x\","
                    + "\"roles\":[\"EDITOR\"],\"password\":\"" + pw + "\"}");
            assertEquals(400, r.status(), pw + ": " + r);
            assertTrue(r.json().getString("error").contains(c[1]), r.body());
            assertEquals(404, admin.get("/api/accounts/" + username).status(), "nothing created");
        }
    }
}
