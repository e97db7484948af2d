package dk.vum.barometer.core.report;

/** Leaders' and staff's means on the same question; only made when both groups and both figures are shown. */
public record Gap(Fraction leaders, Fraction staff) {

    /** Leaders' mean minus staff's mean: positive when leaders see it more positively. */
    public Fraction difference() {
        return leaders.minus(staff);
    }
}
