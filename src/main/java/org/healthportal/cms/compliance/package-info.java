/**
 * What a health portal answers for: versioned disclaimers, the reviewer credential gate, the claims check against
 * the advertising rules with recorded justifications, and the per-article compliance record.
 */
package org.healthportal.cms.compliance;
