package org.healthportal.cms.importing.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.file.Path;
import org.healthportal.cms.accounts.control.CrossSiteRequests;
import org.healthportal.cms.importing.control.ImportOptions;
import org.healthportal.cms.importing.control.UploadFiles;
import org.healthportal.cms.importing.control.WordPressImports;
import org.healthportal.cms.importing.entity.ImportJob;
import org.healthportal.cms.platform.CmsException;

/**
 * The import screen's upload: a plain multipart post (an export may be far larger than the Faces servlet's
 * image-sized limit), then back to the screen, which follows the job. A refusal (a malformed file, with its line
 * and column) is shown there; nothing was imported.
 */
@WebServlet("/admin/import/upload")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 8L * 1024 * 1024 * 1024,
        maxRequestSize = 9L * 1024 * 1024 * 1024)
public class ImportUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String REFUSAL = "cms.import.refusal";

    @Inject
    WordPressImports imports;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (CrossSiteRequests.isCrossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String screen = request.getContextPath() + "/admin/import.xhtml";
        Path wxr = null;
        Path uploads = null;
        try {
            if (!request.isUserInRole("ADMIN")) {
                throw new CmsException.Forbidden("Only admins import WordPress exports").withKey("error.adminOnly");
            }
            Part export = request.getPart("wxr");
            if (export == null || export.getSize() == 0) {
                throw new CmsException.InvalidInput("Choose the WordPress export file").withKey("import.chooseFile");
            }
            String fileName = export.getSubmittedFileName() == null || export.getSubmittedFileName().isBlank()
                    ? "export.xml" : export.getSubmittedFileName();
            wxr = imports.receiveExport(export.getInputStream());
            Part zip = request.getPart("uploads");
            if (zip != null && zip.getSize() > 0) {
                uploads = imports.receiveUploads(zip.getInputStream());
            }
            ImportOptions options = new ImportOptions(checked(request, "pages"), checked(request, "unpublished"),
                    checked(request, "submit"), checked(request, "fetchImages"), request.getParameter("author"));
            ImportJob job = imports.start(new WordPressImports.Upload(fileName, wxr, uploads), options);
            response.sendRedirect(screen + "?job=" + job.getId());
        } catch (CmsException refused) {
            // start() deleted the files it was given; these are the ones it never saw.
            if (wxr != null && java.nio.file.Files.exists(wxr)) {
                UploadFiles.delete(wxr);
                UploadFiles.delete(uploads);
            }
            request.getSession().setAttribute(REFUSAL, refused);
            response.sendRedirect(screen);
        } catch (IllegalStateException tooLarge) {
            // The container's own ceiling (far above the settings' limits).
            request.getSession().setAttribute(REFUSAL, new CmsException.InvalidInput("The upload is too large")
                    .withKey("import.tooLarge", imports.maxUploadsMb()));
            response.sendRedirect(screen);
        }
    }

    private static boolean checked(HttpServletRequest request, String name) {
        return request.getParameter(name) != null;
    }
}
