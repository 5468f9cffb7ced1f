package org.healthportal.cms.workflow.boundary.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.Test;

/** The audit trail's hash chain: intact after real work, broken by a row edited directly in the database. */
class AuditChainIT {

    @Test
    void aRowEditedInTheDatabaseBreaksTheChainAtThatRow() throws Exception {
        long id = Articles.id(Articles.published(Articles.uniqueTitle("记录链")));
        JsonObject before = verify();
        assertTrue(before.getBoolean("intact"), before.toString());
        assertTrue(before.getJsonNumber("checked").longValue() >= 4);

        JsonArray audit = Api.as("editor").get("/api/articles/" + id + "/audit").array();
        long eventId = audit.getJsonObject(2).getJsonNumber("id").longValue();
        String original;
        try (Connection db = CmsServer.database()) {
            try (PreparedStatement read = db.prepareStatement("SELECT actor FROM audit_event WHERE id = ?")) {
                read.setLong(1, eventId);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    original = rs.getString(1);
                }
            }
            update(db, eventId, "someone-else");
            try {
                JsonObject broken = verify();
                assertFalse(broken.getBoolean("intact"), broken.toString());
                assertEquals(eventId, broken.getJsonNumber("firstBrokenId").longValue(), broken.toString());
                assertTrue(broken.getString("problem").contains("changed"), broken.toString());
            } finally {
                update(db, eventId, original);
            }
        }
        assertTrue(verify().getBoolean("intact"), "restoring the row mends the chain");
    }

    @Test
    void onlyAdminsVerify() {
        assertEquals(403, Api.as("editor").get("/api/audit/verify").status());
        assertEquals(401, Api.anonymous().get("/api/audit/verify").status());
    }

    private static JsonObject verify() {
        Api.Response r = Api.as("admin").get("/api/audit/verify");
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private static void update(Connection db, long eventId, String actor) throws Exception {
        try (PreparedStatement update = db.prepareStatement("UPDATE audit_event SET actor = ? WHERE id = ?")) {
            update.setString(1, actor);
            update.setLong(2, eventId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
