/**
 * Evaluation datasets: IDX (MNIST/Fashion-MNIST), CIFAR-10 binary and CSV readers with stated
 * preprocessing, and resolution of the shipped names under {@code traces/datasets/}.
 * May depend on {@code org.imcsim.workload} and {@code org.imcsim.config}.
 */
package org.imcsim.workload.data;
