package com.marketplaceledger.bench;

import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running ledger a benchmark measures, as {@code ./ledger up} leaves it: both services, their
 * database (for baselines read or written straight into PostgreSQL), the local signing key and the
 * services' process ids (for memory).
 */
public final class Target {

    @Option(names = "--command-url", paramLabel = "URL", defaultValue = "http://localhost:${env:LEDGER_COMMAND_PORT:-8080}",
            description = "the command side (default: ${DEFAULT-VALUE})")
    URI commandSide;

    @Option(names = "--query-url", paramLabel = "URL", defaultValue = "http://localhost:${env:LEDGER_QUERY_PORT:-8081}",
            description = "the query side (default: ${DEFAULT-VALUE})")
    URI querySide;

    @Option(names = "--db-url", paramLabel = "JDBC", description = "the ledger's database (default: $LEDGER_DB_URL, "
            + "else what ./ledger up wrote to data/run/database.url)")
    String databaseUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:LEDGER_DB_USER:-postgres}",
            description = "(default: ${DEFAULT-VALUE})")
    String databaseUser;

    @Option(names = "--signing-key", paramLabel = "FILE", defaultValue = "${env:LEDGER_SIGNING_KEY:-data/keys/signing-key.pem}",
            description = "the local key that signs the tokens the benchmarks send (default: ${DEFAULT-VALUE})")
    Path signingKey;

    @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = "data/run",
            description = "where ./ledger up keeps the services' pid files (default: ${DEFAULT-VALUE})")
    Path runDir;

    private PrivateKey key;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public static Target of(URI commandSide, URI querySide, String databaseUrl, String databaseUser, Path signingKey,
                            Path runDir) {
        Target target = new Target();
        target.commandSide = commandSide;
        target.querySide = querySide;
        target.databaseUrl = databaseUrl;
        target.databaseUser = databaseUser;
        target.signingKey = signingKey;
        target.runDir = runDir;
        return target;
    }

    public Connection database() throws SQLException {
        String url = databaseUrl;
        if (url == null) {
            url = System.getenv("LEDGER_DB_URL");
        }
        if (url == null) {
            try {
                url = Files.readString(runDir.resolve("database.url")).strip();
            } catch (IOException e) {
                throw new IllegalStateException("no database: pass --db-url, set LEDGER_DB_URL, or start the ledger with ./ledger up", e);
            }
        }
        String password = System.getenv().getOrDefault("LEDGER_DB_PASSWORD", "");
        return DriverManager.getConnection(url, databaseUser, password);
    }

    /** A day-long token of the local key for the merchant. */
    public String merchantToken(String merchantId) {
        return tokens.computeIfAbsent("merchant:" + merchantId, ignored -> mint(Grant.merchant(merchantId)));
    }

    public String token(LedgerRole role) {
        return tokens.computeIfAbsent(role.claimValue(), ignored -> mint(Grant.of("bench-" + role.claimValue(), role)));
    }

    /** The pid ./ledger up recorded for a service, if any. */
    public Long pid(String service) {
        try {
            return Long.parseLong(Files.readString(runDir.resolve(service + ".pid")).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private synchronized String mint(Grant grant) {
        if (key == null) {
            try {
                key = LedgerTokens.readPrivateKey(signingKey);
            } catch (IOException e) {
                throw new UncheckedIOException("no signing key at " + signingKey
                        + ": start the ledger with ./ledger up, which makes one, or pass --signing-key", e);
            }
        }
        return LedgerTokens.mint(key, grant, Duration.ofDays(1));
    }
}
