package org.healthportal.cms.notifications.entity;

import java.util.Arrays;
import java.util.Optional;

/** How a person wants one kind of notification: every kind always shows in the back office as well. */
public enum Delivery {
    /** An e-mail at once. */
    EMAIL("email"),
    /** One e-mail a day listing them. */
    DIGEST("digest"),
    /** Only in the back office. */
    IN_APP("in-app");

    private final String wireName;

    Delivery(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Delivery> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }
}
