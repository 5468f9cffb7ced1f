package org.healthportal.cms.compliance.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;
import org.junit.jupiter.api.Test;

class CredentialGateTest {

    private final LocalDate today = LocalDate.of(2026, 11, 26);
    private final Account wang = new Account("wang", "王医生", "h", EnumSet.of(Role.REVIEWER), Instant.EPOCH);
    private final Category tcm = new Category(null, "zhongyi", "中医", "TCM", 0);
    private final Category acupuncture = new Category(new Category(tcm, "tese", "特色中医", "TCM specialties", 0),
            "zhenci", "针刺疗法", "Acupuncture", 0);

    @Test
    void aReviewerWithValidCredentialsInACoveredSpecialtyPasses() {
        tcm.requireSpecialties(Set.of("中医科", "针灸科"));
        assertDoesNotThrow(() -> CredentialGate.check(profile("针灸科，康复医学科", today), acupuncture, today));
    }

    @Test
    void specialtiesAreInheritedFromTheNearestAncestorThatNamesThem() {
        tcm.requireSpecialties(Set.of("中医科"));
        assertEquals(Set.of("中医科"), acupuncture.reviewSpecialties());
        acupuncture.requireSpecialties(Set.of("针灸科"));
        assertEquals(Set.of("针灸科"), acupuncture.reviewSpecialties());
        CmsException e = assertThrows(CmsException.Forbidden.class,
                () -> CredentialGate.check(profile("中医科", today), acupuncture, today));
        assertEquals("error.specialtyMismatch", e.key());
    }

    @Test
    void aCategoryThatNamesNoSpecialtyAcceptsAnyVerifiedReviewer() {
        assertTrue(acupuncture.reviewSpecialties().isEmpty());
        assertDoesNotThrow(() -> CredentialGate.check(profile("骨科", today), acupuncture, today));
    }

    @Test
    void lapsedOrMissingCredentialsAreRefused() {
        CmsException lapsed = assertThrows(CmsException.Forbidden.class,
                () -> CredentialGate.check(profile("针灸科", today.minusDays(1)), acupuncture, today));
        assertEquals("error.credentialsLapsed", lapsed.key());
        assertThrows(CmsException.Forbidden.class,
                () -> CredentialGate.check(profile("针灸科", null), acupuncture, today));
        CmsException none = assertThrows(CmsException.Forbidden.class,
                () -> CredentialGate.check(Optional.empty(), acupuncture, today));
        assertEquals("error.noCredentials", none.key());
    }

    @Test
    void theSnapshotNamesEverything() {
        String snapshot = CredentialGate.snapshot(profile("针灸科", today).orElseThrow());
        assertTrue(snapshot.contains("王医生") && snapshot.contains("主任医师") && snapshot.contains("示例医院")
                && snapshot.contains("针灸科") && snapshot.contains("110") && snapshot.contains("2026-11-26"), snapshot);
    }

    private Optional<ReviewerProfile> profile(String specialty, LocalDate verifiedUntil) {
        return Optional.of(new ReviewerProfile(wang, "主任医师", "示例医院", specialty, "110000", verifiedUntil));
    }

    @Test
    void theLicenceNumberCanBeLeftOutOfRecordedCredentials() {
        ReviewerProfile p = new ReviewerProfile(wang, "主任医师", "示例医院", "针灸科", "110000000000009",
                LocalDate.of(2027, 6, 30));
        String snapshot = CredentialGate.snapshot(p);
        assertTrue(snapshot.contains("110000000000009"), snapshot);
        assertEquals("王医生 | 主任医师 | 示例医院 | 针灸科 | verified until 2027-06-30",
                CredentialGate.withoutLicence(snapshot));
        // A re-review's audit comment: the reviewer's note, then the credentials.
        assertEquals("看过了 — 王医生 | 主任医师 | 示例医院 | 针灸科 | verified until 2027-06-30",
                CredentialGate.withoutLicence("看过了 — " + snapshot));
        assertEquals("no credentials here", CredentialGate.withoutLicence("no credentials here"));
        assertEquals(null, CredentialGate.withoutLicence(null));
    }
}
