package org.suyuan.db.code;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Multi-row inserts through the transaction's own connection. One {@code persist} per row would cost one
 * statement and one round trip per code (Connector/J does not rewrite batches unless told to): seconds for ten
 * thousand serials, all of them under the batch's row lock.
 */
class IssuedCodeInsertsImpl implements IssuedCodeInserts {

    private static final int ROWS_PER_STATEMENT = 500;
    private static final String COLUMNS = "insert into issued_code (code, kind, organization_id, batch_id, item_number,"
            + " issued_at, issued_by, status, version) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, 0)";

    private final JdbcTemplate jdbc;

    IssuedCodeInsertsImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertAll(List<IssuedCode> codes) {
        for (int from = 0; from < codes.size(); from += ROWS_PER_STATEMENT) {
            List<IssuedCode> chunk = codes.subList(from, Math.min(codes.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(COLUMNS);
            List<Object> arguments = new ArrayList<>(chunk.size() * 8);
            for (IssuedCode code : chunk) {
                if (arguments.size() > 0) {
                    sql.append(", ");
                }
                sql.append(ROW);
                arguments.add(code.getCode());
                arguments.add(code.getKind().name());
                arguments.add(code.getOrganizationId());
                arguments.add(code.getBatchId());
                arguments.add(code.getItemNumber());
                arguments.add(utc(code.getIssuedAt()));
                arguments.add(code.getIssuedBy());
                arguments.add(code.getStatus().name());
            }
            jdbc.update(sql.toString(), arguments.toArray());
        }
    }

    /** As Hibernate writes an {@link Instant} here ({@code hibernate.jdbc.time_zone=UTC}): the UTC wall-clock time. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
