/**
 * What a health portal answers for: versioned disclaimers, the reviewer credential gate, and the claims check
 * against the advertising rules with recorded justifications. It checks texts ({@code CheckedText}) without
 * knowing articles, so content may use it and it uses no feature above it (docs/architecture.md).
 */
package org.healthportal.cms.compliance;
