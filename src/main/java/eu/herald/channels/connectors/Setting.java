package eu.herald.channels.connectors;

import eu.herald.channels.ChannelType;
import java.util.List;

/**
 * One value an owner enters to connect an account: its key in {@link ConnectedAccount#settings()} or, when
 * {@code secret}, in {@link ConnectedAccount#secrets()} (then encrypted at rest, never shown back). Its label and
 * hint are the message keys {@code channels.setting.<key>} and {@code channels.setting.<key>.hint}.
 */
public record Setting(String key, Kind kind, boolean secret, boolean required) {

    public enum Kind {
        TEXT,
        URL,
        EMAIL,
        PASSWORD,
        /** Several lines (the press list: one contact a line). */
        LINES
    }

    static Setting text(String key) {
        return new Setting(key, Kind.TEXT, false, true);
    }

    static Setting url(String key) {
        return new Setting(key, Kind.URL, false, true);
    }

    static Setting secret(String key) {
        return new Setting(key, Kind.PASSWORD, true, true);
    }

    Setting optional() {
        return new Setting(key, kind, secret, false);
    }

    /**
     * What each type asks for when connected with a form or the API. A connector may declare its own through
     * {@link Connector#settings()}; these are the defaults. X and YouTube accounts are normally connected through their
     * OAuth flow, which stores the same secrets.
     */
    public static List<Setting> defaultsFor(ChannelType type) {
        return switch (type) {
            case MASTODON -> List.of(url("baseUrl"), secret("accessToken"));
            case BLUESKY ->
                List.of(text("handle"), secret("appPassword"), url("serviceUrl").optional());
            case X -> List.of(secret("accessToken"), secret("refreshToken").optional());
            case FACEBOOK -> List.of(text("pageId"), secret("pageAccessToken"));
            case YOUTUBE ->
                List.of(
                        text("channelId"),
                        secret("accessToken"),
                        secret("refreshToken").optional());
            case TELEGRAM -> List.of(text("chatId"), secret("botToken"));
            case WEBHOOK -> List.of(url("url"), secret("signingSecret"));
            case PRESS ->
                List.of(
                        new Setting("contacts", Kind.LINES, false, true),
                        new Setting("contactEmail", Kind.EMAIL, false, true),
                        text("contactName").optional());
            case FEED -> List.of(text("feedTitle").optional());
        };
    }
}
