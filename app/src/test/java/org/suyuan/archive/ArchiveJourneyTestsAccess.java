package org.suyuan.archive;

/** Lets tests of other features create organizations with valid credit codes. */
public final class ArchiveJourneyTestsAccess {

    private ArchiveJourneyTestsAccess() {}

    public static String randomCreditCode() {
        return ArchiveJourneyTests.randomCreditCode();
    }
}
