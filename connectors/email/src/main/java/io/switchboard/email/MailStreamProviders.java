package io.switchboard.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names Jakarta Mail's {@code StreamProvider} implementation once, so the API stops searching the class
 * path for it. Jakarta Mail 2.1 calls {@code StreamProvider.provider()} for every MIME part it creates,
 * parses or writes, and without a name that runs a {@code ServiceLoader} over every jar of the
 * application (jakartaee/mail-api#699, #861) — the largest single cost of taking in or sending a mail. The
 * API reads the system property {@value #PROPERTY} first; with it set the lookup is a class-loader hit.
 * An operator's own setting ({@code -D}) is left as it is.
 */
final class MailStreamProviders {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    /** The implementation the build ships (Angus Mail, the one the service file names). */
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final Logger log = LoggerFactory.getLogger(MailStreamProviders.class);

    private MailStreamProviders() {
    }

    /** Sets {@value #PROPERTY} to Angus Mail's provider unless it is set already or Angus Mail is missing. */
    static void pinAngus() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreamProviders.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            log.info("{} is not on the class path; Jakarta Mail keeps looking its stream provider up per part", ANGUS);
            return;
        }
        System.setProperty(PROPERTY, ANGUS);
    }
}
