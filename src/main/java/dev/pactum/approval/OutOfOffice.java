package dev.pactum.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A user away from {@code fromDate} to {@code toDate} (inclusive): tasks assigned to them go to their deputy. */
@Entity
@Table(name = "out_of_office")
public class OutOfOffice {

    @Id
    private String userId;
    private String deputy;
    private LocalDate fromDate;
    private LocalDate toDate;

    protected OutOfOffice() {
    }

    OutOfOffice(String userId, String deputy, LocalDate fromDate, LocalDate toDate) {
        this.userId = userId;
        change(deputy, fromDate, toDate);
    }

    void change(String deputy, LocalDate fromDate, LocalDate toDate) {
        this.deputy = deputy;
        this.fromDate = fromDate;
        this.toDate = toDate;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(fromDate) && !day.isAfter(toDate);
    }

    public String getUserId() { return userId; }
    public String getDeputy() { return deputy; }
    public LocalDate getFromDate() { return fromDate; }
    public LocalDate getToDate() { return toDate; }
}
