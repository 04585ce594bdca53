package com.marketplaceledger.query.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Event stream")
class StreamProgressController {

    private final StreamProgress progress;

    StreamProgressController(StreamProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/stream/position")
    @Operation(summary = "The global event position the query side has processed, and the head of the event store")
    StreamProgress.Position position() {
        return progress.current();
    }
}
