package org.healthportal.cms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The site's time zone, in which people read and type times (China Standard Time unless configured). */
@Named("zones")
@ApplicationScoped
public class Zones {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    @ConfigProperty(name = "cms.timezone", defaultValue = "Asia/Shanghai")
    String zone;

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    /** An instant as the site shows it, e.g. 2026-11-27 08:00. */
    public String format(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant.atZone(zone()));
    }

    public LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    public Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }
}
