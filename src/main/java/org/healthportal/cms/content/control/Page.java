package org.healthportal.cms.content.control;

import java.util.List;

/** One page of a list that is paged in the database, with the total it was cut from. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 100;
}
