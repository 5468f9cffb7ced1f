/**
 * The public site: the pages readers see (home, category, article, search, sitemap, feed), rendered only from
 * live revisions, served from a node-local store of rendered bytes that every node drops on a cluster-wide
 * change signal, and a Lucene index each node keeps of the live articles.
 */
package org.healthportal.cms.site;
