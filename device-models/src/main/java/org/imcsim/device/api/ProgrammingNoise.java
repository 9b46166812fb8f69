package org.imcsim.device.api;

import java.util.List;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/**
 * The write-verify residual σ_prog(G) shared by the RRAM and PCM models, in one of three forms
 * (parameter {@code programmingNoise}):
 * <ul>
 *   <li>{@code constant}: {@code σ = programmingSigma·(gMax − gMin)} (state-independent, relative
 *       to the programmable range);</li>
 *   <li>{@code proportional}: {@code σ = programmingSigma·G};</li>
 *   <li>{@code polynomial}: {@code σ = |Σ_i c_i·x^i|·(gMax/gRef)} with {@code x = G/gMax} and
 *       the coefficients {@code c_i} in µS fitted at {@code gMax = gRef}
 *       ({@code programmingPolynomial}, {@code polynomialReference}), the form aihwkit uses for
 *       PCM and for the NeuRRAM fit.</li>
 * </ul>
 * Every form is multiplied by {@code programmingScale}. Immutable.
 */
public final class ProgrammingNoise {
    /** How σ depends on the target conductance. */
    public enum Mode { CONSTANT, PROPORTIONAL, POLYNOMIAL }

    private final Mode mode;
    private final double sigma;
    private final double[] coeffS;     // polynomial coefficients already in siemens, scaled by gMax/gRef and programmingScale
    private final double invGMax;
    private final double constantS;    // CONSTANT: σ in siemens; PROPORTIONAL: factor
    private final String text;

    private ProgrammingNoise(Mode mode, double sigma, double[] coeffS, double invGMax, double constantS, String text) {
        this.mode = mode;
        this.sigma = sigma;
        this.coeffS = coeffS;
        this.invGMax = invGMax;
        this.constantS = constantS;
        this.text = text;
    }

    /**
     * Specs with the model's defaults: {@code mode} ("constant", "proportional" or "polynomial"),
     * {@code sigma} (relative σ), polynomial coefficients (µS, ascending, comma-separated) and
     * reference gMax; {@code source} says where the defaults come from.
     */
    public static List<ParameterSpec> specs(String mode, String sigma, String polynomial, String reference, String source) {
        return List.of(
                ParameterSpec.choice("programmingNoise", mode,
                        "form of the write-verify residual sigma(G): constant (programmingSigma x (gMax-gMin)), "
                                + "proportional (programmingSigma x G) or polynomial (programmingPolynomial)",
                        List.of("constant", "proportional", "polynomial")),
                ParameterSpec.number("programmingSigma", sigma,
                        "relative programming sigma for programmingNoise constant or proportional, >= 0"),
                ParameterSpec.text("programmingPolynomial", polynomial,
                        "sigma polynomial coefficients c0,c1,... in uS, in powers of G/gMax, fitted at gMax = polynomialReference"
                                + (polynomial == null ? "" : " (default: " + source + ")")),
                ParameterSpec.quantity("polynomialReference", Dimension.CONDUCTANCE, reference,
                        "gMax at which programmingPolynomial was fitted; sigma scales by gMax/polynomialReference; unset: this model's gMax"),
                ParameterSpec.number("programmingScale", "1", "multiplier on the programming sigma, >= 0 (aihwkit prog_noise_scale)"));
    }

    /** Reads the programming-noise parameters; {@code gMinS}/{@code gMaxS} from the model's range. */
    public static ProgrammingNoise parse(DeviceParameters p, double gMinS, double gMaxS) {
        Mode mode = Mode.valueOf(p.choice("programmingNoise").toUpperCase(java.util.Locale.ROOT));
        double scale = CellParameters.nonNegative(p, "programmingScale");
        if (mode == Mode.POLYNOMIAL) {
            if (p.isSet("programmingSigma")) {
                throw new DeviceParameterException("programmingSigma",
                        "has no effect with programmingNoise=polynomial; set programmingPolynomial or programmingScale");
            }
            double[] cUs = parseCoefficients(p.text("programmingPolynomial"));
            double ref = p.hasValue("polynomialReference") ? p.si("polynomialReference") : gMaxS;
            if (!(ref > 0)) {
                throw new DeviceParameterException("polynomialReference", "must be > 0, got " + p.text("polynomialReference"));
            }
            double[] cS = new double[cUs.length];
            for (int i = 0; i < cUs.length; i++) {
                cS[i] = cUs[i] * 1e-6 * (gMaxS / ref) * scale;
            }
            String text = "sigma_prog = |poly(" + p.text("programmingPolynomial") + ") uS| x gMax/"
                    + Quantity.format(ref, Dimension.CONDUCTANCE) + (scale != 1 ? " x " + scale : "");
            return new ProgrammingNoise(mode, 0, cS, 1.0 / gMaxS, 0, text);
        }
        if (p.isSet("programmingPolynomial") || p.isSet("polynomialReference")) {
            throw new DeviceParameterException(p.isSet("programmingPolynomial") ? "programmingPolynomial" : "polynomialReference",
                    "has no effect with programmingNoise=" + mode.name().toLowerCase(java.util.Locale.ROOT) + "; set programmingNoise=polynomial");
        }
        double sigma = CellParameters.nonNegative(p, "programmingSigma");
        double c = mode == Mode.CONSTANT ? sigma * scale * (gMaxS - gMinS) : sigma * scale;
        String text = mode == Mode.CONSTANT ? "sigma_prog = " + sigma * scale + " x (gMax-gMin)" : "sigma_prog = " + sigma * scale + " x G";
        return new ProgrammingNoise(mode, sigma, new double[0], 1.0 / gMaxS, c, text);
    }

    /** Parses comma-separated coefficients; throws on key {@code programmingPolynomial}. */
    public static double[] parseCoefficients(String text) {
        String[] parts = text.split(",");
        double[] c = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                c[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new DeviceParameterException("programmingPolynomial",
                        "expected comma-separated numbers (uS), got \"" + parts[i].strip() + "\" at position " + (i + 1));
            }
            if (!Double.isFinite(c[i])) {
                throw new DeviceParameterException("programmingPolynomial", "coefficient " + (i + 1) + " is not finite");
            }
        }
        return c;
    }

    /** The form in use. */
    public Mode mode() {
        return mode;
    }

    /** True if σ is zero for every target. */
    public boolean isZero() {
        if (mode == Mode.POLYNOMIAL) {
            for (double c : coeffS) {
                if (c != 0) {
                    return false;
                }
            }
            return true;
        }
        return constantS == 0;
    }

    /** σ_prog for a target conductance, siemens, {@code >= 0}. */
    public double sigmaS(double gTargetS) {
        switch (mode) {
            case CONSTANT:
                return constantS;
            case PROPORTIONAL:
                return constantS * Math.abs(gTargetS);
            default:
                double x = gTargetS * invGMax;
                double[] c = coeffS;
                double acc = c[c.length - 1];
                for (int i = c.length - 2; i >= 0; i--) {
                    acc = acc * x + c[i];
                }
                return Math.abs(acc);
        }
    }

    /** The relative sigma as configured (constant/proportional modes), else 0. */
    public double relativeSigma() {
        return sigma;
    }

    /** One line for summaries. */
    @Override
    public String toString() {
        return text;
    }
}
