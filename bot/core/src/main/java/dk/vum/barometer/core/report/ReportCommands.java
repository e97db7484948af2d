package dk.vum.barometer.core.report;

import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.command.CommandLine;

import java.util.List;

/** Placeholder until the report builder lands. */
public final class ReportCommands {

    public List<Message> report(Caller c, CommandLine line) {
        throw new Refusal("report");
    }

    public List<Message> post(Caller c, CommandLine line) {
        throw new Refusal("post");
    }

    public List<Message> compare(Caller c, CommandLine line) {
        throw new Refusal("compare");
    }
}
