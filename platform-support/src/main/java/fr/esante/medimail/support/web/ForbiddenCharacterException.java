package fr.esante.medimail.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON string holding a control character or a lone surrogate ({@link InputText}); its path names the field. */
public class ForbiddenCharacterException extends MismatchedInputException {

    ForbiddenCharacterException(JsonParser parser) {
        // The message never quotes the value: it may be huge or hold the very characters refused.
        super(parser, "Text contains a control character or an invalid Unicode sequence", String.class);
    }
}
