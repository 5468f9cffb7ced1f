package org.healthportal.cms.taxonomy.entity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Medical specialties as people write them: "针灸科, 康复医学科" or "针灸科，康复医学科"; compared trimmed and case-blind. */
public final class Specialties {

    private Specialties() {
    }

    public static Set<String> parse(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.split("[,，、;；]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static boolean overlap(Set<String> a, Set<String> b) {
        Set<String> normalized = a.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return b.stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(normalized::contains);
    }
}
