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
import org.openqa.selenium.By;

/** What an admin does on the screens lands in the audit chain with a target, and the audit screen shows it. */
class AdminAccountabilityIT {

    @Test
    void theClaimsDictionaryAndANewAccountAreAuditedAndTheAuditScreenFiltersByTarget() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String term = "审计测试词" + tag;
        String username = "aud" + tag;
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");

            browser.go("/admin/claims.xhtml");
            browser.type(By.id("claims:term"), term);
            browser.clickAjax(By.id("claims:add"));
            assertTrue(office.messages().contains("已添加"), office.messages());
            browser.clickAjax(By.xpath("//tr[td[normalize-space(.)='" + term + "']]//button"));
            assertTrue(office.messages().contains("已删除"), office.messages());
            assertFalse(browser.text(By.id("claims:terms")).contains(term));

            browser.go("/admin/accounts.xhtml");
            browser.type(By.id("accounts:username"), username);
            browser.type(By.id("accounts:displayName"), "审计测试");
            browser.type(By.id("accounts:email"), username + "@example.org");
            browser.type(By.id("accounts:password"), "Harbor-" + tag + "-lamp-kettle");
            office.tick("accounts:roles:0");
            browser.clickAjax(By.id("accounts:create"));
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            assertTrue(browser.text(By.cssSelector("tr.account-" + username)).contains(username + "@example.org"),
                    "the list shows the address");

            browser.go("/admin/audit.xhtml");
            browser.pick("audit:action", "创建账号");
            browser.type(By.id("audit:target"), "account:" + username);
            browser.clickAjax(By.id("audit:filter"));
            browser.waitUntil(d -> d.findElements(By.cssSelector("#audit\\:events .audit-target")).size() == 1);
            String events = browser.text(By.id("audit:events"));
            assertTrue(events.contains("account:" + username) && events.contains("admin"), events);
            assertTrue(events.contains(username + "@example.org"), "the detail names the address: " + events);
            assertTrue(browser.all(By.cssSelector("#audit\\:events a")).stream()
                    .noneMatch(a -> a.getAttribute("href").contains("history")), "an account event links no article");
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
