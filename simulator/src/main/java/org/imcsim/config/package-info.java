/**
 * The configuration: YAML/JSON read by Jackson and bound to immutable, validated records (one per
 * section), quantities with units, {@code --set} overrides, presets, and the generated JSON schema
 * and reference. Depends on {@code org.imcsim.units}, {@code org.imcsim.device.api} and Jackson only.
 */
package org.imcsim.config;
