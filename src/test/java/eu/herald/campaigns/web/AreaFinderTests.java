package eu.herald.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The area finder of the campaign form: by name in any language, by postcode, by NIS code. */
@HeraldTest
class AreaFinderTests {

    @Autowired
    MockMvc mvc;

    @Test
    void findsAnAreaByItsNameInEitherLanguageOrByPostcodeAndOffersItsCode() throws Exception {
        var session = SignIn.as(mvc, "communicator@herald.test");
        for (String query : new String[] {"Elsene", "ixelles", "1050", "21009"}) {
            String fragment = mvc.perform(get("/campaigns/areas")
                            .param("q", query)
                            .header("HX-Request", "true")
                            .header("Accept-Language", "en")
                            .cookie(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(fragment).as(query).contains("data-area-code=\"21009\"").doesNotContain("<html");
        }
    }

    @Test
    void aPageOfItsOwnWorksWithoutJavaScriptAndSaysWhenNothingMatches() throws Exception {
        String page = mvc.perform(get("/campaigns/areas")
                        .param("q", "Atlantis")
                        .header("Accept-Language", "en")
                        .cookie(SignIn.as(mvc, "approver@herald.test")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<html").contains("No area found.");
    }
}
