package eu.herald.audiences.web;

import eu.herald.audiences.domain.AudienceEntry;
import eu.herald.common.Language;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.Map;

/** An audience's names, as typed: every language is needed, because every reader sees the catalogue. */
class AudienceForm {

    @NotBlank(message = "{audiences.audience.nameNl.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String nameNl = "";

    @NotBlank(message = "{audiences.audience.nameFr.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String nameFr = "";

    @NotBlank(message = "{audiences.audience.nameDe.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String nameDe = "";

    @NotBlank(message = "{audiences.audience.nameEn.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String nameEn = "";

    private int version;

    static AudienceForm of(AudienceEntry entry) {
        AudienceForm form = new AudienceForm();
        form.nameNl = entry.names().getOrDefault(Language.NL, "");
        form.nameFr = entry.names().getOrDefault(Language.FR, "");
        form.nameDe = entry.names().getOrDefault(Language.DE, "");
        form.nameEn = entry.names().getOrDefault(Language.EN, "");
        form.version = entry.version();
        return form;
    }

    Map<Language, String> names() {
        Map<Language, String> names = new EnumMap<>(Language.class);
        names.put(Language.NL, nameNl);
        names.put(Language.FR, nameFr);
        names.put(Language.DE, nameDe);
        names.put(Language.EN, nameEn);
        return names;
    }

    public String getNameNl() {
        return nameNl;
    }

    public void setNameNl(String nameNl) {
        this.nameNl = nameNl;
    }

    public String getNameFr() {
        return nameFr;
    }

    public void setNameFr(String nameFr) {
        this.nameFr = nameFr;
    }

    public String getNameDe() {
        return nameDe;
    }

    public void setNameDe(String nameDe) {
        this.nameDe = nameDe;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
