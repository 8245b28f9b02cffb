package io.switchboard.inbox.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.inbox.routing.QueueRepository.Routable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells web-chat visitors where they are: {@code {"type":"queue","position":N,"etaSeconds":S}} when
 * their place in the queue changes, {@code {"type":"assigned","agent":"<display name>"}} when an agent
 * takes the conversation. Also the realtime-only frames for agents.
 */
class VisitorFrames {

    static final String WEBCHAT = "webchat";
    static final String AGENTS = "agents";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RealtimeBus realtime;
    /** conversation id → the team and position this node last told the visitor */
    private final Map<Long, String> told = new ConcurrentHashMap<>();

    VisitorFrames(RealtimeBus realtime) {
        this.realtime = realtime;
    }

    void assigned(Routable conversation, String agentName) {
        told.remove(conversation.id());
        if (isWebchat(conversation)) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("type", "assigned");
            frame.put("agent", agentName);
            realtime.publish(WEBCHAT, conversation.address(), write(frame));
        }
    }

    /** @param waiting the team's queue, longest-waiting first */
    void positions(String teamId, List<Routable> waiting, int online, long handleSeconds) {
        told.entrySet().removeIf(e -> e.getValue().startsWith(teamId + "#")
                && waiting.stream().noneMatch(w -> w.id() == e.getKey()));
        for (int i = 0; i < waiting.size(); i++) {
            Routable conversation = waiting.get(i);
            int position = i + 1;
            String state = teamId + "#" + position;
            if (isWebchat(conversation) && !state.equals(told.put(conversation.id(), state))) {
                Map<String, Object> frame = new LinkedHashMap<>();
                frame.put("type", "queue");
                frame.put("position", position);
                frame.put("etaSeconds", eta(position, online, handleSeconds));
                realtime.publish(WEBCHAT, conversation.address(), write(frame));
            }
        }
    }

    /** Position 1 with 2 agents online waits one handle time / 2 on average, rounded up per "round". */
    static long eta(int position, int online, long handleSeconds) {
        long rounds = (position + Math.max(1, online) - 1) / Math.max(1, online);
        return rounds * handleSeconds;
    }

    void agentFrame(String type, Map<String, Object> data) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("data", data);
        realtime.publish(AGENTS, null, write(frame));
    }

    private static boolean isWebchat(Routable conversation) {
        return "WEBCHAT".equals(conversation.channel()) && conversation.address() != null;
    }

    private static String write(Map<String, Object> frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("frame is not serializable", e);
        }
    }
}
