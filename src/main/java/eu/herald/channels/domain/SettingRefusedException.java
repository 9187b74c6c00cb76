package eu.herald.channels.domain;

import eu.herald.common.RefusedException;

/** A refusal about one entered setting, so a form can show it next to that field. */
public class SettingRefusedException extends RefusedException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    SettingRefusedException(String setting, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.setting = setting;
    }

    /** The setting's key, e.g. {@code baseUrl}. */
    public String setting() {
        return setting;
    }
}
