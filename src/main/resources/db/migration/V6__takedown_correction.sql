-- A correction notice shown on the live page, and when it was published.
ALTER TABLE article ADD COLUMN correction_notice VARCHAR(2000) NULL;
ALTER TABLE article ADD COLUMN corrected_at DATETIME(6) NULL;
