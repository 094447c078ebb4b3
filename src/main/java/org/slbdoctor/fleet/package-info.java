/** Fleet scans: diagnose every registered instance of a region (or all) within the SLB API's rate limit. */
package org.slbdoctor.fleet;
