package eu.herald.audiences.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.AudienceId;
import eu.herald.common.Channel;
import eu.herald.common.NotFoundException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Ids and codes from paths and parameters; a malformed one is something that does not exist. */
final class Ids {

    private Ids() {}

    static AudienceId audience(String value) {
        return parse(value).map(AudienceId::new).orElseThrow(() -> new NotFoundException("audience"));
    }

    static OrganisationId organisation(String value) {
        return parse(value).map(OrganisationId::new).orElseThrow(() -> new NotFoundException("organisation"));
    }

    static UUID upload(String value) {
        return parse(value).orElseThrow(() -> new NotFoundException("import"));
    }

    static Channel channel(String code) {
        return Arrays.stream(Channel.values())
                .filter(c -> c.code().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("channel"));
    }

    /** The well-formed audience ids among {@code values}; the others are ignored. */
    static List<AudienceId> audiences(Collection<String> values) {
        return values.stream()
                .map(Ids::parse)
                .flatMap(Optional::stream)
                .map(AudienceId::new)
                .distinct()
                .filter(Objects::nonNull)
                .toList();
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
