package com.marketplaceledger.supervision.casework;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.marketplaceledger.axon.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the case work tables: work lists, newest case first, and one case with its timeline. */
@Component
class CaseFiles {

    /**
     * A case as a work list shows it.
     *
     * @param summary        why it was opened, if the regulator said
     * @param closingSummary the reasons for the finding, once closed
     */
    record CaseSummary(String caseId, String merchantId, CaseStatus status, List<String> alertIds, String openedBy,
                       Instant openedAt, String summary, boolean escalated, String closedBy, Instant closedAt,
                       String finding, String closingSummary) {
    }

    /**
     * One action on a case, as the event that recorded it says.
     *
     * @param action     OPENED, REVIEW_STARTED, NOTE_ADDED, ESCALATED or CLOSED
     * @param by         the regulator who acted
     * @param at         when the regulator acted
     * @param recordedAt when the ledger recorded it
     * @param text       the opening or closing summary, the note, or the reason for escalating
     * @param eventId    the event's identifier, to find it in the audit trail
     */
    record CaseAction(long sequenceNumber, String action, String by, Instant at, Instant recordedAt, String text,
                      String finding, String eventId) {
    }

    /** A case with its timeline, oldest action first; the summary's fields stand at the top level. */
    record CaseDetail(@JsonUnwrapped CaseSummary summary, List<CaseAction> timeline) {
    }

    private static final String SUMMARY_COLUMNS = """
            f.case_id, f.merchant_id, f.status, f.opened_by, f.opened_at, f.summary, f.escalated, f.closed_by,
            f.closed_at, f.finding, f.closing_summary,
            ARRAY(SELECT a.alert_id FROM read_model.case_alert a WHERE a.case_id = f.case_id ORDER BY a.ordinal) AS alert_ids""";

    private static final RowMapper<CaseSummary> SUMMARY = (row, n) -> new CaseSummary(
            row.getString("case_id"), row.getString("merchant_id"), CaseStatus.valueOf(row.getString("status")),
            strings(row.getArray("alert_ids")), row.getString("opened_by"), instant(row, "opened_at"),
            row.getString("summary"), row.getBoolean("escalated"), row.getString("closed_by"), instant(row, "closed_at"),
            row.getString("finding"), row.getString("closing_summary"));

    private static final RowMapper<CaseAction> ACTION = (row, n) -> new CaseAction(
            row.getLong("sequence_number"), row.getString("action"), row.getString("actor"), instant(row, "occurred_at"),
            instant(row, "recorded_at"), row.getString("text"), row.getString("finding"), row.getString("event_id"));

    private final JdbcTemplate jdbc;

    CaseFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases, of one merchant and in one status where given, newest first; one more than the page holds. */
    List<CaseSummary> list(String merchantId, CaseStatus status, Paging paging) {
        var sql = new StringBuilder("SELECT ").append(SUMMARY_COLUMNS).append(" FROM read_model.case_file f WHERE true");
        var parameters = new ArrayList<Object>();
        if (merchantId != null) {
            sql.append(" AND f.merchant_id = ?");
            parameters.add(merchantId);
        }
        if (status != null) {
            sql.append(" AND f.status = ?");
            parameters.add(status.name());
        }
        sql.append(" ORDER BY f.opened_at DESC, f.case_id DESC LIMIT ? OFFSET ?");
        parameters.add(paging.limit());
        parameters.add(paging.offset());
        return jdbc.query(sql.toString(), SUMMARY, parameters.toArray());
    }

    Optional<CaseDetail> find(String caseId) {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM read_model.case_file f WHERE f.case_id = ?", SUMMARY, caseId)
                .stream().findFirst()
                .map(summary -> new CaseDetail(summary, jdbc.query("""
                        SELECT sequence_number, action, actor, occurred_at, recorded_at, text, finding, event_id
                          FROM read_model.case_action WHERE case_id = ? ORDER BY sequence_number""", ACTION, caseId)));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
