package org.healthportal.cms.site.boundary.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Keeps what a page writes in memory, so it can be stored and answered with validators. Errors and redirects go
 * straight to the real response (then {@link #passedThrough()} is true and nothing is stored).
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
    private ServletOutputStream stream;
    private PrintWriter writer;
    /** Set when the page closed its writer (Faces does): a closed PrintWriter's flush throws and catches inside. */
    private boolean writerClosed;
    private int status = SC_OK;
    private boolean passedThrough;

    CapturingResponse(HttpServletResponse response) {
        super(response);
    }

    byte[] bytes() {
        flushWriter();
        return buffer.toByteArray();
    }

    int status() {
        return status;
    }

    boolean passedThrough() {
        return passedThrough;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc) throws IOException {
        passedThrough = true;
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        passedThrough = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        passedThrough = true;
        super.sendRedirect(location);
    }

    @Override
    public void setContentLength(int len) {
        // The length is set when the buffer is sent.
    }

    @Override
    public void setContentLengthLong(long len) {
        // The length is set when the buffer is sent.
    }

    @Override
    public void flushBuffer() {
        // Nothing reaches the client before the page is complete.
    }

    @Override
    public boolean isCommitted() {
        return passedThrough && super.isCommitted();
    }

    @Override
    public void reset() {
        resetBuffer();
        status = SC_OK;
    }

    @Override
    public void resetBuffer() {
        flushWriter();
        buffer.reset();
    }

    private void flushWriter() {
        if (writer != null && !writerClosed) {
            writer.flush();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("Synchronous only");
                }

                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(buffer, charset), false) {
                @Override
                public void close() {
                    writerClosed = true;
                    super.close();
                }
            };
        }
        return writer;
    }
}
