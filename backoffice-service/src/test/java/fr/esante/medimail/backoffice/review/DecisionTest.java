package fr.esante.medimail.backoffice.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aRejectionKeepsItsReasonTrimmedAndRefusesAnEmptyOrTooLongOne() {
        assertThat(Decision.rejection(NOW, "agent", "  Motif.\n").rejectionReason()).isEqualTo("Motif.");
        assertThat(Decision.rejection(NOW, "agent", "x".repeat(1000)).rejectionReason()).hasSize(1000);
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.rejection(NOW, "agent", " "));
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.rejection(NOW, "agent", null));
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.rejection(NOW, "agent", "x".repeat(1001)));
    }

    @Test
    void aDecisionIsTakenBySomeone() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.approval(NOW, " "));
        assertThat(Decision.approval(NOW, "agent").outcome()).isEqualTo(ReviewStatus.APPROVED);
    }
}
