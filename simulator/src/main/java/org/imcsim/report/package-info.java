/**
 * Run reports: an immutable tree with sorted keys ({@link org.imcsim.report.Report}), canonical JSON
 * writing done atomically ({@link org.imcsim.report.ReportWriter}, {@link org.imcsim.report.AtomicFiles}).
 * May read every other package's results; nothing here prints or exits.
 */
package org.imcsim.report;
