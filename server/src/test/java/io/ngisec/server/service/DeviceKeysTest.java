package io.ngisec.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ngisec.server.api.ApiException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceKeysTest {

    /** The X25519 points of order 1, 2, 4 and 8 (u = 0, 1, p-1 and the two of order 8) and their non-canonical encodings. */
    private static final List<String> SMALL_ORDER = List.of(
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p, i.e. 0
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p + 1, i.e. 1
            "0000000000000000000000000000000000000000000000000000000000000080", // 0 with the top bit set
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880");

    @Test
    void smallOrderPointsAreRefusedInEveryEncoding() {
        for (String hex : SMALL_ORDER) {
            byte[] key = HexFormat.of().parseHex(hex);
            assertTrue(DeviceKeys.smallOrder(key), hex);
            ApiException e = assertThrows(ApiException.class, () -> DeviceKeys.noiseKey(ServiceFixture.base64(key)));
            assertEquals("invalid_request", e.code());
        }
    }

    @Test
    void realPublicKeysAreAccepted() throws Exception {
        for (int i = 0; i < 20; i++) {
            byte[] key = ServiceFixture.newDevice("unused", "x").noisePublic();
            assertFalse(DeviceKeys.smallOrder(key));
            assertArrayEquals(key, DeviceKeys.noiseKey(ServiceFixture.base64(key)));
        }
    }
}
