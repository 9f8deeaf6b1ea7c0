package dev.allowlist.portal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A PostgreSQL array column (text or varchar) as a list of strings; SQL NULL as an empty list. */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> strings = new ArrayList<>(values.length);
        for (Object v : values) {
            strings.add(String.valueOf(v));
        }
        return strings;
    }
}
