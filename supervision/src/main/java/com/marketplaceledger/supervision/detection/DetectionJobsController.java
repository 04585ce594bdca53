package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.JobViews.JobView;
import com.marketplaceledger.axon.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Detection jobs (backtests, re-judging every network): their state, progress and results, and cancelling them. */
@RestController
@Tag(name = "Detection", description = "Versioned pyramid-pattern rules and their evaluation")
class DetectionJobsController {

    private final DetectionJobs jobs;
    private final JobViews views;

    DetectionJobsController(DetectionJobs jobs, JobViews views) {
        this.jobs = jobs;
        this.views = views;
    }

    @GetMapping("/detection/jobs")
    @Operation(summary = "Detection jobs, newest first, without their results")
    Paging.Page<JobView> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "jobs per page, 1 to " + Paging.MAX_SIZE) @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        return paging.page(jobs.list(paging).stream().map(views::view).toList());
    }

    @GetMapping("/detection/jobs/{jobId}")
    @Operation(summary = "A job: RUNNING, SUCCEEDED, FAILED or CANCELLED, networks done of total, its times, and its result once done")
    @ApiResponse(responseCode = "404", description = "no such job (rule unknown-job)")
    JobView job(@PathVariable int jobId) {
        return views.view(jobs.require(jobId));
    }

    @DeleteMapping("/detection/jobs/{jobId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancel a running job: it stops before its next network and reads CANCELLED")
    @ApiResponse(responseCode = "202", description = "the job, asked to stop")
    @ApiResponse(responseCode = "409", description = "the job has finished (rule job-finished)")
    JobView cancel(@PathVariable int jobId) {
        return views.view(jobs.cancel(jobId));
    }
}
