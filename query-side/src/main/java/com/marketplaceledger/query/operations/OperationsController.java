package com.marketplaceledger.query.operations;

import com.marketplaceledger.query.oversight.OversightLog;
import com.marketplaceledger.axon.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/** What an operator needs to run the read models: their processors, dead letters and rebuilds. */
@RestController
@RequestMapping("/operations")
@Tag(name = "Operations", description = "Read-model processors: status, dead letters, retries and rebuilds from event 0")
class OperationsController {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROCESSOR = "The name of a read model's processor, as GET /operations/processors lists them";

    /** The read models' processors of this instance. */
    record Processors(List<ProcessorStatus> processors) {
    }

    /**
     * One read model's processor. {@code replaying}: a rebuild is under way and has not caught up
     * with where the processor was when it was reset. {@code segments}: those this instance holds.
     */
    record ProcessorStatus(String name, boolean running, boolean error, boolean replaying, boolean supportsReset,
                           long deadLetters, long deadLetterSequences, List<SegmentStatus> segments) {
    }

    /**
     * One segment's progress: it holds the events whose sequence hashes to {@code segment} under
     * {@code mask}; {@code position} is the global position its token has reached,
     * {@code resetPosition} where it was when a replay began (null when not replaying).
     */
    record SegmentStatus(int segment, int mask, Long position, boolean caughtUp, boolean replaying,
                         Long resetPosition, boolean merging, String error) {
    }

    /** The processors whose rebuild has begun; follow it on GET /operations/processors. */
    record Rebuild(List<String> processors) {
    }

    /** The processors paused, or resumed. */
    record Paused(List<String> processors) {
    }

    private final ReadModelProcessors processors;
    private final DeadLetters deadLetters;
    private final ReadModelRebuilds rebuilds;
    private final ReplayProgress progress;
    private final ReadModelChecksums checksums;
    private final ReadModelPauses pauses;
    private final OversightLog oversight;

    OperationsController(ReadModelProcessors processors, DeadLetters deadLetters, ReadModelRebuilds rebuilds,
                         ReplayProgress progress, ReadModelChecksums checksums, ReadModelPauses pauses,
                         OversightLog oversight) {
        this.pauses = pauses;
        this.oversight = oversight;
        this.processors = processors;
        this.deadLetters = deadLetters;
        this.rebuilds = rebuilds;
        this.progress = progress;
        this.checksums = checksums;
    }

    @GetMapping("/read-models/{processor}/replay")
    @Operation(summary = "The latest rebuild's progress: positions replayed of the target, rate, time left; "
            + "once caught up, the read model's checksum")
    ReplayProgress.Progress replay(@Parameter(description = PROCESSOR) @PathVariable String processor,
                                   @Parameter(description = "false: leave the checksum out (it reads every row of the "
                                           + "read model), for a client that only waits for the replay")
                                   @RequestParam(defaultValue = "true") boolean checksum) {
        return progress.of(processor, checksum);
    }

    @GetMapping("/read-models/{processor}/checksum")
    @Operation(summary = "The read model's checksum: rows and an MD5 per table, and one over all, to compare rebuilds")
    ReadModelChecksums.Checksum checksum(@Parameter(description = PROCESSOR) @PathVariable String processor) {
        processors.require(processor);
        return checksums.of(processor);
    }

    @GetMapping("/processors")
    @Operation(summary = "Each read model's processor: running, in error, replaying, its segments' positions and its dead letters")
    Processors processors() {
        return new Processors(processors.names().stream().map(this::status).toList());
    }

    @PostMapping("/processors/pause")
    @Operation(summary = "Pauses every read model's processor, each at the end of its batch: for a bulk load, which "
            + "the read models then take in from their tokens once resumed. Queries answer from the read models as "
            + "they stand; a wait for minPosition runs out meanwhile")
    @ApiResponse(responseCode = "200", description = "The processors paused")
    @ApiResponse(responseCode = "409", description = "A rebuild is still replaying (rule rebuild-in-progress)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "A processor did not stop in time (rule processor-not-stopping)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Paused pause() {
        return new Paused(pauses.pause());
    }

    @PostMapping("/processors/resume")
    @Operation(summary = "Starts again the processors paused; they catch up from their tokens")
    @ApiResponse(responseCode = "200", description = "The processors resumed, none when nothing was paused")
    Paused resume() {
        return new Paused(pauses.resume());
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "The events that a read model's handlers rejected, with the later events of their streams, oldest first")
    @ApiResponse(responseCode = "200", description = "A page of dead letters")
    @ApiResponse(responseCode = "400", description = "page or size out of range",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such processor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Paging.Page<DeadLetters.Letter> deadLetters(
            @Parameter(description = PROCESSOR + "; absent: every processor") @RequestParam(required = false) String processor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return deadLetters.list(processor, Paging.of(page, size));
    }

    @PostMapping("/dead-letters/{processor}/retry")
    @Operation(summary = "Hands the processor's dead-lettered streams to its handlers again, once each, "
            + "and says how many left the queue and how many remain")
    @ApiResponse(responseCode = "200", description = "The retry's outcome")
    @ApiResponse(responseCode = "404", description = "No such processor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    DeadLetters.Retry retry(@Parameter(description = PROCESSOR) @PathVariable String processor) {
        return deadLetters.retry(processor);
    }

    @PostMapping("/read-models/{processor}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuilds one read model from event 0: stops its processor, drops its dead letters, "
            + "empties it (its reset handler) and replays the whole stream")
    @ApiResponse(responseCode = "202", description = "The replay has begun")
    @ApiResponse(responseCode = "404", description = "No such processor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "A rebuild of it is still replaying (rule rebuild-in-progress)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Rebuild rebuild(@Parameter(description = PROCESSOR) @PathVariable String processor) {
        rebuilds.rebuild(processor);
        oversight.rebuildStarted(processor);
        return new Rebuild(List.of(processor));
    }

    @PostMapping("/read-models/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuilds every read model from event 0")
    @ApiResponse(responseCode = "202", description = "The replays have begun")
    @ApiResponse(responseCode = "409", description = "A rebuild is still replaying (rule rebuild-in-progress); none was started",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Rebuild rebuildAll() {
        List<String> started = rebuilds.rebuildAll();
        started.forEach(oversight::rebuildStarted);
        return new Rebuild(started);
    }

    private ProcessorStatus status(String name) {
        StreamingEventProcessor processor = processors.require(name);
        List<SegmentStatus> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(OperationsController::segment)
                .toList();
        return new ProcessorStatus(name, processor.isRunning(), processor.isError(), rebuilds.isReplaying(name),
                processor.supportsReset(), deadLetters.size(name), deadLetters.sequences(name), segments);
    }

    private static SegmentStatus segment(EventTrackerStatus status) {
        Throwable error = status.getError();
        return new SegmentStatus(status.getSegment().getSegmentId(), status.getSegment().getMask(),
                value(status.getCurrentPosition()), status.isCaughtUp(),
                status.getTrackingToken() != null && ReadModelRebuilds.replayUnfinished(status.getTrackingToken()),
                value(status.getResetPosition()), status.isMerging(),
                error == null ? null : error.getClass().getName() + ": " + error.getMessage());
    }

    private static Long value(java.util.OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }
}
