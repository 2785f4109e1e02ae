package fr.esante.medimail.identity.directory;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.esante.medimail.identity.identifiers.IdentifierType;

/**
 * Asks the live directory first, when there is one, and the imported directory when the live one cannot
 * answer: a decision should not wait for ANS's availability. Only an answer counts: "not found" from the live
 * directory is final (it is more recent than any file), "unavailable" is not.
 */
public class DirectoryConsultation {

    private static final Logger log = LoggerFactory.getLogger(DirectoryConsultation.class);

    /** @param liveFailure why the live directory did not answer, null when it did or is not configured */
    public record Consultation(DirectoryAnswer answer, String liveFailure) {
    }

    private final Optional<ProfessionalDirectory> live;
    private final ProfessionalDirectory imported;

    public DirectoryConsultation(Optional<ProfessionalDirectory> live, ProfessionalDirectory imported) {
        this.live = live;
        this.imported = imported;
    }

    public Consultation findProfessional(IdentifierType type, String identifier) {
        String liveFailure = null;
        if (live.isPresent()) {
            DirectoryAnswer answer = live.get().findProfessional(type, identifier);
            if (!(answer instanceof DirectoryAnswer.Unavailable unavailable)) {
                return new Consultation(answer, null);
            }
            liveFailure = unavailable.reason();
            log.info("Live directory unavailable for {} ({}): using the imported directory", type, liveFailure);
        }
        return new Consultation(imported.findProfessional(type, identifier), liveFailure);
    }
}
