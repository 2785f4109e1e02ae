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

    AddressPreviewController(AddressDerivation derivation) {
        this.derivation = derivation;
    }

    record PreviewQuery(
            @NotBlank(message = "Le prénom est obligatoire.")
            @Size(max = 200, message = "Le prénom ne doit pas dépasser 200 caractères.") String firstName,
            @NotBlank(message = "Le nom est obligatoire.")
            @Size(max = 200, message = "Le nom ne doit pas dépasser 200 caractères.") String lastName,
            @NotBlank(message = "La profession (code TRE_G15) est obligatoire.") String profession) {
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

    private static String detail(Derivation.Refused refused) {
        return switch (refused.reason()) {
            case NAME_NOT_REPRESENTABLE -> ("firstName".equals(refused.field()) ? "Le prénom" : "Le nom")
                    + " ne contient aucune lettre utilisable dans une adresse MSSanté.";
            case UNKNOWN_PROFESSION -> "Ce code profession ne correspond à aucune profession de santé ouvrant droit"
                    + " à une adresse MSSanté.";
        };
    }

    private static String title(RefusalReason reason) {
        return switch (reason) {
            case NAME_NOT_REPRESENTABLE -> "Nom inutilisable dans une adresse MSSanté";
            case UNKNOWN_PROFESSION -> "Profession inconnue";
        };
    }
}
