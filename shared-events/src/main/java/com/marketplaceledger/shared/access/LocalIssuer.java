package com.marketplaceledger.shared.access;

import com.marketplaceledger.shared.access.LedgerTokens.Grant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The signing key and tokens of the embedded default: one RSA key under {@code DIR/keys} (made on
 * first use, never replaced; the services verify tokens with its public half), and tokens signed
 * with it, for the launcher ({@code ./ledger up} and {@code ./ledger token}), the simulator and the
 * tests. A deployment with an identity provider has no use for it.
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
        return mint(role, merchant, Duration.ofDays(1));
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    /** A token for the grant, valid for a day. */
    public String mint(Grant grant) {
        return LedgerTokens.mint(signingKey, grant, Duration.ofDays(1));
    }

    /**
     * Writes a fresh token per role to {@code tokens/} (owner-only): {@code merchant.jwt} for
     * {@code merchant}, the others for the role itself. Answers the files written, by role.
     */
    public Map<LedgerRole, Path> writeTokens(String merchant, Duration lifetime) throws IOException {
        Path tokens = Files.createDirectories(dataDir.resolve("tokens"));
        Map<LedgerRole, Path> written = new EnumMap<>(LedgerRole.class);
        for (LedgerRole role : LedgerRole.values()) {
            Path file = tokens.resolve(role.claimValue() + ".jwt");
            Files.writeString(file, mint(role, merchant, lifetime) + "\n");
            ownerOnly(file);
            written.put(role, file);
        }
        return written;
    }

    /** A token for the role (the merchant's own for a merchant), valid for {@code lifetime}. */
    public String mint(LedgerRole role, String merchant, Duration lifetime) {
        return LedgerTokens.mint(signingKey, grant(role, merchant), lifetime);
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
}
