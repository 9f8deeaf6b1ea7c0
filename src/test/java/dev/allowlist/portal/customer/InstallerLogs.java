package dev.allowlist.portal.customer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Realistic synthetic SophosCloudInstaller.log files, written for the tests. */
public final class InstallerLogs {

    public static final String EU_HOST = "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com";
    public static final String HYDRA_HOST = "mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com";

    private InstallerLogs() {
    }

    /** A log as an installer on Windows writes it: timestamps, thread ids, levels, noise around the lines we want. */
    public static String typical(String eol) {
        return String.join(eol,
                "2026-11-20 09:41:15.101 [ 4120:  5012] I ==== Sophos Cloud Installer 1.9.4.512 started ====",
                "2026-11-20 09:41:15.230 [ 4120:  5012] I Command line: SophosSetup.exe --quiet",
                "2026-11-20 09:41:16.004 [ 4120:  5012] I Checking proxy settings: none configured",
                "2026-11-20 09:41:17.345 [ 4120:  5012] I Model::server value changed to: " + EU_HOST,
                "2026-11-20 09:41:18.002 [ 4120:  5012] I Opening connection to https://" + EU_HOST + ":443/sophos/management/ep/installer",
                "2026-11-20 09:41:18.950 [ 4120:  5012] I HTTP 200 received",
                "2026-11-20 09:41:19.120 [ 4120:  5020] D Opening connection to " + HYDRA_HOST + ":443",
                "2026-11-20 09:41:19.500 [ 4120:  5020] I Opening connection to \"https://d1.sophosupd.com/update/\"",
                "2026-11-20 09:41:20.001 [ 4120:  5020] W Opening connection to proxy.corp.example:8080",
                "2026-11-20 09:41:20.020 [ 4120:  5020] E Opening connection to 10.20.30.40:443",
                "2026-11-20 09:41:20.500 [ 4120:  5012] I Retry: previous message was 'Opening connection to evil.example'",
                "2026-11-20 09:42:01.777 [ 4120:  5012] I Opening connection to https://" + EU_HOST + "/sophos/management/ep/register",
                "2026-11-20 09:42:02.000 [ 4120:  5012] I Installation finished");
    }

    public static byte[] encode(String text, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
            } else if (charset.equals(StandardCharsets.UTF_16LE)) {
                out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE });
            } else if (charset.equals(StandardCharsets.UTF_16BE)) {
                out.writeBytes(new byte[] { (byte) 0xFE, (byte) 0xFF });
            }
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }
}
