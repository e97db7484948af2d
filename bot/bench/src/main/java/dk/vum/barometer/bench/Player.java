package dk.vum.barometer.bench;

/**
 * Plays one respondent from the invitation to the thanks through one platform's protocol, each reply
 * checked to be the next step; counts what was acknowledged into the phase's {@link PhaseStats}.
 */
interface Player {

    /** @throws BenchFailure when a reply is not the step that should follow */
    void play(Respondent respondent);
}
