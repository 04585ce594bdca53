package com.marketplaceledger.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The {@code --token-file} option every REST command mixes in, and the bearer token it finds: the
 * query side answers nothing but health without one. Where the token comes from, first found wins:
 * <ol>
 *   <li>the file given with {@code --token-file};</li>
 *   <li>the environment variable {@value #TOKEN_VARIABLE}, the token itself;</li>
 *   <li>the file named by {@value #TOKEN_FILE_VARIABLE}, by default {@value #DEFAULT_FILE}
 *       (relative to the working directory), which {@code ./ledger up} writes.</li>
 * </ol>
 * The token is read only when a request is about to be sent, so that usage errors and offline
 * verification need none.
 */
final class BearerToken {

    static final String TOKEN_VARIABLE = "LEDGER_TOKEN";
    static final String TOKEN_FILE_VARIABLE = "LEDGER_TOKEN_FILE";
    static final String DEFAULT_FILE = "data/tokens/auditor.jwt";

    /** The environment, replaceable by tests. */
    static UnaryOperator<String> environment = System::getenv;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "the file holding the bearer token (a JWT) to send (default: the token in $" + TOKEN_VARIABLE
                    + " if set, else ${env:" + TOKEN_FILE_VARIABLE + ":-" + DEFAULT_FILE + "}, which ./ledger up writes)")
    Path tokenFile;

    /** A token and where it came from, to name in messages. */
    record Token(String value, String source) {

        @Override
        public String toString() {
            return "token from " + source;
        }
    }

    /** The token to send; an {@link Auditor.Failure} (exit 3) when there is none. */
    Token token() {
        if (tokenFile != null) {
            return read(tokenFile);
        }
        String token = environment.apply(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            return new Token(token.strip(), "$" + TOKEN_VARIABLE);
        }
        String file = environment.apply(TOKEN_FILE_VARIABLE);
        return read(Path.of(file == null || file.isBlank() ? DEFAULT_FILE : file));
    }

    private static Token read(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException missing) {
            String writer = file.equals(Path.of(DEFAULT_FILE)) ? "./ledger up writes it"
                    : "./ledger up writes the auditor's token to " + DEFAULT_FILE;
            throw new Auditor.Failure("no token file at " + file + ": " + writer + "; or pass --token-file FILE, or set "
                    + TOKEN_VARIABLE + " to the token itself", missing);
        } catch (IOException unreadable) {
            throw new Auditor.Failure("cannot read the token file " + file + ": " + unreadable, unreadable);
        }
        if (token.isEmpty()) {
            throw new Auditor.Failure("the token file " + file + " is empty: ./ledger up writes the auditor's token to "
                    + DEFAULT_FILE);
        }
        return new Token(token, file.toString());
    }
}
