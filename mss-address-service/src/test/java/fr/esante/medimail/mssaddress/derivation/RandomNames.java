package fr.esante.medimail.mssaddress.derivation;

import java.util.List;
import java.util.Random;

/**
 * Generates names far stranger than any register holds: every French letter and ligature, capitals,
 * apostrophes of every shape, separators in runs, digits, punctuation, other scripts, emoji, combining
 * marks, and lengths from nothing to several hundred characters. Seeded, so a failure can be replayed:
 * the seed is in every assertion message, and {@code -Dderivation.seed=N} replays it.
 */
final class RandomNames {

    private static final String FRENCH = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
            + "àâäéèêëîïôöùûüÿçœæÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇŒÆß";
    private static final String SEPARATORS = "-- '’‘ʼ\u00A0\t–";
    private static final String NOISE = "0123456789.,;:_()*/\\@#\"!?&李Ωя\u0301\u200BﬁＤ´¨";
    private static final List<String> SURROGATE_PAIRS = List.of("🙂", "𝔄", "😀");

    final long seed;
    private final Random random;

    RandomNames() {
        this.seed = Long.getLong("derivation.seed", System.nanoTime());
        this.random = new Random(seed);
    }

    String name() {
        int shape = random.nextInt(10);
        if (shape == 9) {
            return anyCharacters(random.nextInt(81));
        }
        int length = shape < 6 ? random.nextInt(31) : 40 + random.nextInt(261);
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(27);
            if (pick < 20) {
                name.append(pickFrom(FRENCH));
            } else if (pick < 24) {
                name.append(pickFrom(SEPARATORS));
            } else if (pick < 26) {
                name.append(random.nextInt(4) == 0 ? SURROGATE_PAIRS.get(random.nextInt(SURROGATE_PAIRS.size())) : pickFrom(NOISE));
            } else {
                name.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
        }
        return name.toString();
    }

    String profession(List<String> active) {
        if (random.nextBoolean()) {
            return active.get(random.nextInt(active.size()));
        }
        return Integer.toString(random.nextInt(1000));
    }

    int rank() {
        return random.nextBoolean() ? 1 + random.nextInt(20) : 1 + random.nextInt(Integer.MAX_VALUE);
    }

    int rankAbove(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private String anyCharacters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    private char pickFrom(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
