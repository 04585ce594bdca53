package com.marketplaceledger.query.operations;

import com.marketplaceledger.axon.security.Caller;
import com.marketplaceledger.axon.web.QueryRefused;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pauses every read model's processor, and resumes them. For a bulk load on a small machine: the
 * read models take its events in afterwards, from their tokens, instead of competing with the
 * load for the same cores. Meanwhile queries answer from the read models as they stand, and a
 * read-your-writes wait ({@code minPosition}) runs out. A rebuild starts its processor, paused or not.
 */
@Component
class ReadModelPauses {

    private static final Logger log = LoggerFactory.getLogger(ReadModelPauses.class);

    private final ReadModelProcessors processors;
    private final ReadModelRebuilds rebuilds;
    private final Set<String> paused = new TreeSet<>();

    ReadModelPauses(ReadModelProcessors processors, ReadModelRebuilds rebuilds) {
        this.processors = processors;
        this.rebuilds = rebuilds;
    }

    /**
     * Stops every processor at the end of its batch.
     *
     * @return the processors paused, sorted
     * @throws QueryRefused 409 while a rebuild is replaying (rule {@code rebuild-in-progress}), 503
     *                      when a processor does not stop in time (those before it stay paused)
     */
    synchronized List<String> pause() {
        List<String> replaying = rebuilds.replaying();
        if (!replaying.isEmpty()) {
            throw ReadModelRebuilds.stillReplaying(replaying, "pause-later");
        }
        for (String name : processors.names()) {
            rebuilds.stop(name);
            paused.add(name);
        }
        log.info("read models paused by {}: {}", Caller.required().subject(), paused);
        return List.copyOf(paused);
    }

    /**
     * Starts again every processor paused here (one a rebuild started meanwhile runs already).
     *
     * @return the processors resumed, sorted; none when nothing was paused
     */
    synchronized List<String> resume() {
        List<String> resumed = List.copyOf(paused);
        for (String name : resumed) {
            StreamingEventProcessor processor = processors.require(name);
            if (!processor.isRunning()) {
                processor.start();
            }
            paused.remove(name);
        }
        if (!resumed.isEmpty()) {
            log.info("read models resumed by {}: {}", Caller.required().subject(), resumed);
        }
        return resumed;
    }
}
