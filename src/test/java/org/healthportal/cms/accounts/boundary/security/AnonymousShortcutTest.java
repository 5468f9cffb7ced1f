package org.healthportal.cms.accounts.boundary.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.auth.message.MessageInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnonymousShortcutTest {

    @Test
    void aPlainReadOfAnUnprotectedPageNeedsNoMechanism() {
        assertTrue(AnonymousShortcut.anonymous(message(request("GET", Map.of(), null, Map.of()), Map.of())));
        assertTrue(AnonymousShortcut.anonymous(message(request("HEAD", Map.of(), null, Map.of()), Map.of())));
    }

    @Test
    void everythingThatMayAuthenticateSomeoneGoesToTheMechanism() {
        // A protected resource, credentials, a session cookie, a sign-in asked for, a form post.
        assertFalse(AnonymousShortcut.anonymous(message(request("GET", Map.of(), null, Map.of()),
                Map.of("jakarta.security.auth.message.MessagePolicy.isMandatory", "true"))));
        assertFalse(AnonymousShortcut.anonymous(message(request("GET", Map.of("Authorization", "Basic eDp5"), null,
                Map.of()), Map.of())));
        assertFalse(AnonymousShortcut.anonymous(message(request("GET", Map.of(), "abc.cms-1", Map.of()), Map.of())));
        assertFalse(AnonymousShortcut.anonymous(message(request("GET", Map.of(), null,
                Map.of("org.glassfish.soteria.security.message.request.authentication", true)), Map.of())));
        assertFalse(AnonymousShortcut.anonymous(message(request("POST", Map.of(), null, Map.of()), Map.of())));
    }

    private static HttpServletRequest request(String method, Map<String, String> headers, String sessionId,
                                              Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(AnonymousShortcutTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getRequestedSessionId" -> sessionId;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static MessageInfo message(HttpServletRequest request, Map<String, String> map) {
        Map<Object, Object> copy = new HashMap<>(map);
        return new MessageInfo() {
            @Override
            public Object getRequestMessage() {
                return request;
            }

            @Override
            public Object getResponseMessage() {
                return null;
            }

            @Override
            public void setRequestMessage(Object request) {
            }

            @Override
            public void setResponseMessage(Object response) {
            }

            @Override
            public Map getMap() {
                return copy;
            }
        };
    }
}
