/**
 * The {@code imcsim} command line (picocli): run, validate, list, describe; logging setup; exit codes
 * (0 ok, 1 internal failure, 2 bad input). The only package that prints and exits; may depend on everything.
 */
package org.imcsim.cli;
