package dk.vum.barometer.web;

import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A stand-in for the engine: records every event and answers from a script. */
final class ScriptedChatBot implements ChatBot {

    private final List<Inbound> received = new CopyOnWriteArrayList<>();
    private volatile Function<Inbound, List<Message>> script;

    ScriptedChatBot(Function<Inbound, List<Message>> script) {
        this.script = script;
    }

    /** Changes what the bot answers from now on. */
    void answer(Function<Inbound, List<Message>> script) {
        this.script = script;
    }

    List<Inbound> received() {
        return List.copyOf(received);
    }

    @Override
    public List<Message> handle(Inbound event) {
        received.add(event);
        return script.apply(event);
    }
}
