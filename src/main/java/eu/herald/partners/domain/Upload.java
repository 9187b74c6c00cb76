package eu.herald.partners.domain;

import org.jspecify.annotations.Nullable;

/** A file as it arrived: the name and type the sender claims, and the bytes. */
public record Upload(String fileName, @Nullable String declaredType, byte[] content) {}
