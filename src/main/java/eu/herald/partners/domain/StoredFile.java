package eu.herald.partners.domain;

/** A resource's file, to download. */
public record StoredFile(String fileName, String mediaType, byte[] content) {}
