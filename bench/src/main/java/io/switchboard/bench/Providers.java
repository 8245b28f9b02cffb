package io.switchboard.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers' side of every channel the run drives, started before the hub so that its connectors can be
 * pointed at them: Twilio (SMS, always), and the channels of {@code --channels}, each a {@link ChannelDriver}.
 */
final class Providers implements AutoCloseable {

    final FakeTwilio twilio;
    final List<ChannelDriver> channels;
    private final FakeGraph graph;

    private Providers(FakeTwilio twilio, FakeGraph graph, List<ChannelDriver> channels) {
        this.twilio = twilio;
        this.graph = graph;
        this.channels = channels;
    }

    static Providers start(List<String> names) throws IOException {
        FakeTwilio twilio = new FakeTwilio();
        FakeGraph graph = null;
        List<ChannelDriver> channels = new ArrayList<>();
        try {
            for (String name : names) {
                if (graph == null && List.of("messenger", "instagram", "whatsapp").contains(name)) {
                    graph = new FakeGraph();
                }
                channels.add(switch (name) {
                    case "messenger" -> MetaChannel.messenger(graph);
                    case "instagram" -> MetaChannel.instagram(graph);
                    case "whatsapp" -> MetaChannel.whatsapp(graph);
                    case "telegram" -> new TelegramChannel();
                    case "email" -> new EmailChannel();
                    default -> throw new IllegalArgumentException("no channel " + name);
                });
            }
            return new Providers(twilio, graph, List.copyOf(channels));
        } catch (IOException | RuntimeException e) {
            new Providers(twilio, graph, channels).close();
            throw e;
        }
    }

    /** Every connector's settings, pointed at the fakes. */
    Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>(twilio.hubProperties());
        channels.forEach(c -> p.putAll(c.hubProperties()));
        return p;
    }

    @Override
    public void close() {
        channels.forEach(ChannelDriver::close);
        if (graph != null) {
            graph.close();
        }
        twilio.close();
    }
}
