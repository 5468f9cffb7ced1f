/**
 * The category tree (中医 › 特色中医 › 针刺疗法): names in Chinese and English, order, and each branch's review
 * rules (which specialties review it, how often, what an overdue review does), with the admin screen that grows it.
 */
package org.healthportal.cms.taxonomy;
