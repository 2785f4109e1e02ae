package fr.esante.medimail.backoffice.staff;

/** The roles staff accounts may hold. */
public final class StaffRoles {

    /** May see the review queue and approve or reject accounts. */
    public static final String REVIEWER = "REVIEWER";

    /** Everything a reviewer may do, and also close and reopen accounts and export the queue and decisions. */
    public static final String ADMIN = "ADMIN";

    /** May read the operators' metrics ({@code /actuator/prometheus}) and nothing else; ADMIN may too. */
    public static final String OPERATOR = "OPERATOR";

    private StaffRoles() {
    }
}
