package fr.esante.medimail.mssaddress.derivation.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.mssaddress.derivation.AddressDerivation;
import fr.esante.medimail.mssaddress.derivation.Derivation;
import fr.esante.medimail.mssaddress.derivation.MssAddress;
import fr.esante.medimail.mssaddress.derivation.RefusalReason;
import fr.esante.medimail.support.texts.UserTexts;
import fr.esante.medimail.support.web.ApiProblem;
import fr.esante.medimail.support.web.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Shows the address a professional would get if nobody held it yet. Reserves nothing and reads no register:
 * the address actually issued may carry a homonym suffix.
 */
@RestController
@RequestMapping("/api/v1/mss-addresses")
class AddressPreviewController {

    private final AddressDerivation derivation;
    private final UserTexts texts;

    AddressPreviewController(AddressDerivation derivation, UserTexts texts) {
        this.derivation = derivation;
        this.texts = texts;
    }

    record PreviewQuery(
            @NotBlank(message = "{address.preview.first-name.required}")
            @Size(max = 200, message = "{address.preview.first-name.too-long}") String firstName,
            @NotBlank(message = "{address.preview.last-name.required}")
            @Size(max = 200, message = "{address.preview.last-name.too-long}") String lastName,
            @NotBlank(message = "{address.preview.profession.required}") String profession) {
    }

    record AddressPreview(String localPart, String domain, String address) {
    }

    @GetMapping("/preview")
    AddressPreview preview(@Valid @ModelAttribute PreviewQuery query) {
        Derivation result = derivation.derive(query.firstName(), query.lastName(), query.profession());
        if (result instanceof Derivation.Refused refused) {
            // Not refused.detail(): it quotes the input, and a preview must not echo what anyone typed.
            String detail = detail(refused);
            throw new ApiProblem(HttpStatus.BAD_REQUEST, refused.reason().name(), title(refused.reason()), detail,
                    List.of(new FieldError(refused.field(), refused.reason().name(), detail)));
        }
        MssAddress address = ((Derivation.Derived) result).firstChoice();
        return new AddressPreview(address.localPart(), address.domain(), address.address());
    }

    private String detail(Derivation.Refused refused) {
        return switch (refused.reason()) {
            case NAME_NOT_REPRESENTABLE -> "firstName".equals(refused.field())
                    ? texts.text("address.preview.first-name-not-representable")
                    : texts.text("address.preview.last-name-not-representable");
            case UNKNOWN_PROFESSION -> texts.text("address.preview.unknown-profession");
        };
    }

    private String title(RefusalReason reason) {
        return switch (reason) {
            case NAME_NOT_REPRESENTABLE -> texts.text("address.preview.name-not-representable.title");
            case UNKNOWN_PROFESSION -> texts.text("address.preview.unknown-profession.title");
        };
    }
}
