package org.suyuan.anchoring;

import org.springframework.test.context.TestPropertySource;

/** The anchoring journey on the embedded ledger (the default), H2. */
@TestPropertySource(
        properties = {
            "suyuan.ledger.type=embedded",
            "spring.datasource.url=jdbc:h2:mem:anchoring-embedded;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
class EmbeddedAnchoringJourneyTests extends AnchoringJourneyContract {

    @Override
    long anchorsOnLedger() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_anchor", Long.class);
    }
}
