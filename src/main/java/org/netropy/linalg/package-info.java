/** Small pure-Java linear algebra shared by the analytic parts (no native backend). */
package org.netropy.linalg;
