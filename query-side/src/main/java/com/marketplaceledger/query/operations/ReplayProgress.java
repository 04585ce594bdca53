package com.marketplaceledger.query.operations;

import com.marketplaceledger.query.consistency.ReadModelPositions;
import com.marketplaceledger.query.operations.ReadModelChecksums.Checksum;
import com.marketplaceledger.query.operations.ReadModelRebuilds.Replay;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a read model's latest rebuild has come: positions replayed out of where the stream
 * stood when it was reset, the rate, the time left, and once it has caught up, its checksum.
 */
@Component
class ReplayProgress {

    /**
     * @param eventsDone        positions of the global sequence replayed so far
     * @param targetPosition    the head of the stream when the read model was reset
     * @param eventsPerSecond   replayed positions per second since the reset
     * @param secondsLeft       at that rate, until the target is reached
     * @param checksum          the rebuilt read model's checksum, once the replay has caught up
     */
    record Progress(String processor, boolean replaying, Instant startedAt, Instant finishedAt, long targetPosition,
                    long eventsDone, BigDecimal percent, long eventsPerSecond, Long secondsLeft, Checksum checksum) {
    }

    private final ReadModelRebuilds rebuilds;
    private final ReadModelPositions positions;
    private final ReadModelChecksums checksums;
    private final Clock clock = Clock.systemUTC();

    ReplayProgress(ReadModelRebuilds rebuilds, ReadModelPositions positions, ReadModelChecksums checksums) {
        this.rebuilds = rebuilds;
        this.positions = positions;
        this.checksums = checksums;
    }

    /**
     * The latest rebuild's progress; a read model never rebuilt here answers not replaying, with no
     * figures. Once caught up, with the checksum if asked for.
     */
    Progress of(String processor, boolean withChecksum) {
        boolean replaying = rebuilds.isReplaying(processor);
        Replay replay = rebuilds.latestReplay(processor).orElse(null);
        if (replay == null) {
            return new Progress(processor, replaying, null, null, 0, 0, null, 0, null, null);
        }
        Instant finishedAt = replaying ? null : rebuilds.finished(processor, clock.instant());
        long target = replay.targetPosition();
        long done = Math.min(target, positions.processedPositions().getOrDefault(processor, 0L));
        if (!replaying) {
            done = target;
        }
        Duration elapsed = Duration.between(replay.startedAt(), finishedAt == null ? clock.instant() : finishedAt);
        long perSecond = elapsed.toMillis() == 0 ? done : done * 1000 / elapsed.toMillis();
        Long secondsLeft = replaying ? (perSecond == 0 ? null : (target - done) / perSecond) : Long.valueOf(0);
        BigDecimal percent = target == 0 ? BigDecimal.valueOf(100)
                : BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(target), 1, RoundingMode.DOWN);
        return new Progress(processor, replaying, replay.startedAt(), finishedAt, target, done, percent, perSecond,
                secondsLeft, replaying || !withChecksum ? null : checksums.of(processor));
    }
}
