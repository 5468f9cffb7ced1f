package org.healthportal.cms.workflow.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.healthportal.cms.workflow.control.ComplianceRecord;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Pages;

/** The printable compliance record of one article. */
@Named
@RequestScoped
public class ComplianceBacking {

    @Inject
    ComplianceRecord records;

    private Long id;
    private ComplianceRecord.Record record;

    public void load() {
        try {
            record = id == null ? null : records.of(id);
        } catch (CmsException.NotFound missing) {
            record = null;
        }
        if (record == null) {
            Pages.notFound();
        }
    }

    public ComplianceRecord.Record getRecord() {
        return record;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
