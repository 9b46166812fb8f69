package org.imcsim.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.imcsim.units.Dimension;
import org.junit.jupiter.api.Test;

/** Holds the {@link Param} annotations (docs, schema) and the record constructors (validation) to each other. */
class ConfigRecordsTest {
    /** Defaults, except one column per ADC so that any crossbar.cols passes the colsPerAdc divisibility check. */
    private static final ConfigDocument BASE = ConfigDocumentTest.yaml(ConfigDocumentTest.MINIMAL + "periphery:\n  adc:\n    colsPerAdc: 1\n");

    @Test
    void everyComponentIsAnnotatedAndEveryDefaultBinds() {
        Config defaults = BASE.bind();
        assertNotNull(defaults);
        for (String section : ConfigKeys.sections()) {
            for (RecordComponent c : ConfigKeys.sectionType(section).getRecordComponents()) {
                assertNotNull(c.getAnnotation(Param.class), section + "." + c.getName());
            }
        }
        assertEquals(128, defaults.crossbar().rows());
        assertEquals(1e9, defaults.chip().clockHz());
        assertEquals(22, defaults.technology().nodeNm());
    }

    @Test
    void choicesHaveDistinctNamesAndMeanings() {
        for (ConfigKeys.KeyDoc d : ConfigKeys.choices()) {
            assertEquals(d.choices().size(), new HashSet<>(d.choices()).size(), d.path());
        }
        for (String section : ConfigKeys.sections()) {
            for (ConfigBinder.Key k : ConfigBinder.keys(ConfigKeys.sectionType(section))) {
                for (ConfigChoice c : ConfigKeys.choiceConstants(k)) {
                    assertFalse(c.meaning().isBlank(), c.configName());
                }
            }
        }
    }

    /** For every documented bound: the bound itself passes unless exclusive, and a value just outside fails on that key. */
    @Test
    void documentedRangesMatchTheConstructors() {
        int checked = 0;
        List<String> paths = new ArrayList<>();
        for (String section : ConfigKeys.sections()) {
            for (ConfigBinder.Key k : ConfigBinder.keys(ConfigKeys.sectionType(section))) {
                if (k.isSection() || k.isOtherKeys()) {
                    continue;
                }
                String path = section + "." + k.name();
                Param p = k.param();
                boolean integer = k.type() == int.class || k.type() == Integer.class || k.type() == long.class || k.type() == Long.class;
                if (p.min() != Double.NEGATIVE_INFINITY) {
                    double outside = integer ? p.min() - 1 : p.minExclusive() ? p.min() : p.min() - 1e-6 * (Math.abs(p.min()) + 1);
                    double inside = integer ? p.min() : p.minExclusive() ? p.min() + 1e-6 * (Math.abs(p.min()) + 1) : p.min();
                    expect(path, k, inside, outside, integer);
                    checked++;
                    paths.add(path);
                }
                if (p.max() != Double.POSITIVE_INFINITY) {
                    double outside = integer ? p.max() + 1 : p.maxExclusive() ? p.max() : p.max() + 1e-6 * (Math.abs(p.max()) + 1);
                    double inside = integer ? p.max() : p.maxExclusive() ? p.max() - 1e-6 * (Math.abs(p.max()) + 1) : p.max();
                    expect(path, k, inside, outside, integer);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "bounds checked: " + checked + " " + paths);
    }

    private static void expect(String path, ConfigBinder.Key k, double inside, double outside, boolean integer) {
        JsonNode in = value(k, inside, integer);
        JsonNode out = value(k, outside, integer);
        assertDoesNotThrow(() -> BASE.with(path, in, "--set").bind(), path + "=" + in);
        BadInputException e = assertThrows(BadInputException.class, () -> BASE.with(path, out, "--set").bind(), path + "=" + out);
        assertEquals(path, e.field(), e.getMessage());
    }

    private static JsonNode value(ConfigBinder.Key k, double v, boolean integer) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (integer) {
            return f.numberNode((long) v);
        }
        if (k.param().unit() != Dimension.DIMENSIONLESS) {
            return f.textNode(QuantityText.format(v, k.param().unit()));
        }
        return f.numberNode(v);
    }

    @Test
    void recordsBuiltInCodeAreCheckedToo() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new AdcConfig(AdcConfig.AdcModel.SAR, 0, 8, AdcConfig.AdcRange.FULL, 99.9, 0, 0));
        assertEquals("bits", e.key());
        assertEquals("must be between 1 and 16, got 0", e.detail());
        Config c = ConfigDocumentTest.yaml(ConfigDocumentTest.MINIMAL).bind(); // 8 columns per ADC
        InvalidValueException cross = assertThrows(InvalidValueException.class, () -> new Config(null, c.technology(), c.device(),
                new CrossbarConfig(128, 100, CrossbarConfig.CellType.ONE_T_ONE_R, null, 0, 0, CrossbarConfig.IrDrop.NONE),
                c.periphery(), c.mapping(), c.chip(), c.workload(), c.simulation()));
        assertEquals("periphery.adc.colsPerAdc", cross.key());
        assertEquals("must divide crossbar.cols (100), got 8", cross.detail());
    }
}
