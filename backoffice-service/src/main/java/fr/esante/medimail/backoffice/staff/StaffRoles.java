package fr.esante.medimail.backoffice.staff;

/** The roles staff accounts may hold. */
public final class StaffRoles {

    /** May see the review queue and approve or reject accounts. */
    public static final String REVIEWER = "REVIEWER";

    private StaffRoles() {
    }
}
