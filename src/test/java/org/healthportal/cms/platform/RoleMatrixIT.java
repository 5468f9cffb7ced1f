package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every API call for every kind of caller, with the exact status: 401 anonymous and for a disabled account (even
 * one holding every role), 403 where the role does not allow the call, 2xx where it does, 409 where the state
 * refuses. Each caller gets its own fresh article in the state the row names, so a row tests the role, not the
 * order. Complete against the {@code @Path} resources: articles, categories, review policy, accounts, audit (the
 * media library has no API; images are served at {@code /media/…} outside it).
 */
class RoleMatrixIT {

    private static String disabled;
    private static String disabledPassword;
    private static String target;

    @BeforeAll
    static void accounts() {
        disabled = "off" + UUID.randomUUID().toString().substring(0, 6);
        disabledPassword = password();
        create(disabled, disabledPassword, "EDITOR", "REVIEWER", "ADMIN");
        assertEquals(200, Api.as("admin").put("/api/accounts/" + disabled, "{\"enabled\":false}").status());
        target = "tgt" + UUID.randomUUID().toString().substring(0, 6);
        create(target, password(), "EDITOR");
    }

    @TestFactory
    Stream<DynamicTest> everyCallForEveryCaller() {
        List<Row> rows = List.of(
                //   method  path                                  what                   body                       article     anon editor reviewer admin disabled
                row("GET", "/api/categories", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/articles", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("POST", "/api/articles", "", id -> article(), RoleMatrixIT::draft, 401, 201, 403, 403, 401),
                row("GET", "/api/articles/{id}", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/articles/987654321", "unknown", NONE, RoleMatrixIT::sharedDraft, 401, 404, 404, 404, 401),
                row("PUT", "/api/articles/{id}", "", RoleMatrixIT::edit, RoleMatrixIT::draft, 401, 200, 403, 403, 401),
                row("PUT", "/api/articles/{id}", "stale version", RoleMatrixIT::stale, RoleMatrixIT::draft, 401, 409, 403, 403, 401),
                row("POST", TRANSITIONS, "submit", action("submit"), RoleMatrixIT::draft, 401, 200, 403, 403, 401),
                row("POST", TRANSITIONS, "submit in review", action("submit"), RoleMatrixIT::inReview, 401, 409, 403, 403, 401),
                row("POST", TRANSITIONS, "approve", action("approve"), RoleMatrixIT::inReview, 401, 403, 200, 403, 401),
                row("POST", TRANSITIONS, "approve a draft", action("approve"), RoleMatrixIT::draft, 401, 403, 409, 403, 401),
                row("POST", TRANSITIONS, "request-changes", action("request-changes", "请补充来源"), RoleMatrixIT::inReview, 401, 403, 200, 403, 401),
                row("POST", TRANSITIONS, "publish", action("publish"), RoleMatrixIT::approved, 401, 200, 403, 200, 401),
                row("POST", TRANSITIONS, "publish a draft", action("publish"), RoleMatrixIT::draft, 401, 409, 403, 409, 401),
                row("POST", TRANSITIONS, "unpublish", action("unpublish", "待更新"), RoleMatrixIT::live, 401, 200, 403, 200, 401),
                row("POST", TRANSITIONS, "archive", action("archive", "过时"), RoleMatrixIT::live, 401, 403, 403, 200, 401),
                row("POST", TRANSITIONS, "takedown", action("takedown", "紧急下线"), RoleMatrixIT::live, 401, 200, 200, 200, 401),
                row("POST", TRANSITIONS, "takedown a draft", action("takedown", "紧急下线"), RoleMatrixIT::draft, 401, 409, 409, 409, 401),
                row("POST", TRANSITIONS, "correct", action("correct", "更正了剂量"), RoleMatrixIT::live, 401, 200, 403, 200, 401),
                row("POST", TRANSITIONS, "confirm-review", action("confirm-review"), RoleMatrixIT::live, 401, 403, 200, 403, 401),
                row("POST", TRANSITIONS, "confirm-review a draft", action("confirm-review"), RoleMatrixIT::draft, 401, 403, 409, 403, 401),
                row("GET", "/api/articles/{id}/revisions", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/articles/{id}/revisions/1", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/articles/{id}/claims", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/articles/{id}/compliance", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/articles/{id}/audit", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/review-policy", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                // The banner: the policy the other tests leave in force.
                row("PUT", "/api/review-policy", "", id -> "{\"overdue\":\"banner\"}", RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("POST", "/api/articles/{id}/preview-links", "", id -> "{\"hours\":2}", RoleMatrixIT::sharedDraft, 401, 201, 201, 403, 401),
                row("GET", "/api/articles/{id}/preview-links", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 403, 401),
                row("GET", "/api/notifications", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("POST", "/api/notifications/read-all", "", id -> "", RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/notifications/preferences", "", NONE, RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("PUT", "/api/notifications/preferences", "", id -> "{}", RoleMatrixIT::sharedDraft, 401, 200, 200, 200, 401),
                row("GET", "/api/accounts", "", NONE, RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("POST", "/api/accounts", "", id -> newAccount(), RoleMatrixIT::sharedDraft, 401, 403, 403, 201, 401),
                row("POST", "/api/accounts", "username taken", id -> newAccount(target), RoleMatrixIT::sharedDraft, 401, 403, 403, 409, 401),
                row("GET", "/api/accounts/{user}", "", NONE, RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("GET", "/api/accounts/nobody-here", "unknown", NONE, RoleMatrixIT::sharedDraft, 401, 403, 403, 404, 401),
                row("PUT", "/api/accounts/{user}", "", id -> "{\"displayName\":\"矩阵 " + UUID.randomUUID() + "\"}", RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("POST", "/api/accounts/{user}/password", "", id -> "{\"password\":\"" + password() + "\"}", RoleMatrixIT::sharedDraft, 401, 403, 403, 204, 401),
                row("GET", "/api/audit", "", NONE, RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("GET", "/api/audit/verify", "", NONE, RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("GET", "/api/sign-ins/attempts", "", NONE, RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("GET", "/api/sign-ins/blocks", "", NONE, RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("DELETE", "/api/sign-ins/blocks/accounts/nobody-blocked", "nothing to lift", id -> "", RoleMatrixIT::sharedDraft, 401, 403, 403, 404, 401),
                row("GET", "/api/mail", "", NONE, RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401),
                row("POST", "/api/mail/987654321/retry", "unknown", id -> "", RoleMatrixIT::sharedDraft, 401, 403, 403, 404, 401),
                row("POST", "/api/mail/digests", "", id -> "", RoleMatrixIT::sharedDraft, 401, 403, 403, 200, 401));

        return rows.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
            List<String> wrong = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                int expected = row.expected()[caller.ordinal()];
                // Refused before any state is read: one shared draft is enough for those callers.
                long id = expected == 401 ? sharedDraft() : row.state().getAsLong();
                Api api = caller.api();
                HttpRequest.Builder request = api.request(row.path().replace("{id}", String.valueOf(id))
                        .replace("{user}", target));
                request = row.body() == NONE ? request.GET() : request.header("Content-Type", "application/json")
                        .method(row.method(), HttpRequest.BodyPublishers.ofString(row.body().apply(id),
                                StandardCharsets.UTF_8));
                Api.Response r = api.send(request);
                if (r.status() != expected) {
                    wrong.add(caller + ": expected " + expected + ", got " + r);
                }
            }
            assertEquals(List.of(), wrong, row.toString());
        }));
    }

    private static final String TRANSITIONS = "/api/articles/{id}/transitions";

    /** No body: a GET. */
    private static final LongFunction<String> NONE = id -> null;

    /** The callers, in the order of a row's expected statuses. */
    enum Caller {
        ANONYMOUS, EDITOR, REVIEWER, ADMIN, DISABLED;

        Api api() {
            return switch (this) {
                case ANONYMOUS -> Api.anonymous();
                case EDITOR -> Api.as("editor");
                case REVIEWER -> Api.as("reviewer");
                case ADMIN -> Api.as("admin");
                // Each of its refusals is a failed sign-in; the throttle would answer 429 after five (its own test's
                // subject), so the count is cleared before each call.
                case DISABLED -> {
                    Api.as("admin").delete("/api/sign-ins/blocks/accounts/" + disabled);
                    yield Api.as(disabled, disabledPassword);
                }
            };
        }
    }

    /**
     * One call: method and path ({@code {id}} is the row's article, {@code {user}} a throwaway account), what it
     * tries, its body for that article, the state the article starts in, and the status for each {@link Caller}.
     */
    record Row(String method, String path, String what, LongFunction<String> body, LongSupplier state,
               int[] expected) {
        @Override
        public String toString() {
            return method + " " + path + (what.isEmpty() ? "" : " (" + what + ")");
        }
    }

    private static Row row(String method, String path, String what, LongFunction<String> body, LongSupplier state,
                           int anonymous, int editor, int reviewer, int admin, int disabledAccount) {
        return new Row(method, path, what, body, state, new int[]{anonymous, editor, reviewer, admin, disabledAccount});
    }

    private static LongFunction<String> action(String name) {
        return id -> Json.createObjectBuilder().add("action", name).build().toString();
    }

    private static LongFunction<String> action(String name, String comment) {
        return id -> Json.createObjectBuilder().add("action", name).add("comment", comment).build().toString();
    }

    private static String article() {
        return Articles.json(Articles.uniqueTitle("矩阵新建"), "摘要", "<p>正文</p>", Articles.categoryId(), null)
                .toString();
    }

    private static String edit(long id) {
        JsonObject a = Api.as("editor").get("/api/articles/" + id).json();
        return Articles.json(a.getString("title") + "（改）", "摘要", "<p>改过的正文</p>", Articles.categoryId(),
                a.getJsonNumber("version").longValue()).toString();
    }

    private static String stale(long id) {
        JsonObject a = Api.as("editor").get("/api/articles/" + id).json();
        return Articles.json("过时的修改", "摘要", "<p>正文</p>", Articles.categoryId(),
                a.getJsonNumber("version").longValue() - 1).toString();
    }

    private static String password() {
        return "Harbor-" + UUID.randomUUID().toString().substring(0, 12) + "-lamp";
    }

    private static String newAccount() {
        return newAccount("mx" + UUID.randomUUID().toString().substring(0, 6));
    }

    private static String newAccount(String username) {
        return Json.createObjectBuilder().add("username", username).add("roles", Json.createArrayBuilder().add("EDITOR"))
                .add("password", password()).build().toString();
    }

    private static void create(String username, String password, String... roles) {
        Api.Response r = Api.as("admin").post("/api/accounts", Json.createObjectBuilder().add("username", username)
                .add("roles", Json.createArrayBuilder(List.of(roles))).add("password", password).build().toString());
        assertEquals(201, r.status(), r.toString());
    }

    private static Long shared;

    private static long sharedDraft() {
        if (shared == null) {
            shared = draft();
        }
        return shared;
    }

    private static long draft() {
        return Articles.id(Articles.create(Articles.uniqueTitle("矩阵")));
    }

    private static long inReview() {
        long id = draft();
        Articles.ok(Articles.transition("editor", id, "submit"));
        return id;
    }

    private static long approved() {
        long id = inReview();
        Articles.ok(Articles.transition("reviewer", id, "approve"));
        return id;
    }

    private static long live() {
        long id = approved();
        Articles.ok(Articles.transition("editor", id, "publish"));
        return id;
    }
}
