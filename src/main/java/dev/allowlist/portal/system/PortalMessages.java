package dev.allowlist.portal.system;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

/**
 * The portal's own texts: its frame, the errors every feature shows, the audit history and the
 * platform's pages, in {@code messages/msg_en.properties} and {@code msg_ja.properties}. A template
 * writes {@code {msg:error_404_title}}; Java calls {@code i18n.msg().error_404_title()}. The build
 * fails when a template names a message that is not here, or passes it the wrong arguments.
 *
 * <p>The texts are in four bundles ({@link CustomerMessages}, {@link MonitorMessages},
 * {@link ExportMessages}) because each stays under 300 messages: Quarkus 3.33 generates a bundle's lookup in chunks of 300, and a bundle of
 * more fails to load (a VerifyError in the generated class).
 */
@MessageBundle(value = "msg", locale = "en")
public interface PortalMessages {

    @Message
    String app_name();

    @Message
    String app_footer();

    @Message
    String nav_customers();

    @Message
    String nav_partners();

    @Message
    String nav_logout();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String dashboard_title();


    @Message
    String dashboard_platformAdmin();

    @Message
    String role_partner_admin();

    @Message
    String role_partner_editor();

    @Message
    String role_partner_viewer();

    @Message
    String role_auditor();

    @Message
    String role_platform_admin();

    @Message
    String partners_title();

    @Message
    String partners_slug();

    @Message
    String partners_slugHelp();

    @Message
    String partners_displayName();

    @Message
    String partners_createdAt();

    @Message
    String partners_none();

    @Message
    String partners_register();

    @Message
    String partners_registered();

    @Message
    String pages_previous();

    @Message
    String pages_next();

    @Message
    String pages_of(int page, int pageCount);

    @Message
    String form_save();

    @Message
    String form_cancel();

    @Message
    String form_hasErrors();

    @Message
    String error_required();

    @Message
    String error_tooLong(Number max);

    @Message
    String error_tooMany(Number max);

    @Message
    String error_license(Object license);

    @Message
    String error_region(Object region);

    @Message
    String error_host(Object host);

    @Message
    String error_hosts_empty();

    @Message
    String error_hosts_tooMany(Number max);

    @Message
    String error_slug();

    @Message
    String error_slug_taken();

    @Message
    String error_stale();

    @Message
    String error_home();

    @Message
    String error_400_title();

    @Message
    String error_400_message();

    @Message
    String error_403_title();

    @Message
    String error_403_message();

    @Message
    String error_404_title();

    @Message
    String error_404_message();

    @Message
    String error_405_message();

    @Message
    String error_409_title();

    @Message
    String error_413_message();

    @Message
    String error_415_message();

    @Message
    String error_500_title();

    @Message
    String error_500_message();

    @Message
    String error_generic_title();

    @Message
    String error_generic_message();

    @Message
    String error_auditUnavailable();

    @Message
    String error_notRegistered_message();

    @Message
    String notRegistered_title();

    @Message
    String notRegistered_message();

    @Message
    String notRegistered_next();

    @Message
    String error_csrf();

    @Message
    String error_log_missing();

    @Message
    String error_log_empty();

    @Message
    String error_log_notText(Object detected);

    @Message
    String error_log_tooLarge(Number megabytes);

    @Message
    String error_413_title();

    @Message
    String nav_audit();

    @Message
    String audit_title();

    @Message
    String audit_platformTitle();

    @Message
    String audit_customer(Long customerId);

    @Message
    String audit_retention();

    @Message
    String audit_from();

    @Message
    String audit_to();

    @Message
    String audit_customerId();

    @Message
    String audit_actor();

    @Message
    String audit_operation();

    @Message
    String audit_resourceType();

    @Message
    String audit_any();

    @Message
    String audit_filter();

    @Message
    String audit_exportCsv();

    @Message
    String audit_verify();

    @Message
    String audit_when();

    @Message
    String audit_summary();

    @Message
    String audit_none();

    @Message
    String audit_older();

    @Message
    String audit_event(long id);

    @Message
    String audit_client();

    @Message
    String audit_path();

    @Message
    String audit_changes();

    @Message
    String audit_field();

    @Message
    String audit_before();

    @Message
    String audit_after();

    @Message
    String audit_details();

    @Message
    String audit_intact(long events);

    @Message
    String audit_broken(long eventId, Object occurredAt, String problem);

    @Message
    String audit_verifyExplained();

    @Message
    String operation_CREATE();

    @Message
    String operation_UPDATE();

    @Message
    String operation_DELETE();

    @Message
    String operation_ACTION();

    @Message
    String resource_customer();

    @Message
    String resource_mcs_host();

    @Message
    String resource_installer_log();

    @Message
    String resource_partner();

    @Message
    String resource_catalog();

    @Message
    String resource_customer_import();

    @Message
    String resource_check_token();

    @Message
    String resource_check_report();

    @Message
    String resource_reconciliation();

    @Message
    String resource_subscription();

    @Message
    String resource_digest();

    @Message
    String resource_audit();

    @Message
    String error_format(Object formats);

    @Message
    String error_proxy();

    @Message
    String resource_export();

    @Message
    String resource_feed();

    @Message
    String nav_changes();

    @Message
    String error_versionRange(Object latest);

    @Message
    String resource_applied_version();

    @Message
    String nav_catalogs();

    @Message
    String catalogs_title();

    @Message
    String catalogs_version();

    @Message
    String catalogs_rules();

    @Message
    String catalogs_loaded();

    @Message
    String catalogs_current();

    @Message
    String catalogs_upload();

    @Message
    String catalogs_file();

    @Message
    String catalogs_uploadHelp();

    @Message
    String catalogs_uploadButton();

    @Message
    String catalogs_publications();

    @Message
    String catalogs_status();

    @Message
    String catalogs_progress();

    @Message
    String catalogs_changedCustomers();

    @Message
    String catalogs_preview();

    @Message
    String catalogs_against(String currentId);

    @Message
    String catalogs_diff();

    @Message
    String catalogs_noDiff();

    @Message
    String catalogs_rulesAdded();

    @Message
    String catalogs_rulesRemoved();

    @Message
    String catalogs_rulesChanged();

    @Message
    String catalogs_impact();

    @Message
    String catalogs_impactLine(int customersChanged, int customers, int partnersChanged);


    @Message
    String catalogs_publish(String candidateId);

    @Message
    String catalogs_isCurrent();

    @Message
    String catalogs_publication(Long id);

    @Message
    String catalogs_refresh();

    @Message
    String catalogs_startedBy(String startedBy, LocalDate startedAt, Object previousVersion);

    @Message
    String error_catalog(String problem);

    @Message
    String error_catalogMissing();

    @Message
    String error_catalogId(Object id);

    @Message
    String catalogs_json();

    @Message
    String notRegistered_reason_UNKNOWN_PARTNER(Object partner);

    @Message
    String notRegistered_reason_SEVERAL_PARTNERS(Object partners);

    @Message
    String notRegistered_reason_NO_ROLE();

    @Message
    String notRegistered_reason_RESERVED_SUBJECT();

    @Message
    String error_503_title();

    @Message
    String error_databaseUnavailable();

    @Message
    String error_concurrent();

    @Message
    String error_date(Object text);

    @Message
    String error_period();

    @Message
    String error_controlCharacters();

    @Message
    String error_json_syntax();

    @Message
    String error_json_field(String field);

    @Message
    String error_json_type();

    @Message
    String error_json_at(String line, String column);

    @Message
    String error_firewallProduct(Object product);

    @Message
    String error_formatRetired(Object format, Object replacement);

    @Message
    String error_reconcile_empty();

    @Message
    String error_reconcile_format(Object formats);

    @Message
    String error_reconcile_unreadable(Object format, Object problem);

    @Message
    String error_checkReport_size(Object kilobytes);

    @Message
    String error_checkReport_shape();

    @Message
    String error_checkReport_notThisCustomers(Object problem);

    @Message
    String error_checkReport_noFile();

    @Message
    String dashboard_attention();

    @Message
    String dashboard_lastCheck();

    @Message
    String dashboard_lastReconciliation();

    @Message
    String dashboard_checkFailed(int failed, LocalDate checkedAt);

    @Message
    String dashboard_reconcileMissing(int missing, LocalDate reconciledAt);

    @Message
    String error_import_empty();

    @Message
    String error_import_tooLarge(Object megabytes);

    @Message
    String error_import_tooManyRows(Object rows);

    @Message
    String error_import_encoding();

    @Message
    String error_import_notXlsx();

    @Message
    String error_import_xlsx();

    @Message
    String error_import_csv(Object problem);

    @Message
    String error_import_noHeader();

    @Message
    String error_import_missingColumn(Object column);

    @Message
    String error_import_duplicateColumn(Object column);

    @Message
    String error_import_flag(Object text);

    @Message
    String error_import_duplicateRow(int earlier);

    @Message
    String error_import_ambiguousName(int count);

    @Message
    String error_import_hasErrors(long count, Object rows);

    @Message
    String error_import_applied();

    @Message
    String error_logs_traversal(Object name);

    @Message
    String error_logs_nested(Object name);

    @Message
    String error_logs_entryTooLarge(String megabytes);

    @Message
    String error_logs_bomb(Object megabytes);

    @Message
    String error_logs_tooManyEntries(Object max);

    @Message
    String error_logs_badZip(Object problem);

    @Message
    String error_subscription_kind();

    @Message
    String error_subscription_email();

    @Message
    String error_subscription_events();

    @Message
    String error_subscription_range(Object min, Object max);

    @Message
    String error_subscription_customer();

    @Message
    String error_webhook_url();

    @Message
    String error_webhook_https();

    @Message
    String error_webhook_private();

    @Message
    String error_webhook_unresolved();

    @Message
    String error_webhook_noKey();

    @Message
    String error_digest_frequency();

    @Message
    String error_digest_noEmail();

    @Message
    String nav_notifications();

    @Message
    String dashboard_catalogNews(long customers, LocalDate since);

    @Message
    String dashboard_catalogNewsAction();

    @Message
    String dashboard_countCustomers(long n);

    @Message
    String dashboard_countPending(long n);

    @Message
    String dashboard_countNeverApplied(long n);

    @Message
    String dashboard_countUpToDate(long n);

    @Message
    String dashboard_countWarnings(long n);

    @Message
    String dashboard_queue();

    @Message
    String dashboard_queueEmpty();

    @Message
    String dashboard_queueAll(long n);

    @Message
    String dashboard_changes();

    @Message
    String dashboard_cause();

    @Message
    String dashboard_waiting();

    @Message
    String dashboard_days(long days);

    @Message
    String dashboard_reasonsOnly();

    @Message
    String dashboard_review();

    @Message
    String dashboard_warnings();

    @Message
    String dashboard_silentFeeds();

    @Message
    String dashboard_silentFeed(long minutes);

    @Message
    String dashboard_uploads();

    @Message
    String dashboard_uploadAdded(int added);

    @Message
    String dashboard_chart();

    @Message
    String dashboard_chartDay(LocalDate day, long pending);

    @Message
    String dashboard_chartToday(long pending);

    @Message
    String flash_customerCreated(String name);

    @Message
    String flash_customerSaved(String name);

    @Message
    String flash_customerDeleted(String name);

    @Message
    String flash_applied(int version);

    @Message
    String flash_uploaded(String file);

    @Message
    String flash_hostRemoved();

    @Message
    String flash_feedRevoked();

    @Message
    String flash_tokenRevoked();

    @Message
    String flash_checkUploaded();

    @Message
    String flash_appliedSelected(int count);

    @Message
    String error_selection();

    @Message
    String error_filter(String value);

    @Message
    String audit_customerPicker();

    @Message
    String catalogs_state_RUNNING();

    @Message
    String catalogs_state_DONE();

    @Message
    String catalogs_state_FAILED();

    @Message
    String catalogs_progressLine(int done, int total, int percent);

    @Message
    String catalogs_updatesItself();

    @Message
    String catalogs_confirmTitle(String candidateId);

    @Message
    String catalogs_confirmImpact(int customers, int partners);

    @Message
    String catalogs_confirmExplain(String currentId);

    @Message
    String catalogs_cancel();

    @Message
    String catalogs_publishReview();

    @Message
    String catalogs_sampleOf(String partner, long customerId);

    @Message
    String partners_customers();

    @Message
    String partners_members();

    @Message
    String partners_lastLogin();

    @Message
    String partners_state();

    @Message
    String partners_enabled();

    @Message
    String partners_disabled();

    @Message
    String partners_disable();

    @Message
    String partners_enable();

    @Message
    String partners_rename();

    @Message
    String partners_disableExplain();

    @Message
    String flash_partnerRenamed(String slug, String name);

    @Message
    String flash_partnerDisabled(String slug);

    @Message
    String flash_partnerEnabled(String slug);

    @Message
    String resource_central_connection();

    @Message
    String nav_central();
}
