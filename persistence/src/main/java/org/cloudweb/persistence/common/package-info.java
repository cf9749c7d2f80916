/** Small types shared by several entities, such as the enabled/disabled state and enum column converters. */
package org.cloudweb.persistence.common;
