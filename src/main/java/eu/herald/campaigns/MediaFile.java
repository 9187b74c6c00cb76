package eu.herald.campaigns;

/**
 * An uploaded image of a variant, as other modules print or publish it: a PNG or JPEG checked from its bytes, with
 * the alternative text its communicator wrote (never empty).
 */
public record MediaFile(String fileName, String contentType, byte[] content, String altText) {}
