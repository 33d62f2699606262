package cn.yibao.portal.identity.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * The sandbox issuer on its own, for a cluster of sandbox nodes (`deploy/cluster/run.sh`): every node must trust the
 * same issuer and its keys, so none of them starts one of its own (they are given
 * {@code portal.sandbox.issuer-base-url}). Runs until it is stopped.
 *
 * <p>{@code java -cp <portal jar> -Dloader.main=cn.yibao.portal.identity.sandbox.SandboxIssuerServer
 * org.springframework.boot.loader.launch.PropertiesLauncher <port>}
 */
public final class SandboxIssuerServer {

    private SandboxIssuerServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        String baseUrl = SandboxIssuerEnvironment.startIssuer(port);
        System.out.println("Sandbox issuer ready at " + baseUrl + "/" + SandboxIssuerEnvironment.RESIDENT_ISSUER
                + " and " + baseUrl + "/" + SandboxIssuerEnvironment.STAFF_ISSUER);
        new CountDownLatch(1).await();
    }
}
