package eu.herald.accounts.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.domain.Organisation;
import eu.herald.accounts.domain.OrganisationDraft;
import eu.herald.common.Language;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The organisation form, as typed; lists of codes are typed separated by spaces or commas. */
class OrganisationForm {

    private @Nullable String parentId;

    @NotNull(message = "{organisation.kind.required}")
    private @Nullable OrganisationKind kind;

    @Size(max = 200, message = "{form.tooLong}")
    private String nameNl = "";

    @Size(max = 200, message = "{form.tooLong}")
    private String nameFr = "";

    @Size(max = 200, message = "{form.tooLong}")
    private String nameDe = "";

    @Size(max = 200, message = "{form.tooLong}")
    private String nameEn = "";

    private List<String> officialLanguages = new ArrayList<>();

    @Pattern(regexp = "^\\s*(\\d{5}([\\s,;]+\\d{5})*)?\\s*$", message = "{organisation.municipalityCodes.invalid}")
    private String municipalityCodes = "";

    @Pattern(regexp = "^\\s*(\\d{4}([\\s,;]+\\d{4})*)?\\s*$", message = "{organisation.postcodes.invalid}")
    private String postcodes = "";

    @Email(message = "{form.email.invalid}")
    @Size(max = 320, message = "{form.tooLong}")
    private String contactEmail = "";

    @Pattern(regexp = "^[+0-9 ()./-]{0,30}$", message = "{organisation.contactPhone.invalid}")
    private String contactPhone = "";

    private int version;

    static OrganisationForm of(Organisation o) {
        OrganisationForm form = new OrganisationForm();
        form.parentId = o.parentId() == null ? null : o.parentId().toString();
        form.kind = o.kind();
        form.nameNl = o.names().getOrDefault(Language.NL, "");
        form.nameFr = o.names().getOrDefault(Language.FR, "");
        form.nameDe = o.names().getOrDefault(Language.DE, "");
        form.nameEn = o.names().getOrDefault(Language.EN, "");
        form.officialLanguages = new ArrayList<>(
                o.officialLanguages().stream().map(Language::code).toList());
        form.municipalityCodes = String.join(" ", o.municipalityCodes());
        form.postcodes = String.join(" ", o.postcodes());
        form.contactEmail = o.contactEmail() == null ? "" : o.contactEmail();
        form.contactPhone = o.contactPhone() == null ? "" : o.contactPhone();
        form.version = o.version();
        return form;
    }

    OrganisationDraft draft() {
        Map<Language, String> names = new EnumMap<>(Language.class);
        put(names, Language.NL, nameNl);
        put(names, Language.FR, nameFr);
        put(names, Language.DE, nameDe);
        put(names, Language.EN, nameEn);
        return new OrganisationDraft(
                parentId == null || parentId.isBlank() ? null : OrganisationId.of(parentId),
                kind,
                names,
                officialLanguages.stream()
                        .map(code -> Language.fromCode(code).orElse(null))
                        .filter(l -> l != null)
                        .distinct()
                        .toList(),
                split(municipalityCodes),
                split(postcodes),
                contactEmail,
                contactPhone);
    }

    private static void put(Map<Language, String> names, Language language, String name) {
        if (name != null && !name.isBlank()) {
            names.put(language, name.trim());
        }
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : Arrays.stream(value.trim().split("[\\s,;]+")).toList();
    }

    public @Nullable String getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable String parentId) {
        this.parentId = parentId;
    }

    public @Nullable OrganisationKind getKind() {
        return kind;
    }

    public void setKind(@Nullable OrganisationKind kind) {
        this.kind = kind;
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

    public List<String> getOfficialLanguages() {
        return officialLanguages;
    }

    public void setOfficialLanguages(List<String> officialLanguages) {
        this.officialLanguages = officialLanguages;
    }

    public String getMunicipalityCodes() {
        return municipalityCodes;
    }

    public void setMunicipalityCodes(String municipalityCodes) {
        this.municipalityCodes = municipalityCodes;
    }

    public String getPostcodes() {
        return postcodes;
    }

    public void setPostcodes(String postcodes) {
        this.postcodes = postcodes;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
