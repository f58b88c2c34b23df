package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in headless Chromium (Debian's, driven by playwright-core) through the running suite's
 * gateway, as its users use it. The journeys are scripts under web/e2e; each must end with exit code 0.
 */
class WebAppTest {

    @BeforeAll
    static void startTheSuite() {
        RunningSuite.start();
    }

    @Test
    void anAdministratorSignsUpSwitchesLanguageManagesApiKeysAndSignsBackIn() throws Exception {
        assertJourneyPasses("admin-journey.mjs");
    }

    @Test
    void anAdministratorInvitesAManagerWhoAcceptsElsewhereAndSeesOnlyWhatAManagerMay() throws Exception {
        assertJourneyPasses("team-journey.mjs");
    }

    @Test
    void anAdministratorKeepsContactsIsWarnedOfADuplicateFindsThemHoweverTypedAndEditsACardWithItsHistory()
            throws Exception {
        assertJourneyPasses("contacts-journey.mjs");
    }

    @Test
    void anAdministratorDefinesACustomFieldImportsAFileFiltersSavesAViewTagsExportsMergesAndDeletesContacts()
            throws Exception {
        assertJourneyPasses("contact-tools-journey.mjs");
    }

    @Test
    void anAdministratorGivesAContactAPhotoThatIsCheckedScaledShownInTheListAndTheHistoryAndRemovesIt()
            throws Exception {
        assertJourneyPasses("contact-photo-journey.mjs");
    }

    @Test
    void anAdministratorKeepsCompaniesWithTheirContactPersonsExportsImportsMergesAndFillsTheirCustomFields()
            throws Exception {
        assertJourneyPasses("companies-journey.mjs");
    }

    @Test
    void aManagerWorksALeadOnTheFunnelBoardConvertsItWinsTheDealIsToldOfAStaleMoveAndAShopOrdersReturnIsApproved()
            throws Exception {
        assertJourneyPasses("deals-journey.mjs");
    }

    @Test
    void aMarketerPlansACampaignAndAPromotionWithAPromoCodeOnTheCalendarAContractKeepsItsDocumentAndAReturnIsApproved()
            throws Exception {
        assertJourneyPasses("marketing-journey.mjs");
    }

    @Test
    void anExchangeRingsAnAdministratorWhoseScreenPopsTheCallersCardTheCallIsLoggedAMissedCallRingsTheBellAndPreferencesAreKept()
            throws Exception {
        assertJourneyPasses("telephony-journey.mjs");
    }

    private static void assertJourneyPasses(String script) throws IOException, InterruptedException {
        Path web = Path.of("..", "web").toAbsolutePath().normalize();
        Path log = Path.of("target", "system-tests", script + ".log");
        Files.createDirectories(log.getParent());
        var process = new ProcessBuilder("node", web.resolve("e2e").resolve(script).toString())
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().put("BASE_URL", RunningSuite.gateway.url());
        Process running = process.start();
        // a generous ceiling: the longest journey takes over two minutes on a busy machine
        boolean finished = running.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            running.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("journey finished in time; output:%n%s", output).isTrue();
        assertThat(running.exitValue()).as("journey output:%n%s", output).isZero();
    }
}
