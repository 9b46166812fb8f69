package org.imcsim.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.imcsim.units.Dimension;

/**
 * Declares one config key on a record component of a config section. It is the single source of
 * the key's name, unit, default, documented range and meaning: the binder ({@link ConfigDocument}),
 * the JSON schema ({@link ConfigSchema}), the reference ({@link ConfigReference}) and
 * {@code imcsim describe} all read it. The record's compact constructor still does the checking
 * (via {@link Check}); a test holds the documented range and the constructor to each other.
 *
 * <p>Supported component types: {@code int}, {@code long}, {@code double} (a plain number, or a
 * quantity when {@link #unit()} is set, stored in SI units), {@code boolean}, {@code String},
 * {@code Integer}/{@code Double} (optional, null when absent), enums implementing
 * {@link ConfigChoice}, nested section records, and one {@code Map<String, String>} marked
 * {@link #otherKeys()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** Marker default: the key must be given. */
    String REQUIRED = "\u0000required";
    /** Marker default: the key is optional and the component is null when absent. */
    String NONE = "\u0000none";

    /** The config key when it differs from the component name (e.g. component {@code clockHz}, key {@code clock}). */
    String key() default "";

    /** One line: what the key means, and the source of its default when it has one. */
    String description();

    /** For a {@code double}/{@code Double} component: the dimension of the quantity (written with a unit, stored in SI). */
    Dimension unit() default Dimension.DIMENSIONLESS;

    /** The default as written in a config ({@code "128"}, {@code "1GHz"}, {@code "mlsa"}), or {@link #REQUIRED}/{@link #NONE}. Ignored for sections. */
    String defaultValue() default REQUIRED;

    /** Documented lower bound (SI units for quantities); the record constructor enforces it. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Documented upper bound (SI units for quantities); the record constructor enforces it. */
    double max() default Double.POSITIVE_INFINITY;

    /** True if {@link #min()} itself is not allowed. */
    boolean minExclusive() default false;

    /** True if {@link #max()} itself is not allowed. */
    boolean maxExclusive() default false;

    /**
     * Marks the {@code Map<String, String>} component that receives every key of the section not
     * declared by another component (the device section passes them to the device model provider).
     */
    boolean otherKeys() default false;
}
