/**
 * The category tree (中医 › 特色中医 › 针刺疗法): names in Chinese and English, order, which specialties review each
 * branch and how often, and the admin screen that grows it.
 */
package org.healthportal.cms.taxonomy;
