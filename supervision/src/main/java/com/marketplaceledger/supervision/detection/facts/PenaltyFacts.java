package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Penalty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The organiser's latest penalty by the day: a case on any merchant with this merchant's licence
 * number, closed with the finding PENALISED (from supervision's own case files); and who joined
 * this network after it.
 */
@Component
class PenaltyFacts {

    private record Closed(Instant at, String eventId) {
    }

    private final FactQueries queries;
    private final EnrolmentFacts enrolments;
    private final BusinessCalendar calendar;

    PenaltyFacts(FactQueries queries, EnrolmentFacts enrolments, BusinessCalendar calendar) {
        this.queries = queries;
        this.enrolments = enrolments;
        this.calendar = calendar;
    }

    Penalty penalty(NetworkScope scope, MapSqlParameterSource params) {
        var penalties = queries.jdbc.query("""
                SELECT a.occurred_at AS closed_at, a.event_id AS closed_event_id
                FROM read_model.case_file c
                JOIN read_model.case_action a ON a.case_id = c.case_id AND a.action = 'CLOSED'
                JOIN business_facts.merchant penalised ON penalised.merchant_id = c.merchant_id
                JOIN business_facts.merchant judged ON judged.licence_number = penalised.licence_number
                WHERE judged.merchant_id = :m AND c.finding = 'PENALISED' AND a.occurred_at < :asOfEnd
                ORDER BY a.occurred_at DESC LIMIT 1""", params,
                (row, n) -> new Closed(row.getTimestamp("closed_at").toInstant(), row.getString("closed_event_id")));
        if (penalties.isEmpty()) {
            return null;
        }
        Closed closed = penalties.get(0);
        LocalDate penalisedOn = calendar.dayOf(closed.at());
        var joined = enrolments.joinedSince(scope, params, penalisedOn);
        long organiser = scope.isNetwork() ? 1 : 0;
        return new Penalty(penalisedOn, closed.eventId(), joined.total() + organiser, joined);
    }
}
