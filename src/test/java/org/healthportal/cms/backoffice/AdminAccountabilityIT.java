package org.healthportal.cms.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;

/** What an admin does on the screens lands in the audit chain with a target, and the audit screen shows it. */
class AdminAccountabilityIT {

    @Test
    void theClaimsDictionaryAndANewAccountAreAuditedAndTheAuditScreenFiltersByTarget() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String term = "审计测试词" + tag;
        String username = "aud" + tag;
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");

            ClaimsDictionary claims = office.claims().add(term);
            assertTrue(office.messages().contains("已添加"), office.messages());
            claims.remove(term);
            assertTrue(office.messages().contains("已删除"), office.messages());
            assertFalse(claims.terms().contains(term));

            Accounts accounts = office.accounts()
                    .create(username, "审计测试", username + "@example.org", "Harbor-" + tag + "-lamp-kettle", 0);
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            assertTrue(accounts.row(username).contains(username + "@example.org"), "the list shows the address");

            Audit audit = office.audit().action("创建账号").target("account:" + username).filter().waitUntilTargets(1);
            String events = audit.events();
            assertTrue(events.contains("account:" + username) && events.contains("admin"), events);
            assertTrue(events.contains(username + "@example.org"), "the detail names the address: " + events);
            assertTrue(audit.links().stream().noneMatch(href -> href.contains("history")), "an account event links no article");
            browser.screenshot("12-audit-admin-events");
        }

        List<JsonObject> dictionary = Api.as("admin").get("/api/audit?target=claim-term:" + term).json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(2, dictionary.size(), dictionary.toString());
        assertTrue(dictionary.get(0).getString("comment").startsWith("removed"), dictionary.toString());
        assertTrue(dictionary.get(1).getString("comment").startsWith("added"), dictionary.toString());
        dictionary.forEach(e -> assertEquals("admin", e.getString("actor")));
        assertTrue(Api.as("admin").get("/api/audit/verify").json().getBoolean("intact"));
    }
}
