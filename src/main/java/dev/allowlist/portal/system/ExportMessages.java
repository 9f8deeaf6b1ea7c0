package dev.allowlist.portal.system;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

/**
 * The texts of exports: the formats by their vendors' names, what each writes and leaves out, and the
 * product-led download; in {@code messages/exportMsg_en.properties} and {@code exportMsg_ja.properties}.
 * A template writes {@code {exportMsg:export_title}}; a label by format id is {@code m:label('exportName', id)}.
 */
@MessageBundle(value = "exportMsg", locale = "en")
public interface ExportMessages {

    @Message
    String export_title();

    @Message
    String export_format();

    @Message
    String export_what();

    @Message
    String export_covered();

    @Message
    String export_leftOut();

    @Message
    String export_txt();

    @Message
    String export_csv();

    @Message
    String export_json();

    @Message
    String export_squid();

    @Message
    String export_pac();

    @Message
    String export_panos_edl();

    @Message
    String export_fortigate();

    @Message
    String export_cisco_fmc();

    @Message
    String export_sophos_firewall();

    @Message
    String export_verify_ps1();

    @Message
    String export_verify_sh();

    @Message
    String export_pacProxy();

    @Message
    String export_pacButton();

    @Message
    String export_bulk();

    @Message
    String export_bulkButton();

    @Message
    String export_panos_url();

    @Message
    String export_fortigate_cli();

    @Message
    String export_cisco_fmc_objects();

    @Message
    String export_sophos_firewall_xml();

    @Message
    String export_panos_decrypt_exclusion();

    @Message
    String export_fortigate_ssl_exempt();

    @Message
    String export_sophos_firewall_tls_exclusion();

    @Message
    String lead_title(String firewall);

    @Message
    String lead_download(String export);

    @Message
    String lead_feedActive(String format, LocalDate createdAt);

    @Message
    String export_proxyFor_pac();

    @Message
    String export_proxyFor_verify_sh();

    @Message
    String export_proxyFor_verify_ps1();

    @Message
    String exportName_txt();

    @Message
    String exportName_csv();

    @Message
    String exportName_json();

    @Message
    String exportName_squid();

    @Message
    String exportName_pac();

    @Message
    String exportName_panos_url();

    @Message
    String exportName_fortigate_cli();

    @Message
    String exportName_cisco_fmc_objects();

    @Message
    String exportName_sophos_firewall_xml();

    @Message
    String exportName_panos_decrypt_exclusion();

    @Message
    String exportName_fortigate_ssl_exempt();

    @Message
    String exportName_sophos_firewall_tls_exclusion();

    @Message
    String exportName_verify_ps1();

    @Message
    String exportName_verify_sh();

    @Message
    String exportName_panos_edl();

    @Message
    String exportName_fortigate();

    @Message
    String exportName_cisco_fmc();

    @Message
    String exportName_sophos_firewall();

    @Message
    String exportName_atom();
}
