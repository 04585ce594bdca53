package com.marketplaceledger.axon.embedded;

import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signing key and tokens of the embedded default, for the {@code ledger} launcher:
 * {@code [--data-dir DIR] [--merchant ID] [--days N]} keeps one RSA key under {@code DIR/keys}
 * (made on first use, never replaced; the services verify tokens with its public half) and writes
 * fresh tokens to {@code DIR/tokens}: {@code merchant.jwt} for merchant ID, {@code regulator.jwt},
 * {@code auditor.jwt} and {@code admin.jwt}. With {@code --print ROLE [--merchant ID]} it prints
 * one token instead. A deployment with an identity provider has no use for it.
 */
public final class LocalIssuer {

    public static final String PRIVATE_KEY = "keys/signing-key.pem";
    public static final String PUBLIC_KEY = "keys/signing-key.pub.pem";

    private final Path dataDir;
    private final PrivateKey signingKey;

    private LocalIssuer(Path dataDir, PrivateKey signingKey) {
        this.dataDir = dataDir;
        this.signingKey = signingKey;
    }

    /** The issuer whose key lies under {@code dataDir}, made on first use. */
    public static LocalIssuer open(Path dataDir) throws IOException {
        return new LocalIssuer(dataDir, signingKey(dataDir));
    }

    /** An issuer with a key of its own in a new temporary directory: for tests. */
    public static LocalIssuer temporary() {
        try {
            return open(Files.createTempDirectory("ledger-keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its public key, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public Path publicKey() {
        return dataDir.resolve(PUBLIC_KEY);
    }

    /** The same, as that property's value. */
    public String publicKeyLocation() {
        return "file:" + publicKey();
    }

    /** Its private key's file, for the simulator and the load driver ({@code --signing-key}). */
    public Path privateKey() {
        return dataDir.resolve(PRIVATE_KEY);
    }

    /** A day-long token for the role: the merchant's own for a merchant, the role's name as subject otherwise. */
    public String mint(LedgerRole role, String merchant) {
        return mint(grant(role, merchant));
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    /** A token for the grant, valid for a day. */
    public String mint(Grant grant) {
        return LedgerTokens.mint(signingKey, grant, Duration.ofDays(1));
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of("data");
        String merchant = "M-hz-001";
        String print = null;
        int days = 30;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                fail("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--merchant" -> merchant = args[++i];
                case "--print" -> print = args[++i];
                case "--days" -> days = parseDays(args[++i]);
                default -> fail("unknown argument '" + args[i] + "' (usage: [--data-dir DIR] [--merchant ID] [--days N] [--print ROLE])");
            }
        }
        PrivateKey key = open(dataDir).signingKey();
        Duration lifetime = Duration.ofDays(days);
        if (print != null) {
            String roleName = print;
            LedgerRole role = LedgerRole.fromClaim(print)
                    .orElseGet(() -> fail("unknown role '" + roleName + "' (merchant, regulator, auditor or admin)"));
            System.out.println(LedgerTokens.mint(key, grant(role, merchant), lifetime));
            return;
        }
        Path tokens = Files.createDirectories(dataDir.resolve("tokens"));
        Map<String, String> written = new TreeMap<>();
        for (LedgerRole role : LedgerRole.values()) {
            Path file = tokens.resolve(role.claimValue() + ".jwt");
            Files.writeString(file, LedgerTokens.mint(key, grant(role, merchant), lifetime) + "\n");
            ownerOnly(file);
            written.put(role.claimValue(), file.toString());
        }
        System.out.println("tokens valid for " + days + " days: " + written);
    }

    private static PrivateKey signingKey(Path dataDir) throws IOException {
        Path privateKey = dataDir.resolve(PRIVATE_KEY);
        if (!Files.exists(privateKey)) {
            Path keys = Files.createDirectories(privateKey.getParent());
            ownerOnly(keys);
            Path draft = Files.createTempFile(keys, "signing-key", ".tmp");
            ownerOnly(draft);
            LedgerTokens.writePem(LedgerTokens.newKeyPair(), draft, dataDir.resolve(PUBLIC_KEY));
            Files.move(draft, privateKey); // the private key appears whole or not at all
        }
        return LedgerTokens.readPrivateKey(privateKey);
    }

    private static Grant grant(LedgerRole role, String merchant) {
        return role == LedgerRole.MERCHANT ? Grant.merchant(merchant) : Grant.of(role.claimValue(), role);
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: nothing to restrict
        }
    }

    private static int parseDays(String value) {
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= 3650) {
                return days;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        return fail("--days must be a whole number from 1 to 3650, not '" + value + "'");
    }

    private static <T> T fail(String message) {
        System.err.println("local-issuer: " + message);
        System.exit(2);
        throw new IllegalStateException(message);
    }
}
