package dev.pactum.dossier;

import java.util.List;

/**
 * An answer of the contract list: the rows, the page by number with its total (absent when paging by cursor), and
 * the cursor of the rows after these (absent after the last).
 */
public record ContractList(List<ContractSummary> content, PageInfo page, String next) {

    /** {@code totalExact} is false when {@code totalElements} is the database's estimate (above 2,000). */
    public record PageInfo(int size, int number, long totalElements, int totalPages, boolean totalExact) {
    }
}
