/** Operator observations: the typed schema of API.md, validated field by field, stored versioned per instance. */
package org.slbdoctor.observation;
