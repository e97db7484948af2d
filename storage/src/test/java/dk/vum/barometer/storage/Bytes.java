package dk.vum.barometer.storage;

import java.nio.charset.StandardCharsets;

/** Searches raw database bytes (files, pages) for text, as an administrator with a hex editor would. */
public final class Bytes {

    private Bytes() {
    }

    public static boolean contains(byte[] haystack, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
