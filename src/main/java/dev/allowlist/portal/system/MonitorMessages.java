package dev.allowlist.portal.system;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

/**
 * The texts of what watches a customer's firewall: feeds, checks, reconciliation, notifications and
 * their mails; in {@code messages/monitorMsg_en.properties} and {@code monitorMsg_ja.properties}. A
 * template writes {@code {monitorMsg:feeds_title}}; Java calls {@code i18n.monitor()} or
 * {@code I18n.monitorMessages(language)}.
 */
@MessageBundle(value = "monitorMsg", locale = "en")
public interface MonitorMessages {

    @Message
    String feeds_title();

    @Message
    String feeds_explain();

    @Message
    String feeds_none();

    @Message
    String feeds_create();

    @Message
    String feeds_created();

    @Message
    String feeds_copyNow();

    @Message
    String feeds_usage(String format);

    @Message
    String feeds_createdAt();

    @Message
    String feeds_lastPulled();

    @Message
    String feeds_pulls();

    @Message
    String feeds_revoke();

    @Message
    String feeds_revoked();

    @Message
    String feeds_atom();

    @Message
    String feeds_retired(String replacedBy);

    @Message
    String checks_title();

    @Message
    String checks_attention();

    @Message
    String checks_attentionHost(String host);

    @Message
    String checks_attentionMissing(String entry);

    @Message
    String checks_latest(String machine, LocalDate receivedAt, int allowlistVersion, int passed, int failed);

    @Message
    String checks_stale(int appliedVersion);

    @Message
    String checks_host();

    @Message
    String checks_ports();

    @Message
    String checks_answer();

    @Message
    String checks_fix();

    @Message
    String checks_fix_dns();

    @Message
    String checks_fix_port_80();

    @Message
    String checks_fix_port_443();

    @Message
    String checks_fix_answer();

    @Message
    String checks_rules(int count);

    @Message
    String checks_none();

    @Message
    String checks_history();

    @Message
    String checks_when();

    @Message
    String checks_machine();

    @Message
    String checks_version();

    @Message
    String checks_result();

    @Message
    String checks_counts(int passed, int failed);

    @Message
    String checks_lastReconciliation(LocalDate at, String format, int allowlistVersion, int missing, int broader, int extra);

    @Message
    String checks_tokens();

    @Message
    String checks_tokensExplain();

    @Message
    String checks_lastReport();

    @Message
    String checks_reports();

    @Message
    String checks_createToken();

    @Message
    String checks_tokenCreated();

    @Message
    String checks_copyNow();

    @Message
    String checks_usage();

    @Message
    String checks_upload();

    @Message
    String checks_uploadButton();

    @Message
    String reconcile_title();

    @Message
    String reconcile_explain();

    @Message
    String reconcile_result(String id);

    @Message
    String reconcile_counts(long missing, long covered, long broader, long extra);

    @Message
    String reconcile_nothingMissing(Integer version);

    @Message
    String reconcile_markApplied(Integer version);

    @Message
    String reconcile_required();

    @Message
    String reconcile_required_present();

    @Message
    String reconcile_required_covered();

    @Message
    String reconcile_required_missing();

    @Message
    String reconcile_status();

    @Message
    String reconcile_by();

    @Message
    String reconcile_line(int line);

    @Message
    String reconcile_firewallSide();

    @Message
    String reconcile_firewallEntry();

    @Message
    String reconcile_covers();

    @Message
    String reconcile_found_used();

    @Message
    String reconcile_found_broader();

    @Message
    String reconcile_found_extra();

    @Message
    String reconcile_overMatches();

    @Message
    String reconcile_skipped();

    @Message
    String reconcile_list();

    @Message
    String reconcile_file();

    @Message
    String reconcile_auto();

    @Message
    String reconcile_compare();

    @Message
    String reconcile_csv();

    @Message
    String checks_dns();

    @Message
    String notify_title();

    @Message
    String notify_digest();

    @Message
    String notify_digestOn(String frequency, String email);

    @Message
    String notify_digestOff();

    @Message
    String notify_frequency();

    @Message
    String notify_frequency_off();

    @Message
    String notify_frequency_daily();

    @Message
    String notify_frequency_weekly();

    @Message
    String notify_subscriptions();

    @Message
    String notify_explain();

    @Message
    String notify_disabledBanner(String target, Object disabledReason);

    @Message
    String notify_where();

    @Message
    String notify_what();

    @Message
    String notify_state();

    @Message
    String notify_kind_webhook();

    @Message
    String notify_kind_email();

    @Message
    String notify_kindLabel();

    @Message
    String notify_allCustomers();

    @Message
    String notify_versionEvents();

    @Message
    String notify_catalogEvents();

    @Message
    String notify_checkEvents();

    @Message
    String notify_pendingAfter(Integer pendingDays);

    @Message
    String notify_staleAfter(Integer staleFeedHours);

    @Message
    String notify_enabled();

    @Message
    String notify_disabled();

    @Message
    String notify_log();

    @Message
    String notify_test();

    @Message
    String notify_rotate();

    @Message
    String notify_enable();

    @Message
    String notify_delete();

    @Message
    String notify_none();

    @Message
    String notify_target();

    @Message
    String notify_customer();

    @Message
    String notify_pendingDays();

    @Message
    String notify_staleFeedHours();

    @Message
    String notify_slack();

    @Message
    String notify_create();

    @Message
    String notify_secretTitle();

    @Message
    String notify_secretOnce();

    @Message
    String notify_secretUse(String target);

    @Message
    String notify_attempt();

    @Message
    String notify_status();

    @Message
    String notify_latency();

    @Message
    String notify_error();

    @Message
    String notify_noDeliveries();

    @Message
    String notify_unsubscribe();

    @Message
    String notify_unsubscribeAsk();

    @Message
    String notify_unsubscribeButton();

    @Message
    String notify_unsubscribed();

    @Message
    String mail_open();

    @Message
    String mail_footer();

    @Message
    String mail_unsubscribe();

    @Message
    String mail_version(String customerName, String version, String cause);

    @Message
    String mail_catalog(String catalogVersion, String customersChanged);

    @Message
    String mail_pending(String customerName, String version, int days);

    @Message
    String mail_staleFeed(String customerName, String format, int hours);

    @Message
    String mail_test();

    @Message
    String mail_checkFailed(String customerName, String machine, int failed, int total);

    @Message
    String mail_disabled_subject(String target);

    @Message
    String mail_disabled_body(String target, String reason);

    @Message
    String mail_digest_subject(String partner);

    @Message
    String mail_digest_since(String since);

    @Message
    String mail_digest_nothing();

    @Message
    String mail_digest_cause(String cause, long versions, long customers);

    @Message
    String mail_digest_pending(String pending);

    @Message
    String cause_customer_created();

    @Message
    String cause_profile_changed();

    @Message
    String cause_hosts_observed();

    @Message
    String cause_host_removed();

    @Message
    String cause_catalog_published();

    @Message
    String feeds_copyUrl();

    @Message
    String cause_central_synced();

    @Message
    String cause_detail_licenseAdded(String license);

    @Message
    String cause_detail_licenseRemoved(String license);

    @Message
    String cause_detail_regions();
}
