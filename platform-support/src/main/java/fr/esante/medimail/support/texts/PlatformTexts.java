package fr.esante.medimail.support.texts;

/**
 * The French texts of the plumbing every service shares (problem titles, refusals of a body or a parameter), in
 * {@code texts/platform-support/messages_fr.properties}. Static because filters and exception types outside the
 * Spring context answer with them too; a service's own texts stay in its own file.
 */
public final class PlatformTexts {

    public static final String NAME = "platform-support";

    private static final UserTexts TEXTS = UserTexts.of(NAME);

    private PlatformTexts() {
    }

    /** The text of {@code key}, its {@code {0}}… replaced by the arguments; a missing key fails loudly. */
    public static String text(String key, Object... arguments) {
        return TEXTS.text(key, arguments);
    }

    /** The text of {@code key}, or {@code null} when the file has none (for keys built from data, like a status). */
    public static String textOrNull(String key) {
        return TEXTS.textOrNull(key);
    }
}
