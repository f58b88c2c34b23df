package org.opencrm.contacts.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Rows in PostgreSQL's COPY text format, collected in memory a batch at a time and sent with one
 * {@code COPY ... FROM STDIN}: the fastest way to write many rows, much faster than batched inserts.
 */
final class CopyText {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private int rows;

    CopyText value(Object value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A text[] (or boolean[]) value; null elements stay null. */
    CopyText array(List<?> values) {
        separate();
        if (values == null) {
            text.append("\\N");
            return this;
        }
        var literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object element = values.get(i);
            if (element == null) {
                literal.append("NULL");
            } else {
                literal.append('"').append(element.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        escape(literal.append('}').toString());
        return this;
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    /** Sends the collected rows with the given COPY statement and starts a new batch. */
    void copy(CopyManager copy, String statement) {
        if (rows == 0) {
            return;
        }
        try {
            copy.copyIn(statement, new java.io.StringReader(text.toString()));
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY", statement, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text.setLength(0);
        rows = 0;
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    /** COPY's text escapes; a NUL, which no PostgreSQL text may hold, becomes U+FFFD (only raw cells can have one). */
    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\u0000' -> text.append('\uFFFD');
                default -> text.append(c);
            }
        }
    }
}
