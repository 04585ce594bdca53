/**
 * What supervision needs of the read side, named: the business directory and the read models'
 * progress as Java ports the query side implements, and the business facts as the
 * {@code business_facts} views of the query side's schema (see docs/detection.md, "Where the facts
 * come from"). Supervision's SQL reads those views and its own tables, never another read
 * model's tables: a read model may change its tables as long as its views keep their columns.
 */
package com.marketplaceledger.supervision.readside;
