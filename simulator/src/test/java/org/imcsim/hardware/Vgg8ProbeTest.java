package org.imcsim.hardware;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imcsim.workload.Network;
import org.imcsim.workload.zoo.SyntheticTrace;
import org.imcsim.workload.zoo.Zoo;
import org.junit.jupiter.api.Test;

class Vgg8ProbeTest {
    @Test
    void probe() throws Exception {
        Network net = SyntheticTrace.withNeurosimWeights(Zoo.build("vgg8", 1), 1);
        HardwareSpec spec = HardwareSpec.builder().build();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            HardwareResult r = HardwareRun.execute(net, spec, new ActivitySource.Synthetic(1), HardwareRun.Options.defaults());
            long t1 = System.nanoTime();
            System.out.println("wall ms " + (t1 - t0) / 1e6 + " events " + r.events());
            if (rep == 2) {
                ObjectNode root = new ObjectMapper().createObjectNode();
                r.toJson(root);
                root.remove("provenance");
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
        }
    }
}
