package org.healthportal.cms.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.ControlCharacters;

/**
 * Refuses JSON bodies whose strings hold characters XML forbids (written as {@code \u0000} escapes; raw ones are
 * not JSON at all): stored, they would break every back-office screen that shows the text. See
 * {@link ControlCharacters}.
 */
@Provider
public class ControlCharacterCheck implements ReaderInterceptor {

    /** An escape of a forbidden character, not preceded by an escaped backslash. */
    private static final Pattern FORBIDDEN_ESCAPE = Pattern.compile(
            "(?<!\\\\)(?:\\\\\\\\)*\\\\u(?:00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])|[fF]{3}[eEfF])");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (holdsForbiddenEscape(new String(body, StandardCharsets.UTF_8))) {
            throw new CmsException.InvalidInput("Text may not contain control characters (U+0000 to U+001F other than"
                    + " tab and line breaks, U+FFFE, U+FFFF)");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean holdsForbiddenEscape(String json) {
        return FORBIDDEN_ESCAPE.matcher(json).find();
    }
}
