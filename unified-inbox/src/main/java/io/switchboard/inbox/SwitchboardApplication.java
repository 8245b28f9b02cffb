package io.switchboard.inbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The runnable hub: unified inbox, agent API and console, plus every connector switched on in config.
 *
 * <p>Auto-configurations the hub never uses are left out, so start-up neither evaluates nor builds them
 * (docs/performance.md, start-up): Camel's secret vaults and cloud service calls, Camel components no route
 * uses (the test and XML ones), Gson (Jackson writes all JSON) and Netty's leak-detection setting.
 */
@SpringBootApplication(excludeName = {
        "org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.GcpVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.AzureVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.HashicorpVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.KubernetesVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.KubernetesConfigMapVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.IBMVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.CyberArkVaultAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceCallConfigurationAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceDiscoveryAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceFilterAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceChooserAutoConfiguration",
        "org.apache.camel.component.dataset.springboot.DataSetComponentAutoConfiguration",
        "org.apache.camel.component.dataset.springboot.DataSetTestComponentAutoConfiguration",
        "org.apache.camel.component.mock.springboot.MockComponentAutoConfiguration",
        "org.apache.camel.component.stub.springboot.StubComponentAutoConfiguration",
        "org.apache.camel.component.xslt.springboot.XsltComponentAutoConfiguration",
        "org.apache.camel.component.validator.springboot.ValidatorComponentAutoConfiguration",
        "org.apache.camel.component.browse.springboot.BrowseComponentAutoConfiguration",
        "org.apache.camel.component.controlbus.springboot.ControlBusComponentAutoConfiguration",
        "org.apache.camel.component.saga.springboot.SagaComponentAutoConfiguration",
        "org.apache.camel.language.xpath.springboot.XPathLanguageAutoConfiguration",
        "org.springframework.boot.autoconfigure.gson.GsonAutoConfiguration",
        "org.springframework.boot.autoconfigure.netty.NettyAutoConfiguration"})
@ConfigurationPropertiesScan
public class SwitchboardApplication {

    /**
     * With {@code -Dswitchboard.cds.training=true} the hub starts completely and then stops at once: the build's
     * class data sharing training run ({@code -XX:ArchiveClassesAtExit}, see docs/operations.md) records every
     * class a real start loads, including Tomcat's, Camel's and the health endpoint's, which start only after the
     * context is refreshed, and those the first request to {@code /actuator/health} loads.
     */
    static final String CDS_TRAINING = "switchboard.cds.training";

    /** With {@code -Dswitchboard.startup-trace=true} each start-up step is timed (/actuator/startup, once exposed). */
    static final String STARTUP_TRACE = "switchboard.startup-trace";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SwitchboardApplication.class);
        if (Boolean.getBoolean(STARTUP_TRACE)) {
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        ConfigurableApplicationContext context = application.run(args);
        if (Boolean.getBoolean(CDS_TRAINING)) {
            askHealth(context);
            System.exit(SpringApplication.exit(context));
        }
    }

    private static void askHealth(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        try {
            java.net.URLConnection health = new java.net.URL("http://127.0.0.1:" + port + "/actuator/health")
                    .openConnection();
            try (java.io.InputStream body = health.getInputStream()) {
                body.readAllBytes();
            }
        } catch (java.io.IOException e) {
            System.err.println("CDS training: /actuator/health did not answer (" + e + "); the archive misses its classes");
        }
    }
}
