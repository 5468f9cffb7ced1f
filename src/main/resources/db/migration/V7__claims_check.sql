-- The claims dictionary (absolute, efficacy and promotional wording the advertising rules forbid in health
-- content) and what the check found in each revision, with the editor's justification.
CREATE TABLE claim_term (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    term VARCHAR(100) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    note VARCHAR(500) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_claim_term UNIQUE (term)
)${tableOptions};

CREATE TABLE claim_finding (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    revision_id BIGINT NOT NULL,
    term VARCHAR(100) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    occurrences INT NOT NULL,
    excerpt VARCHAR(300) NOT NULL,
    justification VARCHAR(2000) NULL,
    checked_at DATETIME(6) NOT NULL,
    checked_by VARCHAR(64) NOT NULL,
    CONSTRAINT fk_claim_finding_revision FOREIGN KEY (revision_id) REFERENCES revision (id)
)${tableOptions};
CREATE INDEX ix_claim_finding_revision ON claim_finding (revision_id);

INSERT INTO claim_term (term, kind, note) VALUES ('最', 'ABSOLUTE', '绝对化用语（广告法第九条）');
INSERT INTO claim_term (term, kind, note) VALUES ('第一', 'ABSOLUTE', '绝对化用语');
INSERT INTO claim_term (term, kind, note) VALUES ('国家级', 'ABSOLUTE', '绝对化用语');
INSERT INTO claim_term (term, kind, note) VALUES ('顶级', 'ABSOLUTE', '绝对化用语');
INSERT INTO claim_term (term, kind, note) VALUES ('独家', 'ABSOLUTE', '绝对化用语');
INSERT INTO claim_term (term, kind, note) VALUES ('根治', 'EFFICACY', '断言疗效（广告法第十六条）');
INSERT INTO claim_term (term, kind, note) VALUES ('治愈率', 'EFFICACY', '治愈率、有效率不得出现');
INSERT INTO claim_term (term, kind, note) VALUES ('有效率', 'EFFICACY', '治愈率、有效率不得出现');
INSERT INTO claim_term (term, kind, note) VALUES ('保证', 'EFFICACY', '对功效、安全性的保证');
INSERT INTO claim_term (term, kind, note) VALUES ('药到病除', 'EFFICACY', '断言疗效');
INSERT INTO claim_term (term, kind, note) VALUES ('无毒副作用', 'EFFICACY', '安全性断言');
INSERT INTO claim_term (term, kind, note) VALUES ('无副作用', 'EFFICACY', '安全性断言');
INSERT INTO claim_term (term, kind, note) VALUES ('100%', 'EFFICACY', '百分之百的断言');
INSERT INTO claim_term (term, kind, note) VALUES ('百分之百', 'EFFICACY', '百分之百的断言');
INSERT INTO claim_term (term, kind, note) VALUES ('永不复发', 'EFFICACY', '断言疗效');
INSERT INTO claim_term (term, kind, note) VALUES ('cure', 'EFFICACY', 'Cure claims');
INSERT INTO claim_term (term, kind, note) VALUES ('guaranteed', 'EFFICACY', 'Guarantees of efficacy or safety');
INSERT INTO claim_term (term, kind, note) VALUES ('no side effects', 'EFFICACY', 'Safety claims');
INSERT INTO claim_term (term, kind, note) VALUES ('立即预约', 'CTA', '知识内容中夹带的医疗广告');
INSERT INTO claim_term (term, kind, note) VALUES ('扫码咨询', 'CTA', '知识内容中夹带的医疗广告');
INSERT INTO claim_term (term, kind, note) VALUES ('咨询热线', 'CTA', '知识内容中夹带的医疗广告');
INSERT INTO claim_term (term, kind, note) VALUES ('加微信', 'CTA', '知识内容中夹带的医疗广告');
INSERT INTO claim_term (term, kind, note) VALUES ('限时优惠', 'CTA', '知识内容中夹带的医疗广告');
INSERT INTO claim_term (term, kind, note) VALUES ('点击购买', 'CTA', '知识内容中夹带的医疗广告');
INSERT INTO claim_term (term, kind, note) VALUES ('在线挂号', 'CTA', '知识内容中夹带的医疗广告');
INSERT INTO claim_term (term, kind, note) VALUES ('buy now', 'CTA', 'Advertising inside knowledge content');
