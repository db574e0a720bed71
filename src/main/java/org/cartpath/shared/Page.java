package org.cartpath.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the shape of the API convention {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Checks page and size from a request: page from 0, size 1 to 200. */
    public record Request(int page, int size) {
        public Request {
            if (page < 0) {
                throw ProblemException.invalid("page", "must be 0 or more");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
            }
        }

        public int offset() {
            return page * size;
        }
    }
}
