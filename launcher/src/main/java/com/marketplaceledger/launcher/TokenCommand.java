package com.marketplaceledger.launcher;

import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LocalIssuer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/** token: a bearer token signed with the local key, for a role. */
@Command(name = "token", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = {"Prints a 30-day token signed with the local key under data/keys (made if missing):",
                "./ledger token merchant M-sh-002, ./ledger token regulator."})
final class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ROLE", description = "merchant, regulator, auditor or admin")
    String role;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MERCHANT", description = "the merchant a merchant token acts for")
    String merchant;

    @Override
    public Integer call() throws IOException {
        LedgerRole ledgerRole = LedgerRole.fromClaim(role).orElseThrow(() ->
                new IllegalArgumentException("unknown role '" + role + "' (merchant, regulator, auditor or admin)"));
        if (ledgerRole == LedgerRole.MERCHANT && merchant == null) {
            throw new IllegalArgumentException("a merchant token is for one merchant: ./ledger token merchant <merchant id>");
        }
        var settings = Settings.fromEnvironment(System.getenv());
        System.out.println(LocalIssuer.open(settings.data()).mint(ledgerRole, merchant, Duration.ofDays(30)));
        return 0;
    }
}
