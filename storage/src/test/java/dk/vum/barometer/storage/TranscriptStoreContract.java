package dk.vum.barometer.storage;

import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.TranscriptEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of the web chat transcript, on every database. */
public abstract class TranscriptStoreContract extends StorageContract {

    @Test
    void aTranscriptIsReadAfterASeqUpToALimit() {
        TranscriptEntry one = store.append(A, "D1", null, "one");
        TranscriptEntry two = store.append(A, "D1", null, "two");
        TranscriptEntry three = store.append(A, "D1", null, "three");
        store.append(A, "D2", null, "elsewhere");

        assertThat(one.seq()).isLessThan(two.seq());
        assertThat(store.transcript(A, "D1", 0, 10)).containsExactly(one, two, three);
        assertThat(store.transcript(A, "D1", one.seq(), 1)).containsExactly(two);
        assertThat(store.transcript(A, "D1", three.seq(), 10)).isEmpty();
        assertThat(store.transcript(A, "D1", 0, 0)).isEmpty();
    }

    @Test
    void aReplacementKeepsItsSeqAndIsReadAgainByWhoeverPollsPastIt() {
        TranscriptEntry question = store.append(A, "D1", "q", "question 1");
        TranscriptEntry note = store.append(A, "D1", null, "note");
        TranscriptEntry replaced = store.append(A, "D1", "q", "question 2");
        TranscriptEntry again = store.append(A, "D1", "q", "question 3");

        assertThat(List.of(replaced.seq(), again.seq())).containsOnly(question.seq());
        assertThat(store.transcript(A, "D1", 0, 10)).containsExactly(again, note);
        assertThat(store.transcript(A, "D1", note.seq(), 10)).extracting(TranscriptEntry::payload)
                .containsExactly("question 3");
        assertThat(store.transcript(A, "D1", question.seq(), 1)).extracting(TranscriptEntry::payload)
                .containsExactly("question 3", "note");
    }

    @Test
    void aRepostReplacesTheEntryAndMovesItToTheEnd() {
        TranscriptEntry question = store.append(A, "D1", "q", "question 1");
        TranscriptEntry note = store.append(A, "D1", null, "note");
        TranscriptEntry reposted = store.repost(A, "D1", "q", "question 2");

        assertThat(reposted.seq()).isGreaterThan(note.seq());
        assertThat(store.transcript(A, "D1", 0, 10)).containsExactly(note, reposted);
        assertThat(store.transcript(A, "D1", question.seq(), 10)).containsExactly(note, reposted);
    }

    @Test
    void transcriptsBelongToTheirOrganisation() {
        store.append(A, "D2", null, "x");
        store.append(A, "D1", "q", "x");
        store.append(B, "D1", "q", "y");
        store.append(B, "D3", null, "y");

        assertThat(store.conversations(A)).containsExactly("D1", "D2");
        assertThat(store.conversations(B)).containsExactly("D1", "D3");
        assertThat(store.transcript(A, "D1", 0, 10)).extracting(TranscriptEntry::payload).containsExactly("x");
        assertThat(store.transcript(A, "D3", 0, 10)).isEmpty();
    }

    @Test
    void aChannelPostKeepsWhoAskedForIt() {
        store.enqueue(List.of(new OutboxMessage(A, "channel", "C1", "{}", "post:1", "U0LEADER")));
        assertThat(store.claimDue(clock.instant(), 10, LEASE)).singleElement()
                .satisfies(d -> assertThat(d.message().requestedBy()).isEqualTo("U0LEADER"));
    }
}
