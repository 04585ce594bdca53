package com.marketplaceledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.shared.integrity.Seals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** verify --file on exports built with Seals: valid ones verify, every single tampering is found at its position. */
class OfflineVerificationTest {

    @TempDir
    Path directory;

    /** Positions 1 to 20; 5 and 13 were skipped by the sequence and are sealed absent. */
    private final List<String> chain = Chains.chain(20, Set.of(5L, 13L));

    private Run verify(List<String> lines, String... options) {
        var args = new ArrayList<>(List.of("verify", "--file", Chains.file(directory, lines).toString()));
        args.addAll(List.of(options));
        return Run.of(args.toArray(String[]::new));
    }

    private List<String> with(int index, ObjectNode changed) {
        var lines = new ArrayList<>(chain);
        lines.set(index, Chains.write(changed));
        return lines;
    }

    @Test
    void a_whole_export_verifies_from_the_genesis_seal() {
        Run run = verify(chain);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("VERIFIED positions 1 to 20: 20 lines, 2 of them absent positions")
                .contains("No digest given");
    }

    @Test
    void a_range_verifies_on_its_own_from_its_first_previous_seal() {
        Run run = verify(chain.subList(7, 15));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("VERIFIED positions 8 to 15: 8 lines, 1 of them absent positions");
    }

    @Test
    void a_changed_payload_is_broken_at_its_position() {
        ObjectNode line = Chains.line(chain.get(6));
        line.put("payloadBase64", Base64.getEncoder().encodeToString(
                "{\"merchantId\":\"M-1\",\"saleId\":\"S-7\",\"quantity\":700}".getBytes(StandardCharsets.UTF_8)));

        Run run = verify(with(6, line));

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 7 (line 7): the seal recomputed from the line's content is");
    }

    @Test
    void a_changed_payload_that_people_read_but_the_seal_does_not_cover_changes_nothing() {
        // the parsed payload is for people; the stored bytes are what is sealed and verified
        ObjectNode line = Chains.line(chain.get(6));
        line.putObject("payload").put("quantity", 700);

        assertThat(verify(with(6, line)).exitCode()).isZero();
    }

    @Test
    void changed_metadata_or_a_changed_timestamp_is_broken_at_its_position() {
        ObjectNode metadata = Chains.line(chain.get(2));
        metadata.put("metaDataBase64", Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)));
        ObjectNode time = Chains.line(chain.get(3));
        time.put("timeStamp", "2026-01-11T00:00:00Z");

        assertThat(verify(with(2, metadata)).out()).startsWith("BROKEN at position 3 (line 3)");
        assertThat(verify(with(3, time)).out()).startsWith("BROKEN at position 4 (line 4)");
    }

    @Test
    void a_removed_line_is_broken_at_the_missing_position() {
        var lines = new ArrayList<>(chain);
        lines.remove(9);

        Run run = verify(lines);

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 10 (line 10): position 11 follows position 9: "
                + "position 10 is missing (a line was removed or moved)");
    }

    @Test
    void a_swapped_pair_is_broken_at_the_first_of_them() {
        var lines = new ArrayList<>(chain);
        Collections.swap(lines, 10, 11);

        Run run = verify(lines);

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 11 (line 11): position 12 follows position 10");
    }

    @Test
    void a_changed_seal_is_broken_at_its_position() {
        ObjectNode line = Chains.line(chain.get(15));
        line.put("seal", Seals.hex(Seals.sealAbsent(Seals.GENESIS, 99)));

        Run run = verify(with(15, line));

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 16 (line 16): the seal recomputed from the line's content is ")
                .contains("the line records " + Seals.hex(Seals.sealAbsent(Seals.GENESIS, 99)));
    }

    @Test
    void a_line_whose_previous_seal_does_not_link_to_the_line_before_is_broken_there() {
        // a forger who reseals from position 9 on must also change position 9's previousSeal
        ObjectNode line = Chains.line(chain.get(8));
        line.put("previousSeal", Seals.hex(Seals.GENESIS));

        Run run = verify(with(8, line));

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 9 (line 9): previousSeal 0000");
    }

    @Test
    void an_event_in_an_absent_position_is_broken_there() {
        ObjectNode inserted = Chains.line(chain.get(5));
        inserted.put("globalIndex", 5);
        var lines = new ArrayList<>(chain);
        lines.set(4, Chains.write(inserted));

        Run run = verify(lines);

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 5 (line 5)");
    }

    @Test
    void position_1_must_follow_the_genesis_seal() {
        ObjectNode line = Chains.line(chain.get(0));
        line.put("previousSeal", Seals.hex(Seals.sealAbsent(Seals.GENESIS, 0)));

        assertThat(verify(with(0, line)).out()).startsWith("BROKEN at position 1 (line 1): position 1 must follow the genesis seal");
    }

    @Test
    void a_digest_the_chain_reaches_verifies_the_file_up_to_it() {
        Run run = verify(chain, "--digest-position", "12", "--digest-seal", Chains.sealOf(chain, 12));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("The chain reaches the digest's seal at position 12");
    }

    @Test
    void a_digest_saved_as_json_is_read_from_its_file() throws Exception {
        Path digest = Files.writeString(directory.resolve("digest.json"), "{\"position\":20,\"seal\":\""
                + Chains.sealOf(chain, 20) + "\",\"sealedAt\":\"2026-12-01T00:00:00Z\",\"eventsSealed\":18}");

        Run run = verify(chain, "--digest", digest.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void a_wrong_digest_is_broken_at_the_digest_position() {
        Run run = verify(chain, "--digest-position", "12", "--digest-seal", Chains.sealOf(chain, 11));

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 12 (line 12): the digest's seal at position 12 is "
                + Chains.sealOf(chain, 11) + ", the chain reaches " + Chains.sealOf(chain, 12));
    }

    @Test
    void a_file_that_ends_before_the_digest_does_not_verify_against_it() {
        Run run = verify(chain.subList(0, 10), "--digest-position", "12", "--digest-seal", Chains.sealOf(chain, 12));

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 12 (line 10): the file ends at position 10, before the digest's position 12");
    }

    @Test
    void a_resealed_forgery_consistent_with_itself_fails_only_against_the_digest() {
        // rewrite position 3 and reseal everything after it: consistent on its own, not with the digest
        var forged = new ArrayList<String>();
        byte[] previous = Seals.GENESIS;
        for (String text : chain) {
            ObjectNode line = Chains.line(text);
            if (line.get("globalIndex").asLong() == 3) {
                line.put("payloadBase64", Base64.getEncoder().encodeToString("{\"forged\":true}".getBytes(StandardCharsets.UTF_8)));
            }
            line.put("previousSeal", Seals.hex(previous));
            previous = Chains.JSON.convertValue(line, com.marketplaceledger.shared.integrity.ExportedEvent.class).expectedSeal(previous);
            line.put("seal", Seals.hex(previous));
            forged.add(Chains.write(line));
        }

        assertThat(verify(forged).exitCode()).isZero();
        Run run = verify(forged, "--digest-position", "20", "--digest-seal", Chains.sealOf(chain, 20));
        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at position 20 (line 20): the digest's seal at position 20 is");
    }

    @Test
    void an_entity_export_verifies_line_by_line_with_subset_and_not_as_a_range() {
        List<String> entity = List.of(chain.get(1), chain.get(6), chain.get(7), chain.get(16));

        assertThat(verify(entity, "--subset").exitCode()).isZero();
        Run asRange = verify(entity);
        assertThat(asRange.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(asRange.out()).startsWith("BROKEN at position 3 (line 2): position 7 follows position 2: 4 positions are missing");
    }

    @Test
    void a_subset_still_finds_a_changed_event_and_positions_out_of_order() {
        ObjectNode changed = Chains.line(chain.get(6));
        changed.put("aggregateIdentifier", "sale/M-1/S-other");

        assertThat(verify(List.of(chain.get(1), Chains.write(changed)), "--subset").out()).startsWith("BROKEN at position 7 (line 2)");
        assertThat(verify(List.of(chain.get(6), chain.get(1)), "--subset").out())
                .startsWith("BROKEN at position 2 (line 2): position 2 follows position 7 (out of order or repeated)");
    }

    @Test
    void a_line_that_is_not_an_export_line_is_broken_at_its_line() {
        var lines = new ArrayList<>(chain.subList(0, 3));
        lines.add("{\"globalIndex\": 4, ");

        Run run = verify(lines);

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).startsWith("BROKEN at line 4: line 4 is not an export line");
    }

    @Test
    void an_empty_file_verifies_nothing() {
        Run run = verify(List.of());

        assertThat(run.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(run.out()).contains("the file has no lines");
    }

    @Test
    void a_large_export_verifies_in_constant_memory() throws IOException {
        // surefire runs with -Xmx64m: 50,000 lines of some 700 bytes would not fit as objects
        Path big = directory.resolve("big.ndjson");
        try (var out = Files.newBufferedWriter(big)) {
            Chains.chain(50_000, Set.of(17L), line -> {
                try {
                    out.write(line);
                    out.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        Run run = Run.of("verify", "--file", big.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("VERIFIED positions 1 to 50000");
    }
}
