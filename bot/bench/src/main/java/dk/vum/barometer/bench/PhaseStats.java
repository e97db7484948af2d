package dk.vum.barometer.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the clients of one phase saw acknowledged, and how long each kind of request took. */
final class PhaseStats {

    final Latencies answerLatency = new Latencies();
    final Latencies submitLatency = new Latencies();
    /** Reading the invitation, pressing start, commenting. */
    final Latencies otherLatency = new Latencies();

    final AtomicInteger answers = new AtomicInteger();
    final AtomicInteger submissions = new AtomicInteger();
    final AtomicInteger comments = new AtomicInteger();
    final AtomicInteger failedRespondents = new AtomicInteger();
    /** Answers of respondents whose submission was acknowledged: what must be in the anonymous tables. */
    final AtomicLong submittedAnswers = new AtomicLong();

    int requests() {
        return answerLatency.summary().count() + submitLatency.summary().count() + otherLatency.summary().count();
    }
}
