package org.healthportal.cms.importing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImportJobTest {

    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aJobWhoseNodeStoppedBeatingReadsAsFailedAndSaysWhatToDo() {
        ImportJob job = new ImportJob("export.xml", "https://old.example.cn", "admin", "defaults", 10, T);
        job.running(T);
        job.progress(4, T.plusSeconds(30));
        assertEquals(ImportJob.Status.RUNNING, job.statusAt(T.plus(ImportJob.SILENCE)));
        assertNull(job.errorAt(T.plus(ImportJob.SILENCE)));
        Instant later = T.plusSeconds(30).plus(ImportJob.SILENCE).plusSeconds(1);
        assertEquals(ImportJob.Status.FAILED, job.statusAt(later));
        assertTrue(job.errorAt(later).contains("run it again"), job.errorAt(later));
        assertEquals(40, job.percent());
    }

    @Test
    void anEndedJobStaysAsItEnded() {
        ImportJob job = new ImportJob("export.xml", "https://old.example.cn", "admin", "defaults", 0, T);
        job.done("{}", T.plusSeconds(1));
        assertEquals(ImportJob.Status.DONE, job.statusAt(T.plusSeconds(86_400)));
        assertEquals(100, job.percent(), "an export with nothing to import is done entirely");
        ImportJob failed = new ImportJob("x".repeat(300), null, "admin", "defaults", 5, T);
        failed.failed("e".repeat(2000), null, T);
        assertEquals(ImportJob.ERROR_MAX, failed.errorAt(T).length());
        assertEquals(255, failed.getFileName().length());
    }
}
