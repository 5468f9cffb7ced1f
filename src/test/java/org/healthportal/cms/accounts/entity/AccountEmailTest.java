package org.healthportal.cms.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;
import org.healthportal.cms.platform.CmsException;
import org.junit.jupiter.api.Test;

/** An account's e-mail address: optional, a plain syntax check, at most {@link Account#EMAIL_MAX} characters. */
class AccountEmailTest {

    private final Account account = new Account("bob", "Bob", "h", EnumSet.of(Role.EDITOR), Instant.EPOCH);

    @Test
    void anAddressIsKeptStrippedAndBlankRemovesIt() {
        account.changeEmail("  bob@example.org ");
        assertEquals("bob@example.org", account.getEmail());
        account.changeEmail(" ");
        assertNull(account.getEmail());
        account.changeEmail("bob@example.org");
        account.changeEmail(null);
        assertNull(account.getEmail());
    }

    @Test
    void whatIsNotAnAddressIsRefused() {
        for (String bad : new String[]{"bob", "bob@", "@example.org", "bob@example", "bob@@example.org",
                "bob smith@example.org", "bob@example..org"}) {
            CmsException e = assertThrows(CmsException.InvalidInput.class, () -> account.changeEmail(bad), bad);
            assertEquals("error.emailInvalid", e.key());
        }
    }

    @Test
    void theLengthLimitIsTheColumns() {
        String local = "a".repeat(64);
        String domain = "b".repeat(Account.EMAIL_MAX - 64 - 1 - 4) + ".org";
        account.changeEmail(local + "@" + domain);
        assertEquals(Account.EMAIL_MAX, account.getEmail().length());
        assertThrows(CmsException.InvalidInput.class, () -> account.changeEmail(local + "@x" + domain));
    }
}
