package eu.herald.accounts;

/**
 * An organisation's logo, as posters print it: a PNG or JPEG checked from its bytes, at most 1 MB.
 *
 * @param width in pixels
 * @param height in pixels
 */
public record Logo(String fileName, String contentType, byte[] content, int width, int height) {}
