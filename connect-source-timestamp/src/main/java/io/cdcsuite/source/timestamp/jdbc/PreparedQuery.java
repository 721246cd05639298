package io.cdcsuite.source.timestamp.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A statement and its parameters, in order, as {@code setObject} takes them. */
public record PreparedQuery(String sql, List<Object> parameters) {

    public PreparedQuery {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
}
