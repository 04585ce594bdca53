package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.marketplaceledger.supervision.detection.DetectionJobs.Job;
import com.marketplaceledger.axon.web.Texts;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** A job as the API shows it, its failure told in the caller's language. */
@Component
class JobViews {

    /**
     * @param parameters what was asked for
     * @param location   where to read it
     * @param result     when it has SUCCEEDED, what it found (absent from lists)
     */
    record JobView(int jobId, String kind, String state, @JsonRawValue String parameters, String requestedBy,
                   Progress progress, boolean cancelRequested, Instant startedAt, Instant finishedAt, Failure failure,
                   String location, @JsonRawValue String result) {
    }

    /** @param total null until the job has listed the networks it judges */
    record Progress(int networksDone, Integer networksTotal) {
    }

    /** @param code {@code service-stopped} or {@code error}; {@code detail} the error's own words, untranslated */
    record Failure(String code, String message, String detail) {
    }

    private final Texts texts;

    JobViews(Texts texts) {
        this.texts = texts;
    }

    static String location(int jobId) {
        return "/detection/jobs/" + jobId;
    }

    JobView view(Job job) {
        Failure failure = job.failureCode() == null ? null : new Failure(job.failureCode(),
                texts.text("job.failure." + job.failureCode()),
                job.failureDetail());
        return new JobView(job.jobId(), job.kind().name(), job.state().name(), job.parameters(), job.requestedBy(),
                new Progress(job.networksDone(), job.networksTotal()), job.cancelRequested(), job.startedAt(),
                job.finishedAt(), failure, location(job.jobId()), job.result());
    }
}
