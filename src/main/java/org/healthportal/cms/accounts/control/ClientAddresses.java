package org.healthportal.cms.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for the sign-in throttle. {@code X-Forwarded-For} is believed only when the
 * connection comes from a proxy listed in {@code cms.login.trusted-proxies}; then the address is the one that
 * proxy saw (the rightmost one not itself a trusted proxy), so a client cannot choose its own by sending the
 * header. Otherwise it is the socket's address.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "cms.login.trusted-proxies", defaultValue = " ")
    String trustedProxiesSetting;

    private Set<String> trustedProxies;

    @PostConstruct
    void init() {
        trustedProxies = Arrays.stream(trustedProxiesSetting.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpServletRequest request) {
        String socket = request.getRemoteAddr();
        if (!trustedProxies.contains(socket)) {
            return socket;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return socket;
        }
        List<String> hops = Arrays.stream(forwarded.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trustedProxies.contains(hop)) {
                return hop.length() <= 64 && hop.matches("[0-9A-Fa-f:.\\[\\]]+") ? hop : socket;
            }
        }
        return socket;
    }
}
