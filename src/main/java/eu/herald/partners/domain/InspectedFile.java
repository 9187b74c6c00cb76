package eu.herald.partners.domain;

/** A file that passed inspection: its type comes from its content, and images are re-encoded without metadata. */
public record InspectedFile(String fileName, String mediaType, byte[] content) {}
