/**
 * A small runnable scenario on the component framework: a source, a chain of clocked service
 * stages and a sink, with hand-checkable latency. Depends on {@code component} and {@code engine}.
 */
package org.imcsim.component.example;
