/**
 * The media library: images editors upload (type- and size-checked, alt text required), stored in the database
 * so every instance serves the same bytes, and served with long-lived cache headers.
 */
package org.healthportal.cms.media;
