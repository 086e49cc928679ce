package org.rtvsim.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --master} address, checked before Spark starts: {@code local}, {@code local[N]}, {@code local[*]},
 * {@code spark://HOST:PORT[,HOST:PORT...]} (a standalone cluster, high availability lists several masters) or
 * {@code k8s://[https://]HOST[:PORT]} (a Kubernetes API server). A cluster address must accept a TCP connection
 * within {@link #CONNECT_TIMEOUT_MS}, so a typo or a stopped master is a quick bad-input error instead of
 * Spark's minutes of retries.
 */
final class SparkMaster {
    /** How long a cluster master may take to accept a connection (assumption: a LAN or cloud round trip is far below). */
    static final int CONNECT_TIMEOUT_MS = 3000;
    static final String DEFAULT = "local[*]";
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9]\\d{0,3})(,[1-9]\\d{0,2})?\\])?");
    private static final String EXPECTED = "expected local[N], local[*], spark://HOST:PORT or k8s://https://HOST:PORT";

    private SparkMaster() {
    }

    /** {@code master} (null: {@link #DEFAULT}) when it is well-formed and reachable; else an {@link IllegalArgumentException}. */
    static String check(String master) {
        if (master == null) {
            return DEFAULT;
        }
        String m = master.strip();
        if (LOCAL.matcher(m).matches()) {
            return m;
        }
        List<InetSocketAddress> hosts = new ArrayList<>();
        if (m.startsWith("spark://")) {
            for (String hp : m.substring("spark://".length()).split(",")) {
                hosts.add(hostPort(master, hp));
            }
        } else if (m.startsWith("k8s://")) {
            String rest = m.substring("k8s://".length());
            boolean http = rest.startsWith("http://");
            if (!rest.contains("://")) {
                rest = "https://" + rest;
            }
            try {
                URI u = new URI(rest);
                if (u.getHost() == null) {
                    throw new IllegalArgumentException("--master " + master + ": no host; " + EXPECTED);
                }
                hosts.add(new InetSocketAddress(u.getHost(), u.getPort() > 0 ? u.getPort() : http ? 80 : 443));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("--master " + master + ": " + e.getReason() + "; " + EXPECTED);
            }
        } else {
            throw new IllegalArgumentException("--master " + master + ": " + EXPECTED);
        }
        for (InetSocketAddress a : hosts) {
            reach(master, a);
        }
        return m;
    }

    private static InetSocketAddress hostPort(String master, String hp) {
        Matcher mm = Pattern.compile("([^:/\\s]+):(\\d{1,5})").matcher(hp);
        if (!mm.matches() || Integer.parseInt(mm.group(2)) > 65535) {
            throw new IllegalArgumentException("--master " + master + ": '" + hp + "' is not HOST:PORT; " + EXPECTED);
        }
        return new InetSocketAddress(mm.group(1), Integer.parseInt(mm.group(2)));
    }

    private static void reach(String master, InetSocketAddress a) {
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("--master " + master + ": unknown host " + a.getHostString());
        }
        try (Socket s = new Socket()) {
            s.connect(a, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new IllegalArgumentException("--master " + master + ": cannot reach " + a.getHostString() + ":"
                    + a.getPort() + " within " + CONNECT_TIMEOUT_MS / 1000 + " s (" + e.getMessage() + ")");
        }
    }
}
