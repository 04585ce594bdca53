package com.marketplaceledger.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the supervisor writes after every look at its parts (data/run/supervisor.json), and who reads it. */
record SupervisorStatus(long pid, Instant startedAt, Instant updatedAt, List<PartStatus> parts) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path draft = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(draft.toFile(), this);
        Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Optional<SupervisorStatus> read(Path file) {
        try {
            return Optional.of(JSON.readValue(file.toFile(), SupervisorStatus.class));
        } catch (IOException missingOrBeingReplaced) {
            return Optional.empty();
        }
    }

    Optional<PartStatus> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
