-- The first disclaimer version, shown beneath every article until an admin writes a new one.
INSERT INTO disclaimer (version_number, text_zh, text_en, created_at, created_by) VALUES (1,
 '免责声明：本页面内容仅供健康科普参考，不能替代执业医师的面对面诊断与治疗。涉及用药、治疗等问题请遵医嘱；如有不适，请及时到正规医疗机构就诊。',
 'Disclaimer: this page is health information for general education only and does not replace diagnosis or treatment by a licensed physician. Follow your doctor''s advice on medication and treatment, and seek care at a qualified medical institution if you feel unwell.',
 CURRENT_TIMESTAMP, 'system');
