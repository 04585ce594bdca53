package com.marketplaceledger.axon.web;

import java.util.Map;
import java.util.List;

/**
 * A page of a list answer: {@code page} counts from 0. Paged queries fetch one row more than
 * asked for, so {@code hasMore} costs no count over a large table.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static Paging of(int page, int size) {
        if (page < 0) {
            throw QueryRefused.badParameter("page", "negative-page", Map.of("value", page));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw QueryRefused.badParameter("size", "size-outside", Map.of("value", size, "max", MAX_SIZE));
        }
        return new Paging(page, size);
    }

    public long offset() {
        return (long) page * size;
    }

    /** Rows to fetch: one more than the page holds, to tell whether another page follows. */
    public int limit() {
        return size + 1;
    }

    public <T> Page<T> page(List<T> fetched) {
        boolean hasMore = fetched.size() > size;
        return new Page<>(hasMore ? fetched.subList(0, size) : fetched, page, size, hasMore);
    }

    public record Page<T>(List<T> items, int page, int size, boolean hasMore) {
    }
}
