package org.healthportal.cms.importing.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ImageLibraryTest {

    @Test
    void onlyInternetAddressesAreFetchedFromByDefault() throws Exception {
        for (String inside : new String[]{"127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "fd00::1", "fe80::1", "100.64.0.1", "224.0.0.1"}) {
            assertFalse(ImageLibrary.isPublic(InetAddress.getByName(inside)), inside);
        }
        for (String outside : new String[]{"8.8.8.8", "203.0.113.7", "2001:db8::1", "100.128.0.1"}) {
            assertTrue(ImageLibrary.isPublic(InetAddress.getByName(outside)), outside);
        }
    }
}
