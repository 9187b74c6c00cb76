package eu.herald.audiences.web;

import eu.herald.common.Language;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The languages an organisation adds, as ticked. */
class LanguagesForm {

    private List<String> extraLanguages = new ArrayList<>();

    static LanguagesForm of(List<Language> languages) {
        LanguagesForm form = new LanguagesForm();
        form.extraLanguages =
                new ArrayList<>(languages.stream().map(Language::code).toList());
        return form;
    }

    Set<Language> languages() {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        extraLanguages.forEach(code -> Language.fromCode(code).ifPresent(languages::add));
        return languages;
    }

    public List<String> getExtraLanguages() {
        return extraLanguages;
    }

    public void setExtraLanguages(List<String> extraLanguages) {
        this.extraLanguages = extraLanguages;
    }
}
