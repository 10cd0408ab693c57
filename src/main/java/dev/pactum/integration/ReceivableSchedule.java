package dev.pactum.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What finance is owed under one contract, as plain values: its customer and one {@link Line} per payment milestone
 * (回款计划), or one line for the whole amount when it has no schedule.
 */
record ReceivableSchedule(String contractNumber, String status, String customerName, String creditCode,
                          String currency, List<Line> lines) {

    /**
     * @param sequence    the milestone's number within the contract (1, 2, …), stable over every push
     * @param description the milestone's description, may be empty
     * @param dueDate     when it is due; null while it waits for an event
     */
    record Line(int sequence, String description, BigDecimal amount, LocalDate dueDate) {
    }
}
