package com.marketplaceledger.shared.casework;

/**
 * A regulator's action on a case file. Not a {@code MerchantCommand}: only opening names the
 * merchant, every later action names just the case, whose file knows its merchant.
 */
public interface CaseCommand {

    CaseId caseId();

    /** The case file's event stream. */
    String streamId();
}
