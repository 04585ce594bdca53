package com.marketplaceledger.command.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Directory facts that never change once recorded, kept in memory so that the commands after the
 * first do not ask the database again: a registered merchant stays registered, a plan version's
 * terms are fixed, an enrolled distributor's upline is recorded once.
 *
 * <p>A fact is remembered only once the transaction that read it has committed. A bulk import reads,
 * inside its own transaction, rows that earlier lines of it wrote; were that transaction rolled
 * back, those rows would never have existed, and neither must their memory.
 */
@Component
@EnableConfigurationProperties(RememberedFacts.Limits.class)
class RememberedFacts {

    /**
     * How much is remembered (prefix {@code ledger.directory.remembered}); 0 remembers nothing.
     *
     * @param merchants   registered merchants
     * @param plans       plan versions
     * @param uplineIds   distributor ids held in remembered uplines, the distributors themselves included
     */
    @ConfigurationProperties("ledger.directory.remembered")
    record Limits(@DefaultValue("10000") long merchants, @DefaultValue("10000") long plans,
                  @DefaultValue("500000") long uplineIds) {
        Limits {
            if (merchants < 0 || plans < 0 || uplineIds < 0) {
                throw new IllegalArgumentException("the remembered directory facts are counted from 0");
            }
        }
    }

    private record PlanKey(MerchantId merchant, int version) {
    }

    private record DistributorKey(MerchantId merchant, DistributorId distributor) {
    }

    private final Cache<MerchantId, Boolean> merchants;
    private final Cache<PlanKey, CompensationPlan> plans;
    private final Cache<DistributorKey, Directory.DistributorFacts> distributors;

    RememberedFacts(Limits limits) {
        // Evictions run on the calling thread, so that a limit of 0 keeps nothing even for a moment.
        merchants = Caffeine.newBuilder().executor(Runnable::run).maximumSize(limits.merchants()).build();
        plans = Caffeine.newBuilder().executor(Runnable::run).maximumSize(limits.plans()).build();
        distributors = Caffeine.newBuilder().executor(Runnable::run).maximumWeight(limits.uplineIds())
                .<DistributorKey, Directory.DistributorFacts>weigher((key, facts) -> facts.upline().size() + 1)
                .build();
    }

    boolean merchantRegistered(MerchantId merchant) {
        return merchants.getIfPresent(merchant) != null;
    }

    CompensationPlan plan(MerchantId merchant, int version) {
        return plans.getIfPresent(new PlanKey(merchant, version));
    }

    Directory.DistributorFacts distributor(MerchantId merchant, DistributorId distributor) {
        return distributors.getIfPresent(new DistributorKey(merchant, distributor));
    }

    void rememberMerchant(MerchantId merchant) {
        afterCommit(() -> merchants.put(merchant, Boolean.TRUE));
    }

    void rememberPlan(MerchantId merchant, int version, CompensationPlan plan) {
        afterCommit(() -> plans.put(new PlanKey(merchant, version), plan));
    }

    void rememberDistributor(MerchantId merchant, Directory.DistributorFacts facts) {
        afterCommit(() -> distributors.put(new DistributorKey(merchant, facts.distributorId()), facts));
    }

    private static void afterCommit(Runnable remember) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remember.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember.run();
            }
        });
    }
}
