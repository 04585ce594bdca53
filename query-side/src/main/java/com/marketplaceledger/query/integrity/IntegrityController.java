package com.marketplaceledger.query.integrity;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.integrity.Seals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.time.Instant;
import java.util.regex.Pattern;

/** Tamper evidence for auditors: the chain's digest, and verification of the chain or of a saved digest. */
@RestController
@RequestMapping("/integrity")
@Tag(name = "Integrity", description = "The hash chain over the event store: digests and verification (docs/integrity.md)")
class IntegrityController {

    private static final String PROBLEM = "application/problem+json";
    private static final Pattern SEAL = Pattern.compile("[0-9a-fA-F]{" + 2 * Seals.LENGTH + "}");

    /**
     * The head of the chain: its position, its seal (hex) and when it was sealed; {@code eventsSealed}
     * leaves out the positions sealed absent. Keep it to prove later that the log only grew.
     */
    record Digest(long position, String seal, Instant sealedAt, long eventsSealed) {
    }

    /** A digest taken earlier; only its position and seal count. */
    record SavedDigest(Long position, String seal) {
    }

    private final JdbcTemplate jdbc;
    private final ChainVerification verification;

    IntegrityController(JdbcTemplate jdbc, ChainVerification verification) {
        this.jdbc = jdbc;
        this.verification = verification;
    }

    @GetMapping("/digest")
    @Operation(summary = "The digest of the chain's head: position, seal, when it was sealed, how many events it covers")
    Digest digest() {
        var head = StoredRows.head(jdbc);
        Long absent = jdbc.queryForObject("SELECT count(*) FROM axon.event_seal WHERE event_identifier IS NULL", Long.class);
        return new Digest(head.position(), Seals.hex(head.seal()), head.sealedAt(), head.position() - absent);
    }

    @GetMapping("/verification")
    @Operation(summary = "Recomputes the chain over the whole store or from..to and reports the first broken position: "
            + "a changed row, a deleted one, one inserted, or a changed seal")
    @ApiResponse(responseCode = "200", description = "The verdict, verified or not")
    @ApiResponse(responseCode = "400", description = "from below 1 or to below from",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "from is beyond the seal head (rule beyond-seal-head)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ChainVerification.Verdict verify(
            @Parameter(description = "First position to check (default 1); the chain starts from the seal stored before it")
            @RequestParam(required = false) Long from,
            @Parameter(description = "Last position to check (default and at most the seal head)")
            @RequestParam(required = false) Long to) {
        return verification.verify(from, to);
    }

    @PostMapping("/verification")
    @Operation(summary = "Proves against a saved digest that everything up to its position is unchanged and the log only grew")
    @ApiResponse(responseCode = "200", description = "The verdict, verified or not")
    @ApiResponse(responseCode = "400", description = "position missing or below 1, seal missing or not 64 hex digits",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ChainVerification.Verdict verify(@RequestBody SavedDigest digest) {
        if (digest.position() == null || digest.position() < 1) {
            throw QueryRefused.badParameter("position", "digest-position", Map.of());
        }
        if (digest.seal() == null || !SEAL.matcher(digest.seal()).matches()) {
            throw QueryRefused.badParameter("seal", "seal-length", Map.of("digits", 2 * Seals.LENGTH));
        }
        return verification.verify(digest.position(), Seals.fromHex(digest.seal()));
    }
}
