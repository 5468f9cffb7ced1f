package org.healthportal.cms.accounts.boundary.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.junit.jupiter.api.Test;

/**
 * The accounts API for admins: provisioning by script, with the accounts screen's rules, errors and audit events,
 * every change then found in {@code GET /api/audit} with the admin as actor and the account as target.
 */
class AccountApiIT {

    private final Api admin = Api.as("admin");

    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A password the stronger policy will accept too: long, not the username, not a common one. */
    static String password() {
        return "Harbor-" + UUID.randomUUID().toString().substring(0, 12) + "-lamp";
    }

    static JsonObject create(String username, String password, String... roles) {
        Api.Response r = Api.as("admin").post("/api/accounts", Json.createObjectBuilder().add("username", username)
                .add("displayName", "测试 " + username).add("email", username + "@example.org")
                .add("roles", Json.createArrayBuilder(List.of(roles))).add("password", password).build().toString());
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    @Test
    void anAdminCreatesReadsAndListsAnAccountWithoutItsPasswordHash() {
        String name = uniqueName("api");
        String password = password();
        Api.Response r = admin.post("/api/accounts", Json.createObjectBuilder().add("username", name)
                .add("displayName", "周医生").add("email", name + "@example.org")
                .add("roles", Json.createArrayBuilder().add("reviewer")).add("password", password).build().toString());
        assertEquals(201, r.status(), r.toString());
        assertTrue(r.header("Location").endsWith("/api/accounts/" + name), r.header("Location"));
        JsonObject created = r.json();
        assertEquals("周医生", created.getString("displayName"));
        assertEquals(name + "@example.org", created.getString("email"));
        assertEquals(List.of("REVIEWER"), strings(created.getJsonArray("roles")));
        assertTrue(created.getBoolean("enabled"));
        assertTrue(absent(created, "credentials"));
        assertFalse(r.body().toLowerCase().contains("password"), "no password or hash: " + r.body());
        assertEquals(200, Api.as(name, password).get("/api/categories").status(), "the new account signs in");

        JsonObject read = ok(admin.get("/api/accounts/" + name));
        assertEquals(created.getString("displayName"), read.getString("displayName"));
        assertEquals(created.getJsonNumber("version"), read.getJsonNumber("version"));

        Api.Response list = admin.get("/api/accounts");
        assertEquals(200, list.status(), list.toString());
        assertFalse(list.body().toLowerCase().contains("password"), "no hashes in the list");
        JsonObject mine = find(list.array(), name);
        assertEquals("周医生", mine.getString("displayName"));
        JsonObject demoReviewer = find(list.array(), "reviewer");
        assertEquals("reviewer@example.org", demoReviewer.getString("email"), "demo accounts have an address");
        assertEquals("主任医师", demoReviewer.getJsonObject("credentials").getString("title"),
                "the list carries each reviewer's credentials");
        assertEquals(List.of("ADMIN"), strings(find(list.array(), "admin").getJsonArray("roles")));

        JsonObject created1 = auditOf(name).get(0);
        assertEquals("account-create", created1.getString("action"));
        assertEquals("admin", created1.getString("actor"));
        assertTrue(absent(created1, "articleId"), "an account event names no article");
    }

    @Test
    void aPartialUpdateChangesOnlyWhatItNamesAndEveryChangeIsAudited() {
        String name = uniqueName("upd");
        String password = password();
        create(name, password, "EDITOR");

        JsonObject renamed = put(name, "{\"displayName\":\"新名字\"}");
        assertEquals("新名字", renamed.getString("displayName"));
        assertEquals(name + "@example.org", renamed.getString("email"), "absent fields stay");
        assertEquals(List.of("EDITOR"), strings(renamed.getJsonArray("roles")));
        assertTrue(renamed.getBoolean("enabled"));

        JsonObject mailed = put(name, "{\"email\":\"zhou@hospital.example.cn\"}");
        assertEquals("zhou@hospital.example.cn", mailed.getString("email"));
        assertEquals("新名字", mailed.getString("displayName"));
        assertTrue(absent(put(name, "{\"email\":\"\"}"), "email"), "an empty address removes it");

        JsonObject roles = put(name, "{\"roles\":[\"editor\",\"REVIEWER\"]}");
        assertEquals(List.of("EDITOR", "REVIEWER"), strings(roles.getJsonArray("roles")));

        JsonObject credentialed = put(name, "{\"credentials\":{\"title\":\"主治医师\",\"institution\":\"示例医院\","
                + "\"specialty\":\"针灸科\",\"licence\":\"LIC-" + name + "\",\"verifiedUntil\":\"2030-06-30\"}}");
        JsonObject c = credentialed.getJsonObject("credentials");
        assertEquals("主治医师", c.getString("title"));
        assertEquals("LIC-" + name, c.getString("licence"), "admins read the licence number");
        assertEquals("2030-06-30", c.getString("verifiedUntil"));
        JsonObject renewed = put(name, "{\"credentials\":{\"verifiedUntil\":\"2031-01-31\"}}").getJsonObject("credentials");
        assertEquals("2031-01-31", renewed.getString("verifiedUntil"));
        assertEquals("LIC-" + name, renewed.getString("licence"), "credentials merge field by field");
        assertEquals("示例医院", renewed.getString("institution"));

        long version = put(name, "{\"enabled\":false}").getJsonNumber("version").longValue();
        assertEquals(401, Api.as(name, password).get("/api/categories").status(), "a disabled account is refused");
        JsonObject enabled = put(name, "{\"enabled\":true,\"version\":" + version + "}");
        assertTrue(enabled.getBoolean("enabled"));
        assertEquals(200, Api.as(name, password).get("/api/categories").status());

        String renewedPassword = password();
        Api.Response reset = admin.post("/api/accounts/" + name + "/password",
                "{\"password\":\"" + renewedPassword + "\"}");
        assertEquals(204, reset.status(), reset.toString());
        assertEquals(401, Api.as(name, password).get("/api/categories").status(), "the old password is gone");
        // A password an admin set is only good for choosing a new one in the back office.
        assertEquals(403, Api.as(name, renewedPassword).get("/api/categories").status());

        // Nothing to change is no change: no event, no new version.
        long before = ok(admin.get("/api/accounts/" + name)).getJsonNumber("version").longValue();
        assertEquals(before, put(name, "{\"displayName\":\"新名字\",\"roles\":[\"EDITOR\",\"REVIEWER\"]}")
                .getJsonNumber("version").longValue());

        List<JsonObject> events = auditOf(name);
        assertEquals(List.of("account-create", "account-rename", "account-rename", "account-rename", "account-roles",
                "credentials", "credentials", "account-disable", "account-enable", "password-reset"),
                events.stream().map(e -> e.getString("action")).toList());
        for (JsonObject e : events) {
            assertEquals("admin", e.getString("actor"), e.toString());
            assertEquals("account:" + name, e.getString("target"), e.toString());
            assertNotNull(e.getString("hash"));
        }
        assertEquals("新名字", events.get(1).getString("comment").replaceAll(".* → ", ""));
        assertEquals("EDITOR → EDITOR, REVIEWER", events.get(4).getString("comment"));
        assertFalse(events.get(5).getString("comment").contains("LIC-"),
                "the licence number stays out of the trail: " + events.get(5));
        JsonObject verify = ok(admin.get("/api/audit/verify"));
        assertTrue(verify.getBoolean("intact"), verify.toString());
    }

    @Test
    void refusalsAnswerWithTheScreensRulesAndChangeNothing() {
        String name = uniqueName("ref");
        String password = password();
        JsonObject created = create(name, password, "EDITOR");
        String path = "/api/accounts/" + name;

        assertError(admin.post("/api/accounts", newAccount("Bad Name", "EDITOR", password)), 400, "username");
        assertError(admin.post("/api/accounts", newAccount(uniqueName("pw"), "EDITOR", "short")), 400, "password");
        assertError(admin.post("/api/accounts", newAccount(uniqueName("ro"), "DOCTOR", password)), 400, "Unknown role");
        assertError(admin.post("/api/accounts", Json.createObjectBuilder().add("username", uniqueName("nr"))
                .add("roles", Json.createArrayBuilder()).add("password", password).build().toString()), 400, "role");
        assertError(admin.post("/api/accounts", Json.createObjectBuilder().add("username", uniqueName("em"))
                .add("email", "not-an-address").add("roles", Json.createArrayBuilder().add("EDITOR"))
                .add("password", password).build().toString()), 400, "e-mail");
        assertError(admin.post("/api/accounts", ""), 400, null);
        assertError(admin.post("/api/accounts", newAccount(name, "EDITOR", password)), 409, "taken");

        assertError(admin.put(path, "{\"email\":\"a b@example.org\"}"), 400, "e-mail");
        assertError(admin.put(path, "{\"displayName\":\" \"}"), 400, "display name");
        assertError(admin.put(path, "{\"roles\":[]}"), 400, "role");
        assertError(admin.put(path, "{\"roles\":[\"OWNER\"]}"), 400, "Unknown role");
        assertError(admin.put(path, "{\"credentials\":{\"verifiedUntil\":\"next year\"}}"), 400, "verifiedUntil");
        assertError(admin.put(path, "{\"credentials\":{\"title\":\"主治医师\",\"institution\":\"i\",\"specialty\":\"s\","
                + "\"licence\":\"l\"}}"), 409, "reviewer role");
        assertError(admin.put(path, "{\"displayName\":\"x\",\"version\":" + (created.getJsonNumber("version")
                .longValue() + 7) + "}"), 409, "changed by someone else");
        assertError(admin.put("/api/accounts/admin", "{\"enabled\":false}"), 409, "yourself");
        assertError(admin.put("/api/accounts/admin", "{\"roles\":[\"EDITOR\"]}"), 409, "admin role");
        assertError(admin.post(path + "/password", "{\"password\":\"short\"}"), 400, "password");

        assertError(admin.get("/api/accounts/nobody-" + name), 404, "No account");
        assertError(admin.put("/api/accounts/nobody-" + name, "{\"displayName\":\"x\"}"), 404, "No account");
        assertError(admin.post("/api/accounts/nobody-" + name + "/password", "{\"password\":\"" + password + "\"}"),
                404, "No account");

        for (String user : new String[]{"editor", "reviewer", "doctor"}) {
            Api other = Api.as(user);
            assertError(other.get("/api/accounts"), 403, "Only admins");
            assertError(other.get(path), 403, "Only admins");
            assertError(other.post("/api/accounts", newAccount(uniqueName("x"), "ADMIN", password)), 403, "Only admins");
            assertError(other.put(path, "{\"roles\":[\"ADMIN\"]}"), 403, "Only admins");
            assertError(other.post(path + "/password", "{\"password\":\"" + password() + "\"}"), 403, "Only admins");
        }
        assertEquals(401, Api.anonymous().get("/api/accounts").status());

        JsonObject after = ok(admin.get(path));
        assertEquals(created.getString("displayName"), after.getString("displayName"));
        assertEquals(created.getString("email"), after.getString("email"));
        assertEquals(List.of("EDITOR"), strings(after.getJsonArray("roles")));
        assertEquals(created.getJsonNumber("version"), after.getJsonNumber("version"));
        assertEquals(200, Api.as(name, password).get("/api/categories").status(), "the password is unchanged");
        assertEquals(List.of("account-create"), auditOf(name).stream().map(e -> e.getString("action")).toList(),
                "a refused change writes no event");
        assertTrue(ok(admin.get("/api/accounts/admin")).getBoolean("enabled"));
    }

    @Test
    void theGlobalAuditIsPagedAndFilteredForAdminsOnly() {
        String name = uniqueName("aud");
        create(name, password(), "EDITOR");
        put(name, "{\"displayName\":\"一\"}");
        put(name, "{\"displayName\":\"二\"}");

        JsonObject page = ok(admin.get("/api/audit?actor=admin&action=account-rename&target=account:" + name
                + "&page=0&size=1"));
        assertEquals(2, page.getJsonNumber("total").longValue(), page.toString());
        assertEquals(0, page.getInt("page"));
        assertEquals(1, page.getInt("size"));
        assertEquals(1, page.getJsonArray("items").size());
        JsonObject newest = page.getJsonArray("items").getJsonObject(0);
        assertTrue(newest.getString("comment").endsWith("→ 二"), "newest first: " + newest);
        JsonObject second = ok(admin.get("/api/audit?action=account-rename&target=account:" + name + "&page=1&size=1"))
                .getJsonArray("items").getJsonObject(0);
        assertTrue(second.getString("comment").endsWith("→ 一"), second.toString());

        String at = newest.getString("at");
        assertEquals(3, ok(admin.get("/api/audit?target=account:" + name + "&since=2020-01-01T00:00:00Z"))
                .getJsonNumber("total").longValue());
        assertEquals(0, ok(admin.get("/api/audit?target=account:" + name + "&until=2020-01-01T08:00:00%2B08:00"))
                .getJsonNumber("total").longValue());
        assertTrue(ok(admin.get("/api/audit?target=account:" + name + "&since=" + at)).getJsonNumber("total")
                .longValue() >= 1, "since is inclusive");
        JsonObject articles = ok(admin.get("/api/audit?action=approve&size=5"));
        for (JsonValue v : articles.getJsonArray("items")) {
            assertNotNull(v.asJsonObject().getJsonNumber("articleId"), "article events name their article");
        }

        assertError(admin.get("/api/audit?action=frobnicate"), 400, "Unknown action");
        assertError(admin.get("/api/audit?since=yesterday"), 400, "since");
        assertError(admin.get("/api/audit?until=2026-13-01T00:00:00Z"), 400, "until");
        assertError(admin.get("/api/audit?size=0"), 400, "size");
        assertError(admin.get("/api/audit?size=101"), 400, "size");
        assertError(admin.get("/api/audit?page=-1"), 400, "page");
        assertError(admin.get("/api/audit?page=2147483647&size=100"), 400, "page");
        assertError(Api.as("editor").get("/api/audit"), 403, "Only admins");
        assertError(Api.as("reviewer").get("/api/audit"), 403, "Only admins");
        assertEquals(401, Api.anonymous().get("/api/audit").status());
    }

    @Test
    void reviewersLicenceNumbersAreForAdminsAndTheComplianceRecordOnly() {
        String name = uniqueName("lic");
        String password = password();
        String licence = "11" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
        create(name, password, "REVIEWER");
        put(name, "{\"credentials\":{\"title\":\"主任医师\",\"institution\":\"示例针灸医院\",\"specialty\":\"针灸科\","
                + "\"licence\":\"" + licence + "\",\"verifiedUntil\":\"2035-01-01\"}}");

        long id = Articles.id(Articles.create(Articles.uniqueTitle("执业证号")));
        Articles.ok(Articles.transition("editor", id, "submit"));
        Articles.ok(Api.as(name, password).post("/api/articles/" + id + "/transitions", "{\"action\":\"approve\"}"));
        JsonObject live = Articles.ok(Articles.transition("editor", id, "publish"));
        Articles.ok(Api.as(name, password).post("/api/articles/" + id + "/transitions",
                "{\"action\":\"confirm-review\",\"comment\":\"复核无误\"}"));

        for (String user : new String[]{"editor", "reviewer"}) {
            String revisions = Api.as(user).get("/api/articles/" + id + "/revisions").body();
            assertTrue(revisions.contains("示例针灸医院"), "the credentials are shown: " + revisions);
            assertFalse(revisions.contains(licence), user + " must not read the licence: " + revisions);
            assertFalse(Api.as(user).get("/api/articles/" + id + "/revisions/1").body().contains(licence));
            String audit = Api.as(user).get("/api/articles/" + id + "/audit").body();
            assertTrue(audit.contains("复核无误") && audit.contains("示例针灸医院"), audit);
            assertFalse(audit.contains(licence), user + " must not read it in the re-review's comment: " + audit);
            assertFalse(Api.as(user).get("/api/articles/" + id).body().contains(licence));
        }
        assertTrue(admin.get("/api/articles/" + id + "/revisions").body().contains(licence), "admins read it");
        assertTrue(admin.get("/api/articles/" + id + "/audit").body().contains(licence));
        assertTrue(admin.get("/api/articles/" + id + "/compliance").body().contains("licence " + licence),
                "the compliance record keeps it");
        assertTrue(admin.get("/api/audit?action=confirm-review&articleId=" + id).body().contains(licence));

        Api.Response page = Api.anonymous().get(live.getString("publicUrl"));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("示例针灸医院"), "the public page names the reviewer's institution");
        assertFalse(page.body().contains(licence), "and never the licence number");
    }

    private JsonObject put(String name, String json) {
        return ok(admin.put("/api/accounts/" + name, json));
    }

    private List<JsonObject> auditOf(String name) {
        JsonObject page = ok(admin.get("/api/audit?target=account:" + name + "&size=100"));
        List<JsonObject> events = new java.util.ArrayList<>(page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList());
        java.util.Collections.reverse(events);
        return events;
    }

    private static String newAccount(String username, String role, String password) {
        return Json.createObjectBuilder().add("username", username).add("roles", Json.createArrayBuilder().add(role))
                .add("password", password).build().toString();
    }

    /** JSON-B leaves out null fields. */
    private static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static JsonObject find(JsonArray accounts, String username) {
        return accounts.stream().map(JsonValue::asJsonObject).filter(a -> a.getString("username").equals(username))
                .findFirst().orElseThrow(() -> new AssertionError(username + " not in " + accounts));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static JsonObject ok(Api.Response r) {
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    static void assertError(Api.Response r, int status, String fragment) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        String error = r.json().getString("error");
        assertFalse(r.body().contains("at org."), "no stack traces: " + r.body());
        if (fragment != null) {
            assertTrue(error.contains(fragment), "expected '" + fragment + "' in: " + error);
        }
    }
}
