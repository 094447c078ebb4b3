/** The web shell: layout, dashboard, error handling (pages and problem+json), i18n. */
package org.slbdoctor.web;
