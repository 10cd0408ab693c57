package dev.pactum.contract;

import java.util.Set;

/**
 * What drafting needs to know of the contract templates; the document feature, which owns the templates and their
 * clause library, implements it.
 */
public interface ContractTemplateCatalog {

    boolean exists(String templateKey);

    /** The ids among {@code clauseIds} that are not clauses of the template. */
    Set<String> unknownClauseIds(String templateKey, Set<String> clauseIds);
}
