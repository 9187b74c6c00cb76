package eu.herald.audiences.web;

import eu.herald.audiences.Suitability;
import eu.herald.common.Language;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One cell of the matrix, as typed: a rating and its reason in every language. */
class CellForm {

    @NotNull(message = "{audiences.matrix.suitability.required}")
    private @Nullable Suitability suitability;

    @NotBlank(message = "{audiences.matrix.reasonNl.required}")
    @Size(max = 400, message = "{form.tooLong}")
    private String reasonNl = "";

    @NotBlank(message = "{audiences.matrix.reasonFr.required}")
    @Size(max = 400, message = "{form.tooLong}")
    private String reasonFr = "";

    @NotBlank(message = "{audiences.matrix.reasonDe.required}")
    @Size(max = 400, message = "{form.tooLong}")
    private String reasonDe = "";

    @NotBlank(message = "{audiences.matrix.reasonEn.required}")
    @Size(max = 400, message = "{form.tooLong}")
    private String reasonEn = "";

    private int version;

    static CellForm of(Suitability suitability, Map<Language, String> reasons, int version) {
        CellForm form = new CellForm();
        form.suitability = suitability;
        form.reasonNl = reasons.getOrDefault(Language.NL, "");
        form.reasonFr = reasons.getOrDefault(Language.FR, "");
        form.reasonDe = reasons.getOrDefault(Language.DE, "");
        form.reasonEn = reasons.getOrDefault(Language.EN, "");
        form.version = version;
        return form;
    }

    Map<Language, String> reasons() {
        Map<Language, String> reasons = new EnumMap<>(Language.class);
        reasons.put(Language.NL, reasonNl);
        reasons.put(Language.FR, reasonFr);
        reasons.put(Language.DE, reasonDe);
        reasons.put(Language.EN, reasonEn);
        return reasons;
    }

    public @Nullable Suitability getSuitability() {
        return suitability;
    }

    public void setSuitability(@Nullable Suitability suitability) {
        this.suitability = suitability;
    }

    public String getReasonNl() {
        return reasonNl;
    }

    public void setReasonNl(String reasonNl) {
        this.reasonNl = reasonNl;
    }

    public String getReasonFr() {
        return reasonFr;
    }

    public void setReasonFr(String reasonFr) {
        this.reasonFr = reasonFr;
    }

    public String getReasonDe() {
        return reasonDe;
    }

    public void setReasonDe(String reasonDe) {
        this.reasonDe = reasonDe;
    }

    public String getReasonEn() {
        return reasonEn;
    }

    public void setReasonEn(String reasonEn) {
        this.reasonEn = reasonEn;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
