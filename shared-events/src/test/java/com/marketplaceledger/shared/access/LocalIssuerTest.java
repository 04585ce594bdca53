package com.marketplaceledger.shared.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIssuerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void theSigningKeyIsMadeOnceKeptOwnerOnlyAndNeverReplaced() throws IOException {
        LocalIssuer first = LocalIssuer.open(data);
        LocalIssuer second = LocalIssuer.open(data);

        assertThat(second.signingKey().getEncoded()).isEqualTo(first.signingKey().getEncoded());
        assertThat(first.publicKey()).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(LocalIssuer.PRIVATE_KEY))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys"))))
                .isEqualTo("rwx------");
        assertThat(claims(first.mint(Grant.merchant("M-1"))).path("merchant_id").asText()).isEqualTo("M-1");
    }

    @Test
    void writesATokenPerRoleTheMerchantOneForTheMerchantGiven() throws IOException {
        LocalIssuer.open(data).writeTokens("M-sh-002", Duration.ofDays(2));

        JsonNode merchant = claims(Files.readString(data.resolve("tokens/merchant.jwt")).strip());
        assertThat(merchant.path("merchant_id").asText()).isEqualTo("M-sh-002");
        assertThat(merchant.path("roles").toString()).isEqualTo("[\"merchant\"]");
        assertThat(merchant.path("exp").asLong() - merchant.path("iat").asLong()).isEqualTo(2 * 24 * 3600);
        for (String role : new String[] {"regulator", "auditor", "admin"}) {
            JsonNode token = claims(Files.readString(data.resolve("tokens/" + role + ".jwt")).strip());
            assertThat(token.path("sub").asText()).isEqualTo(role);
            assertThat(token.path("roles").toString()).isEqualTo("[\"" + role + "\"]");
            assertThat(token.has("merchant_id")).isFalse();
        }
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
