package fr.esante.medimail.registration.profile.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.profile.ProfileSubmission;
import jakarta.validation.Valid;

/** PUT /api/v1/me/professional-profile (Bearer): 202 {"status":"IDENTITY_CHECK_PENDING"}. */
@RestController
class ProfileController {

    private final ProfileSubmission submission;

    ProfileController(ProfileSubmission submission) {
        this.submission = submission;
    }

    @PutMapping("/api/v1/me/professional-profile")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Submitted submit(AuthenticatedAccount authenticated, @Valid @RequestBody ProfileRequest request) {
        return new Submitted(submission.submit(authenticated.accountId(), request.toProfile()));
    }

    record Submitted(AccountStatus status) {
    }
}
