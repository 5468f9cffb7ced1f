package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.healthportal.cms.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * Paging parameters a client can make up: the API refuses them with 400 and a JSON error, the public pages answer
 * their 404 page; nothing reaches the database as a negative or overflowing offset, nothing answers 500.
 */
class ListParametersIT {

    private static final List<String> REFUSED_BY_THE_API = List.of(
            "page=-1", "size=-5", "size=0", "size=101", "page=abc", "size=1e3", "page=1.5", "page=%20-1",
            "page=2147483647&size=100", "page=21474837&size=100", "page=99999999999", "size=2147483648");

    @Test
    void everyPagedApiListAnswers400ForEveryBadPagingParameter() {
        for (String[] list : new String[][]{{"editor", "/api/articles"}, {"admin", "/api/audit"},
                {"admin", "/api/sign-ins/attempts"}}) {
            assertEquals(200, Api.as(list[0]).get(list[1] + "?page=0&size=100").status(), list[1]);
            for (String query : REFUSED_BY_THE_API) {
                Api.Response r = Api.as(list[0]).get(list[1] + "?" + query);
                assertEquals(400, r.status(), list[1] + "?" + query + ": " + r);
                assertTrue(r.header("Content-Type").startsWith("application/json"), query + ": " + r);
                assertFalse(r.json().getString("error").isBlank(), query + ": " + r);
            }
        }
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        Api editor = Api.as("editor");
        for (String query : List.of("", "page=0", "size=1", "size=100", "page=21474836&size=100", "page=&size=")) {
            Api.Response r = editor.get("/api/articles?" + query);
            assertEquals(200, r.status(), query + ": " + r);
        }
        Api.Response far = editor.get("/api/articles?page=21474836&size=100");
        assertEquals(0, far.json().getJsonArray("items").size(), far.body());
    }

    @Test
    void publicListsAnswerTheirNotFoundPageForBadPages() {
        for (String path : List.of("/categories/zhongyi", "/search?q=%E9%92%88%E7%81%B8")) {
            String join = path.contains("?") ? "&" : "?";
            for (String page : List.of("page=-1", "page=abc", "page=", "page=2147483647", "page=99999999999",
                    "page=1.5", "page=2147483647&size=100")) {
                Api.Response r = Api.anonymous().get(path + join + page);
                assertEquals(404, r.status(), path + join + page);
                assertTrue(r.body().contains("页面不存在"), path + join + page + ": " + r.body());
            }
            assertEquals(200, Api.anonymous().get(path + join + "page=1").status(), path);
            assertEquals(200, Api.anonymous().get(path + join + "page=1&size=2147483647").status(),
                    "public pages have fixed sizes and ignore size: " + path);
        }
    }
}
