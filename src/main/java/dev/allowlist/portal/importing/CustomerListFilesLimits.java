package dev.allowlist.portal.importing;

import dev.allowlist.portal.importing.core.CustomerTable;

/** The largest customer list a request may carry. */
public final class CustomerListFilesLimits {

    public static final long MAX_UPLOAD = CustomerTable.MAX_BYTES;

    private CustomerListFilesLimits() {
    }
}
