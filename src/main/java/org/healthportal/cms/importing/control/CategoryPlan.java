package org.healthportal.cms.importing.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The export's categories in an order a tree can be built in, parents before children whatever order the file
 * lists them in; a category whose parent is missing, or which is its own ancestor, goes to the top with a note.
 */
public final class CategoryPlan {

    /** One category to create, its parent's slug (null at the top) and its path of slugs from the top. */
    public record Entry(Wxr.Term term, String parentSlug, List<String> path) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    private CategoryPlan() {
    }

    public static CategoryPlan of(List<Wxr.Term> categories) {
        CategoryPlan plan = new CategoryPlan();
        Map<String, Wxr.Term> bySlug = new LinkedHashMap<>();
        for (Wxr.Term t : categories) {
            if (t.slug().isBlank()) {
                plan.notes.add(Note.of("note.noSlug", t.name()));
            } else if (bySlug.putIfAbsent(t.slug(), t) != null) {
                plan.notes.add(Note.of("note.twice", t.slug()));
            }
        }
        Map<String, List<String>> placed = new LinkedHashMap<>();
        for (Wxr.Term t : bySlug.values()) {
            plan.place(t, bySlug, placed, new HashSet<>());
        }
        return plan;
    }

    private List<String> place(Wxr.Term t, Map<String, Wxr.Term> bySlug, Map<String, List<String>> placed,
                               Set<String> visiting) {
        List<String> done = placed.get(t.slug());
        if (done != null) {
            return done;
        }
        visiting.add(t.slug());
        String parent = t.parentSlug() == null || t.parentSlug().isBlank() ? null : t.parentSlug();
        List<String> path = new ArrayList<>();
        if (parent != null && visiting.contains(parent)) {
            notes.add(Note.of("note.ownAncestor", t.slug()));
            parent = null;
        } else if (parent != null && !bySlug.containsKey(parent)) {
            notes.add(Note.of("note.noParent", t.slug(), parent));
            parent = null;
        }
        if (parent != null) {
            path.addAll(place(bySlug.get(parent), bySlug, placed, visiting));
        }
        path.add(t.slug());
        List<String> fixed = List.copyOf(path);
        placed.put(t.slug(), fixed);
        entries.add(new Entry(t, parent, fixed));
        visiting.remove(t.slug());
        return fixed;
    }

    /** Parents before children. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public Optional<Entry> find(String slug) {
        return entries.stream().filter(e -> e.term().slug().equals(slug)).findFirst();
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }
}
