package fr.esante.medimail.backoffice.review;

import java.util.Objects;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;

/** A review with the applicant's file it is about: what a reviewer looks at. */
public record ReviewCase(Review review, ApplicantFile file) {

    public ReviewCase {
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(file, "file");
    }
}
