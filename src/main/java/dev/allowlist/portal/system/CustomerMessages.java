package dev.allowlist.portal.system;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

/**
 * The texts of a customer's pages: the list, the profile, MCS hosts and installer logs, the
 * allowlist, its exports and changes, imports, and the labels of the values they show; in
 * {@code messages/customerMsg_en.properties} and {@code customerMsg_ja.properties}. A template writes
 * {@code {customerMsg:customers_count(page.total)}}; Java calls {@code i18n.customers()}.
 */
@MessageBundle(value = "customerMsg", locale = "en")
public interface CustomerMessages {

    @Message
    String customers_title();

    @Message
    String customers_search();

    @Message
    String customers_searchButton();

    @Message
    String customers_new();

    @Message
    String customers_edit();

    @Message
    String customers_reload();

    @Message
    String customers_delete();

    @Message
    String customers_deleteConfirm(String name);

    @Message
    String customers_deleteButton();

    @Message
    String customers_count(long total);

    @Message
    String customers_noMatch(String search);

    @Message
    String customers_none();

    @Message
    String customer_name();

    @Message
    String customer_externalReference();

    @Message
    String customer_notes();

    @Message
    String customer_licenses();

    @Message
    String customer_licensesHelp();

    @Message
    String customer_regions();

    @Message
    String customer_otherRegions();

    @Message
    String customer_regionsHelp();

    @Message
    String customer_proxy();

    @Message
    String customer_wildcardSupport();

    @Message
    String customer_usesActiveDirectory();

    @Message
    String customer_tlsInspection();

    @Message
    String customer_applicationFiltering();

    @Message
    String customer_narrowHydra();

    @Message
    String customer_hosts();

    @Message
    String customer_updatedAt();

    @Message
    String customer_profile();

    @Message
    String license_CENTRAL();

    @Message
    String license_ENDPOINT();

    @Message
    String license_AD_SYNC();

    @Message
    String license_EDR();

    @Message
    String license_MTR();

    @Message
    String region_all();

    @Message
    String region_fromProfile(String regions);

    @Message
    String region_inferred(String regions, String basis);

    @Message
    String region_allExplained();

    @Message
    String hostSource_TYPED();

    @Message
    String hostSource_LOG_UPLOAD();

    @Message
    String hosts_title();

    @Message
    String hosts_value();

    @Message
    String hosts_firstSeen();

    @Message
    String hosts_lastSeen();

    @Message
    String hosts_source();

    @Message
    String hosts_remove();

    @Message
    String hosts_none();

    @Message
    String hosts_add();

    @Message
    String hosts_addHelp();

    @Message
    String hosts_addButton();

    @Message
    String hosts_addedNotice(int added, int known);

    @Message
    String hosts_outsideVendor(String host);

    @Message
    String allowlist_title();

    @Message
    String allowlist_count(int entryCount);

    @Message
    String allowlist_warnings();

    @Message
    String allowlist_catalog(String catalogVersion);

    @Message
    String allowlist_sophos();

    @Message
    String allowlist_thirdParty();

    @Message
    String allowlist_value();

    @Message
    String allowlist_kind();

    @Message
    String allowlist_ports();

    @Message
    String allowlist_reasons();

    @Message
    String kind_exact();

    @Message
    String kind_wildcard();

    @Message
    String kind_pattern();

    @Message
    String reason_observed();

    @Message
    String reason_replaces(String replaces);

    @Message
    String warning_NEEDS_WILDCARD(Object host);

    @Message
    String warning_REGION_WITHOUT_RULES(Object region);

    @Message
    String allowlist_unemitted();

    @Message
    String allowlist_unemitted_rule();

    @Message
    String allowlist_unemitted_host();

    @Message
    String allowlist_unemitted_cover();

    @Message
    String allowlist_unemitted_covered(String coveredBy);

    @Message
    String allowlist_unemitted_coveredNotTaken(String coveredBy);

    @Message
    String allowlist_unemitted_uncovered();

    @Message
    String warning_HOST_REGION_MISMATCH(Object host, Object region);

    @Message
    String warning_NARROW_HYDRA_NEEDS_REGION(Object host);

    @Message
    String warning_NARROW_HYDRA_REGION_WITHOUT_RULE(Object host, Object region);

    @Message
    String warning_HOST_OUTSIDE_VENDOR_DOMAINS(Object host);

    @Message
    String logs_title();

    @Message
    String logs_upload();

    @Message
    String logs_uploadHelp(long maxUploadMegabytes);

    @Message
    String logs_uploadButton();

    @Message
    String logs_none();

    @Message
    String logs_file();

    @Message
    String logs_when();

    @Message
    String logs_by();

    @Message
    String logs_found();

    @Message
    String logs_result(String fileName);

    @Message
    String logs_repeated();

    @Message
    String logs_summary(int lineCount, String encoding, long sizeBytes, String sha256, LocalDate firstUploadedAt, String uploadedBy, int uploadCount);

    @Message
    String logs_added();

    @Message
    String logs_known();

    @Message
    String logs_ignored();

    @Message
    String logs_ignoredMore(Integer more);

    @Message
    String logs_noneInList();

    @Message
    String logs_line();

    @Message
    String logs_lines();

    @Message
    String logs_value();

    @Message
    String logs_reason();

    @Message
    String logs_back();

    @Message
    String ignore_NOT_A_HOST_NAME();

    @Message
    String ignore_NOT_A_SOPHOS_DOMAIN();

    @Message
    String ignore_MARKER_NOT_AT_LINE_START();

    @Message
    String ignore_NO_VALUE();

    @Message
    String customer_tabOverview();

    @Message
    String customer_tabHistory();

    @Message
    String changes_title();

    @Message
    String changes_periodTitle();

    @Message
    String changes_versions();

    @Message
    String changes_toAdd();

    @Message
    String changes_toRemove();

    @Message
    String changes_changed();

    @Message
    String changes_noneInPeriod();

    @Message
    String changes_applied(int applied);

    @Message
    String changes_latest(int latest);

    @Message
    String changes_from();

    @Message
    String changes_to();

    @Message
    String changes_show();

    @Message
    String changes_causes();

    @Message
    String changes_impact();

    @Message
    String changes_markApplied(int to);

    @Message
    String changes_report();

    @Message
    String changes_csv();

    @Message
    String impact_added_entry();

    @Message
    String impact_removed_entry();

    @Message
    String impact_wildcard_substituted_for_explicit_entries();

    @Message
    String impact_explicit_entries_substituted_for_a_wildcard();

    @Message
    String impact_explicit_entry_substituted_for_a_wildcard();

    @Message
    String impact_ports_changed();

    @Message
    String impact_kind_changed();

    @Message
    String impact_reasons_changed();

    @Message
    String region_name_us_east_2();

    @Message
    String region_name_us_west_2();

    @Message
    String region_name_ca_central_1();

    @Message
    String region_name_eu_west_1();

    @Message
    String region_name_eu_central_1();

    @Message
    String region_name_ap_southeast_2();

    @Message
    String region_name_ap_south_1();

    @Message
    String region_name_sa_east_1();

    @Message
    String region_name_ap_northeast_1();

    @Message
    String region_noVendorHosts();

    @Message
    String customer_firewallProduct();

    @Message
    String customer_firewallProductHelp();

    @Message
    String firewall_none();

    @Message
    String firewall_panos();

    @Message
    String firewall_fortigate();

    @Message
    String firewall_cisco();

    @Message
    String firewall_sophos_firewall();

    @Message
    String firewall_squid();

    @Message
    String apply_panos();

    @Message
    String apply_fortigate();

    @Message
    String apply_cisco();

    @Message
    String apply_sophos_firewall();

    @Message
    String apply_squid();

    @Message
    String import_title();

    @Message
    String import_explain();

    @Message
    String import_matchRule();

    @Message
    String import_matchRuleText();

    @Message
    String import_template();

    @Message
    String import_export();

    @Message
    String import_csv();

    @Message
    String import_xlsx();

    @Message
    String import_exportCsv();

    @Message
    String import_exportXlsx();

    @Message
    String import_file();

    @Message
    String import_fileHelp();

    @Message
    String import_previewButton();

    @Message
    String import_previewTitle();

    @Message
    String import_fileFacts(String fileName, long size, String sha256, String format, Object encoding);

    @Message
    String import_counts(int creates, int updates, int unchanged, int errors, int newVersions);

    @Message
    String import_ignoredColumns();

    @Message
    String import_applyAll(int valid);

    @Message
    String import_applyValid(int valid);

    @Message
    String import_nothingSavedWithErrors();

    @Message
    String import_row();

    @Message
    String import_outcome();

    @Message
    String import_details();

    @Message
    String import_action_CREATE();

    @Message
    String import_action_UPDATE();

    @Message
    String import_action_UNCHANGED();

    @Message
    String import_action_ERROR();

    @Message
    String import_newVersion();

    @Message
    String import_appliedTitle();

    @Message
    String import_appliedCounts(String fileName, int created, int updated, int unchanged, int skipped, int newVersions);

    @Message
    String import_flags();

    @Message
    String import_hostsHelp();

    @Message
    String logs_batch_title();

    @Message
    String logs_batch_explain();

    @Message
    String logs_batch_files();

    @Message
    String logs_batch_resultTitle();

    @Message
    String logs_batch_status();

    @Message
    String logs_batch_customer();

    @Message
    String logs_batch_hosts(Integer added, Integer known, Integer ignored);

    @Message
    String logs_batch_assign();

    @Message
    String logs_batch_noMatch();

    @Message
    String logs_batch_notWaiting();

    @Message
    String logs_batch_state_ingested();

    @Message
    String logs_batch_state_repeated();

    @Message
    String logs_batch_state_unmatched();

    @Message
    String logs_batch_state_refused();

    @Message
    String customer_sections();

    @Message
    String summary_title();

    @Message
    String summary_noVersion();

    @Message
    String summary_versions(int newest, int applied);

    @Message
    String summary_pending(int added, int removed);

    @Message
    String summary_otherChanges(int changes);

    @Message
    String summary_reasonsOnly(int changes);

    @Message
    String summary_upToDate(int applied);

    @Message
    String summary_review();

    @Message
    String summary_copy(String format);

    @Message
    String summary_copied();

    @Message
    String summary_download(String format);

    @Message
    String allowlist_summary(int sophos, int thirdParty, long wildcards);

    @Message
    String allowlist_filter();

    @Message
    String customers_state();

    @Message
    String customers_statePending();

    @Message
    String customers_stateNeverApplied();

    @Message
    String customers_stateUpToDate();

    @Message
    String customers_stateWarnings();

    @Message
    String customers_sort();

    @Message
    String customers_sortName();

    @Message
    String customers_sortPending();

    @Message
    String customers_sortChanged();

    @Message
    String customers_clear();

    @Message
    String customers_select();

    @Message
    String customers_firewallState();

    @Message
    String customers_lastChange();

    @Message
    String customers_statePendingRow(int applied, int newest);

    @Message
    String customers_stateAppliedRow(int applied);

    @Message
    String customers_noMatchFilter();

    @Message
    String customers_exportSelected();

    @Message
    String customers_applySelected();

    @Message
    String changes_periodExplain();

    @Message
    String changes_appliedColumn();

    @Message
    String changes_nothingLeft();

    @Message
    String changes_noAction(int count);

    @Message
    String changes_noActionExplain();

    @Message
    String changes_portChanges();

    @Message
    String changes_copyAdd();

    @Message
    String changes_copyRemove();

    @Message
    String changes_versionOption(int number, LocalDate date, String cause);

    @Message
    String changes_versionNone();

    @Message
    String changes_causeLine(int number, String cause, String actor, LocalDate date);

    @Message
    String customer_usesActiveDirectoryHelp();

    @Message
    String customer_wildcardSupportHelp();

    @Message
    String customer_tlsInspectionHelp();

    @Message
    String customer_applicationFilteringHelp();

    @Message
    String customer_narrowHydraHelp();
}
