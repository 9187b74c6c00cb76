package eu.herald.channels.domain;

import eu.herald.channels.ChannelAccountId;
import eu.herald.common.Secrets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's secrets as one AES-256-GCM sealed JSON object, bound to the account's id (associated data), so a
 * sealed value copied onto another account does not open.
 */
@Component
class SealedSecrets {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final Secrets secrets;
    private final JsonMapper json;

    SealedSecrets(Secrets secrets, JsonMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    byte[] seal(ChannelAccountId account, Map<String, String> values) {
        return secrets.seal(json.writeValueAsBytes(values), context(account));
    }

    Map<String, String> open(ChannelAccountId account, byte @Nullable [] sealed) {
        if (sealed == null) {
            return Map.of();
        }
        return json.readValue(secrets.open(sealed, context(account)), MAP);
    }

    private static String context(ChannelAccountId account) {
        return "channels.account:" + account;
    }
}
