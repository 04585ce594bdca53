package com.marketplaceledger.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing, help and usage errors: exit code 2 with a message saying what to do, and nothing read or written. */
class CommandLineTest {

    @TempDir
    Path directory;

    private String export() {
        return Chains.file(directory, Chains.chain(3, Set.of())).toString();
    }

    @Test
    void without_a_command_the_usage_lists_the_commands_and_exits_2() {
        Run run = Run.of();

        assertThat(run.exitCode()).isEqualTo(Auditor.USAGE);
        assertThat(run.err()).contains("Usage: auditor", "verify", "digest", "export", "Exit codes:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "digest", "export", "replay", "history"})
    void every_rest_command_takes_a_token_file_and_says_where_the_token_comes_from(String command) {
        Run run = Run.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        String help = run.out().replaceAll("\\s+", " ");
        assertThat(help).contains("--token-file=FILE", "$LEDGER_TOKEN", "./ledger up writes")
                .containsPattern("else \\S+, which ./ledger up writes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "digest", "export"})
    void every_command_has_help(String command) {
        Run run = Run.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: auditor " + command).contains("--help");
        assertThat(Run.of("help", command).out()).isEqualTo(run.out());
    }

    @Test
    void an_unknown_command_or_option_is_a_usage_error() {
        assertThat(Run.of("replay").exitCode()).isEqualTo(Auditor.USAGE);
        Run run = Run.of("verify", "--file", export(), "--digest-sael", "00");
        assertThat(run.exitCode()).isEqualTo(Auditor.USAGE);
        assertThat(run.err()).contains("Unknown option", "'--digest-sael'");
    }

    @Test
    void verify_needs_exactly_one_of_file_and_url() {
        assertThat(Run.of("verify").err()).contains("Missing required argument", "--file=FILE | --url[=URL]");
        assertThat(Run.of("verify", "--file", export(), "--url", "http://localhost:1").err()).contains("mutually exclusive");
        assertThat(Run.of("verify").exitCode()).isEqualTo(Auditor.USAGE);
    }

    @Test
    void a_digest_needs_its_position_and_a_seal_of_64_hex_digits() {
        String file = export();
        assertThat(usage("verify", "--file", file, "--digest-position", "3")).contains("--digest-position and --digest-seal go together");
        assertThat(usage("verify", "--file", file, "--digest-position", "3", "--digest-seal", "xyz")).contains("not hexadecimal");
        assertThat(usage("verify", "--file", file, "--digest-position", "3", "--digest-seal", "00ff")).contains("is 2 bytes, not 32");
        assertThat(usage("verify", "--file", file, "--digest-position", "0", "--digest-seal", "00".repeat(32))).contains("at least 1");
        assertThat(usage("verify", "--file", file, "--digest-position", "three")).contains("'three' is not a long");
        assertThat(usage("verify", "--file", file, "--digest", directory.resolve("none.json").toString())).contains("no such file");
    }

    @Test
    void options_that_belong_to_the_other_source_are_refused() {
        String file = export();
        assertThat(usage("verify", "--file", file, "--from", "2")).contains("--from and --to go with --url");
        assertThat(usage("verify", "--url", "http://localhost:1", "--subset")).contains("--subset goes with --file");
        assertThat(usage("verify", "--url", "http://localhost:1", "--from", "2", "--digest-position", "3",
                "--digest-seal", "00".repeat(32))).contains("no --from or --to with it");
        assertThat(usage("verify", "--file", file, "--subset", "--digest-position", "3", "--digest-seal", "00".repeat(32)))
                .contains("--subset cannot be verified against a digest");
    }

    @Test
    void a_missing_export_file_is_a_usage_error() {
        assertThat(usage("verify", "--file", directory.resolve("missing.ndjson").toString())).contains("no such file");
    }

    @Test
    void export_takes_one_kind_of_selection() {
        String out = directory.resolve("out.ndjson").toString();
        for (List<String> mixed : List.of(
                List.of("--from", "1", "--merchant", "M-1"),
                List.of("--to", "9", "--from-time", "2026-01-01T00:00:00Z"),
                List.of("--merchant", "M-1", "--to-time", "2026-01-01T00:00:00Z"))) {
            var args = new java.util.ArrayList<>(List.of("export", "--out", out));
            args.addAll(mixed);
            assertThat(usage(args.toArray(String[]::new))).as("%s", mixed).contains("choose one of");
        }
        assertThat(usage("export", "--out", out, "--entity-type", "sale", "--entity-id", "S-1")).contains("need --merchant");
        assertThat(usage("export", "--out", out, "--merchant", "M-1", "--entity-type", "sale")).contains("go together");
        assertThat(usage("export", "--out", out, "--from-time", "yesterday")).contains("--from-time");
        assertThat(usage("export", "--merchant", "M-1")).contains("Missing required option: '--out=FILE'");
        assertThat(directory.resolve("out.ndjson")).doesNotExist();
    }

    private static String usage(String... args) {
        Run run = Run.of(args);
        assertThat(run.exitCode()).as("%s", run).isEqualTo(Auditor.USAGE);
        assertThat(run.out()).isEmpty();
        return run.err();
    }
}
