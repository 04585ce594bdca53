package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.query.support.QueryApi.Answer;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Backtests and re-judging every network run as jobs: answered at once, polled, cancelled, kept. */
class DetectionJobsIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant JAN = Instant.parse("2026-01-05T08:00:00Z");
    /** The backtest's first statement about a network: a job held there has started, and judged nothing yet. */
    private static final String EVENT_DAYS = "SELECT day FROM (";

    @Autowired
    StatementHook hook;
    @Autowired
    Backtest backtest;
    @Autowired
    RuleCatalogue catalogue;
    @Autowired
    JdbcTemplate jdbc;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letGo() {
        release.countDown();
        hook.disarm();
    }

    @Test
    void aBacktestJobEndsWithWhatTheSynchronousBacktestAnswers() throws IOException {
        var network = new NetworkBuilder(newHistory(), "M-job-result", JAN).rootWithRecruits(20, JAN);
        Instant later = Instant.parse("2026-01-20T08:00:00Z");
        for (int i = 0; i < 10; i++) {
            network.enrol("L-" + i, "D-2", later.plusSeconds(i));
        }
        network.await();
        // the result says which alerts were raised live: both backtests must see the same ones
        awaitDetectionSettled();

        Answer started = api().send("POST", "/detection/backtests", "{\"merchantId\":\"M-job-result\"}");

        assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
        String location = started.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/detection/jobs/" + started.body().path("jobId").asInt());
        assertThat(started.body().path("kind").asText()).isEqualTo("BACKTEST");
        assertThat(started.body().path("requestedBy").asText()).isEqualTo(TestTokens.OFFICER);
        JsonNode job = awaitFinished(location);
        assertThat(job.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("progress").path("networksDone").asInt()).isEqualTo(1);
        assertThat(job.path("progress").path("networksTotal").asInt()).isEqualTo(1);
        assertThat(job.path("finishedAt").asText()).isNotEmpty();
        assertThat(job.path("parameters").path("ruleSetVersion").asInt()).isEqualTo(catalogue.active().version());
        var synchronous = backtest.run(catalogue.active(), "M-job-result", null, null, new DetectionJobs.Progress() {
            @Override
            public void total(int networks) {
            }

            @Override
            public void done(int networks) {
            }
        });
        assertThat(job.path("result")).isEqualTo(new ObjectMapper().readTree(Json.write(synchronous)));
        assertThat(job.path("result").path("alerts")).isNotEmpty();
    }

    @Test
    void theBacktestRequestIsAnsweredWhileItsJobIsStillRunning() throws InterruptedException {
        new NetworkBuilder(newHistory(), "M-job-held", JAN).rootWithRecruits(5, JAN).await();
        hook.before(EVENT_DAYS, "M-job-held", this::held);

        Answer started = api().send("POST", "/detection/backtests", "{\"merchantId\":\"M-job-held\"}");

        assertThat(started.status()).isEqualTo(202);
        String location = started.raw().headers().firstValue("Location").orElseThrow();
        await(hook::fired, "the job at its first network");
        JsonNode running = api().ok(location);
        assertThat(running.path("state").asText()).isEqualTo("RUNNING");
        assertThat(running.path("progress").path("networksDone").asInt()).isZero();
        assertThat(running.path("progress").path("networksTotal").asInt()).isEqualTo(1);
        assertThat(running.path("result").isMissingNode() || running.path("result").isNull()).isTrue();
        assertThat(api().ok("/detection/jobs").path("items").get(0).path("jobId").asInt())
                .as("newest first").isEqualTo(started.body().path("jobId").asInt());

        release.countDown();
        assertThat(awaitFinished(location).path("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aCancelledJobStopsBeforeItsNextNetworkAndKeepsNoResult() {
        new NetworkBuilder(newHistory(), "M-job-cancel", JAN).rootWithRecruits(5, JAN).await();
        hook.before(EVENT_DAYS, "M-job-cancel", this::held);
        String location = api().send("POST", "/detection/backtests", "{\"merchantId\":\"M-job-cancel\"}")
                .raw().headers().firstValue("Location").orElseThrow();
        await(hook::fired, "the job at its first network");

        Answer cancelled = api().send("DELETE", location, null);

        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.body().path("cancelRequested").asBoolean()).isTrue();
        release.countDown();
        JsonNode job = awaitFinished(location);
        assertThat(job.path("state").asText()).isEqualTo("CANCELLED");
        assertThat(job.path("result").isNull()).isTrue();
        Answer again = api().send("DELETE", location, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("rule").asText()).isEqualTo("job-finished");
    }

    @Test
    void aJobWhoseServiceStoppedReadsFailedWithTheReasonInTheCallersLanguage() throws Exception {
        // what a job left by a killed query side looks like: RUNNING, and no session holds its lock
        Integer id = jdbc.queryForObject("""
                INSERT INTO read_model.detection_job (kind, state, parameters, requested_by, networks_done, networks_total, started_at)
                VALUES ('BACKTEST', 'RUNNING', '{}', 'inspector.li', 3, 10, now()) RETURNING job_id""", Integer.class);

        JsonNode english = api().ok("/detection/jobs/" + id);
        JsonNode chinese = inChinese("/detection/jobs/" + id);

        assertThat(english.path("state").asText()).isEqualTo("FAILED");
        assertThat(english.path("failure").path("code").asText()).isEqualTo("service-stopped");
        assertThat(english.path("failure").path("message").asText()).contains("service stopped");
        assertThat(english.path("progress").path("networksDone").asInt()).isEqualTo(3);
        assertThat(english.path("finishedAt").asText()).isNotEmpty();
        assertThat(chinese.path("failure").path("message").asText()).contains("服务已停止");
    }

    @Test
    void activatingARuleSetAnswersAtOnceWithTheJobJudgingEveryNetworkAgain() {
        new NetworkBuilder(newHistory(), "M-job-rejudged", JAN).rootWithRecruits(5, JAN).await();
        int active = catalogue.active().version();

        Answer activated = api().post("/detection/rule-sets/" + active + "/activation");

        assertThat(activated.status()).isEqualTo(200);
        JsonNode rejudging = activated.body().path("rejudging");
        assertThat(rejudging.path("kind").asText()).isEqualTo("REJUDGE");
        assertThat(rejudging.path("parameters").path("reason").asText()).isEqualTo("activation");
        JsonNode job = awaitFinished(rejudging.path("location").asText());
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        Integer networks = jdbc.queryForObject("SELECT count(*) FROM read_model.merchant", Integer.class);
        assertThat(job.path("progress").path("networksTotal").asInt()).isLessThanOrEqualTo(networks).isPositive();
        assertThat(job.path("result").path("networks").asInt()).isEqualTo(job.path("progress").path("networksTotal").asInt());
    }

    @Test
    void anUnknownJobIsAProblem() {
        assertThat(api().get("/detection/jobs/999999").status()).isEqualTo(404);
        assertThat(api().get("/detection/jobs/999999").body().path("rule").asText()).isEqualTo("unknown-job");
        assertThat(api().send("DELETE", "/detection/jobs/999999", null).status()).isEqualTo(404);
    }

    /** Holds the job's thread until the test lets it go. */
    private void held() {
        try {
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until the job has finished; judging every network of the test database may take a while. */
    private JsonNode awaitFinished(String location) {
        Instant deadline = Instant.now().plusSeconds(180);
        JsonNode job = api().ok(location);
        while (job.path("state").asText().equals("RUNNING")) {
            assertThat(Instant.now()).as("job " + location + " finished: " + job).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            job = api().ok(location);
        }
        return job;
    }

    private JsonNode inChinese(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.officer())
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
