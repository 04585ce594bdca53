package com.marketplaceledger.query.consistency;

import com.marketplaceledger.axon.EventPositions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.Map;

@RestController
@Tag(name = "Event stream")
class StreamPositionController {

    /**
     * @param processed  the position up to which every read model holds every event
     * @param head       the newest position in the event store
     * @param readModels the same, per read model
     */
    record StreamPosition(long processed, long head, Map<String, Long> readModels) {
    }

    private final ReadModelPositions readModels;
    private final EventPositions events;

    StreamPositionController(ReadModelPositions readModels, EventPositions events) {
        this.readModels = readModels;
        this.events = events;
    }

    @GetMapping("/stream/position")
    @Operation(summary = "How far the read models have followed the event stream, beside its head")
    StreamPosition position() {
        long head = events.head();
        Map<String, Long> processed = readModels.processedPositions();
        return new StreamPosition(processed.isEmpty() ? 0 : Collections.min(processed.values()), head, processed);
    }
}
