package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.DetectionJobs.Job;
import com.marketplaceledger.supervision.detection.DetectionJobs.Kind;
import com.marketplaceledger.supervision.readside.ReadModelProgress;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Judges every network again as a job, after a rule set was activated or put in shadow mode: each
 * network as a round of the continuous detection would (the active rule set raising alerts, the
 * shadow one keeping findings). A newer re-judging makes a running one pointless: it is cancelled.
 * While a read model is being rebuilt the job waits, as the continuous detection does.
 */
@Component
class Rejudging {

    /** @param reason {@code activation} or {@code shadow} */
    record Parameters(String reason, int ruleSetVersion) {
    }

    /** @param alertsRaised alerts the re-judging raised (others may have been raised by rounds meanwhile) */
    record Outcome(int networks, int alertsRaised) {
    }

    private static final long REBUILD_POLL_MILLIS = 200;

    private final DetectionJobs jobs;
    private final ContinuousDetection continuous;
    private final ReadModelProgress readModels;
    private final NamedParameterJdbcTemplate jdbc;

    Rejudging(DetectionJobs jobs, ContinuousDetection continuous, ReadModelProgress readModels, NamedParameterJdbcTemplate jdbc) {
        this.jobs = jobs;
        this.continuous = continuous;
        this.readModels = readModels;
        this.jdbc = jdbc;
    }

    Job start(String reason, int ruleSetVersion, String by) {
        jobs.cancelRunning(Kind.REJUDGE);
        return jobs.start(Kind.REJUDGE, Json.write(new Parameters(reason, ruleSetVersion)), by, progress -> {
            List<String> networks = jdbc.queryForList("SELECT merchant_id FROM business_facts.merchant ORDER BY merchant_id",
                    new MapSqlParameterSource(), String.class);
            progress.total(networks.size());
            int raised = 0;
            for (int done = 0; done < networks.size(); done++) {
                progress.done(done);
                while (readModels.rebuilding()) {
                    pause();
                    progress.done(done);
                }
                raised += continuous.judgeNow(networks.get(done));
            }
            progress.done(networks.size());
            return new Outcome(networks.size(), raised);
        });
    }

    private static void pause() {
        try {
            Thread.sleep(REBUILD_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a read model was rebuilt", e);
        }
    }
}
