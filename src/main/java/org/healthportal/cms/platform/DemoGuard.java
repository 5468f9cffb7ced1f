package org.healthportal.cms.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The demo accounts' passwords are published (README, startup log). They are fine on loopback, where only this
 * machine can sign in; on an address others can reach, the server refuses to start while any demo account still
 * has its demo password, unless the demo was asked for explicitly ({@code CMS_DEMO=true}). Where the server
 * listens comes from {@code cms.bind-address}, which the launcher sets; without it Payara Micro listens on every
 * interface, and so the address counts as reachable.
 */
public final class DemoGuard {

    public static final String BIND_ADDRESS_PROPERTY = "cms.bind-address";

    private DemoGuard() {
    }

    /**
     * Why the server must not start, if it must not.
     *
     * @param bindAddress the listener's address, null when unknown
     * @param demoSetting {@code cms.demo}: only {@code true} accepts the risk
     * @param exposed     the demo accounts that have (or, being seeded now, will have) their demo password; asked
     *                    only when the answer matters, since each check costs a password verification
     */
    public static Optional<String> refusal(String bindAddress, String demoSetting, Supplier<List<String>> exposed) {
        if (demoSetting != null && demoSetting.strip().equalsIgnoreCase("true") || isLoopback(bindAddress)) {
            return Optional.empty();
        }
        List<String> accounts = exposed.get();
        if (accounts.isEmpty()) {
            return Optional.empty();
        }
        String where = bindAddress == null || bindAddress.isBlank()
                ? "every network interface (cms.bind-address is not set)" : bindAddress + ", which is not a loopback address";
        return Optional.of("Demo accounts with their published passwords (" + String.join(", ", accounts)
                + ") would be reachable on " + where + ". Change those passwords or disable the accounts while"
                + " listening on 127.0.0.1, listen on 127.0.0.1 only (CMS_HOST), or set CMS_DEMO=true to run the demo"
                + " on this address anyway.");
    }

    /** True when every address the host name stands for is a loopback address; unknown or unresolvable is false. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(name);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException | SecurityException unresolvable) {
            return false;
        }
    }
}
