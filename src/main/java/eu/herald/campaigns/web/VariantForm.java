package eu.herald.campaigns.web;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Media;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A variant as typed: text for one channel in one language, and up to three images or videos. */
class VariantForm {

    static final int MEDIA_ROWS = 3;

    @NotNull(message = "{form.required}")
    private @Nullable Channel channel;

    /** The language code (nl, fr, de, en), as the live guardrails check also takes it. */
    @NotNull(message = "{form.required}")
    @jakarta.validation.constraints.Pattern(regexp = "nl|fr|de|en", message = "{variant.error.language}")
    private @Nullable String language;

    @NotBlank(message = "{form.required}")
    @Size(max = 70000, message = "{form.tooLong}")
    private String text = "";

    private int version;

    private List<MediaEntry> media = new ArrayList<>();

    VariantForm() {
        while (media.size() < MEDIA_ROWS) {
            media.add(new MediaEntry());
        }
    }

    /** One attached image or video: a name, its kind, alt text, and whether a video has captions. */
    public static class MediaEntry {
        private String name = "";
        private Media.Kind kind = Media.Kind.IMAGE;
        private String altText = "";
        private boolean captioned;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Media.Kind getKind() {
            return kind;
        }

        public void setKind(Media.Kind kind) {
            this.kind = kind;
        }

        public String getAltText() {
            return altText;
        }

        public void setAltText(String altText) {
            this.altText = altText;
        }

        public boolean isCaptioned() {
            return captioned;
        }

        public void setCaptioned(boolean captioned) {
            this.captioned = captioned;
        }

        boolean filled() {
            return name != null && !name.isBlank();
        }
    }

    List<Media> attached() {
        return media.stream()
                .filter(MediaEntry::filled)
                .map(m -> new Media(
                        m.kind, m.altText == null || m.altText.isBlank() ? null : m.altText.strip(), m.captioned))
                .toList();
    }

    List<String> attachedNames() {
        return media.stream()
                .filter(MediaEntry::filled)
                .map(m -> m.name.strip())
                .toList();
    }

    void padMedia() {
        while (media.size() < MEDIA_ROWS) {
            media.add(new MediaEntry());
        }
    }

    public @Nullable Channel getChannel() {
        return channel;
    }

    public void setChannel(@Nullable Channel channel) {
        this.channel = channel;
    }

    public @Nullable String getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable String language) {
        this.language = language;
    }

    @Nullable
    Language chosenLanguage() {
        return language == null ? null : Language.fromCode(language).orElse(null);
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public List<MediaEntry> getMedia() {
        return media;
    }

    public void setMedia(List<MediaEntry> media) {
        this.media = media;
    }
}
