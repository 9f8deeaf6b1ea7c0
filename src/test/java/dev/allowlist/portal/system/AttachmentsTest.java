package dev.allowlist.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentsTest {

    @Test
    void aFileNameCannotEndTheHeaderOrStartAnother() {
        assertThat(Attachments.named("acme_v3_squid.conf")).isEqualTo("attachment; filename=\"acme_v3_squid.conf\"");
        assertThat(Attachments.named("a\"b\\c\r\nSet-Cookie: x=y.csv"))
                .isEqualTo("attachment; filename=\"abcSet-Cookie: x=y.csv\"");
    }
}
