package org.healthportal.cms.site.boundary.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a page writes is kept whole, whether or not the page closed its writer (Faces closes it). */
class CapturingResponseTest {

    @Test
    void keepsWhatWasWrittenBeforeTheWriterWasClosed() {
        CapturingResponse capture = new CapturingResponse(response());
        PrintWriter writer = capture.getWriter();
        writer.write("<p>针灸</p>");
        writer.close();

        assertArrayEquals("<p>针灸</p>".getBytes(StandardCharsets.UTF_8), capture.bytes());
        assertFalse(writer.checkError(), "bytes() must not flush a closed writer (it would throw inside and set an error)");
    }

    @Test
    void flushesAnOpenWriterWhenAskedForTheBytes() {
        CapturingResponse capture = new CapturingResponse(response());
        capture.getWriter().write("<p>推拿</p>");

        assertEquals("<p>推拿</p>", new String(capture.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aResetAfterTheWriterWasClosedEmptiesTheBuffer() {
        CapturingResponse capture = new CapturingResponse(response());
        PrintWriter writer = capture.getWriter();
        writer.write("partial");
        writer.close();
        capture.resetBuffer();

        assertEquals(0, capture.bytes().length);
        assertFalse(writer.checkError());
    }

    /** The real response underneath: only its character encoding is asked for. */
    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class},
                (proxy, method, args) -> method.getName().equals("getCharacterEncoding") ? "UTF-8" : null);
    }
}
