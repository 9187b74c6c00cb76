package eu.herald.links.domain;

import java.security.SecureRandom;

/** Short, unguessable codes: 8 characters of base62 from a SecureRandom (62^8 ≈ 2.2 × 10^14). */
public final class LinkCodes {

    public static final int LENGTH = 8;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodes() {}

    public static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    public static boolean wellFormed(String code) {
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
