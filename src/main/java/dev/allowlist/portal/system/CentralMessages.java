package dev.allowlist.portal.system;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the Sophos Central integration: connecting, syncing, the preview and its faults; in
 * {@code messages/centralMsg_en.properties} and {@code centralMsg_ja.properties}. A template writes
 * {@code {centralMsg:central_title}}; Java calls {@code i18n.central()}.
 */
@MessageBundle(value = "centralMsg", locale = "en")
public interface CentralMessages {

    @Message
    String central_title();

    @Message
    String central_explain();

    @Message
    String central_connectionTitle();

    @Message
    String central_clientId();

    @Message
    String central_clientSecret();

    @Message
    String central_partnerId();

    @Message
    String central_connectedBy();

    @Message
    String central_connectedByText(String name, String when);

    @Message
    String central_tenants();

    @Message
    String central_tenantCount(int tenants, int removed);

    @Message
    String central_status_running(int pages);

    @Message
    String central_status_connected();

    @Message
    String central_status_stopped();

    @Message
    String central_status_ok(int tenants);

    @Message
    String central_status_partial(int tenants);

    @Message
    String central_status_rateLimited(int page, String when);

    @Message
    String central_status_refused();

    @Message
    String central_status_unreachable();

    @Message
    String central_status_interrupted(int page);

    @Message
    String central_statusAt(String when);

    @Message
    String central_resume();

    @Message
    String central_syncNow();

    @Message
    String central_previewLink();

    @Message
    String central_autoTitle();

    @Message
    String central_autoLabel();

    @Message
    String central_autoHelp();

    @Message
    String central_autoAfterFirst();

    @Message
    String central_autoSave();

    @Message
    String central_connectTitle();

    @Message
    String central_reconnectTitle();

    @Message
    String central_howTo();

    @Message
    String central_secretHelp();

    @Message
    String central_connect();

    @Message
    String central_disconnect();

    @Message
    String central_disconnectHelp();

    @Message
    String central_notConnected();

    @Message
    String central_previewTitle();

    @Message
    String central_changedSincePreview();

    @Message
    String central_firstSyncExplain();

    @Message
    String central_counts(int creates, int updates, int unchanged, int skipped, int removed);

    @Message
    String central_matchRule();

    @Message
    String central_apply(int changes);

    @Message
    String central_tenant();

    @Message
    String central_geography();

    @Message
    String central_outcome();

    @Message
    String central_licenses();

    @Message
    String central_regions();

    @Message
    String central_linking();

    @Message
    String central_unmapped();

    @Message
    String central_regionsChange();

    @Message
    String central_action_CREATE();

    @Message
    String central_action_UPDATE();

    @Message
    String central_action_UNCHANGED();

    @Message
    String central_action_SKIPPED();

    @Message
    String central_action_REMOVED();

    @Message
    String central_skip_ambiguousName();

    @Message
    String central_skip_licensesNotRead();

    @Message
    String central_error_noKey();

    @Message
    String central_error_refused();

    @Message
    String central_error_rateLimited();

    @Message
    String central_error_unreachable();

    @Message
    String central_error_failed();

    @Message
    String central_error_notPartner(String idType);

    @Message
    String central_error_firstPreview();

    @Message
    String flash_centralConnected();

    @Message
    String flash_centralDisconnected();

    @Message
    String flash_centralAutoOn();

    @Message
    String flash_centralAutoOff();

    @Message
    String flash_centralSyncStarted();

    @Message
    String flash_centralSyncRunning();

    @Message
    String flash_centralSyncWaiting();

    @Message
    String flash_centralSyncRefused();

    @Message
    String flash_centralApplied(int created, int updated, int unchanged, int skipped);

    @Message
    String central_linkedTenant();

    @Message
    String central_linkedHelp();

    @Message
    String central_skip_invalid();

    @Message
    String central_tenantRemoved(String when);
}
