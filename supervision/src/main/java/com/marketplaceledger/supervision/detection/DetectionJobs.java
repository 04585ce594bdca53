package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.web.Paging;
import com.marketplaceledger.axon.web.QueryRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Long detection work as jobs, kept in {@code read_model.detection_job}: a job's state, progress
 * (networks done of total) and result outlive the request that started it and the service itself.
 * A job runs on the application's task executor. While it runs, a database session of its own holds
 * an advisory lock named by the job's id, so any instance can tell a job still running from one whose
 * service stopped (PostgreSQL ends the session, and the lock, with the process): such a job is read
 * as FAILED, {@code service-stopped}. Cancelling asks the job to stop; it does, before its next network.
 */
@Component
class DetectionJobs {

    enum Kind { BACKTEST, REJUDGE }

    enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    static final String SERVICE_STOPPED = "service-stopped";
    static final String ERROR = "error";

    /** The first key of every job's advisory lock ("LDJB"); the second is the job id. */
    private static final int LOCK_NAMESPACE = 0x4C444A42;
    private static final Logger log = LoggerFactory.getLogger(DetectionJobs.class);
    private static final String COLUMNS = """
            job_id, kind, state, parameters::text AS parameters, requested_by, networks_done, networks_total,
            cancel_requested, started_at, finished_at, failure_code, failure_detail""";

    record Job(int jobId, Kind kind, State state, String parameters, String requestedBy, int networksDone,
               Integer networksTotal, boolean cancelRequested, Instant startedAt, Instant finishedAt, String failureCode,
               String failureDetail, String result) {
    }

    /** What a job does; answers its result, which is kept as JSON. */
    interface Work {
        Object run(Progress progress);
    }

    /** A job's progress, told as it goes; {@link #done} stops the job there when it was cancelled. */
    interface Progress {

        void total(int networks);

        /** @throws Cancelled when the job was asked to stop */
        void done(int networks);
    }

    /** Thrown by {@link Progress#done} in a job asked to stop. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final AsyncTaskExecutor executor;
    private final Clock clock;

    DetectionJobs(NamedParameterJdbcTemplate jdbc, DataSource dataSource, AsyncTaskExecutor executor, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts the work as a job and answers it at once, RUNNING. */
    Job start(Kind kind, String parameters, String by, Work work) {
        Connection session = connection();
        try {
            var owned = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(session, true));
            // the row and the lock appear together: no reader sees the job running without its lock
            session.setAutoCommit(false);
            Integer id = owned.queryForObject("""
                            INSERT INTO read_model.detection_job (kind, state, parameters, requested_by, started_at)
                            VALUES (:kind, 'RUNNING', CAST(:parameters AS jsonb), :by, :now) RETURNING job_id""",
                    new MapSqlParameterSource("kind", kind.name()).addValue("parameters", parameters).addValue("by", by)
                            .addValue("now", Timestamp.from(clock.instant())), Integer.class);
            owned.execute("SELECT pg_advisory_lock(:namespace, :id)", lock(id), PreparedStatement::execute);
            session.commit();
            session.setAutoCommit(true);
            try {
                executor.execute(() -> run(id, work, session));
            } catch (RuntimeException refused) {
                finish(id, State.FAILED, ERROR, String.valueOf(refused.getMessage()), null);
                throw refused;
            }
            return find(id).orElseThrow();
        } catch (SQLException | RuntimeException failure) {
            release(session);
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    Optional<Job> find(int jobId) {
        markStopped();
        return jdbc.query("SELECT " + COLUMNS + ", result::text AS result FROM read_model.detection_job WHERE job_id = :id",
                new MapSqlParameterSource("id", jobId), row(true)).stream().findFirst();
    }

    Job require(int jobId) {
        return find(jobId).orElseThrow(() -> QueryRefused.notFound("job", String.valueOf(jobId)));
    }

    /** Jobs newest first, without their results. */
    List<Job> list(Paging paging) {
        markStopped();
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model.detection_job ORDER BY job_id DESC LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", paging.limit()).addValue("offset", paging.offset()), row(false));
    }

    /** Asks a running job to stop; a job that has finished is refused. */
    Job cancel(int jobId) {
        int asked = jdbc.update("""
                        UPDATE read_model.detection_job SET cancel_requested = TRUE WHERE job_id = :id AND state = 'RUNNING'""",
                new MapSqlParameterSource("id", jobId));
        Job job = require(jobId);
        if (asked == 0 && job.state() != State.RUNNING) {
            throw new QueryRefused(HttpStatus.CONFLICT, "job-finished", "jobId", null,
                    Map.of("jobId", jobId, "state", job.state())).with("state", job.state());
        }
        return job;
    }

    /** Asks every running job of the kind to stop (a newer one makes them pointless). */
    void cancelRunning(Kind kind) {
        jdbc.update("UPDATE read_model.detection_job SET cancel_requested = TRUE WHERE kind = :kind AND state = 'RUNNING'",
                new MapSqlParameterSource("kind", kind.name()));
    }

    int running(Kind kind) {
        markStopped();
        Integer count = jdbc.queryForObject("""
                        SELECT count(*) FROM read_model.detection_job WHERE kind = :kind AND state = 'RUNNING'""",
                new MapSqlParameterSource("kind", kind.name()), Integer.class);
        return count == null ? 0 : count;
    }

    /** A job whose session holds no lock any more ran in a service that stopped. */
    @EventListener(ApplicationReadyEvent.class)
    public void markStopped() {
        jdbc.update("""
                UPDATE read_model.detection_job AS job
                SET state = 'FAILED', failure_code = :stopped, finished_at = :now
                WHERE job.state = 'RUNNING' AND NOT EXISTS (
                    SELECT 1 FROM pg_locks AS held
                    WHERE held.locktype = 'advisory' AND held.granted AND held.objsubid = 2
                      AND held.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND held.classid = CAST(:namespace AS oid) AND held.objid = CAST(job.job_id AS oid))""",
                new MapSqlParameterSource("stopped", SERVICE_STOPPED).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("namespace", LOCK_NAMESPACE));
    }

    private void run(int id, Work work, Connection session) {
        try {
            Object result = work.run(progress(id));
            finish(id, State.SUCCEEDED, null, null, Json.write(result));
        } catch (Cancelled cancelled) {
            finish(id, State.CANCELLED, null, null, null);
        } catch (RuntimeException failure) {
            log.warn("detection job {} failed", id, failure);
            finish(id, State.FAILED, ERROR, String.valueOf(failure.getMessage()), null);
        } finally {
            release(session);
        }
    }

    private Progress progress(int id) {
        return new Progress() {
            @Override
            public void total(int networks) {
                jdbc.update("UPDATE read_model.detection_job SET networks_total = :total WHERE job_id = :id",
                        new MapSqlParameterSource("total", networks).addValue("id", id));
            }

            @Override
            public void done(int networks) {
                Boolean cancel = jdbc.queryForObject("""
                                UPDATE read_model.detection_job SET networks_done = :done WHERE job_id = :id
                                RETURNING cancel_requested""",
                        new MapSqlParameterSource("done", networks).addValue("id", id), Boolean.class);
                if (Boolean.TRUE.equals(cancel)) {
                    throw new Cancelled();
                }
            }
        };
    }

    private void finish(int id, State state, String failureCode, String failureDetail, String result) {
        jdbc.update("""
                        UPDATE read_model.detection_job
                        SET state = :state, finished_at = :now, failure_code = :code, failure_detail = :detail,
                            result = CAST(:result AS jsonb)
                        WHERE job_id = :id AND state = 'RUNNING'""",
                new MapSqlParameterSource("state", state.name()).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("code", failureCode).addValue("detail", failureDetail).addValue("result", result)
                        .addValue("id", id));
    }

    private static MapSqlParameterSource lock(int id) {
        return new MapSqlParameterSource("namespace", LOCK_NAMESPACE).addValue("id", id);
    }

    private static RowMapper<Job> row(boolean withResult) {
        return (row, n) -> new Job(row.getInt("job_id"), Kind.valueOf(row.getString("kind")),
                State.valueOf(row.getString("state")), row.getString("parameters"), row.getString("requested_by"),
                row.getInt("networks_done"), (Integer) row.getObject("networks_total"), row.getBoolean("cancel_requested"),
                row.getTimestamp("started_at").toInstant(),
                row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
                row.getString("failure_code"), row.getString("failure_detail"), withResult ? row.getString("result") : null);
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("no database session for a job", e);
        }
    }

    /** The session goes back to the pool: its lock must not go with it, whether it was committed or not. */
    private static void release(Connection session) {
        try (session) {
            if (!session.getAutoCommit()) {
                session.rollback();
                session.setAutoCommit(true);
            }
            try (var unlock = session.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                unlock.execute();
            }
        } catch (SQLException e) {
            log.warn("releasing a job's session failed", e);
        }
    }
}
