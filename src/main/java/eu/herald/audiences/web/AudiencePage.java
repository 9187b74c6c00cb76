package eu.herald.audiences.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.Role;
import eu.herald.audiences.AudienceId;
import eu.herald.audiences.domain.AudienceCatalogue;
import eu.herald.audiences.domain.ChannelMatrix;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The communicators' page: the audience catalogue, the audience × channel matrix and the advice tool (pick audiences,
 * get every channel with how well it reaches them and why). With {@code HX-Request}, only the advice.
 */
@Controller
class AudiencePage {

    private final AudienceCatalogue catalogue;
    private final ChannelMatrix matrix;
    private final Access access;

    AudiencePage(AudienceCatalogue catalogue, ChannelMatrix matrix, Access access) {
        this.catalogue = catalogue;
        this.matrix = matrix;
        this.access = access;
    }

    @GetMapping("/audiences")
    String page(
            @RequestParam(name = "audience", required = false) List<String> chosen,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        List<AudienceId> ids = Ids.audiences(chosen == null ? List.of() : chosen);
        model.addAttribute("language", language);
        model.addAttribute("chosen", ids.stream().map(AudienceId::toString).toList());
        model.addAttribute("advice", ids.isEmpty() ? null : matrix.recommend(ids, language));
        if (htmx != null) {
            return "audiences/audiences :: advice";
        }
        model.addAttribute("audiences", catalogue.active());
        model.addAttribute("rows", matrix.rows(language));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("canEdit", access.reachesEverything(Role.ADMIN));
        return "audiences/audiences";
    }
}
