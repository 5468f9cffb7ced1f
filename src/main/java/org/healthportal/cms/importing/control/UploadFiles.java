package org.healthportal.cms.importing.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.healthportal.cms.platform.CmsException;

/** An upload (the export, the uploads zip) into a temporary file the import job owns, refused past its limit. */
public final class UploadFiles {

    private UploadFiles() {
    }

    /** {@code setting} names the environment variable that raises the limit, for the refusal's message. */
    public static Path copy(InputStream content, String suffix, long maxMb, String what, String setting)
            throws IOException {
        Path file = Files.createTempFile("cms-import-", suffix);
        long limit = maxMb * 1024 * 1024;
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new CmsException.InvalidInput("The " + what + " is larger than " + maxMb + " MB (" + setting
                            + ")").withKey("import.tooLarge", maxMb);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
        return file;
    }

    public static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file: the system's cleaning removes it.
            }
        }
    }
}
