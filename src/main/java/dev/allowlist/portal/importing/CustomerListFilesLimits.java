package dev.allowlist.portal.importing;

import dev.allowlist.portal.importing.core.CustomerTable;

/** The largest customer list a request may carry. */
final class CustomerListFilesLimits {

    static final long MAX_UPLOAD = CustomerTable.MAX_BYTES;

    private CustomerListFilesLimits() {
    }
}
