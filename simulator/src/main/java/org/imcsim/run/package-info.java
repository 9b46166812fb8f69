/**
 * One simulation run from a validated config, independent of the command line (the CLI and the
 * sweep runner both call it): resolving the network and dataset, the accuracy study, and (once
 * the hardware model lands) the hardware run. Depends on config, workload, mapping, functional.
 */
package org.imcsim.run;
