-- What the 2022 health-content guidance asks each article to show: source (来源), author (作者), target audience
-- (适用人群) and the evidence it rests on, as a structured list of references frozen with the revision.
ALTER TABLE revision ADD COLUMN source VARCHAR(200) NULL;
ALTER TABLE revision ADD COLUMN byline VARCHAR(200) NULL;
ALTER TABLE revision ADD COLUMN audience VARCHAR(200) NULL;

CREATE TABLE revision_reference (
    revision_id BIGINT NOT NULL,
    position INT NOT NULL,
    title VARCHAR(300) NOT NULL,
    publisher VARCHAR(200) NOT NULL,
    pub_year INT NULL,
    link VARCHAR(500) NULL,
    PRIMARY KEY (revision_id, position),
    CONSTRAINT fk_revision_reference_revision FOREIGN KEY (revision_id) REFERENCES revision (id)
)${tableOptions};
