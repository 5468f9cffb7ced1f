-- The credential gate: which specialties may review a category (null: as its parent), and what each approval
-- recorded of the reviewer's credentials at that moment.
ALTER TABLE category ADD COLUMN review_specialties VARCHAR(500) NULL;
ALTER TABLE revision ADD COLUMN approval_credentials VARCHAR(1000) NULL;
